//! `/compare?datasets=a,b&geo=…`: two datasets side by side for the same
//! places, under the warnings that must be read first — the curators'
//! declared comparability and the differences in unit, method, population
//! and years found automatically (compare_warnings.rs).

use evidence::api::{GeoList, TermName};
use evidence::model::{Dataset, Geography};
use evidence::state::param;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{self, ApiError};
use crate::compare_warnings::compare_warnings;
use crate::components::chart::multi_select::{Choice, MultiSelect};
use crate::components::compare::compare_column::CompareColumn;
use crate::components::compare::dataset_select::DatasetSelect;
use crate::components::compare::warnings_box::WarningsBox;
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::layout::tone_switch::ToneSwitch;
use crate::components::load_error::LoadError;
use crate::i18n::{Msg, t, use_lang};
use crate::prefs::{use_go, use_href, use_page_title, use_tone, use_with_param};
use crate::use_catalogue;

/// Pairs worth looking at, and why: shown when none is chosen.
const SUGGESTIONS: [(&str, &str); 3] = [
    ("dh-tf-csea-prevalence", "dh-headline-past-year-ocsea"),
    ("ncmec-cybertipline-by-country", "dh-tf-csea-prevalence"),
    ("ncmec-cybertipline-totals", "iwf-reports"),
];

#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Pair {
    a: (Dataset, Vec<TermName>),
    b: (Dataset, Vec<TermName>),
    geographies: Vec<Geography>,
}

/// A dataset and the names of the glossary terms it uses.
async fn load_one(id: &str) -> Result<(Dataset, Vec<TermName>), ApiError> {
    let (detail, obs) = futures::future::join(api::dataset(id), api::observations(id)).await;
    let (detail, obs) = (detail?, obs?);
    Ok((Dataset { meta: detail.meta, observations: obs.observations }, detail.glossary_terms))
}

async fn load(ids: Vec<String>, geo_list: Resource<Result<GeoList, ApiError>>) -> Result<Option<Pair>, ApiError> {
    let [a, b] = ids.as_slice() else { return Ok(None) };
    if a.is_empty() || b.is_empty() {
        return Ok(None);
    }
    // All five requests at once: on a slow line each round trip counts.
    let (a, b, geo) = futures::future::join3(load_one(a), load_one(b), std::future::IntoFuture::into_future(geo_list)).await;
    Ok(Some(Pair { a: a?, b: b?, geographies: geo?.geographies }))
}

