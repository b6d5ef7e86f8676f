//! Every source of a chart, linked, then the licence and the data release.

use evidence::sheet::ChartSheet;
use leptos::prelude::*;

use super::link_target;

#[component]
pub fn SheetSources(#[prop(into)] sheet: Signal<ChartSheet>) -> impl IntoView {
    let target = link_target();
    view! {
        <ul class="sources">
            {move || sheet.with(|s| s.sources.clone()).into_iter().map(|src| view! {
                <li><a href=src.url.clone() target=target rel="noopener noreferrer external">{src.label()}</a></li>
            }).collect_view()}
        </ul>
        <p class="licence">{move || sheet.with(|s| format!("{} · {}", s.publisher, s.licence_line))}</p>
        {move || sheet.with(|s| s.release_line.clone()).map(|line| view! { <p class="release" data-testid="data-release">{line}</p> })}
    }
}
