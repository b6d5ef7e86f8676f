//! Every failure has the one JSON error shape and the right status: 405,
//! 413, 414, 431, 429 and 500 (400 and 404 are in endpoints.rs).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode};
use evidence_server::Config;
use tower_http::catch_panic::CatchPanicLayer;

use super::common::*;

#[tokio::test]
async fn writes_are_405_with_allow_everywhere() {
    let (id, _) = sample();
    let urls = [
        "/api/v1/datasets".to_string(),
        format!("/api/v1/datasets/{id}/observations"),
        "/api/v1/geo/KEN".into(),
        "/api/v1/openapi.json".into(),
        "/api/v1/nope".into(),
        "/healthz".into(),
        "/".into(),
        format!("/datasets/{id}"),
        "/index.html".into(),
    ];
    for url in &urls {
        for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH, Method::OPTIONS] {
            let r = send(request(method.clone(), url, &[])).await;
            r.assert_error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
            assert_eq!(r.header("allow"), "GET, HEAD", "{method} {url}");
        }
    }
}

#[tokio::test]
async fn a_declared_body_over_the_limit_is_413() {
    let size = (evidence_server::limits::MAX_BODY_BYTES + 1).to_string();
    for method in [Method::POST, Method::GET] {
        let r = send(request(method, "/api/v1/datasets", &[("content-length", &size)])).await;
        r.assert_error(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
    }
}

#[tokio::test]
async fn a_long_request_target_is_414() {
    let (id, _) = sample();
    let long = format!("/api/v1/datasets/{id}/observations?geo={}", "KEN,".repeat(evidence_server::limits::MAX_URI_BYTES / 4));
    get(&long).await.assert_error(StatusCode::URI_TOO_LONG, "uri_too_long");
    let long_path = format!("/datasets/{}", "a".repeat(evidence_server::limits::MAX_URI_BYTES));
    get(&long_path).await.assert_error(StatusCode::URI_TOO_LONG, "uri_too_long");
}

#[tokio::test]
async fn large_headers_are_431() {
    let big = "x".repeat(evidence_server::limits::MAX_HEADER_BYTES);
    get_with("/api/v1/datasets", &[("x-padding", &big)]).await.assert_error(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large");
    let r = get_with("/api/v1/datasets", &[("x-padding", &big[..1000])]).await;
    assert_eq!(r.status, StatusCode::OK, "ordinary headers pass");
}

fn from(ip: [u8; 4], uri: &str) -> Request<Body> {
    let mut req = request(Method::GET, uri, &[]);
    req.extensions_mut().insert(ConnectInfo(SocketAddr::from((ip, 40000))));
    req
}

#[tokio::test]
async fn a_client_over_its_rate_is_429_with_retry_after_and_others_are_not() {
    let state = evidence_server::embedded_state(Config { rate_limit: 1, rate_burst: 3, ..Config::default() });
    let app = evidence_server::app(state);
    for _ in 0..3 {
        assert_eq!(send_to(app.clone(), from([192, 0, 2, 1], "/api/v1/datasets")).await.status, StatusCode::OK);
    }
    let r = send_to(app.clone(), from([192, 0, 2, 1], "/api/v1/datasets")).await;
    r.assert_error(StatusCode::TOO_MANY_REQUESTS, "rate_limited");
    let wait: u64 = r.header("retry-after").parse().expect("Retry-After in seconds");
    assert!((1..=2).contains(&wait), "{wait}");
    assert_eq!(r.header("cache-control"), "no-store");
    assert!(r.header("content-security-policy").contains("frame-ancestors"), "limited responses keep the security headers");

    assert_eq!(send_to(app.clone(), from([192, 0, 2, 2], "/api/v1/datasets")).await.status, StatusCode::OK, "another client is served");
    let page = send_to(app, from([192, 0, 2, 1], "/")).await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "the limit covers the app too");
}

/// A log sink for the tests that read what the server logged.
#[derive(Clone, Default)]
pub struct LogBuffer(pub Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("not poisoned").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogBuffer {
    type Writer = LogBuffer;
    fn make_writer(&'a self) -> LogBuffer {
        self.clone()
    }
}

impl LogBuffer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("not poisoned")).into_owned()
    }
}

#[tokio::test]
async fn a_request_over_the_time_bound_is_408_json() {
    async fn never() -> &'static str {
        std::future::pending().await
    }
    let app = Router::new()
        .route("/slow", axum::routing::get(never))
        .layer(axum::middleware::from_fn_with_state(std::time::Duration::from_millis(20), evidence_server::limits::timeout));
    send_to(app, request(Method::GET, "/slow", &[])).await.assert_error(StatusCode::REQUEST_TIMEOUT, "timeout");
    assert_eq!(evidence_server::router::REQUEST_TIMEOUT, std::time::Duration::from_secs(15), "the bound the docs state");
}

async fn boom() -> &'static str {
    panic!("secret detail 42")
}

#[test]
fn a_panicking_handler_becomes_a_logged_500_json() {
    let app = Router::new()
        .route("/boom", axum::routing::get(boom))
        .layer(CatchPanicLayer::custom(evidence_server::router::panic_response));
    let logs = LogBuffer::default();
    let subscriber = evidence_server::observability::subscriber(
        evidence_server::observability::LogFormat::Text,
        "evidence_server=info",
        logs.clone(),
        false,
    );
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let r = tracing::subscriber::with_default(subscriber, || runtime.block_on(send_to(app, request(Method::GET, "/boom", &[]))));
    let message = r.assert_error(StatusCode::INTERNAL_SERVER_ERROR, "internal_error");
    assert!(!message.contains("secret detail"), "the panic message is not sent to the client: {message}");
    let logged = logs.text();
    assert!(logged.contains("ERROR") && logged.contains("secret detail 42"), "the panic is logged: {logged}");
}
