//! `/api/v1/geo` and a country or region profile: every dataset that covers
//! it, and just as visibly, the datasets that do not.

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::aggregate::{countries_in, regional_totals};
use evidence::api::{DatasetRef, GeoDatasetEntry, GeoName, GeoProfile};
use evidence::model::{Dataset, Observation};
use evidence::package::Package;

use super::no_query;
use crate::error::{AppError, AppResult};
use crate::http;
use crate::state::AppState;

/// Every geography: countries, regions, subregions, the world.
#[utoipa::path(
    get,
    path = "/api/v1/geo",
    tag = "geo",
    operation_id = "list_geographies",
    responses(
        (status = 200, description = "Every geography", body = evidence::api::GeoList),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
    ),
)]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    Ok(http::json(&headers, &state.data().geo_list))
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

/// A country or region profile: each dataset's figures for it, and the
/// datasets that have none (no data is information too).
#[utoipa::path(
    get,
    path = "/api/v1/geo/{code}",
    tag = "geo",
    operation_id = "get_geography",
    params(("code" = String, Path, description = "Geography code from /api/v1/geo (ISO 3166-1 alpha-3 for countries)", example = "KEN")),
    responses(
        (status = 200, description = "The profile", body = evidence::api::GeoProfile),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
        (status = 404, description = "No geography with this code (code unknown_geography)", body = evidence::api::ErrorBody),
    ),
)]
pub async fn detail(
    State(state): State<AppState>,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    let data = state.data();
    let profile = profile(&data.package, &code).ok_or_else(|| {
        AppError::not_found("unknown_geography", format!("no geography '{}'; see /api/v1/geo", crate::error::truncate(&code)))
    })?;
    Ok(http::json_value(&headers, &profile))
}
