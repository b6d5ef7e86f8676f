//! One error type for every failure, one JSON shape for every error:
//! `{"error":{"code":"unknown_dataset","message":"..."}}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use evidence::api::{ErrorBody, ErrorDetail};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl AppError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError { status, code, message: message.into() }
    }
    pub fn bad_param(param: &str, problem: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_parameter", format!("{param}: {problem}"))
    }
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }
    pub fn unknown_dataset(id: &str) -> Self {
        Self::not_found("unknown_dataset", format!("no dataset '{}'; see /api/v1/datasets", truncate(id)))
    }
}

/// User input echoed in messages is cut short (it is JSON-escaped by serde).
pub fn truncate(s: &str) -> String {
    let t: String = s.chars().take(64).collect();
    if t.len() < s.len() { format!("{t}…") } else { t }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: ErrorDetail { code: self.code.to_string(), message: self.message } };
        let mut res = (self.status, Json(body)).into_response();
        res.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
        res
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Turns the plain-text rejections of axum's extractors (a path segment
/// that is not UTF-8 after decoding, say) into the one error shape, so no
/// client ever has to parse a second kind of error. HTML error pages (the
/// embeds') are left alone.
pub async fn json_rejections(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let res = next.run(req).await;
    let is_plain_text = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/plain"));
    if !(res.status().is_client_error() || res.status().is_server_error()) || !is_plain_text {
        return res;
    }
    let status = res.status();
    let text = axum::body::to_bytes(res.into_body(), 4096).await.unwrap_or_default();
    let code = match status {
        StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "body_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        s if s.is_server_error() => "internal_error",
        _ => "bad_request",
    };
    AppError::new(status, code, truncate(String::from_utf8_lossy(&text).trim())).into_response()
}
