//! Helpers shared by the export tests: one app over the embedded data
//! package with a fixed public URL, and oneshot GETs.
#![allow(dead_code)]

use std::sync::OnceLock;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use evidence_server::{AppState, Config};
use tower::ServiceExt;

pub const PUBLIC_URL: &str = "https://evidence.example.org";
/// Countries, years and a region: every chart kind has something to draw.
pub const DATASET: &str = "ncmec-cybertipline-by-country";

pub fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| evidence_server::embedded_state(Config { rate_limit: 0, public_url: PUBLIC_URL.into(), ..Config::default() }))
        .clone()
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    pub fn text(&self) -> String {
        String::from_utf8(self.body.to_vec()).expect("UTF-8 body")
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    /// Asserts a 200 and returns self.
    pub fn ok(self, what: &str) -> Reply {
        assert_eq!(self.status, StatusCode::OK, "{what}: {}", String::from_utf8_lossy(&self.body));
        self
    }
    /// Asserts a 400 bad_parameter naming `param`; returns the message.
    pub fn bad_param(&self, param: &str) -> String {
        assert_eq!(self.status, StatusCode::BAD_REQUEST, "body: {}", String::from_utf8_lossy(&self.body));
        let v = self.json();
        assert_eq!(v["error"]["code"], "bad_parameter", "{v}");
        let message = v["error"]["message"].as_str().expect("message").to_string();
        assert!(message.starts_with(&format!("{param}:")), "the message names {param}: {message}");
        message
    }
}

pub async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::get(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = evidence_server::app(state()).oneshot(req.body(Body::empty()).expect("request")).await.expect("infallible");
    let (parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Reply { status: parts.status, headers: parts.headers, body }
}

pub async fn get(uri: &str) -> Reply {
    get_with(uri, &[]).await
}

/// `/api/v1/datasets/{DATASET}/{file}?{query}`.
pub fn export_url(file: &str, query: &str) -> String {
    format!("/api/v1/datasets/{DATASET}/{file}?{query}")
}

/// The caveat texts of the dataset in a tone and language, as the frame
/// words them.
pub fn caveat_texts(tone: evidence::Tone, lang: evidence::Lang) -> Vec<String> {
    let data = state().data();
    let d = data.package.dataset(DATASET).expect("dataset");
    d.meta.caveats.iter().map(|c| c.text(tone).get(lang).to_string()).collect()
}

/// The text of an SVG: every text node, in order, joined by spaces, with
/// entities decoded (what a reader of the picture reads).
pub fn svg_text(svg: &str) -> String {
    let doc = resvg::usvg::roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<Vec<_>>().join(" ")
}

/// Lines of wrapped text joined back: frame text is wrapped at spaces, so
/// a phrase may be split over two `<text>` elements.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    squash(haystack).contains(&squash(needle))
}

/// The first paint of a chart page (server/src/first_paint.rs): its
/// `<div id="first-paint">` up to the `</div>` that closes it, whatever the
/// page around it (the built app's index.html, or the placeholder page
/// when the app is not built, as in `cargo test` before `trunk build`).
pub fn first_paint(html: &str) -> Option<&str> {
    let start = html.find(r#"<div id="first-paint""#)?;
    let mut depth = 0usize;
    let mut at = start;
    loop {
        let rest = &html[at..];
        let open = rest.find("<div");
        let close = rest.find("</div>")?;
        match open {
            Some(o) if o < close => {
                depth += 1;
                at += o + "<div".len();
            }
            _ => {
                depth -= 1;
                at += close + "</div>".len();
                if depth == 0 {
                    return Some(&html[start..at]);
                }
            }
        }
    }
}

