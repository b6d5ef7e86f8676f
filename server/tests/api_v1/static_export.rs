//! `export-static OUT`: the written site, served by a plain static file
//! server configured as docs/deploy.md says, answers every URL with the
//! live server's body.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::common::*;
use super::reload::TempDir;

/// nginx's `try_files $uri $uri/index.html $uri/index.json /index.html;`
/// with types by extension: nothing of the app's server in it.
async fn static_host(State(root): State<PathBuf>, req: Request) -> Response {
    let rel = req.uri().path().trim_start_matches('/');
    if rel.split('/').any(|s| s == "..") {
        return StatusCode::BAD_REQUEST.into_response();
    }
    let base = root.join(rel);
    let candidates = [base.clone(), base.join("index.html"), base.join("index.json"), root.join("index.html")];
    for file in candidates {
        if file.is_file() {
            let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
            // end2end/static/nginx.conf adds text/csv to the usual types.
            let content_type = if ext == "csv" { "text/csv; charset=utf-8" } else { evidence_server::site::content_type(&format!("x.{ext}")) };
            let body = std::fs::read(&file).expect("readable");
            return ([(header::CONTENT_TYPE, content_type)], body).into_response();
        }
    }
    StatusCode::NOT_FOUND.into_response()
}

fn host(root: &Path) -> Router {
    Router::new().fallback(static_host).with_state(root.to_path_buf())
}

#[tokio::test]
async fn the_static_site_answers_every_url_like_the_server() {
    let tmp = TempDir::new("export");
    let out = tmp.0.join("site");
    let summary = evidence_server::static_export::export(state(), &out).await.expect("export");
    let urls = evidence_server::static_export::urls(&state());
    assert!(summary.files + 1 >= urls.len(), "{} files for {} URLs (/ and /index.html are one file)", summary.files, urls.len());

    let static_site = host(&out);
    for url in &urls {
        let live = get(url).await;
        // Every URL exported is a page or file the server answers with 200
        // (an address with no app page is a 404, not something to export).
        assert_eq!(live.status, StatusCode::OK, "{url}: the server answers it");
        let served = send_to(static_site.clone(), request(axum::http::Method::GET, url, &[])).await;
        assert_eq!(served.status, StatusCode::OK, "{url}");
        if served.body != live.body {
            let at = served.body.iter().zip(live.body.iter()).position(|(a, b)| a != b).unwrap_or(served.body.len().min(live.body.len()));
            let around = |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(200)..(at + 200).min(b.len())]).into_owned();
            panic!("{url}: the static body is not the live one, from byte {at}:\nstatic: {}\nlive:   {}", around(&served.body), around(&live.body));
        }
        let main_type = |r: &Reply| r.header("content-type").split(';').next().unwrap_or("").to_string();
        assert_eq!(main_type(&served), main_type(&live), "{url}: same type by extension");
    }

    let (id, geo) = sample();
    for page in ["index.html", "datasets/index.html", &format!("datasets/{id}/index.html"), &format!("geo/{geo}/index.html"), "coverage/index.html"] {
        let html = std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(html.contains("</head>"), "{page} is the app");
    }
    for json in ["api/v1/datasets/index.json", &format!("api/v1/datasets/{id}/observations/index.json"), "api/v1/openapi.json"] {
        let body = std::fs::read(out.join(json)).unwrap_or_else(|e| panic!("{json}: {e}"));
        serde_json::from_slice::<serde_json::Value>(&body).unwrap_or_else(|e| panic!("{json}: {e}"));
    }
    every_chart_kinds_default_embed_and_exports_and_oembed_are_files(&out).await;
}

#[test]
fn the_cli_exports_into_an_empty_folder_only() {
    let tmp = TempDir::new("export-cli");
    let out = tmp.0.join("site");
    let arg = out.to_string_lossy().into_owned();
    assert_eq!(evidence_server::cli::main(vec!["export-static".into(), arg.clone()]), ExitCode::SUCCESS);
    assert!(out.join("api/v1/version/index.json").is_file());
    assert_eq!(
        evidence_server::cli::main(vec!["export-static".into(), arg]),
        ExitCode::FAILURE,
        "a second export into the same folder would mix old and new files"
    );
    assert_eq!(evidence_server::cli::main(vec!["export-static".into()]), ExitCode::from(2), "OUT is required");
}

