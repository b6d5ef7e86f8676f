//! The headline figures of the home page, picked from the data by rule, not
//! typed in: a latest total, a range across places, a range across forms.
//! Pure (tested natively); the page words and caveats them.

use evidence::model::{Geography, Grade, Lang, Observation};
use evidence::period::Period;
use evidence::words::{PlaceCase, place_name_with, place_with};

/// One figure as the source gave it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub geo: String,
    pub series: String,
    pub period: Period,
    pub value: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    /// Its provenance grade (verbatim, secondary, computed).
    pub grade: Grade,
}

impl From<&Observation> for Figure {
    fn from(o: &Observation) -> Self {
        Figure { geo: o.geo.clone(), series: o.series.clone(), period: o.period, value: o.value, lower: o.lower, upper: o.upper, grade: o.grade }
    }
}

/// The latest figure (of the first series, when there are several).
pub fn latest(obs: &[Observation]) -> Option<Figure> {
    let series = first_series(obs)?;
    obs.iter().filter(|o| o.series == series).max_by_key(|o| o.period).map(Figure::from)
}

/// The lowest and highest figure of the first series in its latest period,
/// across places, with the number of places. Each figure stays a country's
/// own: nothing is averaged.
pub fn range_across_places(obs: &[Observation]) -> Option<(Figure, Figure, usize)> {
    let series = first_series(obs)?;
    let of_series: Vec<&Observation> = obs.iter().filter(|o| o.series == series).collect();
    let period = of_series.iter().map(|o| o.period).max()?;
    let at: Vec<&&Observation> = of_series.iter().filter(|o| o.period == period).collect();
    let low = at.iter().min_by(|a, b| a.value.total_cmp(&b.value).then_with(|| a.geo.cmp(&b.geo)))?;
    let high = at.iter().max_by(|a, b| a.value.total_cmp(&b.value).then_with(|| b.geo.cmp(&a.geo)))?;
    Some((Figure::from(**low), Figure::from(**high), at.len()))
}

/// The lowest and highest figure across series (forms of abuse) for one
/// place and the latest period, with the number of series.
pub fn range_across_series(obs: &[Observation]) -> Option<(Figure, Figure, usize)> {
    let period = obs.iter().map(|o| o.period).max()?;
    let at: Vec<&Observation> = obs.iter().filter(|o| o.period == period).collect();
    let low = at.iter().min_by(|a, b| a.value.total_cmp(&b.value))?;
    let high = at.iter().max_by(|a, b| a.value.total_cmp(&b.value))?;
    Some((Figure::from(*low), Figure::from(*high), at.len()))
}

/// The two ends of a range across places as the sentence names them
/// ("from Kenya to Uganda"): in French with the preposition contracted with
/// each place's article ("du Kenya", "à l'Ouganda"; the catalogue's French
/// sentence leaves "de" and "à" to these).
pub fn place_range(geographies: &[Geography], from: &str, to: &str, lang: Lang) -> (String, String) {
    let name = |code: &str, case| match geographies.iter().find(|g| g.code == code) {
        Some(g) => place_with(lang, g, case),
        None => place_name_with(lang, code, code, case),
    };
    (name(from, PlaceCase::De), name(to, PlaceCase::A))
}

fn first_series(obs: &[Observation]) -> Option<String> {
    obs.iter().map(|o| o.series.clone()).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(series: &str, geo: &str, period: &str, value: f64) -> Observation {
        Observation {
            series: series.into(),
            geo: geo.into(),
            period: period.parse().unwrap(),
            value,
            lower: None,
            upper: None,
            note: String::new(),
            source_ref: "s".into(),
            grade: Default::default(),
            derivation: String::new(),
        }
    }

    #[test]
    fn latest_takes_the_last_period_not_the_largest_value() {
        let o = [obs("", "001", "2022", 32.0), obs("", "001", "2023", 30.0), obs("", "001", "2019", 99.0)];
        let f = latest(&o).unwrap();
        assert_eq!((f.period, f.value), (Period::Year(2023), 30.0));
        assert_eq!(latest(&[]), None);
    }

    #[test]
    fn latest_keeps_the_grade_of_the_figure_it_shows() {
        let mut newer = obs("", "001", "2024", 20.0);
        newer.grade = Grade::Secondary;
        let o = [obs("", "001", "2023", 30.0), newer];
        assert_eq!(latest(&o).unwrap().grade, Grade::Secondary);
        assert_eq!(latest(&o[..1]).unwrap().grade, Grade::Verbatim);
    }

    #[test]
    fn range_across_places_stays_in_one_series_and_one_period() {
        let o = [
            obs("Among all", "ETH", "2020/2021", 4.6),
            obs("Among all", "PHL", "2020/2021", 27.1),
            obs("Among all", "KEN", "2020/2021", 14.5),
            obs("Among users", "PHL", "2020/2021", 28.6),
            obs("Among all", "PHL", "2019", 99.0),
        ];
        let (low, high, n) = range_across_places(&o).unwrap();
        assert_eq!((low.geo.as_str(), low.value), ("ETH", 4.6));
        assert_eq!((high.geo.as_str(), high.value), ("PHL", 27.1));
        assert_eq!(n, 3);
    }

    #[test]
    fn a_range_across_places_reads_in_french_with_articles() {
        use evidence::model::{ArticleFr, GeoKind, Localised};
        let geo = |code: &str, en: &str, fr: &str, article| Geography {
            code: code.into(),
            kind: GeoKind::Country,
            name: Localised { en: en.into(), fr: Some(fr.into()) },
            parent: None,
            iso2: None,
            m49: None,
            article_fr: Some(article),
        };
        let geos = [geo("KEN", "Kenya", "Kenya", ArticleFr::Le), geo("UGA", "Uganda", "Ouganda", ArticleFr::Elided), geo("PHL", "Philippines", "Philippines", ArticleFr::Les)];
        let sentence = |from: &str, to: &str, lang: Lang| {
            let (from, to) = place_range(&geos, from, to, lang);
            crate::i18n::Msg::HeadlineAcrossPlaces.fill(lang, &["Sollicitation", &from, &to, "3", "tous"])
        };
        assert!(sentence("KEN", "UGA", Lang::Fr).starts_with("Sollicitation : du Kenya à l'Ouganda, sur 3 pays"), "{}", sentence("KEN", "UGA", Lang::Fr));
        assert!(sentence("UGA", "PHL", Lang::Fr).starts_with("Sollicitation : de l'Ouganda aux Philippines,"), "{}", sentence("UGA", "PHL", Lang::Fr));
        assert!(sentence("KEN", "UGA", Lang::En).starts_with("Sollicitation: from Kenya to Uganda, across 3 countries"), "{}", sentence("KEN", "UGA", Lang::En));
    }

    #[test]
    fn range_across_series_names_the_forms() {
        let o = [obs("extortion", "001", "2010/2023", 3.5), obs("images", "001", "2010/2023", 12.6), obs("solicitation", "001", "2010/2023", 12.5)];
        let (low, high, n) = range_across_series(&o).unwrap();
        assert_eq!((low.series.as_str(), high.series.as_str(), n), ("extortion", "images", 3));
    }
}
