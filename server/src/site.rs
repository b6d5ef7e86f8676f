//! The built app (trunk's `dist/`), embedded in the binary: hashed assets
//! served as immutable, `index.html` for every app route, with the oEmbed
//! discovery link added on chart pages.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};
use std::collections::HashMap;


use crate::http::{CachePolicy, cached_response};
use crate::precompress::precompressible;
use crate::snapshot::Cached;

static DIST: Dir<'static> = include_dir!("$EVIDENCE_DIST_DIR");

pub struct Asset {
    pub cached: Cached,
    pub content_type: &'static str,
    pub immutable: bool,
}

pub struct Site {
    pub files: HashMap<String, Asset>,
    pub index_html: String,
    /// `index.html` as a response body, for every app page but chart pages.
    index: Cached,
    script_hashes: String,
    /// Content-Security-Policy values, built once: pages refuse framing,
    /// embeds may be framed by any site.
    pub csp_page: HeaderValue,
    pub csp_embed: HeaderValue,
}

fn csp(script_hashes: &str, frame_ancestors: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{script_hashes}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors {frame_ancestors}"
    ))
    .expect("the policy is ascii")
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// trunk names built files `name-<16 hex>.ext`; those never change.
fn is_hashed(path: &str) -> bool {
    let stem = path.rsplit('/').next().unwrap_or(path);
    let stem = stem.split('.').next().unwrap_or(stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// CSP hashes of the inline scripts in index.html (trunk's loader), so the
/// policy can stay free of 'unsafe-inline'.
fn inline_script_hashes(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else { break };
        if !tag.contains(" src=") {
            let body = &after[body_start..body_start + close];
            out.push_str(&format!(" 'sha256-{}'", base64(&Sha256::digest(body.as_bytes()))));
        }
        rest = &after[body_start + close..];
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl Site {
    pub fn embedded() -> Site {
        let mut files = HashMap::new();
        let mut stack = vec![&DIST];
        while let Some(dir) = stack.pop() {
            for f in dir.files() {
                let path = f.path().to_string_lossy().replace('\\', "/");
                files.insert(
                    path.clone(),
                    Asset {
                        cached: Cached::new(f.contents().to_vec(), "app"),
                        content_type: content_type(&path),
                        immutable: is_hashed(&path),
                    },
                );
            }
            stack.extend(dir.dirs());
        }
        for (path, bytes, ct) in crate::routes::assets::static_assets() {
            files.insert(path.to_string(), Asset { cached: Cached::new(bytes.to_vec(), "asset"), content_type: ct, immutable: false });
        }
        let index_html = files
            .get("index.html")
            .map(|a| String::from_utf8_lossy(&a.cached.body).into_owned())
            .unwrap_or_else(|| "<!doctype html><title>Evidence dashboard</title>".to_string());
        let script_hashes = inline_script_hashes(&index_html);
        // The wasm takes seconds at quality 11: off the request path, once.
        crate::precompress::in_background(
            "app",
            files
                .iter()
                .filter(|(path, a)| path.as_str() != "index.html" && precompressible(a.content_type, a.cached.body.len()))
                .map(|(_, a)| &a.cached)
                .collect(),
        );
        let csp_page = csp(&script_hashes, "'none'");
        let csp_embed = csp(&script_hashes, "*");
        let index = Cached::new(index_html.clone().into_bytes(), "page");
        Site { files, index_html, index, script_hashes, csp_page, csp_embed }
    }

    pub fn inline_script_hashes(&self) -> &str {
        &self.script_hashes
    }

    pub fn asset(&self, req: &HeaderMap, path: &str) -> Option<Response> {
        let asset = self.files.get(path)?;
        let policy = if asset.immutable { CachePolicy::Immutable } else { CachePolicy::Revalidate };
        Some(cached_response(req, &asset.cached, asset.content_type, policy))
    }

    /// Whether every precompressed body is ready (for tests and benchmarks).
    pub fn precompressed_ready(&self) -> bool {
        self.files.values().all(|a| !precompressible(a.content_type, a.cached.body.len()) || a.cached.br.get().is_some())
    }

    /// index.html with extra tags at the end of <head> and extra content
    /// at the start of <body> (a chart page's oEmbed link and first paint).
    pub fn page_html(&self, head_extra: &str, body_first: &str) -> String {
        let mut html = self.index_html.replacen("</head>", &format!("{head_extra}</head>"), 1);
        if let Some(at) = html.find("<body>").map(|i| i + "<body>".len()) {
            html.insert_str(at, body_first);
        }
        html
    }

    /// An app page: `page` (a chart page), or else index.html as it is.
    pub fn page(&self, req: &HeaderMap, page: Option<&Cached>) -> Response {
        let mut res = cached_response(req, page.unwrap_or(&self.index), "text/html; charset=utf-8", CachePolicy::NoCache);
        if res.status() == StatusCode::OK {
            res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed("app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed("app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("embed.js"));
    }

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<script src="/a.js"></script><script type="module">alert(1)</script>"#;
        let h = inline_script_hashes(html);
        assert_eq!(h.matches("'sha256-").count(), 1);
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }
}
