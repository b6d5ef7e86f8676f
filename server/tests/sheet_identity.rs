//! One chart, one sheet: for every dataset, tone and language, the chart
//! page (rendered by the app's own components on the server: what a reader
//! gets before and without JavaScript), the embed, the SVG export and the
//! CSV export carry the same words around the chart — every caveat, the
//! indicator's definition, who is counted, the sources, the data release,
//! and the words a link's sharer added, marked as theirs.
//!
//! The expectations are read from the data package itself (not from the
//! sheet the server builds), so a rendering that leaves out what the data
//! says fails here; then every line of the server's own sheet is looked for
//! too, so no rendering drops a line the others have.

mod exports_common;

use evidence::chart::{Plot, select};
use evidence::model::{Lang, Tone};
use evidence::state::{ChartKind, ChartState};
use exports_common::*;

/// Text as a reader gets it, without any whitespace: renderings wrap lines
/// (and long addresses) at different places.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text of HTML (exports_common::html_text: comments and tags dropped,
/// references decoded) and the addresses links point at (a source is a
/// link on a page, its address written out in a picture or a file).
fn page_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    for part in html.split(" href=\"").skip(1) {
        out.push_str(&decode_entities(part.split('"').next().unwrap_or("")));
        out.push(' ');
    }
    out.push_str(&html_text(html));
    out
}

/// Every cell of a CSV, read by a reader that knows nothing of comments.
fn csv_text(csv: &str) -> String {
    let body = csv.strip_prefix('\u{FEFF}').expect("a byte order mark");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.expect("every record parses").iter().collect::<Vec<_>>().join(" ")).collect::<Vec<_>>().join("\n")
}

const SHARED_TITLE: &str = "A sharer's own headline";

#[tokio::test]
async fn page_embed_svg_and_csv_carry_the_same_sheet_for_every_dataset_tone_and_language() {
    let data = state().data();
    let mut checked = 0;
    let mut missing = Vec::new();
    for dataset in &data.package.datasets {
        let meta = &dataset.meta;
        let id = &meta.id;
        for tone in [Tone::Plain, Tone::Technical] {
            for lang in Lang::ALL {
                let query = format!("v=1&tone={}&lang={}&title=A%20sharer%27s%20own%20headline", tone.code(), lang.code());
                let what = format!("{id}?{query}");

                let page = get(&format!("/datasets/{id}?{query}")).await.ok(&what).text();
                let page = page_text(page_main(&page).unwrap_or_else(|| panic!("{what}: no <main>")));
                // The live page only: the <noscript> picture repeats the
                // sheet and would hide a panel that lacks a line.
                let embed = get(&format!("/embed/datasets/{id}?{query}")).await.ok(&what).text();
                let embed = page_text(embed.split("<noscript>").next().expect("a page"));
                let svg = svg_text(&get(&format!("/api/v1/datasets/{id}/chart.svg?{query}")).await.ok(&what).text());
                let csv = csv_text(&get(&format!("/api/v1/datasets/{id}/chart.csv?{query}")).await.ok(&what).text());
                let renderings = [("page", squash(&page)), ("embed", squash(&embed)), ("svg", squash(&svg)), ("csv", squash(&csv))];

                // What the data package says, read here and not from the sheet.
                let mut expected: Vec<(&str, String)> = vec![
                    ("title", meta.title.get(lang).to_string()),
                    ("definition", meta.indicator.definition.get(tone, lang).to_string()),
                    ("population", meta.coverage.population.get(tone, lang).to_string()),
                    (
                        "release",
                        match lang {
                            Lang::En => format!("Data release {}", data.package.version),
                            Lang::Fr => format!("Édition des données {}", data.package.version),
                        },
                    ),
                    (
                        "shared heading",
                        match lang {
                            Lang::En => "Title and notes added by whoever shared this link".to_string(),
                            Lang::Fr => "Titre et notes ajoutés par la personne qui a partagé ce lien".to_string(),
                        },
                    ),
                    ("shared title", SHARED_TITLE.to_string()),
                ];
                expected.extend(meta.caveats.iter().map(|c| ("caveat", c.text(tone).get(lang).to_string())));
                expected.extend(meta.sources.iter().flat_map(|s| [("source", s.title.clone()), ("source link", s.url.clone())]));

                // And every line of the sheet the server builds.
                let (state, _) = ChartState::from_query(&query);
                let names = evidence_server::export::geo_names(&data, lang);
                let selection = select(dataset, &state, &data.package.geographies);
                let plot = Plot {
                    meta,
                    observations: &selection.observations,
                    geo_names: &names,
                    state: &state,
                    world: (state.chart == ChartKind::Map).then_some(&data.world),
                };
                let sheet = evidence_server::export::sheet(&data, dataset, &plot, Some(&selection), PUBLIC_URL);
                assert_eq!(sheet.title, meta.title.get(lang), "{what}: the heading is the dataset's own name");
                expected.extend(sheet.texts().into_iter().map(|t| ("sheet", t)));

                for (kind, text) in &expected {
                    for (name, rendered) in &renderings {
                        if !rendered.contains(&squash(text)) {
                            missing.push(format!("{what}: the {name} lacks the {kind}: {text}"));
                        }
                    }
                }
                checked += 1;
            }
        }
    }
    // Every gap at once, not the first only.
    assert!(missing.is_empty(), "{} lines missing:\n{}", missing.len(), missing.join("\n"));
    assert!(checked >= 4 * 10, "every dataset, both tones, both languages ({checked})");
}

/// The check can fail: a rendering without the definition is caught.
#[test]
fn a_missing_line_is_noticed() {
    let rendered = squash(&page_text("<li><strong>What is counted:<!></strong> One notice &amp; more.<!-- x --></li>"));
    assert!(rendered.contains(&squash("What is counted: One notice & more.")));
    assert!(!rendered.contains(&squash("Who is counted: Users.")));
    assert_eq!(squash(&csv_text("\u{FEFF}a,b\n\"x, y\",z\n")), "abx,yz");
}
