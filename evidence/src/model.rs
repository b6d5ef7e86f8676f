//! The data model: datasets, their caveats and observations, geographies and
//! the glossary. Field names follow `docs/data-format.md`; these types are
//! both what the loader reads and what the API serves.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::period::Period;
use crate::words::W;

/// A user-interface language. English is complete; French may fall back to
/// English where a text has no translation yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// Who publishes a dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Government,
    Industry,
    Ngo,
    Academia,
    Intergovernmental,
}

impl Sector {
    pub const ALL: [Sector; 5] =
        [Sector::Government, Sector::Industry, Sector::Ngo, Sector::Academia, Sector::Intergovernmental];
    pub fn code(self) -> &'static str {
        match self {
            Sector::Government => "government",
            Sector::Industry => "industry",
            Sector::Ngo => "ngo",
            Sector::Academia => "academia",
            Sector::Intergovernmental => "intergovernmental",
        }
    }
    pub fn parse(s: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|x| x.code() == s)
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Sector::Government => W::SectorGovernment.get(lang),
            Sector::Industry => W::SectorIndustry.get(lang),
            Sector::Ngo => W::SectorNgo.get(lang),
            Sector::Academia => W::SectorAcademia.get(lang),
            Sector::Intergovernmental => W::SectorIntergovernmental.get(lang),
        }
    }
}

/// How a dataset's figures arise, whoever publishes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Reports that online companies send (e.g. to NCMEC's CyberTipline).
    CompanyReports,
    /// Reports from the public to a hotline, and the hotlines' own searching.
    HotlineReports,
    /// Content assessed by a hotline's analysts.
    AnalystAssessment,
    HouseholdSurvey,
    OnlineSurvey,
    PoliceRecords,
    OffenderSurvey,
    MetaAnalysis,
}

impl Origin {
    pub const ALL: [Origin; 8] = [
        Origin::CompanyReports,
        Origin::HotlineReports,
        Origin::AnalystAssessment,
        Origin::HouseholdSurvey,
        Origin::OnlineSurvey,
        Origin::PoliceRecords,
        Origin::OffenderSurvey,
        Origin::MetaAnalysis,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Origin::CompanyReports => "company-reports",
            Origin::HotlineReports => "hotline-reports",
            Origin::AnalystAssessment => "analyst-assessment",
            Origin::HouseholdSurvey => "household-survey",
            Origin::OnlineSurvey => "online-survey",
            Origin::PoliceRecords => "police-records",
            Origin::OffenderSurvey => "offender-survey",
            Origin::MetaAnalysis => "meta-analysis",
        }
    }
    pub fn parse(s: &str) -> Option<Origin> {
        Origin::ALL.into_iter().find(|x| x.code() == s)
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Origin::CompanyReports => W::OriginCompanyReports.get(lang),
            Origin::HotlineReports => W::OriginHotlineReports.get(lang),
            Origin::AnalystAssessment => W::OriginAnalystAssessment.get(lang),
            Origin::HouseholdSurvey => W::OriginHouseholdSurvey.get(lang),
            Origin::OnlineSurvey => W::OriginOnlineSurvey.get(lang),
            Origin::PoliceRecords => W::OriginPoliceRecords.get(lang),
            Origin::OffenderSurvey => W::OriginOffenderSurvey.get(lang),
            Origin::MetaAnalysis => W::OriginMetaAnalysis.get(lang),
        }
    }

    /// Its label, marked when it is known only from a secondary source.
    pub fn marked_label(self, lang: Lang, second_hand: bool) -> String {
        if second_hand { W::OriginMarkedSecondary.fill(lang, &[("origin", self.label(lang))]) } else { self.label(lang).to_string() }
    }
    /// Figures counted as reports arrive: a year's reports can concern abuse
    /// from earlier years and material that keeps recirculating.
    pub fn is_report_based(self) -> bool {
        matches!(self, Origin::CompanyReports | Origin::HotlineReports | Origin::AnalystAssessment)
    }
}

/// Who the figures can be split by: the groups a reader may look for and
/// find missing. A dataset declares those its figures carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Breakdown {
    Sex,
    AgeBand,
    Disability,
    EthnicityRace,
    UrbanRural,
    MigrantStatus,
}

