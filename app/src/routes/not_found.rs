use leptos::prelude::*;

use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_href, use_page_title};

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    use_page_title(move || Msg::NotFound.get(lang.get()).to_string());
    view! {
        <h1>{t(lang, Msg::NotFound)}</h1>
        <p>{t(lang, Msg::NotFoundText)}</p>
        <p><a href=move || href("/")>{t(lang, Msg::NavHome)}</a> " · "
            {t(lang, Msg::NotFoundLinks)} " "
            <a href=move || href("/datasets")>{t(lang, Msg::AllDatasetsLower)}</a> " · "
            <a href=move || href("/coverage")>{t(lang, Msg::AllPlaces)}</a></p>
    }
}
