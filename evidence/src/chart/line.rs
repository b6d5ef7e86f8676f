//! Line chart: time series, one line per geography (or series), with the
//! source's uncertainty interval drawn as a band. Gaps in the years are
//! gaps in the line, never interpolated.

use plotters::prelude::*;
use std::collections::BTreeMap;

use super::palette::{BREAK_LINE, DASHES, HOLLOW_FILL, categorical, grade_mark, hex};
use super::text;
use super::{FONT_FAMILY, PLOTTERS_TEXT, Plot, Size, escape_xml, format_compact, format_number};
use crate::model::{DatasetMeta, Grade, Lang, Observation};
use crate::period::Period;

/// One drawn line: its label and its points in period order.
pub(crate) struct Line<'a> {
    pub label: String,
    pub points: Vec<&'a Observation>,
}

pub(crate) fn lines<'a>(plot: &'a Plot) -> Vec<Line<'a>> {
    let mut by_key: BTreeMap<(String, String), Vec<&Observation>> = BTreeMap::new();
    for o in plot.observations {
        by_key.entry((o.series.clone(), o.geo.clone())).or_default().push(o);
    }
    let mut out: Vec<Line> = by_key
        .into_values()
        .map(|mut points| {
            points.sort_by_key(|o| o.period);
            Line { label: plot.series_key_label(points[0]), points }
        })
        .collect();
    // Largest latest value first, so the legend reads like the picture.
    out.sort_by(|a, b| {
        let last = |l: &Line| l.points.last().map(|o| o.value).unwrap_or(0.0);
        last(b).total_cmp(&last(a)).then_with(|| a.label.cmp(&b.label))
    });
    out
}

/// Splits a line where a calendar year is missing, so gaps stay gaps, and
/// at a series break, so that no line joins figures counted two ways.
fn runs<'a>(meta: &DatasetMeta, points: &[&'a Observation]) -> Vec<Vec<&'a Observation>> {
    let mut runs: Vec<Vec<&Observation>> = Vec::new();
    let regime = |p: Period| meta.break_for(p).map(|b| b.period);
    for &o in points {
        let continues = runs.last().and_then(|r| r.last()).is_some_and(|prev: &&Observation| {
            let adjacent = match (prev.period, o.period) {
                (Period::Year(a), Period::Year(b)) => b == a + 1,
                _ => true,
            };
            adjacent && regime(prev.period) == regime(o.period)
        });
        if continues {
            runs.last_mut().expect("checked").push(o);
        } else {
            runs.push(vec![o]);
        }
    }
    runs
}

