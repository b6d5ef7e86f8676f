//! Compression, per-encoding ETags, cache policies, the SPA fallback and
//! the security headers.

use std::io::Read;

use axum::http::StatusCode;

use super::common::*;

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("valid gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli_decompressor::Decompressor::new(bytes, 4096).read_to_end(&mut out).expect("valid brotli");
    out
}

#[tokio::test]
async fn br_and_gzip_are_negotiated_and_decode_to_the_same_json() {
    let (id, _) = sample();
    for url in ["/api/v1/datasets".to_string(), format!("/api/v1/datasets/{id}/observations"), "/".into()] {
        let plain = get(&url).await;
        assert_eq!(plain.header("content-encoding"), "", "{url}: identity unless asked");

        let br = get_with(&url, &[("accept-encoding", "gzip, deflate, br")]).await;
        assert_eq!(br.header("content-encoding"), "br", "{url}: br preferred");
        assert!(br.header("vary").to_ascii_lowercase().contains("accept-encoding"));
        assert_eq!(unbrotli(&br.body), plain.body, "{url}");

        let gz = get_with(&url, &[("accept-encoding", "gzip")]).await;
        assert_eq!(gz.header("content-encoding"), "gzip", "{url}");
        assert_eq!(gunzip(&gz.body), plain.body, "{url}");
        if url.starts_with("/api/") {
            assert!(gz.body.len() < plain.body.len() / 2, "{url}: JSON compresses well");
        }

        let none = get_with(&url, &[("accept-encoding", "identity")]).await;
        assert_eq!(none.header("content-encoding"), "", "{url}");
    }
}

#[tokio::test]
async fn each_encoding_has_its_own_strong_etag_and_each_revalidates() {
    let url = "/api/v1/glossary";
    let plain = get(url).await.header("etag").to_string();
    let br = get_with(url, &[("accept-encoding", "br")]).await.header("etag").to_string();
    let gz = get_with(url, &[("accept-encoding", "gzip")]).await.header("etag").to_string();
    let inner = plain.trim_matches('"');
    assert_eq!(br, format!("\"{inner}-br\""));
    assert_eq!(gz, format!("\"{inner}-gzip\""));

    for (encoding, etag) in [("br", &br), ("gzip", &gz), ("identity", &plain)] {
        let r = get_with(url, &[("accept-encoding", encoding), ("if-none-match", etag)]).await;
        assert_eq!(r.status, StatusCode::NOT_MODIFIED, "{encoding}");
        assert_eq!(r.header("etag"), etag, "a 304 carries the tag it validated");
    }
    let cross = get_with(url, &[("accept-encoding", "gzip"), ("if-none-match", &br)]).await;
    assert_eq!(cross.status, StatusCode::NOT_MODIFIED, "the content is the same, whatever the coding of the cached copy");
}

/// trunk's `name-<16 hex>.ext`, the only names that may be cached forever.
fn looks_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_everything_else_revalidates() {
    let s = state();
    let mut files: Vec<&String> = s.site().files.keys().collect();
    files.sort();
    for f in files {
        let r = get(&format!("/{f}")).await;
        assert_eq!(r.status, StatusCode::OK, "{f}");
        if f == "index.html" {
            // /index.html is the home page rendered by the server (the same
            // body as /), revalidated like every page, not trunk's raw file.
            assert_eq!(r.header("cache-control"), "no-cache", "{f}");
            assert_eq!(r.body, get("/").await.body, "{f} is the home page");
            continue;
        }
        let expected = if looks_hashed(f) { "public, max-age=31536000, immutable" } else { "public, max-age=60, must-revalidate" };
        assert_eq!(r.header("cache-control"), expected, "{f}");
        assert!(!r.header("etag").is_empty(), "{f}");
        assert_eq!(r.body, s.site().files[f].cached.body, "{f} is served as embedded");
    }
    assert_eq!(get("/datasets").await.header("cache-control"), "no-cache", "pages are revalidated every time");
    assert_eq!(get("/api/v1/nope").await.header("cache-control"), "no-store", "errors are not stored");
}

#[tokio::test]
async fn app_routes_get_index_html_and_api_paths_never_do() {
    let (id, geo) = sample();
    let index = state().site().index_html.clone();
    for route in ["/", "/datasets", "/coverage", "/glossary", "/methods", "/compare?datasets=a,b", &format!("/geo/{geo}")] {
        let r = get(route).await;
        assert_eq!(r.status, StatusCode::OK, "{route}");
        assert_eq!(r.header("content-type"), "text/html; charset=utf-8", "{route}");
        // Each page has its own head (title, description, Open Graph tags)
        // and the app's loader from index.html; its body is now the page
        // rendered by the app's components (no longer index.html's empty
        // body), to be hydrated.
        let body = String::from_utf8_lossy(&r.body);
        let loader = index.split("<script type=module>").nth(1).and_then(|s| s.split("</script>").next()).expect("index.html loads the app");
        assert!(body.contains(loader), "{route}: the app's loader");
        assert!(body.contains(r#"<main id="content""#), "{route}: the rendered page");
        assert!(body.contains(r#"id="hydration-data""#), "{route}: hydrated in the browser");
        assert!(body.contains(r#"property="og:title""#), "{route}");
    }
    let chart = get(&format!("/datasets/{id}?chart=bar&v=1")).await;
    assert_eq!(chart.status, StatusCode::OK);
    let html = String::from_utf8_lossy(&chart.body);
    assert!(html.contains("application/json+oembed"), "chart pages carry oEmbed discovery");
    assert!(html.contains("chart%3Dbar"), "the discovery link keeps the chart state");

    for api in ["/api/v1/datasets/nope", "/api/nope", "/api/v1/", "/api/v1/datasets.json"] {
        let r = get(api).await;
        assert!(r.status.is_client_error(), "{api}");
        assert!(r.header("content-type").starts_with("application/json"), "{api}: JSON, never the app");
    }
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let (id, _) = sample();
    for url in ["/", "/index.html", "/api/v1/datasets", "/api/v1/nope", &format!("/datasets/{id}"), "/healthz", "/missing.css"] {
        let r = get(url).await;
        let csp = r.header("content-security-policy");
        for directive in ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"] {
            assert!(csp.contains(directive), "{url}: {directive} in {csp}");
        }
        assert!(!csp.contains("'unsafe-inline'"), "{url}: no inline scripts or styles");
        assert_eq!(r.header("x-frame-options"), "DENY", "{url}");
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{url}");
        assert_eq!(r.header("referrer-policy"), "strict-origin-when-cross-origin", "{url}");
        assert!(r.header("permissions-policy").contains("camera=()"), "{url}");
        assert!(r.headers.get("set-cookie").is_none(), "{url}: no cookies");
    }
}

#[tokio::test]
async fn only_embeds_may_be_framed_by_other_sites() {
    let (id, _) = sample();
    let r = get(&format!("/embed/datasets/{id}")).await;
    let csp = r.header("content-security-policy");
    assert!(csp.contains("frame-ancestors *"), "{csp}");
    assert!(r.headers.get("x-frame-options").is_none(), "X-Frame-Options would override the CSP in old browsers");
    let not_embed = get(&format!("/embedded/datasets/{id}")).await;
    assert!(not_embed.header("content-security-policy").contains("frame-ancestors 'none'"), "a prefix match only");
}
