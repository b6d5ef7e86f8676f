//! Small, synthetic but realistic datasets for the chart tests: the figures
//! are made up (round-ish, plausible orders of magnitude), the shapes of the
//! data are the real ones (report counts with a "no country listed" row and
//! small states; survey percentages with confidence intervals and notes).
#![allow(dead_code)] // each test crate uses a part of the fixtures

use std::collections::{BTreeMap, HashMap};

use evidence::chart::map::{MapFeature, WorldMap};
use evidence::chart::{self, Frame, Plot, Size};
use evidence::state::Note;
use evidence::{
    Caveat, CaveatKind, ChartKind, ChartState, Coverage, Dataset, DatasetMeta, GeoKind, Geography, Indicator, Lang,
    Grade, Localised, Method, Observation, Origin, Period, Sector, SeriesMeta, Source, SourceRole, ToneText, Unit,
};

pub const PERMALINK: &str = "https://evidence.example/datasets/synthetic?v=1";

fn loc(en: &str, fr: &str) -> Localised {
    Localised { en: en.to_string(), fr: Some(fr.to_string()) }
}

fn tone(plain: Localised, technical: Localised) -> ToneText {
    ToneText { plain, technical }
}

fn caveat(kind: CaveatKind, plain_en: &str, plain_fr: &str, technical_en: &str) -> Caveat {
    Caveat { kind, plain: loc(plain_en, plain_fr), technical: Localised::new(technical_en), source_url: None, topic: None }
}

fn obs(geo: &str, year: i32, value: f64, source_ref: &str) -> Observation {
    Observation {
        series: String::new(),
        geo: geo.to_string(),
        period: Period::Year(year),
        value,
        lower: None,
        upper: None,
        note: String::new(),
        source_ref: source_ref.to_string(),
        grade: Grade::Verbatim,
        derivation: String::new(),
    }
}

fn with_interval(mut o: Observation, lower: f64, upper: f64) -> Observation {
    o.lower = Some(lower);
    o.upper = Some(upper);
    o
}

fn with_note(mut o: Observation, note: &str) -> Observation {
    o.note = note.to_string();
    o
}

fn geo(code: &str, kind: GeoKind, en: &str, fr: &str, parent: Option<&str>) -> Geography {
    Geography {
        code: code.to_string(),
        kind,
        name: loc(en, fr),
        parent: parent.map(str::to_string),
        iso2: None,
        m49: None,
        article_fr: None,
    }
}

pub fn geographies() -> Vec<Geography> {
    vec![
        geo("001", GeoKind::World, "World", "Monde", None),
        geo("002", GeoKind::Region, "Africa", "Afrique", Some("001")),
        geo("014", GeoKind::Subregion, "Eastern Africa", "Afrique orientale", Some("002")),
        geo("KEN", GeoKind::Country, "Kenya", "Kenya", Some("014")),
        geo("UGA", GeoKind::Country, "Uganda", "Ouganda", Some("014")),
        geo("TZA", GeoKind::Country, "Tanzania", "Tanzanie", Some("014")),
        geo("ETH", GeoKind::Country, "Ethiopia", "Éthiopie", Some("014")),
        geo("SGP", GeoKind::Country, "Singapore", "Singapour", Some("001")),
        geo("MLT", GeoKind::Country, "Malta", "Malte", Some("001")),
        geo("ZZZ", GeoKind::Special, "No country listed", "Aucun pays indiqué", None),
    ]
}

/// Three square "countries": Kenya, Uganda (with a lake-shaped hole, drawn
/// with evenodd) and Tanzania. Ethiopia, Singapore and Malta have no shape.
pub fn tiny_world() -> WorldMap {
    let feature = |id: &str, name: &str, paths: &[&str]| MapFeature {
        id: id.to_string(),
        name: name.to_string(),
        paths: paths.iter().map(|p| p.to_string()).collect(),
    };
    WorldMap {
        projection: "none".to_string(),
        source: "test squares".to_string(),
        width: 300,
        height: 100,
        features: vec![
            feature("KEN", "Kenya", &["M10 10l80 0 0 80-80 0z"]),
            feature("UGA", "Uganda", &["M110 10l80 0 0 80-80 0z M130 30l40 0 0 40-40 0z"]),
            feature("TZA", "Tanzania", &["M210 10l80 0 0 80-80 0z"]),
        ],
    }
}

