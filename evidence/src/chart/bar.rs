//! Bar chart: places (or series, when there is one place) ranked by value
//! for the one period chosen by [`super::select`]. Horizontal bars so that
//! long place names stay readable; one colour, because the labels already
//! say which bar is which.
//!
//! plotters draws the value axis and its grid; the bars, whiskers and labels
//! are written by us so that each bar is a focusable mark with its exact
//! figure, and so that the "no country listed" bar can be hatched.

use std::fmt::Write as _;

use plotters::prelude::*;

use super::palette::{self, hex};
use super::table::{UNLISTED_GEO, figure_label, place_name, shared_series, truncate_to_width};
use super::text::{self, FontWeight, width};
use super::{FONT_FAMILY, PLOTTERS_TEXT, Plot, Size, escape_xml, format_compact, format_number};
use crate::model::{Lang, Observation};

/// Below this many pixels per bar, bars are left for the table.
const MIN_STEP: f64 = 16.0;
/// Above this, a few bars would turn into slabs; they keep this step and
/// the rest of the height stays empty.
const MAX_STEP: f64 = 52.0;
/// The thickest bar; wider steps leave more air between bars instead.
const MAX_THICKNESS: f64 = 30.0;
const LABEL_PX: f64 = 12.0;
const TOP: u32 = 8;
/// Room for the line naming the series shared by all bars.
const CAPTION_H: u32 = 18;
const AXIS_AREA: u32 = 40;
const MORE_LINE: f64 = 20.0;

struct Bar<'a> {
    label: String,
    obs: &'a Observation,
    /// The series' place in the legend when bars are grouped by place
    /// (several series for several places), else None.
    series: Option<usize>,
    /// Whether this bar starts a place's group (grouped bars only).
    group_start: bool,
}

impl Bar<'_> {
    fn is_unlisted(&self) -> bool {
        self.obs.geo == UNLISTED_GEO
    }
    fn far_end(&self) -> f64 {
        self.obs.upper.unwrap_or(self.obs.value).max(self.obs.value)
    }
}

/// The bars in rank order (largest first), for the latest period present
/// (select leaves one period; this only guards against callers that don't),
/// and the caption naming the series when all bars share one.
fn ranked<'a>(plot: &'a Plot) -> (Vec<Bar<'a>>, Option<&'a str>) {
    let Some(period) = plot.observations.iter().map(|o| o.period).max() else {
        return (Vec::new(), None);
    };
    let figures: Vec<&Observation> = plot.observations.iter().filter(|o| o.period == period).collect();
    let caption = shared_series(plot, &figures);
    let series = series_of(&figures);
    let several_places = figures.iter().any(|o| o.geo != figures[0].geo);
    if series.len() > 1 && several_places {
        return (grouped(plot, figures, &series), caption);
    }
    let mut bars: Vec<Bar> = figures
        .into_iter()
        .map(|o| {
            let label = if caption.is_some() { place_name(plot, &o.geo).to_string() } else { figure_label(plot, o) };
            Bar { label, obs: o, series: None, group_start: false }
        })
        .collect();
    if plot.meta.selection {
        // A selection is never shown as a ranking: alphabetical order.
        bars.sort_by(|a, b| a.label.cmp(&b.label));
    } else {
        bars.sort_by(|a, b| b.obs.value.total_cmp(&a.obs.value).then_with(|| a.label.cmp(&b.label)));
    }
    (bars, caption)
}

/// The series of `figures`, in the data's order (select sorts by series).
fn series_of<'a>(figures: &[&'a Observation]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for o in figures {
        if !out.contains(&o.series.as_str()) {
            out.push(&o.series);
        }
    }
    out
}

