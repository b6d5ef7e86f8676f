//! One dataset on a place's profile: its latest figures, a small trend, how
//! much of a region it covers, and its caveat panel beside it. For a region,
//! percentages are listed country by country, never averaged.

use evidence::api::GeoDatasetEntry;
use evidence::model::{Lang, Localised, Unit};
use leptos::prelude::*;

use crate::components::caveat_panel::CaveatPanel;
use crate::components::profile::sparkline::Sparkline;
use crate::i18n::{Msg, method_msg, value_with_unit};
use crate::prefs::{use_href, use_tone};

/// What a card needs beyond the API entry.
#[derive(Clone)]
pub struct PlaceContext {
    pub code: String,
    pub is_region: bool,
    /// Countries in the region (for "n of m").
    pub countries_in_region: usize,
    /// Country code -> name, in the page language.
    pub names: std::collections::HashMap<String, String>,
}

#[component]
pub fn CoveredDataset(
    entry: GeoDatasetEntry,
    place: PlaceContext,
    unit_label: Option<Localised>,
    terms: Vec<evidence::api::TermName>,
    lang: Lang,
) -> impl IntoView {
    let href = use_href();
    let tone = use_tone();
    let unit = entry.dataset.unit;
    let id = entry.dataset.id.clone();
    let unit_words = unit_label.as_ref().filter(|_| unit == Unit::Count).map(|u| u.get(lang).to_string());
    let with_unit = move |v: f64| match &unit_words {
        Some(w) => format!("{} {w}", value_with_unit(v, unit, lang)),
        None => value_with_unit(v, unit, lang),
    };
    let several_periods = entry.history.iter().map(|o| o.period).collect::<std::collections::BTreeSet<_>>().len() > 1;
    let percent_region = place.is_region && entry.latest.is_empty() && !entry.countries_with_data.is_empty();
    let chart_query = if percent_region {
        format!("chart=bar&geo={}", entry.countries_with_data.join(","))
    } else if several_periods {
        format!("geo={}", place.code)
    } else {
        format!("chart=bar&geo={}", place.code)
    };
    let chart_target = format!("/datasets/{id}?v=1&{chart_query}");
    let latest = entry
        .latest
        .iter()
        .map(|o| {
            let interval = match (o.lower, o.upper) {
                (Some(l), Some(u)) => Some(Msg::IntervalText.fill(lang, &[&value_with_unit(l, unit, lang), &value_with_unit(u, unit, lang)])),
                _ => None,
            };
            let series = if o.series.is_empty() { Msg::Latest.get(lang).to_string() } else { o.series.clone() };
            view! {
                <div class="latest-row">
                    <dt>{series}</dt>
                    <dd>
                        <span class="latest-value" data-testid="latest-value">{with_unit(o.value)}</span>
                        " " <span class="latest-period">{format!("({})", o.period.label())}</span>
                        {interval.map(|i| view! { " " <span class="latest-interval">{i}</span> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    // A trend only where one series has several periods.
    let first_series = entry.history.first().map(|o| o.series.clone());
    let history: Vec<(String, f64)> =
        entry.history.iter().filter(|o| Some(&o.series) == first_series.as_ref()).map(|o| (o.period.label(), o.value)).collect();
    let sparkline = (history.len() > 1).then(|| view! { <Sparkline history=history unit=unit lang=lang/> });
    let region_line = match (place.is_region, entry.countries_covered) {
        (true, Some((n, m))) => Some(Msg::SumOverCountries.fill(lang, &[&n.to_string(), &m.to_string()])),
        (true, None) => Some(Msg::CountriesWithFigures.fill(lang, &[&entry.countries_with_data.len().to_string(), &place.countries_in_region.to_string()])),
        _ => None,
    };
    let countries = percent_region.then(|| {
        let links = entry
            .countries_with_data
            .iter()
            .map(|c| {
                let name = place.names.get(c).cloned().unwrap_or_else(|| c.clone());
                let target = format!("/geo/{c}");
                view! { <li><a href=move || href(&target)>{name}</a></li> }
            })
            .collect_view();
        view! {
            <p class="never-averaged">{Msg::NeverAveraged.get(lang)}</p>
            <ul class="country-links">{links}</ul>
        }
    });
    let title = entry.dataset.title.get(lang).to_string();
    let card_id = id.clone();
    view! {
        <li class="covered-card" data-testid="covered-dataset" data-dataset=card_id>
            <div class="covered-figures">
                <h3><a href={ let t = chart_target.clone(); move || href(&t) }>{title}</a></h3>
                <p class="meta">{method_msg(entry.dataset.method).get(lang)}</p>
                {(!entry.latest.is_empty()).then(|| view! { <dl class="latest">{latest}</dl> })}
                {region_line.map(|r| view! { <p class="region-coverage" data-testid="region-coverage">{r}</p> })}
                {countries}
                {sparkline}
            </div>
            <CaveatPanel caveats=entry.caveats tone=tone lang=Signal::stored(lang) terms=terms heading_level=4 id_suffix=id.clone() more_path=chart_target.clone()/>
        </li>
    }
}
