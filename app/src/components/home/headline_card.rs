use evidence::model::{Caveat, DatasetMeta, Lang, Observation};
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
    /// The dataset, for the words of its provenance grades.
    meta: DatasetMeta,
    /// The figures the card shows, with their grades.
    shown: Vec<Observation>,
) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let href = use_href();
    let chart = format!("/datasets/{dataset_id}");
    let caveat_text = move || caveat.as_ref().map(|c| c.text(tone.get()).get(lang.get()).to_string());
    // The least direct grade among the figures shown: its mark and the
    // model's own words for it, in the chosen tone and language.
    let grade = shown.iter().map(|o| o.grade).filter(|g| !g.is_verbatim()).max();
    let grade_view = grade.map(|g| {
        let note = move || meta.grade_notes(&shown, tone.get(), lang.get()).join(" ");
        view! {
            <p class="headline-grade grade-note" data-testid="headline-grade" data-grade=g.code()>
                <span class=format!("grade-mark grade-{}", g.code()) aria-hidden="true"></span>
                <strong>{t(lang, Msg::GradeMarkLabel)} " " {move || g.short_label(lang.get())} "."</strong> " "
                <span data-testid="grade-note">{note}</span>
            </p>
        }
    });
    view! {
        <li class="headline-card" data-testid="headline" data-dataset=dataset_id>
            <p class="headline-value">{move || value(lang.get())}</p>
            <p class="headline-label">{move || label(lang.get())}</p>
            <p class="headline-caveat" data-testid="headline-caveat">
                <strong>{t(lang, Msg::Caveat)} " "</strong>{caveat_text}
            </p>
            {grade_view}
            <p><a href=move || href(&chart)>{t(lang, Msg::OpenChartAndCaveats)}</a></p>
        </li>
    }
}
