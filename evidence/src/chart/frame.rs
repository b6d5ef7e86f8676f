//! The "sandwich" around a plot for exports and no-JS embeds: title,
//! subtitle, the plot, the user's notes, the source line, the caveats in the
//! chosen tone and a permalink. There is no option to leave the caveats out:
//! a figure never travels without them.

use super::text::{FontWeight, width, wrap};
use super::{FONT_FAMILY, Plot, Size, escape_xml};
use crate::model::{CaveatKind, Lang};

const MARGIN: f64 = 24.0;
const TITLE_PX: f64 = 22.0;
const SUBTITLE_PX: f64 = 15.0;
const BODY_PX: f64 = 13.0;
const LINE: f64 = 1.35;
/// The plot never gets less than this, however long the caveats.
const MIN_PLOT_HEIGHT: u32 = 220;

#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub title: String,
    pub subtitle: Option<String>,
    pub notes: Vec<String>,
    pub source_line: String,
    pub caveats_heading: String,
    /// (kind label, text) in the chosen tone and language.
    pub caveats: Vec<(String, String)>,
    pub permalink: String,
    pub summary: String,
}

pub fn caveat_kind_label(kind: CaveatKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CaveatKind::Coverage, Lang::En) => "Coverage",
        (CaveatKind::Coverage, Lang::Fr) => "Couverture",
        (CaveatKind::Bias, Lang::En) => "Known biases",
        (CaveatKind::Bias, Lang::Fr) => "Biais connus",
        (CaveatKind::Definition, Lang::En) => "Definition",
        (CaveatKind::Definition, Lang::Fr) => "Définition",
        (CaveatKind::Comparability, Lang::En) => "Comparability",
        (CaveatKind::Comparability, Lang::Fr) => "Comparabilité",
        (CaveatKind::Method, Lang::En) => "Method",
        (CaveatKind::Method, Lang::Fr) => "Méthode",
    }
}

impl Frame {
    /// The frame for a plot: the user's title or the dataset's, and every
    /// caveat of the dataset in the state's tone and language.
    pub fn for_plot(plot: &Plot, permalink: &str) -> Frame {
        let lang = plot.lang();
        let meta = plot.meta;
        let title = plot.state.title.clone().unwrap_or_else(|| meta.title.get(lang).to_string());
        let subtitle = plot.state.subtitle.clone().or_else(|| {
            Some(format!("{} ({})", meta.indicator.name.get(lang), meta.indicator.unit_label.get(lang)))
        });
        let mut caveats: Vec<(String, String)> = Vec::new();
        let mut kinds: Vec<CaveatKind> = meta.caveats.iter().map(|c| c.kind).collect();
        kinds.sort();
        kinds.dedup();
        for kind in kinds {
            for c in meta.caveats_of(kind) {
                caveats.push((caveat_kind_label(kind, lang).to_string(), c.text(plot.state.tone).get(lang).to_string()));
            }
        }
        let mut used_sources: Vec<&str> = plot.observations.iter().map(|o| o.source_ref.as_str()).collect();
        used_sources.sort_unstable();
        used_sources.dedup();
        let sources: Vec<String> = meta
            .sources
            .iter()
            .filter(|s| used_sources.is_empty() || used_sources.contains(&s.id.as_str()))
            .map(|s| match s.year {
                Some(y) => format!("{} ({y}) {}", s.title, s.url),
                None => format!("{} {}", s.title, s.url),
            })
            .collect();
        let source_word = match lang {
            Lang::En => "Source",
            Lang::Fr => "Source",
        };
        Frame {
            title,
            subtitle,
            notes: plot
                .state
                .notes
                .iter()
                .map(|n| match &n.geo {
                    Some(g) => format!("{} {}: {}", plot.geo_name(g), n.period.label(), n.text),
                    None => format!("{}: {}", n.period.label(), n.text),
                })
                .collect(),
            source_line: format!("{source_word}: {}. {}", meta.publisher, sources.join("; ")),
            caveats_heading: match lang {
                Lang::En => "What these figures do and do not show".to_string(),
                Lang::Fr => "Ce que ces chiffres montrent et ne montrent pas".to_string(),
            },
            caveats,
            permalink: permalink.to_string(),
            summary: super::describe(plot),
        }
    }
}

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
            r#"<text x="{x:.1}" y="{:.1}" font-family="{FONT_FAMILY}" font-size="{px}" font-weight="{w}" fill="{fill}">{}</text>"#,
            y - px * (LINE - 1.0) - px * 0.2,
            escape_xml(line)
        ));
    }
    Block { y, svg }
}

