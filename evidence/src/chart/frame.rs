//! The "sandwich" around a plot for exports and no-JS embeds, laid out from
//! the chart sheet: title, subtitle, byline, the words a link's sharer
//! added (marked as theirs), the plot, the selection notes, the source line,
//! the whole caveat panel in the chosen tone (definition and population
//! included), comparability, the data release and a permalink. There is no
//! option to leave the caveats out: a figure never travels without them.

use super::text::{FontWeight, width, wrap};
use super::{FONT_FAMILY, FONT_STACK, Plot, Size, escape_xml};
use crate::sheet::ChartSheet;

const MARGIN: f64 = 24.0;
const TITLE_PX: f64 = 22.0;
const SUBTITLE_PX: f64 = 15.0;
const BODY_PX: f64 = 13.0;
const LINE: f64 = 1.35;
/// The plot never gets less than this, however long the caveats.
const MIN_PLOT_HEIGHT: u32 = 220;

/// The frame's words are the chart sheet's: the frame lays them out and
/// adds none of its own.
pub type Frame = ChartSheet;

struct Block {
    y: f64,
    svg: String,
}

fn text_lines(lines: &[String], x: f64, y: f64, px: f64, weight: FontWeight, fill: &str) -> Block {
    let mut svg = String::new();
    let mut y = y;
    let w = if weight == FontWeight::Bold { "700" } else { "400" };
    for line in lines {
        y += px * LINE;
        svg.push_str(&format!(
            r#"<text x="{x:.1}" y="{:.1}" font-family="{FONT_STACK}" font-size="{px}" font-weight="{w}" fill="{fill}">{}</text>"#,
            y - px * (LINE - 1.0) - px * 0.2,
            escape_xml(line)
        ));
    }
    Block { y, svg }
}

/// Lines of body text, wrapped to `inner`, one block after another.
fn paragraph(out: &mut String, y: &mut f64, text: &str, x: f64, inner: f64, weight: FontWeight, fill: &str) {
    let b = text_lines(&wrap(text, BODY_PX, weight, inner), x, *y, BODY_PX, weight, fill);
    out.push_str(&b.svg);
    *y = b.y;
}

