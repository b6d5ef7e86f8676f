use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Msg, t, use_lang};
use crate::localised_href;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let link = move |path: &'static str| move || localised_href(path, lang.get());
    view! {
        <a class="skip-link" href="#content">{t(lang, Msg::SkipToContent)}</a>
        <header class="site-header">
            <A href=link("/") attr:class="brand">{t(lang, Msg::SiteName)}</A>
            <nav aria-label="Main">
                <ul>
                    <li><A href=link("/datasets")>{t(lang, Msg::NavDatasets)}</A></li>
                </ul>
            </nav>
        </header>
    }
}
