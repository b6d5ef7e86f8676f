//! The first paint of a chart page: the server puts the chart (drawn by the
//! same `evidence` code as the app) and its sheet (evidence::sheet: summary,
//! the whole caveat panel, sources, data release, permalink, the same
//! statements the embed and the exports carry) into the `index.html` it
//! sends for `/datasets/{id}?...`.
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

use std::fmt::Write;

use evidence::chart::{Plot, Size, escape_xml as esc, render_plot, select, table};
use evidence::model::{Dataset, Lang, Tone};
use evidence::state::{ChartKind, ChartState};
use evidence::words::W;

use crate::embed::page::suffix_ids;
use crate::embed::sheet_html::{self, Layout};
use crate::snapshot::Snapshot;

/// The sizes the app draws at (app/src/components/chart_view.rs), so the
/// picture does not change when the app takes over.
const WIDE: Size = Size::new(760, 440);
const NARROW: Size = Size::new(480, 360);

/// A path of the app in the reader's language and tone (the app keeps
/// both in every link; the defaults need nothing).
fn app_href(path: &str, lang: Lang, tone: Tone) -> String {
    let mut query = Vec::new();
    if lang != Lang::default() {
        query.push(format!("lang={}", lang.code()));
    }
    if tone != Tone::default() {
        query.push(format!("tone={}", tone.code()));
    }
    if query.is_empty() { path.to_string() } else { format!("{path}?{}", query.join("&")) }
}

/// The figures of a table chart as an HTML table: the app's data table
/// (app/src/components/chart/data_table.rs), without its sort buttons,
/// which need the app.
fn data_table(out: &mut String, plot: &Plot) {
    let lang = plot.lang();
    let _ = write!(
        out,
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{label}"><table data-testid="first-paint-table"><caption class="visually-hidden">{caption}</caption><thead><tr><th scope="col">{place}</th><th scope="col">{period}</th><th scope="col" class="num">{value}</th><th scope="col" class="num">{interval}</th><th scope="col">{note}</th><th scope="col">{source}</th></tr></thead><tbody>"#,
        label = esc(W::DataTable.get(lang)),
        caption = esc(plot.meta.indicator.name.get(lang)),
        place = esc(W::TableLabel.get(lang)),
        period = esc(W::TablePeriod.get(lang)),
        value = esc(W::TableValue.get(lang)),
        interval = esc(W::TableInterval.get(lang)),
        note = esc(W::TableNote.get(lang)),
        source = esc(W::TableSource.get(lang)),
    );
    for r in table::rows(plot) {
        let _ = write!(
            out,
            r#"<tr><th scope="row">{}</th><td>{}</td><td class="num">{}</td><td class="num">{}</td><td>{}</td><td>{}</td></tr>"#,
            esc(&r.label),
            esc(&r.period),
            esc(&r.value_text),
            esc(r.interval_text.as_deref().unwrap_or("")),
            esc(&r.note),
            esc(&r.source),
        );
    }
    out.push_str("</tbody></table></div>");
}

const PAGE_LAYOUT: Layout = Layout { kind_tag: "section", kind_heading: "h3", new_tab: false };

/// The `<div id="first-paint">` for one chart page, to go first in `<body>`.
pub fn render(snapshot: &Snapshot, public_url: &str, dataset: &Dataset, state: &ChartState) -> String {
    let (lang, tone) = (state.lang, state.tone);
    let meta = &dataset.meta;
    let geo_names = crate::export::geo_names(snapshot, lang);
    let selection = select(dataset, state, &snapshot.package.geographies);
    let plot = Plot {
        meta,
        observations: &selection.observations,
        geo_names: &geo_names,
        state,
        world: (state.chart == ChartKind::Map).then_some(&snapshot.world),
    };
    let sheet = crate::export::sheet(snapshot, dataset, &plot, Some(&selection), public_url);

    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(out, r#"<div id="first-paint" class="first-paint" lang="{}" data-testid="first-paint">"#, lang.code());

    let _ = write!(
        out,
        r#"<header class="site-header"><a class="brand" href="{home}">{site}</a><nav aria-label="{nav}" class="main-nav"><ul>"#,
        home = esc(&app_href("/", lang, tone)),
        site = esc(W::SiteName.get(lang)),
        nav = esc(W::NavMain.get(lang)),
    );
    for (path, word) in [
        ("/datasets", W::NavDatasets),
        ("/coverage", W::NavCoverage),
        ("/compare", W::NavCompare),
        ("/glossary", W::NavGlossary),
        ("/methods", W::NavMethods),
    ] {
        let _ = write!(out, r#"<li><a href="{}">{}</a></li>"#, esc(&app_href(path, lang, tone)), esc(word.get(lang)));
    }
    out.push_str("</ul></nav></header>");

    let _ = write!(
        out,
        r#"<main><article class="chart-page" aria-labelledby="first-paint-title"><header class="chart-header"><h1 id="first-paint-title" data-testid="first-paint-title">{title}</h1><p class="subtitle">{subtitle}</p><p class="byline">{byline}</p></header>"#,
        title = esc(&sheet.title),
        subtitle = esc(&sheet.subtitle),
        byline = esc(&sheet.byline),
    );
    sheet_html::shared(&mut out, &sheet, "first-paint-shared");

    // Both drawings; CSS shows the one the app would draw at this width.
    out.push_str(r#"<div class="chart-and-caveats"><div class="chart-column">"#);
    let _ = write!(out, r#"<figure class="chart-figure" data-testid="first-paint-chart" data-kind="{}">"#, state.chart.code());
    if state.chart == ChartKind::Table {
        // A table chart is the table itself, as the app draws it.
        data_table(&mut out, &plot);
    } else {
        let _ = write!(
            out,
            r#"<div class="chart-svg first-paint-wide">{wide}</div><div class="chart-svg narrow first-paint-narrow">{narrow}</div>"#,
            wide = suffix_ids(&render_plot(&plot, WIDE), "-first-paint"),
            narrow = suffix_ids(&render_plot(&plot, NARROW), "-first-paint-narrow"),
        );
    }
    let _ = write!(out, r#"<figcaption class="chart-summary">{}</figcaption>"#, esc(&sheet.summary));
    sheet_html::selection_notes(&mut out, &sheet);
    out.push_str("</figure></div>");

    // The caveat panel, whole: every statement of every kind, in the tone asked.
    let _ = write!(
        out,
        r#"<aside class="caveat-panel" aria-labelledby="first-paint-caveat-heading" data-testid="first-paint-caveats"><h2 id="first-paint-caveat-heading">{}</h2>"#,
        esc(&sheet.caveats_heading)
    );
    sheet_html::caveats(&mut out, &sheet, PAGE_LAYOUT);
    out.push_str("</aside></div>");

    let _ = write!(out, r#"<footer class="chart-footer"><h2>{}</h2>"#, esc(&sheet.sources_heading));
    sheet_html::sources(&mut out, &sheet, PAGE_LAYOUT);
    let _ = write!(
        out,
        r#"<p class="permalink"><a href="{href}" data-testid="first-paint-permalink">{}</a></p>"#,
        esc(&sheet.permalink_label),
        href = esc(&sheet.permalink)
    );
    out.push_str("</footer></article></main></div>");
    out
}
