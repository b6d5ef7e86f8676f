//! One dataset on a place's profile: its latest figures, a small trend, how
//! much of a region it covers, and its caveat panel beside it. For a region,
//! percentages are listed country by country, never averaged.

use evidence::api::GeoDatasetEntry;
use evidence::model::{DatasetMeta, Lang, Localised, Observation, Unit};
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
    /// The place's name and kind word ("world", "region"), in the page language.
    pub name: String,
    pub kind_word: String,
    /// For the world: per dataset, the figures it counts under no country
    /// (a special code such as "no country listed"), with that code's name.
    pub unassigned: std::collections::HashMap<String, Vec<(String, Observation)>>,
    /// Figures published for this place as a whole: dataset id, title, figure.
    pub own_figures: Vec<(String, String, Observation)>,
    /// Dataset id -> publisher.
    pub publishers: std::collections::HashMap<String, String>,
}

/// At most this many series on a card: a profile is an overview; the full
/// list (e.g. ~510 reporting companies) is on the dataset's chart.
pub const MAX_SERIES: usize = 5;

/// The series a card shows: all if few, else the largest by latest figure.
pub fn top_series(latest: &[Observation]) -> Vec<Observation> {
    let mut out = latest.to_vec();
    if out.len() > MAX_SERIES {
        out.sort_by(|a, b| b.value.total_cmp(&a.value));
        out.truncate(MAX_SERIES);
    }
    out
}

/// How a sum over countries meets the total: the figures the source counts
/// under no country, for the same period and series, computed from the
/// data, and how the result compares with the same publisher's own total.
fn unassigned_line(entry: &GeoDatasetEntry, place: &PlaceContext, lang: Lang, with_unit: &dyn Fn(f64) -> String) -> Option<String> {
    let (reporting, _) = entry.countries_covered?;
    let extras = place.unassigned.get(&entry.dataset.id)?;
    let publisher = place.publishers.get(&entry.dataset.id);
    let extra_for = |o: &Observation| extras.iter().find(|(_, x)| x.period == o.period && x.series == o.series);
    // The same publisher's figure for the place as a whole, same period.
    let total_for = |o: &Observation| {
        place.own_figures.iter().find(|(id, _, t)| {
            t.period == o.period && t.series.is_empty() && place.publishers.get(id) == publisher && entry.dataset.id != *id
        })
    };
    let sum = entry.latest.iter().find(|o| o.series.is_empty())?;
    let (special, extra) = extra_for(sum)?;
    let with_extra = sum.value + extra.value;
    let period = sum.period.label();
    let mut line = Msg::UnassignedExplained.fill(
        lang,
        &[&with_unit(sum.value), &reporting.to_string(), &period, &with_unit(extra.value), special, &with_unit(with_extra)],
    );
    let meets = |total: f64, sum: f64, extra: f64| (total - (sum + extra)).abs() < 0.5;
    match total_for(sum) {
        Some((_, title, t)) if meets(t.value, sum.value, extra.value) => {
            line.push(' ');
            line.push_str(&Msg::SameAsTotal.fill(lang, &[title, &period]));
        }
        Some((_, title, t)) => {
            line.push(' ');
            line.push_str(&Msg::TotalDiffers.fill(lang, &[title, &with_unit(t.value), &period]));
            // The latest year the two meet exactly, if any.
            let met = entry.history.iter().rev().filter(|o| o.series.is_empty()).find_map(|o| {
                let (_, x) = extra_for(o)?;
                let (_, title, t) = total_for(o)?;
                meets(t.value, o.value, x.value).then(|| (o.period.label(), o.value, x.value, t.value, title.clone()))
            });
            if let Some((p, s, x, t, title)) = met {
                line.push(' ');
                line.push_str(&Msg::TotalsMeet.fill(lang, &[&p, &with_unit(s), &with_unit(x), &with_unit(t), &title]));
            }
        }
        None => {}
    }
    Some(line)
}

