//! All HTTP in one place: typed GETs of API v1 that are aborted when the
//! component that asked goes away.

use serde::de::DeserializeOwned;
use thiserror::Error;

use evidence::api::{CoverageMatrix, DatasetDetail, DatasetList, GeoList, GeoProfile, Glossary, ObservationList};
use evidence::chart::WorldMap;

#[derive(Clone, Debug, Error, PartialEq)]
pub enum ApiError {
    #[error("the server could not be reached ({0}); check your connection and retry")]
    Network(String),
    #[error("{message}")]
    Server { status: u16, code: String, message: String },
    #[error("the server sent data this page cannot read ({0})")]
    Decode(String),
}

pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    get(path).await?.json::<T>().await.map_err(|e| ApiError::Decode(e.to_string()))
}

/// A GET whose answer is text (a citation).
pub async fn fetch_text(path: &str) -> Result<String, ApiError> {
    get(path).await?.text().await.map_err(|e| ApiError::Decode(e.to_string()))
}

/// A GET aborted when the component that asked goes away; an answer that
/// is not a success becomes the API's error.
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
        return Err(match body {
            Some(b) => ApiError::Server { status, code: b.error.code, message: b.error.message },
            None => ApiError::Server { status, code: "http_error".into(), message: format!("the server answered {status}") },
        });
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
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct CurrentRelease {
    pub data_version: String,
    #[serde(default)]
    pub data_released: String,
    #[serde(default)]
    pub earlier_releases: Vec<EarlierRelease>,
}

#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct EarlierRelease {
    pub version: String,
    #[serde(default)]
    pub released: String,
}

pub async fn current_release() -> Result<CurrentRelease, ApiError> {
    fetch_json("/api/v1/version").await
}

pub async fn datasets() -> Result<DatasetList, ApiError> {
    fetch_json("/api/v1/datasets").await
}

pub async fn dataset(id: &str) -> Result<DatasetDetail, ApiError> {
    fetch_json(&format!("/api/v1/datasets/{}", evidence::state::percent_encode(id))).await
}

pub async fn observations(id: &str) -> Result<ObservationList, ApiError> {
    fetch_json(&format!("/api/v1/datasets/{}/observations", evidence::state::percent_encode(id))).await
}

/// A dataset's detail in a data release (None: the current one).
pub async fn dataset_at(id: &str, release: Option<&str>) -> Result<DatasetDetail, ApiError> {
    fetch_json(&crate::url::at_release(&format!("/api/v1/datasets/{}", evidence::state::percent_encode(id)), release)).await
}

/// A dataset's figures in a data release (None: the current one).
pub async fn observations_at(id: &str, release: Option<&str>) -> Result<ObservationList, ApiError> {
    fetch_json(&crate::url::at_release(&format!("/api/v1/datasets/{}/observations", evidence::state::percent_encode(id)), release)).await
}

pub async fn geographies() -> Result<GeoList, ApiError> {
    fetch_json("/api/v1/geo").await
}

pub async fn geo_profile(code: &str) -> Result<GeoProfile, ApiError> {
    fetch_json(&format!("/api/v1/geo/{}", evidence::state::percent_encode(code))).await
}

pub async fn coverage() -> Result<CoverageMatrix, ApiError> {
    fetch_json("/api/v1/coverage").await
}

pub async fn glossary() -> Result<Glossary, ApiError> {
    fetch_json("/api/v1/glossary").await
}

pub async fn world_map() -> Result<WorldMap, ApiError> {
    fetch_json("/assets/world-110m.json").await
}

/// The map of the data ecosystem (who holds which data, how it flows, the
/// sources not charted).
pub async fn ecosystem() -> Result<evidence::ecosystem::EcosystemView, ApiError> {
    fetch_json("/api/v1/ecosystem").await
}

/// The ecosystem diagram, drawn by the server (the same SVG as the API's),
/// to be inlined: `narrow` is the one-column layout for phones.
pub async fn ecosystem_svg(lang: evidence::Lang, tone: evidence::Tone, narrow: bool) -> Result<String, ApiError> {
    let layout = if narrow { "narrow" } else { "wide" };
    let path = format!("/api/v1/ecosystem.svg?lang={}&tone={}&layout={layout}", lang.code(), tone.code());
    let svg = fetch_text(&path).await?;
    if !svg.starts_with("<svg") {
        return Err(ApiError::Decode("the diagram is not SVG".into()));
    }
    Ok(svg)
}
