//! Issue 13, items 9 and 10, over HTTP: a link that asks for a chart kind
//! that does not apply to its dataset (a map of world totals, a line of one
//! period) gets the same fallback and the same note in the SVG, PNG and
//! CSV exports, the embed and the chart page (rendered by the app's own
//! components on the server); a map export names the period it shows.

mod exports_common;

use exports_common::*;

const TOTALS: &str = "ncmec-cybertipline-totals";
const NOTE_EN: &str = "A map is not available for this dataset: it has no figures by country. Shown as a line chart.";
const NOTE_FR: &str =
    "Une carte n'est pas disponible pour ce jeu de données : il ne donne aucun chiffre par pays. Présenté en graphique en courbes.";

/// XML text as a reader gets it back (the exports escape quotes).
fn unescape(s: &str) -> String {
    s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The text of an SVG or HTML document, unescaped, whitespace folded (the
/// frame wraps long lines).
fn words(doc: &str) -> String {
    let text: Vec<&str> = doc.split('>').filter_map(|p| p.split('<').next()).collect();
    unescape(&text.join(" ")).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn years_of_totals() -> usize {
    let data = state().data();
    data.package.dataset(TOTALS).expect("dataset").periods().len()
}

#[tokio::test]
async fn a_map_of_world_totals_is_exported_as_a_line_with_the_reason() {
    for (lang, note) in [("en", NOTE_EN), ("fr", NOTE_FR)] {
        let svg = get(&format!("/api/v1/datasets/{TOTALS}/chart.svg?v=1&chart=map&lang={lang}")).await.ok(lang).text();
        assert!(words(&svg).contains(note), "{lang}: the SVG says why");
        assert!(svg.contains(r#"<path class="series-line""#), "{lang}: drawn as a line");
        assert!(!svg.contains("No data") && !svg.contains("Pas de données"), "{lang}: no country drawn as a gap");
        let points = svg.matches(r#"<circle class="point"#).count();
        assert_eq!(points, years_of_totals(), "{lang}: every year is a point of the line");
    }
    let png = get(&format!("/api/v1/datasets/{TOTALS}/chart.png?v=1&chart=map")).await.ok("png");
    assert_eq!(png.header("content-type"), "image/png");

    let csv = get(&format!("/api/v1/datasets/{TOTALS}/chart.csv?v=1&chart=map")).await.ok("csv").text();
    assert!(csv.contains(NOTE_EN), "the CSV carries the note:\n{csv}");
    let rows = csv.lines().filter(|l| l.starts_with("001,")).count();
    assert_eq!(rows, years_of_totals(), "the CSV has the line's figures, every year:\n{csv}");
}

#[tokio::test]
async fn the_embed_and_the_page_fall_back_the_same_way() {
    let embed = get(&format!("/embed/datasets/{TOTALS}?v=1&chart=map")).await.ok("embed").text();
    assert!(words(&embed).contains(NOTE_EN), "the embed says why");
    assert!(embed.contains(r#"class="chart chart-line""#));
    assert!(!embed.contains("chart chart-map"));

    // The chart page as the server sends it: its chart figure, in the
    // HTML the app's components render on the server.
    for (lang, note) in [("en", NOTE_EN), ("fr", NOTE_FR)] {
        let page = get(&format!("/datasets/{TOTALS}?v=1&chart=map&lang={lang}")).await.ok(lang).text();
        let chart = by_testid(page_main(&page).expect("a <main>"), "chart").expect("a chart");
        assert!(contains_words(&html_text(chart), note), "{lang}: the page says why, with the chart: {}", html_text(chart));
        assert!(chart.contains(r#"class="chart chart-line""#), "{lang}: drawn as a line");
        assert!(!chart.contains("chart chart-map"), "{lang}");
    }
}

#[tokio::test]
async fn a_line_of_one_period_is_exported_as_bars() {
    let id = "dh-tf-csea-prevalence";
    let svg = get(&format!("/api/v1/datasets/{id}/chart.svg?v=1&chart=line")).await.ok("svg").text();
    assert!(svg.contains(r#"<rect class="bar"#), "drawn as bars");
    assert!(!svg.contains("series-line"));
    assert!(
        words(&svg).contains("A line chart is not available for these figures: they are for one period only (2020–2021). Shown as a bar chart."),
        "{}",
        words(&svg)
    );
}

#[tokio::test]
async fn a_map_export_names_the_period_it_shows() {
    for (query, period) in [("chart=map&period=2022", "Figures for 2022"), ("chart=map&period=2023&lang=fr", "Chiffres de 2023")] {
        let svg = get(&export_url("chart.svg", &format!("v=1&{query}"))).await.ok(query).text();
        assert!(svg.contains(&format!(">{period}</text>")), "{query}");
    }
    // Without a period: the latest, named.
    let latest = state().data().package.dataset(DATASET).expect("dataset").periods().into_iter().max().expect("periods");
    let svg = get(&export_url("chart.svg", "v=1&chart=map")).await.ok("latest").text();
    assert!(svg.contains(&format!(">Figures for {}</text>", latest.label())));
}
