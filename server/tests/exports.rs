//! The export routes over HTTP (through the router, no socket): what every
//! picture and CSV carries, strict parameters, sizes, caching, and that the
//! CSV reads back to the same numbers as the chart shows.

mod exports_common;

use axum::http::StatusCode;
use evidence::chart::select;
use evidence::export_csv::COLUMNS;
use evidence::{ChartState, Lang, Tone};
use exports_common::*;
use resvg::tiny_skia::Pixmap;

const KINDS: [&str; 4] = ["line", "bar", "map", "table"];

/// A chart an advocate made: a title, two notes (one pinned to a country),
/// a highlighted span.
fn annotated(kind: &str) -> String {
    let geo = if kind == "line" || kind == "table" { "&geo=KEN,UGA,ETH" } else { "" };
    format!(
        "v=1&chart={kind}{geo}&period=2022&title=Reports%20from%20East%20Africa&subtitle=As%20resolved%20by%20NCMEC\
         &ann=KEN@2022:Kenya%20note%20here&ann=2021:A%20second%20note&hl=2020-2021"
    )
    .replace("chart=line&geo=KEN,UGA,ETH&period=2022", "chart=line&geo=KEN,UGA,ETH")
    .replace("chart=table&geo=KEN,UGA,ETH&period=2022", "chart=table&geo=KEN,UGA,ETH")
}

fn permalink_of(query: &str) -> String {
    let (state, warnings) = ChartState::from_query(query);
    assert!(warnings.is_empty(), "{warnings:?}");
    format!("{PUBLIC_URL}/datasets/{DATASET}?{}", state.to_query())
}

#[tokio::test]
async fn every_svg_carries_title_notes_source_caveats_and_permalink() {
    for kind in KINDS {
        let q = annotated(kind);
        let reply = get(&export_url("chart.svg", &q)).await.ok(kind);
        assert_eq!(reply.header("content-type"), "image/svg+xml");
        let svg = reply.text();
        let text = svg_text(&svg);
        for expected in [
            "Reports from East Africa",
            "As resolved by NCMEC",
            "Kenya note here",
            "A second note",
            "Source: National Center for Missing & Exploited Children",
            "What these figures do and do not show",
        ] {
            assert!(contains_words(&text, expected), "{kind}: '{expected}' missing from the SVG text");
        }
        for caveat in caveat_texts(Tone::Plain, Lang::En) {
            assert!(contains_words(&text, &caveat), "{kind}: caveat missing: {caveat}");
        }
        // The permalink may be wrapped over lines at any character.
        let joined: String = text.split_whitespace().collect();
        assert!(joined.contains(&permalink_of(&q)), "{kind}: permalink missing");
    }
}

#[tokio::test]
async fn the_caveats_follow_the_tone_and_the_language() {
    for (q, tone, lang) in [("tone=technical", Tone::Technical, Lang::En), ("lang=fr", Tone::Plain, Lang::Fr), ("tone=technical&lang=fr", Tone::Technical, Lang::Fr)] {
        let text = svg_text(&get(&export_url("chart.svg", &format!("v=1&chart=bar&{q}"))).await.ok(q).text());
        for caveat in caveat_texts(tone, lang) {
            assert!(contains_words(&text, &caveat), "{q}: caveat missing: {caveat}");
        }
    }
    let plain = caveat_texts(Tone::Plain, Lang::En);
    let technical = caveat_texts(Tone::Technical, Lang::En);
    assert_ne!(plain, technical, "the test would notice a tone that changes nothing");
}

#[tokio::test]
async fn the_png_is_the_picture_of_the_svg_and_names_its_caveats() {
    for kind in KINDS {
        let q = format!("{}&preset=square", annotated(kind));
        let svg = get(&export_url("chart.svg", &q)).await.ok(kind).text();
        let png = get(&export_url("chart.png", &q)).await.ok(kind);
        assert_eq!(png.header("content-type"), "image/png");
        let drawn = Pixmap::decode_png(&png.body).expect("a PNG");
        let from_svg = evidence_server::export::png::rasterise(&svg, 1, u64::MAX).expect("the SVG draws");
        assert_eq!(drawn.width(), 1080, "{kind}");
        assert!(drawn.height() >= 1080, "{kind}: a square, or taller rather than lose a caveat");
        assert!(drawn.data() == from_svg.data(), "{kind}: the PNG is not the drawing of the SVG export");

        let decoder = png::Decoder::new(std::io::Cursor::new(png.body.to_vec()));
        let reader = decoder.read_info().expect("PNG header");
        let chunks: Vec<(String, String)> =
            reader.info().utf8_text.iter().map(|c| (c.keyword.clone(), c.get_text().expect("UTF-8 text"))).collect();
        let chunk = |k: &str| chunks.iter().find(|(key, _)| key == k).map(|(_, t)| t.clone()).unwrap_or_default();
        assert_eq!(chunk("Title"), "CyberTipline reports by country of upload", "the dataset's own name");
        assert!(chunk("Comment").starts_with("Title and notes added by whoever shared this link"), "{kind}");
        assert!(chunk("Comment").contains("Reports from East Africa"), "{kind}: the sharer's title, marked as theirs");
        assert!(chunk("Source").ends_with(&format!("Data release {}.", state().data().package.version)), "{kind}");
        assert!(chunk("Source").starts_with("Source: National Center"), "{kind}");
        for caveat in caveat_texts(Tone::Plain, Lang::En) {
            assert!(chunk("Disclaimer").contains(&caveat), "{kind}: PNG text lacks caveat {caveat}");
        }
        assert!(chunk("Comment").contains("Kenya note here"), "{kind}");
        assert_eq!(chunk("URL"), permalink_of(&annotated(kind)));
    }
}

