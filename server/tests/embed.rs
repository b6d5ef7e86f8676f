//! Embeds and oEmbed, through the router (no socket): the embed page shows
//! the chart with its caveats, only it may be framed, it loads nothing from
//! other origins and escapes what the URL says; oEmbed follows the 1.0 spec.

use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use evidence::model::{CaveatKind, Tone};
use evidence_server::{AppState, Config};
use tower::ServiceExt;

const PUBLIC: &str = "https://evidence.example";
const LINE: &str = "ncmec-cybertipline-totals";
const BY_COUNTRY: &str = "ncmec-cybertipline-by-country";

fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| evidence_server::embedded_state(Config { public_url: PUBLIC.into(), rate_limit: 0, ..Config::default() }))
        .clone()
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    fn error_code(&self) -> String {
        assert!(self.header("content-type").starts_with("application/json"), "{}", self.header("content-type"));
        self.json()["error"]["code"].as_str().expect("the one error shape").to_string()
    }
}

async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::builder().uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = evidence_server::app(state()).oneshot(req.body(Body::empty()).expect("request")).await.expect("infallible");
    let (parts, body) = res.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.expect("body");
    Reply { status: parts.status, headers: parts.headers, body: String::from_utf8(body.to_vec()).expect("utf-8") }
}

async fn get(uri: &str) -> Reply {
    get_with(uri, &[]).await
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// Every start tag: its name and its (name, value) attributes. Our pages
/// escape `>` inside attribute values, so a tag ends at the first `>`.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        rest = &rest[end..];
        if tag.starts_with(['/', '!', '?']) {
            continue;
        }
        let name_end = tag.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = &tag[name_end..];
        while let Some(eq) = a.find("=\"") {
            let key = a[..eq].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_ascii_lowercase();
            let after = &a[eq + 2..];
            let close = after.find('"').unwrap_or(after.len());
            attrs.push((key, unescape(&after[..close])));
            a = &after[(close + 1).min(after.len())..];
        }
        out.push((name, attrs));
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or_else(|| panic!("no {end} after {start}")) + end.len()]
}