pub fn render(plot: &Plot, size: Size) -> String {
    text::ensure_fonts();
    let lines = lines(plot);
    let lang = plot.lang();
    let mut svg = String::new();
    let mut marks = String::new();
    if lines.is_empty() {
        return super::table::empty_svg(plot, size);
    }
    let xs: Vec<f64> = plot.observations.iter().map(|o| o.period.axis_value()).collect();
    let (mut x0, mut x1) = (xs.iter().cloned().fold(f64::MAX, f64::min), xs.iter().cloned().fold(f64::MIN, f64::max));
    if x1 - x0 < 1.0 {
        x0 -= 1.0;
        x1 += 1.0;
    }
    let pad = (x1 - x0) * 0.04;
    let ymax = plot
        .observations
        .iter()
        .map(|o| o.upper.unwrap_or(o.value).max(o.value))
        .fold(0.0_f64, f64::max);
    let ymax = if ymax <= 0.0 { 1.0 } else { ymax * 1.08 };
    let legend_rows = lines.len().min(8);
    let more_row = usize::from(lines.len() > legend_rows);
    let key = plot.observations.iter().any(|o| o.grade != Grade::Verbatim);
    let scale_note = too_small_note(plot, &lines, ymax);
    let scale_lines = scale_note
        .as_deref()
        .map(|n| text::wrap(n, 12.0, text::FontWeight::Regular, size.width as f64 - 16.0))
        .unwrap_or_default();
    let legend_height = (legend_rows as u32) * 18
        + 8
        + if key { (more_row as u32 + 1) * 18 } else { 0 }
        + scale_lines.len() as u32 * 16;
    let font = (FONT_FAMILY, PLOTTERS_TEXT).into_font();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        let (chart_area, legend_area) = root.split_vertically(size.height.saturating_sub(legend_height));
        let mut chart = ChartBuilder::on(&chart_area)
            .margin_top(12)
            .margin_right(16)
            .x_label_area_size(28)
            .y_label_area_size(64)
            .build_cartesian_2d((x0 - pad)..(x1 + pad), 0.0..ymax)
            .expect("finite ranges");
        let unit = plot.meta.indicator.unit_label.get(lang).to_string();
        let x_labels: Vec<(f64, String)> = {
            let mut seen: Vec<(f64, String)> = Vec::new();
            for o in plot.observations {
                let x = o.period.axis_value();
                if !seen.iter().any(|(sx, _)| (*sx - x).abs() < 1e-9) {
                    seen.push((x, o.period.label()));
                }
            }
            seen.sort_by(|a, b| a.0.total_cmp(&b.0));
            seen
        };
        let x_label_count = x_labels.len().clamp(2, 12);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .max_light_lines(0)
            .bold_line_style(RGBColor(215, 215, 215))
            .axis_style(RGBColor(90, 90, 90))
            .x_labels(x_label_count)
            .y_labels(6)
            .x_label_formatter(&|x| {
                x_labels
                    .iter()
                    .find(|(lx, _)| (lx - x).abs() < 0.26)
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default()
            })
            .y_label_formatter(&|y| format_compact(*y, lang))
            .y_desc(unit.as_str())
            .label_style(font.clone().color(&RGBColor(60, 60, 60)))
            .axis_desc_style((FONT_FAMILY, PLOTTERS_TEXT).into_font().color(&RGBColor(60, 60, 60)))
            .draw()
            .expect("mesh draws");

        if let Some((a, b)) = plot.state.highlight {
            let band = [(a as f64 - 0.5, 0.0), (b as f64 + 0.5, ymax)];
            chart
                .draw_series(std::iter::once(Rectangle::new(band, RGBColor(255, 221, 120).mix(0.35).filled())))
                .expect("highlight draws");
        }

        for (i, line) in lines.iter().enumerate() {
            let (r, g, b) = categorical(i);
            let colour = RGBColor(r, g, b);
            let banded: Vec<&&Observation> = line.points.iter().filter(|o| o.lower.is_some()).collect();
            if banded.len() > 1 {
                let mut poly: Vec<(f64, f64)> =
                    banded.iter().map(|o| (o.period.axis_value(), o.upper.unwrap_or(o.value))).collect();
                poly.extend(banded.iter().rev().map(|o| (o.period.axis_value(), o.lower.unwrap_or(o.value))));
                chart.draw_series(std::iter::once(Polygon::new(poly, colour.mix(0.18).filled()))).expect("band draws");
            }
            // Lines are drawn by us as one <path> per unbroken run, with a
            // dash pattern per line so they differ without colour too.
            for run in runs(plot.meta, &line.points) {
                let d: Vec<String> = run
                    .iter()
                    .enumerate()
                    .map(|(k, o)| {
                        let (px, py) = chart.backend_coord(&(o.period.axis_value(), o.value));
                        format!("{}{px} {py}", if k == 0 { "M" } else { "L" })
                    })
                    .collect();
                let dash = DASHES[i % DASHES.len()];
                marks.push_str(&format!(
                    r#"<path class="series-line" d="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{}/>"#,
                    d.join(""),
                    hex(categorical(i)),
                    if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) }
                ));
            }
            for o in &line.points {
                if let (Some(lo), Some(hi)) = (o.lower, o.upper) {
                    let x = o.period.axis_value();
                    chart
                        .draw_series(std::iter::once(PathElement::new(vec![(x, lo), (x, hi)], colour.stroke_width(1))))
                        .expect("whisker draws");
                }
            }
            // Focusable points with the exact figure, drawn by us so that each
            // carries its own accessible name and tooltip.
            for o in &line.points {
                let (px, py) = chart.backend_coord(&(o.period.axis_value(), o.value));
                let label = point_label(plot, &line.label, o);
                let colour = hex(categorical(i));
                let mark = grade_mark(o.grade);
                let (fill, stroke, stroke_width) =
                    if mark.hollow { (HOLLOW_FILL, colour.as_str(), "2") } else { (colour.as_str(), "#fff", "1.5") };
                let dash = if mark.dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{}""#, mark.dash) };
                marks.push_str(&format!(
                    r##"<circle class="point{class}" cx="{px}" cy="{py}" r="4" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"{dash} tabindex="0" role="img" aria-label="{label}"><title>{label}</title></circle>"##,
                    class = mark.class,
                    label = escape_xml(&label),
                ));
            }
        }
        // A series break: a dashed rule between the last period counted the
        // old way and the first counted the new way, with its short label.
        let periods: Vec<Period> = plot.observations.iter().map(|o| o.period).collect();
        for b in plot.meta.breaks_within(&periods) {
            let x = b.period.axis_value() - 0.5;
            let (bx, top) = chart.backend_coord(&(x, ymax));
            let (_, bottom) = chart.backend_coord(&(x, 0.0));
            let label = b.label.get(lang);
            let reason = b.reason.get(plot.state.tone, lang);
            // The label reads rightwards from the rule, or leftwards when
            // it would run off the plot's right edge.
            let fits_right = bx as f64 + 4.0 + text::width(label, 12.0, text::FontWeight::Regular) < size.width as f64 - 16.0;
            let (tx, anchor) = if fits_right { (bx + 4, "start") } else { (bx - 4, "end") };
            marks.push_str(&format!(
                r##"<g class="series-break"><title>{title}</title><path d="M{bx} {top}V{bottom}" stroke="{BREAK_LINE}" stroke-width="1.5" stroke-dasharray="5 3" fill="none"/><text x="{tx}" y="{ty}" text-anchor="{anchor}" font-family="{FONT_FAMILY}" font-size="12" fill="#333">{label}</text></g>"##,
                title = escape_xml(reason),
                ty = top + 12,
                label = escape_xml(label),
            ));
        }
        for note in &plot.state.notes {
            let anchor = plot
                .observations
                .iter()
                .filter(|o| o.period == note.period && note.geo.as_ref().is_none_or(|g| *g == o.geo))
                .max_by(|a, b| a.value.total_cmp(&b.value));
            let (px, py) = match anchor {
                Some(o) => chart.backend_coord(&(o.period.axis_value(), o.value)),
                None => chart.backend_coord(&(note.period.axis_value(), ymax * 0.9)),
            };
            marks.push_str(&super::frame::note_marker(px, py, &note.text, size.width));
        }

        // Legend: colour, dash and label, so lines differ without colour too.
        let (_, legend_top) = legend_area.get_base_pixel();
        for (i, line) in lines.iter().take(legend_rows).enumerate() {
            let y = legend_top + 4 + i as i32 * 18;
            let dash = DASHES[i % DASHES.len()];
            marks.push_str(&format!(
                r#"<path d="M70 {ly}L94 {ly}" stroke="{}" stroke-width="3"{}/>"#,
                hex(categorical(i)),
                if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) },
                ly = y + 7
            ));
            legend_area
                .draw(&Text::new(line.label.clone(), (100, y - legend_top), font.clone().color(&RGBColor(40, 40, 40))))
                .expect("legend text draws");
        }
        if lines.len() > legend_rows {
            let more = lines.len() - legend_rows;
            legend_area
                .draw(&Text::new(
                    format!("+{more}"),
                    (70, 4 + legend_rows as i32 * 18),
                    font.clone().color(&RGBColor(60, 60, 60)),
                ))
                .expect("legend text draws");
        }
        if key {
            let y = legend_top + 4 + ((legend_rows + more_row) as i32) * 18 + 7;
            marks.push_str(&super::palette::grade_key_svg(plot.observations, lang, 70.0, y as f64, size.width as f64 - 8.0));
        }
        if !scale_lines.is_empty() {
            let rows_above = legend_rows + more_row + usize::from(key) * (more_row + 1);
            let first = legend_top + 4 + rows_above as i32 * 18 + 12;
            marks.push_str(r#"<g class="scale-note">"#);
            for (k, line) in scale_lines.iter().enumerate() {
                marks.push_str(&format!(
                    r##"<text x="8" y="{}" font-family="{FONT_FAMILY}" font-size="12" fill="#333">{}</text>"##,
                    first + k as i32 * 16,
                    escape_xml(line)
                ));
            }
            marks.push_str("</g>");
        }
        root.present().expect("svg renders");
    }
    super::frame::finish_plot_svg(svg, plot, size, &marks)
}

