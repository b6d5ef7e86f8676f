use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{t(lang, Msg::NotFound)}</h1>
        <p>{t(lang, Msg::NotFoundText)}</p>
        <p><a href="/">{t(lang, Msg::NavHome)}</a></p>
    }
}
