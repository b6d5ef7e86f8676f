//! `/api/v1/datasets`, one dataset, and its observations.

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::api;
use evidence::model::Observation;
use evidence::package::Package;

use super::{no_query, parse_year, strict_query};
use crate::error::{AppError, AppResult};
use crate::http;
use crate::cached::Cached;
use crate::state::AppState;

/// The catalogue: every dataset with its coverage summary and caveats.
#[utoipa::path(
    get,
    path = "/api/v1/datasets",
    tag = "datasets",
    operation_id = "list_datasets",
    responses(
        (status = 200, description = "Every dataset", body = evidence::api::DatasetList),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
    ),
)]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    Ok(http::json(&headers, &state.data().catalogue))
}

/// One dataset: its metadata, sources, caveats and comparability notes.
#[utoipa::path(
    get,
    path = "/api/v1/datasets/{id}",
    tag = "datasets",
    operation_id = "get_dataset",
    params(("id" = String, Path, description = "Dataset id, as listed by /api/v1/datasets", example = "ncmec-cybertipline-by-country")),
    responses(
        (status = 200, description = "The dataset's metadata", body = evidence::api::DatasetDetail),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
        (status = 404, description = "No dataset with this id (code unknown_dataset)", body = evidence::api::ErrorBody),
    ),
)]
pub async fn detail(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    let data = state.data();
    let cached = data.details.get(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    Ok(http::json(&headers, cached))
}

/// Filters for observations, checked against the dataset.
#[derive(Debug, Default, PartialEq)]
pub struct ObservationFilter {
    pub geo: Vec<String>,
    pub series: Vec<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl ObservationFilter {
    pub fn parse(pkg: &Package, raw: Option<&str>) -> AppResult<ObservationFilter> {
        let mut f = ObservationFilter::default();
        for (k, v) in strict_query(raw, &["geo", "series", "from", "to"])? {
            match k.as_str() {
                "geo" => {
                    for code in v.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                        if pkg.geography(code).is_none() {
                            return Err(AppError::bad_param("geo", format!("unknown geography code '{}'; see /api/v1/geo", crate::error::truncate(code))));
                        }
                        if f.geo.len() >= evidence::state::MAX_GEOS {
                            return Err(AppError::bad_param("geo", format!("at most {} codes", evidence::state::MAX_GEOS)));
                        }
                        f.geo.push(code.to_string());
                    }
                }
                "series" => f.series.push(v),
                "from" => f.from = Some(parse_year("from", &v)?),
                "to" => f.to = Some(parse_year("to", &v)?),
                _ => unreachable!("strict_query allows only these"),
            }
        }
        if let (Some(a), Some(b)) = (f.from, f.to)
            && a > b
        {
            return Err(AppError::bad_param("from", format!("{a} is after to={b}")));
        }
        Ok(f)
    }

    pub fn is_empty(&self) -> bool {
        *self == ObservationFilter::default()
    }

    pub fn apply<'a>(&'a self, obs: &'a [Observation]) -> impl Iterator<Item = &'a Observation> + 'a {
        obs.iter().filter(move |o| {
            (self.geo.is_empty() || self.geo.contains(&o.geo))
                && (self.series.is_empty() || self.series.contains(&o.series))
                && o.period.overlaps(self.from, self.to)
        })
    }
}

/// A dataset's figures, optionally filtered. Without filters the whole
/// set is served from a precomputed body.
#[utoipa::path(
    get,
    path = "/api/v1/datasets/{id}/observations",
    tag = "datasets",
    operation_id = "list_observations",
    params(
        ("id" = String, Path, description = "Dataset id", example = "ncmec-cybertipline-by-country"),
        ("geo" = Option<String>, Query, description = "Comma-separated geography codes from /api/v1/geo (at most 300); may be repeated", example = "KEN,UGA"),
        ("from" = Option<i32>, Query, description = "First year (YYYY): periods that end before it are left out", example = 2019),
        ("to" = Option<i32>, Query, description = "Last year (YYYY), not before `from`: periods that start after it are left out", example = 2023),
        ("series" = Option<String>, Query, description = "A series of the dataset (see series_names in its metadata); may be repeated"),
    ),
    responses(
        (status = 200, description = "The figures, with the geographies' names, the sources used and the series labels", body = evidence::api::ObservationList),
        (status = 400, description = "A bad parameter: unknown name, unknown geography or series, a year not YYYY, from after to (code bad_parameter; the message names the parameter)", body = evidence::api::ErrorBody),
        (status = 404, description = "No dataset with this id", body = evidence::api::ErrorBody),
    ),
)]
pub async fn observations(
    State(state): State<AppState>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> AppResult<Response> {
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    let key = format!("{id}?{}", raw.as_deref().unwrap_or(""));
    // Only valid queries are ever stored, so a hit needs no re-validation.
    if let Some(cached) = data.filtered.get(&key) {
        return Ok(http::json(&headers, &cached));
    }
    let filter = ObservationFilter::parse(&data.package, raw.as_deref())?;
    if filter.is_empty() {
        return Ok(http::json(&headers, &data.all_observations[&id]));
    }
    for s in &filter.series {
        if !dataset.observations.iter().any(|o| &o.series == s) {
            return Err(AppError::bad_param("series", format!("'{}' is not a series of {id}", crate::error::truncate(s))));
        }
    }
    let chosen: Vec<Observation> = filter.apply(&dataset.observations).cloned().collect();
    let cached = Cached::json(&api::observation_list(&data.package, dataset, chosen));
    data.filtered.insert(key, cached.clone());
    Ok(http::json(&headers, &cached))
}
