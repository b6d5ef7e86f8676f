//! Protection against abuse: a per-client token-bucket rate limit and
//! bounds on the request target, the headers and the body.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::state::AppState;

pub const MAX_URI_BYTES: usize = 8 * 1024;
pub const MAX_BODY_BYTES: u64 = 16 * 1024;
/// Total bytes of header names and values. hyper itself refuses heads over
/// ~400 KiB or with over 100 headers with a bare 431 before any of our code
/// runs; everything between this bound and those gets our JSON 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// Buckets kept at most; the oldest are dropped beyond this, so a flood of
/// addresses cannot grow memory without bound.
const MAX_CLIENTS: usize = 100_000;

pub struct RateLimiter {
    per_sec: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl RateLimiter {
    pub fn new(per_sec: u32, burst: u32) -> Self {
        RateLimiter { per_sec: per_sec as f64, burst: burst.max(1) as f64, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one token for `ip`; Err(seconds to wait) when there is none.
    pub fn check(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        if self.per_sec <= 0.0 {
            return Ok(());
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_CLIENTS && !buckets.contains_key(&ip) {
            let cutoff = now - std::time::Duration::from_secs(60);
            buckets.retain(|_, (_, t)| *t > cutoff);
            if buckets.len() >= MAX_CLIENTS {
                buckets.clear();
            }
        }
        let (tokens, last) = buckets.entry(ip).or_insert((self.burst, now));
        let elapsed = now.saturating_duration_since(*last).as_secs_f64();
        *tokens = (*tokens + elapsed * self.per_sec).min(self.burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / self.per_sec).ceil().max(1.0) as u64)
        }
    }
}

pub async fn rate_limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([0, 0, 0, 0]));
    match state.limiter().check(ip, Instant::now()) {
        Ok(()) => next.run(req).await,
        Err(wait) => {
            let mut res = AppError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", format!("too many requests; retry in {wait} s")).into_response();
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, wait.into());
            res
        }
    }
}

/// Ends a request that takes longer than the bound with a JSON 408 (the
/// work is dropped with its future), so a slow request cannot hold a
/// connection and its memory for ever.
pub async fn timeout(State(limit): State<std::time::Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => AppError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!("the request took longer than {} s; try a smaller one", limit.as_secs_f64()),
        )
        .into_response(),
    }
}

/// Bounds the request target, the headers and the body: the API is
/// read-only, so no request needs much of any.
pub async fn request_size(req: Request, next: Next) -> Response {
    let len = req.uri().path_and_query().map(|p| p.as_str().len()).unwrap_or(0);
    if len > MAX_URI_BYTES {
        return AppError::new(StatusCode::URI_TOO_LONG, "uri_too_long", format!("the request target is over {MAX_URI_BYTES} bytes")).into_response();
    }
    let header_bytes: usize = req.headers().iter().map(|(k, v)| k.as_str().len() + v.len()).sum();
    if header_bytes > MAX_HEADER_BYTES {
        return AppError::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers_too_large",
            format!("the request headers are over {MAX_HEADER_BYTES} bytes"),
        )
        .into_response();
    }
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    if declared > MAX_BODY_BYTES {
        return AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", format!("request bodies are limited to {MAX_BODY_BYTES} bytes")).into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_client_gets_its_burst_then_waits() {
        let l = RateLimiter::new(10, 3);
        let ip = IpAddr::from([127, 0, 0, 1]);
        let t = Instant::now();
        assert!(l.check(ip, t).is_ok());
        assert!(l.check(ip, t).is_ok());
        assert!(l.check(ip, t).is_ok());
        assert!(l.check(ip, t).is_err());
        assert!(l.check(IpAddr::from([127, 0, 0, 2]), t).is_ok(), "other clients are unaffected");
        assert!(l.check(ip, t + Duration::from_millis(150)).is_ok(), "tokens refill over time");
    }

    #[test]
    fn zero_turns_the_limit_off() {
        let l = RateLimiter::new(0, 0);
        let ip = IpAddr::from([127, 0, 0, 1]);
        for _ in 0..1000 {
            assert!(l.check(ip, Instant::now()).is_ok());
        }
    }
}
