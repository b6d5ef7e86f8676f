//! Reference pictures of the exports: every chart kind at every preset, as
//! SVG (compared as text, one element per line) and as PNG (compared pixel
//! by pixel with a small tolerance, since rasterisation may differ in the
//! last bit between CPUs). Both come through the HTTP routes, so they cover
//! the whole path: query, select, frame, render, rasterise.
//!
//! To accept intended changes (a chart kind or the frame changed):
//!     UPDATE_REFERENCE=1 cargo test -p evidence-server --test exports_reference
//! and review `git diff server/tests/reference/` (open the PNGs).

mod exports_common;

use std::path::PathBuf;

use exports_common::{export_url, get};
use resvg::tiny_skia::Pixmap;

const PRESETS: [&str; 3] = ["report", "slide", "square"];

/// The chart-page query of each kind: a title, two notes (one pinned to a
/// country), a highlighted span where the kind draws one.
fn query(kind: &str) -> String {
    let common = "title=Reports%20to%20NCMEC%20by%20country&subtitle=CyberTipline%20reports%20whose%20upload%20location%20was%20resolved%20to%20the%20country";
    match kind {
        "line" => format!("v=1&chart=line&geo=IND,PHL,BGD&from=2019&to=2023&{common}&ann=IND@2021:Peak%20year&ann=2020:Pandemic%20lockdowns&hl=2020-2021"),
        "bar" => format!("v=1&chart=bar&period=2023&{common}&ann=PHL@2023:Second%20highest&ann=2023:Latest%20year%20published"),
        "map" => format!("v=1&chart=map&period=2022&{common}&ann=IND@2022:Most%20reports&ann=2022:Location%20as%20resolved%20by%20NCMEC"),
        "table" => format!("v=1&chart=table&geo=KEN,UGA,ETH,TZA&{common}&ann=KEN@2021:Note%20on%20Kenya&ann=2020:Pandemic%20year"),
        _ => unreachable!(),
    }
}

fn reference_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("reference")
}

fn actual_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("target"))
        .join("export-reference-actual")
}

fn updating() -> bool {
    std::env::var("UPDATE_REFERENCE").is_ok_and(|v| v == "1")
}

fn save_actual(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = actual_dir();
    std::fs::create_dir_all(&dir).expect("actual dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("actual written");
    path
}

/// One element per line, so a change reads as a small diff.
fn normalise(svg: &str) -> String {
    let mut out = svg.replace("><", ">\n<");
    out.push('\n');
    out
}

fn check_svg(name: &str, svg: &str) -> Option<String> {
    let actual = normalise(svg);
    let path = reference_dir().join(name);
    if updating() {
        std::fs::write(&path, &actual).expect("reference written");
        return None;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let line = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).map_or("in length".to_string(), |i| format!("at line {}", i + 1));
    let saved = save_actual(name, actual.as_bytes());
    Some(format!("{name}: changed {line}; diff -u {} {}", path.display(), saved.display()))
}

/// A channel differing by more than this counts as a different pixel.
const CHANNEL_TOLERANCE: u8 = 24;
/// At most this share of pixels may differ (anti-aliasing noise).
const PIXEL_SHARE_TOLERANCE: f64 = 0.001;

fn check_png(name: &str, png: &[u8]) -> Option<String> {
    let path = reference_dir().join(name);
    if updating() {
        std::fs::write(&path, png).expect("reference written");
        return None;
    }
    let actual = Pixmap::decode_png(png).expect("the export is a PNG");
    let Ok(expected) = std::fs::read(&path).map_err(|e| e.to_string()).and_then(|b| Pixmap::decode_png(&b).map_err(|e| e.to_string())) else {
        let saved = save_actual(name, png);
        return Some(format!("{name}: no readable reference at {}; actual at {}", path.display(), saved.display()));
    };
    if (expected.width(), expected.height()) != (actual.width(), actual.height()) {
        let saved = save_actual(name, png);
        return Some(format!(
            "{name}: size {}×{} is now {}×{}; actual at {}",
            expected.width(),
            expected.height(),
            actual.width(),
            actual.height(),
            saved.display()
        ));
    }
    let differing = expected
        .data()
        .chunks_exact(4)
        .zip(actual.data().chunks_exact(4))
        .filter(|(e, a)| e.iter().zip(a.iter()).any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE))
        .count();
    let share = differing as f64 / (actual.width() as f64 * actual.height() as f64);
    if share <= PIXEL_SHARE_TOLERANCE {
        return None;
    }
    let saved = save_actual(name, png);
    Some(format!("{name}: {differing} pixels ({:.3}%) differ; compare {} with {}", share * 100.0, path.display(), saved.display()))
}

#[tokio::test]
async fn every_chart_kind_at_every_preset_matches_its_reference_svg_and_png() {
    if updating() {
        std::fs::create_dir_all(reference_dir()).expect("reference dir");
    }
    let mut failures = Vec::new();
    for kind in ["line", "bar", "map", "table"] {
        for preset in PRESETS {
            let q = format!("{}&preset={preset}", query(kind));
            let svg = get(&export_url("chart.svg", &q)).await.ok(&format!("{kind} {preset} svg"));
            failures.extend(check_svg(&format!("{kind}-{preset}.svg"), &svg.text()));
            let png = get(&export_url("chart.png", &q)).await.ok(&format!("{kind} {preset} png"));
            failures.extend(check_png(&format!("{kind}-{preset}.png"), &png.body));
        }
    }
    assert!(
        failures.is_empty(),
        "{} picture(s) changed:\n  {}\nIf intended: UPDATE_REFERENCE=1 cargo test -p evidence-server --test exports_reference, \
         then review and commit server/tests/reference/.",
        failures.len(),
        failures.join("\n  ")
    );
}

/// The comparison itself can fail: a picture with a changed title is
/// caught by both the SVG and the PNG check.
#[tokio::test]
async fn the_comparison_notices_a_changed_picture() {
    if updating() {
        return;
    }
    let q = query("line").replace("Reports%20to%20NCMEC", "Signalements%20au%20NCMEC") + "&preset=report";
    let svg = get(&export_url("chart.svg", &q)).await.ok("svg");
    assert!(check_svg("line-report.svg", &svg.text()).is_some());
    let png = get(&export_url("chart.png", &q)).await.ok("png");
    assert!(check_png("line-report.png", &png.body).is_some());
}
