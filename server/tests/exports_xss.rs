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

/// The start tags of an HTML document: each element's name and its
/// attributes' names and values (as written), in order. Comments and
/// Leptos's `<!>` markers are skipped; text is not looked at (a `<` in
/// text is always written `&lt;`, so every `<` followed by a letter opens a
/// tag that a browser builds).
fn start_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name: String = rest.chars().take_while(|c| !c.is_ascii_whitespace() && *c != '>' && *c != '/').collect();
        rest = &rest[name.len()..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let key: String = rest.chars().take_while(|c| !c.is_ascii_whitespace() && !matches!(c, '=' | '>' | '/')).collect();
            rest = &rest[key.len()..];
            let mut value = String::new();
            if let Some(after) = rest.trim_start().strip_prefix('=') {
                let after = after.trim_start();
                let (v, tail) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end = body.find(q).unwrap_or(body.len());
                        (&body[..end], &body[(end + 1).min(body.len())..])
                    }
                    _ => {
                        let end = after.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = decode_entities(v);
                rest = tail;
            }
            attrs.push((key.to_ascii_lowercase(), value));
        }
        let lower = name.to_ascii_lowercase();
        // A script's or a style's content is text to the browser.
        if lower == "script" || lower == "style" {
            rest = rest.find(&format!("</{lower}")).map_or("", |e| &rest[e..]);
        }
        tags.push((lower, attrs));
    }
    tags
}

/// A whole page with a payload in it against the same page without:
/// nothing but text came from the payload. Every element name and every
/// attribute name the hostile page has, the harmless one has too; no
/// event handler, no inline style, no `javascript:` address, no other
/// script; the hydration data cannot close its element.
fn check_page(html: &str, harmless: &str, what: &str) {
    let known = start_tags(harmless);
    let elements: std::collections::BTreeSet<&str> = known.iter().map(|(n, _)| n.as_str()).collect();
    let attributes: std::collections::BTreeSet<&str> = known.iter().flat_map(|(_, a)| a.iter().map(|(k, _)| k.as_str())).collect();
    let tags = start_tags(html);
    for (name, attrs) in &tags {
        assert!(elements.contains(name.as_str()), "{what}: an element the page does not have: <{name}>");
        assert!(!matches!(name.as_str(), "iframe" | "img" | "object" | "embed" | "foreignobject" | "base" | "frame"), "{what}: <{name}>");
        for (key, value) in attrs {
            assert!(attributes.contains(key.as_str()), "{what}: an attribute the page does not have: {key} on <{name}>");
            assert!(!key.starts_with("on") && key != "style" && key != "srcdoc", "{what}: attribute {key} on <{name}>");
            let v: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
            assert!(!v.starts_with("javascript:") && !v.starts_with("data:text/html"), "{what}: {key}={value:?} on <{name}>");
            if key == "href" && name == "a" {
                assert!(["/", "https://", "http://", "#", "?"].iter().any(|p| value.starts_with(p)), "{what}: a link to {value:?}");
            }
        }
    }
    // The same scripts as any chart page (the data element's address aside).
    let scripts = |tags: &[(String, Vec<(String, String)>)]| -> Vec<Vec<(String, String)>> {
        tags.iter()
            .filter(|(n, _)| n == "script")
            .map(|(_, a)| a.iter().map(|(k, v)| (k.clone(), if k == "data-url" { String::new() } else { v.clone() })).collect())
            .collect()
    };
    assert_eq!(scripts(&tags), scripts(&known), "{what}: the same scripts as any chart page");
    let (_, json) = hydration_data(html).unwrap_or_else(|| panic!("{what}: no hydration data"));
    assert!(!json.to_ascii_lowercase().contains("</script") && !json.contains('<'), "{what}: markup in the hydration data");
    serde_json::from_str::<serde_json::Value>(json).unwrap_or_else(|e| panic!("{what}: the hydration data is not JSON: {e}"));
    let lower = html.to_ascii_lowercase();
    for banned in ["<![cdata[", "<!entity", "<!doctype x", "<?xml-stylesheet"] {
        assert!(!lower.contains(banned), "{what}: '{banned}' in the page");
    }
}

/// The chart page, rendered by the app's own components on the server,
/// shows the same user text: inert there too, everywhere in the HTML
/// (head, body and the hydration data the browser reads).
#[tokio::test]
async fn hostile_titles_subtitles_and_notes_are_inert_in_the_chart_page() {
    for kind in ["line", "map"] {
        let harmless = get(&format!("/datasets/{DATASET}?{}", query(kind, "harmless words"))).await.ok("harmless").text();
        for payload in &corpus() {
            let q = query(kind, payload);
            let what = format!("page {kind} {payload:?}");
            let html = get(&format!("/datasets/{DATASET}?{q}")).await.ok(&what).text();
            check_page(&html, &harmless, &what);
            let main = page_main(&html).unwrap_or_else(|| panic!("{what}: no <main>"));
            let title = by_testid(main, "chart-title").unwrap_or_else(|| panic!("{what}: no title"));
            assert_eq!(html_text(title).trim(), "CyberTipline reports by country of upload", "{what}: the dataset's own name");
            let shared = html_text(by_testid(main, "shared-words").unwrap_or_else(|| panic!("{what}: no sharer's words")));
            let squash = |s: &str| s.split_whitespace().collect::<String>();
            assert!(
                squash(&shared).contains(&squash(&format!("Title: {}", clean_text(payload, MAX_TITLE_CHARS)))),
                "{what}: the title, as text, marked as shared: {shared}"
            );
        }
    }
}

/// The page check can fail: an element, an attribute or a script that
/// the harmless page lacks is caught, and so is markup in the data.
#[test]
fn the_page_check_catches_injected_markup() {
    let data = r#"<script type="application/json" id="hydration-data" data-url="/x">{"r":[]}</script><script>boot()</script>"#;
    let harmless = format!(r#"<!doctype html><html><body><main id="content"><p class="t">x<!>y</p><a href="/a">a</a></main>{data}</body></html>"#);
    check_page(&harmless, &harmless, "itself");
    check_page(&harmless.replace("x<!>y", "&lt;img src=x onerror=alert(1)&gt;"), &harmless, "escaped");
    for bad in [
        harmless.replace("x<!>y", "<img src=x onerror=alert(1)>"),
        harmless.replace("x<!>y", "<b onmouseover=alert(1)>x</b>"),
        harmless.replace(r#"class="t""#, r#"class="t" onclick="alert(1)""#),
        harmless.replace(r#"href="/a""#, r#"href="javascript:alert(1)""#),
        harmless.replace(r#"href="/a""#, r#"href=" java&#x73;cript:alert(1)""#),
        harmless.replace("x<!>y", "<script>alert(1)</script>"),
        harmless.replace(r#"{"r":[]}"#, r#"{"r":["</script><script>alert(1)"]}"#),
    ] {
        assert!(std::panic::catch_unwind(|| check_page(&bad, &harmless, "bad")).is_err(), "{bad}");
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
