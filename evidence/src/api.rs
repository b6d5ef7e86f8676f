//! The JSON shapes of API v1, shared by the server (which builds them) and
//! the app (which reads them), so the two cannot drift apart.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::model::{
    Breakdown, Caveat, Comparability, Dataset, DatasetMeta, GeoKind, Geography, Grade, Localised, Method, Observation,
    Origin, PopulationScope, Sector,
    SeriesMeta, Source, ToneText, Unit,
};
use crate::aggregate::{countries_in, regional_totals};
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
    /// True when how the figures arise is known only from a secondary source.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub origin_second_hand: bool,
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
    /// The unit after a figure of one, where it differs ("report").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_label_one: Option<Localised>,
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

/// The versions of the server and of the data it serves: the data
/// release (`YYYY.MM.N`) and its date name what a citation, a pinned
/// permalink and every export cite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionInfo {
    /// The server's own version.
    pub server: String,
    /// The data package's name.
    pub data_package: String,
    /// The data release being served, `YYYY.MM.N`.
    pub data_version: String,
    /// The date of that release, `YYYY-MM-DD`. Always sent; optional for
    /// readers (`serde(default)`) because servers before releases lack it.
    #[serde(default)]
    pub data_released: String,
    /// SHA-256 over the package files, hex.
    pub data_hash: String,
    /// Earlier data releases this server keeps: links pinned to them with
    /// `release=` are served with their data.
    #[serde(default)]
    pub earlier_releases: Vec<ReleaseInfo>,
}

/// A data release: its number and date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReleaseInfo {
    /// `YYYY.MM.N`.
    pub version: String,
    /// `YYYY-MM-DD`.
    pub released: String,
}

impl From<&Package> for ReleaseInfo {
    fn from(p: &Package) -> Self {
        ReleaseInfo { version: p.version.clone(), released: p.released.clone() }
    }
}

