//! `/embed/datasets/{id}?<chart state>&frame=&theme=`: a chart for other
//! sites' iframes, in its own minimal layout (no site header or footer),
//! drawn by the same code and caveat panel as the chart page: title,
//! subtitle and byline, the sharer's words marked as theirs, the chart at
//! two widths (the stylesheet shows the one that fits the frame), its
//! summary, the whole caveat panel (every statement in full), the sheet's
//! notes, the sources and a link to the full chart page.
//!
//! The server renders it and sends it without the app's script: a
//! widget in an article must stay light and work without JavaScript. Its
//! one script (`/embed/frame.js`) reports its height to the parent page.

use evidence::chart::sizes::{EMBED_FRAMED, EMBED_NARROW, EMBED_WIDE};
use evidence::chart::{Plot, render_plot, select};
use evidence::embed::{EmbedQuery, PROVIDER_NAME, suffix_ids};
use evidence::model::Lang;
use evidence::state::ChartKind;
use evidence::words::W;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::api::{self, ApiError};
use crate::chart_data::{ChartData, chart_sheet, load};
use crate::components::caveat_panel::CaveatPanel;
use crate::components::chart_view::geo_names;
use crate::components::load_error::LoadError;
use crate::components::sheet::InFrame;
use crate::components::sheet::shared_words::SharedWords;
use crate::components::sheet::sheet_notes::{SelectionNotes, SheetNotes};
use crate::components::sheet::sheet_sources::SheetSources;
use crate::i18n::use_lang;

