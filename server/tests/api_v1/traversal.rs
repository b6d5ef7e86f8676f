//! Path traversal and encoded-path tricks: never a file outside the
//! embedded set, never a 5xx. Through the router, and through a real
//! socket for the bytes a `Uri` cannot even hold (backslashes, NUL).

use std::net::SocketAddr;

use axum::http::StatusCode;
use std::io::{Read, Write};

use super::common::*;

/// Text that would show a file from outside the embedded set was served.
const FORBIDDEN: [&str; 5] = ["root:x:0", "[package]", "[workspace]", "\"resources\"", "fn main()"];

const TRICKS: [&str; 30] = [
    "/../Cargo.toml",
    "/../../../../etc/passwd",
    "/assets/../../Cargo.toml",
    "/assets/../../../etc/passwd",
    "/%2e%2e/Cargo.toml",
    "/%2E%2E/%2E%2E/etc/passwd",
    "/%2e%2e%2fCargo.toml",
    "/..%2FCargo.toml",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/%25%32%65%25%32%65/etc/passwd",
    "/..%5cCargo.toml",
    "/..%5c..%5cetc%5cpasswd",
    "/%c0%ae%c0%ae/etc/passwd",
    "/index.html%00.js",
    "/%00",
    "/assets/%2e%2e/%2e%2e/server/Cargo.toml",
    "//etc/passwd",
    "/./index.html",
    "/.%2e/data/datapackage.json",
    "/data/datapackage.json",
    "/server/src/main.rs",
    "/api/v1/datasets/..%2F..%2Fdatapackage.json",
    "/api/v1/datasets/%2e%2e",
    "/api/v1/datasets/../../../etc/passwd",
    "/api/v1/geo/..%2f..%2fetc%2fpasswd",
    "/api/v1/geo/%00",
    "/api/v1/datasets/%2e%2e/observations",
    "/embed/../../etc/passwd",
    "/datasets/%2e%2e%2f%2e%2e%2fCargo.toml",
];

/// A 200 body must be an embedded file or the app's index page.
fn assert_inside_the_embedded_set(url: &str, status: StatusCode, body: &[u8]) {
    assert!(!status.is_server_error(), "{url}: {status}");
    let text = String::from_utf8_lossy(body);
    for marker in FORBIDDEN {
        assert!(!text.contains(marker), "{url} leaked a file ({marker})");
    }
    if status == StatusCode::OK && !url.starts_with("/api/") && !url.starts_with("/embed/") {
        let s = state();
        let is_embedded = s.site().files.values().any(|a| a.cached.body == body);
        let is_index = text.starts_with(s.site().index_html.split("</head>").next().unwrap_or("<"));
        assert!(is_embedded || is_index, "{url}: 200 with a body that is neither an embedded file nor the app");
    }
}

#[tokio::test]
async fn tricks_through_the_router_stay_inside() {
    for url in TRICKS {
        let r = get(url).await;
        assert_inside_the_embedded_set(url, r.status, &r.body);
        // Errors are the one JSON shape, except inside /embed/, whose
        // errors are pages shown in someone else's iframe.
        // An app address that names no page is a 404 with the app's own
        // "Page not found" page (pages are rendered on the server).
        if r.status.is_client_error() && !url.starts_with("/embed/") {
            if !url.starts_with("/api/") && r.header("content-type").starts_with("text/html") {
                assert_eq!(r.status, StatusCode::NOT_FOUND, "{url}");
                assert!(String::from_utf8_lossy(&r.body).contains("Page not found"), "{url}: the app's 404 page");
            } else {
                r.json();
            }
        }
    }
    // The decoded `..` never reaches a lookup as a segment: 400, not a file.
    for url in ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/..%5cCargo.toml", "/index.html%00.js"] {
        get(url).await.assert_error(StatusCode::BAD_REQUEST, "bad_parameter");
    }
}

async fn serve() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a local port");
    let addr = listener.local_addr().expect("bound");
    let app = app().into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    addr
}

/// Sends raw bytes and returns the status and the whole response text
/// (a blocking client on its own thread; the server runs on the test's).
async fn raw(addr: SocketAddr, request: &[u8]) -> (u16, String) {
    let request = request.to_vec();
    let out = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).expect("connect");
        stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).expect("timeout");
        stream.write_all(&request).expect("write");
        let mut out = Vec::new();
        let _ = stream.read_to_end(&mut out);
        out
    })
    .await
    .expect("client thread");
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, text)
}

fn request_line(target: &[u8]) -> Vec<u8> {
    let mut r = b"GET ".to_vec();
    r.extend_from_slice(target);
    r.extend_from_slice(b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    r
}

#[tokio::test]
async fn raw_targets_on_a_socket_stay_inside() {
    let addr = serve().await;
    let mut targets: Vec<Vec<u8>> = TRICKS.iter().map(|t| t.as_bytes().to_vec()).collect();
    for t in [
        &b"/..\\..\\etc\\passwd"[..],
        b"/assets\\..\\..\\Cargo.toml",
        b"/index.html\0.js",
        b"/\0",
        b"/api/v1/datasets/..\\..\\x",
        b"/%2e%2e\\Cargo.toml",
        b"http://localhost/../Cargo.toml",
        b"../Cargo.toml",
        b"*",
    ] {
        targets.push(t.to_vec());
    }
    for target in targets {
        let shown = String::from_utf8_lossy(&target).into_owned();
        let (status, text) = raw(addr, &request_line(&target)).await;
        assert!((200..500).contains(&status), "{shown:?}: status {status}\n{text}");
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        for marker in FORBIDDEN {
            assert!(!body.contains(marker), "{shown:?} leaked a file ({marker})");
        }
    }
}

#[tokio::test]
async fn headers_too_large_for_hyper_get_its_bare_431() {
    let addr = serve().await;
    // Over our bound but under hyper's: our JSON.
    let mut req = b"GET /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".to_vec();
    req.extend_from_slice(format!("X-Padding: {}\r\n\r\n", "x".repeat(evidence_server::limits::MAX_HEADER_BYTES)).as_bytes());
    let (status, text) = raw(addr, &req).await;
    assert_eq!(status, 431);
    assert!(text.contains("\"headers_too_large\""), "{text}");
    // Over hyper's count of headers: hyper answers before any of our code
    // runs, without a body (documented in docs/api.md).
    let mut req = b"GET /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".to_vec();
    for i in 0..120 {
        req.extend_from_slice(format!("X-H{i}: 1\r\n").as_bytes());
    }
    req.extend_from_slice(b"\r\n");
    let (status, _) = raw(addr, &req).await;
    assert_eq!(status, 431);
}

#[tokio::test]
async fn head_on_a_socket_sends_the_length_and_no_body() {
    let addr = serve().await;
    let (status, text) = raw(addr, b"HEAD /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    assert_eq!(status, 200);
    let (head, body) = text.split_once("\r\n\r\n").expect("a head");
    assert!(body.is_empty(), "{body}");
    assert!(head.to_ascii_lowercase().contains("content-length: "), "{head}");
}
