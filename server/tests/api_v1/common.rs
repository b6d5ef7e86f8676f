//! Helpers shared by the API tests.

use std::sync::OnceLock;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use evidence_server::{AppState, Config};
use tower::ServiceExt;

/// State over the embedded package, without a rate limit (every oneshot
/// request comes from the same unknown client).
pub fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE.get_or_init(|| evidence_server::embedded_state(Config { rate_limit: 0, ..Config::default() })).clone()
}

pub fn app() -> Router {
    evidence_server::app(state())
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    /// Asserts the one error shape, with this status and code.
    pub fn assert_error(&self, status: StatusCode, code: &str) -> String {
        assert_eq!(self.status, status, "body: {}", String::from_utf8_lossy(&self.body));
        assert!(self.header("content-type").starts_with("application/json"), "error content-type {:?}", self.header("content-type"));
        let v = self.json();
        let obj = v.as_object().expect("object");
        assert_eq!(obj.len(), 1, "only `error`: {v}");
        let err = v["error"].as_object().expect("error object");
        assert_eq!(err.len(), 2, "code and message only: {v}");
        assert_eq!(err["code"], code, "{v}");
        let message = err["message"].as_str().expect("message").to_string();
        assert!(!message.is_empty());
        message
    }
}

pub async fn send_to(app: Router, req: Request<Body>) -> Reply {
    let res = app.oneshot(req).await.expect("the router is infallible");
    let (parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Reply { status: parts.status, headers: parts.headers, body }
}

pub async fn send(req: Request<Body>) -> Reply {
    send_to(app(), req).await
}

pub fn request(method: Method, uri: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut b = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Body::empty()).expect("valid request")
}

pub async fn get(uri: &str) -> Reply {
    send(request(Method::GET, uri, &[])).await
}

pub async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Reply {
    send(request(Method::GET, uri, headers)).await
}

/// A dataset with figures by country, and one of its countries.
pub fn sample() -> (String, String) {
    let data = state().data();
    let pkg = &data.package;
    let is_country = |code: &str| pkg.geography(code).is_some_and(|g| g.kind == evidence::model::GeoKind::Country);
    let d = pkg.datasets.iter().max_by_key(|d| d.geos().into_iter().filter(|g| is_country(g)).count()).expect("a dataset");
    let geo = d.geos().into_iter().find(|g| is_country(g)).expect("a country with figures");
    (d.meta.id.clone(), geo.to_string())
}
