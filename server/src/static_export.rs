//! `evidence-server export-static OUT`: the whole site as plain files for
//! any static host, CDN or object store (DESIGN §10).
//!
//! Every file is the body the running server gives for its URL: each URL
//! is requested through [`crate::app`] itself, so the export cannot differ
//! from the live responses.
//!
//! Layout (a URL, and the file that answers it):
//! - `/`, app files (`/app-<hash>.js`, `/assets/…`): the same name in OUT.
//! - an app route (`/datasets`, `/datasets/<id>`, `/geo/<code>`, …):
//!   `<route>/index.html`, which every static host serves for `<route>/`.
//! - a JSON endpoint: `<url>/index.json`. `/api/v1/datasets` is both a
//!   resource and the parent of `/api/v1/datasets/<id>`, so it cannot be a
//!   file; the host must try `index.json` in a folder as it does
//!   `index.html` (nginx: `index index.html index.json;`, or
//!   `try_files $uri $uri/index.html $uri/index.json /index.html;`).
//!   `docs/deploy.md` has host settings.
//! - a URL whose last segment has an extension (`/api/v1/openapi.json`,
//!   later `/api/v1/datasets/<id>/chart.svg`): that file name.
//!
//! Query strings cannot be files: the export holds the unfiltered
//! observations, which is what the app fetches. The few queries a static
//! site must answer have their own files ([`query_files`]): each chart
//! kind's default embed (`/embed/datasets/<id>?chart=bar` →
//! `embed/datasets/<id>/chart-bar.html`), its SVG, PNG and CSV exports
//! (`…/chart.svg?chart=bar` → `…/chart-bar.svg`), the oEmbed answer for
//! each chart page (`/oembed?url=…/datasets/<id>` → `oembed/<id>.json`)
//! and the ecosystem diagram in every language, tone and layout that the
//! `/ecosystem` page inlines (`/api/v1/ecosystem.svg?lang=fr&tone=plain&layout=wide`
//! → `api/v1/ecosystem-fr-plain-wide.svg`, [`ecosystem_diagrams`]);
//! the host maps the query to the file (`end2end/static/nginx.conf`,
//! `docs/deploy.md`). Any other query gets the default state's file: an
//! annotated or filtered export needs the server.
//!
//! `_headers` (the format of several CDNs' static hosting) and
//! `_host/nginx-*.conf` carry the server's security headers, whose
//! Content-Security-Policy names the app's script hashes of this build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

use crate::state::AppState;

/// More URLs to export, from features that serve more than the API and the
/// app (e.g. the SVG fallback of every chart,
/// `/api/v1/datasets/<id>/chart.svg`). Each URL is requested through the
/// router like the others; give file names with an extension.
pub type ExtraUrls = fn(&AppState) -> Vec<String>;

/// The hook: add a function here to export more files.
pub const EXTRA_URLS: &[ExtraUrls] = &[];

/// App pages with no parameter (DESIGN §4).
pub const APP_PAGES: [&str; 7] = ["/", "/datasets", "/compare", "/coverage", "/glossary", "/methods", "/ecosystem"];

/// The chart kinds worth a default embed and export for a dataset: every
/// kind, but a map only where the dataset has figures for countries (a
/// map of regional or world figures would be all "no data").
pub fn chart_kinds(data: &crate::snapshot::Snapshot, dataset: &evidence::Dataset) -> Vec<evidence::ChartKind> {
    let countries = dataset
        .geos()
        .iter()
        .any(|g| data.package.geography(g).is_some_and(|g| g.kind == evidence::model::GeoKind::Country));
    evidence::ChartKind::ALL.into_iter().filter(|k| *k != evidence::ChartKind::Map || countries).collect()
}

/// The embed's files, and every dataset's default embed, exports and
/// whole-data CSV (URLs without a query).
fn embeds_and_exports(state: &AppState) -> Vec<String> {
    let mut urls: Vec<String> = ["/embed/embed.css", "/embed/frame.js", "/embed.js"].iter().map(|u| u.to_string()).collect();
    for d in &state.data().package.datasets {
        let id = &d.meta.id;
        urls.push(format!("/embed/datasets/{id}"));
        for file in ["chart.svg", "chart.png", "chart.csv", "data.csv"] {
            urls.push(format!("/api/v1/datasets/{id}/{file}"));
        }
    }
    urls
}

/// The embed page's answer to an unknown dataset (a 404 with a page), and
/// the file a host serves for it.
pub const EMBED_NOT_FOUND: (&str, &str) = ("/embed/datasets/-", "embed/404.html");

