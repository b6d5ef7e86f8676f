//! Every size a chart is drawn at, in one place: the chart page, the
//! embed, and the export presets. Pages draw at the size they are shown,
//! so text stays readable on a phone instead of being scaled down.

use super::Size;

/// The chart page, two columns wide (style/main.css reserves this ratio).
pub const PAGE_WIDE: Size = Size::new(760, 440);
/// The chart page on a phone or a narrow window.
pub const PAGE_NARROW: Size = Size::new(480, 360);
/// An embed 520 px wide or more.
pub const EMBED_WIDE: Size = Size::new(680, 420);
/// An embed below 520 px (assets/embed/embed.css picks one of the two).
pub const EMBED_NARROW: Size = Size::new(360, 340);
/// The framed picture an embed offers without script (the sheet around it).
pub const EMBED_FRAMED: Size = Size::new(640, 720);

/// The picture sizes an export may be asked for by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// A page of a report or a brief, 3:2.
    Report,
    /// A presentation slide, 16:9.
    Slide,
    /// Social media.
    Square,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Report, Preset::Slide, Preset::Square];

    pub fn code(self) -> &'static str {
        match self {
            Preset::Report => "report",
            Preset::Slide => "slide",
            Preset::Square => "square",
        }
    }

    pub fn parse(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.code() == s)
    }

    /// Its name in a download menu.
    pub fn label(self, lang: crate::model::Lang) -> &'static str {
        use crate::words::W;
        match self {
            Preset::Report => W::PresetReport.get(lang),
            Preset::Slide => W::PresetSlide.get(lang),
            Preset::Square => W::PresetSquare.get(lang),
        }
    }

    pub fn size(self) -> Size {
        match self {
            Preset::Report => Size::new(1200, 800),
            Preset::Slide => Size::new(1920, 1080),
            Preset::Square => Size::new(1080, 1080),
        }
    }
}

/// The size an export has when a request names none.
pub const DEFAULT_PRESET: Preset = Preset::Report;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_read_back_from_their_codes() {
        for p in Preset::ALL {
            assert_eq!(Preset::parse(p.code()), Some(p));
        }
        assert_eq!(Preset::parse("poster"), None);
    }

    #[test]
    fn narrow_drawings_are_narrower_than_wide_ones() {
        assert!(PAGE_NARROW.width < PAGE_WIDE.width);
        assert!(EMBED_NARROW.width < EMBED_WIDE.width);
    }
}
