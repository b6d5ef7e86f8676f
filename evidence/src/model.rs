//! The data model: datasets, their caveats and observations, geographies and
//! the glossary. Field names follow `docs/data-format.md`; these types are
//! both what the loader reads and what the API serves.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::period::Period;

/// A user-interface language. English is complete; French may fall back to
/// English where a text has no translation yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }
}

/// Who the wording is for: the public (plain) or researchers and justice
/// professionals (technical).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    #[default]
    Plain,
    Technical,
}

impl Tone {
    pub fn code(self) -> &'static str {
        match self {
            Tone::Plain => "plain",
            Tone::Technical => "technical",
        }
    }
    pub fn parse(s: &str) -> Option<Tone> {
        match s {
            "plain" => Some(Tone::Plain),
            "technical" => Some(Tone::Technical),
            _ => None,
        }
    }
}

/// Text in English and, where translated, French.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localised {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
}

impl Localised {
    pub fn new(en: impl Into<String>) -> Self {
        Localised { en: en.into(), fr: None }
    }
    /// The text in `lang`, falling back to English; the flag says whether the
    /// fallback happened (so a page can mark the element `lang="en"`).
    pub fn get_with_fallback(&self, lang: Lang) -> (&str, bool) {
        match (lang, &self.fr) {
            (Lang::Fr, Some(fr)) if !fr.trim().is_empty() => (fr, false),
            (Lang::Fr, _) => (&self.en, true),
            (Lang::En, _) => (&self.en, false),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        self.get_with_fallback(lang).0
    }
}

/// The same statement written for two audiences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ToneText {
    pub plain: Localised,
    pub technical: Localised,
}