#[tokio::test]
async fn presets_sizes_and_scale() {
    for (q, size) in [
        ("preset=slide", (1920, 1080)),
        ("preset=square", (1080, 1080)),
        ("preset=slide&scale=2", (3840, 2160)),
        ("width=1000&height=1200", (1000, 1200)),
        ("width=1200&height=1000", (1200, 1000)),
    ] {
        let png = get(&export_url("chart.png", &format!("v=1&chart=bar&{q}"))).await.ok(q);
        let p = Pixmap::decode_png(&png.body).expect("a PNG");
        assert_eq!((p.width(), p.height()), size, "{q}");
    }
    // A report page is 1200 wide, 800 high when the whole sheet fits beside
    // a plot of its minimum height, and taller rather than lose a caveat
    // (this dataset's sheet, with its definition, population, five
    // sources, a series break and grade notes, needs more).
    for (q, scale) in [("", 1), ("preset=report", 1), ("preset=report&scale=@2x", 2)] {
        let png = get(&export_url("chart.png", &format!("v=1&chart=bar&{q}"))).await.ok(q);
        let p = Pixmap::decode_png(&png.body).expect("a PNG");
        assert_eq!(p.width(), 1200 * scale, "{q}");
        assert!((800 * scale..=1100 * scale).contains(&p.height()), "{q}: {}", p.height());
    }
    let svg = get(&export_url("chart.svg", "chart=line&preset=slide")).await.ok("svg").text();
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080""#), "{}", &svg[..120]);
}

#[tokio::test]
async fn a_small_picture_grows_taller_rather_than_lose_a_caveat() {
    let svg = get(&export_url("chart.svg", "chart=line&width=320&height=200")).await.ok("small").text();
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("parses");
    assert_eq!(tree.size().width(), 320.0);
    assert!(tree.size().height() > 600.0, "height {}", tree.size().height());
    let text = svg_text(&svg);
    for caveat in caveat_texts(Tone::Plain, Lang::En) {
        assert!(contains_words(&text, &caveat), "caveat missing at 320 px: {caveat}");
    }
}

#[tokio::test]
async fn strict_parameters_are_a_400_naming_the_parameter() {
    let cases: &[(&str, &str, &str)] = &[
        // No parameter removes the caveats (or anything else of the frame).
        ("chart.svg", "caveats=0", "caveats"),
        ("chart.png", "caveats=false", "caveats"),
        ("chart.csv", "caveats=0", "caveats"),
        ("data.csv", "caveats=0", "caveats"),
        ("chart.svg", "footer=none", "footer"),
        ("chart.svg", "format=png", "format"),
        ("chart.svg", "chart=pie", "chart"),
        ("chart.svg", "tone=loud", "tone"),
        ("chart.svg", "lang=de", "lang"),
        ("chart.svg", "v=2", "v"),
        ("chart.svg", "from=20x9", "from"),
        ("chart.svg", "from=2023&to=2019", "from"),
        ("chart.svg", "period=yesterday", "period"),
        ("chart.svg", "hl=soon", "hl"),
        ("chart.svg", "ann=nonsense", "ann"),
        ("chart.svg", "ann=XXX@2021:note", "ann"),
        ("chart.svg", "geo=ke%3Cn", "geo"),
        ("chart.svg", "geo=QQQ", "geo"),
        ("chart.svg", "series=Nope", "series"),
        ("chart.png", &format!("title={}", "a".repeat(121)), "title"),
        ("chart.png", &format!("ann=2021:{}", "a".repeat(141)), "ann"),
        ("chart.svg", "width=100", "width"),
        ("chart.svg", "width=2401", "width"),
        ("chart.svg", "height=99999999999", "height"),
        ("chart.svg", "scale=2", "scale"),
        ("chart.png", "scale=4", "scale"),
        ("chart.png", "scale=2.5", "scale"),
        ("chart.png", "width=2400&height=2400&scale=3", "scale"),
        ("chart.png", "preset=poster", "preset"),
        ("chart.png", "preset=slide&width=1000", "preset"),
        ("chart.png", "width=800&width=900", "width"),
        ("chart.csv", "width=800", "width"),
        ("chart.csv", "preset=report", "preset"),
        ("data.csv", "chart=bar", "chart"),
        ("data.csv", "geo=KEN", "geo"),
    ];
    for (file, q, param) in cases {
        let reply = get(&export_url(file, q)).await;
        let message = reply.bad_param(param);
        if *q == "scale=2" {
            assert!(message.contains("chart.png only"), "{message}");
        }
        assert!(!message.ends_with("ignored"), "{file}?{q}: a refusal does not say 'ignored': {message}");
        assert_eq!(reply.header("cache-control"), "no-store", "{file}?{q}");
    }
    let reply = get("/api/v1/datasets/no-such-dataset/chart.svg").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["error"]["code"], "unknown_dataset");
    let many_notes: String = (0..9).map(|i| format!("&ann=2021:n{i}")).collect();
    get(&export_url("chart.svg", &many_notes)).await.bad_param("ann");
}