fn split_list(v: Option<String>) -> Vec<String> {
    v.map(|s| s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()).unwrap_or_default()
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let lang = use_lang();
    let tone = use_tone();
    let href = use_href();
    let go = use_go();
    let with_param = use_with_param();
    let catalogue = use_catalogue();
    let query = use_query_map();
    // Two slots, kept in place even when one is empty ("a," or ",b").
    let ids = Memo::new(move |_| {
        let mut v: Vec<String> = query.read().get("datasets").unwrap_or_default().split(',').map(|s| s.trim().to_string()).take(2).collect();
        v.resize(2, String::new());
        v
    });
    let geo = Memo::new(move |_| split_list(query.read().get(param::GEO)).into_iter().map(|g| g.to_ascii_uppercase()).collect::<Vec<_>>());
    let geo_list = catalogue.geographies();
    let data = Resource::new(move || ids.get(), move |ids| load(ids, geo_list));
    use_page_title(move || Msg::CompareTitle.get(lang.get()).to_string());

    let set_side = move |side: usize, id: String| {
        let mut v = ids.get_untracked();
        v[side] = id;
        let joined = v.join(",");
        go.run(with_param("datasets", (!joined.trim_matches(',').is_empty()).then_some(joined.as_str())));
    };
    let selects = move || {
        catalogue.datasets().map(|r| match r {
            Ok(list) => view! {
                <DatasetSelect id="dataset-a" label=Msg::FirstDataset datasets=list.datasets.clone()
                    value=Signal::derive(move || ids.get().first().cloned().filter(|s| !s.is_empty()))
                    on_change=Callback::new(move |id| set_side(0, id))/>
                <DatasetSelect id="dataset-b" label=Msg::SecondDataset datasets=list.datasets.clone()
                    value=Signal::derive(move || ids.get().get(1).cloned().filter(|s| !s.is_empty()))
                    on_change=Callback::new(move |id| set_side(1, id))/>
            }.into_any(),
            Err(e) => view! { <LoadError error=e.clone() on_retry=move |_| catalogue.datasets().refetch()/> }.into_any(),
        })
    };
    let suggestions = move || {
        let l = lang.get();
        let titles = catalogue.datasets().map(|r| r.clone().ok()).flatten();
        let title = move |id: &str| titles.as_ref().and_then(|t| t.datasets.iter().find(|d| d.id == id)).map_or_else(|| id.to_string(), |d| d.title.get(l).to_string());
        SUGGESTIONS
            .into_iter()
            .map(|(a, b)| {
                let target = href(&format!("/compare?datasets={a},{b}"));
                view! { <li><a href=target data-testid="compare-suggestion">{Msg::VersusPair.fill(l, &[&title(a), &title(b)])}</a></li> }
            })
            .collect_view()
    };

    view! {
        <h1>{t(lang, Msg::CompareTitle)}</h1>
        <p class="lede">{t(lang, Msg::CompareIntro)}</p>
        <div class="controls compare-controls" role="group" aria-label=t(lang, Msg::CompareSettings)>
            <Suspense fallback=|| ()>{selects}</Suspense>
            <ToneSwitch/>
        </div>
        <Suspense fallback=move || view! { <PageSkeleton kind="compare"/> }>
            {move || {
                let l = lang.get_untracked();
                Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch()/> }.into_any(),
                    Ok(None) => view! {
                        <section class="suggestions" aria-labelledby="suggestions-heading">
                            <h2 id="suggestions-heading">{t(lang, Msg::TryAPair)}</h2>
                            <ul class="link-list">{suggestions}</ul>
                        </section>
                    }.into_any(),
                    Ok(Some(Pair { a: (a, terms_a), b: (b, terms_b), geographies })) => untrack(move || {
                        let warnings = compare_warnings(&a.meta, &a.periods(), &b.meta, &b.periods());
                        let geos_a = a.geos().into_iter().map(String::from).collect::<Vec<_>>();
                        let geos_b = b.geos().into_iter().map(String::from).collect::<Vec<_>>();
                        let common: Vec<String> = geos_a.iter().filter(|g| geos_b.contains(g)).cloned().collect();
                        let name = |c: &str| geographies.iter().find(|g| g.code == c).map_or_else(|| c.to_string(), |g| g.name.get(l).to_string());
                        let mut union: Vec<String> = geos_a.clone();
                        union.extend(geos_b.iter().filter(|g| !geos_a.contains(g)).cloned());
                        let mut options: Vec<Choice> = union.iter().map(|c| Choice { value: c.clone(), label: name(c) }).collect();
                        options.sort_by_key(|c| crate::text_match::fold(&c.label));
                        let common_text = if common.is_empty() {
                            Msg::NoPlaceInBoth.get(l).to_string()
                        } else {
                            let mut names: Vec<String> = common.iter().map(|c| name(c)).collect();
                            names.sort_by_key(|n| crate::text_match::fold(n));
                            Msg::PlacesInBoth.fill(l, &[&names.join(", ")])
                        };
                        let (ta, tb) = (a.meta.title.get(l).to_string(), b.meta.title.get(l).to_string());
                        let picker = (options.len() > 1).then(|| view! {
                            <MultiSelect id="geo" label=Msg::Geographies
                                options=options selected=Signal::derive(move || geo.get())
                                none_label=Msg::PlacesInBothDefault
                                on_change=Callback::new(move |g: Vec<String>| {
                                    let joined = g.join(",");
                                    go.run(with_param(param::GEO, (!joined.is_empty()).then_some(joined.as_str())));
                                })/>
                        });
                        // The places shown: the reader's, else those both datasets cover.
                        // Only the charts follow the choice, so the picker keeps focus.
                        let pair = StoredValue::new((a, b, geographies, terms_a, terms_b));
                        let columns = move || {
                            let g = geo.get();
                            let chosen = if g.is_empty() { common.clone() } else { g };
                            pair.with_value(|(a, b, geographies, terms_a, terms_b)| view! {
                                <CompareColumn side="a" dataset=a.clone() terms=terms_a.clone() geographies=geographies.clone() geo=chosen.clone() lang=l tone=tone/>
                                <CompareColumn side="b" dataset=b.clone() terms=terms_b.clone() geographies=geographies.clone() geo=chosen lang=l tone=tone/>
                            })
                        };
                        view! {
                            <div class="compare-places">
                                {picker}
                                <p class="common-places" data-testid="common-places">{common_text}</p>
                            </div>
                            <WarningsBox warnings=warnings a_title=ta b_title=tb/>
                            <div class="compare-grid">{columns}</div>
                        }.into_any()
                    }),
                }
            })}}
        </Suspense>
    }
}
