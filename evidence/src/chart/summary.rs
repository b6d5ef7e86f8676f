//! The text alternative of a chart: one or two sentences saying what, where,
//! when and the range, generated from the same data as the picture, in the
//! catalogue's words (crate::words).

use super::{Plot, format_number};
use crate::model::Observation;
use crate::words::W;

pub fn describe(plot: &Plot) -> String {
    let lang = plot.lang();
    let name = plot.meta.indicator.name.get(lang);
    let unit = plot.meta.indicator.unit_label.get(lang);
    let obs = plot.observations;
    if obs.is_empty() {
        return W::SummaryEmpty.fill(lang, &[("name", name)]);
    }
    let mut geos: Vec<&str> = obs.iter().map(|o| plot.geo_name(&o.geo)).collect();
    geos.sort_unstable();
    geos.dedup();
    let first = obs.iter().map(|o| o.period).min().expect("non-empty");
    let last = obs.iter().map(|o| o.period).max().expect("non-empty");
    let min = obs.iter().min_by(|a, b| a.value.total_cmp(&b.value)).expect("non-empty");
    let max = obs.iter().max_by(|a, b| a.value.total_cmp(&b.value)).expect("non-empty");
    let places = if geos.len() <= 4 { geos.join(", ") } else { W::PlacesCount.count(lang, geos.len() as f64, &[]) };
    let when = if first == last { first.label() } else { format!("{}\u{2013}{}", first.label(), last.label()) };
    let label = |o: &Observation| format!("{} {unit} ({}, {})", format_number(o.value, lang), plot.series_key_label(o), o.period.label());
    W::Summary.fill(
        lang,
        &[
            ("name", name),
            ("places", &places),
            ("when", &when),
            ("figures", &W::FiguresCount.count(lang, obs.len() as f64, &[])),
            ("min", &label(min)),
            ("max", &label(max)),
        ],
    )
}