/// The ecosystem diagram as the `/ecosystem` page asks for it
/// (`app/src/api.rs`, `ecosystem_svg`: `?lang=…&tone=…&layout=…`, all three
/// always given), for every language, tone and layout, with its file
/// `api/v1/ecosystem-<lang>-<tone>-<layout>.svg`: without them a static
/// host would answer the French page's diagram with the English one.
pub fn ecosystem_diagrams() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for lang in evidence::Lang::ALL {
        for tone in crate::snapshot::TONES {
            for layout in crate::snapshot::Layout::ALL {
                let (l, t, w) = (lang.code(), tone.code(), layout.code());
                out.push((
                    format!("/api/v1/ecosystem.svg?lang={l}&tone={t}&layout={w}"),
                    PathBuf::from(format!("api/v1/ecosystem-{l}-{t}-{w}.svg")),
                ));
            }
        }
    }
    out
}

/// URLs with a query, each with the file (relative to OUT) that answers it
/// on a static host configured as `docs/deploy.md` says.
pub fn query_files(state: &AppState) -> Vec<(String, PathBuf)> {
    let data = state.data();
    let mut out = Vec::new();
    if data.ecosystem.is_some() {
        out.extend(ecosystem_diagrams());
    }
    let base = state.config().public_url.trim_end_matches('/').to_string();
    for d in &data.package.datasets {
        let id = &d.meta.id;
        let page = format!("{base}/datasets/{id}");
        out.push((
            format!("/oembed?url={}&format=json", evidence::state::percent_encode(&page)),
            PathBuf::from(format!("oembed/{id}.json")),
        ));
        for kind in chart_kinds(&data, d) {
            let k = kind.code();
            out.push((format!("/embed/datasets/{id}?chart={k}"), PathBuf::from(format!("embed/datasets/{id}/chart-{k}.html"))));
            for ext in ["svg", "png", "csv"] {
                out.push((
                    format!("/api/v1/datasets/{id}/chart.{ext}?chart={k}"),
                    PathBuf::from(format!("api/v1/datasets/{id}/chart-{k}.{ext}")),
                ));
            }
            out.push((
                format!("/oembed?url={}&format=json", evidence::state::percent_encode(&format!("{page}?v=1&chart={k}"))),
                PathBuf::from(format!("oembed/{id}-{k}.json")),
            ));
        }
    }
    out
}

/// Every URL the export writes, in a stable order.
pub fn urls(state: &AppState) -> Vec<String> {
    let data = state.data();
    let pkg = &data.package;
    let mut urls: Vec<String> = APP_PAGES.iter().map(|p| p.to_string()).collect();
    urls.extend(pkg.datasets.iter().map(|d| format!("/datasets/{}", d.meta.id)));
    urls.extend(pkg.geographies.iter().map(|g| format!("/geo/{}", g.code)));
    let mut files: Vec<&String> = state.site().files.keys().collect();
    files.sort();
    urls.extend(files.into_iter().map(|f| format!("/{f}")));
    for endpoint in ["datasets", "geo", "coverage", "glossary", "version", "openapi.json"] {
        urls.push(format!("/api/v1/{endpoint}"));
    }
    for d in &pkg.datasets {
        urls.push(format!("/api/v1/datasets/{}", d.meta.id));
        urls.push(format!("/api/v1/datasets/{}/observations", d.meta.id));
    }
    urls.extend(pkg.geographies.iter().map(|g| format!("/api/v1/geo/{}", g.code)));
    urls.extend(embeds_and_exports(state));
    // The ecosystem map and its default diagram (English, plain, wide);
    // every other language, tone and layout is a query file
    // (`ecosystem_diagrams`).
    if data.ecosystem.is_some() {
        urls.push("/api/v1/ecosystem".into());
        urls.push("/api/v1/ecosystem.svg".into());
    }
    for extra in EXTRA_URLS {
        urls.extend(extra(state));
    }
    urls
}

/// The file (relative to OUT) that answers `url` on a static host, given
/// the response's content type; None for a URL that cannot be a file.
pub fn file_for(url: &str, content_type: &str) -> Option<PathBuf> {
    let rel = url.strip_prefix('/')?;
    let segments: Vec<&str> = if rel.is_empty() { Vec::new() } else { rel.split('/').collect() };
    let safe = |s: &&str| {
        !s.is_empty() && *s != "." && *s != ".." && !s.contains(['\\', '\0', '%', '?', '#', ':'])
    };
    if !segments.iter().all(safe) {
        return None;
    }
    let mut path: PathBuf = segments.iter().collect();
    if segments.last().is_some_and(|s| s.contains('.')) {
        return Some(path);
    }
    let index = match content_type.split(';').next().unwrap_or("").trim() {
        "text/html" => "index.html",
        "application/json" => "index.json",
        _ => return None,
    };
    path.push(index);
    Some(path)
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub files: usize,
    pub bytes: u64,
}