/// Several series for several places (a survey's "all children" and
/// "internet-using children"): one group per place, its bars in the
/// series' order and colours, places ranked by their largest figure (or
/// alphabetical for a selection), so that a reader compares the series
/// within a place and the places by the legend's colours.
fn grouped<'a>(plot: &'a Plot, figures: Vec<&'a Observation>, series: &[&str]) -> Vec<Bar<'a>> {
    let mut places: Vec<(&str, f64)> = Vec::new();
    for o in &figures {
        match places.iter_mut().find(|(g, _)| *g == o.geo) {
            Some(p) => p.1 = p.1.max(o.value),
            None => places.push((&o.geo, o.value)),
        }
    }
    if plot.meta.selection {
        places.sort_by(|a, b| place_name(plot, a.0).cmp(place_name(plot, b.0)));
    } else {
        places.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| place_name(plot, a.0).cmp(place_name(plot, b.0))));
    }
    let mut bars = Vec::with_capacity(figures.len());
    for (geo, _) in places {
        let mut first = true;
        for (i, s) in series.iter().enumerate() {
            if let Some(o) = figures.iter().find(|o| o.geo == geo && o.series == *s) {
                bars.push(Bar { label: place_name(plot, geo).to_string(), obs: o, series: Some(i), group_start: first });
                first = false;
            }
        }
    }
    bars
}

/// The colour of series `i` of grouped bars: the categorical palette,
/// whose first colours have 3:1 contrast with the chart's white ground.
fn series_colour(i: usize) -> (u8, u8, u8) {
    palette::categorical(i)
}

/// A place's name in at most two lines of `max_width`; the second line is
/// cut with "…" when even two lines are too few. `cut` says whether any
/// of the name is missing (it is then in the label's `<title>`).
fn name_lines(name: &str, max_width: f64, two_lines: bool) -> (Vec<String>, bool) {
    if width(name, LABEL_PX, FontWeight::Regular) <= max_width {
        return (vec![name.to_string()], false);
    }
    if two_lines {
        let lines = text::wrap(name, LABEL_PX, FontWeight::Regular, max_width);
        if lines.len() <= 2 {
            return (lines, false);
        }
        let rest = lines[1..].join(" ");
        return (vec![lines[0].clone(), truncate_to_width(&rest, LABEL_PX, FontWeight::Regular, max_width)], true);
    }
    (vec![truncate_to_width(name, LABEL_PX, FontWeight::Regular, max_width)], true)
}

/// The first `capacity` bars, except that figures with no country listed
/// are always kept (in their rank place): they are often a large share of
/// all reports and dropping them would hide it.
fn keep_within<'a>(bars: Vec<Bar<'a>>, capacity: usize) -> (Vec<Bar<'a>>, usize) {
    let total = bars.len();
    if total <= capacity {
        return (bars, 0);
    }
    let unlisted_total = bars.iter().filter(|b| b.is_unlisted()).count();
    let mut unlisted_kept = 0;
    let mut kept = Vec::with_capacity(capacity);
    for bar in bars {
        if kept.len() == capacity {
            break;
        }
        let slots_left = capacity - kept.len();
        if bar.is_unlisted() {
            unlisted_kept += 1;
            kept.push(bar);
        } else if slots_left > unlisted_total - unlisted_kept {
            kept.push(bar);
        }
    }
    let dropped = total - kept.len();
    (kept, dropped)
}