#[component]
pub fn CoveredDataset(
    entry: GeoDatasetEntry,
    place: PlaceContext,
    /// The unit's words (plural, and for a figure of one) for counts.
    unit_label: Option<(Localised, Option<Localised>)>,
    terms: Vec<evidence::api::TermName>,
    lang: Lang,
    /// The dataset's metadata when one of the figures shown is not verbatim:
    /// the grade note is worded from it.
    meta: Option<DatasetMeta>,
) -> impl IntoView {
    let href = use_href();
    let tone = use_tone();
    let unit = entry.dataset.unit;
    let id = entry.dataset.id.clone();
    let unit_words = unit_label.filter(|_| unit == Unit::Count);
    let with_unit = move |v: f64| match &unit_words {
        Some((many, one)) => format!("{} {}", value_with_unit(v, unit, lang), evidence::model::unit_for(many, one.as_ref(), v, lang)),
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
    let n_series = entry.latest.len();
    let shown = top_series(&entry.latest);
    let more_series = (n_series > shown.len()).then(|| {
        let t = chart_target.clone();
        view! {
            <p class="more-series" data-testid="more-series">{Msg::TopSeries.fill(lang, &[&shown.len().to_string(), &n_series.to_string()])} " "
                <a href=move || href(&t)>{Msg::AllSeriesOnChart.fill(lang, &[&n_series.to_string()])}</a></p>
        }
    });
    let unassigned = unassigned_line(&entry, &place, lang, &with_unit);
    let latest = shown
        .iter()
        .map(|o| {
            let interval = match (o.lower, o.upper) {
                (Some(l), Some(u)) => Some(Msg::IntervalText.fill(lang, &[&value_with_unit(l, unit, lang), &value_with_unit(u, unit, lang)])),
                _ => None,
            };
            let series = if o.series.is_empty() { Msg::Latest.get(lang).to_string() } else { o.series.clone() };
            let grade = (!o.grade.is_verbatim()).then(|| {
                let g = o.grade;
                view! {
                    " " <span class=format!("latest-grade grade-{}", g.code()) data-testid="latest-grade" data-grade=g.code()>
                        <span class=format!("grade-mark grade-{}", g.code()) aria-hidden="true"></span>
                        {format!("({})", g.short_label(lang))}
                    </span>
                }
            });
            view! {
                <div class="latest-row">
                    <dt>{series}</dt>
                    <dd>
                        <span class="latest-value" data-testid="latest-value">{with_unit(o.value)}</span>
                        " " <span class="latest-period">{format!("({})", o.period.label())}</span>
                        {interval.map(|i| view! { " " <span class="latest-interval">{i}</span> })}
                        {grade}
                    </dd>
                </div>
            }
        })
        .collect_view();
    // A trend only where one series has several periods.
    let first_series = entry.history.first().map(|o| o.series.clone());
    let history: Vec<(String, f64, String)> = entry
        .history
        .iter()
        .filter(|o| Some(&o.series) == first_series.as_ref())
        .map(|o| (o.period.label(), o.value, o.note.clone()))
        .collect();
    let sparkline = (history.len() > 1).then(|| view! { <Sparkline history=history unit=unit lang=lang/> });
    // A figure the source gives for the place itself (e.g. a world total,
    // a pooled survey) is not a sum over countries: say so, not "0 of 251".
    let own_figure = entry.countries_covered.is_none() && entry.countries_with_data.is_empty() && !entry.latest.is_empty();
    let region_line = match (place.is_region, entry.countries_covered) {
        (true, _) if own_figure => Some(Msg::WholePlaceFigure.fill(lang, &[&place.name, &place.kind_word])),
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
    // The grade note for the figures shown, in the model's words.
    let grade_note = meta.filter(|_| shown.iter().any(|o| !o.grade.is_verbatim())).map(|m| {
        let shown = shown.clone();
        view! {
            <p class="grade-note" data-testid="grade-note">
                {move || m.grade_notes(&shown, tone.get(), lang).join(" ")}
            </p>
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
                {grade_note}
                {more_series}
                {region_line.map(|r| view! { <p class="region-coverage" data-testid="region-coverage">{r}</p> })}
                {unassigned.map(|u| view! { <p class="unassigned" data-testid="unassigned">{u}</p> })}
                {countries}
                {sparkline}
            </div>
            <CaveatPanel caveats=entry.caveats tone=tone lang=Signal::stored(lang) terms=terms heading_level=4 id_suffix=id.clone() more_path=chart_target.clone()/>
        </li>
    }
}
