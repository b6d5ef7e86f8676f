//! Table: every figure with its period, interval and note. The page shows an
//! HTML table built from [`rows`]; exports draw it as SVG with [`render`],
//! in the same order.

use std::fmt::Write as _;

use super::text::{FontWeight, width};
use super::{FONT_FAMILY, Plot, Size, escape_xml, format_number};
use crate::model::{Grade, Lang, Observation};

/// The code sources use for figures not attributed to any country (NCMEC's
/// "no country listed"). It is a figure like any other: never dropped.
pub const UNLISTED_GEO: &str = "ZZZ";

/// The name of a geography, with a built-in name for [`UNLISTED_GEO`] in
/// case the reference list given to the chart lacks it.
pub(crate) fn place_name<'a>(plot: &'a Plot, code: &'a str) -> &'a str {
    match plot.geo_names.get(code) {
        Some(name) => name,
        None if code == UNLISTED_GEO => match plot.lang() {
            Lang::En => "No country listed",
            Lang::Fr => "Aucun pays indiqué",
        },
        None => code,
    }
}

/// The label of one figure (place, series, or both), like
/// [`Plot::series_key_label`] but with [`place_name`].
pub(crate) fn figure_label(plot: &Plot, o: &Observation) -> String {
    if o.geo == UNLISTED_GEO && !plot.geo_names.contains_key(UNLISTED_GEO) {
        let place = place_name(plot, &o.geo);
        let multi_geo = plot.observations.iter().any(|x| x.geo != o.geo);
        return match (o.series.is_empty(), multi_geo) {
            (true, _) => place.to_string(),
            (false, false) => plot.meta.series_label(&o.series, plot.lang()).to_string(),
            (false, true) => format!("{place} \u{2014} {}", plot.meta.series_label(&o.series, plot.lang())),
        };
    }
    plot.series_key_label(o)
}

/// The label of the one series all `figures` belong to, when they share a
/// named series: bar charts and maps then name places only and state the
/// series once, as a caption.
pub(crate) fn shared_series<'a>(plot: &'a Plot, figures: &[&'a Observation]) -> Option<&'a str> {
    let first = figures.first()?;
    let shared = !first.series.is_empty() && figures.iter().all(|o| o.series == first.series);
    shared.then(|| plot.meta.series_label(&first.series, plot.lang()))
}

/// One row of the table, ready to show: the HTML page and the SVG export
/// read the same rows.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub label: String,
    pub geo: String,
    pub series: String,
    pub period: String,
    pub value: f64,
    pub value_text: String,
    pub interval_text: Option<String>,
    pub note: String,
    pub source: String,
    /// Where the figure was seen; a non-verbatim grade is shown in the row.
    pub grade: Grade,
    /// The grade in words ("Secondary source (…): …", "Computed by us: …"),
    /// empty for a verbatim figure.
    pub grade_text: String,
}

/// The observations in table order: the latest period first, largest value
/// first within a period, then earlier periods the same way.
fn ordered<'a>(plot: &'a Plot) -> Vec<&'a Observation> {
    let mut obs: Vec<&Observation> = plot.observations.iter().collect();
    obs.sort_by(|a, b| {
        b.period
            .cmp(&a.period)
            .then_with(|| b.value.total_cmp(&a.value))
            .then_with(|| (&a.geo, &a.series).cmp(&(&b.geo, &b.series)))
    });
    obs
}

fn interval_text(o: &Observation, lang: Lang) -> Option<String> {
    match (o.lower, o.upper) {
        (Some(lo), Some(hi)) => Some(format!("{}\u{2013}{}", format_number(lo, lang), format_number(hi, lang))),
        _ => None,
    }
}

/// The rows of the table, in display order (see [`ordered`]).
pub fn rows(plot: &Plot) -> Vec<TableRow> {
    let lang = plot.lang();
    ordered(plot)
        .into_iter()
        .map(|o| TableRow {
            label: figure_label(plot, o),
            geo: o.geo.clone(),
            series: o.series.clone(),
            period: o.period.label(),
            value: o.value,
            value_text: format_number(o.value, lang),
            interval_text: interval_text(o, lang),
            note: o.note.clone(),
            source: plot.meta.source(&o.source_ref).map_or_else(|| o.source_ref.clone(), |s| s.title.clone()),
            grade: o.grade,
            grade_text: super::line::grade_text(plot, o).unwrap_or_default(),
        })
        .collect()
}

/// SVG shown when a selection has no figures: the gap is stated, not drawn
/// as zero.
pub fn empty_svg(plot: &Plot, size: Size) -> String {
    let msg = match plot.lang() {
        Lang::En => "No figures for this selection",
        Lang::Fr => "Aucune donnée pour cette sélection",
    };
    message_svg(size, msg)
}

