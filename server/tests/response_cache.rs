//! Filtered observation responses are computed once per snapshot and query,
//! stay bounded, and never hold an error.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use evidence_server::{Config, app, embedded_state};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn get(router: &axum::Router, uri: &str) -> (StatusCode, String, bytes_like::Bytes) {
    let res = router.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let etag = res.headers().get("etag").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, etag, body)
}

mod bytes_like {
    pub type Bytes = axum::body::Bytes;
}

#[tokio::test]
async fn a_filtered_response_is_cached_and_identical() {
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let router = app(state.clone());
    let uri = "/api/v1/datasets/ncmec-cybertipline-by-country/observations?geo=KEN,UGA&from=2021";
    let (s1, e1, b1) = get(&router, uri).await;
    assert_eq!(s1, StatusCode::OK);
    assert_eq!(state.data().filtered.len(), 1);
    let (s2, e2, b2) = get(&router, uri).await;
    assert_eq!((s2, &e2, &b2), (StatusCode::OK, &e1, &b1));
    assert_eq!(state.data().filtered.len(), 1);
    let v: serde_json::Value = serde_json::from_slice(&b1).unwrap();
    assert!(v["observations"].as_array().unwrap().iter().all(|o| o["geo"] == "KEN" || o["geo"] == "UGA"));
}

#[tokio::test]
async fn errors_are_not_cached() {
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let router = app(state.clone());
    let (status, _, _) = get(&router, "/api/v1/datasets/ncmec-cybertipline-by-country/observations?geo=NOPE").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(state.data().filtered.is_empty());
    let (status, _, _) = get(&router, "/api/v1/datasets/no-such-dataset/observations?geo=KEN").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(state.data().filtered.is_empty());
    // Beside a cached answer, the same query made invalid adds nothing.
    let (status, _, _) = get(&router, "/api/v1/datasets/ncmec-cybertipline-by-country/observations?geo=KEN").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = get(&router, "/api/v1/datasets/ncmec-cybertipline-by-country/observations?geo=KEN&from=notayear").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(state.data().filtered.len(), 1);
}

#[test]
fn the_cache_never_holds_more_than_its_bound() {
    use evidence_server::cached::{Cached, ResponseCache};
    let cache = ResponseCache::default();
    let max = ResponseCache::MAX_ENTRIES;
    for i in 0..(max + 10) {
        cache.insert(format!("key-{i}"), Cached::new(vec![1, 2, 3], "json"));
        assert!(cache.len() <= max);
    }
    assert!(cache.get(&format!("key-{}", max + 9)).is_some(), "the newest entry is kept");
}

#[tokio::test]
async fn app_pages_are_cached_in_their_own_smaller_bound() {
    use evidence_server::cached::ResponseCache;
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let router = app(state.clone());
    for i in 0..(ResponseCache::MAX_PAGES + 5) {
        let (status, _, _) = get(&router, &format!("/datasets/ncmec-cybertipline-totals?title=t{i}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(state.data().pages.len() <= ResponseCache::MAX_PAGES);
    }
    assert!(!state.data().pages.is_empty());
    // Every app page is now rendered on the server by the app's components
    // and cached per address (no longer index.html as built), in the same
    // bound: /coverage?x=1 adds one entry, asking again adds none.
    let before = state.data().pages.len();
    get(&router, "/coverage?x=1").await;
    assert_eq!(state.data().pages.len(), before + 1, "the coverage page is cached by its address");
    get(&router, "/coverage?x=1").await;
    assert_eq!(state.data().pages.len(), before + 1, "and served from the cache");
    assert!(state.data().pages.len() <= ResponseCache::MAX_PAGES);
}

/// Regression from fuzzing: U+FFFF in a title once made the SVG malformed
/// and the PNG export fail with a 500.
#[tokio::test]
async fn a_png_export_with_a_noncharacter_in_the_title_succeeds() {
    let router = app(embedded_state(Config { rate_limit: 0, ..Config::default() }));
    let (status, _, body) = get(&router, "/api/v1/datasets/ncmec-cybertipline-totals/chart.png?title=A%EF%BF%BFB").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with(b"\x89PNG"));
}

/// An empty `format` is oEmbed's default (JSON), not an unsupported format.
#[tokio::test]
async fn oembed_with_an_empty_format_answers_json() {
    let router = app(embedded_state(Config { rate_limit: 0, ..Config::default() }));
    let (status, _, body) = get(&router, "/oembed?url=http%3A%2F%2F127.0.0.1%3A8080%2Fdatasets%2Fiwf-reports&format=").await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(v["type"], "rich");
    let (status, _, _) = get(&router, "/oembed?url=http%3A%2F%2F127.0.0.1%3A8080%2Fdatasets%2Fiwf-reports&format=xml").await;
    assert_eq!(status, StatusCode::NOT_IMPLEMENTED);
}

async fn get_with(router: &axum::Router, uri: &str, headers: &[(&str, &str)]) -> axum::response::Response<axum::body::Bytes> {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = router.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = res.into_parts();
    axum::response::Response::from_parts(parts, body.collect().await.unwrap().to_bytes())
}

fn header<'a>(res: &'a axum::response::Response<axum::body::Bytes>, name: &str) -> &'a str {
    res.headers().get(name).map(|v| v.to_str().unwrap()).unwrap_or("")
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(bytes), &mut out).expect("valid brotli");
    out
}

