//! Exports of a chart: SVG, PNG and the CSV of the data shown, plus the
//! CSV of a whole dataset. Every picture is drawn by the same `evidence`
//! code as the page (`select`, `render_framed`) and carries the chart's
//! sheet ([`sheet`], the same one the first paint and the embed show): its
//! title, caveats with definition and population, sources, data release and
//! permalink, and the words a link's sharer added, marked as theirs; there
//! is no parameter that leaves any of them out.
//!
//! The HTTP API is strict where the page is lenient: a query the page would
//! show a warning for is a 400 here, naming the parameter.

pub mod png;
pub mod size;

use std::collections::HashMap;

use evidence::chart::select::Selection;
use evidence::chart::{Plot, render_framed, select};
use evidence::export_csv::{CsvHeader, to_csv};
use evidence::model::{Dataset, Lang, Observation};
use evidence::sheet::{ChartSheet, SheetInput};
use evidence::state::{ChartKind, ChartState, StateWarning, param, query_pairs};
use evidence::words::W;

use crate::error::AppError;
use crate::snapshot::Snapshot;
pub use size::{ImageFormat, Preset, Sizing};

/// The chart-state parameters.
pub use evidence::state::STATE_PARAMS;
const IMAGE_SIZE_PARAMS: [&str; 3] = ["width", "height", "preset"];
/// data.csv is every observation: only the words around it can change.
pub const DATA_CSV_PARAMS: [&str; 3] = [param::VERSION, param::TONE, param::LANG];

/// Which export a query is for; each accepts its own parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Image(ImageFormat),
    ChartCsv,
    DataCsv,
}

impl Export {
    fn allowed(self) -> Vec<&'static str> {
        let mut keys: Vec<&str> = match self {
            Export::DataCsv => DATA_CSV_PARAMS.to_vec(),
            _ => STATE_PARAMS.to_vec(),
        };
        match self {
            // `scale` on an SVG gets its own message (size.rs).
            Export::Image(_) => keys.extend(IMAGE_SIZE_PARAMS.iter().chain(&["scale"])),
            Export::ChartCsv | Export::DataCsv => {}
        }
        keys.dedup();
        keys
    }
}

/// A checked export request.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    pub state: ChartState,
    /// None for CSV.
    pub sizing: Option<Sizing>,
}

/// The lenient parser's words for what it did instead ("; ignored") make
/// no sense in a refusal.
fn refusal(w: &StateWarning) -> AppError {
    let message = match w.message.rsplit_once("; ") {
        Some((head, tail))
            if ["ignored", "cut", "swapped", "the rest ignored"].contains(&tail) || tail.starts_with("read as") =>
        {
            head
        }
        _ => w.message.as_str(),
    };
    AppError::bad_param(&crate::error::truncate(&w.param), message)
}

impl ExportRequest {
    /// Parses and checks a query for `export` of `dataset`.
    pub fn parse(data: &Snapshot, dataset: &Dataset, raw: Option<&str>, export: Export) -> Result<ExportRequest, AppError> {
        let raw = raw.unwrap_or("");
        if raw.len() > evidence::state::MAX_QUERY_BYTES {
            return Err(AppError::bad_param("query", format!("longer than {} bytes", evidence::state::MAX_QUERY_BYTES)));
        }
        let pairs = query_pairs(raw);
        let allowed = export.allowed();
        for (key, _) in &pairs {
            if !allowed.contains(&key.as_str()) {
                let hint = match key.as_str() {
                    "caveats" | "notes" | "source" | "footer" => "; the caveats, notes and source are always part of an export",
                    "format" => "; the format is the file's extension",
                    _ => "",
                };
                return Err(AppError::bad_param(
                    &crate::error::truncate(key),
                    format!("unknown parameter{hint}; expected one of {}", allowed.join(", ")),
                ));
            }
        }
        let (state, warnings) = ChartState::from_query(raw);
        if let Some(w) = warnings.first() {
            return Err(refusal(w));
        }
        for code in state.geo.iter().chain(state.notes.iter().filter_map(|n| n.geo.as_ref())) {
            if data.package.geography(code).is_none() {
                let name = if state.geo.contains(code) { param::GEO } else { param::NOTE };
                return Err(AppError::bad_param(
                    name,
                    format!("unknown geography code '{}'; see /api/v1/geo", crate::error::truncate(code)),
                ));
            }
        }
        for s in &state.series {
            if !dataset.observations.iter().any(|o| &o.series == s) {
                return Err(AppError::bad_param(
                    "series",
                    format!("'{}' is not a series of {}", crate::error::truncate(s), dataset.meta.id),
                ));
            }
        }
        let sizing = match export {
            Export::Image(format) => Some(Sizing::parse(&pairs, format)?),
            Export::ChartCsv | Export::DataCsv => None,
        };
        Ok(ExportRequest { state, sizing })
    }
}

/// The link back to the chart page that reproduces this chart.
pub fn permalink(public_url: &str, dataset_id: &str, state: &ChartState) -> String {
    format!(
        "{}/datasets/{}?{}",
        public_url.trim_end_matches('/'),
        evidence::state::percent_encode(dataset_id),
        state.to_query()
    )
}

/// Geography names in the chart's language.
pub fn geo_names(data: &Snapshot, lang: Lang) -> HashMap<String, String> {
    data.package.geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect()
}

