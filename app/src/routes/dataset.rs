//! `/datasets/{id}?<chart state>`: the chart page. Header, controls, the
//! chart with its caveat panel beside it, then the data table and the sources.
//! Everything the user sets lives in the URL query, a pinned data release
//! (`release=`) too: the page then shows that release's figures and says so.

use evidence::model::{GeoKind, Geography, Lang, Unit};
use evidence::state::{ChartKind, ChartState};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

use crate::api;
use crate::chart_data::{ChartData, chart_sheet, load, same_figures};
use crate::components::caveat_panel::CaveatPanel;
use crate::components::chart::chart_controls::ChartControls;
use crate::components::chart::chart_page_skeleton::ChartPageSkeleton;
use crate::components::chart::multi_select::Choice;
use crate::components::chart_view::{ChartTable, ChartView};
use crate::components::cite_panel::CitePanel;
use crate::components::release_notice::{Pinned, ReleaseNotice};
use crate::components::sheet::shared_words::SharedWords;
use crate::components::sheet::sheet_notes::SheetNotes;
use crate::components::sheet::sheet_sources::SheetSources;
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::load_error::LoadError;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_go, use_href, use_page_title};

/// The places a reader can pick: those with figures and, for counts by
/// country, regions (drawn as sums over the countries that report, with
/// how many that is). Percentages are never summed, so no regions for them.
fn geo_choices(with_data: &[String], geographies: &[Geography], unit: Unit, lang: Lang) -> Vec<Choice> {
    let name = |code: &str| geographies.iter().find(|g| g.code == code).map(|g| g.name.get(lang).to_string()).unwrap_or_else(|| code.to_string());
    let mut places: Vec<Choice> = with_data.iter().map(|c| Choice { value: c.clone(), label: name(c) }).collect();
    places.sort_by_key(|c| crate::text_match::fold(&c.label));
    let countries = with_data.iter().filter(|c| geographies.iter().any(|g| &g.code == *c && g.kind == GeoKind::Country)).count();
    if unit == Unit::Count && countries > 1 {
        places.extend(
            geographies
                .iter()
                .filter(|g| g.kind.is_aggregate() && !with_data.contains(&g.code))
                .map(|g| Choice { value: g.code.clone(), label: Msg::RegionSum.fill(lang, &[g.name.get(lang)]) }),
        );
    }
    places
}