impl Breakdown {
    pub const ALL: [Breakdown; 6] = [
        Breakdown::Sex,
        Breakdown::AgeBand,
        Breakdown::Disability,
        Breakdown::EthnicityRace,
        Breakdown::UrbanRural,
        Breakdown::MigrantStatus,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Breakdown::Sex => "sex",
            Breakdown::AgeBand => "age-band",
            Breakdown::Disability => "disability",
            Breakdown::EthnicityRace => "ethnicity-race",
            Breakdown::UrbanRural => "urban-rural",
            Breakdown::MigrantStatus => "migrant-status",
        }
    }
    pub fn parse(s: &str) -> Option<Breakdown> {
        Breakdown::ALL.into_iter().find(|x| x.code() == s)
    }
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Breakdown::Sex => W::BreakdownSex.get(lang),
            Breakdown::AgeBand => W::BreakdownAgeBand.get(lang),
            Breakdown::Disability => W::BreakdownDisability.get(lang),
            Breakdown::EthnicityRace => W::BreakdownEthnicityRace.get(lang),
            Breakdown::UrbanRural => W::BreakdownUrbanRural.get(lang),
            Breakdown::MigrantStatus => W::BreakdownMigrantStatus.get(lang),
        }
    }
}

/// A group the **publisher** gives figures by, which this package's series
/// are not split by (e.g. IWF describes the children depicted by sex; the
/// charted counts are totals). Declared only where the curated sources
/// record it, each with the dataset's source that says so: absent means
/// unknown, never "the publisher has none".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceBreakdown {
    pub breakdown: Breakdown,
    /// Where the publisher gives it, in a few words ("2024 annual report:
    /// the share of victims depicted who are girls").
    #[serde(rename = "where")]
    pub place: Localised,
    /// The id of the dataset's source that says so (a secondary source
    /// makes the sentence say "second-hand").
    pub source: String,
    /// The page where it was seen, when it is not the source's own address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Where a figure was seen: the provenance grade every observation carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Seen in the publisher's own text or table.
    #[default]
    Verbatim,
    /// Seen only in a third party's transcription or report, which is cited.
    Secondary,
    /// Arithmetic by the curators on published figures, with the formula.
    Computed,
}

impl Grade {
    pub const ALL: [Grade; 3] = [Grade::Verbatim, Grade::Secondary, Grade::Computed];
    pub fn code(self) -> &'static str {
        match self {
            Grade::Verbatim => "verbatim",
            Grade::Secondary => "secondary",
            Grade::Computed => "computed",
        }
    }
    pub fn parse(s: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.code() == s)
    }
    pub fn is_verbatim(self) -> bool {
        self == Grade::Verbatim
    }
    /// A short mark for tables and tooltips: "" for verbatim figures.
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            Grade::Verbatim => "",
            Grade::Secondary => W::GradeSecondary.get(lang),
            Grade::Computed => W::GradeComputed.get(lang),
        }
    }
}

/// Whether a source is the publisher's own, or a third party's
/// transcription or report of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum SourceRole {
    #[default]
    Primary,
    Secondary,
}

impl SourceRole {
    pub fn is_primary(&self) -> bool {
        *self == SourceRole::Primary
    }
}

/// What a caveat is about, where a rule needs to find it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CaveatTopic {
    /// What an interval (lower..upper) means; required where figures have one.
    Uncertainty,
    /// A year's reports can concern earlier abuse and recirculated material;
    /// required for report-based origins.
    ReportTiming,
}

/// What kind of population a dataset covers when it is not a place: its
/// figures are coded `001` (World) for want of a geography, but they are not
/// figures for the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ScopeKind {
    /// A network of organisations (e.g. INHOPE's member hotlines).
    MemberNetwork,
    /// A survey pooled over a set of countries (e.g. 54 countries).
    PooledCountries,
    /// A meta-analysis pooled over the studies that exist.
    PooledStudies,
    /// The companies that report (e.g. to NCMEC).
    ReportingCompanies,
    /// People reached through a service (e.g. dark-web search-engine users).
    ServiceUsers,
}

/// The population a dataset's figures describe when it is not a place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PopulationScope {
    pub kind: ScopeKind,
    /// e.g. "INHOPE member hotlines (55 in 51 countries in 2024)".
    pub label: Localised,
}

