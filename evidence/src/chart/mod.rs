//! Chart rendering: one function from (chart state, data, metadata, size) to
//! SVG, used by the page, the exports and the embeds alike.
//!
//! Each chart kind has its own module with the same role: `render(&Plot,
//! Size) -> String`, an SVG of the plot alone. [`frame`] wraps a plot in the
//! "sandwich" (title, subtitle, plot, notes, source line, caveats, permalink)
//! for exports and no-JS embeds; the page draws that sandwich in HTML.

pub mod bar;
pub mod frame;
pub mod line;
pub mod map;
pub mod palette;
pub mod select;
pub mod summary;
pub mod table;
pub mod text;
pub mod xml_check;

use std::collections::HashMap;

use crate::model::{DatasetMeta, Lang, Observation};
use crate::state::{ChartKind, ChartState};

pub use frame::{Frame, render_framed};
pub use map::WorldMap;
pub use select::select;
pub use summary::describe;

/// The font every chart is drawn and measured with (a subset of Liberation
/// Sans 2, OFL; see assets/fonts).
pub const FONT_FAMILY: &str = "Evidence Sans";
/// The font list of exported pictures: the embedded font, then fonts most
/// systems have, so an SVG opened outside a browser stays sans-serif.
pub const FONT_STACK: &str = "Evidence Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    pub const fn new(width: u32, height: u32) -> Self {
        Size { width, height }
    }
}

/// Everything a chart kind needs to draw: the observations already chosen
/// by [`select`], how to name them, and the user's state.
pub struct Plot<'a> {
    pub meta: &'a DatasetMeta,
    pub observations: &'a [Observation],
    /// Geography code -> name in the chart's language.
    pub geo_names: &'a HashMap<String, String>,
    pub state: &'a ChartState,
    /// Needed by the map only.
    pub world: Option<&'a WorldMap>,
}

impl Plot<'_> {
    pub fn lang(&self) -> Lang {
        self.state.lang
    }
    pub fn geo_name<'b>(&'b self, code: &'b str) -> &'b str {
        self.geo_names.get(code).map(String::as_str).unwrap_or(code)
    }
    /// The label of one line or bar: the geography, the series, or both.
    pub fn series_key_label(&self, o: &Observation) -> String {
        let multi_geo = self.observations.iter().any(|x| x.geo != o.geo);
        let series = self.meta.series_label(&o.series, self.lang());
        match (o.series.is_empty(), multi_geo) {
            (true, _) => self.geo_name(&o.geo).to_string(),
            (false, false) => series.to_string(),
            (false, true) => format!("{} \u{2014} {}", self.geo_name(&o.geo), series),
        }
    }
}

/// The plot alone, as SVG, for the chart kind in the state.
pub fn render_plot(plot: &Plot, size: Size) -> String {
    match plot.state.chart {
        ChartKind::Line => line::render(plot, size),
        ChartKind::Bar => bar::render(plot, size),
        ChartKind::Map => map::render(plot, size),
        ChartKind::Table => table::render(plot, size),
    }
}

/// Escapes text for SVG and HTML element content and attribute values.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters and the noncharacters U+FFFE/U+FFFF are
            // not allowed in XML; they would make the SVG malformed.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A number as people read it: thousands separated, at most one decimal for
/// percentages; French uses a narrow space and a decimal comma.
pub fn format_number(v: f64, lang: Lang) -> String {
    let neg = v < 0.0;
    let v = v.abs();
    let decimals = if v.fract() == 0.0 { 0 } else if v < 10.0 { 2 } else { 1 };
    let text = format!("{v:.decimals$}");
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let frac = frac.map(|f| f.trim_end_matches('0')).filter(|f| !f.is_empty());
    let (group, point) = match lang {
        Lang::En => (",", "."),
        Lang::Fr => ("\u{202f}", ","),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if neg {
        out.push('\u{2212}');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push_str(point);
        out.push_str(f);
    }
    out
}

/// Short axis labels: 1.2M, 350k.
pub fn format_compact(v: f64, lang: Lang) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (v / 1e9, match lang { Lang::En => "B", Lang::Fr => "\u{a0}Md" })
    } else if a >= 1e6 {
        (v / 1e6, match lang { Lang::En => "M", Lang::Fr => "\u{a0}M" })
    } else if a >= 1e4 {
        (v / 1e3, match lang { Lang::En => "k", Lang::Fr => "\u{a0}k" })
    } else {
        return format_number((v * 100.0).round() / 100.0, lang);
    };
    let rounded = (scaled * 10.0).round() / 10.0;
    format!("{}{suffix}", format_number(rounded, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_become_spaces() {
        assert_eq!(escape_xml("A\u{FFFF}B\u{FFFE}C\u{0}D"), "A B C D");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape_xml(r#"<script>"a"&'b'</script>"#), "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;");
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(format_number(16987361.0, Lang::En), "16,987,361");
        assert_eq!(format_number(16987361.0, Lang::Fr), "16\u{202f}987\u{202f}361");
        assert_eq!(format_number(14.7, Lang::En), "14.7");
        assert_eq!(format_number(14.7, Lang::Fr), "14,7");
        assert_eq!(format_number(4.0, Lang::En), "4");
        assert_eq!(format_compact(36210368.0, Lang::En), "36.2M");
        assert_eq!(format_compact(587852.0, Lang::En), "587.9k");
    }
}
