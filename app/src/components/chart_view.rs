//! A chart drawn by the `evidence` crate (the same code that renders the
//! exports), its text alternative, and the data table behind it. A table
//! chart is the table itself.

use std::collections::HashMap;

use evidence::chart::{Plot, Size, WorldMap, describe, render_plot, select, table};
use evidence::model::{Dataset, Geography, Lang};
use evidence::state::{ChartKind, ChartState};
use leptos::prelude::*;

use crate::components::chart::data_table::DataTable;
use crate::i18n::Msg;

/// Names of geographies in the chart's language.
pub fn geo_names(geos: &[Geography], lang: Lang) -> HashMap<String, String> {
    geos.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect()
}

/// Charts are drawn at the size they are shown, so text stays readable on a
/// phone: 760×440 wide, 480×360 narrow (the ratios style/main.css reserves).
pub fn chart_size(narrow: bool) -> Size {
    if narrow { Size::new(480, 360) } else { Size::new(760, 440) }
}

/// What a tapped or focused mark of the chart says: its accessible name
/// (value, period, note), or else its tooltip (a place with no data).
fn mark_text(target: Option<web_sys::EventTarget>) -> Option<String> {
    let el: web_sys::Element = wasm_bindgen::JsCast::dyn_into(target?).ok()?;
    let mark = el.closest("[aria-label], path, rect, circle").ok()??;
    if mark.tag_name().eq_ignore_ascii_case("svg") {
        return None;
    }
    if let Some(label) = mark.get_attribute("aria-label").filter(|l| !l.is_empty()) {
        return Some(label);
    }
    let title = mark.query_selector("title").ok()??;
    title.text_content().filter(|t| !t.trim().is_empty())
}

#[component]
pub fn ChartView(
    dataset: Dataset,
    geographies: Vec<Geography>,
    state: ChartState,
    world: Option<WorldMap>,
    /// Whether the data table under a picture starts open.
    #[prop(optional)]
    table_closed: bool,
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
    let viewport = crate::viewport::use_viewport();
    let summary = describe(&plot);
    let rows = table::rows(&plot);
    let caption = dataset.meta.indicator.name.get(lang).to_string();
    let is_table = state.chart == ChartKind::Table;
    let notes = selection.notes.clone();
    let missing: Vec<String> = selection.missing_geos.iter().map(|g| names.get(g).cloned().unwrap_or_else(|| g.clone())).collect();
    // Drawn at the screen's size: the server's (wide) drawing first, then,
    // on a phone, again once the browser has measured it.
    let svg = (!is_table).then(|| {
        let observations = selection.observations.clone();
        let state = state.clone();
        Memo::new(move |_| {
            let plot = Plot { meta: &dataset.meta, observations: &observations, geo_names: &names, state: &state, world: world.as_ref() };
            render_plot(&plot, chart_size(viewport.narrow.get()))
        })
    });
    let narrow = move || viewport.narrow.get();
    let table_open = move || !table_closed && viewport.two_columns.get();
    let n_rows = rows.len();
    // Hover shows a mark's tooltip; a tap or the keyboard focus shows the
    // same words under the chart, for touch screens and for sighted
    // keyboard users (a focus ring alone says nothing).
    let readout = RwSignal::new(None::<String>);
    let show = move |target: Option<web_sys::EventTarget>| {
        if let Some(text) = mark_text(target) {
            readout.set(Some(text));
        }
    };
    let figure = match svg {
        Some(svg) => view! {
            <div class="chart-svg" class:narrow=narrow inner_html=move || svg.get()
                on:focusin=move |ev| show(ev.target())
                on:click=move |ev| show(ev.target())></div>
            // Not a live region: a screen reader already reads the focused
            // mark's name, and would otherwise hear it twice.
            <p class="chart-readout" data-testid="chart-readout" class:empty=move || readout.with(Option::is_none)>
                {move || readout.get().unwrap_or_default()}
            </p>
        }.into_any(),
        None => view! { <DataTable rows=rows.clone() lang=lang caption=caption.clone()/> }.into_any(),
    };
    view! {
        <figure class="chart-figure" data-testid="chart" data-kind=selection.chart.code()>
            {figure}
            <figcaption class="chart-summary" data-testid="chart-summary">{summary}</figcaption>
            {(!notes.is_empty()).then(|| view! { <ul class="selection-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
            {(!missing.is_empty()).then(|| view! {
                <p class="gap-note" role="note" data-testid="gap-note">{Msg::NoFiguresFor.fill(lang, &[&missing.join(", ")])}</p>
            })}
        </figure>
        {(!is_table).then(|| view! {
            <details class="data-table" open=table_open data-testid="data-table-details">
                <summary>{Msg::DataTable.get(lang)} " " <span class="row-count">{crate::i18n::rows_count(n_rows, lang)}</span></summary>
                <DataTable rows=rows lang=lang caption=caption/>
            </details>
        })}
    }
}
