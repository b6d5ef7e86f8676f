use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};
use crate::prefs::use_href;

/// What the site is and is not, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    view! {
        <footer class="site-footer">
            <p>{t(lang, Msg::FooterText)}</p>
            <p><a href=move || href("/methods")>{t(lang, Msg::NavMethods)}</a></p>
        </footer>
    }
}
