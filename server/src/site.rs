//! The built app (trunk's `dist/`), embedded in the binary: hashed assets
//! served as immutable, `index.html` for every app route, with the oEmbed
//! discovery link added on chart pages.
//!
//! [`app_page`] answers every app address: it knows the package, so an
//! unknown dataset or place (or an address the app has no route for) gets a
//! real 404 status with the app shell, and every page carries its own
//! title, description and Open Graph / Twitter card tags, so that a link
//! pasted into a messenger or a post shows what it leads to; for a chart,
//! its picture (the PNG export of the same chart state) and a caveat.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};
use std::collections::HashMap;


use evidence::chart::escape_xml as esc;
use evidence::model::{CaveatKind, Dataset, Geography, Lang};
use evidence::state::{ChartState, percent_encode};
use evidence::words::{W, place_for};

use crate::http::{CachePolicy, cached_response};
use crate::precompress::precompressible;
use crate::cached::Cached;
use crate::snapshot::Snapshot;
use crate::state::AppState;

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
    /// The home page's Open Graph tags, which index.html carries (so `/`
    /// and `/index.html` stay one page) and other pages swap for their own.
    home_tags: String,
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

/// The Content-Security-Policy source (`'sha256-…'`) that allows an
/// inline script with this text.
pub fn script_hash(script: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(script.as_bytes())))
}

/// The CSP sources of every inline script in `html` that a browser would
/// run (not those with `src=`, not JSON data), in order: what a policy
/// without 'unsafe-inline' must list for the page (trunk's loader in
/// index.html, the bootstrap of `crate::ssr`). Tests check served pages
/// with it.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let start = at + i;
        let Some(open_end) = lower[start..].find('>').map(|e| start + e) else { break };
        let Some(body_end) = lower[open_end + 1..].find("</script").map(|e| open_end + 1 + e) else { break };
        at = body_end;
        let tag = &lower[start..open_end];
        if tag.contains(" src=") || tag.contains("application/json") {
            continue;
        }
        out.push(script_hash(&html[open_end + 1..body_end]));
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
        let home_tags = Meta::home().head_tags(false);
        let index_html = match index_html.find("</head>") {
            Some(at) => format!("{}{home_tags}{}", &index_html[..at], &index_html[at..]),
            None => index_html,
        };
        if let Some(a) = files.get_mut("index.html") {
            a.cached = Cached::new(index_html.clone().into_bytes(), "app");
        }
        // trunk's loader, and the one script that hands a page's data to
        // the app (crate::ssr): every page's inline scripts, whatever its data.
        let script_hashes: String =
            inline_script_hashes(&index_html).into_iter().chain([script_hash(crate::ssr::BOOTSTRAP)]).map(|h| format!(" {h}")).collect();
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
        Site { files, index_html, index, script_hashes, csp_page, csp_embed, home_tags }
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

    /// An app page: `page` (a chart page), or else index.html as it is.
    pub fn page(&self, req: &HeaderMap, page: Option<&Cached>) -> Response {
        let mut res = cached_response(req, page.unwrap_or(&self.index), "text/html; charset=utf-8", CachePolicy::NoCache);
        if res.status() == StatusCode::OK {
            res.headers_mut().insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        res
    }
}

/// What an address of the app shows, known from its path and the package
/// alone (the app's routes: app/src/lib.rs).
enum Target<'a> {
    Chart,
    Place(&'a Geography),
    Home,
    /// A page of the app: its title and description in the catalogue.
    Page { title: W, description: W },
    /// An address the app has no page for: the app renders its own "Page
    /// not found" page, sent with a 404 status like a missing dataset or
    /// place (issue 13 item 11: real 404s).
    Other,
    NotFound,
}