#[component]
pub fn DatasetPage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let lang = use_lang();
    let href = use_href();
    let catalogue = crate::use_catalogue();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let parsed = Memo::new(move |_| ChartState::from_query(&location.search.get()));
    let state = Memo::new(move |_| parsed.get().0);
    let warnings = Memo::new(move |_| parsed.get().1);
    let want_map = Memo::new(move |_| state.get().chart == ChartKind::Map);
    // The dataset is loaded once per id; the world map only when a map is
    // asked for, on its own, so switching chart kinds keeps the controls.
    // Reloaded when the pinned release changes, not on other settings.
    let pinned = Memo::new(move |_| state.get().release);
    // Resources in a fixed order (the browser matches the server's data to
    // them by it): the catalogue's first, then the page's own.
    let geo_list = catalogue.geographies();
    let catalogue_list = catalogue.datasets();
    let data = Resource::new(move || (id.get(), pinned.get()), move |(id, pinned)| load(id, pinned));
    let world = Resource::new(
        move || want_map.get(),
        |want| async move { if want { api::world_map().await.map(Some) } else { Ok(None) } },
    );
    // The current data release: the sheet's release line on an unpinned
    // page (the same package the server's exports name), and what a pinned
    // page is compared with.
    let current = Resource::new(|| (), |_| api::current_release());
    // A pinned page's figures as they are in the current release, asked for
    // by its name, to say whether they changed (for a pinned link only).
    let current_figures = Resource::new(
        move || (id.get(), pinned.get()),
        |(id, pinned)| async move {
            let Some(pinned) = pinned else { return Ok(None) };
            let now = api::current_release().await?.data_version;
            if now == pinned {
                return Ok(None);
            }
            api::observations_at(&id, Some(&now)).await.map(|o| Some(o.observations))
        },
    );
    use_page_title(move || {
        data.map(|d| d.as_ref().ok().map(|p| p.dataset.meta.title.get(lang.get()).to_string())).flatten().unwrap_or_default()
    });

    let go = use_go();
    let set_state = Callback::new(move |new_state: ChartState| {
        go.run(format!("/datasets/{}?{}", id.get_untracked(), new_state.to_query()));
    });

    view! {
        {move || (!warnings.get().is_empty()).then(|| view! {
            <div class="notice" role="status" data-testid="state-warnings">
                <p>{t(lang, Msg::BadParams)} ":"</p>
                <ul>{warnings.get().into_iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}</ul>
            </div>
        })}
        <Suspense fallback=move || view! { <ChartPageSkeleton/> }>
            {move || {
                // The language is fixed for the life of a page: a change of
                // language mounts the page anew (lib.rs, LocalisedRoutes).
                let l = lang.get_untracked();
                Suspend::new(async move {
                // The release line needs the current release: the page is
                // drawn with it, on the server too.
                let current = current.await.ok();
                let current_figures = current_figures.await.ok().flatten();
                // Titles of the other datasets, for the comparability notes.
                let others: Vec<(String, evidence::model::Localised)> =
                    catalogue_list.await.map(|l| l.datasets.into_iter().map(|d| (d.id, d.title)).collect()).unwrap_or_default();
                let places = geo_list.await.map(|g| g.geographies);
                match data.await.and_then(|d| places.map(|p| (d, p))) {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch() as_page=true/> }.into_any(),
                    // Drawn once per dataset: nothing read while drawing is
                    // tracked, so a change of settings redraws only the parts
                    // that follow it (the chart, the controls' state), never
                    // the whole page under the reader's focus.
                    Ok((ChartData { dataset, geos, terms, release, unknown_release }, geographies)) => untrack(move || {
                        let meta = dataset.meta.clone();
                        // The state as shown: a release the server does not hold
                        // is left out of it, so the controls, exports, embed code
                        // and citation give the current view, which is shown.
                        let refused = unknown_release.is_some();
                        // A place code the link names that is no place: said in
                        // the banner of replaced settings, and left out of the
                        // view (never a chip for a place that does not exist).
                        let known: std::collections::HashSet<String> = geographies.iter().map(|g| g.code.clone()).collect();
                        let unknown_places: Vec<String> = state.get_untracked().geo.into_iter().filter(|c| !known.contains(c)).collect();
                        let state = Memo::new(move |_| {
                            let mut s = state.get();
                            if refused {
                                s.release = None;
                            }
                            s.geo.retain(|c| known.contains(c));
                            s
                        });
                        let current_href = {
                            let id = meta.id.clone();
                            Signal::derive(move || {
                                let unpinned = ChartState { release: None, ..state.try_get().unwrap_or_default() };
                                format!("/datasets/{}?{}", evidence::state::percent_encode(&id), unpinned.to_query())
                            })
                        };
                        let shown_release = release.clone();
                        let current_version = current.as_ref().map(|c| c.data_version.clone());
                        // Whether the view the link opened has the same figures now:
                        // worked out once, here, and not read from the page's
                        // settings later (the notice may outlive them when the
                        // reader follows its link to the current view).
                        let same = current_figures.as_deref().map(|now| same_figures(&dataset, now, &state.get_untracked(), &geographies));
                        let notice = move || match (&unknown_release, &shown_release) {
                            (Some(message), _) => Some(Pinned::Unknown { message: message.clone() }),
                            (None, Some(r)) => current
                                .clone()
                                .filter(|c| &c.data_version != r)
                                .map(|c| Pinned::Earlier { release: r.clone(), current: c.data_version, same }),
                            (None, None) => None,
                        };
                        let sheet = {
                            let (dataset, geographies) = (dataset.clone(), geographies.clone());
                            Memo::new(move |_| {
                                let version = release.clone().or_else(|| current_version.clone());
                                chart_sheet(&dataset, &geographies, &state.try_get().unwrap_or_default(), version.as_deref(), &others)
                            })
                        };
                        // The chart-kind switch offers only the kinds that apply
                        // to this dataset, and says why of the others.
                        provide_context(crate::components::chart::chart_kind_switch::ChartKinds(evidence::chart::chart_kinds(&dataset)));
                        let periods = dataset.periods();
                        let geo_options = geo_choices(&geos, &geographies, meta.indicator.unit, l);
                        let series_options: Vec<Choice> = dataset
                            .series_names()
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .map(|s| Choice { value: s.to_string(), label: meta.series_label(s, l).to_string() })
                            .collect();
                        let compare_target = format!("/compare?datasets={}", meta.id);
                        let (note_periods, note_places) = (periods.clone(), geo_options.clone());
                        let (table_dataset, table_geographies) = (dataset.clone(), geographies.clone());
                        view! {
                            <article class="chart-page" aria-labelledby="chart-title">
                                <header class="chart-header">
                                    // Always the dataset's own name: a title from a link is
                                    // the sharer's, shown below as theirs.
                                    <h1 id="chart-title" data-testid="chart-title">{move || sheet.with(|s| s.title.clone())}</h1>
                                    <p class="subtitle">{move || sheet.with(|s| s.subtitle.clone())}</p>
                                    <p class="byline">{move || sheet.with(|s| s.byline.clone())}</p>
                                </header>
                                {move || notice().map(|pinned| view! { <ReleaseNotice pinned=pinned lang=l current_href=current_href/> })}
                                {(!unknown_places.is_empty()).then(|| view! {
                                    <div class="notice" role="status" data-testid="unknown-places">
                                        <p>{Msg::BadParams.get(l)} ":"</p>
                                        <ul>{unknown_places.iter().map(|c| view! { <li>{evidence::words::W::UnknownPlaceCode.fill(l, &[("code", c)])}</li> }).collect_view()}</ul>
                                    </div>
                                })}
                                <SharedWords sheet=sheet testid="shared-words"/>
                                <ChartControls state=state set_state=set_state geo_options=geo_options series_options=series_options periods=periods/>
                                <div class="chart-and-caveats">
                                    <div class="chart-column">
                                        <Suspense fallback=move || view! { <PageSkeleton kind="chart"/> }>
                                            {move || {
                                                let dataset = dataset.clone();
                                                let geographies = geographies.clone();
                                                let s = state.get();
                                                Suspend::new(async move {
                                                    match world.await {
                                                        Err(e) => view! { <LoadError error=e on_retry=move |_| world.refetch()/> }.into_any(),
                                                        Ok(world) => view! { <ChartView dataset=dataset geographies=geographies state=s world=world no_table=true/> }.into_any(),
                                                    }
                                                })
                                            }}
                                        </Suspense>
                                    </div>
                                    <CaveatPanel caveats=meta.caveats.clone() tone=Signal::derive(move || state.try_get().map(|s| s.tone).unwrap_or_default()) lang=lang
                                        definition=meta.indicator.definition.clone() population=meta.coverage.population.clone()
                                        terms=terms/>
                                </div>
                                // The figures behind the chart, after the caveats: the page's
                                // order (and the Tab key's) is the order it reads in, on a
                                // phone as on a wide screen (chart and caveats side by side,
                                // the table under both).
                                // try_get: a change of release redraws the whole page, and
                                // this may run once more as the old page is taken down.
                                {move || state.try_get().map(|s| view! { <ChartTable dataset=table_dataset.clone() geographies=table_geographies.clone() state=s/> })}
                                // The rest of the sheet's statements: which datasets this
                                // one may not be mixed with, and where its figures come from.
                                <SheetNotes sheet=sheet/>
                                <crate::components::annotation_editor::AnnotationEditor state=state set_state=set_state periods=note_periods places=note_places/>
                                <crate::components::export_panel::ExportPanel dataset_id=meta.id.clone() state=state/>
                                <CitePanel dataset_id=meta.id.clone() state=state/>
                                <footer class="chart-footer">
                                    <h2>{move || sheet.with(|s| s.sources_heading.clone())}</h2>
                                    <SheetSources sheet=sheet/>
                                    <p class="related">
                                        <a href=move || href(&compare_target) data-testid="compare-link">{t(lang, Msg::CompareWithAnother)}</a>
                                        " · "
                                        <a href=move || href("/coverage")>{t(lang, Msg::SeeCoverage)}</a>
                                    </p>
                                </footer>
                                <crate::components::embed_code::EmbedCode dataset_id=meta.id.clone() state=state/>
                            </article>
                        }.into_any()
                    }),
                }
            })}}
        </Suspense>
    }
}
