//! Which observations a chart shows, from the dataset and the user's state.

use super::kinds::{Facts, is_country_code};
use crate::aggregate::regional_totals;
use crate::model::{Dataset, GeoKind, Geography, Observation};
use crate::period::Period;
use crate::state::{ChartKind, ChartState};

/// How many places a line or bar chart shows when the user chose none.
pub const DEFAULT_LINES: usize = 5;
pub const DEFAULT_BARS: usize = 15;

#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub observations: Vec<Observation>,
    /// The single period shown by bar charts and maps.
    pub period: Option<Period>,
    /// Geographies asked for that have no figure: shown as gaps, not zeros.
    pub missing_geos: Vec<String>,
    /// True when the geographies were chosen by default (the largest values).
    pub default_geos: bool,
    /// Plain notes about what the selection did, e.g. regional sums, or
    /// the chart kind asked for that does not apply (in the state's
    /// language).
    pub notes: Vec<String>,
    /// The chart kind drawn: the state's, or what is drawn instead when it
    /// does not apply to the figures ([`super::kinds`]); the same as
    /// `Plot::kind` of these observations.
    pub chart: ChartKind,
}

fn kind_of(geos: &[Geography], code: &str) -> Option<GeoKind> {
    geos.iter().find(|g| g.code == code).map(|g| g.kind)
}

pub fn select(dataset: &Dataset, state: &ChartState, geos: &[Geography]) -> Selection {
    let mut notes = Vec::new();
    let in_range = |o: &&Observation| {
        o.period.overlaps(state.from, state.to) && (state.series.is_empty() || state.series.contains(&o.series))
    };
    let mut pool: Vec<Observation> = dataset.observations.iter().filter(in_range).cloned().collect();

    // A region asked for in a dataset of country figures: sum the countries
    // that report, and say how many that is.
    for code in &state.geo {
        let is_region = kind_of(geos, code).is_some_and(|k| k.is_aggregate());
        let has_own_rows = pool.iter().any(|o| &o.geo == code);
        if is_region
            && !has_own_rows
            && let Some(totals) = regional_totals(geos, dataset, code)
        {
            for t in totals.iter().filter(|t| t.period.overlaps(state.from, state.to)) {
                if state.series.is_empty() || state.series.contains(&t.series) {
                    pool.push(t.to_observation(code));
                }
            }
            // Where the country rows do not add up to the total (NCMEC 2024),
            // a sum that includes those periods says so.
            let mut warned = Vec::new();
            for t in totals.iter().filter(|t| t.period.overlaps(state.from, state.to)) {
                if let Some(c) = &t.sum_caveat
                    && !warned.contains(c)
                {
                    notes.push(format!("{code} {}: {c}", t.period.label()));
                    warned.push(c.clone());
                }
            }
            if let Some(last) = totals.last() {
                notes.push(format!(
                    "{code}: sum over the countries with a figure ({} of {} in {})",
                    last.countries_reporting,
                    last.countries_in_region,
                    last.period.label()
                ));
            }
        }
    }

    // The kind that applies to these figures: the figures are chosen for
    // it (a map that does not apply is drawn as a line of every period).
    let kind = Facts::of(&pool).resolve(state.chart).shown;
    let single_period = matches!(kind, ChartKind::Bar | ChartKind::Map);
    let period = if single_period {
        let available: Vec<Period> = {
            // A map shows a period with country figures, never one where
            // every country would be "No data".
            let mapped = |o: &&Observation| kind != ChartKind::Map || is_country_code(&o.geo);
            let mut p: Vec<Period> = pool.iter().filter(mapped).map(|o| o.period).collect();
            p.sort_unstable();
            p.dedup();
            p
        };
        match state.period {
            Some(p) if available.contains(&p) => Some(p),
            Some(p) => {
                notes.push(format!("No figures for {}; showing the latest period", p.label()));
                available.last().copied()
            }
            None => available.last().copied(),
        }
    } else {
        None
    };
    if let Some(p) = period {
        pool.retain(|o| o.period == p);
    }

    let mut missing_geos = Vec::new();
    let default_geos = state.geo.is_empty();
    if default_geos {
        let limit = match kind {
            ChartKind::Line => DEFAULT_LINES,
            ChartKind::Bar => DEFAULT_BARS,
            ChartKind::Map | ChartKind::Table => usize::MAX,
        };
        let chosen = largest_geos(&pool, limit);
        pool.retain(|o| chosen.contains(&o.geo));
    } else {
        pool.retain(|o| state.geo.contains(&o.geo));
        for code in &state.geo {
            if !pool.iter().any(|o| &o.geo == code) {
                missing_geos.push(code.clone());
            }
        }
    }
    pool.sort_by(|a, b| (&a.series, &a.geo, a.period).cmp(&(&b.series, &b.geo, b.period)));
    // Said from the figures chosen, as `Plot::kind` decides from them.
    let resolved = Facts::of(&pool).resolve(state.chart);
    notes.extend(resolved.note(state.lang));
    Selection { observations: pool, period, missing_geos, default_geos, notes, chart: resolved.shown }
}

/// The `limit` geographies with the largest latest value (ties by code).
fn largest_geos(pool: &[Observation], limit: usize) -> Vec<String> {
    let mut latest: Vec<(String, Period, f64)> = Vec::new();
    for o in pool {
        match latest.iter_mut().find(|(g, _, _)| *g == o.geo) {
            Some(entry) if o.period > entry.1 => {
                entry.1 = o.period;
                entry.2 = o.value;
            }
            Some(entry) if o.period == entry.1 => entry.2 = entry.2.max(o.value),
            Some(_) => {}
            None => latest.push((o.geo.clone(), o.period, o.value)),
        }
    }
    latest.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    latest.into_iter().take(limit).map(|(g, _, _)| g).collect()
}
