//! The ways in: a country profile (every country has one, even where no
//! dataset covers it — that is worth knowing), a region, the datasets, and
//! the themes.

use evidence::model::GeoKind;
use leptos::prelude::*;

use crate::i18n::{Msg, t, theme_msg, use_lang};
use leptos_router::hooks::use_navigate;

use crate::prefs::use_href;
use crate::theme::Theme;
use crate::use_catalogue;

#[component]
pub fn EntryPoints() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let navigate = use_navigate();
    let catalogue = use_catalogue();
    let chosen = RwSignal::new(String::new());
    let places = move |kinds: &'static [GeoKind]| {
        catalogue.geographies().map(|r| {
            let mut v: Vec<(String, String)> = r
                .as_ref()
                .map(|g| g.geographies.iter().filter(|g| kinds.contains(&g.kind)).map(|g| (g.code.clone(), g.name.get(lang.get()).to_string())).collect())
                .unwrap_or_default();
            v.sort_by_key(|(_, name)| crate::text_match::fold(name));
            v
        })
        .unwrap_or_default()
    };
    let theme_count = move |th: Theme| {
        catalogue.datasets().map(|r| r.as_ref().map(|l| l.datasets.iter().filter(|d| Theme::of(d.coverage.method) == th).count()).unwrap_or(0)).unwrap_or(0)
    };
    let dataset_count = move || catalogue.datasets().map(|r| r.as_ref().map(|l| l.datasets.len()).unwrap_or(0)).unwrap_or(0);
    // Under Suspense: the server renders the lists with their data, and
    // the browser hydrates the same.
    view! {
        <Suspense fallback=|| ()>
        <section class="entry-points" aria-labelledby="entry-heading">
            <h2 id="entry-heading">{t(lang, Msg::FindEvidence)}</h2>
            <div class="entry-grid">
                <section class="entry" aria-labelledby="entry-country">
                    <h3 id="entry-country">{t(lang, Msg::ByCountry)}</h3>
                    <form class="country-form" on:submit=move |ev| {
                        ev.prevent_default();
                        let code = chosen.get_untracked();
                        if !code.is_empty() {
                            navigate(&href(&format!("/geo/{code}")), Default::default());
                        }
                    }>
                        <label for="country-select">{t(lang, Msg::ChooseCountry)}</label>
                        <div class="inline-form">
                            <select id="country-select" data-testid="country-select" on:change=move |ev| chosen.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                {move || places(&[GeoKind::Country]).into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
                            </select>
                            <button type="submit" data-testid="country-go">{t(lang, Msg::OpenProfile)}</button>
                        </div>
                    </form>
                    <p class="hint">{t(lang, Msg::CountryHint)}</p>
                </section>
                <section class="entry" aria-labelledby="entry-region">
                    <h3 id="entry-region">{t(lang, Msg::ByRegion)}</h3>
                    <ul class="link-list">
                        {move || places(&[GeoKind::World, GeoKind::Region]).into_iter().map(|(code, name)| {
                            let target = format!("/geo/{code}");
                            view! { <li><a href=href(&target)>{name}</a></li> }
                        }).collect_view()}
                    </ul>
                </section>
                <section class="entry" aria-labelledby="entry-dataset">
                    <h3 id="entry-dataset">{t(lang, Msg::ByDataset)}</h3>
                    <ul class="link-list">
                        <li><a href=move || href("/datasets")>{move || Msg::AllNDatasets.fill(lang.get(), &[&dataset_count().to_string()])}</a></li>
                        <li><a href=move || href("/coverage")>{t(lang, Msg::CoverageMatrix)}</a></li>
                        <li><a href=move || href("/compare")>{t(lang, Msg::CompareTwo)}</a></li>
                    </ul>
                </section>
                <section class="entry" aria-labelledby="entry-theme">
                    <h3 id="entry-theme">{t(lang, Msg::ByTheme)}</h3>
                    <ul class="link-list">
                        {Theme::ALL.into_iter().map(|th| view! {
                            <li><a href=move || href(&format!("/datasets?theme={}", th.code()))>
                                {t(lang, theme_msg(th))} {move || format!(" ({})", theme_count(th))}
                            </a></li>
                        }).collect_view()}
                    </ul>
                </section>
            </div>
        </section>
        </Suspense>
    }
}
