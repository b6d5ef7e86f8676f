//! `/api/v1/datasets/{id}/chart.svg|.png|.csv` (the chart of a chart-page
//! query, with its frame) and `/api/v1/datasets/{id}/data.csv` (every
//! observation). Drawing is CPU work, so it runs off the async threads.

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, AppResult};
use crate::export::{self, Export, ExportRequest, ImageFormat, size::MAX_PNG_PIXELS};
use crate::http::{CachePolicy, cached_response};
use crate::cached::Cached;
use crate::state::AppState;

/// PNGs drawn at once; more wait for a retry rather than pile up memory
/// (a large PNG holds tens of MB while it is drawn).
pub const MAX_PNG_RENDERS: usize = 4;
static PNG_RENDERS: AtomicUsize = AtomicUsize::new(0);

struct RenderSlot;

impl RenderSlot {
    fn take() -> Option<RenderSlot> {
        let mut n = PNG_RENDERS.load(Ordering::Relaxed);
        loop {
            if n >= MAX_PNG_RENDERS {
                return None;
            }
            match PNG_RENDERS.compare_exchange_weak(n, n + 1, Ordering::AcqRel, Ordering::Relaxed) {
                Ok(_) => return Some(RenderSlot),
                Err(now) => n = now,
            }
        }
    }
}

impl Drop for RenderSlot {
    fn drop(&mut self) {
        PNG_RENDERS.fetch_sub(1, Ordering::AcqRel);
    }
}

fn busy() -> AppError {
    AppError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", "the server is drawing other pictures; retry in a second")
}

fn internal(what: impl std::fmt::Display) -> AppError {
    tracing::error!("export failed: {what}");
    AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "the export failed on this request; it has been logged")
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> AppResult<T> + Send + 'static) -> AppResult<T> {
    tokio::task::spawn_blocking(f).await.map_err(internal)?
}

fn respond(headers: &HeaderMap, cached: &Cached, content_type: &'static str, disposition: &str, file: &str) -> Response {
    let mut res = cached_response(headers, cached, content_type, CachePolicy::Revalidate);
    if res.status() == StatusCode::OK {
        let value = format!("{disposition}; filename=\"{file}\"");
        res.headers_mut().insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&value).expect("file names are ASCII"));
    }
    res.into_response()
}

pub async fn chart_svg(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    let req = ExportRequest::parse(&data, dataset, raw.as_deref(), Export::Image(ImageFormat::Svg))?;
    let file = export::file_name(&id, &req.state, req.sizing, "svg");
    let public_url = state.config().public_url.clone();
    let svg = blocking(move || {
        let dataset = data.package.dataset(&id).expect("looked up above");
        Ok(export::chart(&data, dataset, &req.state, req.sizing, &public_url).svg)
    })
    .await?;
    Ok(respond(&headers, &Cached::new(svg.into_bytes(), "svg"), "image/svg+xml", "inline", &file))
}

pub async fn chart_png(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    let req = ExportRequest::parse(&data, dataset, raw.as_deref(), Export::Image(ImageFormat::Png))?;
    let file = export::file_name(&id, &req.state, req.sizing, "png");
    let scale = req.sizing.map_or(1, |s| s.scale);
    let public_url = state.config().public_url.clone();
    let Some(slot) = RenderSlot::take() else {
        let mut res = busy().into_response();
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Ok(res);
    };
    let png = blocking(move || {
        let _slot = slot;
        let dataset = data.package.dataset(&id).expect("looked up above");
        let chart = export::chart(&data, dataset, &req.state, req.sizing, &public_url);
        export::png::render(&chart.svg, scale, &chart.frame, MAX_PNG_PIXELS).map_err(|e| match e {
            export::png::PngError::TooLarge(..) => AppError::bad_param("scale", e),
            other => internal(other),
        })
    })
    .await?;
    Ok(respond(&headers, &Cached::new(png, "png"), "image/png", "inline", &file))
}

pub async fn chart_csv(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    let req = ExportRequest::parse(&data, dataset, raw.as_deref(), Export::ChartCsv)?;
    let file = export::file_name(&id, &req.state, None, "csv");
    let public_url = state.config().public_url.clone();
    let csv = blocking(move || {
        let dataset = data.package.dataset(&id).expect("looked up above");
        Ok(export::chart_csv(&data, dataset, &req.state, &public_url))
    })
    .await?;
    Ok(respond(&headers, &Cached::new(csv.into_bytes(), "csv"), CSV_TYPE, "attachment", &file))
}

pub async fn data_csv(State(state): State<AppState>, Path(id): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let dataset = data.package.dataset(&id).ok_or_else(|| AppError::unknown_dataset(&id))?;
    let req = ExportRequest::parse(&data, dataset, raw.as_deref(), Export::DataCsv)?;
    let public_url = state.config().public_url.clone();
    let file = export::data_file_name(&id);
    let csv = blocking(move || {
        let dataset = data.package.dataset(&id).expect("looked up above");
        Ok(export::data_csv(&data, dataset, &req.state, &public_url))
    })
    .await?;
    Ok(respond(&headers, &Cached::new(csv.into_bytes(), "csv"), CSV_TYPE, "attachment", &file))
}

const CSV_TYPE: &str = "text/csv; charset=utf-8; header=present";
