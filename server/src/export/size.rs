//! How big an exported picture is: a preset (report, slide, square) or an
//! explicit width and height, and for PNG a pixel scale (`scale=2` is the
//! "@2x" image). Every bound is checked here, so a request can never ask
//! the renderer for an unbounded amount of memory.

use std::ops::RangeInclusive;

use evidence::chart::Size;

use crate::error::AppError;

pub const WIDTH: RangeInclusive<u32> = 320..=2400;
pub const HEIGHT: RangeInclusive<u32> = 200..=2400;
pub const SCALE: RangeInclusive<u32> = 1..=3;
/// The largest PNG drawn, in pixels: a slide at 3× (about 75 MB of RGBA
/// while it is drawn). A picture taller than asked for (long caveats grow it,
/// they are never cut) is checked against this too.
pub const MAX_PNG_PIXELS: u64 = 5760 * 3240;

/// The named sizes live with every other chart size, in `evidence`.
pub use evidence::chart::sizes::{DEFAULT_PRESET, Preset};

/// Which file is asked for: the size parameters each one accepts differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizing {
    /// The picture's width, and the height it is laid out for (it grows
    /// taller when the caveats need the room).
    pub size: Size,
    /// Device pixels per picture pixel (PNG only; 1 for SVG).
    pub scale: u32,
    /// The preset asked for, if any (named in the file name).
    pub preset: Option<Preset>,
}

fn number(param: &str, value: &str, range: &RangeInclusive<u32>) -> Result<u32, AppError> {
    let n: u32 = value
        .parse()
        .map_err(|_| AppError::bad_param(param, format!("'{}' is not a whole number", crate::error::truncate(value))))?;
    if !range.contains(&n) {
        return Err(AppError::bad_param(param, format!("{n} is outside {}..={}", range.start(), range.end())));
    }
    Ok(n)
}

/// `2`, `2x` and `@2x` all mean scale 2.
fn scale(value: &str) -> Result<u32, AppError> {
    let digits = value.trim_start_matches('@').trim_end_matches('x');
    number("scale", digits, &SCALE)
}

impl Sizing {
    /// Reads `width`, `height`, `scale` and `preset` from the query pairs
    /// (other keys are the chart state's business). A preset fixes the
    /// size, so it cannot be combined with width or height.
    pub fn parse(pairs: &[(String, String)], format: ImageFormat) -> Result<Sizing, AppError> {
        let mut width = None;
        let mut height = None;
        let mut scale_value = None;
        let mut preset = None;
        for (key, value) in pairs {
            let slot_taken = match key.as_str() {
                "width" => width.replace(number("width", value, &WIDTH)?).is_some(),
                "height" => height.replace(number("height", value, &HEIGHT)?).is_some(),
                "scale" if format == ImageFormat::Svg => {
                    return Err(AppError::bad_param("scale", "applies to chart.png only; an SVG scales by itself"));
                }
                "scale" => scale_value.replace(scale(value)?).is_some(),
                "preset" => {
                    let p = Preset::parse(value).ok_or_else(|| {
                        AppError::bad_param(
                            "preset",
                            format!("'{}' is not one of report, slide, square", crate::error::truncate(value)),
                        )
                    })?;
                    preset.replace(p).is_some()
                }
                _ => false,
            };
            if slot_taken {
                return Err(AppError::bad_param(key, "given more than once"));
            }
        }
        if preset.is_some() && (width.is_some() || height.is_some()) {
            return Err(AppError::bad_param("preset", "sets the size; give either a preset or width and height"));
        }
        let base = preset.unwrap_or(DEFAULT_PRESET).size();
        let size = Size::new(width.unwrap_or(base.width), height.unwrap_or(base.height));
        let scale = scale_value.unwrap_or(1);
        let sizing = Sizing { size, scale, preset };
        if format == ImageFormat::Png {
            sizing.check_pixels(size.height)?;
        }
        Ok(sizing)
    }

    /// Refuses a PNG of more than [`MAX_PNG_PIXELS`] for a picture of
    /// `height` picture pixels.
    pub fn check_pixels(&self, height: u32) -> Result<(), AppError> {
        let pixels = self.size.width as u64 * height as u64 * (self.scale as u64).pow(2);
        if pixels > MAX_PNG_PIXELS {
            return Err(AppError::bad_param(
                "scale",
                format!(
                    "a {}×{} picture at scale {} is {pixels} pixels, over the limit of {MAX_PNG_PIXELS}; lower the scale or the size",
                    self.size.width, height, self.scale
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        evidence::state::query_pairs(q)
    }

    #[test]
    fn presets_and_explicit_sizes() {
        let s = Sizing::parse(&pairs(""), ImageFormat::Png).unwrap();
        assert_eq!((s.size, s.scale, s.preset), (Size::new(1200, 800), 1, None));
        let s = Sizing::parse(&pairs("preset=slide&scale=@2x"), ImageFormat::Png).unwrap();
        assert_eq!((s.size, s.scale, s.preset), (Size::new(1920, 1080), 2, Some(Preset::Slide)));
        let s = Sizing::parse(&pairs("width=640&height=480"), ImageFormat::Svg).unwrap();
        assert_eq!(s.size, Size::new(640, 480));
        let s = Sizing::parse(&pairs("width=640"), ImageFormat::Svg).unwrap();
        assert_eq!(s.size, Size::new(640, 800));
    }

    #[test]
    fn bad_sizes_name_their_parameter() {
        for (q, param) in [
            ("width=100", "width"),
            ("width=2401", "width"),
            ("height=abc", "height"),
            ("scale=4", "scale"),
            ("scale=0", "scale"),
            ("preset=poster", "preset"),
            ("preset=slide&width=800", "preset"),
            ("width=800&width=900", "width"),
        ] {
            let err = Sizing::parse(&pairs(q), ImageFormat::Png).unwrap_err();
            assert!(err.message.starts_with(&format!("{param}:")), "{q}: {}", err.message);
        }
        let err = Sizing::parse(&pairs("scale=2"), ImageFormat::Svg).unwrap_err();
        assert!(err.message.starts_with("scale:"));
    }

    #[test]
    fn the_pixel_budget_allows_a_slide_at_3x_and_no_more() {
        assert!(Sizing::parse(&pairs("preset=slide&scale=3"), ImageFormat::Png).is_ok());
        assert!(Sizing::parse(&pairs("width=2400&height=2400&scale=3"), ImageFormat::Png).is_err());
        assert!(Sizing::parse(&pairs("width=2400&height=2400"), ImageFormat::Svg).is_ok());
    }
}
