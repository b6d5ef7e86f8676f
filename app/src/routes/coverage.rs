//! `/coverage`: which dataset has figures for which place in which years —
//! and, as plainly, where there are none. An HTML table (rows: places,
//! columns: datasets, cells: years), filtered by region
//! (`?region=014`) and optionally to places with figures (`?with=data`).

use evidence::api::CoverageMatrix;
use evidence::model::{GeoKind, Geography};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{self, ApiError};
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::load_error::LoadError;
use crate::coverage_cells::{is_in_region, periods_label, region_options};
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_go, use_href, use_page_title, use_with_param};
use crate::use_catalogue;

const WORLD: &str = "001";

async fn load(geo_list: Resource<Result<evidence::api::GeoList, ApiError>>) -> Result<(CoverageMatrix, Vec<Geography>), ApiError> {
    let matrix = api::coverage().await?;
    let geographies = geo_list.await?.geographies;
    Ok((matrix, geographies))
}

/// Options of a select (value, label), under an optgroup label or none.
type OptionGroup = (Option<String>, Vec<(String, String)>);

/// The region filter's choices: the world alone, then one group per region
/// holding the region as a whole and its sub-regions.
fn region_groups(geos: &[Geography], l: evidence::model::Lang) -> Vec<OptionGroup> {
    let mut groups: Vec<OptionGroup> = Vec::new();
    for g in region_options(geos) {
        let name = g.name.get(l).to_string();
        match g.kind {
            GeoKind::Region => groups.push((Some(name.clone()), vec![(g.code.clone(), Msg::WholeRegion.fill(l, &[&name]))])),
            GeoKind::Subregion if !groups.is_empty() => groups.last_mut().expect("checked").1.push((g.code.clone(), name)),
            _ => groups.push((None, vec![(g.code.clone(), name)])),
        }
    }
    groups
}

fn kind_rank(k: GeoKind) -> u8 {
    match k {
        GeoKind::World => 0,
        GeoKind::Region => 1,
        GeoKind::Subregion => 2,
        GeoKind::Country => 3,
        GeoKind::Subnational => 4,
        GeoKind::Special => 5,
    }
}