/// The full framed chart as one standalone SVG document.
pub fn render_framed(plot: &Plot, size: Size, frame: &Frame) -> String {
    let w = size.width.max(280) as f64;
    let inner = w - 2.0 * MARGIN;
    let mut head = String::new();
    let mut y = MARGIN - 6.0;
    let title = wrap(&frame.title, TITLE_PX, FontWeight::Bold, inner);
    let b = text_lines(&title, MARGIN, y, TITLE_PX, FontWeight::Bold, "#111");
    head.push_str(&b.svg);
    y = b.y;
    if let Some(sub) = &frame.subtitle {
        let b = text_lines(&wrap(sub, SUBTITLE_PX, FontWeight::Regular, inner), MARGIN, y + 2.0, SUBTITLE_PX, FontWeight::Regular, "#444");
        head.push_str(&b.svg);
        y = b.y;
    }
    let plot_top = y + 10.0;

    // The footer is laid out first so that its height is known.
    let mut foot = String::new();
    let mut fy = 0.0;
    if !frame.notes.is_empty() {
        let heading = match plot.lang() {
            Lang::En => "Notes",
            Lang::Fr => "Notes",
        };
        let b = text_lines(&[heading.to_string()], MARGIN, fy, BODY_PX, FontWeight::Bold, "#111");
        foot.push_str(&b.svg);
        fy = b.y;
        for (i, n) in frame.notes.iter().enumerate() {
            let b = text_lines(&wrap(&format!("{}. {n}", i + 1), BODY_PX, FontWeight::Regular, inner), MARGIN, fy, BODY_PX, FontWeight::Regular, "#222");
            foot.push_str(&b.svg);
            fy = b.y;
        }
        fy += 6.0;
    }
    let b = text_lines(&wrap(&frame.source_line, BODY_PX, FontWeight::Regular, inner), MARGIN, fy, BODY_PX, FontWeight::Regular, "#333");
    foot.push_str(&b.svg);
    fy = b.y + 8.0;
    let panel_top = fy;
    let b = text_lines(std::slice::from_ref(&frame.caveats_heading), MARGIN + 10.0, fy + 4.0, BODY_PX + 1.0, FontWeight::Bold, "#111");
    let mut panel = b.svg;
    fy = b.y + 2.0;
    for (kind, text) in &frame.caveats {
        let label = format!("{kind}: ");
        let lines = wrap(&format!("{label}{text}"), BODY_PX, FontWeight::Regular, inner - 20.0);
        let b = text_lines(&lines, MARGIN + 10.0, fy, BODY_PX, FontWeight::Regular, "#222");
        panel.push_str(&b.svg);
        fy = b.y + 3.0;
    }
    fy += 8.0;
    foot.push_str(&format!(
        r##"<rect x="{MARGIN}" y="{panel_top:.1}" width="{inner:.1}" height="{:.1}" fill="#fff8e6" stroke="#b7791f" stroke-width="1" rx="4"/>"##,
        fy - panel_top
    ));
    foot.push_str(&panel);
    // A gap below the caveat panel's border, which the link would touch.
    let link = text_lines(&wrap(&frame.permalink, BODY_PX - 1.0, FontWeight::Regular, inner), MARGIN, fy + 4.0, BODY_PX - 1.0, FontWeight::Regular, "#1d4ed8");
    foot.push_str(&link.svg);
    let footer_height = link.y + MARGIN - 8.0;

    // The 8 px gap above the footer is part of the height asked for, so a
    // picture is exactly the size asked for (a 1920×1080 slide is 16:9)
    // unless the plot would fall under its minimum: then it grows taller
    // rather than lose any caveat.
    let wanted_plot = size.height as f64 - plot_top - footer_height - 8.0;
    let plot_height = wanted_plot.max(MIN_PLOT_HEIGHT as f64).floor() as u32;
    let plot_width = (w - 2.0 * MARGIN + 8.0).round() as u32;
    let plot_svg = super::render_plot(plot, Size::new(plot_width, plot_height));
    let total_height = (plot_top + plot_height as f64 + footer_height + 8.0).ceil().max(size.height as f64);
    let foot_y = plot_top + plot_height as f64 + 8.0;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{total_height}" viewBox="0 0 {w} {total_height}" role="img" aria-labelledby="frame-title frame-desc"><title id="frame-title">{title}</title><desc id="frame-desc">{desc}</desc><rect width="100%" height="100%" fill="#fff"/>{head}<g transform="translate({px:.1},{plot_top:.1})">{plot}</g><g transform="translate(0,{foot_y:.1})">{foot}</g></svg>"##,
        title = escape_xml(&frame.title),
        desc = escape_xml(&frame.summary),
        px = MARGIN - 8.0,
        plot = strip_outer_svg(&plot_svg, plot_width, plot_height),
    )
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
    let title = plot.state.title.clone().unwrap_or_else(|| plot.meta.title.get(plot.lang()).to_string());
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="group" aria-label="{title}"><desc>{desc}</desc>{body}{marks}</svg>"#,
        kind = plot.state.chart.code(),
        w = size.width,
        h = size.height,
        title = escape_xml(&title),
        desc = escape_xml(&super::describe(plot)),
        body = &svg[start..end],
    )
}
