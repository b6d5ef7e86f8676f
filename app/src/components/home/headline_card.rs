use evidence::model::{Caveat, Lang};
use leptos::prelude::*;

use crate::i18n::{t, Msg, use_lang};
use crate::prefs::{use_href, use_tone};

/// One headline figure: the number, what it is, and the caveat that must
/// travel with it, in the chosen wording.
#[component]
pub fn HeadlineCard(
    /// The figure, formatted, per language.
    value: Box<dyn Fn(Lang) -> String + Send + Sync>,
    /// What the figure is, per language.
    label: Box<dyn Fn(Lang) -> String + Send + Sync>,
    caveat: Option<Caveat>,
    dataset_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let href = use_href();
    let chart = format!("/datasets/{dataset_id}");
    let caveat_text = move || caveat.as_ref().map(|c| c.text(tone.get()).get(lang.get()).to_string());
    view! {
        <li class="headline-card" data-testid="headline" data-dataset=dataset_id>
            <p class="headline-value">{move || value(lang.get())}</p>
            <p class="headline-label">{move || label(lang.get())}</p>
            <p class="headline-caveat" data-testid="headline-caveat">
                <strong>{t(lang, Msg::Caveat)} " "</strong>{caveat_text}
            </p>
            <p><a href=move || href(&chart)>{t(lang, Msg::OpenChartAndCaveats)}</a></p>
        </li>
    }
}
