//! Which chart kinds apply to a set of figures, and what is drawn instead
//! when a link asks for one that does not.
//!
//! - a **map** needs at least one figure for a country: a world total or a
//!   population that is not a place would leave every country "No data";
//! - a **line** needs figures for at least two periods: one period would
//!   be a lone dot with no x axis;
//! - a **bar** chart and a **table** show any figures.
//!
//! A map that does not apply is drawn as a line when there are several
//! periods, else as bars; a line that does not apply is drawn as bars.
//!
//! The rule is applied to the figures themselves, so that every caller
//! falls back the same way without being told: [`super::select`] chooses
//! the figures for the kind that will be drawn and says why in its notes
//! (and so in the chart sheet of the page, the first paint, the embed and
//! every export), and [`super::render_plot`] draws [`super::Plot::kind`].

use crate::model::{Dataset, Lang, Observation};
use crate::period::Period;
use crate::state::ChartKind;
use crate::words::W;

/// Why a chart kind does not apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotApplicable {
    /// A map needs a figure for at least one country.
    NoCountryFigures,
    /// A line needs figures for at least two periods.
    OnePeriod,
}

impl NotApplicable {
    /// Short words for the chart-kind switch: "No map: …".
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            NotApplicable::NoCountryFigures => W::ChartKindMapUnavailable.get(lang),
            NotApplicable::OnePeriod => W::ChartKindLineUnavailable.get(lang),
        }
    }
}

/// One chart kind of the switch, and why it is not offered when it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindChoice {
    pub kind: ChartKind,
    pub unavailable: Option<NotApplicable>,
}

/// Codes of the reference list that look like ISO 3166-1 alpha-3 codes but
/// are not countries ("No country listed", "Europe (no country given)").
/// A test checks this against `data/reference/geographies.csv`.
pub const NOT_COUNTRIES: [&str; 2] = ["ZZZ", "EEE"];

/// A country's code: ISO 3166-1 alpha-3. Regions and the world are UN M49
/// numbers, subnational places have a hyphen (`GB-EAW`).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) && !NOT_COUNTRIES.contains(&code)
}

/// What the rule looks at in a set of figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    pub figures: usize,
    pub countries: bool,
    pub periods: usize,
    /// The period, when there is exactly one.
    pub only_period: Option<Period>,
}

impl Facts {
    pub fn of<'a>(observations: impl IntoIterator<Item = &'a Observation>) -> Facts {
        let mut facts = Facts::default();
        let mut periods: Vec<Period> = Vec::new();
        for o in observations {
            facts.figures += 1;
            facts.countries |= is_country_code(&o.geo);
            if !periods.contains(&o.period) {
                periods.push(o.period);
            }
        }
        facts.periods = periods.len();
        facts.only_period = (periods.len() == 1).then(|| periods[0]);
        facts
    }

    /// Whether `kind` can show these figures.
    pub fn check(&self, kind: ChartKind) -> Result<(), NotApplicable> {
        match kind {
            ChartKind::Map if !self.countries => Err(NotApplicable::NoCountryFigures),
            ChartKind::Line if self.periods < 2 => Err(NotApplicable::OnePeriod),
            _ => Ok(()),
        }
    }

    /// The kind drawn when `requested` is asked for. With no figures at
    /// all, nothing applies better: the requested kind says "no figures".
    pub fn resolve(&self, requested: ChartKind) -> Resolved {
        let unchanged = Resolved { requested, shown: requested, reason: None, only_period: self.only_period };
        if self.figures == 0 {
            return unchanged;
        }
        match self.check(requested) {
            Ok(()) => unchanged,
            Err(reason) => {
                let shown = instead_of(requested, self.check(ChartKind::Line).is_ok());
                Resolved { shown, reason: Some(reason), ..unchanged }
            }
        }
    }
}

/// What is drawn instead of a kind that does not apply: a line for a map
/// when a line applies, else bars.
fn instead_of(requested: ChartKind, line_applies: bool) -> ChartKind {
    match requested {
        ChartKind::Map if line_applies => ChartKind::Line,
        _ => ChartKind::Bar,
    }
}

/// The kind drawn when `requested` is asked for, from the switch's
/// choices (as [`Facts::resolve`] decides for the whole dataset).
pub fn shown_kind(choices: &[KindChoice], requested: ChartKind) -> ChartKind {
    let applies = |k: ChartKind| choices.iter().find(|c| c.kind == k).is_none_or(|c| c.unavailable.is_none());
    if applies(requested) { requested } else { instead_of(requested, applies(ChartKind::Line)) }
}

/// A requested chart kind, the kind drawn, and why they differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub requested: ChartKind,
    pub shown: ChartKind,
    pub reason: Option<NotApplicable>,
    only_period: Option<Period>,
}

impl Resolved {
    /// "A map is not available for this dataset: it has no figures by
    /// country. Shown as a line chart." None when the kind asked for is
    /// drawn.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let why = match self.reason? {
            NotApplicable::NoCountryFigures => W::ChartMapNoCountries.get(lang).to_string(),
            NotApplicable::OnePeriod => {
                let period = self.only_period.map(|p| p.label()).unwrap_or_default();
                W::ChartLineOnePeriod.fill(lang, &[("period", &period)])
            }
        };
        let shown = match self.shown {
            ChartKind::Line => W::ChartShownAsLine,
            ChartKind::Bar => W::ChartShownAsBar,
            ChartKind::Map | ChartKind::Table => W::ChartShownAsTable,
        };
        Some(format!("{why} {}", shown.get(lang)))
    }
}

