//! `/`: what this is, how to read the numbers, and the way in.

use leptos::prelude::*;

use super::datasets::DatasetList;
use crate::i18n::{Msg, t, use_lang};

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="hero">
            <h1>{t(lang, Msg::HomeTitle)}</h1>
            <p class="lede">{t(lang, Msg::HomeIntro)}</p>
        </section>
        <section class="how-to-read" aria-labelledby="how-to-read">
            <h2 id="how-to-read">{t(lang, Msg::HowToRead)}</h2>
            <p>{t(lang, Msg::HowToReadText)}</p>
        </section>
        <section aria-labelledby="datasets-heading">
            <h2 id="datasets-heading">{t(lang, Msg::Datasets)}</h2>
            <DatasetList/>
        </section>
    }
}
