//! `/`: what this is, a few headline figures each with its caveat, the ways
//! in (by country, region, dataset and theme), and how to read the numbers.

use leptos::prelude::*;

use crate::components::catalogue::dataset_list::DatasetList;
use crate::components::home::entry_points::EntryPoints;
use crate::components::home::headline_figures::HeadlineFigures;
use crate::components::layout::tone_switch::ToneSwitch;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_href, use_page_title};

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    use_page_title(String::new);
    view! {
        <section class="hero" aria-labelledby="home-title">
            <h1 id="home-title">{t(lang, Msg::HomeTitle)}</h1>
            <p class="lede">{t(lang, Msg::HomeIntro)}</p>
        </section>
        <section class="headlines" aria-labelledby="headlines-heading">
            <div class="section-head">
                <h2 id="headlines-heading">{t(lang, Msg::HeadlineFigures)}</h2>
                <ToneSwitch/>
            </div>
            <HeadlineFigures/>
        </section>
        <section class="how-to-read" aria-labelledby="how-to-read">
            <h2 id="how-to-read">{t(lang, Msg::HowToRead)}</h2>
            <ul>
                <li>{t(lang, Msg::HowToRead1)}</li>
                <li>{t(lang, Msg::HowToRead2)}</li>
                <li>{t(lang, Msg::HowToRead3)}</li>
                <li>{t(lang, Msg::HowToRead4)}</li>
            </ul>
            <p><a href=move || href("/methods")>{t(lang, Msg::ReadMethods)}</a></p>
        </section>
        <EntryPoints/>
        <section aria-labelledby="datasets-heading">
            <h2 id="datasets-heading">{t(lang, Msg::AllDatasets)}</h2>
            <DatasetList/>
        </section>
    }
}
