//! All HTTP in one place: typed GETs of API v1 that are aborted when the
//! component that asked goes away.

use std::future::Future;

use serde::de::DeserializeOwned;
use thiserror::Error;

use evidence::api::{CoverageMatrix, DatasetDetail, DatasetList, GeoList, GeoProfile, Glossary, ObservationList};
use evidence::chart::WorldMap;

#[derive(Clone, Debug, Error, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ApiError {
    #[error("the server could not be reached ({0}); check your connection and retry")]
    Network(String),
    #[error("{message}")]
    Server { status: u16, code: String, message: String },
    #[error("the server sent data this page cannot read ({0})")]
    Decode(String),
}

/// How the server answers the app's API requests while it renders a page:
/// the same `/api/v1` as the browser calls, in process, as (status, body).
/// The server provides it as context (feature `ssr`); in the browser the
/// requests go over HTTP.
#[derive(Clone)]
pub struct ServerApi(pub std::sync::Arc<dyn Fn(String) -> futures::future::BoxFuture<'static, (u16, String)> + Send + Sync>);

/// A GET of API JSON. The future is `Send` on both sides (a browser fetch
/// is wrapped: it never leaves the page's one thread), as `Resource` asks.
pub fn fetch_json<T: DeserializeOwned + Send + 'static>(path: String) -> impl Future<Output = Result<T, ApiError>> + Send + 'static {
    let text = fetch_text(path);
    async move { serde_json::from_str(&text.await?).map_err(|e| ApiError::Decode(e.to_string())) }
}

/// A GET whose answer is text (a citation, a diagram).
#[cfg(feature = "ssr")]
pub fn fetch_text(path: String) -> impl Future<Output = Result<String, ApiError>> + Send + 'static {
    let api = leptos::prelude::use_context::<ServerApi>();
    async move {
        let api = api.ok_or_else(|| ApiError::Network("the page is rendered without the API".into()))?;
        let (status, body) = (api.0)(path).await;
        if (200..300).contains(&status) { Ok(body) } else { Err(error_from(status, serde_json::from_str(&body).ok())) }
    }
}

/// A GET whose answer is text (a citation, a diagram).
#[cfg(not(feature = "ssr"))]
pub fn fetch_text(path: String) -> impl Future<Output = Result<String, ApiError>> + Send + 'static {
    send_wrapper::SendWrapper::new(async move { get(&path).await?.text().await.map_err(|e| ApiError::Decode(e.to_string())) })
}

/// The API's error answer as an [`ApiError`].
fn error_from(status: u16, body: Option<evidence::api::ErrorBody>) -> ApiError {
    match body {
        Some(b) => ApiError::Server { status, code: b.error.code, message: b.error.message },
        None => ApiError::Server { status, code: "http_error".into(), message: format!("the server answered {status}") },
    }
}

/// A GET aborted when the component that asked goes away; an answer that
/// is not a success becomes the API's error.
#[cfg(not(feature = "ssr"))]
async fn get(path: &str) -> Result<gloo_net::http::Response, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let guard = send_wrapper::SendWrapper::new(controller);
    leptos::prelude::on_cleanup(move || {
        if let Some(c) = guard.take() {
            c.abort();
        }
    });
    let res = gloo_net::http::Request::get(path)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !res.ok() {
        let status = res.status();
        let body: Option<evidence::api::ErrorBody> = res.json().await.ok();
        return Err(error_from(status, body));
    }
    Ok(res)
}

impl ApiError {
    /// The API's refusal of a `release=` it does not hold (a 400 on the
    /// `release` parameter): the page then shows the current data.
    pub fn is_unknown_release(&self) -> bool {
        matches!(self, ApiError::Server { status: 400, code, message } if code == "bad_parameter" && message.starts_with("release:"))
    }
}

#[cfg(test)]
mod release_tests {
    use super::ApiError;

