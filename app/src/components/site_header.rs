use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::language_switch::LanguageSwitch;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_href;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let link = move |path: &'static str| move || href(path);
    view! {
        // target=_self: the browser moves focus to <main>; a routed link would not.
        <a class="skip-link" href="#content" target="_self">{t(lang, Msg::SkipToContent)}</a>
        <header class="site-header">
            // On phones the short name (style/main.css), so the header stays one
            // line and the chart starts on the first screen.
            <A href=link("/") attr:class="brand">
                <span class="brand-full">{t(lang, Msg::SiteName)}</span>
                <span class="brand-short">{t(lang, Msg::SiteShortName)}</span>
            </A>
            <nav aria-label=t(lang, Msg::NavMain) class="main-nav">
                <ul>
                    <li><A href=link("/datasets")>{t(lang, Msg::NavDatasets)}</A></li>
                    <li><A href=link("/coverage")>{t(lang, Msg::NavCoverage)}</A></li>
                    <li><A href=link("/compare")>{t(lang, Msg::NavCompare)}</A></li>
                    <li><A href=link("/glossary")>{t(lang, Msg::NavGlossary)}</A></li>
                    <li><A href=link("/ecosystem")>{move || evidence::words::W::EcoNav.get(lang.get())}</A></li>
                    <li><A href=link("/methods")>{t(lang, Msg::NavMethods)}</A></li>
                </ul>
            </nav>
            <LanguageSwitch/>
        </header>
    }
}
