//! Colour-blind-safe colours (Okabe & Ito, 2008), readable on white and on
//! the dark theme's background, and a sequential scale for maps.

/// Okabe-Ito categorical palette, reordered so that the first colours have
/// at least 3:1 contrast with white (WCAG 1.4.11 for graphics).
pub const CATEGORICAL: [(u8, u8, u8); 7] = [
    (0, 114, 178),   // blue
    (213, 94, 0),    // vermillion
    (0, 158, 115),   // bluish green
    (204, 121, 167), // reddish purple
    (86, 180, 233),  // sky blue
    (230, 159, 0),   // orange
    (0, 0, 0),       // black
];

/// Dash patterns that tell lines apart without colour.
pub const DASHES: [&str; 4] = ["", "6 3", "2 3", "8 3 2 3"];

pub fn categorical(i: usize) -> (u8, u8, u8) {
    CATEGORICAL[i % CATEGORICAL.len()]
}

pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A sequential blue scale (light to dark) in 6 steps, from ColorBrewer
/// "Blues", which is colour-blind safe and prints in greyscale.
pub const SEQUENTIAL: [(u8, u8, u8); 6] = [
    (239, 243, 255),
    (198, 219, 239),
    (158, 202, 225),
    (107, 174, 214),
    (49, 130, 189),
    (8, 81, 156),
];

/// The single colour of a bar chart: bars are told apart by their labels,
/// not by colour.
pub const BAR: (u8, u8, u8) = CATEGORICAL[0];

/// Uncertainty whiskers and other ink drawn over the colour scale.
pub const INK: (u8, u8, u8) = (34, 34, 34);

/// "No figure" is a fill that is not on any colour scale: light grey with
/// dark diagonal lines, so it cannot be read as a low value.
pub const NO_DATA_BACKGROUND: (u8, u8, u8) = (238, 238, 238);
pub const NO_DATA_LINES: (u8, u8, u8) = (150, 150, 150);

/// Places that are shown but not selected on a map.
pub const NOT_SELECTED: (u8, u8, u8) = (224, 224, 224);

/// Figures not attributed to any country (code `ZZZ`): grey and hatched,
/// so they are not read as one more country.
pub const UNLISTED: (u8, u8, u8) = (140, 140, 140);

/// The colour of step `i` of the sequential scale when only `steps` of the
/// six are used: spread over the whole scale so neighbours stay distinct.
pub fn sequential(i: usize, steps: usize) -> (u8, u8, u8) {
    let last = SEQUENTIAL.len() - 1;
    if steps <= 1 {
        return SEQUENTIAL[last - 1];
    }
    let at = (i.min(steps - 1) * last + (steps - 1) / 2) / (steps - 1);
    SEQUENTIAL[at]
}

/// An SVG `<pattern>` of diagonal lines `spacing` user units apart, on
/// `background`. Ids are chosen by the caller so that two charts inlined in
/// one page do not collide.
pub fn hatch_pattern(id: &str, background: (u8, u8, u8), lines: (u8, u8, u8), spacing: f64) -> String {
    let stroke = (spacing / 4.0).max(0.1);
    format!(
        r#"<pattern id="{id}" patternUnits="userSpaceOnUse" width="{spacing}" height="{spacing}" patternTransform="rotate(45)"><rect width="{spacing}" height="{spacing}" fill="{bg}"/><line x1="0" y1="0" x2="0" y2="{spacing}" stroke="{fg}" stroke-width="{stroke}"/></pattern>"#,
        bg = hex(background),
        fg = hex(lines),
    )
}

/// A fragment safe to use inside an SVG id: ASCII letters, digits and '-'.
pub fn id_fragment(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fewer_steps_spread_over_the_whole_scale() {
        assert_eq!(sequential(0, 6), SEQUENTIAL[0]);
        assert_eq!(sequential(5, 6), SEQUENTIAL[5]);
        assert_eq!(sequential(0, 2), SEQUENTIAL[0]);
        assert_eq!(sequential(1, 2), SEQUENTIAL[5]);
        assert_eq!(sequential(1, 3), SEQUENTIAL[3]);
    }

    #[test]
    fn ids_are_reduced_to_safe_characters() {
        assert_eq!(id_fragment("ncmec\"><script>"), "ncmec---script-");
    }
}

