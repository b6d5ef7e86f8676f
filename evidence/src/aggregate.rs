//! Regional aggregates, only where they mean something: counts summed over
//! the countries that report, always with how many of the region's countries
//! that is. Percentages are never averaged across countries.

use std::collections::BTreeMap;

use crate::model::{Dataset, GeoKind, Geography, Observation, Unit};
use crate::period::Period;

#[derive(Clone, Debug, PartialEq)]
pub struct RegionalTotal {
    pub series: String,
    pub period: Period,
    pub value: f64,
    /// Countries of the region with a figure for this period.
    pub countries_reporting: usize,
    /// Countries in the region.
    pub countries_in_region: usize,
    /// Where the dataset says its country rows for this period do not add
    /// up to a total (a report counted once per country), that warning, in
    /// plain English; the caller shows it beside the sum.
    pub sum_caveat: Option<String>,
}

/// The countries inside a world, region or sub-region code.
pub fn countries_in(geos: &[Geography], code: &str) -> Vec<String> {
    let Some(geo) = find(geos, code) else { return Vec::new() };
    geos.iter()
        .filter(|g| g.kind == GeoKind::Country)
        .filter(|g| match geo.kind {
            GeoKind::World => true,
            GeoKind::Region | GeoKind::Subregion => is_within(geos, &g.code, code),
            _ => false,
        })
        .map(|g| g.code.clone())
        .collect()
}

fn find<'a>(geos: &'a [Geography], code: &str) -> Option<&'a Geography> {
    geos.iter().find(|g| g.code == code)
}

fn is_within(geos: &[Geography], code: &str, ancestor: &str) -> bool {
    let mut current = find(geos, code).and_then(|g| g.parent.clone());
    for _ in 0..8 {
        match current {
            Some(ref p) if p == ancestor => return true,
            Some(p) => current = find(geos, &p).and_then(|g| g.parent.clone()),
            None => return false,
        }
    }
    false
}

/// Sums of a count dataset over the countries of `region`, per series and
/// period. None when the dataset is not a count or has no country rows there.
pub fn regional_totals(geos: &[Geography], dataset: &Dataset, region: &str) -> Option<Vec<RegionalTotal>> {
    // A selection (some providers, some countries) is never summed.
    if dataset.meta.indicator.unit != Unit::Count || dataset.meta.selection {
        return None;
    }
    let members = countries_in(geos, region);
    if members.is_empty() {
        return None;
    }
    let mut sums: BTreeMap<(String, Period), (f64, usize, bool)> = BTreeMap::new();
    for o in dataset.observations.iter().filter(|o| members.contains(&o.geo)) {
        let e = sums.entry((o.series.clone(), o.period)).or_insert((0.0, 0, false));
        e.0 += o.value;
        e.1 += 1;
        e.2 |= o.lower.is_some();
    }
    if sums.is_empty() {
        return None;
    }
    Some(
        sums.into_iter()
            .map(|((series, period), (value, n, had_intervals))| RegionalTotal {
                sum_caveat: {
                    let country_sum =
                        dataset.meta.break_for(period).and_then(|b| b.country_sum.as_ref()).map(|t| t.plain.en.clone());
                    // Intervals do not add up: the sum of the bounds is not
                    // an interval for the sum, so none is given, and we say why.
                    let interval = had_intervals.then(|| {
                        "The countries' figures have uncertainty ranges, but a range for the sum cannot be made by adding them, so none is shown.".to_string()
                    });
                    match (country_sum, interval) {
                        (Some(a), Some(b)) => Some(format!("{a} {b}")),
                        (a, b) => a.or(b),
                    }
                },
                series,
                period,
                value,
                countries_reporting: n,
                countries_in_region: members.len(),
            })
            .collect(),
    )
}

impl RegionalTotal {
    /// As an observation, with the coverage in the note.
    pub fn to_observation(&self, region: &str) -> Observation {
        Observation {
            series: self.series.clone(),
            geo: region.to_string(),
            period: self.period,
            value: self.value,
            lower: None,
            upper: None,
            note: match &self.sum_caveat {
                None => format!(
                    "Sum over the {} of {} countries in the region with a figure",
                    self.countries_reporting, self.countries_in_region
                ),
                Some(caveat) => format!(
                    "Sum over the {} of {} countries in the region with a figure. {caveat}",
                    self.countries_reporting, self.countries_in_region
                ),
            },
            source_ref: String::new(),
            grade: crate::model::Grade::Computed,
            derivation: format!(
                "sum over the {} of {} countries in the region with a figure",
                self.countries_reporting, self.countries_in_region
            ),
        }
    }
}
