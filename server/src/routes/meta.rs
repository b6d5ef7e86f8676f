//! Health and version endpoints.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use evidence::api::{ReleaseInfo, VersionInfo, version_info};

use super::no_query;
use crate::error::AppResult;
use crate::http;
use crate::state::AppState;

/// The body of `/healthz`. A server that answers has a valid package
/// loaded: a broken one is refused at start and on reload.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Health {
    /// Always "ok" when the server answers.
    pub status: String,
    /// Datasets in the package being served.
    pub datasets: usize,
}

/// Liveness and readiness for load balancers; never cached.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    operation_id = "healthz",
    responses((status = 200, description = "Serving a valid data package", body = Health)),
)]
pub async fn healthz(State(state): State<AppState>) -> Response {
    let data = state.data();
    let mut res = Json(Health { status: "ok".into(), datasets: data.package.datasets.len() }).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// The server version, and the release, date and hash of the data it serves.
#[utoipa::path(
    get,
    path = "/api/v1/version",
    tag = "meta",
    operation_id = "get_version",
    responses(
        (status = 200, description = "Versions: the data release and its date; data_hash changes whenever any package file changes", body = VersionInfo),
        (status = 400, description = "A query parameter was given; this endpoint takes none", body = evidence::api::ErrorBody),
    ),
)]
pub async fn version(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    no_query(raw.as_deref())?;
    let data = state.data();
    let earlier = state.releases().iter().map(|r| ReleaseInfo::from(&r.state.data().package)).collect();
    Ok(http::json_value(&headers, &version_info(env!("CARGO_PKG_VERSION"), &data.package, &data.hash, earlier)))
}
