//! Every page arrives rendered by the app's own components (server/src/ssr.rs)
//! and is hydrated in the browser: a chart page's HTML already has its
//! title, its chart and the whole caveat panel, for the chart state in the
//! link, so a reader without JavaScript (or before the wasm has loaded)
//! reads the numbers with their caveats. Pages are cached by address; the
//! page's data travels in a JSON element that cannot run or close its
//! script; every inline script is allowed by the page's own policy.

mod exports_common;

use axum::http::StatusCode;
use evidence::model::{CaveatKind, Lang, Tone};
use evidence::state::percent_encode;
// The sha256 of every inline script of a page that a browser would run (not
// JSON data), in CSP source form: the reading that built the server's policy.
use evidence_server::site::inline_script_hashes;
use exports_common::*;

/// `data-kind` of the chart figure of a page.
fn chart_kind(html: &str) -> Option<String> {
    let chart = by_testid(html, "chart")?;
    let at = chart.find(r#"data-kind=""#)? + r#"data-kind=""#.len();
    Some(chart[at..].split('"').next()?.to_string())
}

/// Every `href` in an HTML fragment, decoded.
fn hrefs(html: &str) -> Vec<String> {
    html.split(" href=\"").skip(1).map(|p| decode_entities(p.split('"').next().unwrap_or(""))).collect()
}

#[tokio::test]
async fn every_chart_page_arrives_whole_with_its_chart_and_every_caveat() {
    let data = state().data();
    for dataset in &data.package.datasets {
        let id = &dataset.meta.id;
        for (tone, tone_q) in [(Tone::Plain, ""), (Tone::Technical, "?tone=technical")] {
            let what = format!("{id}{tone_q}");
            let page = get(&format!("/datasets/{id}{tone_q}")).await.ok(&what);
            assert!(page.header("content-type").starts_with("text/html"), "{what}");
            let html = page.text();
            let main = page_main(&html).unwrap_or_else(|| panic!("{what}: no <main>"));
            // Whole: no Suspense fallback left for the browser to fill.
            assert!(by_testid(main, "skeleton").is_none() && !main.contains("aria-busy=\"true\""), "{what}: a skeleton in the page");

            let title = by_testid(main, "chart-title").unwrap_or_else(|| panic!("{what}: no title"));
            assert!(title.starts_with("<h1"), "{what}: the title is the page's h1");
            assert_eq!(html_text(title).trim(), dataset.meta.title.en, "{what}");

            let chart = by_testid(main, "chart").unwrap_or_else(|| panic!("{what}: no chart"));
            assert!(chart.contains("<svg"), "{what}: the chart is drawn in the HTML");
            let summary = by_testid(chart, "chart-summary").unwrap_or_else(|| panic!("{what}: no summary"));
            assert!(!html_text(summary).trim().is_empty(), "{what}: the chart's text alternative");

            let panel = by_testid(main, "caveat-panel").unwrap_or_else(|| panic!("{what}: no caveat panel"));
            let panel_text = html_text(panel);
            for caveat in &dataset.meta.caveats {
                let text = caveat.text(tone).get(Lang::En);
                assert!(contains_words(&panel_text, text), "{what}: caveat missing from the panel: {text}");
            }
            let definition = dataset.meta.indicator.definition.get(tone, Lang::En);
            assert!(contains_words(&panel_text, definition), "{what}: the definition");
            for kind in [CaveatKind::Coverage, CaveatKind::Definition] {
                assert!(panel.contains(&format!(r#"data-kind="{}""#, kind.code())), "{what}: no {kind:?} section");
            }

            let links = hrefs(main);
            for source in &dataset.meta.sources {
                assert!(links.contains(&source.url), "{what}: source {} not linked", source.url);
            }
            assert!(hydration_data(&html).is_some(), "{what}: no hydration data");
        }
    }
}

#[tokio::test]
async fn the_page_follows_the_chart_state_in_the_link() {
    let url = format!("/datasets/{DATASET}?v=1&chart=map&period=2021&lang=fr&title={}", percent_encode("Mon titre"));
    let html = get(&url).await.ok("map fr").text();
    // In French before (and without) the app: for screen readers too.
    assert!(html.contains(r#"<html lang="fr">"#), "{}", &html[..html.len().min(200)]);
    let main = page_main(&html).expect("a <main>");
    assert_eq!(chart_kind(main).as_deref(), Some("map"));
    let shared = html_text(by_testid(main, "shared-words").expect("the sharer's words"));
    assert!(shared.contains("Mon titre"), "the title from the link: {shared}");
    let panel = html_text(by_testid(main, "caveat-panel").expect("a caveat panel"));
    assert!(panel.contains("Ce que ces chiffres montrent et ne montrent pas"), "the panel heading in French: {panel}");
    let summary = html_text(by_testid(main, "chart-summary").expect("a summary"));
    assert!(summary.contains("2021"), "the period asked for: {summary}");
    // The French name of the dataset, as the app draws it.
    let data = state().data();
    let title = &data.package.dataset(DATASET).expect("dataset").meta.title;
    assert_eq!(html_text(by_testid(main, "chart-title").expect("a title")).trim(), title.get(Lang::Fr));

    // Other states, other pages.
    for (query, kind) in [("chart=bar&period=2022", "bar"), ("chart=line&geo=KEN,UGA", "line"), ("chart=table&geo=KEN", "table")] {
        let html = get(&format!("/datasets/{DATASET}?{query}")).await.ok(query).text();
        assert_eq!(chart_kind(page_main(&html).expect("a <main>")).as_deref(), Some(kind), "{query}");
    }
}

#[tokio::test]
async fn only_known_datasets_and_places_are_found() {
    for path in ["/", "/datasets", "/geo/KEN", "/geo/ken", "/compare", "/coverage", "/glossary", "/methods", "/ecosystem"] {
        let page = get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page_main(&page.text()).is_some(), "{path}: rendered");
    }
    let known = format!("/datasets/{DATASET}");
    assert_eq!(get(&known).await.status, StatusCode::OK);
    for path in ["/datasets/no-such-dataset", "/datasets/no-such-dataset?chart=bar", "/datasets/", "/geo/NOWHERE", "/no-such-page"] {
        let page = get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        let html = page.text();
        assert!(html.contains(r#"<meta name="robots" content="noindex">"#) || !path.starts_with("/datasets/"), "{path}");
        let main = page_main(&html).unwrap_or_else(|| panic!("{path}: the app says so itself"));
        assert!(by_testid(main, "chart").is_none(), "{path}: no chart for what does not exist");
    }
    // Settings the app cannot use fall back to defaults, and the page says so.
    let html = get(&format!("/datasets/{DATASET}?chart=pie&tone=loud")).await.ok("bad settings").text();
    let main = page_main(&html).expect("a <main>");
    assert_eq!(chart_kind(main).as_deref(), Some("line"));
    assert!(by_testid(main, "state-warnings").is_some(), "the replaced settings are named");
}

#[tokio::test]
async fn the_same_link_is_served_from_the_cache() {
    let url = format!("/datasets/{DATASET}?chart=bar&period=2022&lang=fr");
    let a = get(&url).await.ok("a");
    let b = get(&url).await.ok("b");
    assert_eq!(a.body, b.body, "byte-identical");
    let etag = a.header("etag").to_string();
    assert!(!etag.is_empty());
    assert_eq!(b.header("etag"), etag);
    let again = get_with(&url, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);

    // The page is kept by its address: what is kept is what is served,
    // without drawing it again (a stand-in put under the key comes back).
    let data = state().data();
    let key = url.as_str();
    let kept = data.pages.get(key).expect("the page is kept under its address");
    assert_eq!(kept.body, a.body);
    let other = format!("/datasets/{DATASET}?chart=bar&period=2021");
    get(&other).await.ok("other");
    let stand_in = b"<!doctype html><p>kept</p>".to_vec();
    data.pages.insert(other.clone(), evidence_server::cached::Cached::new(stand_in.clone(), "page"));
    assert_eq!(get(&other).await.ok("kept").body.to_vec(), stand_in, "a second request is not drawn again");

    // Same state, other spelling: another address, the same chart.
    let c = get(&format!("/datasets/{DATASET}?period=2022&lang=fr&chart=bar&v=1")).await.ok("c");
    let (a, c) = (a.text(), c.text());
    assert_eq!(by_testid(page_main(&a).expect("main"), "chart"), by_testid(page_main(&c).expect("main"), "chart"));
}

#[tokio::test]
async fn a_table_chart_is_an_html_table() {
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let html = get(&format!("/datasets/{DATASET}?v=1&chart=table&geo=KEN,UGA")).await.ok("table").text();
    let chart = by_testid(page_main(&html).expect("a <main>"), "chart").expect("a chart").to_string();
    assert_eq!(chart_kind(&chart).as_deref(), Some("table"));
    assert!(!chart.contains("<svg"), "no picture of a table");
    let table = element(&chart, "table").expect("an HTML table");
    let rows = table.matches("<tr").count();
    let shown = dataset.observations.iter().filter(|o| o.geo == "KEN" || o.geo == "UGA").count();
    assert_eq!(rows, shown + 1, "a header row and one row per figure");
}

/// The first `<{name}>` element in `html`.
fn element<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let start = html.match_indices(&open).map(|(i, _)| i).find(|&i| html[i + open.len()..].starts_with([' ', '>']))?;
    let end = start + html[start..].find(&format!("</{name}>"))? + name.len() + 3;
    Some(&html[start..end])
}

#[tokio::test]
async fn links_keep_the_readers_language_and_tone() {
    let html = get(&format!("/datasets/{DATASET}?tone=technical&lang=fr")).await.ok("technical fr").text();
    let nav = element(&html, "nav").expect("the site's navigation");
    let links: Vec<String> = hrefs(nav).into_iter().filter(|h| h.starts_with('/')).collect();
    assert!(!links.is_empty(), "{nav}");
    for link in &links {
        assert!(link.contains("lang=fr") && link.contains("tone=technical"), "{links:?}");
    }
}

#[tokio::test]
async fn the_hydration_data_is_inert_json_for_the_address() {
    for url in ["/", &format!("/datasets/{DATASET}?chart=map&lang=fr&title=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"), "/geo/KEN", "/glossary"] {
        let html = get(url).await.ok(url).text();
        assert_eq!(html.matches(r#"id="hydration-data""#).count(), 1, "{url}: one data element");
        let (data_url, json) = hydration_data(&html).unwrap_or_else(|| panic!("{url}: no hydration data"));
        assert_eq!(decode_entities(data_url), url, "{url}: drawn for its own address");
        assert!(!json.to_ascii_lowercase().contains("</script"), "{url}: the data cannot close its element");
        assert!(!json.contains('<'), "{url}: `<` is escaped in the data");
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{url}: not JSON ({e}): {json}"));
        assert!(value["r"].as_array().is_some_and(|r| r.iter().any(|v| !v.is_null())), "{url}: the page's data travels with it");
        assert!(value["e"].as_array().is_some_and(Vec::is_empty), "{url}: no errors: {}", value["e"]);
        assert!(value["i"].is_array(), "{url}");
    }
    // The sharer's title is in the data as a string, not as markup.
    let html = get(&format!("/datasets/{DATASET}?title=%3C%2Fscript%3Ex")).await.ok("title").text();
    let (_, json) = hydration_data(&html).expect("hydration data");
    assert!(!json.contains("</script"));
}

/// Whether the policy's script-src allows every inline script of the page.
fn policy_allows_scripts(csp: &str, html: &str) -> Result<usize, String> {
    let script_src = csp.split(';').map(str::trim).find(|d| d.starts_with("script-src ")).ok_or("no script-src")?;
    if script_src.contains("'unsafe-inline'") {
        return Err("'unsafe-inline'".into());
    }
    let hashes = inline_script_hashes(html);
    for hash in &hashes {
        if !script_src.split_whitespace().any(|s| s == hash) {
            return Err(format!("{hash} is not in {script_src}"));
        }
    }
    Ok(hashes.len())
}

#[tokio::test]
async fn every_inline_script_of_a_page_is_allowed_by_its_policy() {
    let routes = [
        "/".to_string(),
        "/?lang=fr".to_string(),
        "/datasets".to_string(),
        format!("/datasets/{DATASET}"),
        format!("/datasets/{DATASET}?chart=map&tone=technical&lang=fr&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        format!("/datasets/{DATASET}?chart=table&release=0.0.1"),
        "/geo/KEN".to_string(),
        "/compare?datasets=iwf-reports".to_string(),
        "/coverage".to_string(),
        "/glossary".to_string(),
        "/methods".to_string(),
        "/ecosystem".to_string(),
        "/datasets/no-such-dataset".to_string(),
        "/no-such-page".to_string(),
    ];
    for url in &routes {
        let page = get(url).await;
        assert!(page.status == StatusCode::OK || page.status == StatusCode::NOT_FOUND, "{url}: {}", page.status);
        let csp = page.header("content-security-policy").to_string();
        assert!(!csp.is_empty(), "{url}: no policy");
        let html = page.text();
        let n = policy_allows_scripts(&csp, &html).unwrap_or_else(|e| panic!("{url}: {e}"));
        // At least the bootstrap that hands the data over.
        assert!(n >= 1, "{url}: no inline script found");
        assert!(html.contains(evidence_server::ssr::BOOTSTRAP), "{url}: the bootstrap");
    }
}

/// The check can fail: a script the policy does not list is caught.
#[test]
fn a_script_the_policy_does_not_list_is_caught() {
    let html = r#"<script>a()</script><script type="application/json">{"x":1}</script><script src="/app.js"></script>"#;
    let hash = inline_script_hashes(html);
    // sha256("a()"), base64, as `printf 'a()' | openssl dgst -sha256 -binary | base64` gives.
    assert_eq!(hash, vec!["'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='".to_string()]);
    let csp = format!("default-src 'self'; script-src 'self' {}", hash[0]);
    assert_eq!(policy_allows_scripts(&csp, html), Ok(1));
    assert!(policy_allows_scripts(&csp, &format!("{html}<script>b()</script>")).is_err());
    assert!(policy_allows_scripts("script-src 'self' 'unsafe-inline'", "").is_err());
}

#[test]
fn the_helpers_read_leptos_html() {
    let page = r#"<body><header><main>no</main></header><main id="content" tabindex="-1"><div data-testid="a"><div>x<!>y</div></div><p>&amp;lt;b&gt;</p></main></body>"#;
    assert_eq!(page_main(page), Some(r#"<main id="content" tabindex="-1"><div data-testid="a"><div>x<!>y</div></div><p>&amp;lt;b&gt;</p></main>"#));
    assert_eq!(by_testid(page, "a"), Some(r#"<div data-testid="a"><div>x<!>y</div></div>"#));
    assert_eq!(html_text(by_testid(page, "a").unwrap()).trim(), "xy");
    assert_eq!(html_text("<p>&amp;lt;b&gt;<!-- c --></p>").trim(), "&lt;b>");
    assert_eq!(page_main("<body><main></main></body>"), None);
}