/// Writes the site into `out`, which must be missing or empty (files left
/// from an older export would go on being served).
pub async fn export(state: AppState, out: &Path) -> Result<ExportSummary, String> {
    if let Ok(mut entries) = std::fs::read_dir(out)
        && entries.next().is_some()
    {
        return Err(format!("{} is not empty; export into a new or empty folder", out.display()));
    }
    let app = crate::app(state.clone());
    let mut written: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut summary = ExportSummary::default();
    let plain = urls(&state).into_iter().map(|u| (u, None, StatusCode::OK));
    let queries = query_files(&state).into_iter().map(|(u, f)| (u, Some(f), StatusCode::OK));
    let not_found = std::iter::once((EMBED_NOT_FOUND.0.to_string(), Some(PathBuf::from(EMBED_NOT_FOUND.1)), StatusCode::NOT_FOUND));
    for (url, file, expected) in plain.chain(queries).chain(not_found) {
        let req = Request::get(&url).body(Body::empty()).map_err(|e| format!("{url}: {e}"))?;
        let res = app.clone().oneshot(req).await.map_err(|e| format!("{url}: {e}"))?;
        if res.status() != expected {
            return Err(format!("{url}: the server answered {}", res.status()));
        }
        let content_type =
            res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let rel = match file {
            Some(f) => f,
            None => file_for(&url, &content_type).ok_or_else(|| format!("{url} ({content_type}) has no file name"))?,
        };
        let body = axum::body::to_bytes(res.into_body(), usize::MAX).await.map_err(|e| format!("{url}: {e}"))?;
        let path = out.join(&rel);
        if let Some(previous) = written.get(&rel) {
            // `/` and `/index.html` are the same page; anything else sharing
            // a file would lose one of the two.
            if std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))? == body {
                continue;
            }
            return Err(format!("{url} and {previous} would both be written to {}", rel.display()));
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &body).map_err(|e| format!("{}: {e}", path.display()))?;
        summary.files += 1;
        summary.bytes += body.len() as u64;
        written.insert(rel, url);
    }
    for (rel, body) in host_files(&state) {
        let path = out.join(&rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &body).map_err(|e| format!("{}: {e}", path.display()))?;
        summary.files += 1;
        summary.bytes += body.len() as u64;
    }
    Ok(summary)
}

/// The response headers the server adds to every answer (crate::security),
/// for static hosts: `_headers` in the format several CDNs read, and nginx
/// includes for pages and for embeds. Not pages: a host must not serve
/// `_host/` (the nginx configuration refuses it).
pub fn host_files(state: &AppState) -> Vec<(PathBuf, String)> {
    let site = state.site();
    let csp_page = site.csp_page.to_str().unwrap_or_default();
    let csp_embed = site.csp_embed.to_str().unwrap_or_default();
    let common = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "cross-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    ];
    let nginx = |csp: &str, frame_options: bool| {
        let mut conf = format!("add_header Content-Security-Policy \"{csp}\" always;\n");
        for (k, v) in common {
            conf.push_str(&format!("add_header {k} \"{v}\" always;\n"));
        }
        if frame_options {
            conf.push_str("add_header X-Frame-Options \"DENY\" always;\n");
        }
        conf
    };
    let mut headers = String::from("/*\n");
    headers.push_str(&format!("  Content-Security-Policy: {csp_page}\n  X-Frame-Options: DENY\n"));
    for (k, v) in common {
        headers.push_str(&format!("  {k}: {v}\n"));
    }
    headers.push_str(&format!("/embed/*\n  ! Content-Security-Policy\n  ! X-Frame-Options\n  Content-Security-Policy: {csp_embed}\n"));
    vec![
        (PathBuf::from("_headers"), headers),
        (PathBuf::from("_host/nginx-page-headers.conf"), nginx(csp_page, true)),
        (PathBuf::from("_host/nginx-embed-headers.conf"), nginx(csp_embed, false)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_urls_to_files_a_static_host_finds() {
        let f = |u, ct| file_for(u, ct).map(|p| p.to_string_lossy().replace('\\', "/"));
        assert_eq!(f("/", "text/html; charset=utf-8").as_deref(), Some("index.html"));
        assert_eq!(f("/datasets/x", "text/html; charset=utf-8").as_deref(), Some("datasets/x/index.html"));
        assert_eq!(f("/api/v1/datasets", "application/json").as_deref(), Some("api/v1/datasets/index.json"));
        assert_eq!(f("/api/v1/openapi.json", "application/json").as_deref(), Some("api/v1/openapi.json"));
        assert_eq!(f("/api/v1/datasets/x/chart.svg", "image/svg+xml").as_deref(), Some("api/v1/datasets/x/chart.svg"));
        assert_eq!(f("/app-0123456789abcdef.js", "text/javascript").as_deref(), Some("app-0123456789abcdef.js"));
    }

    #[test]
    fn refuses_urls_that_would_leave_the_folder() {
        for bad in ["/../etc/passwd", "/a/../../b", "/a//b", "/a\\..\\b", "/%2e%2e/x", "/a/./b", "relative", "/c:/x"] {
            assert_eq!(file_for(bad, "application/json"), None, "{bad}");
        }
        assert_eq!(file_for("/api/v1/unknown-type", "application/octet-stream"), None);
    }
}
