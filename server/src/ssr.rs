//! Every page of the app rendered on the server by the app's own Leptos
//! components (`app` with feature `ssr`), so that a page arrives readable
//! (without JavaScript too) and the browser hydrates that DOM instead of
//! drawing a second copy.
//!
//! The components ask for their data through `app::api`, which on the
//! server calls this server's own API in process ([`app::api::ServerApi`]):
//! the same handlers, caches and pinned releases as over HTTP. What the
//! page used travels with it, so hydration fetches nothing again.
//!
//! Leptos writes that data as inline scripts; here it becomes JSON in a
//! non-executable `<script type="application/json">`, which one constant
//! inline script ([`BOOTSTRAP`], hashed in the CSP) hands to Leptos. The
//! policy stays one fixed header for every page, so a static host can
//! serve the same pages (`static_export`).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use futures::StreamExt;
use hydration_context::{SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;
use tower::ServiceExt;

use crate::state::AppState;

/// The id of the element that carries a page's hydration data.
pub const DATA_ID: &str = app::HYDRATION_DATA_ID;

/// Puts the page's hydration data where Leptos reads it (the globals its
/// own inline scripts would have set). Constant, so one CSP hash allows it.
pub const BOOTSTRAP: &str = "(function(){var e=document.getElementById(\"hydration-data\");var d=e?JSON.parse(e.textContent):{r:[],e:[],i:[]};\
window.__RESOLVED_RESOURCES=d.r;window.__SERIALIZED_ERRORS=d.e;window.__INCOMPLETE_CHUNKS=d.i;\
window.__PENDING_RESOURCES=[];window.__RESOURCE_RESOLVERS=[];})();";

/// A page's `<body>` content: the app's HTML, its data, and the bootstrap.
pub struct RenderedBody {
    pub html: String,
}

/// Renders the app at `path_and_query` (e.g. `/geo/KEN?lang=fr`) to the
/// content of `<body>`. `api` answers the app's data requests (the
/// server's own API router); `origin` is the public address for
/// permalinks and embed code.
/// `answers` are fixed answers by path, ahead of `api`.
pub async fn render_body(api: axum::Router, answers: Vec<(String, String)>, path_and_query: &str, origin: &str) -> Result<RenderedBody, String> {
    let _ = any_spawner::Executor::init_tokio();
    let answers = Arc::new(answers);
    let fetch = app::api::ServerApi(Arc::new(move |path: String| -> futures::future::BoxFuture<'static, (u16, String)> {
        let api = api.clone();
        let answers = Arc::clone(&answers);
        Box::pin(async move {
            if let Some((_, body)) = answers.iter().find(|(p, _)| *p == path) {
                return (200, body.clone());
            }
            let req = match Request::get(&path).body(Body::empty()) {
                Ok(r) => r,
                Err(e) => return (400, format!("{{\"error\":{{\"code\":\"bad_request\",\"message\":\"{e}\"}}}}")),
            };
            let res = match api.oneshot(req).await {
                Ok(res) => res,
                Err(never) => match never {},
            };
            let status = res.status().as_u16();
            let body = axum::body::to_bytes(res.into_body(), 64 * 1024 * 1024).await.unwrap_or_default();
            (status, String::from_utf8_lossy(&body).into_owned())
        })
    }));
    let shared: Arc<dyn SharedContext + Send + Sync> = Arc::new(SsrSharedContext::new());
    let owner = Owner::new_root(Some(Arc::clone(&shared)));
    // The router reads the address from RequestUrl; any host will do.
    let url = format!("http://localhost{path_and_query}");
    let origin = origin.to_string();
    let rendered = {
        let owner = owner.clone();
        async move {
            let stream = owner.with(|| {
                provide_context(RequestUrl::new(&url));
                provide_context(fetch);
                provide_context(app::PublicOrigin(origin));
                view! { <app::App/> }.to_html_stream_in_order()
            });
            // In order: every Suspense waits for its data, so the HTML is
            // whole (readable without JavaScript).
            let html: String = stream.collect::<Vec<String>>().await.concat();
            while let Some(pending) = shared.await_deferred() {
                pending.await;
            }
            let data: String = match shared.pending_data() {
                Some(chunks) => chunks.collect::<Vec<String>>().await.concat(),
                None => String::new(),
            };
            (html, data)
        }
    }
    .await;
    owner.unset_with_forced_cleanup();
    let (html, data) = rendered;
    let data = HydrationData::parse(&data)?;
    let mut out = html;
    // The address it was drawn for: the browser hydrates only a page drawn
    // for its own address (app::hydrate).
    out.push_str(&format!(
        "<script type=\"application/json\" id=\"{DATA_ID}\" data-url=\"{}\">{}</script>",
        evidence::chart::escape_xml(path_and_query),
        data.to_json()
    ));
    out.push_str(&format!("<script>{BOOTSTRAP}</script>"));
    Ok(RenderedBody { html: out })
}

