//! The embed page: title, the chart as inline SVG, the caveat panel (a
//! one-line gist per kind always visible, the full text behind `<details>`),
//! the source line and a link to the full chart page. Everything is
//! rendered here, so the page works without script; all text is escaped.

use std::collections::HashMap;
use std::fmt::Write;

use evidence::chart::frame::caveat_kind_label;
use evidence::chart::{Frame, Plot, Size, escape_xml as esc, render_framed, render_plot, select};
use evidence::model::{Caveat, CaveatKind, Dataset, Lang};
use evidence::state::{ChartKind, ChartState, StateWarning, percent_decode};

use super::snippet::chart_page_url;
use super::words::Word;
use crate::snapshot::Snapshot;

/// The plot for frames 520 px wide and more, and below that one drawn
/// narrow, so its text stays readable instead of being scaled down.
const WIDE: Size = Size::new(680, 420);
const NARROW: Size = Size::new(360, 340);
/// The framed SVG in `<noscript>`.
const FRAMED: Size = Size::new(640, 720);
/// A caveat's gist in the closed panel is its first sentence, cut here.
const GIST_CHARS: usize = 110;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// An embed URL's query: the chart state, plus the two parameters that are
/// about the frame rather than the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedQuery {
    pub state: ChartState,
    /// The id sent with height messages (`?frame=`); None = the dataset id.
    pub frame_id: Option<String>,
    pub theme: Theme,
    pub warnings: Vec<StateWarning>,
}

fn valid_frame_id(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl EmbedQuery {
    /// Lenient like the app: what cannot be used is reported and replaced
    /// by its default.
    pub fn parse(raw: &str) -> EmbedQuery {
        let mut chart_parts = Vec::new();
        let mut frame_id = None;
        let mut theme = Theme::Auto;
        let mut warnings = Vec::new();
        for part in raw.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            match percent_decode(key).as_str() {
                "frame" => {
                    let value = percent_decode(value);
                    if valid_frame_id(&value) {
                        frame_id = Some(value);
                    } else {
                        warnings.push(StateWarning {
                            param: "frame".into(),
                            message: "not a frame id (1 to 64 letters, digits, - or _); the dataset id is used".into(),
                        });
                    }
                }
                "theme" => match percent_decode(value).as_str() {
                    "light" => theme = Theme::Light,
                    "dark" => theme = Theme::Dark,
                    "auto" => theme = Theme::Auto,
                    _ => warnings.push(StateWarning { param: "theme".into(), message: "not light, dark or auto; the reader's setting is used".into() }),
                },
                _ => chart_parts.push(part),
            }
        }
        let (state, chart_warnings) = ChartState::from_query(&chart_parts.join("&"));
        warnings.extend(chart_warnings);
        EmbedQuery { state, frame_id, theme, warnings }
    }
}