/// The sheet of a chart: every word around it, for the first paint, the
/// embed and the exports alike.
/// `selection` is None for the whole dataset (nothing was selected).
pub fn sheet(data: &Snapshot, dataset: &Dataset, plot: &Plot, selection: Option<&Selection>, public_url: &str) -> ChartSheet {
    ChartSheet::build(&SheetInput {
        plot,
        years: dataset.years_label(),
        selection_notes: selection.map_or(&[][..], |s| &s.notes),
        missing_geos: selection.map_or(&[][..], |s| &s.missing_geos),
        permalink: permalink(public_url, &dataset.meta.id, plot.state),
        release: Some(&data.package.version),
        others: &data.package.datasets,
        other_titles: &[],
    })
}

/// A chart as exported: the observations it shows, its sheet, its SVG.
pub struct ChartExport {
    pub observations: Vec<Observation>,
    /// The chart's sheet (named `frame` since the picture's frame is where
    /// it was first drawn).
    pub frame: ChartSheet,
    pub svg: String,
}

/// The framed chart for `state`, laid out for `sizing` (None: no picture,
/// only the data and the sheet, for CSV).
pub fn chart(data: &Snapshot, dataset: &Dataset, state: &ChartState, sizing: Option<Sizing>, public_url: &str) -> ChartExport {
    let names = geo_names(data, state.lang);
    let selection = select(dataset, state, &data.package.geographies);
    let plot = Plot {
        meta: &dataset.meta,
        observations: &selection.observations,
        geo_names: &names,
        state,
        world: (state.chart == ChartKind::Map).then_some(&data.world),
    };
    let sheet = sheet(data, dataset, &plot, Some(&selection), public_url);
    let svg = sizing.map(|s| render_framed(&plot, s.size, &sheet)).unwrap_or_default();
    ChartExport { observations: selection.observations.clone(), frame: sheet, svg }
}

fn retrieved(data: &Snapshot, public_url: &str) -> String {
    format!(
        "{}, data package {} version {} (sha256 {})",
        public_url.trim_end_matches('/'),
        data.package.name,
        data.package.version,
        &data.hash[..data.hash.len().min(16)],
    )
}

/// The CSV of exactly the data the chart shows.
pub fn chart_csv(data: &Snapshot, dataset: &Dataset, state: &ChartState, public_url: &str) -> String {
    let export = chart(data, dataset, state, None, public_url);
    let names = geo_names(data, state.lang);
    let plot = Plot { meta: &dataset.meta, observations: &export.observations, geo_names: &names, state, world: None };
    let contents = W::CsvChartContents.get(state.lang);
    to_csv(&CsvHeader { contents, sheet: &export.frame, retrieved: &retrieved(data, public_url) }, &plot)
}

/// The CSV of every observation of the dataset. Its sheet is the table's:
/// the dataset's title, every source, every caveat.
pub fn data_csv(data: &Snapshot, dataset: &Dataset, state: &ChartState, public_url: &str) -> String {
    let names = geo_names(data, state.lang);
    let table = ChartState { chart: ChartKind::Table, tone: state.tone, lang: state.lang, ..ChartState::default() };
    let plot = Plot { meta: &dataset.meta, observations: &dataset.observations, geo_names: &names, state: &table, world: None };
    let sheet = sheet(data, dataset, &plot, None, public_url);
    let contents = W::CsvDataContents.get(state.lang);
    to_csv(&CsvHeader { contents, sheet: &sheet, retrieved: &retrieved(data, public_url) }, &plot)
}

/// A file name that says what the file is, e.g.
/// `ncmec-cybertipline-by-country-map-slide.png`.
pub fn file_name(dataset_id: &str, state: &ChartState, sizing: Option<Sizing>, ext: &str) -> String {
    let size = match sizing {
        Some(Sizing { preset: Some(p), .. }) => format!("-{}", p.code()),
        Some(Sizing { size, .. }) => format!("-{}x{}", size.width, size.height),
        None => String::new(),
    };
    let scale = match sizing {
        Some(Sizing { scale, .. }) if scale > 1 => format!("@{scale}x"),
        _ => String::new(),
    };
    format!("{}-{}{size}{scale}.{ext}", safe_id(dataset_id), state.chart.code())
}

/// `ncmec-cybertipline-totals-all-data.csv`.
pub fn data_file_name(dataset_id: &str) -> String {
    format!("{}-all-data.csv", safe_id(dataset_id))
}

/// Dataset ids are slugs (checked by the loader); anything else is dropped
/// so that a file name is always a safe header value.
fn safe_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_what_the_file_is() {
        let state = ChartState { chart: ChartKind::Map, ..ChartState::default() };
        let slide = Sizing { size: Preset::Slide.size(), scale: 2, preset: Some(Preset::Slide) };
        assert_eq!(file_name("ncmec-x", &state, Some(slide), "png"), "ncmec-x-map-slide@2x.png");
        let custom = Sizing { size: evidence::chart::Size::new(640, 480), scale: 1, preset: None };
        assert_eq!(file_name("a\"b", &state, Some(custom), "svg"), "ab-map-640x480.svg");
        assert_eq!(file_name("d", &ChartState::default(), None, "csv"), "d-line.csv");
    }

    #[test]
    fn refusals_drop_the_lenient_fallback() {
        let w = StateWarning { param: "title".into(), message: "longer than 120 characters; cut".into() };
        assert_eq!(refusal(&w).message, "title: longer than 120 characters");
        let w = StateWarning { param: "from".into(), message: "'x' is not a year".into() };
        assert_eq!(refusal(&w).message, "from: 'x' is not a year");
    }
}
