//! HTTP helpers: cached responses with strong ETags and conditional GETs,
//! and the cache policies.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::snapshot::Cached;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CachePolicy {
    /// Data: may be stored, but revalidated with the ETag after a minute.
    Revalidate,
    /// Hashed app assets: never change under their name.
    Immutable,
    /// Pages whose HTML must be fresh.
    NoCache,
}

impl CachePolicy {
    fn header(self) -> &'static str {
        match self {
            CachePolicy::Revalidate => "public, max-age=60, must-revalidate",
            CachePolicy::Immutable => "public, max-age=31536000, immutable",
            CachePolicy::NoCache => "no-cache",
        }
    }
}

/// Whether `If-None-Match` names this ETag (or is `*`).
pub fn not_modified(req: &HeaderMap, etag: &str) -> bool {
    req.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).any(|v| {
        v.split(',').map(str::trim).any(|t| t == "*" || t == etag || t.strip_prefix("W/") == Some(etag))
    })
}

pub fn cached_response(req: &HeaderMap, cached: &Cached, content_type: &'static str, policy: CachePolicy) -> Response {
    let etag = HeaderValue::from_str(&cached.etag).expect("etag is ascii");
    if not_modified(req, &cached.etag) {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        res.headers_mut().insert(header::ETAG, etag);
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy.header()));
        return res;
    }
    let mut res = (StatusCode::OK, cached.body.clone()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::ETAG, etag);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy.header()));
    res
}

pub fn json(req: &HeaderMap, cached: &Cached) -> Response {
    cached_response(req, cached, "application/json", CachePolicy::Revalidate)
}

pub fn json_value<T: serde::Serialize>(req: &HeaderMap, value: &T) -> Response {
    json(req, &Cached::json(value))
}