/// The full framed chart as one standalone SVG document.
pub fn render_framed(plot: &Plot, size: Size, sheet: &ChartSheet) -> String {
    let w = size.width.max(280) as f64;
    let inner = w - 2.0 * MARGIN;
    let lang = sheet.lang;
    let mut head = String::new();
    let mut y = MARGIN - 6.0;
    let title = wrap(&sheet.title, TITLE_PX, FontWeight::Bold, inner);
    let b = text_lines(&title, MARGIN, y, TITLE_PX, FontWeight::Bold, "#111");
    head.push_str(&b.svg);
    y = b.y;
    let b = text_lines(&wrap(&sheet.subtitle, SUBTITLE_PX, FontWeight::Regular, inner), MARGIN, y + 2.0, SUBTITLE_PX, FontWeight::Regular, "#444");
    head.push_str(&b.svg);
    y = b.y;
    let byline = wrap(&sheet.byline, BODY_PX, FontWeight::Regular, inner);
    let room = inner - width(&format!("{} · ", sheet.subtitle), SUBTITLE_PX, FontWeight::Regular) - width(&sheet.byline, BODY_PX, FontWeight::Regular);
    if byline.len() == 1 && b.svg.matches("<text").count() == 1 && room > 0.0 {
        // Beside a one-line subtitle when it fits: every line of the head
        // is a line the plot does not get.
        let x = MARGIN + width(&format!("{} · ", sheet.subtitle), SUBTITLE_PX, FontWeight::Regular);
        // On the subtitle's baseline.
        let baseline = y - SUBTITLE_PX * (LINE - 1.0) - SUBTITLE_PX * 0.2;
        head.push_str(&format!(
            r##"<text x="{x:.1}" y="{baseline:.1}" font-family="{FONT_STACK}" font-size="{BODY_PX}" font-weight="400" fill="#444">{}</text>"##,
            escape_xml(&byline[0])
        ));
    } else {
        paragraph(&mut head, &mut y, &sheet.byline, MARGIN, inner, FontWeight::Regular, "#444");
    }
    // The sharer's words, in a box of their own under its heading: never
    // the chart's title.
    if let Some(shared) = &sheet.shared {
        let top = y + 6.0;
        let mut block = String::new();
        let mut by = top + 2.0;
        paragraph(&mut block, &mut by, &shared.heading, MARGIN + 10.0, inner - 20.0, FontWeight::Bold, "#111");
        for line in shared.lines(lang) {
            paragraph(&mut block, &mut by, &line, MARGIN + 10.0, inner - 20.0, FontWeight::Regular, "#222");
        }
        by += 6.0;
        head.push_str(&format!(
            r##"<rect x="{MARGIN}" y="{top:.1}" width="{inner:.1}" height="{:.1}" fill="#f1f5f9" stroke="#64748b" stroke-width="1" stroke-dasharray="4 3" rx="4"/>"##,
            by - top
        ));
        head.push_str(&block);
        y = by;
    }
    let plot_top = y + 10.0;

    // The footer is laid out first so that its height is known.
    let mut foot = String::new();
    let mut fy = 0.0;
    for note in &sheet.selection_notes {
        paragraph(&mut foot, &mut fy, note, MARGIN, inner, FontWeight::Regular, "#222");
    }
    if !sheet.selection_notes.is_empty() {
        fy += 6.0;
    }
    paragraph(&mut foot, &mut fy, &sheet.source_line(), MARGIN, inner, FontWeight::Regular, "#333");
    let mut licence = sheet.licence_line.clone();
    if let Some(release) = &sheet.release_line {
        licence.push_str(&format!(" · {release}"));
    }
    paragraph(&mut foot, &mut fy, &licence, MARGIN, inner, FontWeight::Regular, "#333");
    fy += 8.0;
    let panel_top = fy;
    let b = text_lines(std::slice::from_ref(&sheet.caveats_heading), MARGIN + 10.0, fy + 4.0, BODY_PX + 1.0, FontWeight::Bold, "#111");
    let mut panel = b.svg;
    fy = b.y + 2.0;
    // Every statement of the panel, in order; on a wide picture they flow
    // into columns, so that the caveats do not squeeze the plot.
    let mut statements: Vec<(String, FontWeight)> = Vec::new();
    for section in &sheet.caveats {
        for item in &section.items {
            statements.push((format!("{}: {}", section.label, item.line()), FontWeight::Regular));
        }
    }
    if !sheet.comparability.is_empty() {
        statements.push((sheet.comparability_heading.clone(), FontWeight::Bold));
        statements.extend(sheet.comparability.iter().map(|l| (l.clone(), FontWeight::Regular)));
    }
    if !sheet.provenance.is_empty() {
        statements.push((sheet.provenance_heading.clone(), FontWeight::Bold));
        statements.extend(sheet.provenance.iter().map(|l| (l.clone(), FontWeight::Regular)));
    }
    let columns = if inner >= 900.0 { 2 } else { 1 };
    let gap = 24.0;
    let column_width = (inner - 20.0 - gap * (columns as f64 - 1.0)) / columns as f64;
    let wrapped: Vec<(Vec<String>, FontWeight)> = statements.iter().map(|(t, w)| (wrap(t, BODY_PX, *w, column_width), *w)).collect();
    let height = |lines: &[String]| lines.len() as f64 * BODY_PX * LINE + 3.0;
    let total: f64 = wrapped.iter().map(|(l, _)| height(l)).sum();
    let column_top = fy;
    let mut column = 0;
    let mut bottom = fy;
    for (lines, weight) in &wrapped {
        // The next column once this one holds its share.
        if column + 1 < columns && fy - column_top + height(lines) / 2.0 > total / columns as f64 {
            column += 1;
            fy = column_top;
        }
        let x = MARGIN + 10.0 + column as f64 * (column_width + gap);
        let b = text_lines(lines, x, fy, BODY_PX, *weight, if *weight == FontWeight::Bold { "#111" } else { "#222" });
        panel.push_str(&b.svg);
        fy = b.y + 3.0;
        bottom = bottom.max(fy);
    }
    fy = bottom;
    fy += 8.0;
    foot.push_str(&format!(
        r##"<rect x="{MARGIN}" y="{panel_top:.1}" width="{inner:.1}" height="{:.1}" fill="#fff8e6" stroke="#b7791f" stroke-width="1" rx="4"/>"##,
        fy - panel_top
    ));
    foot.push_str(&panel);
    // A gap below the caveat panel's border, which the next line would touch.
    fy += 4.0;
    let link = text_lines(&wrap(&sheet.permalink, BODY_PX - 1.0, FontWeight::Regular, inner), MARGIN, fy, BODY_PX - 1.0, FontWeight::Regular, "#1d4ed8");
    foot.push_str(&link.svg);
    let footer_height = link.y + MARGIN - 8.0;

    // The 8 px gap above the footer is part of the height asked for, so a
    // picture is exactly the size asked for (a 1920×1080 slide is 16:9)
    // unless the plot would fall under its minimum: then it grows taller
    // rather than lose any caveat.
    let wanted_plot = size.height as f64 - plot_top - footer_height - 8.0;
    let plot_height = wanted_plot.max(MIN_PLOT_HEIGHT as f64).floor() as u32;
    let plot_width = (w - 2.0 * MARGIN + 8.0).round() as u32;
    let plot_svg = super::draw(plot, Size::new(plot_width, plot_height));
    let total_height = (plot_top + plot_height as f64 + footer_height + 8.0).ceil().max(size.height as f64);
    let foot_y = plot_top + plot_height as f64 + 8.0;
    let svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{total_height}" viewBox="0 0 {w} {total_height}" role="img" aria-labelledby="frame-title frame-desc"><title id="frame-title">{title}</title><desc id="frame-desc">{desc}</desc><rect width="100%" height="100%" fill="#fff"/>{head}<g transform="translate({px:.1},{plot_top:.1})">{plot}</g><g transform="translate(0,{foot_y:.1})">{foot}</g></svg>"##,
        title = escape_xml(&sheet.title),
        desc = escape_xml(&sheet.summary),
        px = MARGIN - 8.0,
        plot = strip_outer_svg(&plot_svg, plot_width, plot_height),
    );
    // The plot names the embedded font alone (the page styles it); a file
    // opened outside a browser needs a fallback, or it shows a serif.
    svg.replace(&format!(r#"font-family="{FONT_FAMILY}""#), &format!(r#"font-family="{FONT_STACK}""#))
}

/// Turns a standalone plot SVG into a nested `<svg>` element.
fn strip_outer_svg(svg: &str, w: u32, h: u32) -> String {
    let body_start = svg.find('>').map(|i| i + 1).unwrap_or(0);
    let body_end = svg.rfind("</svg>").unwrap_or(svg.len());
    format!(r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}">{}</svg>"#, &svg[body_start..body_end])
}

/// A numbered-free note marker: a dot and a short label near a point.
pub fn note_marker(px: i32, py: i32, text: &str, width_px: u32) -> String {
    let label: String = text.chars().take(40).collect();
    let label = if text.chars().count() > 40 { format!("{label}…") } else { label };
    let tw = width(&label, 12.0, FontWeight::Bold);
    let right = px as f64 + 8.0 + tw < width_px as f64 - 4.0;
    let (tx, anchor) = if right { (px as f64 + 8.0, "start") } else { (px as f64 - 8.0, "end") };
    let ty = (py - 10).max(12);
    format!(
        r##"<g class="note"><line x1="{px}" y1="{py}" x2="{tx:.0}" y2="{ty}" stroke="#111" stroke-width="1"/><circle cx="{px}" cy="{py}" r="6" fill="none" stroke="#111" stroke-width="1.5"/><text x="{tx:.0}" y="{ty}" text-anchor="{anchor}" font-family="{FONT_FAMILY}" font-size="12" font-weight="700" fill="#111" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text></g>"##,
        escape_xml(&label)
    )
}

/// Adds the accessible name, description and our focusable marks to a
/// plotters SVG.
pub(crate) fn finish_plot_svg(svg: String, plot: &Plot, size: Size, marks: &str) -> String {
    let start = svg.find('>').map(|i| i + 1).unwrap_or(0);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    // The dataset's own name: a title from a link is the sharer's words,
    // shown as theirs by the frame and the page, never as the chart's name.
    let title = plot.meta.title.get(plot.lang()).to_string();
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="group" aria-label="{title}"><desc>{desc}</desc>{body}{marks}</svg>"#,
        kind = plot.kind().code(),
        w = size.width,
        h = size.height,
        title = escape_xml(&title),
        desc = escape_xml(&super::describe(plot)),
        body = &svg[start..end],
    )
}