#[tokio::test]
async fn an_embed_shows_the_chart_its_caveats_the_source_and_a_link_back() {
    let r = get(&format!("/embed/datasets/{LINE}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "text/html; charset=utf-8");
    let html = &r.body;
    assert!(html.starts_with("<!doctype html><html lang=\"en\""));
    let data = state().data();
    let meta = &data.package.dataset(LINE).expect("dataset").meta;
    let heading = between(html, r#"data-testid="embed-title""#, "</h1>");
    assert!(heading.contains(&format!(">{}<", evidence::chart::escape_xml(&meta.title.en))), "{heading}");
    // The plot, drawn for wide and for narrow frames, with focusable points
    // that have tooltips.
    assert_eq!(html.matches(r#"class="chart chart-line""#).count(), 2, "wide and narrow plots");
    assert!(html.contains(r#"class="point""#) && html.contains(r#"tabindex="0""#) && html.contains("</title></circle>"));
    // The caveat panel, with every kind of caveat the dataset has.
    let panel = between(html, r#"data-testid="embed-caveats""#, r#"data-testid="embed-source""#);
    assert!(panel.contains("What these figures do and do not show"));
    for kind in [CaveatKind::Coverage, CaveatKind::Bias, CaveatKind::Definition, CaveatKind::Comparability] {
        assert!(meta.caveats.iter().any(|c| c.kind == kind), "the package has a {kind:?} caveat");
        assert!(panel.contains(&format!(r#"data-kind="{}""#, kind.code())), "{kind:?} in the panel");
    }
    // The source line and the way back to the full chart.
    let source = between(html, r#"data-testid="embed-source""#, "</div>");
    assert!(source.contains(&evidence::chart::escape_xml(&meta.publisher)), "{source}");
    let link = tags(html)
        .into_iter()
        .find(|(name, attrs)| name == "a" && attr(attrs, "data-testid") == Some("embed-permalink"))
        .expect("permalink");
    assert_eq!(attr(&link.1, "href"), Some(format!("{PUBLIC}/datasets/{LINE}?v=1").as_str()));
    assert_eq!(attr(&link.1, "target"), Some("_blank"));
    assert!(attr(&link.1, "rel").is_some_and(|r| r.split(' ').any(|t| t == "noopener")));
    // Its own stylesheet and height script, nothing inline.
    assert!(html.contains(r#"<link rel="stylesheet" href="/embed/embed.css">"#));
    assert!(html.contains(r#"<script src="/embed/frame.js" defer></script>"#));
    assert!(!html.contains(" style=\"") && !html.contains("<style"), "the CSP forbids inline style");
}

#[tokio::test]
async fn every_kind_of_caveat_has_a_line_in_view_and_its_full_text_in_the_page() {
    for (query, tone) in [("", Tone::Plain), ("?tone=technical", Tone::Technical)] {
        let html = get(&format!("/embed/datasets/{LINE}{query}")).await.body;
        // As a reader gets it: references decoded (escaping styles differ).
        let panel = &unescape(between(&html, r#"data-testid="embed-caveats""#, r#"data-testid="embed-source""#));
        let data = state().data();
        let meta = &data.package.dataset(LINE).expect("dataset").meta;
        for c in &meta.caveats {
            let text = c.text(tone).get(evidence::model::Lang::En);
            assert!(panel.contains(text), "full text of a {:?} caveat ({tone:?})", c.kind);
        }
        // The definition and who is counted, as the chart page has them.
        let definition = meta.indicator.definition.get(tone, evidence::model::Lang::En);
        let population = meta.coverage.population.get(tone, evidence::model::Lang::En);
        assert!(panel.contains(definition), "the definition ({tone:?})");
        assert!(panel.contains(population), "the population ({tone:?})");
        // Every statement is shown whole: nothing is folded away or cut to
        // a first sentence that could say the opposite of the whole.
        assert!(!panel.contains("<details") && !panel.contains('…'), "{panel}");
        let lines = panel.matches(r#"class="caveat-line""#).count();
        assert_eq!(lines, meta.caveats.len() + 2, "one line per caveat, the definition and the population");
    }
}

#[tokio::test]
async fn an_embed_names_missing_places_and_marks_a_sharers_words() {
    let html = get(&format!("/embed/datasets/{BY_COUNTRY}?chart=bar&geo=KEN,HMD&title=Big%20claim&ann=2021:My%20note")).await.body;
    assert!(html.contains("No figures for: Heard Island and McDonald Islands — shown as a gap, not a zero."), "missing places by name");
    let title = between(&html, r#"data-testid="embed-title""#, "</h1>");
    assert!(!title.contains("Big claim"), "the heading stays the dataset's own name: {title}");
    let shared = between(&html, r#"data-testid="embed-shared""#, "</aside>");
    assert!(shared.contains("Title and notes added by whoever shared this link"), "{shared}");
    assert!(shared.contains("Big claim") && shared.contains("2021: My note"), "{shared}");
}

#[tokio::test]
async fn the_embed_speaks_french_and_takes_the_theme_and_frame_id() {
    let html = get(&format!("/embed/datasets/{LINE}?lang=fr&theme=dark&frame=story-2")).await.body;
    assert!(html.starts_with(r#"<!doctype html><html lang="fr" data-theme="dark" data-frame-id="story-2">"#), "{}", &html[..120]);
    assert!(html.contains("Ce que ces chiffres montrent et ne montrent pas"));
    assert!(html.contains("Graphique complet, données et sources"));
    let html = get(&format!("/embed/datasets/{LINE}")).await.body;
    assert!(html.contains(&format!(r#"data-theme="auto" data-frame-id="{LINE}""#)), "the dataset id is the default frame id");
}

#[tokio::test]
async fn a_map_embed_has_no_duplicate_ids() {
    let r = get(&format!("/embed/datasets/{BY_COUNTRY}?chart=map")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches(r#"class="chart chart-map""#).count(), 2);
    // Outside <noscript> (which is text while scripts run).
    let live = r.body.split("<noscript>").next().expect("page");
    let mut ids: Vec<String> = tags(live).into_iter().filter_map(|(_, a)| attr(&a, "id").map(String::from)).collect();
    let all = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "ids are unique: {ids:?}");
    for (_, a) in tags(live) {
        for (k, v) in &a {
            if let Some(target) = v.strip_prefix("url(#").and_then(|v| v.strip_suffix(')')) {
                assert!(ids.iter().any(|i| i == target), "{k} points at a missing id {target}");
            }
        }
    }
}

#[tokio::test]
async fn only_embeds_may_be_framed_by_other_sites() {
    for uri in [format!("/embed/datasets/{LINE}"), "/embed/datasets/no-such-dataset".into(), "/embed/other".into()] {
        let r = get(&uri).await;
        assert!(r.header("content-security-policy").contains("frame-ancestors *"), "{uri}: {}", r.header("content-security-policy"));
        assert!(r.header("x-frame-options").is_empty(), "{uri}");
    }
    for uri in [format!("/datasets/{LINE}"), "/".into(), format!("/oembed?url={PUBLIC}/datasets/{LINE}"), "/api/v1/datasets".into()] {
        let r = get(&uri).await;
        assert!(r.header("content-security-policy").contains("frame-ancestors 'none'"), "{uri}");
        assert_eq!(r.header("x-frame-options"), "DENY", "{uri}");
    }
}

#[tokio::test]
async fn an_embed_sets_no_cookies_and_loads_nothing_from_other_origins() {
    let page = get(&format!("/embed/datasets/{BY_COUNTRY}?chart=map&lang=fr")).await;
    let mut resources = Vec::new();
    for (name, attrs) in tags(&page.body) {
        for (key, value) in &attrs {
            // Links people follow may go anywhere; everything the browser
            // fetches by itself must be ours.
            let fetched = matches!(key.as_str(), "src" | "srcset" | "poster" | "data" | "xlink:href" | "action")
                || (key == "href" && name != "a");
            if fetched {
                resources.push(format!("{name} {key}={value}"));
                // "data:," is the empty icon, named so that no favicon is asked for.
                let same_origin = value.starts_with('/') && !value.starts_with("//")
                    || value.starts_with('#')
                    || value.starts_with(&format!("{PUBLIC}/"))
                    || (name == "link" && value == "data:,");
                assert!(same_origin, "<{name} {key}=\"{value}\"> is fetched from another origin");
            }
        }
    }
    assert!(resources.iter().any(|r| r.starts_with("script src=/embed/frame.js")), "{resources:?}");
    assert!(resources.iter().any(|r| r == "link href=data:,"), "an empty icon, so the frame asks for no /favicon.ico: {resources:?}");
    let css = get("/embed/embed.css").await;
    for url in css.body.split("url(").skip(1) {
        let target = url.trim_start_matches(['"', '\'']);
        assert!(target.starts_with('/') && !target.starts_with("//"), "the stylesheet loads {target}");
    }
    assert!(!css.body.contains("@import"));
    for r in [&page, &css, &get("/embed/frame.js").await, &get("/embed.js").await, &get(&format!("/oembed?url={PUBLIC}/datasets/{LINE}")).await] {
        assert!(r.headers.get_all("set-cookie").iter().next().is_none(), "no cookies");
    }
    assert!(page.header("content-security-policy").contains("default-src 'self'"));
}

#[tokio::test]
async fn text_from_the_url_is_escaped_everywhere() {
    let payload = "title=%3Cscript%3Ealert(1)%3C%2Fscript%3E\
                   &subtitle=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E\
                   &ann=2021:%3Cscript%3Ealert(3)%3C%2Fscript%3E\
                   &frame=%22%3E%3Cscript%3Ealert(4)%3C%2Fscript%3E\
                   &chart=%3Cscript%3E";
    let html = get(&format!("/embed/datasets/{LINE}?{payload}")).await.body;
    assert_eq!(html.matches("<script").count(), 1, "only frame.js");
    assert!(!html.contains("<img"), "no element from the URL");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown, as text");
    assert!(html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"), "the note is shown, as text");
    let tags = tags(&html);
    let root = tags.iter().find(|(n, _)| n == "html").expect("html tag");
    assert_eq!(attr(&root.1, "data-frame-id"), Some(LINE), "a bad frame id falls back to the dataset id");
    for (_, attrs) in &tags {
        assert!(attrs.iter().all(|(k, _)| !k.starts_with("on")), "no event handler attribute");
    }

    let url = format!("{PUBLIC}/datasets/{LINE}?title=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    let r = get(&format!("/oembed?url={}", evidence::state::percent_encode(&url))).await;
    let json = r.json();
    let snippet = json["html"].as_str().expect("html");
    assert!(!snippet.contains("<script>alert") && snippet.contains("&lt;script&gt;alert(1)"), "{snippet}");
    assert_eq!(snippet.matches("<script").count(), 1, "only embed.js");
}

#[tokio::test]
async fn bad_parameters_show_a_notice_and_the_defaults() {
    let r = get(&format!("/embed/datasets/{LINE}?chart=pie&tone=loud&theme=neon&from=20x9")).await;
    assert_eq!(r.status, StatusCode::OK, "lenient, like the app");
    let notice = between(&r.body, r#"data-testid="embed-warnings""#, "</div>");
    for param in ["chart", "tone", "theme", "from"] {
        assert!(notice.contains(&format!("<li>{param}: ")), "{param} in {notice}");
    }
    assert_eq!(r.body.matches(r#"class="chart chart-line""#).count(), 2, "the default chart is drawn");
    let clean = get(&format!("/embed/datasets/{LINE}?chart=bar")).await.body;
    assert!(!clean.contains(r#"class="notice""#));
    assert!(clean.contains(r#"class="chart chart-bar""#));
}

#[tokio::test]
async fn an_unknown_dataset_is_a_small_html_page_not_json() {
    for uri in ["/embed/datasets/no-such-dataset?lang=fr", "/embed/datasets/x/y", "/embed/nothing"] {
        let r = get(uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(r.header("content-type"), "text/html; charset=utf-8", "{uri}");
        assert!(r.body.contains(r#"data-testid="embed-not-found""#), "{uri}");
        assert!(r.body.contains(r#"<link rel="stylesheet" href="/embed/embed.css">"#), "{uri}");
        assert!(r.body.contains(&format!(r#"href="{PUBLIC}/datasets""#)), "{uri}");
    }
    assert!(get("/embed/datasets/no-such-dataset?lang=fr").await.body.contains("Aucun graphique ici"));
}

#[tokio::test]
async fn without_script_the_framed_chart_waits_in_noscript() {
    let html = get(&format!("/embed/datasets/{LINE}?chart=bar&ann=2022:Peak")).await.body;
    let noscript = between(&html, "<noscript>", "</noscript>");
    assert!(noscript.contains(r#"role="img" aria-labelledby="frame-title-static frame-desc-static""#), "the framed SVG, ids renamed");
    assert!(noscript.contains("What these figures do and do not show"), "with its caveats");
    assert!(noscript.contains(&format!("{PUBLIC}/datasets/{LINE}?v=1&amp;chart=bar")), "and its permalink");
    assert!(noscript.contains("Peak"), "and the user's notes");
    // Everything else is server-rendered and needs no script at all.
    let live = html.split("<noscript>").next().expect("page");
    assert!(live.contains(r#"class="chart chart-bar""#) && live.contains(r#"data-testid="embed-caveats""#));
}

#[tokio::test]
async fn the_embed_files_are_served_cacheable_and_embed_js_to_any_origin() {
    for (uri, ty) in [
        ("/embed/embed.css", "text/css; charset=utf-8"),
        ("/embed/frame.js", "text/javascript; charset=utf-8"),
        ("/embed.js", "text/javascript; charset=utf-8"),
    ] {
        let r = get(uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert_eq!(r.header("content-type"), ty, "{uri}");
        assert!(r.header("cache-control").starts_with("public"), "{uri}: {}", r.header("cache-control"));
        let etag = r.header("etag").to_string();
        assert!(!etag.is_empty());
        assert_eq!(get_with(uri, &[("if-none-match", &etag)]).await.status, StatusCode::NOT_MODIFIED, "{uri}");
        if ty.starts_with("text/javascript") {
            for banned in ["eval(", "innerHTML", "outerHTML", "document.write", "new Function", "insertAdjacentHTML"] {
                assert!(!r.body.contains(banned), "{uri} uses {banned}");
            }
        }
    }
    let parent = get("/embed.js").await;
    assert_eq!(parent.header("access-control-allow-origin"), "*");
    assert_eq!(parent.header("cross-origin-resource-policy"), "cross-origin");
    assert!(parent.body.contains("event.source") && parent.body.contains("event.origin"));
    let frame = get("/embed/frame.js").await.body;
    assert!(frame.contains("'csea-evidence:height'") && frame.contains("'datawrapper-height'"));
    // The async parent script asks frames that posted before it ran.
    assert!(frame.contains("'csea-evidence:measure'") && parent.body.contains("'csea-evidence:measure'"));
    let page = get(&format!("/embed/datasets/{LINE}")).await;
    let etag = page.header("etag").to_string();
    assert_eq!(get_with(&format!("/embed/datasets/{LINE}"), &[("if-none-match", &etag)]).await.status, StatusCode::NOT_MODIFIED);
}

fn oembed_uri(page: &str, extra: &str) -> String {
    format!("/oembed?url={}{extra}", evidence::state::percent_encode(page))
}

#[tokio::test]
async fn oembed_answers_rich_json_with_every_required_field() {
    let page = format!("{PUBLIC}/datasets/{LINE}?chart=bar&tone=technical");
    let r = get(&oembed_uri(&page, "&format=json")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.header("content-type").starts_with("application/json"));
    assert_eq!(r.header("access-control-allow-origin"), "*");
    let v = r.json();
    assert_eq!(v["type"], "rich");
    assert_eq!(v["version"], "1.0");
    let data = state().data();
    assert_eq!(v["title"], data.package.dataset(LINE).expect("dataset").meta.title.en.as_str());
    assert_eq!(v["provider_name"], "CSEA Evidence Dashboard");
    assert_eq!(v["provider_url"], format!("{PUBLIC}/"));
    assert!(v["cache_age"].as_u64().is_some_and(|s| s > 0));
    assert!(v["width"].as_u64().is_some_and(|w| w > 0) && v["height"].as_u64().is_some_and(|h| h > 0), "rich needs both");
    let html = v["html"].as_str().expect("html");
    let src = format!("{PUBLIC}/embed/datasets/{LINE}?v=1&amp;chart=bar&amp;tone=technical");
    assert_eq!(
        html,
        format!(
            r#"<iframe src="{src}" title="{title} — with caveats" loading="lazy" style="width:100%;min-height:420px;border:0" data-csea-embed><a href="{PUBLIC}/datasets/{LINE}?v=1&amp;chart=bar&amp;tone=technical">View the chart</a></iframe><script src="{PUBLIC}/embed.js" async></script>"#,
            title = v["title"].as_str().expect("title"),
        )
    );
    // The iframe's page exists and is the chart asked for.
    let path = unescape(&src).strip_prefix(PUBLIC).expect("ours").to_string();
    let embed = get(&path).await;
    assert_eq!(embed.status, StatusCode::OK);
    assert!(embed.body.contains(r#"class="chart chart-bar""#));
    // Without format, JSON too.
    assert_eq!(get(&oembed_uri(&page, "")).await.json()["type"], "rich");
}

#[tokio::test]
async fn oembed_respects_maxwidth_and_maxheight() {
    let page = format!("{PUBLIC}/datasets/{LINE}");
    let v = get(&oembed_uri(&page, "&maxwidth=300&maxheight=250")).await.json();
    assert_eq!((v["width"].as_u64(), v["height"].as_u64()), (Some(300), Some(250)));
    let html = v["html"].as_str().expect("html");
    assert!(html.contains(r#"style="width:100%;max-width:300px;min-height:250px;max-height:250px;border:0""#), "{html}");
    let v = get(&oembed_uri(&page, "&maxwidth=5000&maxheight=5000")).await.json();
    assert!(v["width"].as_u64().expect("width") <= 5000 && v["height"].as_u64().expect("height") <= 5000);
    for bad in ["&maxwidth=-1", "&maxwidth=wide", "&maxheight=0"] {
        let r = get(&oembed_uri(&page, bad)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(r.error_code(), "bad_parameter");
    }
}

#[tokio::test]
async fn oembed_refuses_what_is_not_one_of_our_chart_pages() {
    for url in [
        format!("https://elsewhere.example/datasets/{LINE}"),
        format!("http://evidence.example/datasets/{LINE}"),
        format!("{PUBLIC}/geo/KEN"),
        format!("{PUBLIC}/embed/datasets/{LINE}"),
        format!("{PUBLIC}/datasets/"),
        "not a url".to_string(),
    ] {
        let r = get(&oembed_uri(&url, "")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{url}");
        assert_eq!(r.error_code(), "not_a_chart_page", "{url}");
    }
    let r = get(&oembed_uri(&format!("{PUBLIC}/datasets/no-such-dataset"), "")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.error_code(), "unknown_dataset");
}

#[tokio::test]
async fn oembed_serves_json_only_and_needs_a_url() {
    let page = format!("{PUBLIC}/datasets/{LINE}");
    let r = get(&oembed_uri(&page, "&format=xml")).await;
    assert_eq!(r.status, StatusCode::NOT_IMPLEMENTED);
    assert_eq!(r.error_code(), "format_not_supported");
    for uri in ["/oembed", "/oembed?format=json", "/oembed?url="] {
        let r = get(uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(r.error_code(), "bad_parameter");
    }
}

#[tokio::test]
async fn chart_pages_advertise_oembed_and_the_link_answers() {
    let r = get(&format!("/datasets/{LINE}?chart=bar")).await;
    assert_eq!(r.status, StatusCode::OK);
    let link = tags(&r.body)
        .into_iter()
        .find(|(name, attrs)| name == "link" && attr(attrs, "type") == Some("application/json+oembed"))
        .expect("an oEmbed discovery link on the chart page");
    assert_eq!(attr(&link.1, "rel"), Some("alternate"));
    let href = attr(&link.1, "href").expect("href");
    let path = href.strip_prefix(PUBLIC).unwrap_or_else(|| panic!("absolute, on the public URL: {href}"));
    let v = get(path).await.json();
    assert_eq!(v["type"], "rich");
    assert!(v["html"].as_str().expect("html").contains(&format!("/embed/datasets/{LINE}?v=1&amp;chart=bar")));
    // Other app pages have none.
    assert!(!get("/datasets").await.body.contains("json+oembed"));
}

#[tokio::test]
async fn an_embed_is_drawn_once_per_link_and_then_served_from_the_page_cache() {
    let query = "v=1&chart=bar&tone=technical&title=cache%20check";
    let uri = format!("/embed/datasets/{LINE}?{query}");
    let key = format!("embed:{LINE}?{query}");
    let data = state().data();
    assert!(data.pages.get(&key).is_none(), "not drawn before it is asked for");
    let first = get(&uri).await;
    assert_eq!(first.status, StatusCode::OK);
    let cached = data.pages.get(&key).expect("the page is kept after the first request");
    let second = get(&uri).await;
    assert_eq!(second.body, first.body);
    assert_eq!(second.header("etag"), first.header("etag"));
    assert_eq!(second.body.as_bytes(), &cached.body[..], "the second answer is the kept page");
}

#[tokio::test]
async fn a_kept_embed_is_compressed_once_for_br_readers() {
    let uri = format!("/embed/datasets/{BY_COUNTRY}?v=1&chart=map&title=br%20check");
    let key = format!("embed:{BY_COUNTRY}?v=1&chart=map&title=br%20check");
    let data = state().data();
    let ask = || async {
        let req = Request::builder().uri(&uri).header("accept-encoding", "br").body(Body::empty()).expect("request");
        let res = evidence_server::app(state()).oneshot(req).await.expect("infallible");
        let encoding = res.headers().get("content-encoding").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (encoding, axum::body::to_bytes(res.into_body(), usize::MAX).await.expect("body"))
    };
    let (encoding, first) = ask().await;
    assert_eq!(encoding, "br");
    let cached = data.pages.get(&key).expect("kept");
    let stored = cached.br.get().expect("compressed and kept with the page").clone();
    assert_eq!(first, stored, "the first br reader gets the kept bytes");
    let (_, second) = ask().await;
    assert_eq!(second, stored, "and so does the next");
    assert!(stored.len() < cached.body.len() / 3, "{} of {}", stored.len(), cached.body.len());
}