/// The data Leptos sends with a page: resource values by id (JSON text),
/// errors of error boundaries, ids of chunks not complete.
#[derive(Debug, Default, PartialEq)]
pub struct HydrationData {
    pub resources: BTreeMap<usize, String>,
    pub errors: Vec<(usize, usize, String)>,
    pub incomplete: Vec<usize>,
}

impl HydrationData {
    /// Reads the statements Leptos (hydration_context 0.3) writes:
    /// `__RESOLVED_RESOURCES=[…];`, `__SERIALIZED_ERRORS=[…];`,
    /// `__PENDING_RESOURCES=[…];`, `__RESOURCE_RESOLVERS=[];`,
    /// `__RESOLVED_RESOURCES[N] = "…";`, `__SERIALIZED_ERRORS.push([a, b, "…"]);`
    /// and `__INCOMPLETE_CHUNKS=[…];`, strings in Rust's `{:?}` form. Any
    /// other text is an error: a new Leptos must be looked at, not guessed.
    pub fn parse(js: &str) -> Result<HydrationData, String> {
        let mut out = HydrationData::default();
        let mut p = Parser { s: js, at: 0 };
        loop {
            p.skip_ws();
            if p.done() {
                return Ok(out);
            }
            if p.eat("__RESOLVED_RESOURCES=[") {
                while !p.eat("];") {
                    let id = p.number()?;
                    p.expect(":")?;
                    let data = p.string()?;
                    p.expect(",")?;
                    out.resources.insert(id, data);
                }
            } else if p.eat("__RESOLVED_RESOURCES[") {
                let id = p.number()?;
                p.expect("] =")?;
                let data = p.string()?;
                p.expect(";")?;
                out.resources.insert(id, data);
            } else if p.eat("__SERIALIZED_ERRORS=[") {
                while !p.eat("];") {
                    p.expect("[")?;
                    out.errors.push(p.error_triple()?);
                    p.expect(",")?;
                }
            } else if p.eat("__SERIALIZED_ERRORS.push([") {
                out.errors.push(p.error_triple()?);
                p.expect(");")?;
            } else if p.eat("__PENDING_RESOURCES=[") || p.eat("__INCOMPLETE_CHUNKS=[") {
                let incomplete = p.s[..p.at].ends_with("__INCOMPLETE_CHUNKS=[");
                while !p.eat("];") {
                    let n = p.number()?;
                    p.expect(",")?;
                    if incomplete {
                        out.incomplete.push(n);
                    }
                }
            } else if p.eat("__RESOURCE_RESOLVERS=[];") {
            } else {
                return Err(format!("hydration data: unexpected text at {}: {:?}", p.at, p.s[p.at..].chars().take(40).collect::<String>()));
            }
        }
    }

    /// `{"r": [value or null by id], "e": [[a, b, message]], "i": [ids]}`,
    /// safe inside `<script>`: `<` is written `\u003c` (only strings hold it).
    pub fn to_json(&self) -> String {
        let len = self.resources.keys().next_back().map_or(0, |k| k + 1);
        let mut r: Vec<Option<&str>> = vec![None; len];
        for (id, v) in &self.resources {
            r[*id] = Some(v);
        }
        let e: Vec<(usize, usize, &str)> = self.errors.iter().map(|(a, b, m)| (*a, *b, m.as_str())).collect();
        serde_json::json!({ "r": r, "e": e, "i": self.incomplete }).to_string().replace('<', "\\u003c")
    }
}