fn meta(id: &str, title: Localised, unit: Unit, unit_label: Localised, method: Method) -> DatasetMeta {
    DatasetMeta {
        id: id.to_string(),
        title,
        description: "Synthetic figures for tests.".to_string(),
        publisher: "Test Publisher".to_string(),
        sector: Sector::Ngo,
        origin: Origin::HotlineReports,
        breakdowns: Vec::new(),
        source_breakdowns: Vec::new(),
        origin_source: None,
        licence: "CC-BY-4.0".to_string(),
        sources: Vec::new(),
        indicator: Indicator {
            name: loc("Reports to a hotline", "Signalements à une ligne d’écoute"),
            unit,
            unit_label,
            unit_label_one: None,
            definition: tone(Localised::new("Reports received."), Localised::new("Reports received, deduplicated.")),
            glossary: Vec::new(),
        },
        coverage: Coverage {
            population: tone(Localised::new("Everyone online"), Localised::new("Internet users")),
            method,
            geographic_scope: Localised::new("Worldwide"),
        },
        caveats: vec![
            caveat(
                CaveatKind::Coverage,
                "Only countries whose platforms report are counted.",
                "Seuls les pays dont les plateformes signalent sont comptés.",
                "Provider-side coverage; see the source's annex.",
            ),
            caveat(
                CaveatKind::Bias,
                "More reports can mean more detection, not more abuse.",
                "Plus de signalements peut vouloir dire plus de détection, pas plus d’abus.",
                "Counts reflect detection effort and reporting rules.",
            ),
            caveat(
                CaveatKind::Definition,
                "A report is not a child or a case.",
                "Un signalement n’est ni un enfant ni une affaire.",
                "Unit of count: report; one report may hold many files.",
            ),
            caveat(
                CaveatKind::Comparability,
                "Do not compare with survey percentages.",
                "Ne pas comparer avec des pourcentages d’enquête.",
                "Administrative counts versus prevalence estimates.",
            ),
        ],
        comparability: Vec::new(),
        series: BTreeMap::new(),
        breaks: Vec::new(),
        selection: false,
        population_scope: None,
    }
}

pub struct Fixture {
    pub dataset: Dataset,
    pub geos: Vec<Geography>,
    pub world: WorldMap,
}

impl Fixture {
    /// Report counts by country, 2019-2023, with a gap (Uganda 2021), two
    /// small states and a large "no country listed" figure.
    pub fn reports() -> Fixture {
        let mut m = meta(
            "synthetic-reports",
            loc("Reports by country (synthetic)", "Signalements par pays (synthétiques)"),
            Unit::Count,
            loc("reports", "signalements"),
            Method::ProviderReports,
        );
        m.sources = vec![Source {
            id: "annual".to_string(),
            title: "Annual report (synthetic)".to_string(),
            publisher: "Test Publisher".to_string(),
            year: Some(2024),
            url: "https://example.org/report".to_string(),
            locator: None,
            role: SourceRole::Primary,
        }];
        let mut observations = Vec::new();
        for (year, ken, uga, eth) in [
            (2019, 12_400.0, 3_100.0, 800.0),
            (2020, 21_800.0, 5_900.0, 1_450.0),
            (2021, 31_200.0, f64::NAN, 2_300.0),
            (2022, 38_900.0, 9_700.0, 3_900.0),
            (2023, 46_030.0, 11_250.0, 5_120.0),
        ] {
            observations.push(obs("KEN", year, ken, "annual"));
            if !uga.is_nan() {
                observations.push(obs("UGA", year, uga, "annual"));
            }
            observations.push(obs("ETH", year, eth, "annual"));
            observations.push(obs("SGP", year, 100.0 + (year - 2019) as f64 * 6.0, "annual"));
        }
        observations.push(obs("MLT", 2023, 45.0, "annual"));
        observations.push(with_note(
            obs("ZZZ", 2023, 1_851_762.0, "annual"),
            "Reports where the provider gave no location",
        ));
        Fixture {
            dataset: Dataset { meta: m, observations },
            geos: geographies(),
            world: tiny_world(),
        }
    }

