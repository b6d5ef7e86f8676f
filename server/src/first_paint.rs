//! The first paint of a chart page: the server puts the chart (drawn by the
//! same `evidence` code as the app), its summary, the whole caveat panel and
//! the sources into the `index.html` it sends for `/datasets/{id}?...`.
//!
//! A reader on a slow line sees the numbers with their caveats as soon as
//! the HTML arrives, not after the wasm app (most of the page's bytes) has
//! loaded; a reader without script, or whose browser cannot run the app,
//! keeps this page. The app mounts hidden after it (style/main.css) and
//! removes it once it has drawn its own chart (app/src/first_paint.rs), so
//! the swap moves nothing on screen.
//!
//! Test ids and element ids here are the app's with a `first-paint` prefix,
//! so that nothing on the page is named twice during the hand-over.

use std::collections::HashMap;
use std::fmt::Write;

use evidence::chart::frame::caveat_kind_label;
use evidence::chart::{Frame, Plot, Size, escape_xml as esc, render_plot, select};
use evidence::model::{CaveatKind, Dataset, Lang, Localised};
use evidence::state::{ChartKind, ChartState};

use crate::embed::page::suffix_ids;
use crate::embed::snippet::chart_page_url;
use crate::snapshot::Snapshot;

/// The sizes the app draws at (app/src/components/chart_view.rs), so the
/// picture does not change when the app takes over.
const WIDE: Size = Size::new(760, 440);
const NARROW: Size = Size::new(480, 360);

#[derive(Clone, Copy)]
enum Word {
    SiteName,
    NavMain,
    NavDatasets,
    NavCoverage,
    NavCompare,
    NavGlossary,
    NavMethods,
    WhatThisShows,
    WhatIsCounted,
    WhoIsCounted,
    SourceLink,
    Sources,
    Licence,
    NoFiguresFor,
}

impl Word {
    /// The app's words for the same places (app/src/i18n.rs).
    fn get(self, lang: Lang) -> &'static str {
        use Word::*;
        match (self, lang) {
            (SiteName, Lang::En) => "CSEA Evidence Dashboard",
            (SiteName, Lang::Fr) => "Tableau de bord des données sur l'exploitation sexuelle des enfants en ligne",
            (NavMain, Lang::En) => "Main",
            (NavMain, Lang::Fr) => "Principal",
            (NavDatasets, Lang::En) => "Datasets",
            (NavDatasets, Lang::Fr) => "Jeux de données",
            (NavCoverage, Lang::En) => "Coverage",
            (NavCoverage, Lang::Fr) => "Couverture",
            (NavCompare, Lang::En) => "Compare",
            (NavCompare, Lang::Fr) => "Comparer",
            (NavGlossary, Lang::En) => "Glossary",
            (NavGlossary, Lang::Fr) => "Glossaire",
            (NavMethods, Lang::En) => "Methods",
            (NavMethods, Lang::Fr) => "Méthodes",
            (WhatThisShows, Lang::En) => "What these figures do and do not show",
            (WhatThisShows, Lang::Fr) => "Ce que ces chiffres montrent et ne montrent pas",
            (WhatIsCounted, Lang::En) => "What is counted:",
            (WhatIsCounted, Lang::Fr) => "Ce qui est compté :",
            (WhoIsCounted, Lang::En) => "Who is counted:",
            (WhoIsCounted, Lang::Fr) => "Qui est compté :",
            (SourceLink, Lang::En) => "(source)",
            (SourceLink, Lang::Fr) => "(source)",
            (Sources, Lang::En) => "Sources",
            (Sources, Lang::Fr) => "Sources",
            (Licence, Lang::En) => "Reuse:",
            (Licence, Lang::Fr) => "Réutilisation :",
            (NoFiguresFor, Lang::En) => "No figures for",
            (NoFiguresFor, Lang::Fr) => "Aucun chiffre pour",
        }
    }
}

/// A path of the app in the reader's language (the app keeps `lang=fr` in
/// every link; English is the default and needs nothing).
fn app_href(path: &str, lang: Lang) -> String {
    match lang {
        Lang::En => path.to_string(),
        Lang::Fr => format!("{path}?lang=fr"),
    }
}

