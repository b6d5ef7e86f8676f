//! App assets and the data snapshot's JSON are brotli-compressed once at
//! the highest quality in the background, then served as such to clients
//! that accept br.

use axum::body::Body;
use axum::http::{Request, header};
use evidence_server::{AppState, Config, app, embedded_state};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// One state for the file: each state precompresses every asset (the
/// app's wasm takes tens of seconds at quality 11), once.
fn state() -> AppState {
    static STATE: std::sync::OnceLock<AppState> = std::sync::OnceLock::new();
    STATE.get_or_init(|| embedded_state(Config { rate_limit: 0, ..Config::default() })).clone()
}

#[tokio::test]
async fn a_large_asset_is_served_precompressed_once_ready() {
    let state = state();
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
    let state = state();
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

// ------------------------------------------------------------ the embedded app
//
// `server/build.rs` embeds trunk's `dist/` when it is built, else a
// placeholder page. `./x test` builds the app first and sets
// EVIDENCE_REQUIRE_DIST=1 (the placeholder is then a build error), so the
// first test below always runs there; the placeholder's own test runs in a
// build without `dist/`, and the choice itself is tested in every build.

#[allow(dead_code)]
#[path = "../build.rs"]
mod build_script;

#[cfg_attr(evidence_dist = "placeholder", allow(dead_code))]
fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16 | (*chunk.get(1).unwrap_or(&0) as u32) << 8 | *chunk.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            out.push(if i <= chunk.len() { T[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

#[cfg_attr(evidence_dist = "placeholder", allow(dead_code))]
/// The bodies of the inline `<script>` elements (no `src`) of a page.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let open_end = after.find('>').expect("a closed <script> tag");
        let close = after.find("</script>").expect("a </script>");
        if !after[..open_end].contains(" src=") {
            out.push(&after[open_end + 1..close]);
        }
        rest = &after[close..];
    }
    out
}

#[cfg(not(evidence_dist = "placeholder"))]
#[tokio::test]
async fn the_built_app_is_served_with_its_wasm_precompressed_its_hashed_files_immutable_and_its_loader_allowed() {
    use sha2::{Digest, Sha256};
    let state = state();
    let files = &state.site().files;
    let named = |ext: &str| -> Vec<String> { files.keys().filter(|p| p.ends_with(ext)).cloned().collect() };
    let (wasm, js) = (named(".wasm"), named(".js"));
    assert_eq!(wasm.len(), 1, "one wasm file in the built app: {wasm:?}");
    let wasm = &wasm[0];
    let index = &state.site().index_html;
    assert!(index.contains(wasm.as_str()), "index.html loads {wasm}");
    let loader = js.iter().find(|j| index.contains(j.as_str())).unwrap_or_else(|| panic!("index.html loads one of {js:?}"));
    for f in [wasm, loader] {
        assert!(files[f].immutable, "{f}: trunk hashes its name, so it is cached forever");
    }
    let asset = &files[wasm];
    assert!(asset.cached.body.starts_with(b"\0asm"), "{wasm} is WebAssembly");
    for _ in 0..4800 {
        if asset.cached.br.get().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(asset.cached.br.get().is_some(), "the wasm was precompressed within 240 s");
    let get = |path: String, encoding: &'static str| {
        app(state.clone()).oneshot(Request::get(path).header(header::ACCEPT_ENCODING, encoding).body(Body::empty()).unwrap())
    };
    let res = get(format!("/{wasm}"), "gzip, br").await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
    let packed = res.into_body().collect().await.unwrap().to_bytes();
    assert!(packed.len() < asset.cached.body.len() / 2, "brotli at least halves the wasm");
    let mut out = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut std::io::Cursor::new(packed), &mut out).unwrap();
    assert_eq!(out, asset.cached.body);

    // trunk's loader is an inline script: the policy allows exactly it, by
    // hash, and never 'unsafe-inline'.
    let scripts = inline_scripts(index);
    assert!(!scripts.is_empty(), "trunk's index.html starts the app with an inline script");
    let res = get("/".to_string(), "identity").await.unwrap();
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    for script in &scripts {
        let hash = format!("'sha256-{}'", base64(&Sha256::digest(script.as_bytes())));
        assert!(csp.contains(&hash), "{hash} (of {script:?}) in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    // `/` is no longer the raw index.html: it is the home page rendered by
    // the server (its body per page, not precompressed), which keeps
    // trunk's loader, its wasm and JS links, and hydrates the rendered <main>.
    let html = res.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&html);
    for script in &scripts {
        assert!(html.contains(*script), "the page keeps trunk's loader {script:?}");
    }
    assert!(html.contains(wasm.as_str()) && html.contains(loader.as_str()), "the page loads the built app");
    assert!(html.contains(r#"<main id="content""#), "the home page is rendered on the server");
}

#[cfg(evidence_dist = "placeholder")]
#[tokio::test]
async fn without_the_built_app_the_placeholder_page_says_how_to_build_it() {
    let state = state();
    assert!(!state.site().files.keys().any(|p| p.ends_with(".wasm")), "no app in a placeholder build");
    let res = app(state.clone()).oneshot(Request::get("/datasets").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(html, build_script::PLACEHOLDER_HTML.as_bytes());
    let res = app(state).oneshot(Request::get("/api/v1/datasets").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(res.status(), 200, "the API works without the app");
}

#[test]
fn the_build_script_embeds_the_built_app_or_else_a_placeholder_unless_the_real_build_is_required() {
    let tmp = std::env::temp_dir().join(format!("evidence-build-rs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let (manifest, out, dist) = (tmp.join("server"), tmp.join("out"), tmp.join("dist"));
    std::fs::create_dir_all(&manifest).unwrap();
    std::fs::create_dir_all(&out).unwrap();

    let (dir, kind) = build_script::choose(&manifest, &out, None, false).unwrap();
    assert_eq!(kind, "placeholder");
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(page, build_script::PLACEHOLDER_HTML);
    assert!(page.contains("./x run") && !page.contains("<script"), "it says how to build the app, with nothing the CSP would block");
    let err = build_script::choose(&manifest, &out, None, true).unwrap_err();
    assert!(err.contains("trunk build --release"), "{err}");

    std::fs::create_dir_all(&dist).unwrap();
    assert_eq!(build_script::choose(&manifest, &out, None, true).unwrap_err(), err, "an empty dist/ is not a build");
    std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
    for require in [false, true] {
        assert_eq!(build_script::choose(&manifest, &out, None, require).unwrap(), (dist.canonicalize().unwrap(), "built"));
    }

    let other = tmp.join("other");
    assert!(build_script::choose(&manifest, &out, Some(other.clone()), false).unwrap_err().contains("no index.html"));
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("index.html"), "<!doctype html>").unwrap();
    assert_eq!(build_script::choose(&manifest, &out, Some(other.clone()), true).unwrap(), (other.canonicalize().unwrap(), "given"));
    std::fs::remove_dir_all(&tmp).unwrap();
}
