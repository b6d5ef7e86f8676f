//! The title, subtitle and notes of a chart are whatever a link says: a
//! corpus of hostile strings goes through each of them, for every chart
//! kind and every export format, and must come out as inert text.
//!
//! SVG: well-formed, parsed by usvg, only the elements and attributes the
//! renderer writes (no `<script>`, no `on*=`, no `href`), the payload shown
//! as text. PNG: drawn from that SVG, payload only as text chunks. CSV:
//! reads back, and no cell starts like a spreadsheet formula.

mod exports_common;

use evidence::state::{MAX_NOTE_CHARS, MAX_SUBTITLE_CHARS, MAX_TITLE_CHARS, clean_text, percent_encode};
use exports_common::*;
use resvg::usvg::roxmltree;

fn corpus() -> Vec<String> {
    let mut payloads: Vec<String> = [
        "<script>alert(1)</script>",
        "\"><svg onload=alert(1)>",
        "'><img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)' autofocus='",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "&amp;lt;b&amp;gt; double-escaped",
        "javascript:alert(document.domain)",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a xlink:href=\"javascript:alert(1)\">x</a>",
        "]]><script>alert(1)</script><![CDATA[",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<!-- comment --><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
        "<?xml-stylesheet href=\"https://evil.example/x.css\"?>",
        "<style>*{display:none}</style><foreignObject><iframe src=\"https://evil.example\"></iframe></foreignObject>",
        "\u{202E}gnp.exe \u{202D}RTL and LTR overrides\u{202C}",
        "before\u{0000}NUL\u{0007}bell\u{001B}[31m after",
        "=HYPERLINK(\"https://evil.example\",\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tx=1",
        "\u{FF1C}script\u{FF1E}fullwidth\u{FF1C}/script\u{FF1E}",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "line\r\nbreak,=1+1",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    // Long strings at the limits: markup characters that grow when escaped.
    payloads.push("<".repeat(MAX_NOTE_CHARS));
    payloads.push("&\"'>".repeat(MAX_NOTE_CHARS / 4));
    payloads.push("x".repeat(MAX_NOTE_CHARS));
    payloads
}

/// What the renderer writes; anything else came from input.
const ELEMENTS: [&str; 12] = ["svg", "g", "rect", "text", "path", "line", "polyline", "circle", "title", "desc", "defs", "pattern"];

fn check_svg(svg: &str, payload: &str, what: &str) {
    let lower = svg.to_lowercase();
    // `javascript:` may appear as text; never as an attribute value
    // (checked below).
    for banned in ["<script", "<img", "<iframe", "<foreignobject", "<style", "<a ", "<!doctype", "<!entity", "<![cdata[", "<?xml-stylesheet", "<!--"] {
        assert!(!lower.contains(banned), "{what}: '{banned}' in the SVG");
    }
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what}: not well-formed XML: {e}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(ELEMENTS.contains(&name), "{what}: unexpected element <{name}>");
        for attr in node.attributes() {
            let key = attr.name().to_ascii_lowercase();
            assert!(!key.starts_with("on"), "{what}: event attribute {key}");
            assert!(key != "href" && key != "style", "{what}: attribute {key}");
            assert!(!attr.value().trim().to_ascii_lowercase().starts_with("javascript:"), "{what}: javascript: in {key}");
        }
    }
    resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap_or_else(|e| panic!("{what}: usvg refuses it: {e}"));
    // The reader sees the payload, as text (wrapped lines joined; long
    // words are cut at any character, so compare without spaces).
    let cleaned: String = clean_text(payload, MAX_NOTE_CHARS).split_whitespace().collect();
    let text: String = svg_text(svg).split_whitespace().collect();
    assert!(text.contains(&cleaned), "{what}: the payload is not shown as text");
}

fn check_csv(csv_text: &str, payload: &str, what: &str) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv_text.as_bytes());
    let mut shared_title = None;
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{what}: the CSV does not read back: {e}"));
        for cell in record.iter() {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "{what}: a cell starts like a formula: {cell:?}"
            );
        }
        // The sharer's title, marked as theirs (the file's own title is
        // the dataset's name).
        if &record[0] == "# shared" && record[1].starts_with("Title: ") {
            shared_title = Some(record[1].trim_start_matches("Title: ").to_string());
        }
    }
    let cleaned = clean_text(payload, MAX_TITLE_CHARS);
    let title = shared_title.expect("a shared title line");
    assert!(title == cleaned, "{what}: title {title:?} is not the payload {cleaned:?}");
}

fn query(kind: &str, payload: &str) -> String {
    let title = percent_encode(&payload.chars().take(MAX_TITLE_CHARS).collect::<String>());
    let subtitle = percent_encode(&payload.chars().take(MAX_SUBTITLE_CHARS).collect::<String>());
    let note = percent_encode(payload);
    let geo = if matches!(kind, "line" | "table") { "&geo=KEN,UGA" } else { "&period=2021" };
    format!("v=1&chart={kind}{geo}&title={title}&subtitle={subtitle}&ann=2021:{note}&ann=KEN@2021:{note}")
}

