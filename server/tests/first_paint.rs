//! Chart pages arrive with their first paint: the chart, drawn by the same
//! code as the app, and the whole caveat panel, in the HTML the server
//! sends, so they are there before (and without) the wasm app.

mod exports_common;

use evidence::model::{CaveatKind, Lang, Tone};
use evidence::state::percent_encode;
use exports_common::*;
use resvg::usvg::roxmltree;

/// The text of every element, unescaped, joined by spaces.
fn text_of(doc: &roxmltree::Document) -> String {
    doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn every_chart_page_arrives_with_its_chart_and_every_caveat() {
    let data = state().data();
    for dataset in &data.package.datasets {
        let id = &dataset.meta.id;
        for (tone, tone_q) in [(Tone::Plain, ""), (Tone::Technical, "?tone=technical")] {
            let what = format!("{id}{tone_q}");
            let page = get(&format!("/datasets/{id}{tone_q}")).await.ok(&what);
            assert!(page.header("content-type").starts_with("text/html"), "{what}");
            let html = page.text();
            let fragment = first_paint(&html).unwrap_or_else(|| panic!("{what}: no first paint"));
            // Well-formed: nothing in it can have broken out of its element.
            let doc = roxmltree::Document::parse(fragment).unwrap_or_else(|e| panic!("{what}: the first paint is not well-formed: {e}"));
            let by_testid = |testid: &str| doc.descendants().find(|n| n.attribute("data-testid") == Some(testid));
            let chart = by_testid("first-paint-chart").unwrap_or_else(|| panic!("{what}: no chart"));
            let svgs = chart.descendants().filter(|n| n.has_tag_name("svg")).count();
            assert_eq!(svgs, 2, "{what}: the wide and the narrow drawing");
            let title = by_testid("first-paint-title").expect("a title");
            assert_eq!(title.text(), Some(dataset.meta.title.en.as_str()), "{what}");

            let panel = by_testid("first-paint-caveats").unwrap_or_else(|| panic!("{what}: no caveat panel"));
            let panel_text: String = panel.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
            for caveat in &dataset.meta.caveats {
                let text = caveat.text(tone).get(Lang::En);
                assert!(panel_text.contains(text), "{what}: caveat missing from the panel: {text}");
            }
            let definition = dataset.meta.indicator.definition.get(tone, Lang::En);
            assert!(panel_text.contains(definition), "{what}: the definition");
            let kinds: Vec<&str> = panel.descendants().filter_map(|n| n.attribute("data-kind")).collect();
            for kind in [CaveatKind::Coverage, CaveatKind::Definition] {
                assert!(kinds.contains(&kind.code()), "{what}: no {kind:?} section");
            }

            let hrefs: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("href")).collect();
            for source in &dataset.meta.sources {
                assert!(hrefs.contains(&source.url.as_str()), "{what}: source {} not linked", source.url);
            }
            // Nothing in it runs or loads: no script, no style, no frame.
            for node in doc.descendants().filter(|n| n.is_element()) {
                let name = node.tag_name().name();
                assert!(!matches!(name, "script" | "style" | "iframe" | "img" | "object" | "foreignObject"), "{what}: <{name}>");
            }
        }
    }
}

#[tokio::test]
async fn the_first_paint_follows_the_chart_state_in_the_link() {
    let page = get(&format!("/datasets/{DATASET}?v=1&chart=map&period=2021&lang=fr&title={}", percent_encode("Mon titre"))).await.ok("map fr").text();
    let fragment = first_paint(&page).expect("a first paint");
    let doc = roxmltree::Document::parse(fragment).expect("well-formed");
    let root = doc.root_element();
    assert_eq!(root.attribute("lang"), Some("fr"));
    let chart = doc.descendants().find(|n| n.attribute("data-testid") == Some("first-paint-chart")).expect("chart");
    assert_eq!(chart.attribute("data-kind"), Some("map"));
    let text = text_of(&doc);
    assert!(text.contains("Mon titre"), "the title from the link");
    assert!(text.contains("Ce que ces chiffres montrent et ne montrent pas"), "the panel heading in French");
    assert!(text.contains("2021"), "the period asked for");
    // Links stay in French.
    let nav: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("nav")).flat_map(|n| n.descendants()).filter_map(|n| n.attribute("href")).collect();
    assert!(!nav.is_empty() && nav.iter().all(|h| h.ends_with("?lang=fr")), "{nav:?}");
    // Ids are the app's with a suffix, so nothing is named twice while
    // the app takes over.
    let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    assert!(ids.iter().all(|id| id.contains("first-paint")), "{ids:?}");
}