/// Text, marked `lang="en"` where French fell back to English.
fn localised(out: &mut String, text: &Localised, lang: Lang, prefix: Option<&str>) {
    let (s, fell_back) = text.get_with_fallback(lang);
    let _ = write!(out, "<li{}>", if fell_back { r#" lang="en""# } else { "" });
    if let Some(p) = prefix {
        let _ = write!(out, "<strong>{}</strong> ", esc(p));
    }
    let _ = write!(out, "{}</li>", esc(s));
}

/// The `<div id="first-paint">` for one chart page, to go first in `<body>`.
pub fn render(snapshot: &Snapshot, public_url: &str, dataset: &Dataset, state: &ChartState) -> String {
    let lang = state.lang;
    let meta = &dataset.meta;
    let geo_names: HashMap<String, String> =
        snapshot.package.geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect();
    let selection = select(dataset, state, &snapshot.package.geographies);
    let plot = Plot {
        meta,
        observations: &selection.observations,
        geo_names: &geo_names,
        state,
        world: (state.chart == ChartKind::Map).then_some(&snapshot.world),
    };
    let frame = Frame::for_plot(&plot, &chart_page_url(public_url, &meta.id, &state.to_query()));

    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(out, r#"<div id="first-paint" class="first-paint" lang="{}" data-testid="first-paint">"#, lang.code());

    let _ = write!(
        out,
        r#"<header class="site-header"><a class="brand" href="{home}">{site}</a><nav aria-label="{nav}" class="main-nav"><ul>"#,
        home = esc(&app_href("/", lang)),
        site = esc(Word::SiteName.get(lang)),
        nav = Word::NavMain.get(lang),
    );
    for (path, word) in [
        ("/datasets", Word::NavDatasets),
        ("/coverage", Word::NavCoverage),
        ("/compare", Word::NavCompare),
        ("/glossary", Word::NavGlossary),
        ("/methods", Word::NavMethods),
    ] {
        let _ = write!(out, r#"<li><a href="{}">{}</a></li>"#, esc(&app_href(path, lang)), word.get(lang));
    }
    out.push_str("</ul></nav></header>");

    // The byline as the app writes it, less the method (the panel says it).
    let subtitle = state.subtitle.clone().unwrap_or_else(|| format!("{} — {}", meta.indicator.name.get(lang), meta.indicator.unit_label.get(lang)));
    let _ = write!(
        out,
        r#"<main><article class="chart-page" aria-labelledby="first-paint-title"><header class="chart-header"><h1 id="first-paint-title" data-testid="first-paint-title">{title}</h1><p class="subtitle">{subtitle}</p><p class="byline">{publisher} · {years}</p></header>"#,
        title = esc(&frame.title),
        subtitle = esc(&subtitle),
        publisher = esc(&meta.publisher),
        years = esc(&dataset.years_label()),
    );

    // Both drawings; CSS shows the one the app would draw at this width.
    out.push_str(r#"<div class="chart-and-caveats"><div class="chart-column">"#);
    let _ = write!(
        out,
        r#"<figure class="chart-figure" data-testid="first-paint-chart" data-kind="{kind}"><div class="chart-svg first-paint-wide">{wide}</div><div class="chart-svg narrow first-paint-narrow">{narrow}</div><figcaption class="chart-summary">{summary}</figcaption>"#,
        kind = state.chart.code(),
        wide = suffix_ids(&render_plot(&plot, WIDE), "-first-paint"),
        narrow = suffix_ids(&render_plot(&plot, NARROW), "-first-paint-narrow"),
        summary = esc(&frame.summary),
    );
    if !selection.notes.is_empty() {
        out.push_str(r#"<ul class="selection-notes">"#);
        for n in &selection.notes {
            let _ = write!(out, "<li>{}</li>", esc(n));
        }
        out.push_str("</ul>");
    }
    if !selection.missing_geos.is_empty() {
        let missing: Vec<&str> = selection.missing_geos.iter().map(|g| geo_names.get(g).map_or(g.as_str(), String::as_str)).collect();
        let _ = write!(out, r#"<p class="gap-note" role="note">{} {}.</p>"#, Word::NoFiguresFor.get(lang), esc(&missing.join(", ")));
    }
    out.push_str("</figure></div>");

    // The caveat panel, whole: every caveat of every kind, in the tone asked.
    let _ = write!(
        out,
        r#"<aside class="caveat-panel" aria-labelledby="first-paint-caveat-heading" data-testid="first-paint-caveats"><h2 id="first-paint-caveat-heading">{}</h2>"#,
        Word::WhatThisShows.get(lang)
    );
    let mut kinds: Vec<CaveatKind> = meta.caveats.iter().map(|c| c.kind).collect();
    kinds.extend([CaveatKind::Definition, CaveatKind::Coverage]);
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let _ = write!(out, r#"<section class="caveat caveat-{code}" data-kind="{code}"><h3>{label}</h3><ul>"#, code = kind.code(), label = esc(caveat_kind_label(kind, lang)));
        match kind {
            CaveatKind::Definition => localised(&mut out, meta.indicator.definition.localised(state.tone), lang, Some(Word::WhatIsCounted.get(lang))),
            CaveatKind::Coverage => localised(&mut out, meta.coverage.population.localised(state.tone), lang, Some(Word::WhoIsCounted.get(lang))),
            _ => {}
        }
        for c in meta.caveats.iter().filter(|c| c.kind == kind) {
            let (text, fell_back) = c.text(state.tone).get_with_fallback(lang);
            let _ = write!(out, "<li{}>{}", if fell_back { r#" lang="en""# } else { "" }, esc(text));
            if let Some(url) = c.source_url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
                let _ = write!(out, r#" <a href="{}" rel="noopener noreferrer external" class="source-link">{}</a>"#, esc(url), Word::SourceLink.get(lang));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></section>");
    }
    out.push_str("</aside></div>");

    let _ = write!(
        out,
        r#"<footer class="chart-footer"><h2>{sources}</h2><p>{publisher} · {licence_word} {licence}</p><ul class="sources">"#,
        sources = Word::Sources.get(lang),
        publisher = esc(&meta.publisher),
        licence_word = Word::Licence.get(lang),
        licence = esc(&meta.licence),
    );
    for s in &meta.sources {
        let locator = s.locator.as_deref().map(|l| format!(", {}", esc(l))).unwrap_or_default();
        let _ = write!(out, r#"<li><a href="{}" rel="noopener noreferrer external">{}</a>{locator}</li>"#, esc(&s.url), esc(&s.title));
    }
    out.push_str("</ul></footer></article></main></div>");
    out
}
