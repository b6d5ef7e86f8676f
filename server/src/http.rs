//! HTTP helpers: cached responses with strong ETags and conditional GETs,
//! and the cache policies.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::cached::Cached;

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

/// The suffixes [`etag_per_encoding`] puts inside an ETag's quotes.
const ENCODING_SUFFIXES: [&str; 2] = ["-br", "-gzip"];

/// The entity tags an `If-None-Match` lists, as sent.
fn if_none_match(req: &HeaderMap) -> impl Iterator<Item = &str> {
    req.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',').map(str::trim))
}

/// An ETag without its weak prefix and without the encoding suffix, so the
/// tag of a compressed representation validates the same content.
fn base_tag(tag: &str) -> String {
    let tag = tag.strip_prefix("W/").unwrap_or(tag);
    for suffix in ENCODING_SUFFIXES {
        if let Some(inner) = tag.strip_suffix('"').and_then(|t| t.strip_suffix(suffix)) {
            return format!("{inner}\"");
        }
    }
    tag.to_string()
}

/// Whether `If-None-Match` names this ETag (or is `*`), in any encoding.
pub fn not_modified(req: &HeaderMap, etag: &str) -> bool {
    if_none_match(req).any(|t| t == "*" || base_tag(t) == etag)
}

/// Gives each content-coding of a response its own strong ETag.
///
/// A strong ETag promises byte-identical bodies, but the compression layer
/// sends the same content as identity, gzip or br bytes under the handler's
/// one tag. This layer, outside compression, appends the coding to the tag
/// (`"json-…-br"`), and on a 304 echoes the tag the client sent, so caches
/// and range requests never mix representations; [`not_modified`] accepts
/// every variant. (nginx solves the same problem by weakening the tag.)
pub async fn etag_per_encoding(req: Request, next: Next) -> Response {
    let sent: Vec<String> = if_none_match(req.headers()).map(String::from).collect();
    let mut res = next.run(req).await;
    let Some(etag) = res.headers().get(header::ETAG).and_then(|v| v.to_str().ok()).map(String::from) else {
        return res;
    };
    if res.status() == StatusCode::NOT_MODIFIED {
        if let Some(matched) = sent.iter().find(|t| base_tag(t) == etag)
            && let Ok(v) = HeaderValue::from_str(matched.strip_prefix("W/").unwrap_or(matched))
        {
            res.headers_mut().insert(header::ETAG, v);
        }
        return res;
    }
    let coding = res.headers().get(header::CONTENT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("");
    let suffix = match coding {
        "br" => "-br",
        "gzip" => "-gzip",
        _ => return res,
    };
    if let Some(inner) = etag.strip_suffix('"')
        && let Ok(v) = HeaderValue::from_str(&format!("{inner}{suffix}\""))
    {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

pub fn cached_response(req: &HeaderMap, cached: &Cached, content_type: &'static str, policy: CachePolicy) -> Response {
    let etag = HeaderValue::from_str(&cached.etag).expect("etag is ascii");
    if not_modified(req, &cached.etag) {
        let mut res = StatusCode::NOT_MODIFIED.into_response();
        res.headers_mut().insert(header::ETAG, etag);
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy.header()));
        return res;
    }
    // The body compressed ahead (crate::precompress), once it is ready;
    // until then, and for other codings, the compression layer does it.
    let precompressed = if accepts_br(req) { cached.br.get() } else { None };
    let mut res = (StatusCode::OK, precompressed.unwrap_or(&cached.body).clone()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::ETAG, etag);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy.header()));
    if precompressed.is_some() {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// Whether the client accepts br (a `br` token whose q is not 0).
pub fn accepts_br(req: &HeaderMap) -> bool {
    req.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|token| {
        let mut parts = token.split(';').map(str::trim);
        parts.next() == Some("br") && !parts.any(|p| p.replace(' ', "") == "q=0" || p.replace(' ', "") == "q=0.0")
    })
}

pub fn json(req: &HeaderMap, cached: &Cached) -> Response {
    cached_response(req, cached, "application/json", CachePolicy::Revalidate)
}

pub fn json_value<T: serde::Serialize>(req: &HeaderMap, value: &T) -> Response {
    json(req, &Cached::json(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_br_detection() {
        let h = |v: &'static str| {
            let mut m = HeaderMap::new();
            m.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            m
        };
        assert!(accepts_br(&h("gzip, deflate, br")));
        assert!(accepts_br(&h("br;q=0.5")));
        assert!(!accepts_br(&h("br;q=0")));
        assert!(!accepts_br(&h("gzip")));
        assert!(!accepts_br(&HeaderMap::new()));
    }
}
