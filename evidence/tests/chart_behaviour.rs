//! What the charts must do whatever they look like: name what they show,
//! keep gaps and odd rows visible, escape user text, speak French properly.

mod chart_fixtures;

use chart_fixtures::{Fixture, note, state, xml_problem};
use evidence::chart::map::WorldMap;
use evidence::chart::{self, Plot, Size, table};
use evidence::{ChartKind, ChartState, Lang, Period};

const SIZE: Size = Size::new(640, 360);
const FRAMED: Size = Size::new(720, 720);

fn all_kinds() -> [ChartKind; 4] {
    ChartKind::ALL
}

/// The trimmed content of every `<text>` element.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim())
        })
        .collect()
}

#[test]
fn every_chart_is_well_formed_svg() {
    for fixture in [Fixture::reports(), Fixture::survey()] {
        for kind in all_kinds() {
            for lang in Lang::ALL {
                let mut s = state(kind);
                s.lang = lang;
                s.notes.push(note(Some("KEN"), 2023, "A note & more"));
                for svg in [fixture.render(&s, SIZE), fixture.render_framed(&s, FRAMED)] {
                    assert!(svg.starts_with("<svg"), "{kind:?} {lang:?}");
                    if let Some(problem) = xml_problem(&svg) {
                        panic!("{} {kind:?} {lang:?}: {problem}", fixture.dataset.meta.id);
                    }
                }
            }
        }
    }
}