pub fn render(plot: &Plot, size: Size) -> String {
    text::ensure_fonts();
    let (bars, caption) = ranked(plot);
    if bars.is_empty() {
        return super::table::empty_svg(plot, size);
    }
    let lang = plot.lang();
    let (w, h) = (size.width as f64, size.height as f64);
    // Grouped bars get a legend of their series' colours, above the bars.
    let legend_series: Vec<(usize, &str)> = {
        let mut out: Vec<(usize, &str)> = bars.iter().filter_map(|b| b.series.map(|i| (i, b.obs.series.as_str()))).collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let legend_lines = series_legend_lines(plot, &legend_series, w - 16.0);
    let legend_h = legend_lines.len() as u32 * LEGEND_LINE;
    let top = if caption.is_some() { TOP + CAPTION_H } else { TOP } + legend_h;

    // A line for the key to hollow (secondary) and dashed (computed) bars.
    let key = plot.observations.iter().any(|o| o.grade != crate::model::Grade::Verbatim);
    let key_h = if key { MORE_LINE } else { 0.0 };
    // The unit under the axis; a unit too long for the plot's width is
    // written by us on as many lines as it needs, never cut.
    let unit = plot.meta.indicator.unit_label.get(lang).to_string();
    let axis_px = PLOTTERS_TEXT as f64 / 1.24;
    let unit_lines = if width(&unit, axis_px, FontWeight::Regular) > w * 0.55 {
        text::wrap(&unit, axis_px, FontWeight::Regular, w - 16.0)
    } else {
        Vec::new()
    };
    let axis_area = AXIS_AREA + (unit_lines.len().saturating_sub(1) as u32) * 14;
    let room = (h - top as f64 - axis_area as f64 - key_h).max(MIN_STEP);
    let overflow = bars.len() as f64 * MIN_STEP > room;
    let room = if overflow { (room - MORE_LINE).max(MIN_STEP) } else { room };
    let capacity = ((room / MIN_STEP).floor() as usize).max(1);
    let (bars, dropped) = keep_within(bars, capacity);
    let step = (room / bars.len() as f64).min(MAX_STEP);
    let plot_height = (step * bars.len() as f64).round() as u32;

    let value_texts: Vec<String> = bars.iter().map(|b| format_number(b.obs.value, lang)).collect();
    let value_room = value_texts.iter().map(|t| width(t, LABEL_PX, FontWeight::Regular)).fold(0.0, f64::max) + 14.0;
    let label_cap = (w * 0.4).max(40.0);
    let label_room = bars.iter().map(|b| width(&b.label, LABEL_PX, FontWeight::Regular)).fold(0.0, f64::max).min(label_cap) + 12.0;

    let x_min = bars.iter().map(|b| b.obs.lower.unwrap_or(b.obs.value).min(b.obs.value)).fold(0.0_f64, f64::min);
    let x_max = bars.iter().map(Bar::far_end).fold(0.0_f64, f64::max);
    let x_max = if x_max <= x_min { x_min + 1.0 } else { x_max };
    let rows = bars.len() as f64;
    let pattern_id = format!("unlisted-{}", palette::id_fragment(&plot.meta.id));

    let mut svg = String::new();
    let mut marks = String::with_capacity(600 * (bars.len() + 2));
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        let chart_height = (top + plot_height + axis_area).min(size.height);
        let (chart_area, _) = root.split_vertically(chart_height);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(top)
            .margin_right(value_room.ceil() as u32)
            .x_label_area_size(axis_area)
            .y_label_area_size(label_room.ceil() as u32)
            .build_cartesian_2d(x_min..x_max, 0.0..rows)
            .expect("finite ranges");
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(5)
            .max_light_lines(0)
            .bold_line_style(RGBColor(225, 225, 225))
            .axis_style(RGBColor(90, 90, 90))
            .x_label_formatter(&|x| format_compact(*x, lang))
            .x_desc(if unit_lines.is_empty() { unit.as_str() } else { "" })
            .label_style((FONT_FAMILY, PLOTTERS_TEXT).into_font().color(&RGBColor(60, 60, 60)))
            .axis_desc_style((FONT_FAMILY, PLOTTERS_TEXT).into_font().color(&RGBColor(60, 60, 60)))
            .draw()
            .expect("mesh draws");

        let _ = write!(
            marks,
            "<defs>{}</defs>",
            palette::hatch_pattern(&pattern_id, palette::NO_DATA_BACKGROUND, palette::UNLISTED, 5.0)
        );
        let thickness = (step * 0.72).min(MAX_THICKNESS).round();
        let (zero_px, _) = chart.backend_coord(&(0.0_f64.max(x_min), 0.0));
        let plot_left = chart.backend_coord(&(x_min, 0.0)).0;
        for (i, (bar, value_text)) in bars.iter().zip(&value_texts).enumerate() {
            let o = bar.obs;
            let centre = rows - i as f64 - 0.5;
            let (value_px, cy) = chart.backend_coord(&(o.value, centre));
            let (x, bar_width) = (zero_px.min(value_px), (value_px - zero_px).abs());
            let y = cy as f64 - thickness / 2.0;
            let mark = palette::grade_mark(o.grade);
            let colour = bar.series.map_or(palette::BAR, series_colour);
            let (fill, stroke) = if bar.is_unlisted() {
                (format!("url(#{pattern_id})"), hex(palette::UNLISTED))
            } else if mark.hollow {
                (palette::HOLLOW_FILL.to_string(), hex(colour))
            } else {
                (hex(colour), hex(colour))
            };
            let stroke_width = if mark.hollow { 2 } else { 1 };
            let dash = if mark.dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{}""#, mark.dash) };
            let label = match bar.series {
                Some(_) => super::line::point_label(plot, &figure_label(plot, o), o),
                None => super::line::point_label(plot, &bar.label, o),
            };
            let _ = write!(
                marks,
                r#"<rect class="bar{class}" x="{x}" y="{y:.1}" width="{bar_width}" height="{thickness}" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"{dash} tabindex="0" role="img" aria-label="{label}"><title>{label}</title></rect>"#,
                class = mark.class,
                label = escape_xml(&label),
            );
            let mut label_end = value_px.max(zero_px);
            if let (Some(lo), Some(hi)) = (o.lower, o.upper) {
                let (lo_px, _) = chart.backend_coord(&(lo, centre));
                let (hi_px, _) = chart.backend_coord(&(hi, centre));
                let cap = (thickness / 4.0).max(3.0);
                let ink = hex(palette::INK);
                let _ = write!(
                    marks,
                    r#"<path class="whisker" d="M{lo_px} {cy}H{hi_px}M{lo_px} {a:.1}V{b:.1}M{hi_px} {a:.1}V{b:.1}" stroke="{ink}" stroke-width="1.5" fill="none"/>"#,
                    a = cy as f64 - cap,
                    b = cy as f64 + cap,
                );
                label_end = label_end.max(hi_px);
            }
            let _ = write!(
                marks,
                r##"<text x="{x}" y="{cy}" dy="0.35em" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" fill="#222">{t}</text>"##,
                x = label_end + 5,
                t = escape_xml(value_text),
            );
            // A note sits just after the figure, so it hides neither the bar
            // end nor the number.
            let note_x = label_end + 5 + width(value_text, LABEL_PX, FontWeight::Regular).ceil() as i32 + 10;
            // A place's name once per group, centred on its bars; a long
            // name wraps to two lines where the bars leave room, else it
            // is cut, and its whole name is the label's title.
            let group_len = match bar.series {
                Some(_) if bar.group_start => bars[i..].iter().skip(1).take_while(|b| !b.group_start).count() + 1,
                Some(_) => 0,
                None => 1,
            };
            if group_len > 0 {
                let (_, last_cy) = chart.backend_coord(&(0.0, rows - (i + group_len - 1) as f64 - 0.5));
                let mid = (cy + last_cy) as f64 / 2.0;
                let two_lines = step * group_len as f64 >= 2.0 * LABEL_PX * 1.15 + 2.0;
                let (lines, cut) = name_lines(&bar.label, label_room - 12.0, two_lines);
                let fill = if bar.is_unlisted() { "#555" } else { "#222" };
                let x = plot_left - 8;
                let first_dy = 0.35 - 0.575 * (lines.len() as f64 - 1.0);
                let _ = write!(marks, r#"<g class="bar-label">"#);
                if cut || lines.len() > 1 {
                    let _ = write!(marks, "<title>{}</title>", escape_xml(&bar.label));
                }
                if let [line] = lines.as_slice() {
                    let _ = write!(
                        marks,
                        r##"<text x="{x}" y="{mid:.1}" dy="0.35em" text-anchor="end" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" fill="{fill}">{}</text>"##,
                        escape_xml(line)
                    );
                } else {
                    let _ = write!(
                        marks,
                        r##"<text x="{x}" y="{mid:.1}" text-anchor="end" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" fill="{fill}">"##
                    );
                    for (k, line) in lines.iter().enumerate() {
                        let dy = if k == 0 { format!("{first_dy:.3}em") } else { "1.15em".to_string() };
                        let _ = write!(marks, r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, escape_xml(line));
                    }
                    marks.push_str("</text>");
                }
                marks.push_str("</g>");
            }
            for note in plot.state.notes.iter().filter(|n| n.geo.as_deref() == Some(o.geo.as_str()) && n.period == o.period) {
                marks.push_str(&super::frame::note_marker(note_x, cy, &note.text, size.width));
            }
        }
        root.present().expect("svg renders");
    }
    if dropped > 0 {
        let text = match lang {
            Lang::En => format!("+{dropped} more in the table"),
            Lang::Fr => format!("+{dropped} de plus dans le tableau"),
        };
        let _ = write!(
            marks,
            r##"<text class="more" x="8" y="{y:.0}" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" fill="#444">{t}</text>"##,
            y = (top + plot_height + axis_area) as f64 + MORE_LINE - 6.0,
            t = escape_xml(&text),
        );
    }
    if key {
        let y = (top + plot_height + axis_area) as f64 + if dropped > 0 { MORE_LINE } else { 0.0 } + MORE_LINE / 2.0;
        marks.push_str(&palette::grade_key_svg(plot.observations, lang, 8.0, y, w - 8.0));
    }
    for (k, line) in unit_lines.iter().enumerate() {
        let _ = write!(
            marks,
            r##"<text class="unit" x="{x:.1}" y="{y}" text-anchor="middle" font-family="{FONT_FAMILY}" font-size="{axis_px:.2}" fill="#3c3c3c">{t}</text>"##,
            x = w / 2.0,
            y = top + plot_height + 34 + k as u32 * 14,
            t = escape_xml(line),
        );
    }
    if !legend_lines.is_empty() {
        let first = if caption.is_some() { TOP + CAPTION_H } else { TOP } as f64;
        marks.push_str(r#"<g class="series-legend">"#);
        for (k, entries) in legend_lines.iter().enumerate() {
            let y = first + k as f64 * LEGEND_LINE as f64 + 3.0;
            for (x, i, label) in entries {
                let _ = write!(
                    marks,
                    r##"<rect x="{x:.1}" y="{y:.1}" width="{SWATCH}" height="{SWATCH}" fill="{c}"/><text x="{tx:.1}" y="{ty:.1}" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" fill="#222">{t}</text>"##,
                    c = hex(series_colour(*i)),
                    tx = x + SWATCH + 5.0,
                    ty = y + SWATCH - 1.0,
                    t = escape_xml(label),
                );
            }
        }
        marks.push_str("</g>");
    }
    if let Some(series) = caption {
        let _ = write!(
            marks,
            r##"<text class="caption" x="8" y="16" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" font-weight="700" fill="#333">{t}</text>"##,
            t = escape_xml(series),
        );
    }
    super::frame::finish_plot_svg(svg, plot, size, &marks)
}

const LEGEND_LINE: u32 = 20;
const SWATCH: f64 = 12.0;

/// The legend of grouped bars: each series' swatch and label, laid out in
/// lines of `max_width`, as (x, series index, label). A label too long for
/// a line is cut (its whole text is in each bar's title).
fn series_legend_lines(plot: &Plot, series: &[(usize, &str)], max_width: f64) -> Vec<Vec<(f64, usize, String)>> {
    let mut lines: Vec<Vec<(f64, usize, String)>> = Vec::new();
    let mut x = 8.0;
    for &(i, s) in series {
        let label = plot.meta.series_label(s, plot.lang());
        let label = truncate_to_width(label, LABEL_PX, FontWeight::Regular, max_width - SWATCH - 5.0);
        let entry = SWATCH + 5.0 + width(&label, LABEL_PX, FontWeight::Regular) + 16.0;
        if lines.is_empty() || x + entry > max_width + 8.0 {
            lines.push(Vec::new());
            x = 8.0;
        }
        lines.last_mut().expect("pushed").push((x, i, label));
        x += entry;
    }
    lines
}

/// Issue 13: survey bars of two series, long names.
#[cfg(test)]
mod issue_13_tests {
    use crate::chart::curated::draw;
    use crate::chart::{Size, palette};

    /// WCAG relative luminance and contrast.
    fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        let lum = |(r, g, b): (u8, u8, u8)| {
            let c = |v: u8| {
                let v = v as f64 / 255.0;
                if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    fn fills(svg: &str) -> Vec<String> {
        svg.split(r#"<rect class="bar"#)
            .skip(1)
            .map(|r| r.split("fill=\"").nth(1).unwrap().split('"').next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn two_survey_series_get_two_colours_grouped_by_place_with_a_legend() {
        let drawn = draw("dh-tf-csea-prevalence", "chart=bar", Size::new(760, 600));
        let fills = fills(&drawn.svg);
        assert_eq!(fills.len(), 24, "two bars for each of 12 countries");
        let mut distinct = fills.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct, {
            let mut v = vec![palette::hex(palette::categorical(0)), palette::hex(palette::categorical(1))];
            v.sort();
            v
        });
        // Grouped: each place's two bars are neighbours, in series order.
        for pair in fills.chunks(2) {
            assert_ne!(pair[0], pair[1], "{fills:?}");
        }
        // The legend names both series, each with its colour.
        let legend = drawn.svg.split(r#"<g class="series-legend">"#).nth(1).expect("a legend").split("</g>").next().unwrap();
        for (i, name) in ["Among all children aged 12-17", "Among internet-using children aged 12-17"].iter().enumerate() {
            assert!(legend.contains(&format!(r#"fill="{}""#, palette::hex(palette::categorical(i)))), "{legend}");
            assert!(legend.contains(name), "{legend}");
        }
        // Colour-blind safe (Okabe-Ito) and 3:1 against the chart's ground,
        // white in both themes (style/main.css --chart-bg).
        for i in 0..2 {
            let c = contrast(palette::categorical(i), (255, 255, 255));
            assert!(c >= 3.0, "series {i}: {c:.2}:1");
        }
        // Names are places only; the series is in the legend.
        for label in drawn.svg.split(r#"<g class="bar-label">"#).skip(1) {
            let label = label.split("</g>").next().unwrap().split("</title>").last().unwrap();
            assert!(!label.contains('\u{2014}'), "no 'Place — series' labels: {label}");
        }
    }

    #[test]
    fn a_long_name_wraps_and_keeps_its_whole_name_in_its_title() {
        for size in [Size::new(480, 600), Size::new(760, 600)] {
            let drawn = draw("dh-tf-csea-prevalence", "chart=bar", size);
            let label = drawn
                .svg
                .split(r#"<g class="bar-label">"#)
                .skip(1)
                .map(|l| l.split("</g>").next().unwrap())
                .find(|l| l.contains("Tanzania"))
                .expect("Tanzania's label");
            let without_title = label.split("</title>").last().unwrap();
            let text: String = without_title
                .split('>')
                .filter_map(|t| t.split('<').next())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(text, "United Republic of Tanzania", "wrapped, not cut: {label}");
            assert!(!label.contains('\u{2026}'));
            if label.matches("<tspan").count() > 1 {
                assert!(label.contains("<title>United Republic of Tanzania</title>"), "{label}");
            }
        }
        // Where there is no room for two lines, the cut name keeps its
        // whole name in its title.
        let drawn = draw("ncmec-cybertipline-by-country", "chart=bar&geo=TZA,COD,KEN,GBR,USA,IND,PHL,BGD,PAK,IDN,VNM,DZA,EGY,IRQ,BRA,MEX,COL,THA", Size::new(480, 360));
        for label in drawn.svg.split(r#"<g class="bar-label">"#).skip(1) {
            let label = label.split("</g>").next().unwrap();
            if label.contains('\u{2026}') {
                assert!(label.contains("<title>"), "a cut name has its whole name: {label}");
            }
        }
    }
}
