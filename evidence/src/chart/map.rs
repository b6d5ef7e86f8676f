//! Choropleth world map (Equal Earth, pre-projected in assets/world-110m.json).
//!
//! Countries are filled by value into the six steps of
//! [`palette::SEQUENTIAL`] with *nice* breaks, not quantiles: round numbers a
//! reader can quote ("10k to 100k"), stable when one country's figure
//! changes. Figures that span two or more orders of magnitude (report counts
//! from 1 to millions) get log-spaced breaks (1, 10, 100, 1k, 10k …, or
//! 1-3-10 / 1-2-5 steps when there are fewer decades); others get evenly
//! spaced round steps (1, 2, 2.5 or 5 × 10ⁿ), counted from zero when no figure
//! is negative.
//!
//! A country with no figure is hatched and labelled "No data" in a legend
//! entry apart from the scale: a gap is never a colour of the scale. Figures
//! for places too small to draw at this scale (and figures with no country
//! listed) are written out under the legend so that they never vanish.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::palette::{self, hex};
use super::table::{place_name, shared_series};
use super::text::{FontWeight, width, wrap};
use super::{FONT_FAMILY, Plot, Size, escape_xml, format_compact, format_number};
use crate::model::{Grade, Lang, Observation};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorldMap {
    pub projection: String,
    pub source: String,
    pub width: u32,
    pub height: u32,
    pub features: Vec<MapFeature>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapFeature {
    pub id: String,
    pub name: String,
    pub paths: Vec<String>,
}

/// Class breaks of the colour scale: bin `i` holds values in
/// `[thresholds[i-1], thresholds[i])`; the first bin starts at the smallest
/// figure and the last ends at the largest.
#[derive(Clone, Debug, PartialEq)]
pub struct Breaks {
    pub thresholds: Vec<f64>,
    pub min: f64,
    pub max: f64,
}

impl Breaks {
    pub fn bins(&self) -> usize {
        self.thresholds.len() + 1
    }
    pub fn bin(&self, v: f64) -> usize {
        self.thresholds.iter().take_while(|t| v >= **t).count()
    }
    pub fn colour(&self, v: f64) -> (u8, u8, u8) {
        palette::sequential(self.bin(v), self.bins())
    }
}

/// The most thresholds a six-colour scale can use.
const MAX_THRESHOLDS: usize = palette::SEQUENTIAL.len() - 1;

/// Nice breaks for `values` (see the module documentation).
pub fn nice_breaks(values: &[f64]) -> Breaks {
    let finite = values.iter().copied().filter(|v| v.is_finite());
    let (min, max) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !min.is_finite() || max <= min {
        let v = if min.is_finite() { min } else { 0.0 };
        return Breaks { thresholds: Vec::new(), min: v, max: v };
    }
    let smallest_positive = values.iter().copied().filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
    let spans_magnitudes = min >= 0.0 && smallest_positive.is_finite() && max / smallest_positive >= 100.0;
    if spans_magnitudes {
        return Breaks { thresholds: log_thresholds(values, smallest_positive, max), min, max };
    }
    // Evenly spaced steps count from zero when nothing is negative, so the
    // first class is as wide as the others (0-5, 5-10 … rather than 4.6-5).
    let from = if min >= 0.0 { 0.0 } else { min };
    Breaks { thresholds: linear_thresholds(from, max), min: from, max }
}

/// Round numbers strictly between `lo` and `hi`, from mantissas × 10ⁿ.
fn log_sequence(lo: f64, hi: f64, mantissas: &[f64], every_decades: i32) -> Vec<f64> {
    let first = lo.log10().floor() as i32;
    let last = hi.log10().ceil() as i32;
    let mut out = Vec::new();
    for exp in first..=last {
        if (exp - first) % every_decades != 0 {
            continue;
        }
        for m in mantissas {
            let t = m * 10f64.powi(exp);
            if t > lo && t < hi {
                out.push(t);
            }
        }
    }
    out
}

fn log_thresholds(values: &[f64], lo: f64, hi: f64) -> Vec<f64> {
    // Powers of ten read best; finer steps only when there are few decades.
    for mantissas in [&[1.0][..], &[1.0, 3.0], &[1.0, 2.0, 5.0]] {
        let seq = log_sequence(lo, hi, mantissas, 1);
        if seq.len() >= 3 || mantissas.len() == 3 {
            return central_window(seq, values);
        }
    }
    Vec::new()
}

/// At most [`MAX_THRESHOLDS`] consecutive thresholds, centred where the
/// figures are (their median), so that the colours separate most places.
fn central_window(seq: Vec<f64>, values: &[f64]) -> Vec<f64> {
    if seq.len() <= MAX_THRESHOLDS {
        return seq;
    }
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(seq[seq.len() / 2]);
    let below = seq.iter().take_while(|t| **t <= median).count();
    let start = below.saturating_sub(MAX_THRESHOLDS / 2).min(seq.len() - MAX_THRESHOLDS);
    seq[start..start + MAX_THRESHOLDS].to_vec()
}

fn linear_thresholds(lo: f64, hi: f64) -> Vec<f64> {
    let span = hi - lo;
    let mut exp = (span / (MAX_THRESHOLDS as f64 + 1.0)).log10().floor() as i32 - 1;
    loop {
        for m in [1.0, 2.0, 2.5, 5.0] {
            let step = m * 10f64.powi(exp);
            let first = (lo / step).floor() + 1.0;
            let out: Vec<f64> = (0..)
                .map(|k| (first + k as f64) * step)
                .take_while(|t| *t < hi)
                .take(MAX_THRESHOLDS + 1)
                .collect();
            if out.len() <= MAX_THRESHOLDS {
                return out;
            }
        }
        exp += 1;
    }
}

/// UN M49 region and world codes are numeric; they are sums, not places
/// on the map.
fn is_aggregate(code: &str) -> bool {
    !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit())
}