impl ToneText {
    pub fn get(&self, tone: Tone, lang: Lang) -> &str {
        match tone {
            Tone::Plain => self.plain.get(lang),
            Tone::Technical => self.technical.get(lang),
        }
    }
    pub fn localised(&self, tone: Tone) -> &Localised {
        match tone {
            Tone::Plain => &self.plain,
            Tone::Technical => &self.technical,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Government,
    Industry,
    NgoAcademia,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Count,
    Percent,
    Rate,
    Score,
}

impl Unit {
    pub fn code(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Rate => "rate",
            Unit::Score => "score",
        }
    }
}

/// How the figures were produced; drives automatic comparability warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    Administrative,
    ProviderReports,
    HotlineReports,
    HouseholdSurvey,
    OnlineSurvey,
    MetaAnalysis,
    PoliceRecorded,
    SelfSelectedSurvey,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::Administrative => "administrative",
            Method::ProviderReports => "provider-reports",
            Method::HotlineReports => "hotline-reports",
            Method::HouseholdSurvey => "household-survey",
            Method::OnlineSurvey => "online-survey",
            Method::MetaAnalysis => "meta-analysis",
            Method::PoliceRecorded => "police-recorded",
            Method::SelfSelectedSurvey => "self-selected-survey",
        }
    }
    /// Counts of reports or records measure activity of a system; surveys
    /// and meta-analyses estimate how common an experience is.
    pub fn is_report_count(self) -> bool {
        matches!(
            self,
            Method::Administrative
                | Method::ProviderReports
                | Method::HotlineReports
                | Method::PoliceRecorded
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum CaveatKind {
    Coverage,
    Bias,
    Definition,
    Comparability,
    Method,
}

impl CaveatKind {
    pub const REQUIRED: [CaveatKind; 4] = [
        CaveatKind::Coverage,
        CaveatKind::Bias,
        CaveatKind::Definition,
        CaveatKind::Comparability,
    ];
    pub fn code(self) -> &'static str {
        match self {
            CaveatKind::Coverage => "coverage",
            CaveatKind::Bias => "bias",
            CaveatKind::Definition => "definition",
            CaveatKind::Comparability => "comparability",
            CaveatKind::Method => "method",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Caveat {
    pub kind: CaveatKind,
    pub plain: Localised,
    pub technical: Localised,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

impl Caveat {
    pub fn text(&self, tone: Tone) -> &Localised {
        match tone {
            Tone::Plain => &self.plain,
            Tone::Technical => &self.technical,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub name: Localised,
    pub unit: Unit,
    pub unit_label: Localised,
    pub definition: ToneText,
    #[serde(default)]
    pub glossary: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Coverage {
    pub population: ToneText,
    pub method: Method,
    pub geographic_scope: Localised,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    NotComparable,
    WithCare,
    Comparable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comparability {
    pub dataset: String,
    pub verdict: Verdict,
    pub reason: ToneText,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesMeta {
    pub label: Localised,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_term: Option<String>,
}

/// Everything said about a dataset except its observations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetMeta {
    pub id: String,
    pub title: Localised,
    pub description: String,
    pub publisher: String,
    pub sector: Sector,
    pub licence: String,
    pub sources: Vec<Source>,
    pub indicator: Indicator,
    pub coverage: Coverage,
    pub caveats: Vec<Caveat>,
    #[serde(default)]
    pub comparability: Vec<Comparability>,
    #[serde(default)]
    pub series: std::collections::BTreeMap<String, SeriesMeta>,
}

impl DatasetMeta {
    pub fn caveats_of(&self, kind: CaveatKind) -> impl Iterator<Item = &Caveat> {
        self.caveats.iter().filter(move |c| c.kind == kind)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// The label to show for a series value: the curated label where there is
    /// one (e.g. the preferred term beside NCMEC's legal name), else the
    /// source's own words.
    pub fn series_label<'a>(&'a self, series: &'a str, lang: Lang) -> &'a str {
        self.series.get(series).map(|m| m.label.get(lang)).unwrap_or(series)
    }
}

/// One figure, as the source published it. A missing figure is an absent
/// observation, never a zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Observation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub series: String,
    pub geo: String,
    pub period: Period,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub source_ref: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub meta: DatasetMeta,
    pub observations: Vec<Observation>,
}

impl Dataset {
    pub fn series_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.observations.iter().map(|o| o.series.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }
    pub fn geos(&self) -> Vec<&str> {
        let mut geos: Vec<&str> = self.observations.iter().map(|o| o.geo.as_str()).collect();
        geos.sort_unstable();
        geos.dedup();
        geos
    }
    pub fn periods(&self) -> Vec<Period> {
        let mut periods: Vec<Period> = self.observations.iter().map(|o| o.period).collect();
        periods.sort_unstable();
        periods.dedup();
        periods
    }

    /// The years the figures span, for a byline: "2019–2023", or the one
    /// period's label ("2020/2021"), or "" without figures.
    pub fn years_label(&self) -> String {
        let periods = self.periods();
        match (periods.first(), periods.last()) {
            (Some(a), Some(b)) if a.start_year() != b.end_year() => format!("{}–{}", a.start_year(), b.end_year()),
            (Some(a), _) => a.label(),
            _ => String::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum GeoKind {
    World,
    Region,
    Subregion,
    Country,
    Subnational,
    Special,
}

impl GeoKind {
    pub fn parse(s: &str) -> Option<GeoKind> {
        Some(match s {
            "world" => GeoKind::World,
            "region" => GeoKind::Region,
            "subregion" => GeoKind::Subregion,
            "country" => GeoKind::Country,
            "subnational" => GeoKind::Subnational,
            "special" => GeoKind::Special,
            _ => return None,
        })
    }
    /// Regions and the world are made of countries; counts can be summed
    /// over them (with the coverage stated).
    pub fn is_aggregate(self) -> bool {
        matches!(self, GeoKind::World | GeoKind::Region | GeoKind::Subregion)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Geography {
    pub code: String,
    pub kind: GeoKind,
    pub name: Localised,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m49: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvoidedTerm {
    pub term: String,
    pub why: Localised,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GlossaryTerm {
    pub id: String,
    pub term: Localised,
    pub plain: Localised,
    pub technical: Localised,
    #[serde(default)]
    pub avoid: Vec<AvoidedTerm>,
    pub reference: String,
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
