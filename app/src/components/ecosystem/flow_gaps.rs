//! The flows that exist but have no public data, and what is missing.

use evidence::ecosystem::EcosystemView;
use evidence::words::W;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::prefs::use_tone;

#[component]
pub fn FlowGaps(view: EcosystemView) -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let eco = view.ecosystem();
    let items = view
        .flows
        .iter()
        .filter(|f| !f.public_data)
        .map(|f| {
            let (eco, f) = (eco.clone(), f.clone());
            let gap = f.gap.clone().unwrap_or_default();
            view! {
                <li>
                    <strong>{move || evidence::ecosystem::flow_sentence(&eco, &f, lang.get())}</strong>
                    ". " {move || gap.get(tone.get(), lang.get()).to_string()}
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{move || W::EcoGapsIntro.get(lang.get())}</p>
        <ul class="eco-gaps">{items}</ul>
    }
}