/// The `<head>` and opening of every embed page.
fn head(out: &mut String, lang: Lang, theme: Theme, frame_id: &str, title: &str, canonical: Option<&str>) {
    let _ = write!(
        out,
        r#"<!doctype html><html lang="{lang}" data-theme="{theme}" data-frame-id="{frame_id}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>"#,
        lang = lang.code(),
        theme = theme.code(),
        frame_id = esc(frame_id),
        title = esc(title),
    );
    if let Some(href) = canonical {
        let _ = write!(out, r#"<link rel="canonical" href="{}">"#, esc(href));
    }
    out.push_str(r#"<meta name="referrer" content="strict-origin-when-cross-origin"><link rel="stylesheet" href="/embed/embed.css"><script src="/embed/frame.js" defer></script></head>"#);
}

/// The first sentence of a caveat, cut at a word near [`GIST_CHARS`].
pub fn gist(text: &str) -> String {
    let sentence = match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    };
    if sentence.chars().count() <= GIST_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(GIST_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > GIST_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

fn caveat_panel(out: &mut String, caveats: &[Caveat], state: &ChartState, heading: &str) {
    let lang = state.lang;
    let _ = write!(
        out,
        r#"<section class="caveats" aria-labelledby="caveats-heading" data-testid="embed-caveats"><h2 id="caveats-heading">{}</h2>"#,
        esc(heading)
    );
    let mut kinds: Vec<CaveatKind> = caveats.iter().map(|c| c.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let items: Vec<&Caveat> = caveats.iter().filter(|c| c.kind == kind).collect();
        let texts: Vec<(&str, bool)> = items.iter().map(|c| c.text(state.tone).get_with_fallback(lang)).collect();
        let (first, first_fell_back) = texts[0];
        let gist_text = gist(first);
        let lang_attr = |fell_back: bool| if fell_back { r#" lang="en""# } else { "" };
        let label = caveat_kind_label(kind, lang);
        // Nothing to expand when the gist already says everything.
        if items.len() == 1 && gist_text == first {
            let _ = write!(
                out,
                r#"<div class="caveat" data-kind="{code}"><p class="caveat-line"><span class="kind">{label}</span> <span class="gist"{la}>{text}</span>{link}</p></div>"#,
                code = kind.code(),
                label = esc(label),
                la = lang_attr(first_fell_back),
                text = esc(first),
                link = source_link(items[0], lang),
            );
            continue;
        }
        let _ = write!(
            out,
            r#"<details class="caveat" data-kind="{code}"><summary class="caveat-line"><span class="kind">{label}</span> <span class="gist"{la}>{gist}</span></summary><ul>"#,
            code = kind.code(),
            label = esc(label),
            la = lang_attr(first_fell_back),
            gist = esc(&gist_text),
        );
        for (c, (text, fell_back)) in items.iter().zip(&texts) {
            let _ = write!(out, r#"<li{}>{}{}</li>"#, lang_attr(*fell_back), esc(text), source_link(c, lang));
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</section>");
}

fn source_link(c: &Caveat, lang: Lang) -> String {
    match &c.source_url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => format!(
            r#" <a href="{}" target="_blank" rel="noopener noreferrer" class="source-link">({})</a>"#,
            esc(url),
            Word::SourceLink.get(lang)
        ),
        _ => String::new(),
    }
}

/// The whole embed page for one dataset.
pub fn render(snapshot: &Snapshot, public_url: &str, dataset: &Dataset, query: &EmbedQuery) -> String {
    let state = &query.state;
    let lang = state.lang;
    let geo_names: HashMap<String, String> =
        snapshot.package.geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect();
    let selection = select(dataset, state, &snapshot.package.geographies);
    let plot = Plot {
        meta: &dataset.meta,
        observations: &selection.observations,
        geo_names: &geo_names,
        state,
        world: (state.chart == ChartKind::Map).then_some(&snapshot.world),
    };
    let permalink = chart_page_url(public_url, &dataset.meta.id, &state.to_query());
    let frame = Frame::for_plot(&plot, &permalink);
    let frame_id = query.frame_id.as_deref().unwrap_or(&dataset.meta.id);

    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, lang, query.theme, frame_id, &format!("{} — {}", frame.title, super::PROVIDER_NAME), Some(&permalink));
    out.push_str(r#"<body><main class="embed" data-testid="embed">"#);

    if !query.warnings.is_empty() {
        let _ = write!(out, r#"<div class="notice" role="status" data-testid="embed-warnings"><p>{}:</p><ul>"#, Word::BadParams.get(lang));
        for w in &query.warnings {
            let _ = write!(out, "<li>{}</li>", esc(&w.to_string()));
        }
        out.push_str("</ul></div>");
    }

    let _ = write!(out, r#"<header><h1 class="title" data-testid="embed-title">{}</h1>"#, esc(&frame.title));
    if let Some(sub) = &frame.subtitle {
        let _ = write!(out, r#"<p class="subtitle">{}</p>"#, esc(sub));
    }
    out.push_str("</header>");

    // Two drawings of one plot; CSS shows the one that fits. Ids inside the
    // narrow one are renamed so that its patterns do not point at the
    // hidden wide one.
    let _ = write!(
        out,
        r#"<figure class="chart" data-testid="embed-chart"><div class="plot plot-wide">{wide}</div><div class="plot plot-narrow">{narrow}</div><figcaption class="summary">{summary}</figcaption></figure>"#,
        wide = render_plot(&plot, WIDE),
        narrow = suffix_ids(&render_plot(&plot, NARROW), "-narrow"),
        summary = esc(&frame.summary),
    );

    if !selection.notes.is_empty() || !selection.missing_geos.is_empty() {
        out.push_str(r#"<ul class="selection-notes" role="note">"#);
        for n in &selection.notes {
            let _ = write!(out, "<li>{}</li>", esc(n));
        }
        if !selection.missing_geos.is_empty() {
            let _ = write!(
                out,
                "<li>{}: {} — {}.</li>",
                Word::NoFiguresFor.get(lang),
                esc(&selection.missing_geos.join(", ")),
                Word::ShownAsGap.get(lang)
            );
        }
        out.push_str("</ul>");
    }

    if !frame.notes.is_empty() {
        let _ = write!(out, r#"<section class="notes" data-testid="embed-notes"><h2>{}</h2><ol>"#, Word::Notes.get(lang));
        for n in &frame.notes {
            let _ = write!(out, "<li>{}</li>", esc(n));
        }
        out.push_str("</ol></section>");
    }

    caveat_panel(&mut out, &dataset.meta.caveats, state, &frame.caveats_heading);

    let mut used: Vec<&str> = selection.observations.iter().map(|o| o.source_ref.as_str()).collect();
    used.sort_unstable();
    used.dedup();
    let _ = write!(out, r#"<p class="source" data-testid="embed-source">{}: {}."#, Word::Source.get(lang), esc(&dataset.meta.publisher));
    let sources: Vec<String> = dataset
        .meta
        .sources
        .iter()
        .filter(|s| used.is_empty() || used.contains(&s.id.as_str()))
        .map(|s| {
            let year = s.year.map(|y| format!(" ({y})")).unwrap_or_default();
            format!(r#" <a href="{}" target="_blank" rel="noopener noreferrer">{}</a>{year}"#, esc(&s.url), esc(&s.title))
        })
        .collect();
    out.push_str(&sources.join(";"));
    out.push_str("</p>");

    let _ = write!(
        out,
        r#"<p class="permalink"><a href="{href}" target="_blank" rel="noopener" data-testid="embed-permalink">{open} ↗</a> <span class="provider">{provider}</span></p>"#,
        href = esc(&permalink),
        open = Word::OpenFullChart.get(lang),
        provider = super::PROVIDER_NAME,
    );

    // The page above needs no script; this is the chart as one picture
    // (title, plot, source, caveats, permalink) for saving or printing.
    let _ = write!(
        out,
        r#"<noscript><details class="static-image" data-testid="embed-static"><summary>{}</summary><div class="framed">{}</div></details></noscript>"#,
        Word::StaticImage.get(lang),
        suffix_ids(&render_framed(&plot, FRAMED, &frame), "-static"),
    );
    out.push_str("</main></body></html>");
    out
}

/// The 404 page for an embed of a dataset that does not exist.
pub fn render_not_found(public_url: &str, query: &EmbedQuery, frame_default: &str) -> String {
    let lang = query.state.lang;
    let mut out = String::with_capacity(2048);
    let frame_id = query.frame_id.as_deref().unwrap_or(if valid_frame_id(frame_default) { frame_default } else { "embed" });
    head(&mut out, lang, query.theme, frame_id, Word::NotFoundTitle.get(lang), None);
    let _ = write!(
        out,
        r#"<body><main class="embed not-found" data-testid="embed-not-found"><h1 class="title">{title}</h1><p>{text}</p><p class="permalink"><a href="{href}" target="_blank" rel="noopener">{all}</a> <span class="provider">{provider}</span></p></main></body></html>"#,
        title = Word::NotFoundTitle.get(lang),
        text = Word::NotFoundText.get(lang),
        href = esc(&format!("{public_url}/datasets")),
        all = Word::AllDatasets.get(lang),
        provider = super::PROVIDER_NAME,
    );
    out
}

/// Renames every `id` in an SVG (and the references to it), so that two
/// drawings of one chart can share a page.
pub(crate) fn suffix_ids(svg: &str, suffix: &str) -> String {
    let mut ids: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find(" id=\"") {
        let after = &rest[i + 5..];
        let Some(end) = after.find('"') else { break };
        ids.push(&after[..end]);
        rest = &after[end..];
    }
    let mut out = svg.to_string();
    for id in &ids {
        for (from, to) in [
            (format!(" id=\"{id}\""), format!(" id=\"{id}{suffix}\"")),
            (format!("url(#{id})"), format!("url(#{id}{suffix})")),
            (format!("href=\"#{id}\""), format!("href=\"#{id}{suffix}\"")),
        ] {
            out = out.replace(&from, &to);
        }
    }
    // aria-labelledby holds a list of ids.
    const ATTR: &str = "aria-labelledby=\"";
    let mut renamed = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find(ATTR) {
        let after = &rest[i + ATTR.len()..];
        let end = after.find('"').unwrap_or(after.len());
        renamed.push_str(&rest[..i + ATTR.len()]);
        let tokens: Vec<String> =
            after[..end].split(' ').map(|t| if ids.contains(&t) { format!("{t}{suffix}") } else { t.to_string() }).collect();
        renamed.push_str(&tokens.join(" "));
        rest = &after[end..];
    }
    renamed.push_str(rest);
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_and_theme_are_taken_out_of_the_chart_state() {
        let q = EmbedQuery::parse("v=1&chart=bar&frame=story-chart_2&theme=dark");
        assert_eq!(q.state.chart, ChartKind::Bar);
        assert_eq!(q.frame_id.as_deref(), Some("story-chart_2"));
        assert_eq!(q.theme, Theme::Dark);
        assert!(q.warnings.is_empty(), "{:?}", q.warnings);
    }

    #[test]
    fn bad_frame_ids_and_themes_warn() {
        let q = EmbedQuery::parse("frame=%22%3E%3Cscript%3E&theme=neon&chart=pie");
        assert_eq!(q.frame_id, None);
        assert_eq!(q.theme, Theme::Auto);
        let params: Vec<&str> = q.warnings.iter().map(|w| w.param.as_str()).collect();
        assert_eq!(params, vec!["frame", "theme", "chart"]);
    }

    #[test]
    fn a_gist_is_the_first_sentence_cut_at_a_word() {
        assert_eq!(gist("Reports, not victims. Counts rise with detection."), "Reports, not victims.");
        let long = "word ".repeat(60);
        let g = gist(&long);
        assert!(g.ends_with('…') && g.chars().count() <= GIST_CHARS + 1, "{g}");
        assert!(!g.contains("wor…"), "cut at a word boundary: {g}");
    }

    #[test]
    fn ids_are_renamed_with_their_references() {
        let svg = r##"<svg aria-labelledby="t d"><title id="t">x</title><desc id="d">y</desc><pattern id="p"/><rect fill="url(#p)"/><use href="#p"/></svg>"##;
        let out = suffix_ids(svg, "-n");
        assert_eq!(
            out,
            r##"<svg aria-labelledby="t-n d-n"><title id="t-n">x</title><desc id="d-n">y</desc><pattern id="p-n"/><rect fill="url(#p-n)"/><use href="#p-n"/></svg>"##
        );
    }
}