#[tokio::test]
async fn hostile_titles_subtitles_and_notes_are_inert_in_every_kind_and_format() {
    let corpus = corpus();
    assert!(corpus.len() >= 20);
    for payload in &corpus {
        for kind in ["line", "bar", "map", "table"] {
            let q = query(kind, payload);
            let what = format!("{kind} {payload:?}");
            let svg = get(&export_url("chart.svg", &q)).await.ok(&what).text();
            check_svg(&svg, payload, &format!("{what} svg"));

            let csv_text = get(&export_url("chart.csv", &q)).await.ok(&what).text();
            check_csv(&csv_text, payload, &format!("{what} csv"));

            // The PNG is drawn from the SVG above (see exports.rs); here it
            // must draw, and carry the payload only as a text chunk. A
            // small picture keeps the corpus quick.
            let png = get(&export_url("chart.png", &format!("{q}&width=320&height=200"))).await.ok(&what);
            let reader = png::Decoder::new(std::io::Cursor::new(png.body.to_vec())).read_info().expect("a PNG");
            let comment = reader.info().utf8_text.iter().find(|c| c.keyword == "Comment").and_then(|c| c.get_text().ok());
            let comment = comment.unwrap_or_else(|| panic!("{what} png: no Comment chunk"));
            assert!(comment.contains(&format!("Title: {}", clean_text(payload, MAX_TITLE_CHARS))), "{what} png: {comment}");
        }
    }
}

/// The chart page's first paint (the chart and caveats in the HTML the
/// server sends) shows the same user text: inert there too.
#[tokio::test]
async fn hostile_titles_subtitles_and_notes_are_inert_in_the_chart_page() {
    let app_page_scripts = get("/datasets").await.ok("the catalogue page").text().matches("<script").count();
    for payload in &corpus() {
        for kind in ["line", "map"] {
            let q = query(kind, payload);
            let what = format!("page {kind} {payload:?}");
            let html = get(&format!("/datasets/{DATASET}?{q}")).await.ok(&what).text();
            let fragment = first_paint(&html).unwrap_or_else(|| panic!("{what}: no first paint"));
            // Well-formed XML: no payload closed an element or opened one.
            let doc = roxmltree::Document::parse(fragment).unwrap_or_else(|e| panic!("{what}: not well-formed: {e}"));
            for node in doc.descendants().filter(|n| n.is_element()) {
                let name = node.tag_name().name();
                assert!(!matches!(name, "script" | "style" | "iframe" | "img" | "object" | "foreignObject"), "{what}: <{name}>");
                if name == "a" {
                    let href = node.attribute("href").unwrap_or("");
                    assert!(["/", "https://", "http://"].iter().any(|p| href.starts_with(p)), "{what}: a link to {href:?}");
                }
                for attr in node.attributes() {
                    let key = attr.name().to_ascii_lowercase();
                    assert!(!key.starts_with("on") && key != "style" && key != "src", "{what}: attribute {key}");
                }
            }
            let title = doc.descendants().find(|n| n.attribute("data-testid") == Some("first-paint-title")).expect("a title");
            assert_eq!(title.text().unwrap_or(""), "CyberTipline reports by country of upload", "{what}: the dataset's own name");
            let shared = doc.descendants().find(|n| n.attribute("data-testid") == Some("first-paint-shared")).expect("the sharer's words");
            let shared: String = shared.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
            assert!(shared.contains(&format!("Title: {}", clean_text(payload, MAX_TITLE_CHARS))), "{what}: the title, as text, marked as shared");
            // Around the first paint, the page is the app's own, with the
            // scripts any app page has (trunk's loader, if the app is built).
            assert_eq!(html.matches("<script").count(), app_page_scripts, "{what}");
        }
    }
}

#[tokio::test]
async fn text_over_the_limits_is_refused_not_cut() {
    for (param, max) in [("title", MAX_TITLE_CHARS), ("subtitle", MAX_SUBTITLE_CHARS)] {
        let q = format!("{param}={}", "%3C".repeat(max + 1));
        for file in ["chart.svg", "chart.png", "chart.csv"] {
            get(&export_url(file, &q)).await.bad_param(param);
        }
    }
    get(&export_url("chart.svg", &format!("ann=2021:{}", "%3C".repeat(MAX_NOTE_CHARS + 1)))).await.bad_param("ann");
}

/// The checks can fail: markup that reached the SVG unescaped is caught.
#[test]
fn the_svg_check_catches_injected_markup() {
    let safe = r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>x</text></svg>"#;
    check_svg(safe, "x", "safe");
    for bad in [
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>x</script></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="x"><text>x</text></svg>"#,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>x<</text></svg>"#,
    ] {
        assert!(std::panic::catch_unwind(|| check_svg(bad, "x", "bad")).is_err(), "{bad}");
    }
    assert!(std::panic::catch_unwind(|| check_csv("# title,=1\n", "=1", "bad")).is_err());
}
