//! The JSON shapes of API v1, shared by the server (which builds them) and
//! the app (which reads them), so the two cannot drift apart.

use serde::{Deserialize, Serialize};

use crate::model::{
    Breakdown, Caveat, Comparability, Dataset, DatasetMeta, GeoKind, Geography, Grade, Localised, Method, Observation,
    Origin, PopulationScope, Sector,
    SeriesMeta, Source, ToneText, Unit,
};
use crate::package::Package;
use crate::period::Period;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageSummary {
    /// Number of distinct geographies with at least one figure.
    pub geographies: usize,
    pub countries: usize,
    pub first_year: i32,
    pub last_year: i32,
    pub periods: Vec<String>,
    pub series: usize,
    pub observations: usize,
    pub population: ToneText,
    pub geographic_scope: Localised,
    pub method: Method,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetSummary {
    pub id: String,
    pub title: Localised,
    pub publisher: String,
    pub sector: Sector,
    /// How the figures arise (company reports, household survey...).
    pub origin: Origin,
    /// The groups the figures are split by (often none).
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    /// The provenance grades present among the figures, in order.
    #[serde(default)]
    pub grades: Vec<Grade>,
    /// The periods from which the figures are counted differently.
    #[serde(default)]
    pub breaks: Vec<Period>,
    /// Some rows of a larger table: never summed or ranked as complete.
    #[serde(default)]
    pub selection: bool,
    /// Set when the population is not a place (coded 001 but not the world).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_scope: Option<PopulationScope>,
    pub unit: Unit,
    pub unit_label: Localised,
    pub indicator: Localised,
    pub coverage: CoverageSummary,
    pub caveats: Vec<Caveat>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetList {
    pub datasets: Vec<DatasetSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetDetail {
    #[serde(flatten)]
    pub meta: DatasetMeta,
    pub coverage_summary: CoverageSummary,
    /// Every geography code with data, for pickers.
    pub geos: Vec<String>,
    pub series_names: Vec<String>,
    /// The glossary terms the indicator uses, with their names, so that a
    /// chart page can link them without loading the whole glossary.
    pub glossary_terms: Vec<TermName>,
}

/// A glossary term's id (its anchor on /glossary) and its name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermName {
    pub id: String,
    pub term: Localised,
}

/// A geography's code and names, sent beside observations so a client can
/// label them without a second request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoName {
    pub code: String,
    pub kind: GeoKind,
    pub name: Localised,
}

impl From<&Geography> for GeoName {
    fn from(g: &Geography) -> Self {
        GeoName { code: g.code.clone(), kind: g.kind, name: g.name.clone() }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObservationList {
    pub dataset: String,
    pub unit: Unit,
    pub observations: Vec<Observation>,
    pub geographies: Vec<GeoName>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub series: std::collections::BTreeMap<String, SeriesMeta>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetRef {
    pub id: String,
    pub title: Localised,
    pub unit: Unit,
    pub method: Method,
    /// The publisher's sector and how the figures arise, so that coverage
    /// can be shown and filtered by them.
    pub sector: Sector,
    pub origin: Origin,
    #[serde(default)]
    pub breakdowns: Vec<Breakdown>,
    /// False when the figures describe a population that is not a place
    /// (coded 001 but not the world's figure).
    #[serde(default = "yes")]
    pub covers_places: bool,
}

fn yes() -> bool {
    true
}

impl From<&DatasetMeta> for DatasetRef {
    fn from(m: &DatasetMeta) -> Self {
        DatasetRef {
            id: m.id.clone(),
            title: m.title.clone(),
            unit: m.indicator.unit,
            method: m.coverage.method,
            sector: m.sector,
            origin: m.origin,
            breakdowns: m.breakdowns.clone(),
            covers_places: m.covers_places(),
        }
    }
}

/// What one dataset says about one geography.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoDatasetEntry {
    pub dataset: DatasetRef,
    /// The latest figure per series (a region: the sum over reporting countries).
    pub latest: Vec<Observation>,
    /// All figures for this geography, oldest first, for a sparkline.
    pub history: Vec<Observation>,
    /// For a region: how many of its countries the figures cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub countries_covered: Option<(usize, usize)>,
    /// For a region: its countries that have figures. Percentages are listed
    /// country by country, never averaged into a regional figure.
    #[serde(default)]
    pub countries_with_data: Vec<String>,
    pub caveats: Vec<Caveat>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoProfile {
    pub geography: Geography,
    pub parent: Option<GeoName>,
    pub children: Vec<GeoName>,
    pub covered: Vec<GeoDatasetEntry>,
    /// Datasets with nothing for this place: no data is information.
    pub not_covered: Vec<DatasetRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GeoList {
    pub geographies: Vec<Geography>,
}

/// Which dataset has figures for which geography in which periods.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageMatrix {
    pub datasets: Vec<DatasetRef>,
    pub geographies: Vec<GeoName>,
    /// (dataset index, geography index, periods with a figure)
    pub cells: Vec<CoverageCell>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageCell {
    pub dataset: usize,
    pub geo: usize,
    pub periods: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GlossaryEntry {
    #[serde(flatten)]
    pub term: crate::model::GlossaryTerm,
    /// Datasets whose indicator or series use the term.
    pub datasets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Glossary {
    pub terms: Vec<GlossaryEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionInfo {
    pub server: String,
    pub data_package: String,
    pub data_version: String,
    /// SHA-256 over the package files, hex.
    pub data_hash: String,
}

pub fn coverage_summary(d: &Dataset, pkg: &Package) -> CoverageSummary {
    let geos = d.geos();
    let countries = geos
        .iter()
        .filter(|g| pkg.geography(g).is_some_and(|g| g.kind == GeoKind::Country))
        .count();
    let periods = d.periods();
    CoverageSummary {
        geographies: geos.len(),
        countries,
        first_year: periods.iter().map(|p| p.start_year()).min().unwrap_or(0),
        last_year: periods.iter().map(|p| p.end_year()).max().unwrap_or(0),
        periods: periods.iter().map(|p| p.to_string()).collect(),
        series: d.series_names().len(),
        observations: d.observations.len(),
        population: d.meta.coverage.population.clone(),
        geographic_scope: d.meta.coverage.geographic_scope.clone(),
        method: d.meta.coverage.method,
    }
}

pub fn dataset_summary(d: &Dataset, pkg: &Package) -> DatasetSummary {
    let m = &d.meta;
    DatasetSummary {
        id: m.id.clone(),
        title: m.title.clone(),
        publisher: m.publisher.clone(),
        sector: m.sector,
        origin: m.origin,
        breakdowns: m.breakdowns.clone(),
        grades: {
            let mut g: Vec<Grade> = d.observations.iter().map(|o| o.grade).collect();
            g.sort_unstable();
            g.dedup();
            g
        },
        breaks: m.breaks.iter().map(|b| b.period).collect(),
        selection: m.selection,
        population_scope: m.population_scope.clone(),
        unit: m.indicator.unit,
        unit_label: m.indicator.unit_label.clone(),
        indicator: m.indicator.name.clone(),
        coverage: coverage_summary(d, pkg),
        caveats: m.caveats.clone(),
    }
}

pub fn dataset_detail(d: &Dataset, pkg: &Package) -> DatasetDetail {
    DatasetDetail {
        meta: d.meta.clone(),
        coverage_summary: coverage_summary(d, pkg),
        geos: d.geos().into_iter().map(String::from).collect(),
        series_names: d.series_names().into_iter().map(String::from).collect(),
        glossary_terms: d
            .meta
            .indicator
            .glossary
            .iter()
            .filter_map(|id| pkg.glossary.iter().find(|t| &t.id == id))
            .map(|t| TermName { id: t.id.clone(), term: t.term.clone() })
            .collect(),
    }
}

/// Comparability entries for `a` against `b`, from either side's metadata.
pub fn declared_comparability<'a>(a: &'a DatasetMeta, b: &'a DatasetMeta) -> Vec<&'a Comparability> {
    a.comparability
        .iter()
        .filter(|c| c.dataset == b.id)
        .chain(b.comparability.iter().filter(|c| c.dataset == a.id))
        .collect()
}
