//! `/datasets`: every dataset with its publisher, coverage and method, and
//! a filter by theme (`?theme=reports|surveys|pooled|offenders`).

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
    use_page_title(move || Msg::Datasets.get(lang.get()).to_string());
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
        <h2 class="list-heading">{move || theme.get().map_or(Msg::AllThemes, theme_msg).get(lang.get())}</h2>
        <DatasetList theme=theme/>
    }
}
