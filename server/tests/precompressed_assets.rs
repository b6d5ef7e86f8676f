//! App assets are brotli-compressed once at the highest quality in the
//! background, then served as such to clients that accept br.

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
        if asset.br.get().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(asset.br.get().is_some(), "the world map was precompressed within 30 s");
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
