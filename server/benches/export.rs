//! How long an export takes to draw, per chart kind: the SVG (select,
//! frame, render_framed) and the PNG (the same SVG, parsed and drawn by
//! resvg with the embedded fonts, then PNG-encoded with its text chunks),
//! at the report preset (1200×800) with a title, two notes and every
//! caveat of the dataset, on the real data package and world map. The goal
//! (issue 7) is a PNG well under 100 ms.
//!
//! Run: `cargo bench -p evidence-server --bench export`
//! (bench/run passes shorter warm-up and measurement times).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use evidence::ChartState;
use evidence_server::Config;
use evidence_server::export::{self, Preset, Sizing, size::MAX_PNG_PIXELS};

const DATASET: &str = "ncmec-cybertipline-by-country";

fn query(kind: &str) -> String {
    let geo = if matches!(kind, "line" | "table") { "&geo=IND,PHL,BGD,IDN,PAK" } else { "&period=2022" };
    format!(
        "v=1&chart={kind}{geo}&title=Reports%20to%20NCMEC%20by%20country&subtitle=As%20resolved%20by%20NCMEC\
         &ann=IND@2022:Most%20reports&ann=2021:A%20second%20note&hl=2020-2021"
    )
}

fn bench(c: &mut Criterion) {
    let state = evidence_server::embedded_state(Config::default());
    let data = state.data();
    let dataset = data.package.dataset(DATASET).expect("dataset");
    let public_url = "https://evidence.example.org";
    for preset in [Preset::Report] {
        let sizing = Sizing { size: preset.size(), scale: 1, preset: Some(preset) };
        for kind in ["line", "bar", "map", "table"] {
            let (chart_state, warnings) = ChartState::from_query(&query(kind));
            assert!(warnings.is_empty(), "{warnings:?}");
            c.bench_function(&format!("export_svg_{kind}_{}", preset.code()), |b| {
                b.iter(|| black_box(export::chart(&data, dataset, &chart_state, Some(sizing), public_url).svg.len()))
            });
            c.bench_function(&format!("export_png_{kind}_{}", preset.code()), |b| {
                b.iter(|| {
                    let chart = export::chart(&data, dataset, &chart_state, Some(sizing), public_url);
                    black_box(export::png::render(&chart.svg, 1, &chart.frame, MAX_PNG_PIXELS).expect("draws").len())
                })
            });
        }
    }
    // The rasteriser alone and the encoder alone, for the map (the largest
    // picture), to see where a PNG's time goes.
    let (map_state, _) = ChartState::from_query(&query("map"));
    let sizing = Sizing { size: Preset::Report.size(), scale: 1, preset: Some(Preset::Report) };
    let map = export::chart(&data, dataset, &map_state, Some(sizing), public_url);
    c.bench_function("export_png_map_report_parse_only", |b| {
        b.iter(|| black_box(export::png::parse(&map.svg).expect("parses").size().width()))
    });
    c.bench_function("export_png_map_report_rasterise_only", |b| {
        b.iter(|| black_box(export::png::rasterise(&map.svg, 1, MAX_PNG_PIXELS).expect("draws").width()))
    });
    c.bench_function("export_csv_map", |b| b.iter(|| black_box(export::chart_csv(&data, dataset, &map_state, public_url).len())));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
