//! Health and version endpoints.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use evidence::api::VersionInfo;

use crate::http;
use crate::state::AppState;

pub async fn healthz(State(state): State<AppState>) -> Json<serde_json::Value> {
    let data = state.data();
    Json(serde_json::json!({"status": "ok", "datasets": data.package.datasets.len()}))
}

pub async fn version(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let data = state.data();
    http::json_value(
        &headers,
        &VersionInfo {
            server: env!("CARGO_PKG_VERSION").to_string(),
            data_package: data.package.name.clone(),
            data_version: data.package.version.clone(),
            data_hash: data.hash.clone(),
        },
    )
}

/// Extra `<head>` tags for an app page: oEmbed discovery on chart pages.
pub fn head_links(state: &AppState, path: &str, query: Option<&str>) -> String {
    let Some(id) = path.strip_prefix("/datasets/") else { return String::new() };
    if id.is_empty() || id.contains('/') || state.data().package.dataset(id).is_none() {
        return String::new();
    }
    let base = &state.config().public_url;
    let page = match query {
        Some(q) if !q.is_empty() => format!("{base}{path}?{q}"),
        _ => format!("{base}{path}"),
    };
    let href = format!("{base}/oembed?url={}&format=json", evidence::state::percent_encode(&page));
    format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
        evidence::chart::escape_xml(&href),
        evidence::chart::escape_xml(&state.data().package.dataset(id).map(|d| d.meta.title.en.clone()).unwrap_or_default())
    )
}
