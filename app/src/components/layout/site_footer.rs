use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_href;

/// What the site is and is not, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let location = use_location();
    // On paper the address is the way back to the live page, with every
    // setting of the chart (they are all in the query).
    let permalink = move || {
        let origin = crate::page_origin();
        let search = location.search.get();
        let q = if search.is_empty() || search.starts_with('?') { search } else { format!("?{search}") };
        format!("{origin}{}{q}", location.pathname.get())
    };
    view! {
        <footer class="site-footer">
            <p>{t(lang, Msg::FooterText)}</p>
            <p><a href=move || href("/methods")>{t(lang, Msg::NavMethods)}</a></p>
            <p class="print-only permalink" data-testid="permalink">{t(lang, Msg::Permalink)} " " <span>{permalink}</span></p>
        </footer>
    }
}
