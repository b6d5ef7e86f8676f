//! The text alternative of a chart: one or two sentences saying what, where,
//! when and the range, generated from the same data as the picture.

use super::{Plot, format_number};
use crate::model::{Lang, Observation};

pub fn describe(plot: &Plot) -> String {
    let lang = plot.lang();
    let name = plot.meta.indicator.name.get(lang);
    let unit = plot.meta.indicator.unit_label.get(lang);
    let obs = plot.observations;
    if obs.is_empty() {
        return match lang {
            Lang::En => format!("{name}: no figures for this selection."),
            Lang::Fr => format!("{name} : aucune donnée pour cette sélection."),
        };
    }
    let mut geos: Vec<&str> = obs.iter().map(|o| plot.geo_name(&o.geo)).collect();
    geos.sort_unstable();
    geos.dedup();
    let first = obs.iter().map(|o| o.period).min().expect("non-empty");
    let last = obs.iter().map(|o| o.period).max().expect("non-empty");
    let min = obs.iter().min_by(|a, b| a.value.total_cmp(&b.value)).expect("non-empty");
    let max = obs.iter().max_by(|a, b| a.value.total_cmp(&b.value)).expect("non-empty");
    let places = if geos.len() <= 4 {
        geos.join(", ")
    } else {
        match lang {
            Lang::En => format!("{} places", geos.len()),
            Lang::Fr => format!("{} lieux", geos.len()),
        }
    };
    let when = if first == last { first.label() } else { format!("{}\u{2013}{}", first.label(), last.label()) };
    let label = |o: &Observation| format!("{} {unit} ({}, {})", format_number(o.value, lang), plot.series_key_label(o), o.period.label());
    match lang {
        Lang::En => format!(
            "{name} for {places}, {when}: {} figures, from {} to {}.",
            obs.len(),
            label(min),
            label(max)
        ),
        Lang::Fr => format!(
            "{name} pour {places}, {when} : {} valeurs, de {} à {}.",
            obs.len(),
            label(min),
            label(max)
        ),
    }
}
