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
    res.json::<T>().await.map_err(|e| ApiError::Decode(e.to_string()))
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
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let guard = send_wrapper::SendWrapper::new(controller);
    leptos::prelude::on_cleanup(move || {
        if let Some(c) = guard.take() {
            c.abort();
        }
    });
    let res = gloo_net::http::Request::get(&path)
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
    let svg = res.text().await.map_err(|e| ApiError::Decode(e.to_string()))?;
    if !svg.starts_with("<svg") {
        return Err(ApiError::Decode("the diagram is not SVG".into()));
    }
    Ok(svg)
}