#[component]
pub fn CoveragePage() -> impl IntoView {
    let lang = use_lang();
    let href = use_href();
    let go = use_go();
    let with_param = use_with_param();
    let query = use_query_map();
    let region = Memo::new(move |_| query.read().get("region").unwrap_or_else(|| WORLD.to_string()));
    let only_with_data = Memo::new(move |_| query.read().get("with").as_deref() == Some("data"));
    // Columns by the publisher's sector and by a declared breakdown.
    let sector = Memo::new(move |_| query.read().get("sector").and_then(|v| evidence::model::Sector::parse(&v)));
    let breakdown = Memo::new(move |_| query.read().get("breakdown").and_then(|v| evidence::model::Breakdown::parse(&v)));
    let geo_list = use_catalogue().geographies();
    let data = Resource::new(|| (), move |_| load(geo_list));
    use_page_title(move || Msg::NavCoverage.get(lang.get()).to_string());

    view! {
        <h1>{t(lang, Msg::CoverageTitle)}</h1>
        <p class="lede">{t(lang, Msg::CoverageIntro)}</p>
        <section class="coverage-definitions" aria-labelledby="coverage-definitions-heading" data-testid="coverage-definitions">
            <h2 id="coverage-definitions-heading">{t(lang, Msg::CoverageDefinitionsTitle)}</h2>
            <Suspense fallback=|| ()>
                <p>{move || Suspend::new(async move {
                    let n = geo_list.await.ok().map(|g| g.geographies.iter().filter(|g| g.kind == GeoKind::Country).count());
                    Msg::CoverageDefinitions.fill(lang.get_untracked(), &[&n.map(|n| n.to_string()).unwrap_or_else(|| "…".into())])
                })}</p>
            </Suspense>
        </section>
        <Suspense fallback=move || view! { <PageSkeleton kind="table"/> }>
            {move || {
                let l = lang.get_untracked();
                Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch()/> }.into_any(),
                    Ok((matrix, geographies)) => untrack(move || {
                        let groups = region_groups(&geographies, l);
                        let store = StoredValue::new((matrix, geographies));
                        let table = move || {
                            let (region, only) = (region.get(), only_with_data.get());
                            let columns = ColumnFilter { sector: sector.get(), breakdown: breakdown.get() };
                            store.with_value(|(m, geos)| matrix_table(m, geos, &region, only, columns, l, href))
                        };
                        view! {
                            <div class="controls" role="group" aria-label=t(lang, Msg::FilterPlaces)>
                                <div class="field">
                                    <label for="region-filter">{t(lang, Msg::Region)}</label>
                                    <select id="region-filter" data-testid="region-filter" on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        go.run(with_param("region", (v != WORLD).then_some(v.as_str())));
                                    }>
                                        {groups.into_iter().map(|(group, options)| {
                                            let options = options.into_iter().map(|(code, name)| {
                                                let c = code.clone();
                                                view! { <option value=code selected=move || region.get() == c>{name}</option> }
                                            }).collect_view();
                                            match group {
                                                Some(label) => view! { <optgroup label=label>{options}</optgroup> }.into_any(),
                                                None => options.into_any(),
                                            }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="sector-filter">{t(lang, Msg::FilterSector)}</label>
                                    <select id="sector-filter" data-testid="coverage-sector" on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        go.run(with_param("sector", (!v.is_empty()).then_some(v.as_str())));
                                    }>
                                        <option value="" selected=move || sector.get().is_none()>{t(lang, Msg::FilterAny)}</option>
                                        {evidence::model::Sector::ALL.into_iter().map(|s| view! {
                                            <option value=s.code() selected=move || sector.get() == Some(s)>{s.label(l)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="breakdown-filter">{t(lang, Msg::FilterBreakdown)}</label>
                                    <select id="breakdown-filter" data-testid="coverage-breakdown" on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        go.run(with_param("breakdown", (!v.is_empty()).then_some(v.as_str())));
                                    }>
                                        <option value="" selected=move || breakdown.get().is_none()>{t(lang, Msg::FilterAny)}</option>
                                        {evidence::model::Breakdown::ALL.into_iter().map(|b| view! {
                                            <option value=b.code() selected=move || breakdown.get() == Some(b)>{b.label(l)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field checkbox-field">
                                    <input type="checkbox" id="only-with-data" data-testid="only-with-data"
                                        prop:checked=move || only_with_data.get()
                                        on:change=move |ev| go.run(with_param("with", event_target_checked(&ev).then_some("data")))/>
                                    <label for="only-with-data">{t(lang, Msg::OnlyWithFigures)}</label>
                                </div>
                            </div>
                            <p class="legend" aria-hidden="true">
                                <span class="cell-sample has">"2019–2023"</span> " " {Msg::LegendHas.get(l)}
                                " " <span class="cell-sample gap">"—"</span> " " {Msg::LegendGap.get(l)}
                            </p>
                            {table}
                        }.into_any()
                    }),
                }
            })}}
        </Suspense>
    }
}

/// Which dataset columns the matrix shows.
#[derive(Clone, Copy, Default)]
struct ColumnFilter {
    sector: Option<evidence::model::Sector>,
    breakdown: Option<evidence::model::Breakdown>,
}

fn matrix_table(
    m: &CoverageMatrix,
    geos: &[Geography],
    region: &str,
    only_with_data: bool,
    columns: ColumnFilter,
    l: evidence::model::Lang,
    href: impl Fn(&str) -> String + Copy + Send + Sync + 'static,
) -> AnyView {
    let kind_of = |code: &str| geos.iter().find(|g| g.code == code).map(|g| g.kind).unwrap_or(GeoKind::Special);
    let mut rows: Vec<usize> = (0..m.geographies.len()).filter(|&i| is_in_region(geos, &m.geographies[i].code, region)).collect();
    let shown: Vec<usize> = (0..m.datasets.len())
        .filter(|&di| {
            let d = &m.datasets[di];
            columns.sector.is_none_or(|s| d.sector == s) && columns.breakdown.is_none_or(|b| d.breakdowns.contains(&b))
        })
        .collect();
    let has_data = |i: usize| m.cells.iter().any(|c| c.geo == i && shown.contains(&c.dataset) && !c.periods.is_empty());
    // One count of places, as on the profiles: countries (and territories)
    // of ISO 3166-1; the world, regions and special codes are not places
    // covered (coverage_cells.rs).
    let is_country = |i: usize| kind_of(&m.geographies[i].code) == GeoKind::Country;
    let total = rows.iter().filter(|&&i| is_country(i)).count();
    let with_data = rows.iter().filter(|&&i| is_country(i) && has_data(i)).count();
    let region_counts = crate::coverage_cells::RegionCounts::new(m, geos);
    if only_with_data {
        rows.retain(|&i| has_data(i));
    }
    rows.sort_by_key(|&i| (kind_rank(kind_of(&m.geographies[i].code)), crate::text_match::fold(m.geographies[i].name.get(l))));
    let region_name = geos.iter().find(|g| g.code == region).map_or_else(|| region.to_string(), |g| g.name.get(l).to_string());
    let summary = Msg::CoverageSummaryCountries.fill(l, &[&region_name, &total.to_string(), &with_data.to_string()]);
    let head = shown
        .iter()
        .map(|&di| &m.datasets[di])
        .map(|d| {
            let target = format!("/datasets/{}", d.id);
            view! { <th scope="col" class="dataset-col" data-sector=d.sector.code()><a href=move || href(&target)>{d.title.get(l).to_string()}</a></th> }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|gi| {
            let g = &m.geographies[gi];
            let target = format!("/geo/{}", g.code);
            let cells = shown
                .iter()
                .copied()
                .map(|di| match m.cells.iter().find(|c| c.dataset == di && c.geo == gi && !c.periods.is_empty()) {
                    Some(c) => view! { <td class="has">{periods_label(&c.periods)}</td> }.into_any(),
                    None if region_counts.members(&g.code) > 0 && region_counts.with_figures(di, &g.code) > 0 => {
                        let (k, n) = (region_counts.with_figures(di, &g.code), region_counts.members(&g.code));
                        let words = Msg::CountriesWithFiguresShort.fill(l, &[&k.to_string(), &n.to_string()]);
                        let title = words.clone();
                        view! {
                            <td class="partial" title=title><span aria-hidden="true">{format!("{k}/{n}")}</span><span class="visually-hidden">{words}</span></td>
                        }
                        .into_any()
                    }
                    None => view! {
                        <td class="gap"><span aria-hidden="true">"—"</span><span class="visually-hidden">{Msg::NoFigures.get(l)}</span></td>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <tr data-geo=g.code.clone()>
                    <th scope="row"><a href=move || href(&target)>{g.name.get(l).to_string()}</a></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    if shown.is_empty() {
        return view! { <p class="gap-note" data-testid="no-match">{Msg::FilterNoMatch.get(l)}</p> }.into_any();
    }
    view! {
        <p class="coverage-summary" data-testid="coverage-summary" aria-live="polite">{summary}</p>
        <div class="table-scroll coverage-scroll" tabindex="0" role="region" aria-label=Msg::CoverageTitle.get(l)>
            <table class="coverage-matrix" data-testid="coverage-table">
                <caption class="visually-hidden">{Msg::CoverageCaption.fill(l, &[&region_name])}</caption>
                <thead><tr><th scope="col" class="place-col">{Msg::Place.get(l)}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