/// The figures a map shows: one series (the first asked for, else the first
/// in order), because one country has one colour.
fn mapped_figures<'a>(plot: &'a Plot) -> Vec<&'a Observation> {
    let mut series: Vec<&str> = plot.observations.iter().map(|o| o.series.as_str()).collect();
    series.sort_unstable();
    series.dedup();
    let chosen = plot
        .state
        .series
        .iter()
        .map(String::as_str)
        .find(|s| series.contains(s))
        .or_else(|| series.first().copied())
        .unwrap_or("");
    let latest = plot.observations.iter().map(|o| o.period).max();
    plot.observations.iter().filter(|o| o.series == chosen && Some(o.period) == latest).collect()
}

/// Writes SVG path data, keeping only the characters path data is made of,
/// so that a damaged geometry file cannot inject markup.
fn push_path_data(out: &mut String, d: &str) {
    out.extend(d.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | ',')));
}

/// Centre of the bounding box of the largest ring of a feature, for a note
/// marker. Reads the M/l/h/v/z commands the geometry file is written in.
fn anchor(feature: &MapFeature) -> Option<(f64, f64)> {
    let mut best: Option<(f64, (f64, f64))> = None;
    for d in &feature.paths {
        let (mut x, mut y) = (0.0, 0.0);
        let (mut lo, mut hi) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
        let mut command = 'M';
        let mut numbers: Vec<f64> = Vec::new();
        let mut apply = |command: char, numbers: &mut Vec<f64>, x: &mut f64, y: &mut f64| {
            match command {
                'M' | 'L' => {
                    for pair in numbers.chunks_exact(2) {
                        (*x, *y) = (pair[0], pair[1]);
                        lo = (lo.0.min(*x), lo.1.min(*y));
                        hi = (hi.0.max(*x), hi.1.max(*y));
                    }
                }
                'm' | 'l' => {
                    for pair in numbers.chunks_exact(2) {
                        (*x, *y) = (*x + pair[0], *y + pair[1]);
                        lo = (lo.0.min(*x), lo.1.min(*y));
                        hi = (hi.0.max(*x), hi.1.max(*y));
                    }
                }
                _ => {}
            }
            numbers.clear();
        };
        let mut token = String::new();
        for c in d.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_digit() || c == '.' || (c == '-' && token.is_empty()) {
                token.push(c);
                continue;
            }
            if !token.is_empty() {
                numbers.push(token.parse().unwrap_or(0.0));
                token.clear();
            }
            if c == '-' {
                token.push(c);
            } else if c.is_ascii_alphabetic() {
                apply(command, &mut numbers, &mut x, &mut y);
                command = c;
            }
        }
        apply(command, &mut numbers, &mut x, &mut y);
        let area = (hi.0 - lo.0) * (hi.1 - lo.1);
        if hi.0 >= lo.0 && best.is_none_or(|(a, _)| area > a) {
            best = Some((area, ((lo.0 + hi.0) / 2.0, (lo.1 + hi.1) / 2.0)));
        }
    }
    best.map(|(_, c)| c)
}