#[tokio::test]
async fn only_chart_pages_of_known_datasets_have_a_first_paint() {
    for path in ["/", "/datasets", "/datasets/no-such-dataset", "/geo/KEN", "/compare", "/coverage", "/glossary", "/methods", "/datasets/"] {
        let page = get(path).await.text();
        assert!(first_paint(&page).is_none(), "{path}");
    }
    // Settings the app cannot use fall back to defaults, as in the app.
    let page = get(&format!("/datasets/{DATASET}?chart=pie&tone=loud")).await.ok("bad settings").text();
    let doc = roxmltree::Document::parse(first_paint(&page).expect("a first paint")).expect("well-formed");
    let chart = doc.descendants().find(|n| n.attribute("data-testid") == Some("first-paint-chart")).expect("chart");
    assert_eq!(chart.attribute("data-kind"), Some("line"));
}

#[tokio::test]
async fn the_same_state_gets_the_same_page_and_etag() {
    let a = get(&format!("/datasets/{DATASET}?chart=bar&period=2022")).await.ok("a");
    // Same state, other spelling: the same first paint (the page is
    // cached by its link, and drawn from the parsed state).
    let b = get(&format!("/datasets/{DATASET}?period=2022&chart=bar&v=1")).await.ok("b");
    assert_eq!(first_paint(&a.text()), first_paint(&b.text()));
    let etag = a.header("etag").to_string();
    assert!(!etag.is_empty());
    let again = get_with(&format!("/datasets/{DATASET}?chart=bar&period=2022"), &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, axum::http::StatusCode::NOT_MODIFIED);
}

#[test]
fn the_first_paint_is_cut_at_its_own_closing_tag() {
    let page = r#"<body><div id="first-paint" class="x"><div><div></div></div><p>a</p></div><main><div>app</div></main></body>"#;
    assert_eq!(first_paint(page), Some(r#"<div id="first-paint" class="x"><div><div></div></div><p>a</p></div>"#));
    assert_eq!(first_paint("<body><main></main></body>"), None);
}

#[tokio::test]
async fn a_table_chart_is_an_html_table_as_in_the_app() {
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let page = get(&format!("/datasets/{DATASET}?v=1&chart=table&geo=KEN,UGA")).await.ok("table").text();
    let fragment = first_paint(&page).expect("a first paint");
    let doc = roxmltree::Document::parse(fragment).expect("well-formed");
    let chart = doc.descendants().find(|n| n.attribute("data-testid") == Some("first-paint-chart")).expect("a chart");
    assert_eq!(chart.attribute("data-kind"), Some("table"));
    assert_eq!(chart.descendants().filter(|n| n.has_tag_name("svg")).count(), 0, "no picture of a table");
    let table = chart.descendants().find(|n| n.has_tag_name("table")).expect("an HTML table");
    let rows = table.descendants().filter(|n| n.has_tag_name("tr")).count();
    let shown = dataset.observations.iter().filter(|o| o.geo == "KEN" || o.geo == "UGA").count();
    assert_eq!(rows, shown + 1, "a header row and one row per figure");
}

#[tokio::test]
async fn links_keep_the_readers_language_and_tone() {
    let page = get(&format!("/datasets/{DATASET}?tone=technical&lang=fr")).await.ok("technical fr").text();
    let doc = roxmltree::Document::parse(first_paint(&page).expect("a first paint")).expect("well-formed");
    let nav: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("a")).filter_map(|n| n.attribute("href")).filter(|h| h.starts_with('/')).collect();
    assert!(!nav.is_empty() && nav.iter().all(|h| h.ends_with("?lang=fr&tone=technical")), "{nav:?}");
    let permalink = doc.descendants().find(|n| n.attribute("data-testid") == Some("first-paint-permalink")).expect("a permalink");
    assert!(permalink.attribute("href").is_some_and(|h| h.contains("tone=technical") && h.contains("lang=fr")));
}
