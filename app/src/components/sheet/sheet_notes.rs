//! The sheet's statements beside the caveats: which datasets this one may
//! not be mixed with, and where its figures come from; and the notes on
//! what the selection leaves out.

use evidence::sheet::ChartSheet;
use leptos::prelude::*;

/// Comparability notes and provenance, each under its heading (of the
/// given level: 2 on the chart page, 3 inside the embed's panel).
#[component]
pub fn SheetNotes(#[prop(into)] sheet: Signal<ChartSheet>, #[prop(optional)] heading_level: Option<u8>) -> impl IntoView {
    let level = heading_level.unwrap_or(2);
    move || {
        sheet.with(|s| {
            [(s.comparability_heading.clone(), s.comparability.clone(), "comparability-notes"), (s.provenance_heading.clone(), s.provenance.clone(), "provenance")]
                .into_iter()
                .filter(|(_, lines, _)| !lines.is_empty())
                .map(|(heading, lines, class)| {
                    let heading = if level <= 2 { view! { <h2>{heading}</h2> }.into_any() } else { view! { <h3>{heading}</h3> }.into_any() };
                    view! {
                        <section class=format!("sheet-notes {class}") data-kind=class data-testid=class>
                            {heading}
                            <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    }
}

/// Regional sums and places without a figure (by name).
#[component]
pub fn SelectionNotes(#[prop(into)] sheet: Signal<ChartSheet>) -> impl IntoView {
    move || {
        let notes = sheet.with(|s| s.selection_notes.clone());
        (!notes.is_empty()).then(|| view! { <ul class="selection-notes" role="note">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })
    }
}
