//! The caveat panel: beside every chart, never closed to nothing. Each kind
//! of caveat in the chosen tone and language, with the source's own
//! statement linked, the indicator's definition and population where given,
//! and links to the glossary terms it uses.

use evidence::api::TermName;
use evidence::model::{Caveat, Lang, Tone, ToneText};
use evidence::sheet::{CaveatSection, caveat_sections};
use evidence::words::W;
use leptos::prelude::*;

use crate::components::glossary_links::GlossaryLinks;
use crate::i18n::{Msg, t};

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

/// One kind of caveat, every statement of it, as the chart sheet has them
/// (evidence::sheet::caveat_sections: the same statements the first paint,
/// the embed and the exports carry).
fn section_view(section: CaveatSection, level: u8, lang: Lang) -> impl IntoView {
    let target = crate::components::sheet::link_target();
    view! {
        <section class=format!("caveat caveat-{}", section.kind.code()) data-kind=section.kind.code()>
            {heading(level + 1, None, section.label)}
            <ul>
                {section.items.into_iter().map(|item| view! {
                    <li class="caveat-line" lang=item.fell_back.then_some("en")>
                        {item.lead.map(|lead| view! { <strong>{lead} " "</strong> })}
                        {item.text}
                        {item.source_url.map(|u| view! {
                            " " <a href=u target=target rel="noopener noreferrer external" class="source-link">{W::SourceLink.get(lang)}</a>
                        })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
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
    let take = if more_path.is_some() { 1 } else { usize::MAX };
    let n = caveats.len();
    let sections = Memo::new(move |_| caveat_sections(&caveats, definition.as_ref(), population.as_ref(), tone.get(), lang.get(), take));
    let sections = move || {
        let l = lang.get();
        sections.get().into_iter().map(|s| section_view(s, level, l)).collect_view()
    };
    let has_terms = !terms.is_empty();
    let href = crate::prefs::use_href();
    let more = more_path.map(|path| {
        view! { <p class="more-caveats"><a href=move || href(&path)>{move || Msg::AllCaveats.fill(lang.get(), &[&n.to_string()])}</a></p> }
    });
    let labelled_by = heading_id.clone();
    view! {
        <aside class="caveat-panel" aria-labelledby=labelled_by data-testid="caveat-panel">
            {heading(level, Some(heading_id), move || W::CaveatsHeading.get(lang.get()))}
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