struct Parser<'a> {
    s: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn done(&self) -> bool {
        self.at >= self.s.len()
    }

    fn skip_ws(&mut self) {
        while self.s[self.at..].starts_with(char::is_whitespace) {
            self.at += self.s[self.at..].chars().next().map_or(1, char::len_utf8);
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.s[self.at..].starts_with(token) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, token: &str) -> Result<(), String> {
        if self.eat(token) { Ok(()) } else { Err(format!("hydration data: expected {token:?} at {}", self.at)) }
    }

    fn number(&mut self) -> Result<usize, String> {
        self.skip_ws();
        let digits = self.s[self.at..].bytes().take_while(u8::is_ascii_digit).count();
        let n = self.s[self.at..self.at + digits].parse().map_err(|_| format!("hydration data: expected a number at {}", self.at))?;
        self.at += digits;
        Ok(n)
    }

    fn error_triple(&mut self) -> Result<(usize, usize, String), String> {
        let a = self.number()?;
        self.expect(",")?;
        let b = self.number()?;
        self.expect(",")?;
        let m = self.string()?;
        self.expect("]")?;
        Ok((a, b, m))
    }

    /// A string in Rust's `{:?}` form, as JavaScript reads it.
    fn string(&mut self) -> Result<String, String> {
        self.expect("\"")?;
        let mut out = String::new();
        let mut chars = self.s[self.at..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.at += i + 1;
                    return Ok(out);
                }
                '\\' => match chars.next().map(|(_, c)| c) {
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('0') => out.push('\0'),
                    Some(c @ ('\\' | '"' | '\'')) => out.push(c),
                    Some('u') => {
                        // `\u{1F600}` (Rust) or `\u003c` (written by Leptos itself).
                        let rest = &self.s[self.at + i + 2..];
                        let (hex, skip) = if let Some(braced) = rest.strip_prefix('{') {
                            let end = braced.find('}').ok_or("hydration data: unclosed \\u{")?;
                            (&braced[..end], end + 2)
                        } else {
                            (rest.get(..4).ok_or("hydration data: short \\u escape")?, 4)
                        };
                        let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).ok_or("hydration data: bad \\u escape")?;
                        out.push(c);
                        for _ in 0..skip {
                            chars.next();
                        }
                    }
                    other => return Err(format!("hydration data: unknown escape {other:?}")),
                },
                c => out.push(c),
            }
        }
        Err("hydration data: unterminated string".into())
    }
}

/// The same body as [`render_body`], for a server state: its own API
/// router answers the app's requests.
/// A page pinned to an earlier release is rendered by that release's own
/// server state, but "the current release" it compares itself with is this
/// server's (`pin.current`), as a browser asking `/api/v1/version` gets.
pub async fn render_page_body(state: &AppState, path_and_query: &str, pin: Option<&crate::router::Pin>) -> Result<RenderedBody, String> {
    // Built once per state and shared by every render.
    let api = state.internal_api();
    let mut answers = Vec::new();
    if let Some(pin) = pin.filter(|p| p.current.hash != state.data().hash) {
        let current = evidence::api::version_info(env!("CARGO_PKG_VERSION"), &pin.current.package, &pin.current.hash, Vec::new());
        answers.push(("/api/v1/version".to_string(), serde_json::to_string(&current).map_err(|e| e.to_string())?));
        // A pinned chart page says whether its figures are the same now: it
        // asks for the current release's figures by name, which this
        // (earlier) release's own API does not hold.
        let path = path_and_query.split('?').next().unwrap_or("");
        if let Some(dataset) = path.strip_prefix("/datasets/").and_then(|id| pin.current.package.dataset(&evidence::state::percent_decode(id))) {
            let figures = evidence::api::observation_list(&pin.current.package, dataset, dataset.observations.clone());
            answers.push((
                format!(
                    "/api/v1/datasets/{}/observations?release={}",
                    evidence::state::percent_encode(&dataset.meta.id),
                    evidence::state::percent_encode(&pin.current.package.version)
                ),
                serde_json::to_string(&figures).map_err(|e| e.to_string())?,
            ));
        }
    }
    render_body(api, answers, path_and_query, &state.config().public_url).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_leptos_writes() {
        let data = "{\"a\":\"<b>\"}".replace('<', "\\u003c");
        let js = format!(
            "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[0,2,];__RESOURCE_RESOLVERS=[];\
             __RESOLVED_RESOURCES[0] = {:?};__RESOLVED_RESOURCES[2] = {:?};__INCOMPLETE_CHUNKS=[];",
            data, "Ok(\"é\\n\u{1F600}\")"
        );
        let parsed = HydrationData::parse(&js).unwrap();
        assert_eq!(parsed.resources.get(&0).map(String::as_str), Some("{\"a\":\"\\u003cb>\"}"));
        assert_eq!(parsed.resources.get(&2).map(String::as_str), Some("Ok(\"é\\n\u{1F600}\")"));
        let json: serde_json::Value = serde_json::from_str(&parsed.to_json()).unwrap();
        assert_eq!(json["r"][1], serde_json::Value::Null);
        assert_eq!(json["r"][0], "{\"a\":\"\\u003cb>\"}");
        assert!(!parsed.to_json().contains('<'), "nothing in the JSON can close the script element");
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        assert!(HydrationData::parse("alert(1);").is_err());
        assert!(HydrationData::parse("__RESOLVED_RESOURCES[0] = \"unterminated").is_err());
    }
}
