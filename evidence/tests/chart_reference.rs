//! Reference pictures: every chart kind, alone and framed, rendered from
//! fixed fixtures at a fixed size and compared with the SVG committed under
//! `tests/reference/`. A change to a picture is reviewed as a change of
//! these files (OWID grapher style).
//!
//! To accept intended changes:
//!     UPDATE_REFERENCE=1 cargo test -p evidence --test chart_reference
//! and review `git diff evidence/tests/reference/`.
//!
//! Text is measured with the embedded font, so the pictures only hold with
//! the `fonts` feature (the default).
#![cfg(feature = "fonts")]

mod chart_fixtures;

use std::path::PathBuf;

use chart_fixtures::{Fixture, note, state};
use evidence::chart::Size;
use evidence::{ChartKind, Lang, Period};

const PLOT: Size = Size::new(640, 360);
const FRAMED: Size = Size::new(720, 720);

/// One element per line, so that a change reads as a small text diff. The
/// line breaks fall between elements only, where SVG ignores whitespace.
fn normalise(svg: &str) -> String {
    let mut out = svg.replace("><", ">\n<");
    out.push('\n');
    out
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn actual_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("..").join("target"))
        .join("reference-actual")
}

fn check(name: &str, svg: &str) {
    let actual = normalise(svg);
    let reference = manifest_dir().join("tests").join("reference").join(format!("{name}.svg"));
    if std::env::var("UPDATE_REFERENCE").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(reference.parent().expect("has a parent")).expect("reference dir");
        std::fs::write(&reference, &actual).expect("reference written");
        return;
    }
    let expected = std::fs::read_to_string(&reference).unwrap_or_default();
    if expected == actual {
        return;
    }
    let dir = actual_dir();
    std::fs::create_dir_all(&dir).expect("actual dir");
    let actual_path = dir.join(format!("{name}.svg"));
    std::fs::write(&actual_path, &actual).expect("actual written");
    let first_difference = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .map_or_else(|| "in length".to_string(), |i| format!("at line {}", i + 1));
    panic!(
        "{name}: the picture changed ({first_difference}).\n  reference: {}\n  actual:    {}\n\
         Review: `diff -u` the two files, or open both in a browser (or `rsvg-convert -o x.png`).\n\
         If the change is intended: UPDATE_REFERENCE=1 cargo test -p evidence --test chart_reference, \
         then commit the changed files under evidence/tests/reference/.",
        reference.display(),
        actual_path.display()
    );
}

#[test]
fn line_of_report_counts() {
    let mut s = state(ChartKind::Line);
    s.geo = vec!["KEN".into(), "UGA".into(), "ETH".into()];
    s.highlight = Some((2020, 2021));
    s.notes.push(note(Some("KEN"), 2020, "Lockdowns"));
    check("line-reports", &Fixture::reports().render(&s, PLOT));
}

#[test]
fn line_of_survey_series_with_intervals_in_french() {
    let mut s = state(ChartKind::Line);
    s.geo = vec!["KEN".into()];
    s.lang = Lang::Fr;
    check("line-survey-fr", &Fixture::survey().render(&s, PLOT));
}

#[test]
fn bar_of_report_counts() {
    let mut s = state(ChartKind::Bar);
    s.notes.push(note(Some("KEN"), 2023, "New reporting law"));
    check("bar-reports", &Fixture::reports().render(&s, PLOT));
}

#[test]
fn bar_of_survey_percentages_with_whiskers() {
    let mut s = state(ChartKind::Bar);
    s.series = vec!["exploitation".into()];
    s.period = Some(Period::Year(2021));
    check("bar-survey", &Fixture::survey().render(&s, PLOT));
}

#[test]
fn map_of_report_counts() {
    let s = state(ChartKind::Map);
    check("map-reports", &Fixture::reports().render(&s, PLOT));
}

#[test]
fn map_of_survey_percentages_in_french() {
    let mut s = state(ChartKind::Map);
    s.lang = Lang::Fr;
    s.period = Some(Period::Year(2021));
    check("map-survey-fr", &Fixture::survey().render(&s, PLOT));
}

#[test]
fn table_of_survey_figures() {
    let s = state(ChartKind::Table);
    check("table-survey", &Fixture::survey().render(&s, PLOT));
}

#[test]
fn framed_line() {
    let mut s = state(ChartKind::Line);
    s.geo = vec!["KEN".into(), "UGA".into(), "ETH".into()];
    s.notes.push(note(Some("UGA"), 2022, "Hotline opened"));
    check("framed-line", &Fixture::reports().render_framed(&s, FRAMED));
}

#[test]
fn framed_bar() {
    let mut s = state(ChartKind::Bar);
    s.title = Some("Most reports carry no country".into());
    check("framed-bar", &Fixture::reports().render_framed(&s, FRAMED));
}

#[test]
fn framed_map() {
    let s = state(ChartKind::Map);
    check("framed-map", &Fixture::reports().render_framed(&s, FRAMED));
}

#[test]
fn framed_table_technical() {
    let mut s = state(ChartKind::Table);
    s.tone = evidence::Tone::Technical;
    check("framed-table", &Fixture::survey().render_framed(&s, FRAMED));
}