    #[test]
    fn only_a_refused_release_is_an_unknown_release() {
        let refused = |code: &str, message: &str| ApiError::Server { status: 400, code: code.into(), message: message.into() };
        assert!(refused("bad_parameter", "release: data release '2020.1.0' is not held by this server; it holds 2026.12.0 (current)").is_unknown_release());
        assert!(!refused("bad_parameter", "tone: 'loud' is not plain or technical").is_unknown_release());
        assert!(!refused("unknown_dataset", "release: no").is_unknown_release());
        assert!(!ApiError::Network("offline".into()).is_unknown_release());
    }
}

/// The current data release, as `/api/v1/version` names it (the fields a
/// page needs; older servers lack the date and the earlier releases).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CurrentRelease {
    pub data_version: String,
    #[serde(default)]
    pub data_released: String,
    #[serde(default)]
    pub earlier_releases: Vec<EarlierRelease>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EarlierRelease {
    pub version: String,
    #[serde(default)]
    pub released: String,
}

pub fn current_release() -> impl Future<Output = Result<CurrentRelease, ApiError>> + Send + 'static {
    fetch_json("/api/v1/version".into())
}

pub fn datasets() -> impl Future<Output = Result<DatasetList, ApiError>> + Send + 'static {
    fetch_json("/api/v1/datasets".into())
}

pub fn dataset(id: &str) -> impl Future<Output = Result<DatasetDetail, ApiError>> + Send + 'static {
    dataset_at(id, None)
}

pub fn observations(id: &str) -> impl Future<Output = Result<ObservationList, ApiError>> + Send + 'static {
    observations_at(id, None)
}

/// A dataset's detail in a data release (None: the current one).
pub fn dataset_at(id: &str, release: Option<&str>) -> impl Future<Output = Result<DatasetDetail, ApiError>> + Send + 'static {
    fetch_json(crate::url::at_release(&format!("/api/v1/datasets/{}", evidence::state::percent_encode(id)), release))
}

/// A dataset's figures in a data release (None: the current one).
pub fn observations_at(id: &str, release: Option<&str>) -> impl Future<Output = Result<ObservationList, ApiError>> + Send + 'static {
    fetch_json(crate::url::at_release(&format!("/api/v1/datasets/{}/observations", evidence::state::percent_encode(id)), release))
}

pub fn geographies() -> impl Future<Output = Result<GeoList, ApiError>> + Send + 'static {
    fetch_json("/api/v1/geo".into())
}

pub fn geo_profile(code: &str) -> impl Future<Output = Result<GeoProfile, ApiError>> + Send + 'static {
    fetch_json(format!("/api/v1/geo/{}", evidence::state::percent_encode(code)))
}

pub fn coverage() -> impl Future<Output = Result<CoverageMatrix, ApiError>> + Send + 'static {
    fetch_json("/api/v1/coverage".into())
}

pub fn glossary() -> impl Future<Output = Result<Glossary, ApiError>> + Send + 'static {
    fetch_json("/api/v1/glossary".into())
}

pub fn world_map() -> impl Future<Output = Result<WorldMap, ApiError>> + Send + 'static {
    fetch_json("/assets/world-110m.json".into())
}

/// The map of the data ecosystem (who holds which data, how it flows, the
/// sources not charted).
pub fn ecosystem() -> impl Future<Output = Result<evidence::ecosystem::EcosystemView, ApiError>> + Send + 'static {
    fetch_json("/api/v1/ecosystem".into())
}

/// The ecosystem diagram, drawn by the server (the same SVG as the API's),
/// to be inlined: `narrow` is the one-column layout for phones.
pub fn ecosystem_svg(lang: evidence::Lang, tone: evidence::Tone, narrow: bool) -> impl Future<Output = Result<String, ApiError>> + Send + 'static {
    let layout = if narrow { "narrow" } else { "wide" };
    let svg = fetch_text(format!("/api/v1/ecosystem.svg?lang={}&tone={}&layout={layout}", lang.code(), tone.code()));
    async move {
        let svg = svg.await?;
        if !svg.starts_with("<svg") {
            return Err(ApiError::Decode("the diagram is not SVG".into()));
        }
        Ok(svg)
    }
}
