//! The caveat panel: beside every chart, never closed to nothing. Each kind
//! of caveat in the chosen tone and language, with the source's own
//! statement linked, the indicator's definition and population where given,
//! and links to the glossary terms it uses.

use evidence::api::TermName;
use evidence::model::{Caveat, CaveatKind, Lang, Localised, Tone, ToneText};
use leptos::prelude::*;

use crate::components::glossary_links::GlossaryLinks;
use crate::i18n::{Msg, t};

fn kind_msg(kind: CaveatKind) -> Msg {
    match kind {
        CaveatKind::Coverage => Msg::CaveatCoverage,
        CaveatKind::Bias => Msg::CaveatBias,
        CaveatKind::Definition => Msg::CaveatDefinition,
        CaveatKind::Comparability => Msg::CaveatComparability,
        CaveatKind::Method => Msg::CaveatMethod,
    }
}

/// A heading of level 2, 3, 4 or 5 (the panel sits under pages and cards of
/// different depths; headings must stay in order).
fn heading(level: u8, id: Option<String>, text: impl IntoView + 'static) -> AnyView {
    match level {
        0..=2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        4 => view! { <h4 id=id>{text}</h4> }.into_any(),
        _ => view! { <h5 id=id>{text}</h5> }.into_any(),
    }
}

/// Text in the chosen language, marked `lang="en"` where French fell back.
fn localised_item(text: Localised, lang: Signal<Lang>, prefix: Option<Msg>) -> impl IntoView {
    let t2 = text.clone();
    view! {
        <li lang=move || t2.get_with_fallback(lang.get()).1.then_some("en")>
            {prefix.map(|p| view! { <strong>{move || p.get(lang.get())} " "</strong> })}
            {move || text.get(lang.get()).to_string()}
        </li>
    }
}

#[component]
pub fn CaveatPanel(
    caveats: Vec<Caveat>,
    #[prop(into)] tone: Signal<Tone>,
    #[prop(into)] lang: Signal<Lang>,
    #[prop(optional)] extra_warnings: Vec<String>,
    /// The indicator's definition, shown first under "Definition".
    #[prop(optional)]
    definition: Option<ToneText>,
    /// Who is counted, shown first under "Coverage".
    #[prop(optional)]
    population: Option<ToneText>,
    /// Glossary terms the indicator uses, with their names.
    #[prop(optional)]
    terms: Vec<TermName>,
    /// Level of the panel's heading (2 by default); kinds are one below.
    #[prop(optional)]
    heading_level: Option<u8>,
    /// Makes the heading id unique when a page shows several panels.
    #[prop(optional, into)]
    id_suffix: Option<String>,
    /// A short panel (the first caveat of each kind) for places where many
    /// charts stand together, with a link to the page (path) that has them all.
    #[prop(optional, into)]
    more_path: Option<String>,
) -> impl IntoView {
    let level = heading_level.unwrap_or(2);
    let heading_id = match &id_suffix {
        Some(s) => format!("caveat-heading-{s}"),
        None => "caveat-heading".to_string(),
    };
    let mut kinds: Vec<CaveatKind> = caveats.iter().map(|c| c.kind).collect();
    if definition.is_some() {
        kinds.push(CaveatKind::Definition);
    }
    if population.is_some() {
        kinds.push(CaveatKind::Coverage);
    }
    kinds.sort();
    kinds.dedup();
    let sections = kinds
        .into_iter()
        .map(|kind| {
            let take = if more_path.is_some() { 1 } else { usize::MAX };
            let items: Vec<Caveat> = caveats.iter().filter(|c| c.kind == kind).take(take).cloned().collect();
            let lead = match kind {
                CaveatKind::Definition => definition.clone().map(|d| (d, Msg::IndicatorDefinition)),
                CaveatKind::Coverage => population.clone().map(|p| (p, Msg::Population)),
                _ => None,
            };
            let lead = lead.map(|(text, label)| {
                let text = Memo::new(move |_| text.localised(tone.get()).clone());
                view! { {move || localised_item(text.get(), lang, Some(label))} }
            });
            view! {
                <section class=format!("caveat caveat-{}", kind.code()) data-kind=kind.code()>
                    {heading(level + 1, None, move || kind_msg(kind).get(lang.get()))}
                    <ul>
                        {lead}
                        {items
                            .into_iter()
                            .map(|c| {
                                let c2 = c.clone();
                                let url = c.source_url.clone();
                                let text = move || c.text(tone.get()).get_with_fallback(lang.get()).0.to_string();
                                let fell_back = move || c2.text(tone.get()).get_with_fallback(lang.get()).1;
                                view! {
                                    <li lang=move || fell_back().then_some("en")>
                                        {text}
                                        {url.map(|u| view! {
                                            " " <a href=u rel="noopener noreferrer external" class="source-link">
                                                {t(lang, Msg::SourceLink)}
                                            </a>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    let has_terms = !terms.is_empty();
    let href = crate::prefs::use_href();
    let more = more_path.map(|path| {
        let n = caveats.len();
        view! { <p class="more-caveats"><a href=move || href(&path)>{move || Msg::AllCaveats.fill(lang.get(), &[&n.to_string()])}</a></p> }
    });
    let labelled_by = heading_id.clone();
    view! {
        <aside class="caveat-panel" aria-labelledby=labelled_by data-testid="caveat-panel">
            {heading(level, Some(heading_id), t(lang, Msg::WhatThisShows))}
            {(!extra_warnings.is_empty()).then(|| view! {
                <ul class="comparability-warnings" role="note">
                    {extra_warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            })}
            {sections}
            {more}
            {has_terms.then(|| view! {
                <section class="caveat caveat-terms" data-kind="glossary">
                    {heading(level + 1, None, t(lang, Msg::TermsUsed))}
                    <GlossaryLinks terms=terms/>
                </section>
            })}
        </aside>
    }
}