/// A point from which the figures are counted differently: no line joins
/// the periods before it to those from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SeriesBreak {
    /// The first period counted the new way.
    pub period: Period,
    /// A few words for the mark on the chart, e.g. "2024: counted differently".
    pub label: Localised,
    /// One line on why, in both tones.
    pub reason: ToneText,
    /// Where the country rows of the new periods do not add up to the total
    /// (a report counted once per country), what to say beside any sum.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_sum: Option<ToneText>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<CaveatTopic>,
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
    /// `secondary` for a third party's transcription or report of the
    /// publisher's figures; secondary-grade figures must cite one.
    #[serde(default, skip_serializing_if = "SourceRole::is_primary")]
    pub role: SourceRole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub name: Localised,
    pub unit: Unit,
    pub unit_label: Localised,
    /// The unit after a figure the language counts as one ("1 report",
    /// French "1 signalement"); absent: the unit takes no singular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_label_one: Option<Localised>,
    pub definition: ToneText,
    #[serde(default)]
    pub glossary: Vec<String>,
}

impl Indicator {
    /// The unit after `value`, singular or plural by the language's rules.
    pub fn unit_for(&self, value: f64, lang: Lang) -> &str {
        unit_for(&self.unit_label, self.unit_label_one.as_ref(), value, lang)
    }
}