/// Below this share of the scale's top, a line lies flat on zero.
pub const TOO_SMALL_SHARE: f64 = 0.03;

/// "Too small to see at this scale (under 1.1M): Kenya, Uganda. The table
/// gives every figure.": the lines that lie flat on zero beside a much
/// larger one (the compare page's small countries beside the
/// Philippines), named so that a flat line is not read as zero.
pub(crate) fn too_small_note(plot: &Plot, lines: &[Line], ymax: f64) -> Option<String> {
    if lines.len() < 2 || ymax <= 0.0 {
        return None;
    }
    let limit = ymax * TOO_SMALL_SHARE;
    let top = |l: &Line| l.points.iter().map(|o| o.upper.unwrap_or(o.value).max(o.value)).fold(f64::MIN, f64::max);
    let small: Vec<&str> = lines.iter().filter(|l| top(l) < limit).map(|l| l.label.as_str()).collect();
    if small.is_empty() || small.len() == lines.len() {
        return None;
    }
    const NAMED: usize = 6;
    let mut names = small.iter().take(NAMED).copied().collect::<Vec<_>>().join(", ");
    if small.len() > NAMED {
        names.push_str(&format!(" +{}", small.len() - NAMED));
    }
    let lang = plot.lang();
    Some(crate::words::W::ChartScaleTooSmall.fill(lang, &[("limit", &format_compact(limit, lang)), ("names", &names)]))
}

