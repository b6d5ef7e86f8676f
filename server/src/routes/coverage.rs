//! `/api/v1/coverage`: datasets x geographies x periods, so that where
//! evidence is missing is as visible as where it exists.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use std::collections::BTreeMap;

use evidence::api::{CoverageCell, CoverageMatrix, DatasetRef, GeoName};
use evidence::package::Package;

use super::no_query;
use crate::error::AppResult;
use crate::http;
use crate::state::AppState;

pub fn build(pkg: &Package) -> CoverageMatrix {
    let geo_index: BTreeMap<&str, usize> = pkg.geographies.iter().enumerate().map(|(i, g)| (g.code.as_str(), i)).collect();
    let mut cells = Vec::new();
    for (di, d) in pkg.datasets.iter().enumerate() {
        let mut by_geo: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for o in &d.observations {
            if let Some(&gi) = geo_index.get(o.geo.as_str()) {
                by_geo.entry(gi).or_default().push(o.period.to_string());
            }
        }
        for (gi, mut periods) in by_geo {
            periods.sort();
            periods.dedup();
            cells.push(CoverageCell { dataset: di, geo: gi, periods });
        }
    }
    CoverageMatrix {
        datasets: pkg.datasets.iter().map(|d| DatasetRef::from(&d.meta)).collect(),
        geographies: pkg.geographies.iter().map(GeoName::from).collect(),
        cells,
    }
}

/// Datasets x geographies x periods: where figures exist, and where not.
#[utoipa::path(
    get,
    path = "/api/v1/coverage",
    tag = "coverage",
    operation_id = "get_coverage",
    responses(
        (status = 200, description = "The coverage matrix; cells index into datasets and geographies", body = evidence::api::CoverageMatrix),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
    ),
)]
pub async fn matrix(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    Ok(http::json(&headers, &state.data().coverage))
}
