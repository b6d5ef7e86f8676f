//! SVG to PNG with resvg. The font database holds only the fonts embedded
//! in the `evidence` crate (the ones the layout was measured with), never
//! the system's, so a PNG is the same on every machine; and `<image>`
//! references are never resolved, so no SVG can make the server read a file.
//!
//! The PNG also carries the frame's words as text chunks (title, source,
//! caveats, permalink), for whoever reads the file and not the picture.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use evidence::sheet::ChartSheet;
use evidence::chart::text::{BOLD_TTF, REGULAR_TTF};

fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(REGULAR_TTF.to_vec());
        db.load_font_data(BOLD_TTF.to_vec());
        Arc::new(db)
    })
    .clone()
}

/// The family of the embedded fonts, as their name table gives it.
pub fn font_families() -> Vec<String> {
    let mut names: Vec<String> = fonts().faces().flat_map(|f| f.families.iter().map(|(n, _)| n.clone())).collect();
    names.sort();
    names.dedup();
    names
}

fn options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: evidence::chart::FONT_FAMILY.to_string(),
        fontdb: fonts(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("the SVG does not parse: {0}")]
    Parse(#[from] usvg::Error),
    #[error("a {0}×{1} picture cannot be drawn")]
    Size(u32, u32),
    #[error("a {0}×{1} PNG is {2} pixels, over the limit of {3}; lower the scale or the size")]
    TooLarge(u32, u32, u64, u64),
    #[error("PNG encoding failed: {0}")]
    Encode(#[from] png::EncodingError),
}

/// The SVG as usvg's render tree, text laid out with the embedded fonts.
pub fn parse(svg: &str) -> Result<usvg::Tree, PngError> {
    Ok(usvg::Tree::from_str(svg, &options())?)
}

/// Draws `svg` at `scale` device pixels per SVG pixel, refusing to
/// allocate more than `max_pixels`.
pub fn rasterise(svg: &str, scale: u32, max_pixels: u64) -> Result<Pixmap, PngError> {
    let tree = parse(svg)?;
    let (w, h) = (tree.size().width().ceil() as u32 * scale, tree.size().height().ceil() as u32 * scale);
    let pixels = w as u64 * h as u64;
    if pixels > max_pixels {
        return Err(PngError::TooLarge(w, h, pixels, max_pixels));
    }
    let mut pixmap = Pixmap::new(w, h).ok_or(PngError::Size(w, h))?;
    resvg::render(&tree, Transform::from_scale(scale as f32, scale as f32), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The PNG of `svg`, with the frame's words as text chunks.
pub fn render(svg: &str, scale: u32, frame: &ChartSheet, max_pixels: u64) -> Result<Vec<u8>, PngError> {
    let pixmap = rasterise(svg, scale, max_pixels)?;
    encode(&pixmap, scale, frame)
}

fn encode(pixmap: &Pixmap, scale: u32, frame: &ChartSheet) -> Result<Vec<u8>, PngError> {
    // tiny-skia keeps premultiplied alpha; PNG wants it straight.
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        // A flat-coloured chart compresses well even at the fast setting,
        // which is several times quicker than the default.
        enc.set_compression(png::Compression::Fast);
        // 96 dpi per picture pixel, so a 2× PNG prints at the picture's size.
        let ppm = (96.0 / 0.0254 * scale as f64).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions { xppu: ppm, yppu: ppm, unit: png::Unit::Meter }));
        enc.add_itxt_chunk("Title".into(), frame.title.clone())?;
        enc.add_itxt_chunk("Description".into(), format!("{}. {}", frame.subtitle, frame.summary))?;
        let mut source = frame.source_line();
        if let Some(release) = &frame.release_line {
            source.push_str(&format!(" {release}."));
        }
        enc.add_itxt_chunk("Source".into(), source)?;
        let caveats: Vec<String> =
            frame.caveats.iter().flat_map(|s| s.items.iter().map(move |i| format!("{}: {}", s.label, i.line()))).collect();
        enc.add_itxt_chunk("Disclaimer".into(), format!("{}. {}", frame.caveats_heading, caveats.join(" ")))?;
        if let Some(shared) = &frame.shared {
            enc.add_itxt_chunk("Comment".into(), format!("{}: {}", shared.heading, shared.lines(frame.lang).join(" ")))?;
        }
        enc.add_itxt_chunk("URL".into(), frame.permalink.clone())?;
        let mut writer = enc.write_header()?;
        writer.write_image_data(&rgba)?;
        writer.finish()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_embedded_family_is_known() {
        assert_eq!(font_families(), vec![evidence::chart::FONT_FAMILY.to_string()]);
    }

    /// A nested SVG in a data URL would be drawn by usvg's default
    /// resolver (a red square); ours draws nothing, and reads no file.
    #[test]
    fn image_references_are_not_followed() {
        let red = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxMCIgaGVpZ2h0PSIxMCI+PHJlY3Qgd2lkdGg9IjEwIiBoZWlnaHQ9IjEwIiBmaWxsPSJyZWQiLz48L3N2Zz4=";
        for href in [red, "/etc/hostname"] {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image width="10" height="10" xlink:href="{href}"/></svg>"#
            );
            let pixmap = rasterise(&svg, 1, 100).unwrap();
            assert!(pixmap.pixels().iter().all(|p| p.alpha() == 0), "{href}: nothing drawn");
        }
        let default_draws = usvg::Tree::from_str(
            &format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image width="10" height="10" href="{red}"/></svg>"#),
            &usvg::Options::default(),
        )
        .unwrap();
        assert!(default_draws.root().has_children(), "the test would notice a resolver that follows references");
    }
}