fn target<'a>(data: &'a Snapshot, path: &str) -> Target<'a> {
    if let Some(id) = path.strip_prefix("/datasets/") {
        return data.package.dataset(id).map_or(Target::NotFound, |_| Target::Chart);
    }
    if let Some(code) = path.strip_prefix("/geo/") {
        // The app reads place codes in any case (app/src/routes/geo.rs).
        return data.package.geography(&code.to_ascii_uppercase()).map_or(Target::NotFound, Target::Place);
    }
    let (title, description) = match path {
        "/" | "" => return Target::Home,
        "/datasets" => (W::NavDatasets, W::MetaDatasetsDescription),
        "/coverage" => (W::NavCoverage, W::MetaCoverageDescription),
        "/compare" => (W::NavCompare, W::MetaCompareDescription),
        "/glossary" => (W::NavGlossary, W::MetaGlossaryDescription),
        "/methods" => (W::NavMethods, W::MetaMethodsDescription),
        "/ecosystem" => (W::EcoTitle, W::EcoMetaDescription),
        _ => return Target::Other,
    };
    Target::Page { title, description }
}

/// What a page says about itself in `<head>`.
struct Meta {
    title: String,
    description: String,
    /// The page's address (not for the home page of index.html, which
    /// cannot know the public address).
    url: Option<String>,
    /// A picture of the page (a chart's PNG) and its text alternative.
    image: Option<(String, String)>,
    lang: Lang,
    not_found: bool,
}

impl Meta {
    /// `<title>` text, and the Open Graph and Twitter card tags.
    /// The site's home, as index.html says it.
    fn home() -> Meta {
        Meta {
            title: W::SiteShortName.get(Lang::En).to_string(),
            description: W::MetaSiteDescription.get(Lang::En).to_string(),
            url: None,
            image: None,
            lang: Lang::En,
            not_found: false,
        }
    }

