//! Chart rendering: one function from (chart state, data, metadata, size) to
//! SVG, used by the page, the exports and the embeds alike.
//!
//! Each chart kind has its own module with the same role: `render(&Plot,
//! Size) -> String`, an SVG of the plot alone. [`frame`] wraps a plot in the
//! "sandwich" (title, subtitle, plot, notes, source line, caveats, permalink)
//! for exports and no-JS embeds; the page draws that sandwich in HTML.

pub mod bar;
pub mod frame;
pub mod kinds;
pub mod line;
pub mod map;
pub mod palette;
pub mod select;
pub mod sizes;
pub mod summary;
pub mod table;
pub mod text;
pub mod xml_check;

use std::collections::HashMap;

use crate::model::{DatasetMeta, Lang, Observation};
use crate::state::{ChartKind, ChartState};

pub use frame::{Frame, render_framed};
pub use kinds::{KindChoice, NotApplicable, applicable_kinds, chart_kinds, resolve_kind, shown_kind};
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
    /// The kind drawn: the state's, unless it does not apply to these
    /// figures (see [`kinds`]); [`select`] chose them for this kind.
    pub fn kind(&self) -> ChartKind {
        kinds::Facts::of(self.observations).resolve(self.state.chart).shown
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

/// The size given to plotters for axis labels and legends. plotters writes
/// 1/1.24 of it as the SVG `font-size` (14 -> 11.3 px; 13 was 10.5 px,
/// under the 11-px floor even at full size).
pub const PLOTTERS_TEXT: u32 = 14;

/// Below this requested width a plot is for a phone: it is laid out at
/// [`PHONE_WIDTH`] and scaled to the requested size.
pub const PHONE_LAYOUT_BELOW: u32 = 600;
/// The width of a phone layout. A picture is scaled to its container, so
/// 12-px text laid out 360 px wide reads at 11.4 CSS px in the 343 px a
/// 375-px phone gives the chart (it would be 8.6 px at 480).
pub const PHONE_WIDTH: u32 = 360;
/// The smallest text of a picture, in CSS px, once it is shown at the width
/// of a phone (WCAG has no number; 11 px is our floor).
pub const MIN_TEXT_PX_ON_PHONE: f64 = 11.0;

/// The size a plot is laid out at for a requested `size`: a phone's width
/// for a narrow request, the same proportions.
pub fn layout_size(size: Size) -> Size {
    if size.width >= PHONE_LAYOUT_BELOW || size.width <= PHONE_WIDTH {
        return size;
    }
    let height = (size.height as f64 * PHONE_WIDTH as f64 / size.width as f64).round() as u32;
    Size::new(PHONE_WIDTH, height.max(1))
}

/// The plot alone, as SVG, for the chart kind drawn ([`Plot::kind`]), at
/// `size`: a narrow request gets a phone layout (see [`layout_size`]) whose
/// `viewBox` is that layout and whose `width`/`height` are the size asked
/// for, so that its text stays readable once scaled to a phone's width.
pub fn render_plot(plot: &Plot, size: Size) -> String {
    let layout = layout_size(size);
    let svg = draw(plot, layout);
    if layout == size {
        return svg;
    }
    // The first tag's size attributes only: the viewBox stays the layout's.
    let from = format!(r#"width="{}" height="{}""#, layout.width, layout.height);
    let to = format!(r#"width="{}" height="{}""#, size.width, size.height);
    let head_end = svg.find('>').unwrap_or(0);
    match svg[..head_end].find(&from) {
        Some(at) => format!("{}{to}{}", &svg[..at], &svg[at + from.len()..]),
        None => svg,
    }
}

/// The plot laid out at exactly `size` (the frame of an export lays the
/// plot out at the size of its own room).
pub(crate) fn draw(plot: &Plot, size: Size) -> String {
    match plot.kind() {
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

/// The curated data package and the world map, for tests that draw real
/// datasets.
#[cfg(test)]
pub(crate) mod curated {
    use std::collections::HashMap;
    use std::sync::OnceLock;

    use super::{Plot, Size, WorldMap, render_plot, select};
    use crate::package::Package;
    use crate::sheet::{ChartSheet, SheetInput};
    use crate::state::ChartState;

    pub fn package() -> &'static Package {
        static P: OnceLock<Package> = OnceLock::new();
        P.get_or_init(|| {
            crate::package::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package is valid")
        })
    }

    pub fn world() -> &'static WorldMap {
        static W: OnceLock<WorldMap> = OnceLock::new();
        W.get_or_init(|| serde_json::from_str(include_str!("../../../assets/world-110m.json")).expect("world map"))
    }

    /// What a caller draws for `dataset` and `query`: the selection, the
    /// sheet, and the plot rendered at `size`.
    pub struct Drawn {
        pub selection: super::select::Selection,
        pub sheet: ChartSheet,
        pub svg: String,
    }

    pub fn draw(dataset: &str, query: &str, size: Size) -> Drawn {
        let package = package();
        let dataset = package.dataset(dataset).expect("dataset");
        let (state, warnings) = ChartState::from_query(query);
        assert!(warnings.is_empty(), "{warnings:?}");
        let names: HashMap<String, String> = package.geographies.iter().map(|g| (g.code.clone(), g.name.get(state.lang).to_string())).collect();
        let selection = select(dataset, &state, &package.geographies);
        let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: Some(world()) };
        let sheet = ChartSheet::build(&SheetInput {
            plot: &plot,
            years: dataset.years_label(),
            selection_notes: &selection.notes,
            missing_geos: &selection.missing_geos,
            permalink: "https://evidence.example/x".into(),
            release: Some(&package.version),
            others: &package.datasets,
            other_titles: &[],
        });
        let svg = render_plot(&plot, size);
        Drawn { selection, sheet, svg }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `font-size` of an SVG and the width of its outer `viewBox`.
    fn font_sizes_and_view_width(svg: &str) -> (Vec<f64>, f64) {
        let head = &svg[..svg.find('>').expect("a tag")];
        let view = head.split("viewBox=\"").nth(1).expect("a viewBox").split('"').next().expect("closed");
        let view_width: f64 = view.split_whitespace().nth(2).expect("width").parse().expect("a number");
        let mut sizes = Vec::new();
        for part in svg.split("font-size").skip(1) {
            let digits: String =
                part.trim_start_matches(['=', '"', ':', ' ']).chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            sizes.push(digits.parse().unwrap_or_else(|_| panic!("font-size{}", &part[..20.min(part.len())])));
        }
        (sizes, view_width)
    }

    /// Issue 13: at 375 px the page's phone chart (480 wide), an embed's
    /// (360) or a 375-wide drawing is scaled to the phone's width; every
    /// text must then be at least 11 CSS px. A 480-wide layout made 12-px
    /// text 9.4 px.
    #[test]
    fn chart_text_is_at_least_11_px_on_a_375_px_phone() {
        let cases = [
            ("ncmec-cybertipline-by-country", "chart=line"),
            ("ncmec-cybertipline-by-country", "chart=bar"),
            ("ncmec-cybertipline-by-country", "chart=map"),
            ("ncmec-cybertipline-by-country", "chart=table"),
            ("dh-tf-csea-prevalence", "chart=bar&lang=fr"),
            ("ncmec-cybertipline-totals", "chart=line"),
        ];
        for size in [Size::new(480, 360), Size::new(375, 300), Size::new(360, 340), Size::new(560, 400)] {
            for (dataset, query) in cases {
                let svg = curated::draw(dataset, query, size).svg;
                assert!(svg.contains(&format!(r#"width="{}" height="{}""#, size.width, size.height)), "shown at the size asked for");
                let (sizes, view_width) = font_sizes_and_view_width(&svg);
                assert!(!sizes.is_empty(), "{dataset} {query}: no text?");
                for px in sizes {
                    let shown = px * 375.0 / view_width;
                    assert!(
                        shown >= MIN_TEXT_PX_ON_PHONE,
                        "{dataset} {query} at {}x{}: {px}px text in a {view_width}-wide viewBox is {shown:.1} px at 375 px",
                        size.width,
                        size.height
                    );
                }
            }
        }
        // Wide pictures keep their own layout (asserted below).
        assert_eq!(layout_size(Size::new(760, 440)), Size::new(760, 440));
        assert_eq!(layout_size(Size::new(480, 360)), Size::new(360, 270));
    }

    /// Issue 13: on a phone layout no line of text runs off the picture
    /// (long units wrap, long notes wrap, the grade key takes its short
    /// words).
    #[test]
    fn no_text_runs_off_a_phone_layout() {
        let attr = |tag: &str, name: &str| -> Option<String> {
            tag.split(&format!(" {name}=\"")).nth(1).map(|v| v.split('"').next().unwrap_or("").to_string())
        };
        for (dataset, query) in [
            ("ncmec-cybertipline-by-country", "chart=map"),
            ("ncmec-cybertipline-by-country", "chart=line"),
            ("dh-tf-csea-prevalence", "chart=bar"),
            ("dh-tf-csea-prevalence", "chart=bar&lang=fr"),
            ("ncmec-cybertipline-totals", "chart=line&lang=fr"),
        ] {
            let svg = curated::draw(dataset, query, Size::new(480, 360)).svg;
            let view_width = PHONE_WIDTH as f64;
            for piece in svg.split("<text").skip(1) {
                let (tag, rest) = piece.split_once('>').expect("a tag");
                // Rotated (the y axis's unit) or in lines of their own.
                if rest.starts_with("<tspan") || tag.contains("transform=") {
                    continue;
                }
                let content = rest.split('<').next().unwrap_or("").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
                let content = content.trim();
                let (Some(x), Some(px)) = (attr(tag, "x"), attr(tag, "font-size")) else { continue };
                let (x, px): (f64, f64) = (x.parse().expect("x"), px.parse().expect("size"));
                let w = text::width(content, px, text::FontWeight::Regular);
                let (left, right) = match attr(tag, "text-anchor").as_deref() {
                    Some("end") => (x - w, x),
                    Some("middle") => (x - w / 2.0, x + w / 2.0),
                    _ => (x, x + w),
                };
                assert!(left >= -1.0 && right <= view_width + 1.0, "{dataset} {query}: '{content}' spans {left:.0}..{right:.0} of {view_width}");
            }
        }
    }

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
