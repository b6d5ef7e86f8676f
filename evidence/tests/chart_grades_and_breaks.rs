//! The charts draw the series break (no line across it, a marked rule with
//! its label) and show a figure's provenance grade in every chart kind.

use std::collections::HashMap;

use evidence::chart::{self, Plot, Size, select, table};
use evidence::{ChartKind, ChartState, Grade, Lang, Period};

const SIZE: Size = Size::new(720, 420);

fn package() -> evidence::Package {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    evidence::load_dir(&dir).unwrap_or_else(|e| panic!("data/ must validate:\n{e}"))
}

fn render(pkg: &evidence::Package, id: &str, state: &ChartState) -> String {
    let d = pkg.dataset(id).unwrap();
    let sel = select(d, state, &pkg.geographies);
    let names: HashMap<String, String> =
        pkg.geographies.iter().map(|g| (g.code.clone(), g.name.get(state.lang).to_string())).collect();
    let plot = Plot { meta: &d.meta, observations: &sel.observations, geo_names: &names, state, world: None };
    chart::render_plot(&plot, SIZE)
}

fn state(chart: ChartKind) -> ChartState {
    ChartState { chart, ..ChartState::default() }
}

#[test]
fn the_line_chart_does_not_join_2023_to_2024_and_marks_the_break() {
    let pkg = package();
    let svg = render(&pkg, "ncmec-cybertipline-totals", &state(ChartKind::Line));
    // 2019-2023 is one path, 2024-2025 another: nothing joins them.
    assert_eq!(svg.matches(r#"class="series-line""#).count(), 2, "{svg}");
    assert!(svg.contains(r#"class="series-break""#));
    assert!(svg.contains("2024: counted differently"));
    // Viewed on one side of the break only, there is neither rule nor split.
    let mut before = state(ChartKind::Line);
    before.to = Some(2023);
    let svg = render(&pkg, "ncmec-cybertipline-totals", &before);
    assert_eq!(svg.matches(r#"class="series-line""#).count(), 1);
    assert!(!svg.contains("series-break"));
    let mut fr = state(ChartKind::Line);
    fr.lang = Lang::Fr;
    assert!(render(&pkg, "ncmec-cybertipline-totals", &fr).contains("2024 : décompte modifié"));
}

#[test]
fn secondary_and_computed_figures_have_their_own_marks_and_say_so() {
    let pkg = package();
    let svg = render(&pkg, "ncmec-cybertipline-totals", &state(ChartKind::Line));
    assert_eq!(svg.matches(r#"class="point grade-secondary""#).count(), 2);
    assert_eq!(svg.matches(r#"class="point""#).count(), 5, "2019-2023 verbatim, solid");
    assert!(svg.contains("Secondary source (apparebit/diaphanous"), "the tooltip names the secondary source");

    let mut files = state(ChartKind::Line);
    files.series = vec!["Total".into()];
    let svg = render(&pkg, "ncmec-cybertipline-files", &files);
    assert_eq!(svg.matches("grade-computed").count(), 1);
    assert!(svg.contains(r#"stroke-dasharray="3 2""#));
    assert!(svg.contains("Computed by us: Images 28004236 + Videos 33130449 + Other 1858174"));

    let mut bar = state(ChartKind::Bar);
    bar.period = Some(Period::Year(2024));
    let svg = render(&pkg, "ncmec-cybertipline-files", &bar);
    assert!(svg.contains(r#"class="bar grade-secondary""#) && svg.contains(r#"class="bar grade-computed""#), "{svg}");
}

#[test]
fn the_table_shows_the_grade_of_each_row() {
    let pkg = package();
    let d = pkg.dataset("ncmec-cybertipline-totals").unwrap();
    let s = state(ChartKind::Table);
    let sel = select(d, &s, &pkg.geographies);
    let names = HashMap::new();
    let plot = Plot { meta: &d.meta, observations: &sel.observations, geo_names: &names, state: &s, world: None };
    let rows = table::rows(&plot);
    let y2024 = rows.iter().find(|r| r.period == "2024").unwrap();
    assert_eq!(y2024.grade, Grade::Secondary);
    assert!(y2024.grade_text.starts_with("Secondary source"));
    let y2023 = rows.iter().find(|r| r.period == "2023").unwrap();
    assert_eq!(y2023.grade_text, "");
    let svg = chart::render_plot(&plot, SIZE);
    assert!(svg.contains(">Grade<") && svg.contains(">secondary source<"), "{svg}");
}

#[test]
fn a_provider_selection_is_not_drawn_as_a_ranking() {
    let pkg = package();
    let mut s = state(ChartKind::Bar);
    s.period = Some(Period::Year(2025));
    let svg = render(&pkg, "ncmec-cybertipline-by-provider-selected", &s);
    let names: Vec<&str> = svg
        .split(r#"text-anchor="end""#)
        .skip(1)
        .filter_map(|t| Some(&t[t.find('>')? + 1..t.find("</text>")?]))
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert!(names.len() > 3);
    assert_eq!(names, sorted, "alphabetical, not by size");
}

#[test]
fn a_world_sum_of_2024_countries_warns_that_it_is_not_the_total() {
    let pkg = package();
    let d = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let mut s = state(ChartKind::Line);
    s.geo = vec!["002".into()];
    let sel = select(d, &s, &pkg.geographies);
    assert!(sel.notes.iter().any(|n| n.contains("3.2% more than the total")), "{:?}", sel.notes);
    s.to = Some(2023);
    let sel = select(d, &s, &pkg.geographies);
    assert!(!sel.notes.iter().any(|n| n.contains("3.2%")), "{:?}", sel.notes);
}

#[test]
fn the_map_legend_says_the_period_is_after_a_break_and_how_many_figures_are_secondary() {
    let pkg = package();
    let world: evidence::chart::WorldMap =
        serde_json::from_slice(&std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/world-110m.json")).unwrap())
            .unwrap();
    let d = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
    let names: HashMap<String, String> = pkg.geographies.iter().map(|g| (g.code.clone(), g.name.en.clone())).collect();
    for (year, expect_break) in [(2024, true), (2023, false)] {
        let mut s = state(ChartKind::Map);
        s.period = Some(Period::Year(year));
        let sel = select(d, &s, &pkg.geographies);
        let plot = Plot { meta: &d.meta, observations: &sel.observations, geo_names: &names, state: &s, world: Some(&world) };
        let svg = chart::render_plot(&plot, Size::new(900, 560));
        assert_eq!(svg.contains("2024: counted differently \u{2014} not comparable with earlier years"), expect_break, "{year}");
        assert_eq!(svg.contains("figures from a secondary source"), expect_break, "{year}");
        assert_eq!(svg.contains("country grade-secondary"), expect_break, "{year}");
    }
}

#[test]
fn the_table_rules_off_the_rows_counted_the_new_way() {
    let pkg = package();
    let svg = render(&pkg, "ncmec-cybertipline-totals", &state(ChartKind::Table));
    assert_eq!(svg.matches(r#"class="series-break""#).count(), 1, "{svg}");
    let mut before = state(ChartKind::Table);
    before.to = Some(2023);
    assert!(!render(&pkg, "ncmec-cybertipline-totals", &before).contains("series-break"));
}

#[test]
fn line_and_bar_charts_carry_a_key_to_their_hollow_marks_only_when_they_have_some() {
    let pkg = package();
    let svg = render(&pkg, "ncmec-cybertipline-totals", &state(ChartKind::Line));
    assert!(svg.contains(r#"class="grade-key""#) && svg.contains("secondary source (not yet checked against the publisher)"));
    assert!(!svg.contains("computed by us"));
    let mut before = state(ChartKind::Line);
    before.to = Some(2023);
    assert!(!render(&pkg, "ncmec-cybertipline-totals", &before).contains("grade-key"));
    let mut bar = state(ChartKind::Bar);
    bar.period = Some(Period::Year(2024));
    bar.lang = Lang::Fr;
    let svg = render(&pkg, "ncmec-cybertipline-files", &bar);
    assert!(svg.contains("source secondaire") && svg.contains("calculé par nous"), "{svg}");
}
