//! `/api/v1/coverage`: datasets x geographies x periods, so that where
//! evidence is missing is as visible as where it exists.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::no_query;
use crate::error::AppResult;
use crate::http;
use crate::state::AppState;

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