/// Each chart kind's default embed and exports, oEmbed, the embed's 404
/// page and the host's header files (one export serves both tests: it
/// draws every PNG).
async fn every_chart_kinds_default_embed_and_exports_and_oembed_are_files(out: &Path) {
    let data = state().data();
    let files = evidence_server::static_export::query_files(&state());
    let kinds: usize = data.package.datasets.iter().map(|d| evidence_server::static_export::chart_kinds(&data, d).len()).sum();
    let diagrams = evidence_server::static_export::ecosystem_diagrams();
    assert_eq!(diagrams.len(), 8, "the ecosystem diagram in 2 languages x 2 tones x 2 layouts");
    assert_eq!(
        files.len(),
        data.package.datasets.len() + kinds * 5 + diagrams.len(),
        "an oEmbed per dataset, per kind an embed, SVG, PNG, CSV and oEmbed, and every ecosystem diagram"
    );
    for (url, file) in &files {
        let live = get(url).await;
        assert_eq!(live.status, StatusCode::OK, "{url}");
        let body = std::fs::read(out.join(file)).unwrap_or_else(|e| panic!("{url} → {}: {e}", file.display()));
        assert_eq!(body, live.body.to_vec(), "{url}: the file is the live body");
    }
    for d in &data.package.datasets {
        let id = &d.meta.id;
        for file in [format!("embed/datasets/{id}/index.html"), format!("api/v1/datasets/{id}/chart.svg"), format!("api/v1/datasets/{id}/chart.png"), format!("api/v1/datasets/{id}/chart.csv"), format!("api/v1/datasets/{id}/data.csv")] {
            assert!(out.join(&file).is_file(), "{file}");
        }
        let png = std::fs::read(out.join(format!("api/v1/datasets/{id}/chart.png"))).expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{id}: a PNG");
    }
    // The ecosystem diagram the French page inlines is the French one, a
    // file of its own (not the English default), in both layouts and tones.
    for tone in ["plain", "technical"] {
        for layout in ["wide", "narrow"] {
            let url = format!("/api/v1/ecosystem.svg?lang=fr&tone={tone}&layout={layout}");
            assert!(diagrams.iter().any(|(u, _)| *u == url), "{url} is exported");
            let fr = std::fs::read_to_string(out.join(format!("api/v1/ecosystem-fr-{tone}-{layout}.svg"))).expect("French diagram");
            let en = std::fs::read_to_string(out.join(format!("api/v1/ecosystem-en-{tone}-{layout}.svg"))).expect("English diagram");
            assert!(fr.starts_with("<svg") && fr.contains(r#"lang="fr""#), "{tone} {layout}: {}", &fr[..fr.len().min(200)]);
            assert_ne!(fr, en, "{tone} {layout}: the French diagram is not the English one");
        }
    }
    let default = std::fs::read(out.join("api/v1/ecosystem.svg")).expect("the default diagram");
    assert_eq!(default, std::fs::read(out.join("api/v1/ecosystem-en-plain-wide.svg")).expect("en plain wide"), "the default is English, plain, wide");
    // A dataset of countries has a map; one of world figures only has none.
    let (id, _) = sample();
    assert!(out.join(format!("embed/datasets/{id}/chart-map.html")).is_file());
    let world_only = data.package.datasets.iter().find(|d| d.geos().iter().all(|g| data.package.geography(g).is_some_and(|g| g.kind != evidence::model::GeoKind::Country)));
    if let Some(d) = world_only {
        assert!(!out.join(format!("embed/datasets/{}/chart-map.html", d.meta.id)).exists(), "{}: no map of no countries", d.meta.id);
    }
    // The embed's "not found" page, for the host's 404.
    let not_found = std::fs::read_to_string(out.join("embed/404.html")).expect("embed/404.html");
    assert!(not_found.contains("embed-not-found"), "{not_found}");
    // The security headers, with this build's CSP.
    let page_headers = std::fs::read_to_string(out.join("_host/nginx-page-headers.conf")).expect("nginx headers");
    assert!(page_headers.contains(state().site().csp_page.to_str().expect("ascii")), "{page_headers}");
    assert!(page_headers.contains("X-Frame-Options \"DENY\""));
    let embed_headers = std::fs::read_to_string(out.join("_host/nginx-embed-headers.conf")).expect("nginx headers");
    assert!(embed_headers.contains(state().site().csp_embed.to_str().expect("ascii")) && !embed_headers.contains("X-Frame-Options"));
    let cdn = std::fs::read_to_string(out.join("_headers")).expect("_headers");
    assert!(cdn.starts_with("/*\n") && cdn.contains("/embed/*\n"), "{cdn}");
}