#[test]
fn charts_name_the_title_the_unit_and_every_place() {
    let fixture = Fixture::reports();
    for kind in all_kinds() {
        let mut s = state(kind);
        s.geo = vec!["KEN".into(), "UGA".into(), "ETH".into()];
        let svg = fixture.render(&s, SIZE);
        assert!(svg.contains(r#"aria-label="Reports by country (synthetic)""#), "{kind:?}: title");
        assert!(svg.contains("reports"), "{kind:?}: unit");
        for name in ["Kenya", "Uganda", "Ethiopia"] {
            assert!(svg.contains(name), "{kind:?}: {name} missing");
        }
    }
}

#[test]
fn line_and_bar_charts_show_the_unit_as_an_axis_title() {
    let fixture = Fixture::survey();
    for kind in [ChartKind::Line, ChartKind::Bar] {
        let svg = fixture.render(&state(kind), SIZE);
        assert!(texts(&svg).contains(&"% of internet-using children"), "{kind:?}");
    }
}

#[test]
fn map_hatches_countries_without_figures_outside_the_scale() {
    let svg = Fixture::reports().render(&state(ChartKind::Map), SIZE);
    let tanzania = svg.split("<path ").find(|p| p.contains("<title>Tanzania")).expect("Tanzania is drawn");
    assert!(tanzania.contains(r#"fill="url(#nodata-synthetic-reports-map)""#), "{tanzania}");
    assert!(tanzania.contains("Tanzania: no data"));
    assert!(!tanzania.contains("tabindex"), "no-data shapes are not tab stops");
    assert!(svg.contains(r#"<pattern id="nodata-synthetic-reports-map""#));
    assert!(svg.contains(r#"fill="url(#nodata-synthetic-reports)""#), "legend swatch uses the hatch");
    assert!(svg.contains(">No data</text>"));
}

#[test]
fn map_marks_are_focusable_with_the_exact_figure() {
    let svg = Fixture::reports().render(&state(ChartKind::Map), SIZE);
    let kenya = svg.split("<path ").find(|p| p.contains(r#"aria-label="Kenya"#)).expect("Kenya is drawn");
    assert!(kenya.contains(r#"tabindex="0""#));
    assert!(kenya.contains(r#"role="img""#));
    assert!(kenya.contains("Kenya, 2023: 46,030 reports"), "{kenya}");
    assert!(kenya.contains(r#"fill-rule="evenodd""#));
}

#[test]
fn map_lists_figures_it_cannot_draw() {
    let svg = Fixture::reports().render(&state(ChartKind::Map), SIZE);
    assert!(svg.contains("Not drawn at this scale: No country listed 1,851,762; Ethiopia 5,120; Singapore 124; Malta 45"), "{svg}");
}

#[test]
fn map_list_of_undrawn_places_is_capped() {
    let mut fixture = Fixture::reports();
    let template = fixture.dataset.observations[0].clone();
    for (i, code) in ["AND", "ATG", "BRB", "COM", "CPV", "DMA", "FSM", "GRD", "KNA", "LIE"].iter().enumerate() {
        let mut o = template.clone();
        o.geo = code.to_string();
        o.period = Period::Year(2023);
        o.value = 10.0 + i as f64;
        fixture.dataset.observations.push(o);
    }
    let svg = fixture.render(&state(ChartKind::Map), SIZE);
    // 4 + 10 places without a shape; 8 are named.
    assert!(svg.contains("+6 more"), "{svg}");
}

#[test]
fn map_leaves_regions_off_the_map_and_off_the_list() {
    let mut s = state(ChartKind::Map);
    s.geo = vec!["KEN".into(), "UGA".into(), "SGP".into(), "002".into()];
    let svg = Fixture::reports().render(&s, SIZE);
    let listed: Vec<&str> = texts(&svg).into_iter().filter(|t| t.starts_with("Not drawn")).collect();
    assert_eq!(listed, vec!["Not drawn at this scale: Singapore 124"]);
    assert!(!svg.contains("aria-label=\"Africa"), "regions are sums, not places on the map");
    let tanzania = svg.split("<path ").find(|p| p.contains("<title>Tanzania")).expect("drawn");
    assert!(tanzania.contains("not-selected"), "unselected is not 'no data'");
    assert!(svg.contains(">Not selected</text>"));
}

#[test]
fn map_in_french() {
    let mut s = state(ChartKind::Map);
    s.lang = Lang::Fr;
    let svg = Fixture::reports().render(&s, SIZE);
    assert!(svg.contains(">Pas de données</text>"));
    assert!(svg.contains("Non représentés à cette échelle"));
    assert!(svg.contains("Aucun pays indiqué 1\u{202f}851\u{202f}762"));
}

#[test]
fn map_without_geometry_says_so() {
    let fixture = Fixture::reports();
    let s = state(ChartKind::Map);
    let selection = chart::select(&fixture.dataset, &s, &fixture.geos);
    let names = fixture.names(Lang::En);
    let plot = Plot { meta: &fixture.dataset.meta, observations: &selection.observations, geo_names: &names, state: &s, world: None };
    let svg = chart::render_plot(&plot, SIZE);
    assert!(svg.contains("world map could not be loaded"), "{svg}");
}

#[test]
fn real_world_geometry_loads_and_draws_every_country() {
    let json = include_str!("../../assets/world-110m.json");
    let world: WorldMap = serde_json::from_str(json).expect("world geometry parses");
    let fixture = Fixture::reports();
    let s = state(ChartKind::Map);
    let selection = chart::select(&fixture.dataset, &s, &fixture.geos);
    let names = fixture.names(Lang::En);
    let plot = Plot { meta: &fixture.dataset.meta, observations: &selection.observations, geo_names: &names, state: &s, world: Some(&world) };
    let svg = chart::render_plot(&plot, Size::new(960, 560));
    assert_eq!(svg.matches("<path class=\"country").count(), world.features.len());
    assert!(svg.contains("Kenya, 2023: 46,030 reports"));
    assert!(svg.contains("Not drawn at this scale: No country listed 1,851,762; Singapore 124; Malta 45"), "Ethiopia has a shape here");
    assert!(xml_problem(&svg).is_none(), "{:?}", xml_problem(&svg));
}

#[test]
fn bar_chart_keeps_no_country_listed() {
    let svg = Fixture::reports().render(&state(ChartKind::Bar), SIZE);
    let bar = svg.split("<rect ").find(|r| r.starts_with(r#"class="bar""#) && r.contains("No country listed, 2023")).expect("ZZZ bar drawn");
    assert!(bar.contains(r#"fill="url(#unlisted-synthetic-reports)""#), "hatched, not the bar colour");
    assert!(svg.contains(">No country listed</text>"));
}

#[test]
fn bar_chart_keeps_no_country_listed_when_space_runs_out() {
    let mut fixture = Fixture::reports();
    for o in fixture.dataset.observations.iter_mut().filter(|o| o.geo == "ZZZ") {
        o.value = 10.0; // the smallest bar, first to be cut
    }
    let svg = fixture.render(&state(ChartKind::Bar), Size::new(640, 100));
    assert_eq!(svg.matches(r#"<rect class="bar""#).count(), 2);
    assert!(svg.contains("Kenya, 2023"));
    assert!(svg.contains("No country listed, 2023"));
    assert!(svg.contains("+4 more in the table"), "{svg}");
}

#[test]
fn bar_chart_says_how_many_bars_are_in_the_table_in_french() {
    let mut s = state(ChartKind::Bar);
    s.lang = Lang::Fr;
    let svg = Fixture::reports().render(&s, Size::new(640, 100));
    assert!(svg.contains("+4 de plus dans le tableau"), "{svg}");
}

#[test]
fn bar_chart_ranks_largest_first_and_draws_whiskers() {
    let mut s = state(ChartKind::Bar);
    s.series = vec!["exploitation".into()];
    s.period = Some(Period::Year(2021));
    let svg = Fixture::survey().render(&s, SIZE);
    let order: Vec<usize> = ["Uganda", "Ethiopia", "Kenya", "Tanzania"]
        .iter()
        .map(|n| svg.find(&format!(r#"aria-label="{n}, 2021"#)).expect(n))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(texts(&svg).contains(&"Online sexual exploitation"), "the shared series is named once");
    assert_eq!(svg.matches(r#"class="whisker""#).count(), 4);
    assert!(svg.contains("Uganda, 2021: 13 % of internet-using children (11.1\u{2013}15)"));
}

#[test]
fn bar_chart_of_one_place_compares_series() {
    let mut s = state(ChartKind::Bar);
    s.geo = vec!["KEN".into()];
    let svg = Fixture::survey().render(&s, SIZE);
    assert!(svg.contains(">Unwanted sexual requests</text>"));
    assert!(svg.contains(">Online sexual exploitation</text>"));
}

#[test]
fn bar_chart_marks_noted_places() {
    let mut s = state(ChartKind::Bar);
    s.notes.push(note(Some("UGA"), 2023, "Hotline opened"));
    let svg = Fixture::reports().render(&s, SIZE);
    assert!(svg.contains(r#"<g class="note">"#));
    assert!(svg.contains(">Hotline opened</text>"));
}

fn hostile_state(kind: ChartKind) -> ChartState {
    let mut s = state(kind);
    s.title = Some("<script>alert(1)</script>".into());
    s.subtitle = Some("\"onload=alert(1) x=\"".into());
    s.notes.push(note(Some("KEN"), 2023, "<script>alert(2)</script>\"onload=alert(3)"));
    s.notes.push(note(None, 2022, "</text><script>alert(4)</script>"));
    s
}

#[test]
fn user_text_is_escaped_in_every_chart_kind_and_frame() {
    let mut fixture = Fixture::reports();
    // Data text is escaped too: notes and names come from files.
    fixture.dataset.observations[0].note = "<script>alert(5)</script>\"onload=".into();
    fixture.geos.iter_mut().filter(|g| g.code == "UGA").for_each(|g| g.name.en = "<script>U</script>\"onload=".into());
    for kind in all_kinds() {
        let s = hostile_state(kind);
        for svg in [fixture.render(&s, SIZE), fixture.render_framed(&s, FRAMED)] {
            assert!(!svg.to_lowercase().contains("<script"), "{kind:?}: {svg}");
            assert!(!svg.contains("\"onload="), "{kind:?}");
            assert!(svg.contains("&lt;script&gt;"), "{kind:?}: the text is shown, escaped");
            assert_eq!(xml_problem(&svg), None, "{kind:?}");
        }
    }
}

#[test]
fn french_numbers_use_a_narrow_no_break_space() {
    for kind in [ChartKind::Bar, ChartKind::Table, ChartKind::Map] {
        let mut s = state(kind);
        s.lang = Lang::Fr;
        let svg = Fixture::reports().render(&s, SIZE);
        assert!(svg.contains("46\u{202f}030"), "{kind:?}");
        assert!(!svg.contains("46,030"), "{kind:?}");
    }
    let mut s = state(ChartKind::Table);
    s.lang = Lang::Fr;
    let svg = Fixture::survey().render(&s, SIZE);
    assert!(svg.contains(">14,2<"), "decimal comma");
}

#[test]
fn describe_mentions_the_range() {
    let fixture = Fixture::reports();
    let mut s = state(ChartKind::Line);
    s.geo = vec!["KEN".into(), "SGP".into()];
    let text = fixture.with_plot(&s, chart::describe);
    assert!(text.contains("2019\u{2013}2023"), "{text}");
    assert!(text.contains("from 100 reports (Singapore, 2019)"), "{text}");
    assert!(text.contains("to 46,030 reports (Kenya, 2023)"), "{text}");
    let svg = fixture.render(&s, SIZE);
    assert!(svg.contains(&format!("<desc>{}</desc>", evidence::chart::escape_xml(&text))));
}

#[test]
fn table_rows_put_the_latest_period_first_and_largest_first() {
    let fixture = Fixture::survey();
    let rows = fixture.with_plot(&state(ChartKind::Table), table::rows);
    let keys: Vec<(String, String)> = rows.iter().map(|r| (r.period.clone(), r.label.clone())).collect();
    assert_eq!(keys[0], ("2023".into(), "Kenya \u{2014} Unwanted sexual requests".into()));
    assert_eq!(keys[1], ("2023".into(), "Uganda \u{2014} Online sexual exploitation".into()));
    assert!(rows[..3].iter().all(|r| r.period == "2023"));
    assert!(rows[3..].iter().all(|r| r.period == "2021"));
    assert!(rows[3..].windows(2).all(|w| w[0].value >= w[1].value));
    let uganda = &rows[1];
    assert_eq!(uganda.value_text, "14.2");
    assert_eq!(uganda.interval_text.as_deref(), Some("12\u{2013}16.5"));
    assert_eq!(uganda.note, "Fieldwork during school holidays");
    assert_eq!(uganda.source, "Household survey (synthetic)");
    assert_eq!(uganda.geo, "UGA");
}

#[test]
fn table_svg_follows_the_rows_and_counts_what_did_not_fit() {
    let fixture = Fixture::reports();
    let s = state(ChartKind::Table);
    let rows = fixture.with_plot(&s, table::rows);
    let svg = fixture.render(&s, Size::new(640, 120));
    // 26 px header, 20 px rows: 4 fit, so 3 rows and the count line.
    assert_eq!(svg.matches(r#"<g class="row">"#).count(), 3);
    assert!(svg.contains(&format!("+{} more rows in the CSV", rows.len() - 3)), "{svg}");
    let first = svg.find(">No country listed</text>").expect("first row");
    let second = svg.find(">Kenya</text>").expect("second row");
    assert!(first < second);
}

#[test]
fn table_cuts_long_notes_with_an_ellipsis() {
    let mut fixture = Fixture::survey();
    fixture.dataset.observations[5].note = "A very long note that goes on and on about fieldwork, sampling and weights ".repeat(3);
    let svg = fixture.render(&state(ChartKind::Table), SIZE);
    assert!(svg.contains("\u{2026}</text>"));
}

#[test]
fn empty_selection_is_stated_not_drawn_as_zero() {
    let mut s = state(ChartKind::Bar);
    s.geo = vec!["TZA".into()];
    for kind in all_kinds() {
        s.chart = kind;
        let svg = Fixture::reports().render(&s, SIZE);
        assert!(svg.contains("No figures for this selection"), "{kind:?}");
    }
}

#[test]
fn a_byline_names_the_years_the_figures_span() {
    let mut reports = Fixture::reports().dataset;
    assert_eq!(reports.years_label(), "2019–2023");
    // One period: its own label; none: nothing.
    let first = reports.periods()[0];
    reports.observations.retain(|o| o.period == first);
    assert_eq!(reports.years_label(), first.label());
    reports.observations.clear();
    assert_eq!(reports.years_label(), "");
}
