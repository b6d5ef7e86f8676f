//! `/api/v1/geo` and a country or region profile: every dataset that covers
//! it, and just as visibly, the datasets that do not.

use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::api;

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
    let profile = api::geo_profile(&data.package, &code).ok_or_else(|| {
        AppError::not_found("unknown_geography", format!("no geography '{}'; see /api/v1/geo", crate::error::truncate(&code)))
    })?;
    Ok(http::json_value(&headers, &profile))
}