const PAD: f64 = 8.0;
const TEXT_PX: f64 = 12.0;
const SWATCH_H: f64 = 12.0;
/// Swatches, their labels and the gap above them.
const LEGEND_H: f64 = 44.0;
const LINE_H: f64 = 16.0;
const CAPTION_H: f64 = 18.0;
/// Borders in mid grey rather than white, so that the lightest step of the
/// scale still shows its outline on a white page.
const BORDER: &str = "#a6a6a6";
/// The "not drawn" list names this many places, then "+N more".
const MAX_LISTED: usize = 8;

pub fn render(plot: &Plot, size: Size) -> String {
    let lang = plot.lang();
    let Some(world) = plot.world else {
        let msg = match lang {
            Lang::En => "The world map could not be loaded; see the table for the figures",
            Lang::Fr => "La carte du monde n’a pas pu être chargée ; voir le tableau pour les chiffres",
        };
        return super::table::message_svg(size, msg);
    };
    let figures = mapped_figures(plot);
    if figures.is_empty() || world.width == 0 || world.height == 0 {
        return super::table::empty_svg(plot, size);
    }
    let (w, h) = (size.width as f64, size.height as f64);
    let by_geo: HashMap<&str, &Observation> = figures.iter().map(|o| (o.geo.as_str(), *o)).collect();
    // Figures that have no shape at this scale, largest first. The colour
    // scale is made from the drawn places only: a "no country listed" total
    // would otherwise stretch it for no shape at all.
    let drawn: HashSet<&str> = world.features.iter().map(|f| f.id.as_str()).collect();
    let values: Vec<f64> = figures.iter().filter(|o| drawn.contains(o.geo.as_str())).map(|o| o.value).collect();
    let breaks = nice_breaks(&values);
    let bin_fills: Vec<String> = (0..breaks.bins()).map(|i| hex(palette::sequential(i, breaks.bins()))).collect();
    let mut not_drawn: Vec<&Observation> =
        figures.iter().copied().filter(|o| !drawn.contains(o.geo.as_str()) && !is_aggregate(&o.geo)).collect();
    not_drawn.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.geo.cmp(&b.geo)));
    let mut not_drawn_lines = not_drawn_lines(plot, &not_drawn, w - 2.0 * PAD);
    // The legend's notes: a break the shown period is after (the map shows
    // one period, so it never spans one, but it must not be read beside
    // earlier years), and how many figures are not verbatim.
    let period = figures.iter().map(|o| o.period).max();
    if let Some(b) = period.and_then(|p| plot.meta.break_for(p)) {
        let rest = match lang {
            Lang::En => "not comparable with earlier years",
            Lang::Fr => "non comparable aux années précédentes",
        };
        not_drawn_lines.extend(wrap(&format!("{} \u{2014} {rest}", b.label.get(lang)), TEXT_PX, FontWeight::Regular, w - 2.0 * PAD));
    }
    let secondary = figures.iter().filter(|o| o.grade == Grade::Secondary).count();
    let computed = figures.iter().filter(|o| o.grade == Grade::Computed).count();
    if secondary + computed > 0 {
        let n = figures.len();
        let mut parts = Vec::new();
        if secondary > 0 {
            parts.push(match lang {
                Lang::En => format!("{secondary} of {n} figures from a secondary source"),
                Lang::Fr => format!("{secondary} chiffres sur {n} de source secondaire"),
            });
        }
        if computed > 0 {
            parts.push(match lang {
                Lang::En => format!("{computed} of {n} computed by us"),
                Lang::Fr => format!("{computed} sur {n} calculés par nous"),
            });
        }
        let see = match lang {
            Lang::En => "see each place's note",
            Lang::Fr => "voir la note de chaque lieu",
        };
        not_drawn_lines.extend(wrap(&format!("{} ({see})", parts.join("; ")), TEXT_PX, FontWeight::Regular, w - 2.0 * PAD));
    }
    // The caption names the period shown (a map shows one), and the series
    // when all figures share one.
    let period_words = period.map(|p| crate::words::W::ChartPeriodShown.fill(lang, &[("period", &p.label())]));
    let caption = match (shared_series(plot, &figures), period_words) {
        (Some(series), Some(p)) => Some(format!("{series} \u{b7} {p}")),
        (series, p) => p.or(series.map(str::to_string)),
    };
    let caption_h = if caption.is_some() { CAPTION_H } else { 0.0 };

    let map_h = (h - 2.0 * PAD - caption_h - LEGEND_H - not_drawn_lines.len() as f64 * LINE_H).max(40.0);
    let scale = ((w - 2.0 * PAD) / world.width as f64).min(map_h / world.height as f64);
    let tx = (w - world.width as f64 * scale) / 2.0;
    let ty = PAD + caption_h;

    let id = palette::id_fragment(&plot.meta.id);
    let (map_hatch, legend_hatch) = (format!("nodata-{id}-map"), format!("nodata-{id}"));
    let path_bytes: usize = world.features.iter().flat_map(|f| &f.paths).map(|p| p.len() + 1).sum();
    let mut body = String::with_capacity(path_bytes + world.features.len() * 160 + figures.len() * 200 + 2048);
    let _ = write!(
        body,
        "<defs>{}{}</defs>",
        palette::hatch_pattern(&map_hatch, palette::NO_DATA_BACKGROUND, palette::NO_DATA_LINES, 5.0 / scale),
        palette::hatch_pattern(&legend_hatch, palette::NO_DATA_BACKGROUND, palette::NO_DATA_LINES, 5.0),
    );
    if let Some(series) = caption {
        let _ = write!(
            body,
            r##"<text class="caption" x="{PAD}" y="{:.1}" font-family="{FONT_FAMILY}" font-size="{TEXT_PX}" font-weight="700" fill="#333">{}</text>"##,
            PAD + TEXT_PX,
            escape_xml(&series)
        );
    }
    let _ = write!(
        body,
        r##"<g class="countries" transform="translate({tx:.2},{ty:.2}) scale({scale:.5})" stroke="{BORDER}" stroke-width="{sw:.3}" stroke-linejoin="round">"##,
        sw = 0.5 / scale,
    );
    let selection_only = !plot.state.geo.is_empty();
    let no_data_word = match lang {
        Lang::En => "no data",
        Lang::Fr => "pas de données",
    };
    let mut note_marks = String::new();
    for feature in &world.features {
        let name = plot.geo_names.get(&feature.id).map_or(feature.name.as_str(), String::as_str);
        let figure = by_geo.get(feature.id.as_str());
        let not_selected = figure.is_none() && selection_only && !plot.state.geo.contains(&feature.id);
        let class = match (figure, not_selected) {
            (Some(o), _) if o.grade == Grade::Secondary => "country grade-secondary",
            (Some(o), _) if o.grade == Grade::Computed => "country grade-computed",
            (Some(_), _) => "country",
            (None, true) => "country not-selected",
            (None, false) => "country no-data",
        };
        let _ = write!(body, r#"<path class="{class}" d=""#);
        for (i, d) in feature.paths.iter().enumerate() {
            if i > 0 {
                body.push(' ');
            }
            push_path_data(&mut body, d);
        }
        body.push_str(r#"" fill-rule="evenodd" "#);
        match figure {
            Some(o) => {
                let label = escape_xml(&super::line::point_label(plot, name, o));
                let _ = write!(
                    body,
                    r#"fill="{}" tabindex="0" role="img" aria-label="{label}"><title>{label}</title></path>"#,
                    bin_fills[breaks.bin(o.value)]
                );
                for note in plot.state.notes.iter().filter(|n| n.geo.as_deref() == Some(o.geo.as_str())) {
                    if let Some((ax, ay)) = anchor(feature) {
                        let (px, py) = (tx + ax * scale, ty + ay * scale);
                        note_marks.push_str(&super::frame::note_marker(px.round() as i32, py.round() as i32, &note.text, size.width));
                    }
                }
            }
            None if not_selected => {
                let _ = write!(body, r#"fill="{}"><title>{}</title></path>"#, hex(palette::NOT_SELECTED), escape_xml(name));
            }
            None => {
                let _ = write!(body, r#"fill="url(#{map_hatch})"><title>{}: {no_data_word}</title></path>"#, escape_xml(name));
            }
        }
    }
    body.push_str("</g>");
    body.push_str(&note_marks);

    let legend_top = ty + world.height as f64 * scale + PAD;
    legend(&mut body, plot, &breaks, &bin_fills, &legend_hatch, legend_top, w);
    let mut y = legend_top + LEGEND_H;
    for line in &not_drawn_lines {
        let _ = write!(
            body,
            r##"<text class="not-drawn" x="{PAD}" y="{y:.1}" font-family="{FONT_FAMILY}" font-size="{TEXT_PX}" fill="#333">{}</text>"##,
            escape_xml(line)
        );
        y += LINE_H;
    }
    super::frame::finish_plot_svg(format!("<svg>{body}</svg>"), plot, size, "")
}

/// "Not drawn at this scale: Singapore 123; Malta 45; +2 more", in lines
/// that fit `max_width`. Lines break between entries only, so that a name
/// never parts from its figure and French numbers keep their narrow spaces.
fn not_drawn_lines(plot: &Plot, not_drawn: &[&Observation], max_width: f64) -> Vec<String> {
    if not_drawn.is_empty() {
        return Vec::new();
    }
    let lang = plot.lang();
    let (intro, separator) = match lang {
        Lang::En => ("Not drawn at this scale:", ";"),
        Lang::Fr => ("Non représentés à cette échelle\u{a0}:", "\u{202f};"),
    };
    let mut items: Vec<String> = not_drawn
        .iter()
        .take(MAX_LISTED)
        .map(|o| format!("{} {}", place_name(plot, &o.geo), format_number(o.value, lang)))
        .collect();
    if not_drawn.len() > MAX_LISTED {
        let more = not_drawn.len() - MAX_LISTED;
        items.push(match lang {
            Lang::En => format!("+{more} more"),
            Lang::Fr => format!("+{more} autres"),
        });
    }
    let last = items.len() - 1;
    let mut lines = Vec::new();
    let mut line = intro.to_string();
    for (i, item) in items.into_iter().enumerate() {
        let item = if i < last { format!("{item}{separator}") } else { item };
        let candidate = format!("{line} {item}");
        if width(&candidate, TEXT_PX, FontWeight::Regular) > max_width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, item));
        } else {
            line = candidate.trim_start().to_string();
        }
    }
    lines.push(line);
    lines
}