    fn head_tags(&self, with_description: bool) -> String {
        let site = W::SiteShortName.get(self.lang);
        let mut out = String::with_capacity(1024);
        let mut meta = |attr: &str, key: &str, value: &str| {
            out.push_str(&format!(r#"<meta {attr}="{key}" content="{}">"#, esc(value)));
        };
        if with_description {
            meta("name", "description", &self.description);
        }
        if self.not_found {
            meta("name", "robots", "noindex");
        }
        meta("property", "og:site_name", site);
        meta("property", "og:type", "website");
        meta("property", "og:title", &self.title);
        meta("property", "og:description", &self.description);
        if let Some(url) = &self.url {
            meta("property", "og:url", url);
        }
        meta("property", "og:locale", match self.lang {
            Lang::En => "en_GB",
            Lang::Fr => "fr_FR",
        });
        meta("name", "twitter:card", if self.image.is_some() { "summary_large_image" } else { "summary" });
        meta("name", "twitter:title", &self.title);
        meta("name", "twitter:description", &self.description);
        if let Some((src, alt)) = &self.image {
            meta("property", "og:image", src);
            meta("property", "og:image:type", "image/png");
            meta("property", "og:image:alt", alt);
            meta("name", "twitter:image", src);
            meta("name", "twitter:image:alt", alt);
        }
        out
    }

    fn document_title(&self) -> String {
        let site = W::SiteShortName.get(self.lang);
        if self.title == site { site.to_string() } else { format!("{} — {site}", self.title) }
    }
}

/// The language asked for in a query (`lang=fr`), as the app reads it.
fn query_lang(query: Option<&str>) -> Lang {
    query
        .unwrap_or("")
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
        .unwrap_or_default()
}

/// A chart page's description: what it shows, a shared title marked as
/// the sharer's words (never passed off as the site's), and one caveat,
/// whole (a cut sentence can say the opposite of the caveat).
fn chart_meta(base: &str, dataset: &Dataset, state: &ChartState, raw_query: Option<&str>) -> Meta {
    let lang = state.lang;
    let meta = &dataset.meta;
    let name = meta.title.get(lang).to_string();
    let mut description = String::new();
    if let Some(shared) = state.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        description.push_str(&format!("{} “{shared}”. ", W::MetaSharedTitle.get(lang)));
    }
    description.push_str(&format!("{} — {} ({}).", meta.indicator.name.get(lang), meta.publisher, dataset.years_label()));
    let caveat = meta.caveats_of(CaveatKind::Bias).next().or_else(|| meta.caveats.first());
    if let Some(c) = caveat {
        description.push_str(&format!(" {} {}", W::Caveat.get(lang), c.text(state.tone).get_with_fallback(lang).0));
    }
    let query = state.to_query();
    let image = format!("{base}/api/v1/datasets/{}/chart.png?{query}", percent_encode(&meta.id));
    let url = match raw_query.filter(|q| !q.is_empty()) {
        Some(_) => format!("{base}/datasets/{}?{query}", percent_encode(&meta.id)),
        None => format!("{base}/datasets/{}", percent_encode(&meta.id)),
    };
    let alt = W::MetaChartImageAlt.fill(lang, &[("name", &name)]);
    Meta { title: name, description, url: Some(url), image: Some((image, alt)), lang, not_found: false }
}

fn page_meta(base: &str, target: &Target, path: &str, lang: Lang) -> Meta {
    let url = match lang {
        Lang::En => format!("{base}{path}"),
        Lang::Fr => format!("{base}{path}?lang=fr"),
    };
    let (title, description, not_found) = match target {
        Target::Place(g) => {
            let d = W::MetaPlaceDescription.fill(lang, &[("place", &place_for(lang, g))]);
            (g.name.get(lang).to_string(), d, false)
        }
        Target::Home => (W::SiteShortName.get(lang).to_string(), W::MetaSiteDescription.get(lang).to_string(), false),
        Target::Page { title, description } => (title.get(lang).to_string(), description.get(lang).to_string(), false),
        // An address the app has no page for is a 404 like a missing
        // dataset: its head says so, not the home page's.
        Target::NotFound | Target::Other | Target::Chart => (W::NotFound.get(lang).to_string(), W::PageNotFoundText.get(lang).to_string(), true),
    };
    Meta { title, description, url: Some(url), image: None, lang, not_found }
}

impl Site {
    /// index.html with its `<title>` and description replaced by the
    /// page's, `head_extra` at the end of `<head>` and `body_first` at the
    /// start of `<body>`.
    fn page_with_meta(&self, meta: &Meta, head_extra: &str, body_first: &str) -> String {
        let mut html = self.index_html.replacen(&self.home_tags, "", 1);
        // The page's language, for readers and for screen readers before
        // (or without) the app, which keeps it in step afterwards.
        for form in ["<html lang=en>", "<html lang=\"en\">"] {
            if html.contains(form) {
                html = html.replacen(form, &format!("<html lang=\"{}\">", meta.lang.code()), 1);
                break;
            }
        }
        if let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>"))
            && start < end
        {
            html.replace_range(start + "<title>".len()..end, &esc(&meta.document_title()));
        }
        // index.html's own description is the site's: one description only.
        if let Some(at) = html.find("name=\"description\"").or_else(|| html.find("name=description"))
            && let (Some(open), Some(close)) = (html[..at].rfind("<meta"), html[at..].find('>'))
        {
            html.replace_range(open..at + close + 1, "");
        }
        let head = format!("{}{head_extra}", meta.head_tags(true));
        match html.find("</head>") {
            Some(at) => html.insert_str(at, &head),
            None => match html.find("<body>") {
                Some(at) => html.insert_str(at, &head),
                None => html.insert_str(0, &head),
            },
        }
        if let Some(at) = html.find("<body>").map(|i| i + "<body>".len()) {
            html.insert_str(at, body_first);
        }
        html
    }
}

/// The response for an app address (every path that is not the API, an
/// embed or a built file): the page rendered by the app's own components
/// (`crate::ssr`), with its own `<title>`, description and Open Graph /
/// Twitter card tags (a chart's PNG export as its picture, and its oEmbed
/// link), a 404 status for an address that names no dataset, no place and
/// no page. Rendered once per address and data release, then served from
/// the snapshot's bounded page cache.
pub async fn app_page(state: &AppState, headers: &HeaderMap, path: &str, query: Option<&str>, pin: Option<&crate::router::Pin>) -> Response {
    let site = state.site();
    let data = state.data();
    let base = state.config().public_url.clone();
    let query = query.filter(|q| !q.is_empty());
    // The pin is taken out of the query by `router::pin_release`; the app
    // reads it from its address, to say which release it shows.
    let app_query = match (pin, query) {
        (Some(p), Some(q)) => Some(format!("{q}&release={}", percent_encode(&p.requested))),
        (Some(p), None) => Some(format!("release={}", percent_encode(&p.requested))),
        (None, q) => q.map(str::to_string),
    };
    let path_and_query = match &app_query {
        Some(q) => format!("{path}?{q}"),
        None => path.to_string(),
    };
    let target = target(&data, path);
    let not_found = matches!(target, Target::NotFound | Target::Other);
    let key = match pin {
        Some(p) => format!("{path_and_query}#{}", p.current.hash),
        None => path_and_query.clone(),
    };
    let cached = match data.pages.get(&key) {
        Some(page) => page,
        None => {
            let lang = query_lang(query);
            let (meta, head_extra) = match &target {
                Target::Chart => {
                    let id = path.trim_start_matches("/datasets/");
                    let Some(dataset) = data.package.dataset(id) else { return site.page(headers, None) };
                    // Lenient like the app: what cannot be used falls back
                    // to its default (the page says which it replaced).
                    let (chart_state, _) = ChartState::from_query(query.unwrap_or(""));
                    (chart_meta(&base, dataset, &chart_state, query), oembed_link(&base, path, query, dataset))
                }
                _ => {
                    let canonical = match &target {
                        Target::Place(g) => format!("/geo/{}", g.code),
                        Target::NotFound | Target::Other => "/".to_string(),
                        _ => path.to_string(),
                    };
                    (page_meta(&base, &target, &canonical, lang), String::new())
                }
            };
            let body = match crate::ssr::render_page_body(state, &path_and_query, pin).await {
                Ok(body) => body.html,
                Err(e) => {
                    tracing::error!(path = %path_and_query, error = %e, "a page could not be rendered");
                    return crate::error::AppError::new(StatusCode::INTERNAL_SERVER_ERROR, "render_failed", "this page could not be drawn; it has been logged")
                        .into_response();
                }
            };
            let page = Cached::new(site.page_with_meta(&meta, &head_extra, &body).into_bytes(), "page");
            data.pages.insert(key, page.clone());
            page
        }
    };
    // Compressed once, for the first reader who accepts br, and kept with
    // the page: not on every request.
    if crate::http::accepts_br(headers) {
        crate::precompress::now(&cached);
    }
    if not_found {
        // No validators on a 404: there is nothing to revalidate (only the
        // codings the reader accepts are looked at).
        let mut codings = HeaderMap::new();
        for v in headers.get_all(header::ACCEPT_ENCODING) {
            codings.append(header::ACCEPT_ENCODING, v.clone());
        }
        let mut res = site.page(&codings, Some(&cached));
        *res.status_mut() = StatusCode::NOT_FOUND;
        res.headers_mut().remove(header::ETAG);
        return res;
    }
    site.page(headers, Some(&cached))
}

/// A chart page's oEmbed discovery link, for CMSs that turn a pasted link
/// into the embed.
fn oembed_link(base: &str, path: &str, query: Option<&str>, dataset: &Dataset) -> String {
    let page = match query {
        Some(q) => format!("{base}{path}?{q}"),
        None => format!("{base}{path}"),
    };
    let href = format!("{base}/oembed?url={}&format=json", percent_encode(&page));
    format!(r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#, esc(&href), esc(&dataset.meta.title.en))
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
        assert_eq!(inline_script_hashes(html), vec!["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='".to_string()]);
        let data = r#"<SCRIPT>a()</SCRIPT><script type="application/json" id="d">{"x":1}</script>"#;
        assert_eq!(inline_script_hashes(data), vec![script_hash("a()")]);
        assert_eq!(script_hash("a()"), "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }
}