/// A plot-sized SVG that states `message` in the middle.
pub fn message_svg(size: Size, message: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-empty" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{m}"><text x="{x}" y="{y}" text-anchor="middle" font-family="{FONT_FAMILY}" font-size="15" fill="#444">{m}</text></svg>"##,
        w = size.width,
        h = size.height,
        x = size.width / 2,
        y = size.height / 2,
        m = escape_xml(message)
    )
}

/// `s` cut to fit `max_width` pixels, ending with "…" when cut.
pub(crate) fn truncate_to_width(s: &str, px: f64, weight: FontWeight, max_width: f64) -> String {
    if width(s, px, weight) <= max_width {
        return s.to_string();
    }
    let ellipsis_w = width("\u{2026}", px, weight);
    let mut out = String::new();
    let mut used = 0.0;
    for c in s.chars() {
        let mut buf = [0u8; 4];
        let cw = width(c.encode_utf8(&mut buf), px, weight);
        if used + cw + ellipsis_w > max_width {
            break;
        }
        used += cw;
        out.push(c);
    }
    let trimmed = out.trim_end();
    format!("{trimmed}\u{2026}")
}

const BODY_PX: f64 = 12.0;
const ROW_HEIGHT: f64 = 20.0;
const HEADER_HEIGHT: f64 = 26.0;
const CELL_PAD: f64 = 8.0;
/// Below this the note column is left out rather than cut to a few letters;
/// the notes travel in the CSV and in each row's tooltip.
const MIN_NOTE_WIDTH: f64 = 90.0;

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Start,
    End,
}

