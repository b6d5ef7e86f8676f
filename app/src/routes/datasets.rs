//! `/datasets`: every dataset with its publisher, coverage and method, and
//! a filter by theme (`?theme=reports|surveys|pooled|offenders`) and, in a
//! GET form that works without JavaScript, by the publisher's sector, the
//! figures' origin and a declared breakdown (`?sector=&origin=&breakdown=`).

use evidence::model::{Breakdown, Origin, Sector};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::catalogue::dataset_list::DatasetList;
use crate::i18n::{Msg, t, theme_msg, use_lang};
use crate::prefs::{use_href, use_page_title};
use crate::theme::Theme;

#[component]
pub fn DatasetsPage() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let query = use_query_map();
    let theme = Signal::derive(move || query.read().get("theme").and_then(|t| Theme::parse(&t)));
    let filters = Signal::derive(move || {
        let q = query.read();
        (
            q.get("sector").and_then(|v| Sector::parse(&v)),
            q.get("origin").and_then(|v| Origin::parse(&v)),
            q.get("breakdown").and_then(|v| Breakdown::parse(&v)),
        )
    });
    use_page_title(move || Msg::Datasets.get(lang.get()).to_string());
    // One select per filter; the current choice is selected.
    fn select<T: Copy + PartialEq + Send + Sync + 'static>(
        name: &'static str,
        label: Msg,
        all: Vec<T>,
        code: fn(T) -> &'static str,
        word: fn(T, evidence::model::Lang) -> &'static str,
        current: Signal<Option<T>>,
        lang: Signal<evidence::model::Lang>,
    ) -> impl IntoView {
        let id = format!("filter-{name}");
        view! {
            <p class="filter-field">
                <label for=id.clone()>{t(lang, label)}</label> " "
                <select id=id name=name data-testid=format!("filter-{name}")>
                    <option value="" selected=move || current.get().is_none()>{t(lang, Msg::FilterAny)}</option>
                    {all.into_iter().map(|v| view! {
                        <option value=code(v) selected=move || current.get() == Some(v)>{move || word(v, lang.get())}</option>
                    }).collect_view()}
                </select>
            </p>
        }
    }
    let link = move |th: Option<Theme>| {
        move || href(&th.map_or_else(|| "/datasets".to_string(), |t| format!("/datasets?theme={}", t.code())))
    };
    view! {
        <h1>{t(lang, Msg::Datasets)}</h1>
        <p class="lede">{t(lang, Msg::DatasetsIntro)}</p>
        <nav class="theme-filter" aria-label=t(lang, Msg::Themes)>
            <ul>
                <li><a href=link(None) aria-current=move || theme.get().is_none().then_some("page")>{t(lang, Msg::AllThemes)}</a></li>
                {Theme::ALL.into_iter().map(|th| view! {
                    <li><a href=link(Some(th)) data-testid=format!("theme-{}", th.code())
                        aria-current=move || (theme.get() == Some(th)).then_some("page")>{t(lang, theme_msg(th))}</a></li>
                }).collect_view()}
            </ul>
        </nav>
        // A GET form drops the query of its action: the language, tone and
        // theme travel as hidden fields.
        <form class="catalogue-filter" method="get" action="/datasets" data-testid="catalogue-filter">
            {move || theme.get().map(|th| view! { <input type="hidden" name="theme" value=th.code()/> })}
            {move || query.read().get("lang").map(|v| view! { <input type="hidden" name="lang" value=v/> })}
            {move || query.read().get("tone").map(|v| view! { <input type="hidden" name="tone" value=v/> })}
            {select("sector", Msg::FilterSector, Sector::ALL.to_vec(), Sector::code, Sector::label, Signal::derive(move || filters.get().0), lang)}
            {select("origin", Msg::FilterOrigin, Origin::ALL.to_vec(), Origin::code, Origin::label, Signal::derive(move || filters.get().1), lang)}
            {select("breakdown", Msg::FilterBreakdown, Breakdown::ALL.to_vec(), Breakdown::code, Breakdown::label, Signal::derive(move || filters.get().2), lang)}
            <button type="submit">{t(lang, Msg::FilterApply)}</button>
        </form>
        <h2 class="list-heading">{move || theme.get().map_or(Msg::AllThemes, theme_msg).get(lang.get())}</h2>
        <DatasetList theme=theme filters=filters/>
    }
}
