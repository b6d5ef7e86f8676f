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
fn mark_text(el: &web_sys::Element) -> Option<String> {
    let mark = mark_of(el)?;
    if let Some(label) = mark.get_attribute("aria-label").filter(|l| !l.is_empty()) {
        return Some(label);
    }
    let title = mark.query_selector("title").ok()??;
    title.text_content().filter(|t| !t.trim().is_empty())
}

/// The mark an element of the chart belongs to (None for the chart itself).
fn mark_of(el: &web_sys::Element) -> Option<web_sys::Element> {
    let mark = el.closest("[aria-label], path, rect, circle").ok()??;
    (!mark.tag_name().eq_ignore_ascii_case("svg")).then_some(mark)
}

fn as_element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    wasm_bindgen::JsCast::dyn_into(target?).ok()
}

/// How long after a finger lifts the focus and click it causes may arrive
/// (the click, last, ends the tap sooner).
const TAP_MS: f64 = 600.0;

// A touch screen's tap, read where the finger really was. On a tap the
// browser moves its click and the focus to the nearest clickable thing
// within the finger's reach (Chromium's touch adjustment): on a phone-sized
// map, a neighbour of a small country, or of a large one near its border.
// Pointer events are not adjusted, so the mark under the finger is taken
// from them (`mark_at`), and the click and focus that follow the tap are
// given to that mark (ChartView's `follow`).

/// The mark of the chart at a point of the screen.
fn mark_at(x: f64, y: f64) -> Option<web_sys::Element> {
    let mark = mark_of(&document().element_from_point(x as f32, y as f32)?)?;
    mark.closest(".chart-svg").ok().flatten().map(|_| mark)
}

/// Where a pointer event happened, to the fraction of a pixel (web-sys
/// gives `clientX` as a whole number, which may fall on the neighbour when
/// the finger is near a border).
fn point_of(ev: &web_sys::PointerEvent) -> (f64, f64) {
    let get = |name: &str| js_sys::Reflect::get(ev, &wasm_bindgen::JsValue::from_str(name)).ok().and_then(|v| v.as_f64());
    (get("clientX").unwrap_or(ev.client_x() as f64), get("clientY").unwrap_or(ev.client_y() as f64))
}

/// Moves the keyboard focus to a mark (an SVG element: no `focus` in the
/// web-sys features this crate asks for, so called by name).
fn focus(el: &web_sys::Element) {
    if let Ok(f) = js_sys::Reflect::get(el, &wasm_bindgen::JsValue::from_str("focus")) {
        if let Ok(f) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f) {
            let _ = f.call0(el);
        }
    }
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
    /// The page puts the data table elsewhere (`ChartTable`, after the
    /// caveat panel on the chart page): the figure only.
    #[prop(optional)]
    no_table: bool,
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
    // Hover shows a mark's tooltip; a tap or the keyboard focus shows the
    // same words under the chart, for touch screens and for sighted
    // keyboard users (a focus ring alone says nothing).
    let readout = RwSignal::new(None::<String>);
    let show = move |el: Option<web_sys::Element>| {
        if let Some(text) = el.as_ref().and_then(mark_text) {
            readout.set(Some(text));
        }
    };
    // The last tap: when the finger lifted, and where (a place and a time,
    // not the element: the server renders this too, and keeps nothing of
    // the browser's).
    let tap = StoredValue::new(None::<(f64, f64, f64)>);
    let lifted = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            return;
        }
        let (x, y) = point_of(&ev);
        tap.set_value(Some((ev.time_stamp(), x, y)));
        if let Some(mark) = mark_at(x, y) {
            show(Some(mark.clone()));
            focus(&mark);
        }
    };
    // A click or a focus: a tap's goes to the mark under the finger (the
    // browser may have given it to a neighbour); others to their target.
    let follow = move |ev: web_sys::Event| {
        let target = as_element(ev.target());
        let recent = tap.get_value().filter(|(at, _, _)| ev.time_stamp() - at < TAP_MS);
        // The click is the tap's last event: a focus after it is the keyboard's.
        if ev.type_() == "click" {
            tap.set_value(None);
        }
        match recent.map(|(_, x, y)| mark_at(x, y)) {
            None => show(target),
            // The finger was on no mark: the neighbour is not what it meant.
            Some(None) => {}
            Some(Some(mark)) => {
                show(Some(mark.clone()));
                if target.as_ref().and_then(mark_of).as_ref() != Some(&mark) {
                    focus(&mark);
                }
            }
        }
    };
    let figure = match svg {
        Some(svg) => view! {
            <div class="chart-svg" class:narrow=narrow inner_html=move || svg.get()
                on:pointerup=lifted
                on:focusin=move |ev| follow(ev.into())
                on:click=move |ev| follow(ev.into())></div>
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
        {(!is_table && !no_table).then(|| view! { <TableDetails rows=rows lang=lang caption=caption table_closed=table_closed/> })}
    }
}

/// The data table behind a chart on its own, for a page that places it
/// apart from the chart: the chart page puts it after the caveat panel, so
/// that the order of the page (and of the Tab key) is the order it reads
/// in: title, chart, summary, caveats, then the table. Nothing for a table
/// chart (the chart is the table).
#[component]
pub fn ChartTable(dataset: Dataset, geographies: Vec<Geography>, state: ChartState) -> impl IntoView {
    let lang = state.lang;
    let names = geo_names(&geographies, lang);
    let selection = select(&dataset, &state, &geographies);
    let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: None };
    let rows = table::rows(&plot);
    let caption = dataset.meta.indicator.name.get(lang).to_string();
    (state.chart != ChartKind::Table).then(|| view! { <TableDetails rows=rows lang=lang caption=caption table_closed=false/> })
}

/// The table in a disclosure with its row count: open where the caveat
/// panel stands beside the chart, closed on one column (a long table would
/// push everything after it thousands of pixels down).
#[component]
fn TableDetails(rows: Vec<evidence::chart::table::TableRow>, lang: Lang, caption: String, table_closed: bool) -> impl IntoView {
    let viewport = crate::viewport::use_viewport();
    let table_open = move || !table_closed && viewport.two_columns.get();
    let n_rows = rows.len();
    view! {
        <details class="data-table" open=table_open data-testid="data-table-details">
            <summary>{Msg::DataTable.get(lang)} " " <span class="row-count">{crate::i18n::rows_count(n_rows, lang)}</span></summary>
            <DataTable rows=rows lang=lang caption=caption/>
        </details>
    }
}
