//! The caveat panel: beside every chart, never closed to nothing. Each kind
//! of caveat in the chosen tone and language, with the source's own
//! statement linked.

use evidence::model::{Caveat, CaveatKind, Lang, Tone};
use leptos::prelude::*;

use crate::i18n::Msg;

fn kind_msg(kind: CaveatKind) -> Msg {
    match kind {
        CaveatKind::Coverage => Msg::CaveatCoverage,
        CaveatKind::Bias => Msg::CaveatBias,
        CaveatKind::Definition => Msg::CaveatDefinition,
        CaveatKind::Comparability => Msg::CaveatComparability,
        CaveatKind::Method => Msg::CaveatMethod,
    }
}

#[component]
pub fn CaveatPanel(
    caveats: Vec<Caveat>,
    #[prop(into)] tone: Signal<Tone>,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional)] extra_warnings: Vec<String>,
) -> impl IntoView {
    let mut kinds: Vec<CaveatKind> = caveats.iter().map(|c| c.kind).collect();
    kinds.sort();
    kinds.dedup();
    let sections = kinds
        .into_iter()
        .map(|kind| {
            let items: Vec<Caveat> = caveats.iter().filter(|c| c.kind == kind).cloned().collect();
            view! {
                <section class=format!("caveat caveat-{}", kind.code()) data-kind=kind.code()>
                    <h3>{move || kind_msg(kind).get(lang.get())}</h3>
                    <ul>
                        {items
                            .into_iter()
                            .map(|c| {
                                let c2 = c.clone();
                                let url = c.source_url.clone();
                                let text = move || c.text(tone.get()).get_with_fallback(lang.get()).0.to_string();
                                let fell_back = move || c2.text(tone.get()).get_with_fallback(lang.get()).1;
                                view! {
                                    <li lang=move || if fell_back() { Some("en") } else { None }>
                                        {text}
                                        {url.map(|u| view! { " " <a href=u rel="noopener noreferrer" class="source-link">"(source)"</a> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <aside class="caveat-panel" aria-labelledby="caveat-heading" data-testid="caveat-panel">
            <h2 id="caveat-heading">{move || Msg::WhatThisShows.get(lang.get())}</h2>
            {(!extra_warnings.is_empty()).then(|| view! {
                <ul class="comparability-warnings" role="note">
                    {extra_warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            })}
            {sections}
        </aside>
    }
}