    /// Survey percentages with 95% intervals, two rounds, and one series per
    /// kind of harm so that a one-country chart ranks series.
    pub fn survey() -> Fixture {
        let mut m = meta(
            "synthetic-survey",
            loc("Children who experienced online harm (synthetic)", "Enfants ayant subi un préjudice en ligne (synthétiques)"),
            Unit::Percent,
            loc("% of internet-using children", "% des enfants utilisant Internet"),
            Method::HouseholdSurvey,
        );
        m.indicator.name = loc("Past-year online harm", "Préjudice en ligne au cours de l’année");
        m.sources = vec![Source {
            id: "survey".to_string(),
            title: "Household survey (synthetic)".to_string(),
            publisher: "Test Publisher".to_string(),
            year: Some(2022),
            url: "https://example.org/survey".to_string(),
            locator: None,
            role: SourceRole::Primary,
        }];
        m.series.insert("exploitation".to_string(), SeriesMeta { label: loc("Online sexual exploitation", "Exploitation sexuelle en ligne"), preferred_term: None });
        m.series.insert("grooming".to_string(), SeriesMeta { label: loc("Unwanted sexual requests", "Sollicitations sexuelles non désirées"), preferred_term: None });
        let mut observations = Vec::new();
        for (series, geo, year, v, lo, hi) in [
            ("exploitation", "KEN", 2021, 7.0, 5.8, 8.3),
            ("exploitation", "UGA", 2021, 13.0, 11.1, 15.0),
            ("exploitation", "TZA", 2021, 4.0, 3.1, 5.2),
            ("exploitation", "ETH", 2021, 10.0, 8.4, 11.7),
            ("exploitation", "KEN", 2023, 8.5, 7.1, 9.9),
            ("exploitation", "UGA", 2023, 14.2, 12.0, 16.5),
            ("grooming", "KEN", 2021, 15.5, 13.6, 17.4),
            ("grooming", "KEN", 2023, 17.9, 15.8, 20.1),
        ] {
            let mut o = with_interval(obs(geo, year, v, "survey"), lo, hi);
            o.series = series.to_string();
            observations.push(o);
        }
        observations[5].note = "Fieldwork during school holidays".to_string();
        Fixture {
            dataset: Dataset { meta: m, observations },
            geos: geographies(),
            world: tiny_world(),
        }
    }

    pub fn names(&self, lang: Lang) -> HashMap<String, String> {
        self.geos.iter().map(|g| (g.code.clone(), g.name.get(lang).to_string())).collect()
    }

    /// Selects the figures for `state` and hands the plot to `f`.
    pub fn with_plot<R>(&self, state: &ChartState, f: impl FnOnce(&Plot) -> R) -> R {
        let selection = chart::select(&self.dataset, state, &self.geos);
        let names = self.names(state.lang);
        let plot = Plot {
            meta: &self.dataset.meta,
            observations: &selection.observations,
            geo_names: &names,
            state,
            world: Some(&self.world),
        };
        f(&plot)
    }

    pub fn render(&self, state: &ChartState, size: Size) -> String {
        self.with_plot(state, |plot| chart::render_plot(plot, size))
    }

    pub fn render_framed(&self, state: &ChartState, size: Size) -> String {
        self.with_plot(state, |plot| chart::render_framed(plot, size, &Frame::for_plot(plot, PERMALINK)))
    }
}

pub fn state(chart: ChartKind) -> ChartState {
    ChartState { chart, ..ChartState::default() }
}

pub fn note(geo: Option<&str>, year: i32, text: &str) -> Note {
    Note { period: Period::Year(year), geo: geo.map(str::to_string), text: text.to_string() }
}

#[allow(unused_imports)] // not every test file that includes this module uses it
pub use evidence::chart::xml_check::xml_problem;