#[component]
pub fn EmbedPage() -> impl IntoView {
    provide_context(InFrame);
    let params = use_params_map();
    let location = use_location();
    let catalogue = crate::use_catalogue();
    // An embed is drawn once for its address: nothing here changes it.
    let id = params.read_untracked().get("id").unwrap_or_default();
    let query = EmbedQuery::parse(&location.search.get_untracked());
    let state = query.state.clone();
    // Resources in a fixed order, the catalogue's first (as on every page).
    let geo_list = catalogue.geographies();
    let catalogue_list = catalogue.datasets();
    let data = {
        let (id, pinned) = (id.clone(), state.release.clone());
        Resource::new(|| (), move |_| load(id.clone(), pinned.clone()))
    };
    let want_map = state.chart == ChartKind::Map;
    let world = Resource::new(|| (), move |_| async move { if want_map { api::world_map().await.map(Some) } else { Ok(None) } });
    let current = Resource::new(|| (), |_| api::current_release());
    let lang = state.lang;
    let warnings = query.warnings.clone();
    view! {
        {(!warnings.is_empty()).then(|| view! {
            <div class="notice" role="status" data-testid="embed-warnings">
                <p>{W::BadParams.get(lang)} ":"</p>
                <ul>{warnings.iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}</ul>
            </div>
        })}
        <Suspense fallback=|| ()>
            {move || {
                let state = state.clone();
                Suspend::new(async move {
                    let current = current.await.ok();
                    let others: Vec<(String, evidence::model::Localised)> =
                        catalogue_list.await.map(|l| l.datasets.into_iter().map(|d| (d.id, d.title)).collect()).unwrap_or_default();
                    let world = world.await;
                    let places = geo_list.await.map(|g| g.geographies);
                    match (data.await, world, places) {
                        (Err(ApiError::Server { status: 404, .. }), _, _) => view! { <EmbedNotFound/> }.into_any(),
                        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => view! { <LoadError error=e on_retry=move |_| data.refetch() as_page=true/> }.into_any(),
                        (Ok(chart), Ok(world), Ok(geographies)) => {
                            let version = chart.release.clone().or_else(|| current.map(|c| c.data_version));
                            embed_view(chart, geographies, world, state, version, &others).into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

fn embed_view(chart: ChartData, geographies: Vec<evidence::model::Geography>, world: Option<evidence::chart::WorldMap>, state: evidence::state::ChartState, version: Option<String>, others: &[(String, evidence::model::Localised)]) -> impl IntoView {
    let ChartData { dataset, .. } = chart;
    let lang = state.lang;
    let sheet = chart_sheet(&dataset, &geographies, &state, version.as_deref(), others);
    let names = geo_names(&geographies, lang);
    let selection = select(&dataset, &state, &geographies);
    let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: world.as_ref() };
    // Two drawings of one plot; the stylesheet shows the one that fits.
    // Ids inside the narrow one are renamed, so its patterns do not point
    // at the hidden wide one.
    let wide = render_plot(&plot, EMBED_WIDE);
    let narrow = suffix_ids(&render_plot(&plot, EMBED_NARROW), "-narrow");
    let still = static_picture(&plot, &sheet, lang);
    let meta = dataset.meta;
    let (title, subtitle, byline, summary, permalink) =
        (sheet.title.clone(), sheet.subtitle.clone(), sheet.byline.clone(), sheet.summary.clone(), sheet.permalink.clone());
    let publisher = sheet.publisher.clone();
    let sheet = Signal::stored(sheet);
    view! {
        <header>
            <h1 class="title" data-testid="embed-title">{title}</h1>
            <p class="subtitle">{subtitle}</p>
            <p class="byline">{byline}</p>
        </header>
        <SharedWords sheet=sheet testid="embed-shared"/>
        <figure class="chart" data-testid="embed-chart">
            <div class="plot plot-wide" inner_html=wide></div>
            <div class="plot plot-narrow" inner_html=narrow></div>
            <figcaption class="summary">{summary}</figcaption>
        </figure>
        <SelectionNotes sheet=sheet/>
        // The whole caveat panel: every statement in full, never a first
        // sentence that could say the opposite of the whole; the frame grows
        // to fit it (frame.js reports the height).
        <div class="caveats" data-testid="embed-caveats">
            <CaveatPanel caveats=meta.caveats.clone() tone=state.tone lang=lang
                definition=meta.indicator.definition.clone() population=meta.coverage.population.clone()/>
            <SheetNotes sheet=sheet heading_level=3/>
        </div>
        <div class="source" data-testid="embed-source">
            <p>{W::Source.get(lang)} ": " {publisher} "."</p>
            <SheetSources sheet=sheet/>
        </div>
        <p class="permalink">
            <a href=permalink target="_blank" rel="noopener" data-testid="embed-permalink">{W::OpenFullChart.get(lang)} " ↗"</a>
            " " <span class="provider">{PROVIDER_NAME}</span>
        </p>
        {still}
    }
}

/// Without script, the chart as one picture (the same sheet around the
/// plot) for saving or printing. Drawn by the server only: the browser
/// never draws an embed, and the app's wasm need not carry the frame.
#[cfg(feature = "ssr")]
fn static_picture(plot: &Plot, sheet: &evidence::sheet::ChartSheet, lang: Lang) -> Option<AnyView> {
    let framed = suffix_ids(&evidence::chart::render_framed(plot, EMBED_FRAMED, sheet), "-static");
    Some(view! {
        <noscript>
            <details class="static-image" data-testid="embed-static">
                <summary>{W::StaticImage.get(lang)}</summary>
                <div class="framed" inner_html=framed></div>
            </details>
        </noscript>
    }.into_any())
}

#[cfg(not(feature = "ssr"))]
fn static_picture(_plot: &Plot, _sheet: &evidence::sheet::ChartSheet, _lang: Lang) -> Option<AnyView> {
    let _ = EMBED_FRAMED;
    None
}

/// An embed of a dataset that does not exist, or any other address under
/// `/embed/`: a small page (not JSON: it is shown in someone's article).
#[component]
pub fn EmbedNotFound() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let all = format!("{}/datasets", crate::page_origin());
    view! {
        <div class="not-found" data-testid="embed-not-found">
            <h1 class="title">{W::NotFoundTitle.get(lang)}</h1>
            <p>{W::NotFoundText.get(lang)}</p>
            <p class="permalink"><a href=all target="_blank" rel="noopener">{W::AllDatasets.get(lang)}</a> " " <span class="provider">{PROVIDER_NAME}</span></p>
        </div>
    }
}
