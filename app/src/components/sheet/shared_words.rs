//! The title and notes a link's sharer added, under a heading that says
//! they are the sharer's words, not ours.

use evidence::sheet::ChartSheet;
use leptos::prelude::*;

#[component]
pub fn SharedWords(#[prop(into)] sheet: Signal<ChartSheet>, testid: &'static str) -> impl IntoView {
    move || {
        sheet.with(|s| s.shared.clone().map(|shared| (shared.lines(s.lang), shared.heading))).map(|(lines, heading)| {
            view! {
                <aside class="shared-words" role="note" data-testid=testid>
                    <p class="shared-heading"><strong>{heading}</strong></p>
                    <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </aside>
            }
        })
    }
}
