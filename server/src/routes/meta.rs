//! Health and version endpoints.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The versions of the server and of the data it serves: the data
/// release (`YYYY.MM.N`) and its date name what a citation, a pinned
/// permalink and every export cite.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct VersionInfo {
    /// The server's own version.
    pub server: String,
    /// The data package's name.
    pub data_package: String,
    /// The data release being served, `YYYY.MM.N`.
    pub data_version: String,
    /// The date of that release, `YYYY-MM-DD`. Always sent; optional for
    /// readers (`serde(default)`) because servers before releases lack it.
    #[serde(default)]
    pub data_released: String,
    /// SHA-256 over the package files, hex.
    pub data_hash: String,
}

use super::no_query;
use crate::error::AppResult;
use crate::http;
use crate::snapshot::Cached;
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
    Ok(http::json_value(
        &headers,
        &VersionInfo {
            server: env!("CARGO_PKG_VERSION").to_string(),
            data_package: data.package.name.clone(),
            data_version: data.package.version.clone(),
            data_released: data.package.released.clone(),
            data_hash: data.hash.clone(),
        },
    ))
}

/// A chart page of a known dataset (`/datasets/{id}?…`): index.html with
/// the oEmbed discovery link in `<head>` and the first paint (the chart with
/// its caveats, `crate::first_paint`) in `<body>`; cached by path and raw
/// query. None for every other path, which gets index.html as it is.
pub fn chart_page(state: &AppState, path: &str, query: Option<&str>) -> Option<Cached> {
    let id = path.strip_prefix("/datasets/").filter(|id| !id.is_empty() && !id.contains('/'))?;
    let data = state.data();
    let dataset = data.package.dataset(id)?;
    let key = format!("{path}?{}", query.unwrap_or(""));
    if let Some(cached) = data.pages.get(&key) {
        return Some(cached);
    }
    let base = &state.config().public_url;
    let page = match query {
        Some(q) if !q.is_empty() => format!("{base}{path}?{q}"),
        _ => format!("{base}{path}"),
    };
    let href = format!("{base}/oembed?url={}&format=json", evidence::state::percent_encode(&page));
    let head = format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
        evidence::chart::escape_xml(&href),
        evidence::chart::escape_xml(&dataset.meta.title.en)
    );
    // Lenient like the app: what cannot be used falls back to its default
    // (the app then says which settings it replaced).
    let (chart_state, _warnings) = evidence::state::ChartState::from_query(query.unwrap_or(""));
    let body = crate::first_paint::render(&data, base, dataset, &chart_state);
    let cached = Cached::new(state.site().page_html(&head, &body).into_bytes(), "page");
    data.pages.insert(key, cached.clone());
    Some(cached)
}