#[tokio::test]
async fn exports_carry_an_etag_a_cache_policy_and_a_file_name() {
    let cases = [
        ("chart.svg", "chart=map&preset=slide", "\"svg-", "inline; filename=\"ncmec-cybertipline-by-country-map-slide.svg\""),
        ("chart.png", "chart=bar&scale=2", "\"png-", "inline; filename=\"ncmec-cybertipline-by-country-bar-1200x800@2x.png\""),
        ("chart.csv", "chart=table", "\"csv-", "attachment; filename=\"ncmec-cybertipline-by-country-table.csv\""),
        ("data.csv", "", "\"csv-", "attachment; filename=\"ncmec-cybertipline-by-country-all-data.csv\""),
    ];
    for (file, q, etag_prefix, disposition) in cases {
        let url = export_url(file, q);
        let first = get(&url).await.ok(file);
        let etag = first.header("etag").to_string();
        assert!(etag.starts_with(etag_prefix), "{file}: {etag}");
        assert_eq!(first.header("cache-control"), "public, max-age=60, must-revalidate", "{file}");
        assert_eq!(first.header("content-disposition"), disposition, "{file}");
        let again = get(&url).await.ok(file);
        assert_eq!(again.header("etag"), etag, "{file}: the same request gives the same bytes");
        assert_eq!(again.body, first.body, "{file}");
        let revalidated = get_with(&url, &[("if-none-match", &etag)]).await;
        assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED, "{file}");
        assert!(revalidated.body.is_empty());
    }
    let plain = get(&export_url("chart.svg", "chart=map")).await.header("etag").to_string();
    let technical = get(&export_url("chart.svg", "chart=map&tone=technical")).await.header("etag").to_string();
    assert_ne!(plain, technical, "a different picture has a different tag");
}

/// Reads an export back as a spreadsheet would: a UTF-8 byte order mark,
/// the column names on row 1, the data, an empty row, then the sheet as
/// `# key,value` records as wide as the table. A reader that knows nothing
/// of comments parses the whole file; one that skips `#` records reads the
/// data alone.
fn read_csv(text: &str) -> (Vec<(String, String)>, Vec<csv::StringRecord>) {
    let body = text.strip_prefix('\u{FEFF}').expect("a UTF-8 byte order mark first, for Excel");
    assert!(body.starts_with("geo,geo_name,"), "the column names on row 1");
    // No comment handling, no flexible records: every record as wide as the header.
    let mut plain = csv::ReaderBuilder::new().from_reader(body.as_bytes());
    assert_eq!(plain.headers().expect("column names").iter().collect::<Vec<_>>(), COLUMNS.to_vec());
    let all: Vec<csv::StringRecord> = plain.records().map(|r| r.expect("every record parses")).collect();
    let data_end = all.iter().position(|r| r.iter().all(str::is_empty)).expect("an empty row after the data");
    let header: Vec<(String, String)> = all[data_end + 1..]
        .iter()
        .map(|r| {
            assert!(r[0].starts_with("# "), "after the data, only the sheet: {r:?}");
            (r[0].trim_start_matches("# ").to_string(), r[1].to_string())
        })
        .collect();
    let mut commented = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> =
        commented.records().map(|r| r.expect("a row")).filter(|r| !r.iter().all(str::is_empty)).collect();
    assert_eq!(rows, all[..data_end].to_vec(), "skipping comments leaves the data");
    (header, rows)
}

fn parse_opt(s: &str) -> Option<f64> {
    (!s.is_empty()).then(|| s.parse().expect("a number"))
}