/// The unit after `value`: `one` where the language counts the figure as
/// one ("1 report"; French "1 signalement", "0 signalement"), else `many`.
pub fn unit_for<'a>(many: &'a Localised, one: Option<&'a Localised>, value: f64, lang: Lang) -> &'a str {
    match one {
        Some(one) if crate::words::plural_category(lang.code(), value.abs()) == "one" => one.get(lang),
        _ => many.get(lang),
    }
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
    pub origin: Origin,
    /// The groups the figures are split by (often none): what is absent is
    /// said in plain words by [`DatasetMeta::not_broken_down_by`].
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    /// The groups the publisher gives figures by that the series here are
    /// not split by, each with the source that says so (often none: not
    /// recorded in the curated sources).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_breakdowns: Vec<SourceBreakdown>,
    /// The source from which how the figures arise (`origin`) is known, when
    /// that is not the publisher's own description (e.g. a survey known
    /// only from news reports): a secondary one is said beside the origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_source: Option<String>,
    pub licence: String,
    pub sources: Vec<Source>,
    pub indicator: Indicator,
    pub coverage: Coverage,
    pub caveats: Vec<Caveat>,
    #[serde(default)]
    pub comparability: Vec<Comparability>,
    #[serde(default)]
    pub series: std::collections::BTreeMap<String, SeriesMeta>,
    /// Points from which the figures are counted differently.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<SeriesBreak>,
    /// The figures are a selection from a larger table (e.g. some
    /// providers): never summed, never ranked as if complete.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub selection: bool,
    /// Set when the figures describe a population that is not a place (a
    /// hotline network, a pooled survey, reporting companies): they are
    /// coded `001` but must not be read, listed or mapped as the world's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_scope: Option<PopulationScope>,
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

    /// The breaks a view over `periods` spans: some period lies before the
    /// break and some from it. A view that stays on one side spans none.
    pub fn breaks_within(&self, periods: &[Period]) -> Vec<&SeriesBreak> {
        self.breaks
            .iter()
            .filter(|b| {
                let at = b.period.start_year();
                periods.iter().any(|p| p.end_year() < at) && periods.iter().any(|p| p.start_year() >= at)
            })
            .collect()
    }

    /// Whether the figures are for places (countries, regions, the world).
    /// False for a population scope such as a hotline network: such a
    /// dataset is not "covering the world" on a place's profile.
    pub fn covers_places(&self) -> bool {
        self.population_scope.is_none()
    }

    /// The break that applies to a period (the latest one at or before it).
    pub fn break_for(&self, period: Period) -> Option<&SeriesBreak> {
        self.breaks
            .iter()
            .filter(|b| period.start_year() >= b.period.start_year())
            .max_by_key(|b| b.period)
    }

    /// One line per break the view spans, for the caveat panel, the export
    /// footer and the compare page: "Break in the series from 2024: …".
    pub fn break_notes(&self, periods: &[Period], tone: Tone, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        for b in self.breaks_within(periods) {
            let lead = W::BreakFrom.fill(lang, &[("period", &b.period.label())]);
            out.push(format!("{lead}: {}", b.reason.get(tone, lang)));
        }
        for b in &self.breaks {
            if let Some(sum) = &b.country_sum
                && periods.iter().any(|p| p.start_year() >= b.period.start_year())
            {
                out.push(sum.get(tone, lang).to_string());
            }
        }
        out
    }

    /// The plain sentence on the groups the figures are not split by
    /// ("Not broken down by sex, age group, …"), or None if none is absent.
    pub fn not_broken_down_by(&self, lang: Lang) -> Option<String> {
        let missing: Vec<&str> =
            Breakdown::ALL.iter().filter(|b| !self.breakdowns.contains(b)).map(|b| b.label(lang)).collect();
        let (lead, and) = (W::NotBrokenDownBy.get(lang), W::NotBrokenDownOr.get(lang));
        match missing.as_slice() {
            [] => None,
            [one] => Some(format!("{lead} {one}.")),
            [rest @ .., last] => Some(format!("{lead} {}, {and} {last}.", rest.join(", "))),
        }
    }

    /// The sentence on the groups the publisher gives figures by and the
    /// series here are not split by ("The source also publishes figures by
    /// sex and age group; not charted here."), in the technical tone with
    /// where each is given; "second-hand" when a cited source is secondary.
    /// None when the curated sources record none.
    pub fn source_breakdown_note(&self, tone: Tone, lang: Lang) -> Option<String> {
        if self.source_breakdowns.is_empty() {
            return None;
        }
        let mut groups: Vec<&str> = Vec::new();
        for b in &self.source_breakdowns {
            let label = b.breakdown.label(lang);
            if !groups.contains(&label) {
                groups.push(label);
            }
        }
        let and = W::ListAnd.get(lang);
        let groups = match groups.as_slice() {
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
            [] => String::new(),
        };
        let second_hand = self
            .source_breakdowns
            .iter()
            .any(|b| self.source(&b.source).is_some_and(|s| s.role == SourceRole::Secondary));
        let mut out = match tone {
            Tone::Plain => W::SourceAlsoPublishes.fill(lang, &[("groups", &groups)]),
            Tone::Technical => {
                let details: Vec<String> = self
                    .source_breakdowns
                    .iter()
                    .map(|b| {
                        let title = self.source(&b.source).map(|s| s.title.as_str()).unwrap_or(b.source.as_str());
                        let mut d = format!("{} \u{2014} {} ({title}", b.breakdown.label(lang), b.place.get(lang));
                        if self.source(&b.source).is_some_and(|s| s.role == SourceRole::Secondary) {
                            d.push_str(&format!(", {}", W::SecondarySource.get(lang)));
                        }
                        d.push(')');
                        d
                    })
                    .collect();
                let sep = match lang {
                    Lang::En => "; ",
                    Lang::Fr => " ; ",
                };
                W::SourceBreakdownsTechnical.fill(lang, &[("groups", &groups), ("details", &details.join(sep))])
            }
        };
        if second_hand && tone == Tone::Plain {
            out.push(' ');
            out.push_str(W::SourceBreakdownsSecondHand.get(lang));
        }
        Some(out)
    }

    /// The sentence saying that how the figures arise is known only from a
    /// secondary source (`origin_source`), or None.
    pub fn origin_note(&self, lang: Lang) -> Option<String> {
        let source = self.source(self.origin_source.as_deref()?)?;
        (source.role == SourceRole::Secondary).then(|| {
            W::OriginSecondHand.fill(lang, &[("origin", self.origin.label(lang)), ("who", &source.publisher)])
        })
    }

    /// Whether how the figures arise is known only from a secondary source.
    pub fn origin_second_hand(&self) -> bool {
        self.origin_source.as_deref().and_then(|id| self.source(id)).is_some_and(|s| s.role == SourceRole::Secondary)
    }

    /// The origin as the byline shows it: its label, marked when it is
    /// known only from a secondary source.
    pub fn origin_label(&self, lang: Lang) -> String {
        self.origin.marked_label(lang, self.origin_second_hand())
    }

    /// The legend lines for the grades present among `observations` (none
    /// when all are verbatim), naming the secondary sources and the
    /// derivations, in the tone and language asked for. Every view that
    /// shows a secondary or computed figure shows these lines beside it.
    pub fn grade_notes(&self, observations: &[Observation], tone: Tone, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        let mut secondary: Vec<&str> = observations
            .iter()
            .filter(|o| o.grade == Grade::Secondary)
            .filter_map(|o| self.source(&o.source_ref))
            .map(|s| s.publisher.as_str())
            .collect();
        secondary.sort_unstable();
        secondary.dedup();
        if observations.iter().any(|o| o.grade == Grade::Secondary) {
            let who = secondary.join("; ");
            let publisher = &self.publisher;
            let words = match tone {
                Tone::Plain => W::GradeNoteSecondaryPlain,
                Tone::Technical => W::GradeNoteSecondaryTechnical,
            };
            out.push(words.fill(lang, &[("who", &who), ("publisher", publisher)]));
        }
        let mut derivations: Vec<&str> =
            observations.iter().filter(|o| o.grade == Grade::Computed).map(|o| o.derivation.as_str()).collect();
        derivations.sort_unstable();
        derivations.dedup();
        if !derivations.is_empty() {
            let how = derivations.join("; ");
            let words = match tone {
                Tone::Plain => W::GradeNoteComputedPlain,
                Tone::Technical => W::GradeNoteComputedTechnical,
            };
            out.push(words.fill(lang, &[("how", &how)]));
        }
        out
    }

    /// Every line that must stand beside the caveats wherever `observations`
    /// are shown (caveat panel, export footer, CSV header, embed): the grade
    /// legend, the breaks the view spans and the country-sum warning, the
    /// selection note, the population when it is not a place, the plain
    /// "Not broken down by …" sentence, what the publisher gives by group
    /// and is not charted, and an origin known only second-hand. In this
    /// order; none is optional.
    pub fn figure_notes(&self, observations: &[Observation], tone: Tone, lang: Lang) -> Vec<String> {
        let periods: Vec<Period> = observations.iter().map(|o| o.period).collect();
        let mut out = self.grade_notes(observations, tone, lang);
        out.extend(self.break_notes(&periods, tone, lang));
        if let Some(s) = self.selection_note(tone, lang) {
            out.push(s.to_string());
        }
        if let Some(scope) = &self.population_scope {
            out.push(format!("{} {}.", W::PopulationScopeLead.get(lang), scope.label.get(lang)));
        }
        out.extend(self.not_broken_down_by(lang));
        out.extend(self.source_breakdown_note(tone, lang));
        out.extend(self.origin_note(lang));
        out
    }

    /// The sentences about the selection, where the figures are one.
    pub fn selection_note(&self, tone: Tone, lang: Lang) -> Option<&'static str> {
        if !self.selection {
            return None;
        }
        Some(match tone {
            Tone::Plain => W::SelectionNotePlain.get(lang),
            Tone::Technical => W::SelectionNoteTechnical.get(lang),
        })
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
    /// Where the figure was seen; see [`Grade`].
    #[serde(default)]
    pub grade: Grade,
    /// For a computed figure, how it was computed (e.g. "sum of Images,
    /// Videos and Other, 2024").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub derivation: String,
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
    /// The article its French name takes in a sentence ("le Kenya", "la
    /// France", "l'Inde", "les Philippines", "Madagascar"); `None` only for
    /// a data release older than the `article_fr` column. See
    /// `words::place_for`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_fr: Option<ArticleFr>,
}