/// What `/api/v1/version` says: `server` is the serving program's version,
/// `hash` the package's file hash, `earlier` the other releases it keeps.
pub fn version_info(server: &str, pkg: &Package, hash: &str, earlier: Vec<ReleaseInfo>) -> VersionInfo {
    VersionInfo {
        server: server.to_string(),
        data_package: pkg.name.clone(),
        data_version: pkg.version.clone(),
        data_released: pkg.released.clone(),
        data_hash: hash.to_string(),
        earlier_releases: earlier,
    }
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
        origin_second_hand: m.origin_second_hand(),
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
        unit_label_one: m.indicator.unit_label_one.clone(),
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

/// The catalogue: every dataset with its coverage summary and caveats.
pub fn dataset_list(pkg: &Package) -> DatasetList {
    DatasetList { datasets: pkg.datasets.iter().map(|d| dataset_summary(d, pkg)).collect() }
}

/// Some of a dataset's figures (all of them, or those a filter kept), with
/// the names of their geographies, the sources they cite and the series labels.
pub fn observation_list(pkg: &Package, d: &Dataset, observations: Vec<Observation>) -> ObservationList {
    let mut codes: Vec<&str> = observations.iter().map(|o| o.geo.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    let mut used_sources: Vec<&str> = observations.iter().map(|o| o.source_ref.as_str()).collect();
    used_sources.sort_unstable();
    used_sources.dedup();
    ObservationList {
        dataset: d.meta.id.clone(),
        unit: d.meta.indicator.unit,
        geographies: codes.iter().filter_map(|c| pkg.geography(c)).map(GeoName::from).collect(),
        sources: d.meta.sources.iter().filter(|s| used_sources.contains(&s.id.as_str())).cloned().collect(),
        series: d.meta.series.clone(),
        observations,
    }
}

/// Every glossary term with the datasets that use it, in the indicator's
/// terms or as a series' preferred term.
pub fn glossary(pkg: &Package) -> Glossary {
    let terms = pkg
        .glossary
        .iter()
        .map(|t| GlossaryEntry {
            term: t.clone(),
            datasets: pkg
                .datasets
                .iter()
                .filter(|d| {
                    d.meta.indicator.glossary.contains(&t.id)
                        || d.meta.series.values().any(|s| s.preferred_term.as_deref() == Some(t.id.as_str()))
                })
                .map(|d| d.meta.id.clone())
                .collect(),
        })
        .collect();
    Glossary { terms }
}

/// Datasets x geographies x periods: one cell per dataset and geography
/// with figures, so that where evidence is missing is as visible as where
/// it exists.
pub fn coverage_matrix(pkg: &Package) -> CoverageMatrix {
    let geo_index: BTreeMap<&str, usize> = pkg.geographies.iter().enumerate().map(|(i, g)| (g.code.as_str(), i)).collect();
    let mut cells = Vec::new();
    for (di, d) in pkg.datasets.iter().enumerate() {
        let mut by_geo: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for o in &d.observations {
            if let Some(&gi) = geo_index.get(o.geo.as_str()) {
                by_geo.entry(gi).or_default().push(o.period.to_string());
            }
        }
        for (gi, mut periods) in by_geo {
            periods.sort();
            periods.dedup();
            cells.push(CoverageCell { dataset: di, geo: gi, periods });
        }
    }
    CoverageMatrix {
        datasets: pkg.datasets.iter().map(|d| DatasetRef::from(&d.meta)).collect(),
        geographies: pkg.geographies.iter().map(GeoName::from).collect(),
        cells,
    }
}

/// A country or region profile: each dataset's figures for it (for a region
/// without its own figures, the sum of its countries'), and the datasets
/// that have none. None for an unknown code.
pub fn geo_profile(pkg: &Package, code: &str) -> Option<GeoProfile> {
    let geography = pkg.geography(code)?.clone();
    let parent = geography.parent.as_deref().and_then(|p| pkg.geography(p)).map(GeoName::from);
    let children = pkg.geographies.iter().filter(|g| g.parent.as_deref() == Some(code)).map(GeoName::from).collect();
    let mut covered = Vec::new();
    let mut not_covered = Vec::new();
    for d in &pkg.datasets {
        match geo_entry(pkg, d, code) {
            Some(e) => covered.push(e),
            None => not_covered.push(DatasetRef::from(&d.meta)),
        }
    }
    Some(GeoProfile { geography, parent, children, covered, not_covered })
}

/// One dataset's figures for a geography, or None when it has none there
/// (nor, for a region, any of its countries).
fn geo_entry(pkg: &Package, d: &Dataset, code: &str) -> Option<GeoDatasetEntry> {
    let mut own: Vec<Observation> = d.observations.iter().filter(|o| o.geo == code).cloned().collect();
    let mut countries_covered = None;
    let mut countries_with_data = Vec::new();
    let is_aggregate = pkg.geography(code).is_some_and(|g| g.kind.is_aggregate());
    if own.is_empty() && is_aggregate {
        let members = countries_in(&pkg.geographies, code);
        countries_with_data = d.geos().into_iter().filter(|g| members.iter().any(|m| m == g)).map(String::from).collect();
        if let Some(totals) = regional_totals(&pkg.geographies, d, code) {
            if let Some(last) = totals.last() {
                countries_covered = Some((last.countries_reporting, last.countries_in_region));
            }
            own = totals.iter().map(|t| t.to_observation(code)).collect();
        }
    }
    if own.is_empty() && countries_with_data.is_empty() {
        return None;
    }
    own.sort_by(|a, b| (a.period, &a.series).cmp(&(b.period, &b.series)));
    Some(GeoDatasetEntry {
        dataset: DatasetRef::from(&d.meta),
        latest: latest_per_series(&own),
        history: own,
        countries_covered,
        countries_with_data,
        caveats: d.meta.caveats.clone(),
    })
}

/// The figure of the latest period of each series, in the order the series
/// first appear.
fn latest_per_series(rows: &[Observation]) -> Vec<Observation> {
    let mut latest: Vec<Observation> = Vec::new();
    for o in rows {
        match latest.iter_mut().find(|l| l.series == o.series) {
            Some(l) if o.period > l.period => *l = o.clone(),
            Some(_) => {}
            None => latest.push(o.clone()),
        }
    }
    latest
}

/// Comparability entries for `a` against `b`, from either side's metadata.
pub fn declared_comparability<'a>(a: &'a DatasetMeta, b: &'a DatasetMeta) -> Vec<&'a Comparability> {
    a.comparability
        .iter()
        .filter(|c| c.dataset == b.id)
        .chain(b.comparability.iter().filter(|c| c.dataset == a.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Period;

    fn package() -> Package {
        crate::package::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).expect("the data package is valid")
    }

    #[test]
    fn an_observation_list_names_only_the_geographies_and_sources_its_figures_use() {
        let pkg = package();
        let d = pkg.dataset("ncmec-cybertipline-by-country").unwrap();
        let kenya: Vec<Observation> = d.observations.iter().filter(|o| o.geo == "KEN").cloned().collect();
        assert!(!kenya.is_empty());
        let list = observation_list(&pkg, d, kenya.clone());
        assert_eq!(list.dataset, "ncmec-cybertipline-by-country");
        assert_eq!(list.geographies.iter().map(|g| g.code.as_str()).collect::<Vec<_>>(), ["KEN"]);
        assert_eq!(list.geographies[0].name.en, "Kenya");
        let mut cited: Vec<&str> = kenya.iter().map(|o| o.source_ref.as_str()).collect();
        cited.sort_unstable();
        cited.dedup();
        let mut listed: Vec<&str> = list.sources.iter().map(|s| s.id.as_str()).collect();
        listed.sort_unstable();
        assert_eq!(listed, cited);
        assert_eq!(list.observations, kenya);
    }

    #[test]
    fn the_coverage_matrix_has_a_cell_for_each_dataset_and_geography_with_figures() {
        let pkg = package();
        let m = coverage_matrix(&pkg);
        let di = pkg.datasets.iter().position(|d| d.meta.id == "ncmec-cybertipline-by-country").unwrap();
        let gi = pkg.geographies.iter().position(|g| g.code == "KEN").unwrap();
        let cell = m.cells.iter().find(|c| c.dataset == di && c.geo == gi).expect("NCMEC has figures for Kenya");
        let mut expected: Vec<String> = pkg.datasets[di].observations.iter().filter(|o| o.geo == "KEN").map(|o| o.period.to_string()).collect();
        expected.sort();
        expected.dedup();
        // One entry per period, however many series report it.
        assert_eq!(cell.periods, expected);
        let geos = &pkg.geographies;
        let pairs: std::collections::BTreeSet<(usize, usize)> = pkg
            .datasets
            .iter()
            .enumerate()
            .flat_map(|(di, d)| d.observations.iter().filter_map(move |o| geos.iter().position(|g| g.code == o.geo).map(|gi| (di, gi))))
            .collect();
        assert_eq!(m.cells.len(), pairs.len());
        assert_eq!(m.datasets.len(), pkg.datasets.len());
        assert_eq!(m.geographies.len(), pkg.geographies.len());
    }

    #[test]
    fn a_glossary_term_lists_exactly_the_datasets_that_use_it() {
        let pkg = package();
        let g = glossary(&pkg);
        assert_eq!(g.terms.len(), pkg.glossary.len());
        for d in &pkg.datasets {
            for term in &d.meta.indicator.glossary {
                let entry = g.terms.iter().find(|e| &e.term.id == term).unwrap();
                assert!(entry.datasets.contains(&d.meta.id), "{term} lists {}", d.meta.id);
            }
        }
        for e in &g.terms {
            for id in &e.datasets {
                let m = &pkg.dataset(id).unwrap().meta;
                assert!(m.indicator.glossary.contains(&e.term.id) || m.series.values().any(|s| s.preferred_term.as_deref() == Some(&e.term.id)));
            }
        }
    }

    #[test]
    fn a_region_profile_sums_counts_over_its_countries_and_never_percentages() {
        let pkg = package();
        let p = geo_profile(&pkg, "014").expect("Eastern Africa");
        assert_eq!(p.geography.code, "014");
        assert!(p.children.iter().any(|c| c.code == "KEN"));
        assert_eq!(p.covered.len() + p.not_covered.len(), pkg.datasets.len());
        let ncmec = p.covered.iter().find(|e| e.dataset.id == "ncmec-cybertipline-by-country").expect("counts are summed");
        let totals = regional_totals(&pkg.geographies, pkg.dataset("ncmec-cybertipline-by-country").unwrap(), "014").unwrap();
        let last = totals.last().unwrap();
        assert_eq!(ncmec.countries_covered, Some((last.countries_reporting, last.countries_in_region)));
        let y2023 = ncmec.history.iter().find(|o| o.period == Period::Year(2023)).unwrap();
        assert_eq!(y2023.value, totals.iter().find(|t| t.period == Period::Year(2023)).unwrap().value);
        assert!(ncmec.countries_with_data.contains(&"KEN".to_string()));
        // The latest figure of each series is the one of its last period.
        for l in &ncmec.latest {
            assert!(ncmec.history.iter().filter(|o| o.series == l.series).all(|o| o.period <= l.period));
        }
        let prevalence = p.covered.iter().find(|e| e.dataset.id == "dh-tf-csea-prevalence").expect("its countries are listed");
        assert!(prevalence.history.is_empty() && prevalence.countries_covered.is_none());
        assert!(!prevalence.countries_with_data.is_empty());
        assert!(geo_profile(&pkg, "XXX").is_none());
    }
    #[test]
    fn version_info_reads_a_server_from_before_releases() {
        let pkg = package();
        let v = version_info("9.9.9", &pkg, "abc", vec![ReleaseInfo::from(&pkg)]);
        assert_eq!((v.data_version.as_str(), v.data_released.as_str()), (pkg.version.as_str(), pkg.released.as_str()));
        assert_eq!(v.earlier_releases[0].version, pkg.version);
        // An older server sent neither the release date nor earlier releases.
        let old: VersionInfo = serde_json::from_str(r#"{"server":"0.1.0","data_package":"p","data_version":"2025.01.1","data_hash":"ff"}"#).unwrap();
        assert_eq!((old.data_released.as_str(), old.earlier_releases.len()), ("", 0));
    }
}