pub(crate) fn point_label(plot: &Plot, line_label: &str, o: &Observation) -> String {
    let lang = plot.lang();
    let mut s = format!(
        "{line_label}, {}: {} {}",
        o.period.label(),
        format_number(o.value, lang),
        plot.meta.indicator.unit_for(o.value, lang)
    );
    if let (Some(lo), Some(hi)) = (o.lower, o.upper) {
        s.push_str(&format!(" ({}\u{2013}{})", format_number(lo, lang), format_number(hi, lang)));
    }
    if !o.note.is_empty() {
        s.push_str(&format!(". {}", o.note));
    }
    if let Some(src) = plot.meta.source(&o.source_ref) {
        s.push_str(&format!(". {}", src.title));
    }
    if let Some(g) = grade_text(plot, o) {
        s.push_str(&format!(". {g}"));
    }
    s
}

/// The grade of a figure in words, for tooltips and table rows; None for a
/// verbatim figure (which needs no grade note).
pub(crate) fn grade_text(plot: &Plot, o: &Observation) -> Option<String> {
    let lang = plot.lang();
    match o.grade {
        Grade::Verbatim => None,
        Grade::Secondary => {
            let by = plot.meta.source(&o.source_ref).map(|s| s.publisher.as_str()).unwrap_or("");
            Some(match lang {
                Lang::En => format!("Secondary source ({by}): not yet checked against the publisher's own figures"),
                Lang::Fr => format!("Source secondaire ({by}) : pas encore vérifié dans les chiffres de l'éditeur lui-même"),
            })
        }
        Grade::Computed => Some(match lang {
            Lang::En => format!("Computed by us: {}", o.derivation),
            Lang::Fr => format!("Calculé par nous : {}", o.derivation),
        }),
    }
}

/// Issue 13: small series beside a large one.
#[cfg(test)]
mod scale_tests {
    use crate::chart::Size;
    use crate::chart::curated::draw;

    #[test]
    fn lines_too_small_to_see_are_named() {
        let drawn = draw("ncmec-cybertipline-by-country", "chart=line&geo=PHL,KEN,UGA", Size::new(760, 440));
        let note = drawn.svg.split(r#"<g class="scale-note">"#).nth(1).expect("a scale note").split("</g>").next().unwrap();
        let text: String = note.split("</text>").filter_map(|t| t.rsplit('>').next()).collect::<Vec<_>>().join(" ");
        assert!(text.starts_with("Too small to see at this scale (under "), "{text}");
        assert!(text.contains("Kenya") && text.contains("Uganda") && !text.contains("Philippines"), "{text}");
        // Lines of a like size: no note.
        let drawn = draw("ncmec-cybertipline-by-country", "chart=line&geo=PHL,IND", Size::new(760, 440));
        assert!(!drawn.svg.contains("scale-note"));
    }
}