/// How a mark shows its provenance grade, the same in every chart kind:
/// verbatim figures are solid; secondary ones hollow (white fill, coloured
/// outline); computed ones hollow with a dashed outline. The legend lines
/// come from [`crate::model::DatasetMeta::grade_notes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GradeMark {
    pub hollow: bool,
    /// `stroke-dasharray` of the outline, "" for a solid one.
    pub dash: &'static str,
    /// The class added to the mark: "" or "grade-secondary"/"grade-computed".
    pub class: &'static str,
}

pub fn grade_mark(grade: crate::model::Grade) -> GradeMark {
    use crate::model::Grade;
    match grade {
        Grade::Verbatim => GradeMark { hollow: false, dash: "", class: "" },
        Grade::Secondary => GradeMark { hollow: true, dash: "", class: " grade-secondary" },
        Grade::Computed => GradeMark { hollow: true, dash: "3 2", class: " grade-computed" },
    }
}

/// The fill of hollow marks.
pub const HOLLOW_FILL: &str = "#fff";
/// A series break: mid grey, dashed, so it reads as a boundary, not data.
pub const BREAK_LINE: &str = "#6b6b6b";

/// A one-line key to the grade marks present, drawn inside the plot so that
/// the picture explains its own hollow marks wherever it is shown (the
/// full legend lines, naming sources and formulas, come from
/// `DatasetMeta::grade_notes` beside the chart). Empty when every figure is
/// verbatim. `(x, y)` is the left of the line's middle.
pub(crate) fn grade_key_svg(observations: &[crate::model::Observation], lang: crate::model::Lang, x: f64, y: f64, max_x: f64) -> String {
    use crate::model::{Grade, Lang};
    let present = |g: Grade| observations.iter().any(|o| o.grade == g);
    let (secondary, computed) = (present(Grade::Secondary), present(Grade::Computed));
    if !secondary && !computed {
        return String::new();
    }
    let ink = hex(INK);
    let mut out = String::from(r#"<g class="grade-key">"#);
    let mut x = x;
    let x0 = x;
    // On a narrow picture the short words (the provenance notes beside
    // the chart say the rest).
    let long = match lang {
        Lang::En => "secondary source (not yet checked against the publisher)",
        Lang::Fr => "source secondaire (pas encore vérifiée auprès de l'éditeur)",
    };
    let short = match lang {
        Lang::En => "secondary source",
        Lang::Fr => "source secondaire",
    };
    let fits = |label: &str, extra: f64| x0 + 14.0 + super::text::width(label, 12.0, super::text::FontWeight::Regular) + extra <= max_x;
    let computed_room = if computed { 18.0 + 14.0 + super::text::width("calculé par nous", 12.0, super::text::FontWeight::Regular) } else { 0.0 };
    let secondary_label = if fits(long, computed_room) { long } else { short };
    let mut entry = |dash: &str, label: &str| {
        let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
        out.push_str(&format!(
            r##"<circle cx="{cx:.1}" cy="{y:.1}" r="4.5" fill="{HOLLOW_FILL}" stroke="{ink}" stroke-width="2"{dash}/><text x="{tx:.1}" y="{ty:.1}" font-family="{font}" font-size="12" fill="#333">{label}</text>"##,
            cx = x + 5.0,
            tx = x + 14.0,
            ty = y + 4.0,
            font = super::FONT_FAMILY,
            label = super::escape_xml(label),
        ));
        x += 14.0 + super::text::width(label, 12.0, super::text::FontWeight::Regular) + 18.0;
    };
    if secondary {
        entry("", secondary_label);
    }
    if computed {
        entry("3 2", match lang {
            Lang::En => "computed by us",
            Lang::Fr => "calculé par nous",
        });
    }
    out.push_str("</g>");
    out
}