/// A legend break: compact like the axes, and 1k rather than 1,000 so that
/// a log scale reads 100, 1k, 10k.
fn legend_number(v: f64, lang: Lang) -> String {
    if (1e3..1e4).contains(&v.abs()) {
        let suffix = match lang {
            Lang::En => "k",
            Lang::Fr => "\u{a0}k",
        };
        return format!("{}{suffix}", format_number((v / 100.0).round() / 10.0, lang));
    }
    format_compact(v, lang)
}

/// The colour scale (swatches with their breaks below), then "No data" as
/// a separate entry, and "Not selected" when the user picked places.
fn legend(out: &mut String, plot: &Plot, breaks: &Breaks, fills: &[String], hatch_id: &str, top: f64, w: f64) {
    let lang = plot.lang();
    let no_data = match lang {
        Lang::En => "No data",
        Lang::Fr => "Pas de données",
    };
    let not_selected = (!plot.state.geo.is_empty()).then_some(match lang {
        Lang::En => "Not selected",
        Lang::Fr => "Non sélectionné",
    });
    let extra_entry = |label: &str| 16.0 + 6.0 + width(label, TEXT_PX, FontWeight::Regular) + 18.0;
    let extras = extra_entry(no_data) + not_selected.map_or(0.0, extra_entry);
    let bins = breaks.bins();
    let swatch_w = ((w - 2.0 * PAD - extras - 24.0) / bins as f64).clamp(24.0, 64.0);
    let total = swatch_w * bins as f64 + 24.0 + extras;
    let mut x = ((w - total) / 2.0).max(PAD);
    let label_y = top + SWATCH_H + TEXT_PX + 4.0;
    let text = |out: &mut String, x: f64, y: f64, anchor: &str, s: &str| {
        let _ = write!(
            out,
            r##"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-family="{FONT_FAMILY}" font-size="{TEXT_PX}" fill="#333">{}</text>"##,
            escape_xml(s)
        );
    };
    out.push_str(r#"<g class="legend">"#);
    for (i, fill) in fills.iter().enumerate() {
        let _ = write!(
            out,
            r##"<rect x="{:.1}" y="{top:.1}" width="{swatch_w:.1}" height="{SWATCH_H}" fill="{fill}" stroke="{BORDER}" stroke-width="0.5"/>"##,
            x + i as f64 * swatch_w
        );
    }
    if bins == 1 {
        text(out, x + swatch_w / 2.0, label_y, "middle", &legend_number(breaks.min, lang));
    } else {
        let edges = std::iter::once(breaks.min).chain(breaks.thresholds.iter().copied()).chain(std::iter::once(breaks.max));
        for (i, edge) in edges.enumerate() {
            let _ = write!(
                out,
                r##"<line x1="{ex:.1}" y1="{top:.1}" x2="{ex:.1}" y2="{:.1}" stroke="#666" stroke-width="1"/>"##,
                top + SWATCH_H + 3.0,
                ex = x + i as f64 * swatch_w,
            );
            text(out, x + i as f64 * swatch_w, label_y, "middle", &legend_number(edge, lang));
        }
    }
    x += swatch_w * bins as f64 + 24.0;
    let _ = write!(
        out,
        r##"<rect class="no-data-key" x="{x:.1}" y="{top:.1}" width="16" height="{SWATCH_H}" fill="url(#{hatch_id})" stroke="#999" stroke-width="0.5"/>"##
    );
    text(out, x + 22.0, top + SWATCH_H - 1.0, "start", no_data);
    x += extra_entry(no_data);
    if let Some(label) = not_selected {
        let _ = write!(
            out,
            r##"<rect x="{x:.1}" y="{top:.1}" width="16" height="{SWATCH_H}" fill="{}" stroke="#999" stroke-width="0.5"/>"##,
            hex(palette::NOT_SELECTED)
        );
        text(out, x + 22.0, top + SWATCH_H - 1.0, "start", label);
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_over_many_decades_break_at_powers_of_ten() {
        let b = nice_breaks(&[3.0, 40.0, 900.0, 12_000.0, 350_000.0]);
        assert_eq!(b.thresholds, vec![10.0, 100.0, 1_000.0, 10_000.0, 100_000.0]);
        assert_eq!(b.bin(3.0), 0);
        assert_eq!(b.bin(350_000.0), 5);
    }

    #[test]
    fn more_decades_than_colours_keep_the_middle_ones() {
        let b = nice_breaks(&[1.0, 50.0, 2_000.0, 30_000.0, 400_000.0, 5_000_000.0, 90_000_000.0]);
        assert_eq!(b.thresholds.len(), MAX_THRESHOLDS);
        assert!(b.thresholds.contains(&10_000.0), "{:?}", b.thresholds);
    }

    #[test]
    fn few_decades_use_finer_round_steps() {
        let b = nice_breaks(&[120.0, 800.0, 15_000.0]);
        assert_eq!(b.thresholds, vec![300.0, 1_000.0, 3_000.0, 10_000.0]);
    }

    #[test]
    fn percentages_get_even_round_steps() {
        let b = nice_breaks(&[4.2, 9.0, 13.5, 20.1]);
        assert!(b.thresholds.len() <= MAX_THRESHOLDS && b.thresholds.len() >= 3, "{:?}", b.thresholds);
        let step = b.thresholds[1] - b.thresholds[0];
        assert!([2.0, 2.5, 5.0].iter().any(|s| (step - s).abs() < 1e-9), "{step}");
    }

    #[test]
    fn one_value_is_one_bin() {
        let b = nice_breaks(&[7.0, 7.0]);
        assert_eq!(b.bins(), 1);
    }

    #[test]
    fn anchor_is_the_centre_of_the_largest_ring() {
        let f = MapFeature { id: "X".into(), name: "X".into(), paths: vec!["M0 0l10 0 0 10-10 0z".into(), "M100 100l2 0 0 2z".into()] };
        assert_eq!(anchor(&f), Some((5.0, 5.0)));
    }

    #[test]
    fn path_data_cannot_carry_markup() {
        let mut out = String::new();
        push_path_data(&mut out, r#"M1 2l3-4"/><script>z"#);
        assert!(!out.contains('<') && !out.contains('"'), "{out}");
    }
}

/// Issue 13: a map shows one period, and says which.
#[cfg(test)]
mod period_tests {
    use crate::chart::curated::{draw, package};
    use crate::chart::{Plot, Size, render_framed};

    #[test]
    fn a_map_names_the_period_it_shows() {
        let drawn = draw("ncmec-cybertipline-by-country", "chart=map&period=2023", Size::new(760, 440));
        assert!(drawn.svg.contains(">Figures for 2023</text>"), "{}", &drawn.svg[..1500]);
        let drawn = draw("ncmec-cybertipline-by-country", "chart=map&lang=fr", Size::new(760, 440));
        let latest = package().dataset("ncmec-cybertipline-by-country").unwrap().periods().into_iter().max().unwrap();
        assert!(drawn.svg.contains(&format!(">Chiffres de {}</text>", latest.label())), "{}", &drawn.svg[..1500]);
        // A survey map: its series and its period.
        let drawn = draw("dh-tf-csea-prevalence", "chart=map&series=Among%20all%20children%20aged%2012-17", Size::new(760, 440));
        assert!(drawn.svg.contains("Among all children aged 12-17 \u{b7} Figures for 2020\u{2013}2021</text>"), "{}", &drawn.svg[..1500]);
    }

    /// The exported picture (the frame) carries it too.
    #[test]
    fn a_map_export_names_the_period_it_shows() {
        let package = package();
        let dataset = package.dataset("ncmec-cybertipline-by-country").unwrap();
        let (state, _) = crate::state::ChartState::from_query("chart=map&period=2022");
        let names = package.geographies.iter().map(|g| (g.code.clone(), g.name.en.clone())).collect();
        let selection = crate::chart::select(dataset, &state, &package.geographies);
        let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: Some(crate::chart::curated::world()) };
        let sheet = crate::sheet::ChartSheet::for_plot(&plot, "https://evidence.example/x");
        let svg = render_framed(&plot, Size::new(1200, 800), &sheet);
        assert!(svg.contains(">Figures for 2022</text>"));
    }
}
