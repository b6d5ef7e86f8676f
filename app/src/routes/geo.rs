//! `/geo/{code}`: a country or region profile. Every dataset with figures
//! for the place, with its latest value, a small trend and its caveats; and
//! just as visible, every dataset without figures for it. Regions say how
//! many of their countries are covered; percentages are never averaged.

use std::collections::{BTreeMap, HashMap};

use evidence::aggregate::countries_in;
use evidence::api::{DatasetList, GeoList, GeoProfile, Glossary, TermName};
use evidence::model::{GeoKind, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, ApiError};
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::layout::tone_switch::ToneSwitch;
use crate::components::load_error::LoadError;
use crate::components::profile::covered_dataset::{CoveredDataset, PlaceContext};
use crate::components::profile::not_covered_list::NotCoveredList;
use crate::i18n::{Msg, geo_kind_msg, use_lang};
use crate::prefs::{use_href, use_page_title};
use crate::use_catalogue;

#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct PageData {
    profile: GeoProfile,
    geographies: GeoList,
    datasets: DatasetList,
    // Ordered maps: the page's data travels with the server-rendered page,
    // which must be the same bytes each time it is drawn (cache, static export).
    glossary_terms: BTreeMap<String, Vec<TermName>>,
    /// For the world: what each dataset counts under a special code (no
    /// country listed), by dataset id, with the code.
    unassigned: BTreeMap<String, Vec<(String, evidence::model::Observation)>>,
    /// Metadata of the datasets whose latest figures here are not all
    /// verbatim, for the words of their grade notes.
    metas: BTreeMap<String, evidence::model::DatasetMeta>,
}

async fn load(
    code: String,
    geographies: Resource<Result<GeoList, ApiError>>,
    datasets: Resource<Result<DatasetList, ApiError>>,
    glossary: Resource<Result<Glossary, ApiError>>,
) -> Result<PageData, ApiError> {
    let profile = api::geo_profile(&code).await?;
    let geographies = geographies.await?;
    let datasets = datasets.await?;
    // The world's sums over countries leave out what a source counts under
    // no country; those figures, from the data, say where sum and total meet.
    let mut unassigned: BTreeMap<String, Vec<(String, evidence::model::Observation)>> = BTreeMap::new();
    if profile.geography.kind == GeoKind::World {
        for special in geographies.geographies.iter().filter(|g| g.kind == GeoKind::Special) {
            if let Ok(p) = api::geo_profile(&special.code).await {
                for entry in p.covered {
                    unassigned.entry(entry.dataset.id.clone()).or_default().extend(entry.history.into_iter().map(|o| (special.code.clone(), o)));
                }
            }
        }
    }
    // Grade notes are worded from the dataset's metadata (its publisher and
    // sources): fetched only where a figure shown is not verbatim.
    let mut metas = BTreeMap::new();
    for entry in profile.covered.iter().filter(|e| e.latest.iter().any(|o| !o.grade.is_verbatim())) {
        if let Ok(d) = api::dataset(&entry.dataset.id).await {
            metas.insert(entry.dataset.id.clone(), d.meta);
        }
    }
    // Terms per dataset, for the glossary links of each caveat panel; the
    // page works without them.
    let mut glossary_terms: BTreeMap<String, Vec<TermName>> = BTreeMap::new();
    if let Ok(g) = glossary.await {
        for entry in g.terms {
            for d in entry.datasets {
                glossary_terms.entry(d).or_default().push(TermName { id: entry.term.id.clone(), term: entry.term.term.clone() });
            }
        }
    }
    Ok(PageData { profile, geographies, datasets, glossary_terms, unassigned, metas })
}

#[component]
pub fn GeoPage() -> impl IntoView {
    let params = use_params_map();
    let lang = use_lang();
    let href = use_href();
    let catalogue = use_catalogue();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default().to_ascii_uppercase());
    // What the catalogue holds first, then the page's own data (the order
    // resources are made in is how the browser matches the server's data).
    let (geographies, datasets, glossary) = (catalogue.geographies(), catalogue.datasets(), catalogue.glossary());
    let data = Resource::new(move || code.get(), move |code| load(code, geographies, datasets, glossary));
    use_page_title(move || {
        data.map(|d| d.as_ref().ok().map(|p| p.profile.geography.name.get(lang.get()).to_string())).flatten().unwrap_or_default()
    });
    view! {
        <Suspense fallback=move || view! { <PageSkeleton kind="profile"/> }>
            {move || {
                let l = lang.get_untracked();
                Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch() as_page=true/> }.into_any(),
                    // Drawn once per place: nothing read here is tracked, so no
                    // change of query redraws (and disposes) the page under the reader.
                    Ok(page) => untrack(move || profile_view(page, l, href).into_any()),
                }
            })}}
        </Suspense>
    }
}

