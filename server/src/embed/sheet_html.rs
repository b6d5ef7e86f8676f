//! The chart sheet (evidence::sheet) as HTML, for the one page the server
//! writes itself: the embed (`super::page`), whose layout (classes,
//! heading levels, links opening in a new tab inside someone's article)
//! is its own. The app's chart page shows the same sheet through its own
//! components (app/src/routes/dataset.rs). All text is escaped.

use std::fmt::Write;

use evidence::chart::escape_xml as esc;
use evidence::model::Lang;
use evidence::sheet::{ChartSheet, SheetText};
use evidence::words::W;

/// How a page wants the sheet's parts.
#[derive(Clone, Copy)]
pub struct Layout {
    /// The element of one kind of caveat (`section`, or `div` inside a
    /// `<section>` that a reader may cut at its end).
    pub kind_tag: &'static str,
    /// The heading of one kind of caveat.
    pub kind_heading: &'static str,
    /// Links to sources open in a new tab (inside an iframe).
    pub new_tab: bool,
}

fn link_attrs(layout: Layout) -> &'static str {
    if layout.new_tab { r#" target="_blank" rel="noopener noreferrer""# } else { r#" rel="noopener noreferrer external""# }
}

fn item(out: &mut String, text: &SheetText, layout: Layout, lang: Lang) {
    let _ = write!(out, r#"<li class="caveat-line"{}>"#, if text.fell_back { r#" lang="en""# } else { "" });
    if let Some(lead) = &text.lead {
        let _ = write!(out, "<strong>{}</strong> ", esc(lead));
    }
    out.push_str(&esc(&text.text));
    if let Some(url) = &text.source_url {
        let _ = write!(out, r#" <a href="{}"{} class="source-link">{}</a>"#, esc(url), link_attrs(layout), esc(W::SourceLink.get(lang)));
    }
    out.push_str("</li>");
}

/// Every kind of caveat, each with every statement in full, then the
/// comparability notes and where the figures come from.
pub fn caveats(out: &mut String, sheet: &ChartSheet, layout: Layout) {
    let (tag, h) = (layout.kind_tag, layout.kind_heading);
    for section in &sheet.caveats {
        let _ = write!(out, r#"<{tag} class="caveat caveat-{code}" data-kind="{code}"><{h} class="kind">{label}</{h}><ul>"#, code = section.kind.code(), label = esc(&section.label));
        for text in &section.items {
            item(out, text, layout, sheet.lang);
        }
        let _ = write!(out, "</ul></{tag}>");
    }
    for (class, heading, lines) in [
        ("comparability-notes", &sheet.comparability_heading, &sheet.comparability),
        ("provenance", &sheet.provenance_heading, &sheet.provenance),
    ] {
        if lines.is_empty() {
            continue;
        }
        let _ = write!(out, r#"<{tag} class="caveat {class}" data-kind="{class}"><{h} class="kind">{}</{h}><ul>"#, esc(heading));
        for line in lines {
            let _ = write!(out, "<li>{}</li>", esc(line));
        }
        let _ = write!(out, "</ul></{tag}>");
    }
}

/// The words a link's sharer added, under a heading that says so.
pub fn shared(out: &mut String, sheet: &ChartSheet, testid: &str) {
    let Some(shared) = &sheet.shared else { return };
    let _ = write!(out, r#"<aside class="shared-words" role="note" data-testid="{testid}"><p class="shared-heading"><strong>{}</strong></p><ul>"#, esc(&shared.heading));
    for line in shared.lines(sheet.lang) {
        let _ = write!(out, "<li>{}</li>", esc(&line));
    }
    out.push_str("</ul></aside>");
}

/// Selection notes: regional sums, places without a figure (by name).
pub fn selection_notes(out: &mut String, sheet: &ChartSheet) {
    if sheet.selection_notes.is_empty() {
        return;
    }
    out.push_str(r#"<ul class="selection-notes" role="note">"#);
    for n in &sheet.selection_notes {
        let _ = write!(out, "<li>{}</li>", esc(n));
    }
    out.push_str("</ul>");
}

/// Every source, linked, then the licence and the data release.
pub fn sources(out: &mut String, sheet: &ChartSheet, layout: Layout) {
    out.push_str(r#"<ul class="sources">"#);
    for s in &sheet.sources {
        let _ = write!(out, r#"<li><a href="{}"{}>{}</a></li>"#, esc(&s.url), link_attrs(layout), esc(&s.label()));
    }
    out.push_str("</ul>");
    let _ = write!(out, r#"<p class="licence">{} · {}</p>"#, esc(&sheet.publisher), esc(&sheet.licence_line));
    if let Some(line) = &sheet.release_line {
        let _ = write!(out, r#"<p class="release" data-testid="data-release">{}</p>"#, esc(line));
    }
}
