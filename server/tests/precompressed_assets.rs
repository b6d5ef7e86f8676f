//! App assets and the data snapshot's JSON are brotli-compressed once at
//! the highest quality in the background, then served as such to clients
//! that accept br.

use axum::body::Body;
use axum::http::{Request, header};
use evidence_server::{Config, app, embedded_state};
use http_body_util::BodyExt;
use tower::ServiceExt;

#[tokio::test]
async fn a_large_asset_is_served_precompressed_once_ready() {
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let asset = &state.site().files["assets/world-110m.json"];
    for _ in 0..600 {
        if asset.cached.br.get().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(asset.cached.br.get().is_some(), "the world map was precompressed within 30 s");
    let original = asset.cached.body.clone();
    let res = app(state)
        .oneshot(Request::get("/assets/world-110m.json").header(header::ACCEPT_ENCODING, "gzip, br").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    assert!(res.headers()[header::ETAG].to_str().unwrap().ends_with("-br\""));
    let packed = res.into_body().collect().await.unwrap().to_bytes();
    assert!(packed.len() < original.len() / 2);
    let mut out = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(packed), &mut out).unwrap();
    assert_eq!(out, original);
}

#[tokio::test]
async fn the_snapshot_json_is_served_precompressed_once_ready_and_revalidates() {
    let state = embedded_state(Config { rate_limit: 0, ..Config::default() });
    let glossary = state.data().glossary.clone();
    for _ in 0..600 {
        if glossary.br.get().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let precompressed = glossary.br.get().expect("the glossary was precompressed within 30 s").clone();
    let get = |encoding: &'static str, if_none_match: Option<String>| {
        let mut req = Request::get("/api/v1/glossary").header(header::ACCEPT_ENCODING, encoding);
        if let Some(tag) = if_none_match {
            req = req.header(header::IF_NONE_MATCH, tag);
        }
        app(state.clone()).oneshot(req.body(Body::empty()).unwrap())
    };
    let res = get("br", None).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(res.headers()[header::VARY], "accept-encoding");
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/json");
    let etag = res.headers()[header::ETAG].to_str().unwrap().to_string();
    assert!(etag.ends_with("-br\""), "{etag}");
    let packed = res.into_body().collect().await.unwrap().to_bytes();
    // The stored bytes, not compressed again on the way out.
    assert_eq!(packed, precompressed);
    let mut out = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(packed), &mut out).unwrap();
    assert_eq!(out, glossary.body);
    // The br tag revalidates; other codings still get the JSON.
    assert_eq!(get("br", Some(etag)).await.unwrap().status(), 304);
    let plain = get("identity", None).await.unwrap();
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(plain.into_body().collect().await.unwrap().to_bytes(), glossary.body);
    let gzip = get("gzip", None).await.unwrap();
    assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
}
