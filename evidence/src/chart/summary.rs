//! The text alternative of a chart: one or two sentences saying what, where,
//! when and the range, generated from the same data as the picture, in the
//! catalogue's words (crate::words).

use super::{Plot, format_number};
use crate::model::Observation;
use crate::words::{PlaceCase, W, place_name_with};

pub fn describe(plot: &Plot) -> String {
    let lang = plot.lang();
    let name = plot.meta.indicator.name.get(lang);
    let obs = plot.observations;
    if obs.is_empty() {
        return W::SummaryEmpty.fill(lang, &[("name", name)]);
    }
    // Each place once, by name; a French sentence names it with its
    // article ("pour le Kenya, l'Ouganda, les Philippines").
    let mut geos: Vec<(&str, &str)> = obs.iter().map(|o| (plot.geo_name(&o.geo), o.geo.as_str())).collect();
    geos.sort_unstable();
    geos.dedup_by(|a, b| a.0 == b.0);
    let first = obs.iter().map(|o| o.period).min().expect("non-empty");
    let last = obs.iter().map(|o| o.period).max().expect("non-empty");
    let min = obs.iter().min_by(|a, b| a.value.total_cmp(&b.value)).expect("non-empty");
    let max = obs.iter().max_by(|a, b| a.value.total_cmp(&b.value)).expect("non-empty");
    let places = if geos.len() <= 4 {
        geos.iter().map(|(name, code)| place_name_with(lang, code, name, PlaceCase::Plain)).collect::<Vec<_>>().join(", ")
    } else { W::PlacesCount.count(lang, geos.len() as f64, &[]) };
    let when = if first == last { first.label() } else { format!("{}\u{2013}{}", first.label(), last.label()) };
    let label = |o: &Observation| {
        let unit = plot.meta.indicator.unit_for(o.value, lang);
        format!("{} {unit} ({}, {})", format_number(o.value, lang), plot.series_key_label(o), o.period.label())
    };
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::chart::select;
    use crate::model::{Geography, Lang};
    use crate::state::{ChartKind, ChartState};

    /// The summary of a curated dataset's chart, for some places.
    fn summary(id: &str, geo: &[&str], lang: Lang) -> String {
        let package = crate::chart::curated::package();
        let dataset = package.dataset(id).expect("a curated dataset");
        let geographies: &[Geography] = &package.geographies;
        let state = ChartState { chart: ChartKind::Bar, geo: geo.iter().map(|g| g.to_string()).collect(), lang, ..Default::default() };
        let selection = select(dataset, &state, geographies);
        let names: HashMap<String, String> = geographies.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect();
        let plot = Plot { meta: &dataset.meta, observations: &selection.observations, geo_names: &names, state: &state, world: None };
        describe(&plot)
    }

    #[test]
    fn a_french_summary_names_its_places_with_their_articles() {
        let fr = summary("dh-tf-csea-prevalence", &["KEN", "UGA", "PHL"], Lang::Fr);
        assert!(fr.contains(" pour le Kenya, l'Ouganda, les Philippines, "), "{fr}");
        let en = summary("dh-tf-csea-prevalence", &["KEN", "UGA", "PHL"], Lang::En);
        assert!(en.contains(" for Kenya, Philippines, Uganda, "), "{en}");
        // More than four places are counted, not named.
        let many = summary("dh-tf-csea-prevalence", &["KEN", "UGA", "PHL", "ETH", "TZA"], Lang::Fr);
        assert!(many.contains(" pour 5 lieux, "), "{many}");
    }

    #[test]
    fn a_figure_of_one_takes_the_singular() {
        // Antarctica has one report in 2024; India has millions.
        for (lang, one, many) in [(Lang::En, "from 1 report (", " reports ("), (Lang::Fr, "de 1 signalement (", " signalements (")] {
            let s = summary("ncmec-cybertipline-by-country", &["ATA", "IND"], lang);
            assert!(s.contains(one) && s.contains(many), "{s}");
        }
    }
}
