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
//! observations, which is what the app fetches.

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
pub const APP_PAGES: [&str; 7] = ["/", "/datasets", "/compare", "/coverage", "/glossary", "/methods", "/geo"];

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
    for url in urls(&state) {
        let req = Request::get(&url).body(Body::empty()).map_err(|e| format!("{url}: {e}"))?;
        let res = app.clone().oneshot(req).await.map_err(|e| format!("{url}: {e}"))?;
        if res.status() != StatusCode::OK {
            return Err(format!("{url}: the server answered {}", res.status()));
        }
        let content_type =
            res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let rel = file_for(&url, &content_type).ok_or_else(|| format!("{url} ({content_type}) has no file name"))?;
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
    Ok(summary)
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
