use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::layout::language_switch::LanguageSwitch;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_href;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let link = move |path: &'static str| move || href(path);
    // On a phone the links are behind a disclosure (style/main.css): a
    // <details> the browser opens and closes itself, with the keyboard too
    // and without JavaScript. The header outlives the pages: once a link is
    // followed, the menu closes.
    let menu = NodeRef::<leptos::html::Details>::new();
    let location = use_location();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(menu) = menu.get_untracked() {
            let _ = menu.remove_attribute("open");
        }
    });
    view! {
        // target=_self: the browser moves focus to <main>; a routed link would not.
        <a class="skip-link" href="#content" target="_self">{t(lang, Msg::SkipToContent)}</a>
        <header class="site-header">
            // On phones the short name (style/main.css), so the header stays one
            // line (name, menu, languages) and the chart starts on the first screen.
            <A href=link("/") attr:class="brand">
                <span class="brand-full">{t(lang, Msg::SiteName)}</span>
                <span class="brand-short">{t(lang, Msg::SiteShortName)}</span>
            </A>
            <details class="nav-toggle" node_ref=menu>
                <summary aria-controls="main-nav">{move || evidence::words::W::NavMenu.get(lang.get())}</summary>
            </details>
            // On a phone, shown when the disclosure before it is open; the
            // links wrap onto as many lines as they need, none cut.
            <nav aria-label=t(lang, Msg::NavMain) class="main-nav" id="main-nav">
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
