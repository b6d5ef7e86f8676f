//! The embed page, laid out from the chart's sheet (the same one the chart
//! page and the exports carry): title, subtitle and byline, the words a
//! link's sharer added (marked as theirs), the chart as inline SVG, the
//! selection notes, the whole caveat panel (every statement in full,
//! definition and population included), the sources, data release and a
//! link to the full chart page. Everything is rendered here, so the page
//! works without script; all text is escaped.

use std::fmt::Write;

use evidence::chart::{Plot, Size, escape_xml as esc, render_framed, render_plot, select};
use evidence::model::{Dataset, Lang};
use evidence::state::{ChartKind, ChartState, StateWarning, percent_decode};
use evidence::words::W;

use super::sheet_html::{self, Layout};
use crate::snapshot::Snapshot;

/// The plot for frames 520 px wide and more, and below that one drawn
/// narrow, so its text stays readable instead of being scaled down.
const WIDE: Size = Size::new(680, 420);
const NARROW: Size = Size::new(360, 340);
/// The framed SVG in `<noscript>`.
const FRAMED: Size = Size::new(640, 720);

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

/// The whole embed page for one dataset.
pub fn render(snapshot: &Snapshot, public_url: &str, dataset: &Dataset, query: &EmbedQuery) -> String {
    let state = &query.state;
    let lang = state.lang;
    let geo_names = crate::export::geo_names(snapshot, lang);
    let selection = select(dataset, state, &snapshot.package.geographies);
    let plot = Plot {
        meta: &dataset.meta,
        observations: &selection.observations,
        geo_names: &geo_names,
        state,
        world: (state.chart == ChartKind::Map).then_some(&snapshot.world),
    };
    let sheet = crate::export::sheet(snapshot, dataset, &plot, Some(&selection), public_url);
    let frame_id = query.frame_id.as_deref().unwrap_or(&dataset.meta.id);

    let mut out = String::with_capacity(64 * 1024);
    head(&mut out, lang, query.theme, frame_id, &format!("{} — {}", sheet.title, super::PROVIDER_NAME), Some(&sheet.permalink));
    out.push_str(r#"<body><main class="embed" data-testid="embed">"#);

    if !query.warnings.is_empty() {
        let _ = write!(out, r#"<div class="notice" role="status" data-testid="embed-warnings"><p>{}:</p><ul>"#, W::BadParams.get(lang));
        for w in &query.warnings {
            let _ = write!(out, "<li>{}</li>", esc(&w.to_string()));
        }
        out.push_str("</ul></div>");
    }

    let _ = write!(
        out,
        r#"<header><h1 class="title" data-testid="embed-title">{}</h1><p class="subtitle">{}</p><p class="byline">{}</p></header>"#,
        esc(&sheet.title),
        esc(&sheet.subtitle),
        esc(&sheet.byline)
    );
    sheet_html::shared(&mut out, &sheet, "embed-shared");

    // Two drawings of one plot; CSS shows the one that fits. Ids inside the
    // narrow one are renamed so that its patterns do not point at the
    // hidden wide one.
    let _ = write!(
        out,
        r#"<figure class="chart" data-testid="embed-chart"><div class="plot plot-wide">{wide}</div><div class="plot plot-narrow">{narrow}</div><figcaption class="summary">{summary}</figcaption></figure>"#,
        wide = render_plot(&plot, WIDE),
        narrow = suffix_ids(&render_plot(&plot, NARROW), "-narrow"),
        summary = esc(&sheet.summary),
    );
    sheet_html::selection_notes(&mut out, &sheet);

    // The whole caveat panel: every statement in full, never a first
    // sentence that could say the opposite of the whole; the frame grows
    // to fit it (frame.js reports the height).
    let _ = write!(
        out,
        r#"<section class="caveats" aria-labelledby="caveats-heading" data-testid="embed-caveats"><h2 id="caveats-heading">{}</h2>"#,
        esc(&sheet.caveats_heading)
    );
    sheet_html::caveats(&mut out, &sheet, EMBED_LAYOUT);
    out.push_str("</section>");

    let _ = write!(out, r#"<div class="source" data-testid="embed-source"><p>{}: {}.</p>"#, W::Source.get(lang), esc(&sheet.publisher));
    sheet_html::sources(&mut out, &sheet, EMBED_LAYOUT);
    out.push_str("</div>");

    let _ = write!(
        out,
        r#"<p class="permalink"><a href="{href}" target="_blank" rel="noopener" data-testid="embed-permalink">{open} ↗</a> <span class="provider">{provider}</span></p>"#,
        href = esc(&sheet.permalink),
        open = W::OpenFullChart.get(lang),
        provider = super::PROVIDER_NAME,
    );

    // The page above needs no script; this is the chart as one picture
    // (the same sheet around the plot) for saving or printing.
    let _ = write!(
        out,
        r#"<noscript><details class="static-image" data-testid="embed-static"><summary>{}</summary><div class="framed">{}</div></details></noscript>"#,
        W::StaticImage.get(lang),
        suffix_ids(&render_framed(&plot, FRAMED, &sheet), "-static"),
    );
    out.push_str("</main></body></html>");
    out
}

const EMBED_LAYOUT: Layout = Layout { kind_tag: "div", kind_heading: "h3", new_tab: true };

/// The 404 page for an embed of a dataset that does not exist.
pub fn render_not_found(public_url: &str, query: &EmbedQuery, frame_default: &str) -> String {
    let lang = query.state.lang;
    let mut out = String::with_capacity(2048);
    let frame_id = query.frame_id.as_deref().unwrap_or(if valid_frame_id(frame_default) { frame_default } else { "embed" });
    head(&mut out, lang, query.theme, frame_id, W::NotFoundTitle.get(lang), None);
    let _ = write!(
        out,
        r#"<body><main class="embed not-found" data-testid="embed-not-found"><h1 class="title">{title}</h1><p>{text}</p><p class="permalink"><a href="{href}" target="_blank" rel="noopener">{all}</a> <span class="provider">{provider}</span></p></main></body></html>"#,
        title = W::NotFoundTitle.get(lang),
        text = W::NotFoundText.get(lang),
        href = esc(&format!("{public_url}/datasets")),
        all = W::AllDatasets.get(lang),
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
    fn ids_are_renamed_with_their_references() {
        let svg = r##"<svg aria-labelledby="t d"><title id="t">x</title><desc id="d">y</desc><pattern id="p"/><rect fill="url(#p)"/><use href="#p"/></svg>"##;
        let out = suffix_ids(svg, "-n");
        assert_eq!(
            out,
            r##"<svg aria-labelledby="t-n d-n"><title id="t-n">x</title><desc id="d-n">y</desc><pattern id="p-n"/><rect fill="url(#p-n)"/><use href="#p-n"/></svg>"##
        );
    }
}