/// Every chart kind, each with why it does not apply to `dataset` (None
/// when it does), in the switch's order.
pub fn chart_kinds(dataset: &Dataset) -> Vec<KindChoice> {
    let facts = Facts::of(&dataset.observations);
    ChartKind::ALL
        .into_iter()
        .map(|kind| KindChoice { kind, unavailable: if facts.figures == 0 { None } else { facts.check(kind).err() } })
        .collect()
}

/// The chart kinds that apply to `dataset`.
pub fn applicable_kinds(dataset: &Dataset) -> Vec<ChartKind> {
    chart_kinds(dataset).into_iter().filter(|c| c.unavailable.is_none()).map(|c| c.kind).collect()
}

/// The kind drawn for `dataset` when `requested` is asked for (before any
/// choice of places or years narrows the figures).
pub fn resolve_kind(dataset: &Dataset, requested: ChartKind) -> Resolved {
    Facts::of(&dataset.observations).resolve(requested)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Size;
    use crate::chart::curated::{draw, package};
    use crate::model::GeoKind;

    fn choices(id: &str) -> Vec<(ChartKind, Option<NotApplicable>)> {
        chart_kinds(package().dataset(id).expect("dataset")).into_iter().map(|c| (c.kind, c.unavailable)).collect()
    }

    #[test]
    fn the_country_rule_matches_the_reference_list() {
        for g in &package().geographies {
            assert_eq!(is_country_code(&g.code), g.kind == GeoKind::Country, "{} ({:?})", g.code, g.kind);
        }
    }

    #[test]
    fn each_dataset_is_offered_the_kinds_that_apply() {
        use ChartKind::*;
        use NotApplicable::*;
        assert_eq!(choices("ncmec-cybertipline-by-country"), vec![(Line, None), (Bar, None), (Map, None), (Table, None)]);
        // World totals over the years: no map.
        assert_eq!(choices("ncmec-cybertipline-totals"), vec![(Line, None), (Bar, None), (Map, Some(NoCountryFigures)), (Table, None)]);
        // A survey of twelve countries in one period: no line.
        assert_eq!(choices("dh-tf-csea-prevalence"), vec![(Line, Some(OnePeriod)), (Bar, None), (Map, None), (Table, None)]);
        // One world figure pair in one year: bars and table only.
        let dataset = package().dataset("weprotect-gta2021-survey").expect("dataset");
        assert_eq!(applicable_kinds(dataset), vec![Bar, Table]);
        assert_eq!(resolve_kind(dataset, Map).shown, Bar);
        assert_eq!(resolve_kind(dataset, Line).shown, Bar);
        // The switch decides from its choices as the dataset does.
        for dataset in &package().datasets {
            let choices = chart_kinds(dataset);
            for kind in ChartKind::ALL {
                assert_eq!(shown_kind(&choices, kind), resolve_kind(dataset, kind).shown, "{} {kind:?}", dataset.meta.id);
            }
        }
    }

    /// `chart=map` on world totals drew every country as "No data" with a
    /// legend of 0. It is drawn as a line now, and the sheet (so the page,
    /// the first paint, the embed and every export) says why, in the
    /// reader's language.
    #[test]
    fn a_map_of_world_totals_is_drawn_as_a_line_and_says_why() {
        for (lang, note) in [
            ("en", "A map is not available for this dataset: it has no figures by country. Shown as a line chart."),
            (
                "fr",
                "Une carte n'est pas disponible pour ce jeu de données : il ne donne aucun chiffre par pays. Présenté en graphique en courbes.",
            ),
        ] {
            let drawn = draw("ncmec-cybertipline-totals", &format!("chart=map&lang={lang}"), Size::new(760, 440));
            assert_eq!(drawn.selection.chart, ChartKind::Line);
            assert!(drawn.selection.observations.len() > 2, "every year, as a line: {:?}", drawn.selection.observations.len());
            assert!(drawn.sheet.selection_notes.iter().any(|n| n == note), "{lang}: {:?}", drawn.sheet.selection_notes);
            assert!(drawn.svg.contains(r#"class="chart chart-line""#), "{}", &drawn.svg[..200]);
            assert!(!drawn.svg.contains("No data") && !drawn.svg.contains("Pas de données"));
        }
        // A map that applies says nothing.
        let drawn = draw("ncmec-cybertipline-by-country", "chart=map", Size::new(760, 440));
        assert_eq!(drawn.selection.chart, ChartKind::Map);
        assert!(drawn.svg.contains(r#"class="chart chart-map""#));
        assert!(!drawn.sheet.selection_notes.iter().any(|n| n.contains("not available")), "{:?}", drawn.sheet.selection_notes);
    }

    /// A line of one period drew two dots and no x label: bars instead.
    #[test]
    fn one_period_is_drawn_as_bars_not_a_line() {
        let drawn = draw("dh-tf-csea-prevalence", "chart=line", Size::new(760, 440));
        assert_eq!(drawn.selection.chart, ChartKind::Bar);
        assert!(drawn.svg.contains(r#"class="chart chart-bar""#));
        assert!(!drawn.svg.contains("series-line"));
        let note = "A line chart is not available for these figures: they are for one period only (2020–2021). Shown as a bar chart.";
        assert!(drawn.sheet.selection_notes.iter().any(|n| n == note), "{:?}", drawn.sheet.selection_notes);
        // Places chosen with one year between them are one period too.
        let drawn = draw("ncmec-cybertipline-by-country", "chart=line&geo=KEN&from=2022&to=2022", Size::new(760, 440));
        assert_eq!(drawn.selection.chart, ChartKind::Bar);
        assert!(drawn.svg.contains(r#"class="chart chart-bar""#));
    }
}