fn profile_view(page: PageData, l: Lang, href: impl Fn(&str) -> String + Copy + Send + Sync + 'static) -> impl IntoView {
    let PageData { profile, geographies, datasets, glossary_terms, unassigned, metas } = page;
    let geo = profile.geography.clone();
    let name = geo.name.get(l).to_string();
    // The place as a French sentence names it ("pour le Kenya").
    let place_in_sentence = evidence::words::place_for(l, &geo);
    let is_region = geo.kind.is_aggregate();
    let members = if is_region { countries_in(&geographies.geographies, &geo.code) } else { Vec::new() };
    let names: HashMap<String, String> = geographies.geographies.iter().map(|g| (g.code.clone(), g.name.get(l).to_string())).collect();
    let own_figures = profile
        .covered
        .iter()
        .filter(|e| e.countries_covered.is_none() && e.countries_with_data.is_empty())
        .flat_map(|e| e.history.iter().map(|o| (e.dataset.id.clone(), e.dataset.title.get(l).to_string(), o.clone())))
        .collect();
    let publishers = datasets.datasets.iter().map(|d| (d.id.clone(), d.publisher.clone())).collect();
    let unassigned: HashMap<String, Vec<(String, evidence::model::Observation)>> = unassigned
        .into_iter()
        .map(|(id, figures)| (id, figures.into_iter().map(|(code, o)| (names.get(&code).cloned().unwrap_or(code), o)).collect()))
        .collect();
    let place = PlaceContext {
        code: geo.code.clone(),
        is_region,
        countries_in_region: members.len(),
        names,
        name: name.clone(),
        kind_word: geo_kind_msg(geo.kind).get(l).to_lowercase(),
        unassigned,
        own_figures,
        publishers,
    };
    let kind_line = match (&profile.parent, geo.kind) {
        (Some(p), GeoKind::Country) => Msg::CountryIn.fill(l, &[p.name.get(l)]),
        (_, k) if k.is_aggregate() => Msg::RegionOfCountries.fill(l, &[geo_kind_msg(k).get(l), &members.len().to_string()]),
        (_, k) => geo_kind_msg(k).get(l).to_string(),
    };
    let parent = profile.parent.clone().map(|p| {
        let target = format!("/geo/{}", p.code);
        view! { <p class="breadcrumb"><a href=move || href(&target)>{p.name.get(l).to_string()}</a></p> }
    });
    // The world's profile keeps apart the datasets whose figures are not for
    // a place (coded 001 for a population such as a hotline network).
    let (covered_entries, not_place): (Vec<_>, Vec<_>) =
        profile.covered.into_iter().partition(|e| geo.kind != GeoKind::World || e.dataset.covers_places);
    let n_covered = covered_entries.len();
    let n_not = profile.not_covered.len();
    let card = |entry: evidence::api::GeoDatasetEntry| {
        let summary = datasets.datasets.iter().find(|d| d.id == entry.dataset.id);
        let unit_label = summary.map(|s| (s.unit_label.clone(), s.unit_label_one.clone()));
        let terms = glossary_terms.get(&entry.dataset.id).cloned().unwrap_or_default();
        let meta = metas.get(&entry.dataset.id).cloned();
        view! { <CoveredDataset entry=entry place=place.clone() unit_label=unit_label terms=terms lang=l meta=meta/> }
    };
    let covered = covered_entries.into_iter().map(card).collect_view();
    let not_place = (!not_place.is_empty()).then(|| {
        let cards = not_place.into_iter().map(card).collect_view();
        view! {
            <section class="covered not-place" aria-labelledby="not-place-heading" data-testid="not-place">
                <h2 id="not-place-heading">{Msg::NotPlaceHeading.fill(l, &[&geo.code, &name])}</h2>
                <p class="gap-explainer">{Msg::NotPlaceNote.fill(l, &[&name])}</p>
                <ul class="covered-list">{cards}</ul>
            </section>
        }
    });
    let children = (!profile.children.is_empty()).then(|| {
        let links = profile
            .children
            .iter()
            .map(|c| {
                let target = format!("/geo/{}", c.code);
                view! { <li><a href=move || href(&target)>{c.name.get(l).to_string()}</a></li> }
            })
            .collect_view();
        view! {
            <section class="children" aria-labelledby="children-heading">
                <h2 id="children-heading">{Msg::PlacesInRegion.fill(l, &[&name])}</h2>
                <ul class="country-links">{links}</ul>
            </section>
        }
    });
    view! {
        <article class="geo-profile" aria-labelledby="geo-title" data-testid="geo-profile">
            <header class="profile-header">
                {parent}
                <h1 id="geo-title" data-testid="geo-title">{name.clone()}</h1>
                <p class="kind">{kind_line}</p>
                <p class="summary" data-testid="geo-summary">
                    <a href="#covered-heading" target="_self">{Msg::NWithFigures.fill(l, &[&n_covered.to_string()])}</a>
                    " · "
                    <a href="#not-covered-heading" target="_self">{Msg::NWithoutFigures.fill(l, &[&n_not.to_string()])}</a>
                </p>
                <ToneSwitch/>
            </header>
            <div class="profile-body">
            <section class="covered" aria-labelledby="covered-heading" data-testid="covered">
                <h2 id="covered-heading">{Msg::DatasetsWithFiguresFor.fill(l, &[place_in_sentence.as_str(), &n_covered.to_string()])}</h2>
                {if n_covered == 0 {
                    view! { <p class="gap-note">{Msg::NoDatasetCoversPlace.fill(l, &[place_in_sentence.as_str()])}</p> }.into_any()
                } else {
                    view! { <ul class="covered-list">{covered}</ul> }.into_any()
                }}
            </section>
            {not_place}
            <section class="not-covered" aria-labelledby="not-covered-heading" data-testid="not-covered">
                <h2 id="not-covered-heading">{Msg::DatasetsWithoutFiguresFor.fill(l, &[place_in_sentence.as_str(), &n_not.to_string()])}</h2>
                <p class="gap-explainer">{Msg::GapNotZero.get(l)}</p>
                <NotCoveredList datasets=profile.not_covered summaries=datasets.datasets/>
            </section>
            </div>
            {children}
        </article>
    }
}