#[tokio::test]
async fn the_chart_csv_reads_back_to_exactly_the_data_shown() {
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    for kind in KINDS {
        for extra in ["", "&tone=technical&lang=fr", "&from=2020&to=2022"] {
            let q = format!("{}{extra}", annotated(kind));
            let reply = get(&export_url("chart.csv", &q)).await.ok(&q);
            assert_eq!(reply.header("content-type"), "text/csv; charset=utf-8; header=present");
            let (state, _) = ChartState::from_query(&q);
            let shown = select(dataset, &state, &data.package.geographies).observations;
            assert!(!shown.is_empty(), "{q}");
            let (header, rows) = read_csv(&reply.text());
            assert_eq!(rows.len(), shown.len(), "{q}");
            for (row, o) in rows.iter().zip(&shown) {
                assert_eq!(&row[0], o.geo.as_str());
                assert_eq!(&row[2], o.series.as_str());
                assert_eq!(row[4].parse::<evidence::Period>().expect("a period"), o.period);
                assert_eq!(row[6].parse::<f64>().expect("a value"), o.value, "{q}: exact value");
                assert_eq!(parse_opt(&row[7]), o.lower);
                assert_eq!(parse_opt(&row[8]), o.upper);
                assert_eq!(&row[10], o.note.as_str());
            }
            let value = |key: &str| header.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect::<Vec<_>>();
            assert_eq!(value("title").len(), 1);
            assert_ne!(value("title"), vec!["Reports from East Africa"], "the title is the dataset's own name");
            let shared = value("shared").join(" ");
            for words in ["Reports from East Africa", "As resolved by NCMEC", "Kenya note here", "A second note"] {
                assert!(shared.contains(words), "{q}: the sharer's words, marked as theirs: {shared}");
            }
            assert_eq!(value("source").len(), dataset.meta.sources.len());
            assert!(value("source").iter().all(|s| s.contains("https://")));
            assert_eq!(value("licence").len(), 1);
            assert_eq!(value("release").len(), 1);
            assert!(value("retrieved")[0].starts_with(PUBLIC_URL), "{:?}", value("retrieved"));
            let caveats = value("caveat").join(" ");
            for caveat in caveat_texts(state.tone, state.lang) {
                assert!(caveats.contains(&caveat), "{q}: CSV lacks caveat {caveat}");
            }
            assert_eq!(value("permalink"), vec![format!("{PUBLIC_URL}/datasets/{DATASET}?{}", state.to_query())]);
        }
    }
}

#[tokio::test]
async fn the_data_csv_is_every_observation_with_its_sources() {
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let (header, rows) = read_csv(&get(&export_url("data.csv", "tone=technical")).await.ok("data.csv").text());
    assert_eq!(rows.len(), dataset.observations.len());
    let mut from_csv: Vec<(String, String, f64)> = rows.iter().map(|r| (r[0].to_string(), r[4].to_string(), r[6].parse().unwrap())).collect();
    let mut expected: Vec<(String, String, f64)> = dataset.observations.iter().map(|o| (o.geo.clone(), o.period.to_string(), o.value)).collect();
    from_csv.sort_by(|a, b| a.partial_cmp(b).unwrap());
    expected.sort_by(|a, b| a.partial_cmp(b).unwrap());
    assert_eq!(from_csv, expected);
    assert!(rows.iter().all(|r| r[12].starts_with("https://")), "every row names its source URL");
    let caveats: Vec<&str> = header.iter().filter(|(k, _)| k == "caveat").map(|(_, v)| v.as_str()).collect();
    assert_eq!(caveats.len(), dataset.meta.caveats.len() + 2, "every caveat, the definition and the population");
    for caveat in caveat_texts(Tone::Technical, Lang::En) {
        assert!(caveats.iter().any(|c| c.ends_with(&caveat)), "{caveat}");
    }
}

#[tokio::test]
async fn a_gap_in_the_chart_is_named_in_every_export() {
    // Heard Island has no figure; the export says so rather than show nothing.
    let q = "chart=bar&geo=KEN,HMD";
    let data = state().data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let (state, _) = ChartState::from_query(q);
    let missing = select(dataset, &state, &data.package.geographies).missing_geos;
    assert_eq!(missing, vec!["HMD"]);
    let name = data.package.geography("HMD").expect("a geography").name.en.clone();
    let svg = svg_text(&get(&export_url("chart.svg", q)).await.ok("svg").text());
    assert!(contains_words(&svg, &format!("No figures for: {name} — shown as a gap, not a zero.")), "{svg}");
    let csv = get(&export_url("chart.csv", q)).await.ok("csv").text();
    assert!(csv.contains(&format!("No figures for: {name}")));
}
