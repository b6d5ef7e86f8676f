//! How long a chart takes to redraw when a control changes, natively, on the
//! real data package and the real world map (issue 9, "Re-render").
//!
//! Each benchmark is what the page does on a state change: `select` the
//! observations for the new state, then `render_plot` at the page's size
//! (760 × 440, as in app/src/components/chart_view.rs). The figures that
//! matter are `map_period_switch` (all ~240 countries of the NCMEC by-country
//! dataset) against a 16 ms frame. bench/run reads the medians from
//! criterion's estimates.json.
//!
//! Run: `cargo bench -p evidence --bench render` (bench/run passes shorter
//! warm-up and measurement times).

use std::collections::HashMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use evidence::chart::{Frame, Plot, Size, WorldMap, render_framed, render_plot, select};
use evidence::{ChartState, Lang, Package};

const DATASET: &str = "ncmec-cybertipline-by-country";
/// The page's chart size (app/src/components/chart_view.rs).
const PAGE: Size = Size::new(760, 440);

struct Fixture {
    package: Package,
    world: WorldMap,
    world_json: String,
}

fn fixture() -> Fixture {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let package = evidence::load_dir(&root.join("data")).expect("data/ is a valid package");
    let world_json = std::fs::read_to_string(root.join("assets/world-110m.json")).expect("assets/world-110m.json");
    let world: WorldMap = serde_json::from_str(&world_json).expect("world map parses");
    Fixture { package, world, world_json }
}

fn names(package: &Package, lang: Lang) -> HashMap<String, String> {
    package.geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect()
}

/// What the page does on a state change: select, then draw.
fn redraw(fx: &Fixture, names: &HashMap<String, String>, state: &ChartState) -> String {
    let dataset = fx.package.dataset(DATASET).expect("dataset exists");
    let selection = select(dataset, state, &fx.package.geographies);
    let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: names, state, world: Some(&fx.world) };
    render_plot(&plot, PAGE)
}

fn state(query: &str) -> ChartState {
    let (s, warnings) = ChartState::from_query(query);
    assert!(warnings.is_empty(), "{query}: {warnings:?}");
    s
}

fn benches(c: &mut Criterion) {
    let fx = fixture();
    let en = names(&fx.package, Lang::En);
    let dataset = fx.package.dataset(DATASET).expect("dataset exists");
    let periods: Vec<String> = dataset.periods().iter().map(|p| p.to_string()).collect();
    assert!(periods.len() >= 2, "the map benchmark switches between periods");

    // Sanity: the map really draws every country with a figure.
    let map_2023 = state(&format!("v=1&chart=map&period={}", periods[periods.len() - 1]));
    let svg = redraw(&fx, &en, &map_2023);
    let filled = svg.matches("<path").count();
    assert!(filled >= 150, "expected a path per country, found {filled}");

    let map_states: Vec<ChartState> = periods.iter().map(|p| state(&format!("v=1&chart=map&period={p}"))).collect();
    let mut i = 0;
    c.bench_function("map_period_switch", |b| {
        b.iter(|| {
            i = (i + 1) % map_states.len();
            black_box(redraw(&fx, &en, &map_states[i]))
        })
    });

    let bar_states: Vec<ChartState> = periods.iter().map(|p| state(&format!("v=1&chart=bar&period={p}"))).collect();
    let mut j = 0;
    c.bench_function("bar_period_switch", |b| {
        b.iter(|| {
            j = (j + 1) % bar_states.len();
            black_box(redraw(&fx, &en, &bar_states[j]))
        })
    });

    let line = state("v=1&chart=line&geo=KEN,UGA,TZA,ETH,NGA");
    c.bench_function("line_5_countries", |b| b.iter(|| black_box(redraw(&fx, &en, &line))));

    let table = state("v=1&chart=table");
    c.bench_function("table_all_rows", |b| b.iter(|| black_box(redraw(&fx, &en, &table))));

    c.bench_function("select_only_map", |b| {
        b.iter(|| black_box(select(dataset, &map_2023, &fx.package.geographies)))
    });

    // Framed (exports, no-JS embeds): the map with a title and notes.
    let framed = state("v=1&chart=map&title=Reports%20by%20country&ann=KEN@2023:Peak&ann=2021:New%20law");
    let selection = select(dataset, &framed, &fx.package.geographies);
    c.bench_function("framed_map_export_svg", |b| {
        b.iter(|| {
            let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &en, state: &framed, world: Some(&fx.world) };
            let frame = Frame::for_plot(&plot, "https://evidence.example/datasets/x?v=1");
            black_box(render_framed(&plot, Size::new(1200, 900), &frame))
        })
    });

    // What the app pays once per page view before the first map.
    c.bench_function("world_map_parse", |b| b.iter(|| black_box(serde_json::from_str::<WorldMap>(&fx.world_json).unwrap())));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    c.bench_function("package_load_dir", |b| b.iter(|| black_box(evidence::load_dir(&root).unwrap())));
}

criterion_group!(render, benches);
criterion_main!(render);
