//! `/api/v1/glossary`: the terms, with the datasets that use each.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::no_query;
use crate::error::AppResult;
use crate::http;
use crate::state::AppState;

/// The glossary: each term in plain and technical words, the words to
/// avoid, and the datasets that use it.
#[utoipa::path(
    get,
    path = "/api/v1/glossary",
    tag = "glossary",
    operation_id = "get_glossary",
    responses(
        (status = 200, description = "Every term", body = evidence::api::Glossary),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
    ),
)]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    Ok(http::json(&headers, &state.data().glossary))
}
