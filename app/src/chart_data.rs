//! What a chart needs from the API, loaded in one go, and the chart's
//! sheet built from it: shared by the chart page and the embed, so both
//! show the same figures with the same words around them.

use evidence::api::TermName;
use evidence::chart::{Plot, select};
use evidence::model::{Dataset, Geography, Localised, Observation};
use evidence::sheet::{ChartSheet, SheetInput};
use evidence::state::ChartState;

use crate::api::{self, ApiError};

#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct ChartData {
    pub dataset: Dataset,
    /// Every geography code with figures in this dataset.
    pub geos: Vec<String>,
    pub terms: Vec<TermName>,
    /// The release these figures are from when the link pins one the
    /// server holds; None for the current data.
    pub release: Option<String>,
    /// The API's refusal of a pinned release it does not hold (the figures
    /// are then the current ones).
    pub unknown_release: Option<String>,
}

/// The dataset (at a pinned release if the link names one the server
/// holds) and its observations. The places' names come from the
/// catalogue's own list (`Catalogue::geographies`): kept out of this data,
/// so a page does not carry them twice.
pub async fn load(id: String, pinned: Option<String>) -> Result<ChartData, ApiError> {
    // The two requests at once: on a slow line each round trip counts.
    let at = pinned.as_deref();
    let (detail, obs) = futures::future::join(api::dataset_at(&id, at), api::observations_at(&id, at)).await;
    let (detail, obs, release, unknown_release) = match (detail, obs) {
        (Ok(d), Ok(o)) => (d, o, pinned, None),
        // A release the server does not hold: its message, and the current data.
        (Err(e), _) | (_, Err(e)) if e.is_unknown_release() => {
            let (d, o) = futures::future::join(api::dataset(&id), api::observations(&id)).await;
            (d?, o?, None, Some(e.to_string()))
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    Ok(ChartData {
        dataset: Dataset { meta: detail.meta, observations: obs.observations },
        geos: detail.geos,
        terms: detail.glossary_terms,
        release,
        unknown_release,
    })
}

/// The chart's sheet (evidence::sheet), the same words the page, the
/// embed and the exports carry; other datasets are named by their titles
/// (`others`, from the catalogue) in its comparability notes.
pub fn chart_sheet(dataset: &Dataset, geographies: &[Geography], state: &ChartState, release: Option<&str>, others: &[(String, Localised)]) -> ChartSheet {
    let names = crate::components::chart_view::geo_names(geographies, state.lang);
    let selection = select(dataset, state, geographies);
    let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state, world: None };
    ChartSheet::build(&SheetInput {
        plot: &plot,
        years: dataset.years_label(),
        selection_notes: &selection.notes,
        missing_geos: &selection.missing_geos,
        permalink: permalink(&dataset.meta.id, state),
        release,
        others: &[],
        other_titles: others,
    })
}

/// The chart page's full address for a state, as a reader would share it.
pub fn permalink(id: &str, state: &ChartState) -> String {
    format!("{}/datasets/{}?{}", crate::page_origin(), evidence::state::percent_encode(id), state.to_query())
}

/// Whether the view `state` of a pinned release's `dataset` shows the same
/// figures with the dataset's observations as they are now (`now`).
pub fn same_figures(dataset: &Dataset, now: &[Observation], state: &ChartState, geographies: &[Geography]) -> bool {
    let current = Dataset { meta: dataset.meta.clone(), observations: now.to_vec() };
    select(dataset, state, geographies).observations == select(&current, state, geographies).observations
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(values: &[(&str, &str, f64)]) -> Dataset {
        let package = evidence::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package");
        let mut d = package.dataset("ncmec-cybertipline-totals").expect("a dataset").clone();
        d.observations.retain(|o| values.iter().any(|(_, p, _)| o.period.label() == *p));
        for o in &mut d.observations {
            if let Some((_, _, v)) = values.iter().find(|(_, p, _)| o.period.label() == *p) {
                o.value = *v;
            }
        }
        d
    }

    #[test]
    fn a_pinned_view_is_the_same_only_if_its_figures_are() {
        let geographies = Vec::new();
        let state = ChartState::default();
        let then = dataset(&[("001", "2022", 1.0), ("001", "2023", 2.0)]);
        assert!(same_figures(&then, &then.observations, &state, &geographies));
        let mut revised = then.observations.clone();
        revised[0].value += 1.0;
        assert!(!same_figures(&then, &revised, &state, &geographies), "a revised figure");
        let mut added = then.observations.clone();
        let mut later = added[0].clone();
        later.period = "2030".parse().expect("a period");
        added.push(later);
        assert!(!same_figures(&then, &added, &state, &geographies), "a new year in the view");
    }
}