struct Column {
    header: String,
    width: f64,
    align: Align,
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn render(plot: &Plot, size: Size) -> String {
    let rows = rows(plot);
    if rows.is_empty() {
        return empty_svg(plot, size);
    }
    let lang = plot.lang();
    let obs = ordered(plot);
    let w = size.width as f64;
    let cell_w = |s: &str, weight| width(s, BODY_PX, weight) + 2.0 * CELL_PAD;
    let widest = |header: &str, cells: &mut dyn Iterator<Item = &str>| {
        cells.map(|c| cell_w(c, FontWeight::Regular)).fold(cell_w(header, FontWeight::Bold), f64::max)
    };

    let one_place = rows.iter().all(|r| r.geo == rows[0].geo);
    let label_header = match (one_place && !rows[0].series.is_empty(), lang) {
        (true, Lang::En) => "Series",
        (true, Lang::Fr) => "Série",
        (false, Lang::En) => "Place",
        (false, Lang::Fr) => "Lieu",
    };
    let (period_header, interval_header) = match lang {
        Lang::En => ("Period", "Interval"),
        Lang::Fr => ("Période", "Intervalle"),
    };
    let value_header = capitalised(plot.meta.indicator.unit_label.get(lang));
    let has_interval = rows.iter().any(|r| r.interval_text.is_some());
    let has_note = rows.iter().any(|r| !r.note.is_empty());
    let has_grade = rows.iter().any(|r| r.grade != Grade::Verbatim);
    let grade_header = match lang {
        Lang::En => "Grade",
        Lang::Fr => "Niveau",
    };
    let grade_cell = |r: &TableRow| if r.grade == Grade::Verbatim { "" } else { r.grade.short_label(lang) };

    let period_w = widest(period_header, &mut rows.iter().map(|r| r.period.as_str()));
    let value_w = widest(&value_header, &mut rows.iter().map(|r| r.value_text.as_str()));
    let interval_w = if has_interval {
        widest(interval_header, &mut rows.iter().filter_map(|r| r.interval_text.as_deref()))
    } else {
        0.0
    };
    let grade_w = if has_grade { widest(grade_header, &mut rows.iter().map(grade_cell)) } else { 0.0 };
    let fixed = period_w + value_w + interval_w + grade_w;
    let label_w = widest(label_header, &mut rows.iter().map(|r| r.label.as_str())).min((w * 0.36).max(w - fixed - MIN_NOTE_WIDTH)).max(60.0);
    let note_w = w - fixed - label_w;
    let show_note = has_note && note_w >= MIN_NOTE_WIDTH;

    let mut columns = vec![
        Column { header: label_header.to_string(), width: label_w, align: Align::Start },
        Column { header: period_header.to_string(), width: period_w, align: Align::Start },
        Column { header: value_header, width: value_w, align: Align::End },
    ];
    if has_interval {
        columns.push(Column { header: interval_header.to_string(), width: interval_w, align: Align::End });
    }
    if has_grade {
        columns.push(Column { header: grade_header.to_string(), width: grade_w, align: Align::Start });
    }
    if show_note {
        columns.push(Column { header: "Note".to_string(), width: note_w, align: Align::Start });
    }

    let fits = (((size.height as f64) - HEADER_HEIGHT - 4.0) / ROW_HEIGHT).floor().max(1.0) as usize;
    let shown = if rows.len() > fits { fits - 1 } else { rows.len() };

    let mut body = String::with_capacity(256 * (shown + 2));
    let text_el = |out: &mut String, x: f64, y: f64, align: Align, weight: FontWeight, fill: &str, s: &str| {
        let (anchor, weight_attr) = (
            if align == Align::End { "end" } else { "start" },
            if weight == FontWeight::Bold { "700" } else { "400" },
        );
        let _ = write!(
            out,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-family="{FONT_FAMILY}" font-size="{BODY_PX}" font-weight="{weight_attr}" fill="{fill}">{}</text>"#,
            escape_xml(s)
        );
    };
    let cell_x = |col: &Column, left: f64| match col.align {
        Align::Start => left + CELL_PAD,
        Align::End => left + col.width - CELL_PAD,
    };

    // Header and its rule.
    let mut left = 0.0;
    for col in &columns {
        let text = truncate_to_width(&col.header, BODY_PX, FontWeight::Bold, col.width - 2.0 * CELL_PAD);
        text_el(&mut body, cell_x(col, left), HEADER_HEIGHT - 9.0, col.align, FontWeight::Bold, "#111", &text);
        left += col.width;
    }
    let _ = write!(body, r##"<line x1="0" y1="{HEADER_HEIGHT}" x2="{w}" y2="{HEADER_HEIGHT}" stroke="#333" stroke-width="1"/>"##);

    let regime = |o: &Observation| plot.meta.break_for(o.period).map(|b| b.period);
    for (i, (row, o)) in rows.iter().zip(&obs).take(shown).enumerate() {
        let top = HEADER_HEIGHT + i as f64 * ROW_HEIGHT;
        // Rows counted the new way come first (latest period first): a
        // dashed rule where the counting changes, named in its tooltip.
        if i > 0 && regime(obs[i - 1]) != regime(o)
            && let Some(b) = plot.meta.break_for(obs[i - 1].period)
        {
            let _ = write!(
                body,
                r##"<g class="series-break"><title>{}</title><line x1="0" y1="{top}" x2="{w}" y2="{top}" stroke="{}" stroke-width="1.5" stroke-dasharray="5 3"/></g>"##,
                escape_xml(&format!("{}: {}", b.label.get(lang), b.reason.get(plot.state.tone, lang))),
                super::palette::BREAK_LINE
            );
        }
        let baseline = top + ROW_HEIGHT - 6.0;
        let title = super::line::point_label(plot, &row.label, o);
        let _ = write!(body, r#"<g class="row"><title>{}</title>"#, escape_xml(&title));
        if i % 2 == 1 {
            let _ = write!(body, r##"<rect x="0" y="{top}" width="{w}" height="{ROW_HEIGHT}" fill="#f4f5f7"/>"##);
        }
        let cells = [
            Some(row.label.as_str()),
            Some(row.period.as_str()),
            Some(row.value_text.as_str()),
            has_interval.then(|| row.interval_text.as_deref().unwrap_or("")),
            has_grade.then(|| grade_cell(row)),
            show_note.then_some(row.note.as_str()),
        ];
        let mut left = 0.0;
        for (col, cell) in columns.iter().zip(cells.into_iter().flatten()) {
            let text = truncate_to_width(cell, BODY_PX, FontWeight::Regular, col.width - 2.0 * CELL_PAD);
            text_el(&mut body, cell_x(col, left), baseline, col.align, FontWeight::Regular, "#222", &text);
            left += col.width;
        }
        body.push_str("</g>");
    }
    if shown < rows.len() {
        let more = rows.len() - shown;
        let text = match lang {
            Lang::En => format!("+{more} more rows in the CSV"),
            Lang::Fr => format!("+{more} lignes de plus dans le CSV"),
        };
        let y = HEADER_HEIGHT + shown as f64 * ROW_HEIGHT + ROW_HEIGHT - 6.0;
        text_el(&mut body, CELL_PAD, y, Align::Start, FontWeight::Regular, "#444", &text);
    }
    let svg = format!("<svg>{body}</svg>");
    super::frame::finish_plot_svg(svg, plot, size, "")
}
