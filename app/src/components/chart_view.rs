//! A chart drawn by the `evidence` crate (the same code that renders the
//! exports), its text alternative, and the data table behind it.

use std::collections::HashMap;

use evidence::chart::{Plot, Size, WorldMap, describe, format_number, render_plot, select};
use evidence::model::{Dataset, Geography};
use evidence::state::ChartState;
use leptos::prelude::*;

use crate::i18n::Msg;

/// Names of geographies in the chart's language.
pub fn geo_names(geos: &[Geography], lang: evidence::model::Lang) -> HashMap<String, String> {
    geos.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect()
}

#[component]
pub fn ChartView(
    dataset: Dataset,
    geographies: Vec<Geography>,
    state: ChartState,
    world: Option<WorldMap>,
) -> impl IntoView {
    let lang = state.lang;
    let names = geo_names(&geographies, lang);
    let selection = select(&dataset, &state, &geographies);
    let plot = Plot {
        meta: &dataset.meta,
        observations: &selection.observations,
        geo_names: &names,
        state: &state,
        world: world.as_ref(),
    };
    let svg = render_plot(&plot, Size::new(760, 440));
    let summary = describe(&plot);
    let rows: Vec<_> = selection
        .observations
        .iter()
        .map(|o| {
            let interval = match (o.lower, o.upper) {
                (Some(l), Some(u)) => format!("{}–{}", format_number(l, lang), format_number(u, lang)),
                _ => String::new(),
            };
            let source = dataset.meta.source(&o.source_ref).map(|s| s.title.clone()).unwrap_or_default();
            (plot.series_key_label(o), o.period.label(), format_number(o.value, lang), interval, o.note.clone(), source)
        })
        .collect();
    let notes = selection.notes.clone();
    let missing = selection.missing_geos.clone();
    view! {
        <figure class="chart-figure" data-testid="chart">
            <div class="chart-svg" inner_html=svg></div>
            <figcaption class="chart-summary" data-testid="chart-summary">{summary}</figcaption>
            {(!notes.is_empty()).then(|| view! { <ul class="selection-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
            {(!missing.is_empty()).then(|| view! {
                <p class="gap-note" role="note">"No figures for: " {missing.join(", ")} " — shown as a gap, not a zero."</p>
            })}
        </figure>
        <details class="data-table" open=true>
            <summary>{Msg::DataTable.get(lang)}</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label=Msg::DataTable.get(lang)>
                <table data-testid="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{Msg::Place.get(lang)}</th>
                            <th scope="col">{Msg::Period.get(lang)}</th>
                            <th scope="col" class="num">{Msg::Value.get(lang)}</th>
                            <th scope="col" class="num">{Msg::Interval.get(lang)}</th>
                            <th scope="col">{Msg::Note.get(lang)}</th>
                            <th scope="col">{Msg::Source.get(lang)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|(label, period, value, interval, note, source)| view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{period}</td>
                                    <td class="num">{value}</td>
                                    <td class="num">{interval}</td>
                                    <td>{note}</td>
                                    <td>{source}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
