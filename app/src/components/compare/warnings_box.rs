//! "Before you compare": every warning for the pair on screen, the ones
//! that mean "do not compare" first and marked as such.

use leptos::prelude::*;

use crate::compare_warnings::CompareWarning;
use crate::i18n::{t, Msg, compare_warning_text, use_lang, warning_label};
use crate::prefs::use_tone;

#[component]
pub fn WarningsBox(warnings: Vec<CompareWarning>, a_title: String, b_title: String) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let blocking = warnings.iter().any(CompareWarning::is_blocking);
    let warnings = StoredValue::new(warnings);
    view! {
        <section class="compare-warnings" class:blocking=blocking aria-labelledby="warnings-heading" data-testid="compare-warnings">
            <h2 id="warnings-heading">{t(lang, Msg::BeforeYouCompare)}</h2>
            {move || {
                let (l, t) = (lang.get(), tone.get());
                warnings.with_value(|ws| {
                    if ws.is_empty() {
                        return view! { <p>{Msg::NoWarnings.get(l)}</p> }.into_any();
                    }
                    view! {
                        <ul>
                            {ws.iter().map(|w| {
                                let kind = if w.is_blocking() { "blocking" } else { "care" };
                                let label = warning_label(w);
                                view! {
                                    <li class=format!("warning warning-{kind}") data-testid="compare-warning" data-blocking=w.is_blocking().to_string()>
                                        <strong>{label.get(l)} " "</strong>
                                        {compare_warning_text(w, l, t, &a_title, &b_title)}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })
            }}
        </section>
    }
}