/// A page is compressed once, for its first reader who accepts br, and
/// kept compressed with the page: a repeat request that accepts br is sent
/// those stored bytes (not compressed again), with its coding, `Vary` and
/// the br representation's own ETag; a reader without br gets the page
/// itself.
#[tokio::test]
async fn a_cached_page_is_sent_with_the_brotli_bytes_kept_with_it() {
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let router = app(state.clone());
    let uri = "/geo/KEN";
    let first = get_with(&router, uri, &[("accept-encoding", "br")]).await;
    assert_eq!(first.status(), StatusCode::OK);
    let kept = state.data().pages.get(uri).expect("the page is kept");
    let stored = kept.br.get().expect("compressed for its first reader who accepts br").clone();
    assert_eq!(header(&first, "content-encoding"), "br");
    assert_eq!(first.body(), &stored, "even the first reader gets the bytes kept");
    assert_eq!(unbrotli(&stored), kept.body, "the same page");
    assert!(stored.len() * 4 < kept.body.len(), "compressed: {} of {} bytes", stored.len(), kept.body.len());

    let again = get_with(&router, uri, &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(header(&again, "content-encoding"), "br");
    assert_eq!(again.body(), &stored);
    assert!(header(&again, "vary").to_ascii_lowercase().contains("accept-encoding"));
    let br_tag = format!("{}-br\"", kept.etag.trim_end_matches('"'));
    assert_eq!(header(&again, "etag"), br_tag, "the br bytes have their own strong tag");
    assert_eq!(header(&again, "cache-control"), "no-cache");
    let revalidated = get_with(&router, uri, &[("accept-encoding", "br"), ("if-none-match", &br_tag)]).await;
    assert_eq!(revalidated.status(), StatusCode::NOT_MODIFIED);

    // A page nobody has asked with br for is not compressed (the static
    // export's pages, for one).
    get_with(&router, "/geo/UGA", &[("accept-encoding", "gzip")]).await;
    assert!(state.data().pages.get("/geo/UGA").expect("kept").br.get().is_none());

    // Without br: the page itself (gzip is still made by the compression layer).
    let plain = get_with(&router, uri, &[]).await;
    assert_eq!(header(&plain, "content-encoding"), "");
    assert_eq!(plain.body(), &kept.body);
    assert_eq!(header(&plain, "etag"), kept.etag);
    let gzip = get_with(&router, uri, &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&gzip, "content-encoding"), "gzip");
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gzip.body()[..]), &mut out).unwrap();
    assert_eq!(out, kept.body);

    // What is sent is what is kept: stored bytes put under the address
    // come back as they are, so nothing compresses the page per request.
    let stand_in = evidence_server::cached::Cached::new(b"<p>kept</p>".repeat(200), "page");
    let _ = stand_in.br.set(axum::body::Bytes::from_static(b"the bytes kept"));
    state.data().pages.insert(uri.to_string(), stand_in);
    let kept_bytes = get_with(&router, uri, &[("accept-encoding", "br")]).await;
    assert_eq!(kept_bytes.body().as_ref(), b"the bytes kept");
}

/// A 404 page is kept compressed too, and sent as br to a reader who
/// accepts it (without validators: there is nothing to revalidate).
#[tokio::test]
async fn a_not_found_page_is_sent_compressed_from_the_cache() {
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let router = app(state.clone());
    for _ in 0..2 {
        let res = get_with(&router, "/no-such-page", &[("accept-encoding", "br")]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(header(&res, "content-encoding"), "br");
        assert_eq!(header(&res, "etag"), "");
        let kept = state.data().pages.get("/no-such-page").expect("kept");
        assert_eq!(res.body(), kept.br.get().expect("compressed"));
        assert!(String::from_utf8(unbrotli(res.body())).unwrap().contains("<main"));
    }
}
