//! The home page's three headline figures, each picked by a rule from the
//! data (headlines.rs) and shown with the caveat that matters most for it.

use evidence::model::{CaveatKind, Dataset, DatasetMeta, Geography, Lang, Observation};
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::home::headline_card::HeadlineCard;
use crate::components::layout::page_skeleton::PageSkeleton;
use crate::components::load_error::LoadError;
use crate::headlines::{Figure, latest, place_range, range_across_places, range_across_series};
use crate::i18n::{Msg, value_with_unit};
use crate::use_catalogue;

#[derive(Clone, Copy)]
enum Rule {
    Latest,
    AcrossPlaces,
    AcrossSeries,
}

/// Which dataset, which rule, and which caveat goes with the figure.
const HEADLINES: [(&str, Rule, CaveatKind); 3] = [
    ("ncmec-cybertipline-totals", Rule::Latest, CaveatKind::Definition),
    ("dh-tf-csea-prevalence", Rule::AcrossPlaces, CaveatKind::Coverage),
    ("childlight-global-ocsea-prevalence", Rule::AcrossSeries, CaveatKind::Definition),
];

async fn load() -> Result<Vec<Dataset>, ApiError> {
    let mut out = Vec::new();
    for (id, _, _) in HEADLINES {
        let detail = api::dataset(id).await?;
        let obs = api::observations(id).await?;
        out.push(Dataset { meta: detail.meta, observations: obs.observations });
    }
    Ok(out)
}

type Text = Box<dyn Fn(Lang) -> String + Send + Sync>;

fn range_text(meta: &DatasetMeta, low: &Figure, high: &Figure) -> Text {
    let unit = meta.indicator.unit;
    let (lo, hi) = (low.value, high.value);
    Box::new(move |l| format!("{} – {}", value_with_unit(lo, unit, l), value_with_unit(hi, unit, l)))
}

/// The number and its description, for one rule; None when the data has
/// nothing to say (the card is then left out, never shown as zero).
fn figure_texts(d: &Dataset, rule: Rule, geographies: Vec<Geography>) -> Option<(Text, Text, Vec<Figure>)> {
    let meta = d.meta.clone();
    let unit = meta.indicator.unit;
    match rule {
        Rule::Latest => {
            let f = latest(&d.observations)?;
            let shown = vec![f.clone()];
            Some((
                Box::new(move |l| value_with_unit(f.value, unit, l)),
                Box::new(move |l| Msg::HeadlineLatest.fill(l, &[meta.indicator.name.get(l), &f.period.label()])),
                shown,
            ))
        }
        Rule::AcrossPlaces => {
            let (low, high, n) = range_across_places(&d.observations)?;
            let value = range_text(&meta, &low, &high);
            let shown = vec![low.clone(), high.clone()];
            Some((
                value,
                Box::new(move |l| {
                    // "from Kenya to Uganda", "du Kenya à l'Ouganda".
                    let (from, to) = place_range(&geographies, &low.geo, &high.geo, l);
                    Msg::HeadlineAcrossPlaces.fill(l, &[
                        meta.indicator.name.get(l),
                        &from,
                        &to,
                        &n.to_string(),
                        meta.series_label(&low.series, l),
                    ])
                }),
                shown,
            ))
        }
        Rule::AcrossSeries => {
            let (low, high, n) = range_across_series(&d.observations)?;
            let value = range_text(&meta, &low, &high);
            let shown = vec![low.clone(), high.clone()];
            Some((
                value,
                Box::new(move |l| {
                    Msg::HeadlineAcrossSeries.fill(l, &[
                        meta.indicator.name.get(l),
                        meta.series_label(&low.series, l),
                        meta.series_label(&high.series, l),
                        &n.to_string(),
                        &low.period.label(),
                    ])
                }),
                shown,
            ))
        }
    }
}

/// The observations behind the figures a card shows, with their grades.
fn shown_observations(all: &[Observation], shown: &[Figure]) -> Vec<Observation> {
    all.iter().filter(|o| shown.iter().any(|f| f.geo == o.geo && f.series == o.series && f.period == o.period)).cloned().collect()
}

#[component]
pub fn HeadlineFigures() -> impl IntoView {
    let data = Resource::new(|| (), |_| load());
    let geographies = use_catalogue().geographies();
    view! {
        <Suspense fallback=move || view! { <PageSkeleton kind="headlines"/> }>
            {move || Suspend::new(async move {
                let geos = geographies.await.map(|g| g.geographies).unwrap_or_default();
                match data.await {
                    Err(e) => view! { <LoadError error=e on_retry=move |_| data.refetch()/> }.into_any(),
                    Ok(datasets) => view! {
                        <ul class="headline-list">
                            {datasets.into_iter().zip(HEADLINES).filter_map(|(d, (_, rule, kind))| {
                                let (value, label, shown) = figure_texts(&d, rule, geos.clone())?;
                                let caveat = d.meta.caveats_of(kind).next().cloned();
                                let shown_obs = shown_observations(&d.observations, &shown);
                                Some(view! { <HeadlineCard value=value label=label caveat=caveat dataset_id=d.meta.id.clone() meta=d.meta.clone() shown=shown_obs/> })
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
