//! `/api/v1/geo` and a country or region profile: every dataset that covers
//! it, and just as visibly, the datasets that do not.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::aggregate::{countries_in, regional_totals};
use evidence::api::{DatasetRef, GeoDatasetEntry, GeoName, GeoProfile};
use evidence::model::{Dataset, Observation};
use evidence::package::Package;

use crate::error::{AppError, AppResult};
use crate::http;
use crate::state::AppState;

pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    http::json(&headers, &state.data().geo_list)
}

fn latest_per_series(rows: &[Observation]) -> Vec<Observation> {
    let mut latest: Vec<Observation> = Vec::new();
    for o in rows {
        match latest.iter_mut().find(|l| l.series == o.series) {
            Some(l) if o.period > l.period => *l = o.clone(),
            Some(_) => {}
            None => latest.push(o.clone()),
        }
    }
    latest
}

fn entry(pkg: &Package, d: &Dataset, code: &str) -> Option<GeoDatasetEntry> {
    let mut own: Vec<Observation> = d.observations.iter().filter(|o| o.geo == code).cloned().collect();
    let mut countries_covered = None;
    let mut countries_with_data = Vec::new();
    let is_aggregate = pkg.geography(code).is_some_and(|g| g.kind.is_aggregate());
    if own.is_empty() && is_aggregate {
        let members = countries_in(&pkg.geographies, code);
        countries_with_data = d.geos().into_iter().filter(|g| members.iter().any(|m| m == g)).map(String::from).collect();
        if let Some(totals) = regional_totals(&pkg.geographies, d, code) {
            if let Some(last) = totals.last() {
                countries_covered = Some((last.countries_reporting, last.countries_in_region));
            }
            own = totals.iter().map(|t| t.to_observation(code)).collect();
        }
        if own.is_empty() && countries_with_data.is_empty() {
            return None;
        }
    }
    if own.is_empty() && countries_with_data.is_empty() {
        return None;
    }
    own.sort_by(|a, b| (a.period, &a.series).cmp(&(b.period, &b.series)));
    Some(GeoDatasetEntry {
        dataset: DatasetRef::from(&d.meta),
        latest: latest_per_series(&own),
        history: own,
        countries_covered,
        countries_with_data,
        caveats: d.meta.caveats.clone(),
    })
}

pub fn profile(pkg: &Package, code: &str) -> Option<GeoProfile> {
    let geography = pkg.geography(code)?.clone();
    let parent = geography.parent.as_deref().and_then(|p| pkg.geography(p)).map(GeoName::from);
    let children = pkg.geographies.iter().filter(|g| g.parent.as_deref() == Some(code)).map(GeoName::from).collect();
    let mut covered = Vec::new();
    let mut not_covered = Vec::new();
    for d in &pkg.datasets {
        match entry(pkg, d, code) {
            Some(e) => covered.push(e),
            None => not_covered.push(DatasetRef::from(&d.meta)),
        }
    }
    Some(GeoProfile { geography, parent, children, covered, not_covered })
}

pub async fn detail(State(state): State<AppState>, Path(code): Path<String>, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let profile = profile(&data.package, &code).ok_or_else(|| {
        AppError::not_found("unknown_geography", format!("no geography '{}'; see /api/v1/geo", crate::error::truncate(&code)))
    })?;
    Ok(http::json_value(&headers, &profile))
}
