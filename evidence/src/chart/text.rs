//! Text measurement and wrapping. With the `fonts` feature, text is measured
//! with the embedded font (the same bytes resvg draws exports with), so a
//! server export lays out the same on every machine. Without it (the wasm
//! app, where the browser lays out the page) an average glyph width is used.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontWeight {
    Regular,
    Bold,
}

#[cfg(feature = "fonts")]
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/EvidenceSans-Regular.ttf");
#[cfg(feature = "fonts")]
pub const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/EvidenceSans-Bold.ttf");

/// Registers the embedded font with plotters once (native builds only).
pub fn ensure_fonts() {
    #[cfg(feature = "fonts")]
    {
        use std::sync::Once;
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            use plotters::style::{FontStyle, register_font};
            let _ = register_font(super::FONT_FAMILY, FontStyle::Normal, REGULAR_TTF);
            let _ = register_font(super::FONT_FAMILY, FontStyle::Bold, BOLD_TTF);
        });
    }
}

#[cfg(feature = "fonts")]
fn font(weight: FontWeight) -> &'static ab_glyph::FontRef<'static> {
    use std::sync::OnceLock;
    static REGULAR: OnceLock<ab_glyph::FontRef<'static>> = OnceLock::new();
    static BOLD: OnceLock<ab_glyph::FontRef<'static>> = OnceLock::new();
    let (cell, bytes) = match weight {
        FontWeight::Regular => (&REGULAR, REGULAR_TTF),
        FontWeight::Bold => (&BOLD, BOLD_TTF),
    };
    cell.get_or_init(|| ab_glyph::FontRef::try_from_slice(bytes).expect("embedded font parses"))
}

/// Width of `s` in pixels at `size` px.
pub fn width(s: &str, size: f64, weight: FontWeight) -> f64 {
    #[cfg(feature = "fonts")]
    {
        use ab_glyph::{Font, ScaleFont};
        // `as_scaled` scales to the font's full height; CSS `font-size` is
        // the em, so convert the pixel size to the height that makes 1 em.
        let font = font(weight);
        let em = font.height_unscaled() / font.units_per_em().unwrap_or(font.height_unscaled());
        let f = font.as_scaled(size as f32 * em);
        let mut w = 0.0f32;
        let mut prev = None;
        for c in s.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = prev {
                w += f.kern(p, id);
            }
            w += f.h_advance(id);
            prev = Some(id);
        }
        w as f64
    }
    #[cfg(not(feature = "fonts"))]
    {
        let factor = match weight {
            FontWeight::Regular => 0.52,
            FontWeight::Bold => 0.56,
        };
        s.chars().count() as f64 * size * factor
    }
}

/// Greedy word wrap to `max_width` pixels; a word longer than the line is
/// cut so that nothing overflows.
pub fn wrap(s: &str, size: f64, weight: FontWeight, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    // Only ASCII spaces break lines: a no-break space (e.g. the narrow one in
    // French numbers) must keep its number whole.
    for word in s.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() { word.to_string() } else { format!("{current} {word}") };
        if width(&candidate, size, weight) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, size, weight) > max_width && piece.chars().count() > 1 {
                let last = piece.pop().expect("non-empty");
                lines.push(std::mem::take(&mut piece));
                piece.push(last);
            }
        }
        current = piece;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        assert!(width("WWWW", 12.0, FontWeight::Regular) > width("iiii", 12.0, FontWeight::Regular) || cfg!(not(feature = "fonts")));
        assert!(width("abc", 24.0, FontWeight::Regular) > width("abc", 12.0, FontWeight::Regular));
    }

    #[test]
    fn wrapping_never_exceeds_the_width() {
        let text = "Reports measure how hard platforms look as much as how much abuse there is; supercalifragilisticexpialidocious";
        let lines = wrap(text, 12.0, FontWeight::Regular, 120.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(width(l, 12.0, FontWeight::Regular) <= 120.0 + 0.01, "{l}");
        }
        assert_eq!(lines.join(" ").replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn a_french_number_is_never_split() {
        let lines = wrap("un total de 16\u{202f}987\u{202f}361 signalements", 12.0, FontWeight::Regular, 90.0);
        assert!(lines.iter().any(|l| l.contains("16\u{202f}987\u{202f}361")), "{lines:?}");
    }
}
