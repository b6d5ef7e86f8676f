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

/// The `<main id="content" tabindex="-1">…</main>` of a page rendered by
/// the app's own components on the server (server/src/ssr.rs): what the
/// page shows, without the site's header and footer and the hydration
/// data after it. The app has one `<main>`, so the first `</main>` ends it.
pub fn page_main(html: &str) -> Option<&str> {
    let start = html.find(r#"<main id="content""#)?;
    let end = start + html[start..].find("</main>")? + "</main>".len();
    Some(&html[start..end])
}

/// The element of `html` that carries `data-testid="{testid}"` (the first
/// one), from its start tag to the end tag that closes it, counting
/// elements of the same name nested in it.
pub fn by_testid<'a>(html: &'a str, testid: &str) -> Option<&'a str> {
    let at = html.find(&format!(r#" data-testid="{testid}""#))?;
    let start = html[..at].rfind('<')?;
    let name: String = html[start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    element_at(html, start, &name)
}

/// The element that starts at `start` (a `<{name}` start tag) up to its end tag.
fn element_at<'a>(html: &'a str, start: usize, name: &str) -> Option<&'a str> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let is_open = |rest: &str| rest.starts_with(&open) && rest[open.len()..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/');
    let mut depth = 0usize;
    let mut at = start;
    while at < html.len() {
        let rest = &html[at..];
        if is_open(rest) {
            depth += 1;
            at += open.len();
        } else if rest.starts_with(&close) {
            depth = depth.checked_sub(1)?;
            at += close.len();
            if depth == 0 {
                return Some(&html[start..at]);
            }
        } else {
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// Decodes character references once (`&amp;lt;` is `&lt;`, as a browser
/// reads it): the five named ones we and Leptos write, and numeric ones.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an HTML fragment as a reader gets it: comments (Leptos's
/// `<!>` markers among them) dropped, each tag made a space (text in two
/// elements is two words), character references decoded. Leptos's HTML is
/// not well-formed XML, so it is not parsed.
pub fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let skip = if rest.starts_with("<!--") {
            rest.find("-->").map_or(rest.len(), |e| e + 3)
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            // `<!>` (Leptos's marker), a doctype: bogus comments to a browser.
            rest.find('>').map_or(rest.len(), |e| e + 1)
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            // A tag: up to the `>` that is not inside a quoted attribute value.
            let mut quote = None;
            let mut end = rest.len();
            for (j, c) in rest.char_indices().skip(1) {
                match (quote, c) {
                    (None, '"' | '\'') => quote = Some(c),
                    (Some(q), c) if c == q => quote = None,
                    (None, '>') => {
                        end = j + 1;
                        break;
                    }
                    _ => {}
                }
            }
            out.push(' ');
            end
        } else {
            out.push('<');
            1
        };
        rest = &rest[skip..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// The hydration data of a page (server/src/ssr.rs): the
/// `data-url` attribute as written, and the JSON text.
pub fn hydration_data(html: &str) -> Option<(&str, &str)> {
    let open = r#"<script type="application/json" id="hydration-data" data-url=""#;
    let at = html.find(open)? + open.len();
    let url_end = at + html[at..].find('"')?;
    let body = url_end + html[url_end..].find('>')? + 1;
    let end = body + html[body..].find("</script>")?;
    Some((&html[at..url_end], &html[body..end]))
}