/// The definite article of a French place name, as the sentence needs it:
/// "pour le Kenya", "au Kenya", "du Kenya".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ArticleFr {
    /// le (masculine singular, before a consonant): le Kenya, au Kenya, du Kenya
    #[serde(rename = "le")]
    Le,
    /// la (feminine singular, before a consonant): la France, à la France, de la France
    #[serde(rename = "la")]
    La,
    /// l' (singular, before a vowel or mute h): l'Inde, à l'Inde, de l'Inde
    #[serde(rename = "l'")]
    Elided,
    /// les (plural): les Philippines, aux Philippines, des Philippines
    #[serde(rename = "les")]
    Les,
    /// no article: Madagascar, à Madagascar, de Madagascar
    #[serde(rename = "none")]
    Bare,
}

impl ArticleFr {
    pub const ALL: [ArticleFr; 5] = [ArticleFr::Le, ArticleFr::La, ArticleFr::Elided, ArticleFr::Les, ArticleFr::Bare];

    /// As written in `reference/geographies.csv`: le, la, l', les, none.
    pub fn code(self) -> &'static str {
        match self {
            ArticleFr::Le => "le",
            ArticleFr::La => "la",
            ArticleFr::Elided => "l'",
            ArticleFr::Les => "les",
            ArticleFr::Bare => "none",
        }
    }

    pub fn parse(s: &str) -> Option<ArticleFr> {
        ArticleFr::ALL.into_iter().find(|a| a.code() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AvoidedTerm {
    pub term: String,
    /// The language the term belongs to: a French reader is told which
    /// French words to avoid, an English reader which English ones.
    #[serde(default)]
    pub lang: Lang,
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

impl GlossaryTerm {
    /// The terms to avoid in `lang` (each avoided term belongs to one
    /// language, English unless said otherwise).
    pub fn avoid_in(&self, lang: Lang) -> impl Iterator<Item = &AvoidedTerm> {
        self.avoid.iter().filter(move |a| a.lang == lang)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
