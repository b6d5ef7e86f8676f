//! The parts of a chart's sheet (evidence::sheet::ChartSheet) around the
//! chart and its caveat panel, one component each, shown by the chart page
//! and the embed alike.

pub mod sheet_notes;
pub mod sheet_sources;
pub mod shared_words;

/// Provided by a page shown inside someone else's page (the embed): links
/// open in a new tab instead of replacing the frame's content.
#[derive(Clone, Copy, Debug)]
pub struct InFrame;

/// The `target` of a link that leaves the page: a new tab inside a frame.
pub fn link_target() -> Option<&'static str> {
    leptos::prelude::use_context::<InFrame>().map(|_| "_blank")
}
