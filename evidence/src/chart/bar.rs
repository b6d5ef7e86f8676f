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
use super::{FONT_FAMILY, Plot, Size, escape_xml, format_compact, format_number};
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
    let mut bars: Vec<Bar> = figures
        .into_iter()
        .map(|o| {
            let label = if caption.is_some() { place_name(plot, &o.geo).to_string() } else { figure_label(plot, o) };
            Bar { label, obs: o }
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
    let top = if caption.is_some() { TOP + CAPTION_H } else { TOP };

    // A line for the key to hollow (secondary) and dashed (computed) bars.
    let key = plot.observations.iter().any(|o| o.grade != crate::model::Grade::Verbatim);
    let key_h = if key { MORE_LINE } else { 0.0 };
    let room = (h - top as f64 - AXIS_AREA as f64 - key_h).max(MIN_STEP);
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
    let unit = plot.meta.indicator.unit_label.get(lang).to_string();
    let pattern_id = format!("unlisted-{}", palette::id_fragment(&plot.meta.id));

    let mut svg = String::new();
    let mut marks = String::with_capacity(600 * (bars.len() + 2));
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        let chart_height = (top + plot_height + AXIS_AREA).min(size.height);
        let (chart_area, _) = root.split_vertically(chart_height);
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(top)
            .margin_right(value_room.ceil() as u32)
            .x_label_area_size(AXIS_AREA)
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
            .x_desc(unit.as_str())
            .label_style((FONT_FAMILY, 13).into_font().color(&RGBColor(60, 60, 60)))
            .axis_desc_style((FONT_FAMILY, 13).into_font().color(&RGBColor(60, 60, 60)))
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
            let (fill, stroke) = if bar.is_unlisted() {
                (format!("url(#{pattern_id})"), hex(palette::UNLISTED))
            } else if mark.hollow {
                (palette::HOLLOW_FILL.to_string(), hex(palette::BAR))
            } else {
                (hex(palette::BAR), hex(palette::BAR))
            };
            let stroke_width = if mark.hollow { 2 } else { 1 };
            let dash = if mark.dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{}""#, mark.dash) };
            let label = super::line::point_label(plot, &bar.label, o);
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
            let name = truncate_to_width(&bar.label, LABEL_PX, FontWeight::Regular, label_room - 12.0);
            let _ = write!(
                marks,
                r##"<text x="{x}" y="{cy}" dy="0.35em" text-anchor="end" font-family="{FONT_FAMILY}" font-size="{LABEL_PX}" fill="{fill}">{t}</text>"##,
                x = plot_left - 8,
                fill = if bar.is_unlisted() { "#555" } else { "#222" },
                t = escape_xml(&name),
            );
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
            y = (top + plot_height + AXIS_AREA) as f64 + MORE_LINE - 6.0,
            t = escape_xml(&text),
        );
    }
    if key {
        let y = (top + plot_height + AXIS_AREA) as f64 + if dropped > 0 { MORE_LINE } else { 0.0 } + MORE_LINE / 2.0;
        marks.push_str(&palette::grade_key_svg(plot.observations, lang, 8.0, y));
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
