//! Loading a data package: all of it validates, or none of it is used.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use crate::model::{ArticleFr, Dataset, DatasetMeta, GeoKind, Geography, GlossaryTerm, Localised};
use crate::validate::{
    GEOGRAPHY_COLUMNS, OBSERVATION_COLUMNS, Report, ValidationError, ValidationErrors, check_meta,
    check_meta_against_observations, csv_text,
    header_is, is_identifier, read_observations,
};

/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
pub const DESCRIPTOR: &str = "datapackage.json";

/// Where package files come from: a folder, or files embedded in a binary.
pub trait FileSource {
    /// The bytes of `path` (relative, `/`-separated), or None if absent.
    fn read(&self, path: &str) -> Option<Vec<u8>>;
}

pub struct DirSource(pub PathBuf);

impl FileSource for DirSource {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(self.0.join(path)).ok()
    }
}

impl FileSource for BTreeMap<String, Vec<u8>> {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.get(path).cloned()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    pub name: String,
    pub title: String,
    /// The data release, `YYYY.MM.N` (the descriptor's `version`): what a
    /// citation, a pinned permalink and every export name.
    pub version: String,
    /// The release date, `YYYY-MM-DD` (the descriptor's `released`).
    pub released: String,
    pub datasets: Vec<Dataset>,
    pub geographies: Vec<Geography>,
    pub glossary: Vec<GlossaryTerm>,
}

impl Package {
    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.meta.id == id)
    }
    pub fn geography(&self, code: &str) -> Option<&Geography> {
        self.geographies.iter().find(|g| g.code == code)
    }
}

pub fn load_dir(dir: &Path) -> Result<Package, ValidationErrors> {
    load(&DirSource(dir.to_path_buf()))
}

#[derive(Deserialize)]
struct RawDescriptor {
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    released: String,
    resources: Vec<Value>,
}

#[derive(Deserialize)]
struct RawSchema {
    fields: Vec<RawField>,
}

#[derive(Deserialize)]
struct RawField {
    name: String,
}

/// Metadata as written in the package, before the id comes from `name`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    title: Localised,
    publisher: String,
    sector: crate::model::Sector,
    origin: crate::model::Origin,
    /// Required, even when empty: a dataset says what it is split by.
    breakdowns: Vec<crate::model::Breakdown>,
    /// Optional: absent when the curated sources record none.
    #[serde(default)]
    source_breakdowns: Vec<crate::model::SourceBreakdown>,
    #[serde(default)]
    origin_source: Option<String>,
    licence: String,
    sources: Vec<crate::model::Source>,
    indicator: crate::model::Indicator,
    coverage: crate::model::Coverage,
    caveats: Vec<crate::model::Caveat>,
    #[serde(default)]
    comparability: Vec<crate::model::Comparability>,
    #[serde(default)]
    series: BTreeMap<String, crate::model::SeriesMeta>,
    #[serde(default)]
    breaks: Vec<crate::model::SeriesBreak>,
    #[serde(default)]
    selection: bool,
    #[serde(default)]
    population_scope: Option<crate::model::PopulationScope>,
}

#[derive(Deserialize)]
struct RawGlossary {
    terms: Vec<GlossaryTerm>,
}

/// A resource path must stay inside the package.
fn safe_path(p: &str) -> bool {
    let path = Path::new(p);
    !p.is_empty()
        && !p.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

fn read_file(src: &dyn FileSource, path: &str, errors: &mut Vec<ValidationError>) -> Option<Vec<u8>> {
    let mut r = Report { file: path.to_string(), errors };
    match src.read(path) {
        None => {
            r.at(None, "file", "missing");
            None
        }
        Some(b) if b.len() > MAX_FILE_BYTES => {
            r.at(None, "file", format!("{} bytes is over the limit of {MAX_FILE_BYTES}", b.len()));
            None
        }
        Some(b) => Some(b),
    }
}

fn json_error_line(e: &serde_json::Error) -> Option<usize> {
    (e.line() > 0).then_some(e.line())
}

/// Loads and validates a whole package. Any error refuses all of it.
pub fn load(src: &dyn FileSource) -> Result<Package, ValidationErrors> {
    let mut errors = Vec::new();
    let Some(bytes) = read_file(src, DESCRIPTOR, &mut errors) else {
        return Err(ValidationErrors(errors));
    };
    let descriptor: RawDescriptor = match serde_json::from_slice(&bytes) {
        Ok(d) => d,
        Err(e) => {
            let mut r = Report { file: DESCRIPTOR.into(), errors: &mut errors };
            r.at(json_error_line(&e), "json", e.to_string());
            return Err(ValidationErrors(errors));
        }
    };

    {
        let mut r = Report { file: DESCRIPTOR.into(), errors: &mut errors };
        if !is_release(&descriptor.version) {
            r.at(None, "version", format!("'{}' is not a data release of the form YYYY.MM.N", descriptor.version));
        }
        if !is_iso_date(&descriptor.released) {
            r.at(None, "released", format!("'{}' is not a release date of the form YYYY-MM-DD", descriptor.released));
        }
    }

    // First pass: find the reference resources and the datasets.
    let mut names = HashSet::new();
    let mut dataset_resources = Vec::new();
    let mut geo_path = None;
    let mut glossary_path = None;
    for (i, res) in descriptor.resources.iter().enumerate() {
        let mut r = Report { file: DESCRIPTOR.into(), errors: &mut errors };
        let field = |k: &str| format!("resources[{i}].{k}");
        let name = res.get("name").and_then(Value::as_str).unwrap_or("");
        let path = res.get("path").and_then(Value::as_str).unwrap_or("");
        if !is_identifier(name) {
            r.at(None, field("name"), format!("'{name}' is not a lowercase identifier"));
            continue;
        }
        if !names.insert(name.to_string()) {
            r.at(None, field("name"), format!("duplicate resource name '{name}'"));
            continue;
        }
        if !safe_path(path) {
            r.at(None, field("path"), format!("'{path}' must be a relative path inside the package"));
            continue;
        }
        match name {
            "geographies" => geo_path = Some(path.to_string()),
            "glossary" => glossary_path = Some(path.to_string()),
            _ if res.get("evidence").is_some() => dataset_resources.push((i, name.to_string(), path.to_string())),
            _ => r.at(None, field("evidence"), format!("resource '{name}' has no evidence metadata")),
        }
    }

    let glossary = match glossary_path {
        None => {
            Report { file: DESCRIPTOR.into(), errors: &mut errors }.at(None, "resources", "no 'glossary' resource");
            Vec::new()
        }
        Some(p) => load_glossary(src, &p, &mut errors),
    };
    let glossary_ids: HashSet<String> = glossary.iter().map(|t| t.id.clone()).collect();
    let geographies = match geo_path {
        None => {
            Report { file: DESCRIPTOR.into(), errors: &mut errors }.at(None, "resources", "no 'geographies' resource");
            Vec::new()
        }
        Some(p) => load_geographies(src, &p, &mut errors),
    };
    let geo_codes: HashSet<String> = geographies.iter().map(|g| g.code.clone()).collect();

    let mut datasets = Vec::new();
    for (i, name, path) in dataset_resources {
        let res = &descriptor.resources[i];
        let mut r = Report { file: DESCRIPTOR.into(), errors: &mut errors };
        let schema_ok = match res.get("schema").cloned().map(serde_json::from_value::<RawSchema>) {
            Some(Ok(s)) if s.fields.iter().map(|f| f.name.as_str()).eq(OBSERVATION_COLUMNS.iter().copied()) => true,
            Some(Ok(_)) => {
                r.at(None, format!("resources[{i}].schema.fields"), format!("must be the columns {}", OBSERVATION_COLUMNS.join(",")));
                false
            }
            _ => {
                r.at(None, format!("resources[{i}].schema"), "missing or malformed Table Schema");
                false
            }
        };
        let raw = res.get("evidence").cloned().unwrap_or(Value::Null);
        let meta: RawMeta = match serde_path_to_error::deserialize(raw) {
            Ok(m) => m,
            Err(e) => {
                r.at(None, format!("resources[{i}].evidence.{}", e.path()), e.inner().to_string());
                continue;
            }
        };
        let meta = DatasetMeta {
            id: name.clone(),
            title: meta.title,
            description: res.get("description").and_then(Value::as_str).unwrap_or("").to_string(),
            publisher: meta.publisher,
            sector: meta.sector,
            origin: meta.origin,
            breakdowns: meta.breakdowns,
            source_breakdowns: meta.source_breakdowns,
            origin_source: meta.origin_source,
            licence: meta.licence,
            sources: meta.sources,
            indicator: meta.indicator,
            coverage: meta.coverage,
            caveats: meta.caveats,
            comparability: meta.comparability,
            series: meta.series,
            breaks: meta.breaks,
            selection: meta.selection,
            population_scope: meta.population_scope,
        };
        let mut r = Report { file: format!("{DESCRIPTOR} ({name})"), errors: &mut errors };
        check_meta(&mut r, &meta, &glossary_ids);
        if !schema_ok {
            continue;
        }
        let Some(bytes) = read_file(src, &path, &mut errors) else { continue };
        let mut r = Report { file: path.clone(), errors: &mut errors };
        let observations = read_observations(&mut r, &bytes, &meta, &geo_codes);
        let mut r = Report { file: format!("{DESCRIPTOR} ({name})"), errors: &mut errors };
        check_meta_against_observations(&mut r, &meta, &observations);
        datasets.push(Dataset { meta, observations });
    }

    // Cross-dataset rule: comparability points at datasets that exist.
    let ids: HashSet<&str> = datasets.iter().map(|d| d.meta.id.as_str()).collect();
    for d in &datasets {
        for c in &d.meta.comparability {
            if !ids.contains(c.dataset.as_str()) {
                let mut r = Report { file: format!("{DESCRIPTOR} ({})", d.meta.id), errors: &mut errors };
                r.at(None, "evidence.comparability", format!("unknown dataset '{}'", c.dataset));
            }
        }
    }
    if datasets.is_empty() && errors.is_empty() {
        Report { file: DESCRIPTOR.into(), errors: &mut errors }.at(None, "resources", "the package has no datasets");
    }

    if errors.is_empty() {
        Ok(Package {
            name: descriptor.name,
            title: descriptor.title,
            version: descriptor.version,
            released: descriptor.released,
            datasets,
            geographies,
            glossary,
        })
    } else {
        Err(ValidationErrors(errors))
    }
}

fn load_glossary(src: &dyn FileSource, path: &str, errors: &mut Vec<ValidationError>) -> Vec<GlossaryTerm> {
    let Some(bytes) = read_file(src, path, errors) else { return Vec::new() };
    let mut r = Report { file: path.to_string(), errors };
    let raw: RawGlossary = match serde_json::from_slice::<Value>(&bytes)
        .map_err(|e| (json_error_line(&e), "json".to_string(), e.to_string()))
        .and_then(|v| serde_path_to_error::deserialize(v).map_err(|e| (None, e.path().to_string(), e.inner().to_string())))
    {
        Ok(g) => g,
        Err((line, field, problem)) => {
            r.at(line, field, problem);
            return Vec::new();
        }
    };
    let mut seen = HashSet::new();
    for (i, t) in raw.terms.iter().enumerate() {
        if !is_identifier(&t.id) {
            r.at(None, format!("terms[{i}].id"), format!("'{}' is not a lowercase identifier", t.id));
        }
        if !seen.insert(t.id.as_str()) {
            r.at(None, format!("terms[{i}].id"), format!("duplicate term '{}'", t.id));
        }
        for (field, text) in [("term", &t.term), ("plain", &t.plain), ("technical", &t.technical)] {
            if text.en.trim().is_empty() {
                r.at(None, format!("terms[{i}].{field}.en"), "empty text");
            }
        }
    }
    raw.terms
}

fn load_geographies(src: &dyn FileSource, path: &str, errors: &mut Vec<ValidationError>) -> Vec<Geography> {
    let Some(bytes) = read_file(src, path, errors) else { return Vec::new() };
    let mut r = Report { file: path.to_string(), errors };
    let Some(text) = csv_text(&mut r, &bytes) else { return Vec::new() };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    // A data release older than the `article_fr` column has the first seven.
    let older = matches!(reader.headers(), Ok(h) if h.iter().eq(GEOGRAPHY_COLUMNS[..7].iter().copied()));
    let columns = if older { &GEOGRAPHY_COLUMNS[..7] } else { &GEOGRAPHY_COLUMNS[..] };
    if !header_is(&mut r, &mut reader, columns) {
        return Vec::new();
    }
    let mut out: Vec<Geography> = Vec::new();
    let mut lines: HashMap<String, usize> = HashMap::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        let rec = match rec {
            Ok(rec) if rec.len() == columns.len() => rec,
            Ok(rec) => {
                r.at(Some(line), "row", format!("expected {} fields, found {}", columns.len(), rec.len()));
                continue;
            }
            Err(e) => {
                r.at(Some(line), "row", format!("unreadable CSV row: {e}"));
                continue;
            }
        };
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let code = &rec[0];
        if code.is_empty() || code.len() > 12 || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-') {
            r.at(Some(line), "code", format!("'{code}' is not a geography code"));
            continue;
        }
        let Some(kind) = GeoKind::parse(&rec[1]) else {
            r.at(Some(line), "kind", format!("'{}' is not one of world, region, subregion, country, subnational, special", &rec[1]));
            continue;
        };
        if rec[2].trim().is_empty() {
            r.at(Some(line), "name_en", "empty name");
        }
        let article_fr = match rec.get(7) {
            None => None,
            Some(a) => match ArticleFr::parse(a) {
                Some(a) => Some(a),
                None => {
                    r.at(Some(line), "article_fr", format!("'{a}' is not one of le, la, l', les, none"));
                    None
                }
            },
        };
        if let Some(first) = lines.insert(code.to_string(), line) {
            r.at(Some(line), "code", format!("duplicate of line {first}"));
            continue;
        }
        out.push(Geography {
            code: code.to_string(),
            kind,
            name: Localised { en: rec[2].to_string(), fr: opt(&rec[3]) },
            parent: opt(&rec[4]),
            iso2: opt(&rec[5]),
            m49: opt(&rec[6]),
            article_fr,
        });
    }
    for g in &out {
        if let Some(p) = &g.parent
            && !lines.contains_key(p)
        {
            r.at(lines.get(&g.code).copied(), "parent", format!("unknown parent '{p}'"));
        }
    }
    out
}

/// `YYYY.MM.N`: a year, a month 1-12 and a release number within the month.
pub fn is_release(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 3
        && digits(parts[0], 4..=4)
        && digits(parts[1], 1..=2)
        && (1..=12).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && digits(parts[2], 1..=3)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

#[cfg(test)]
mod release_tests {
    use super::*;

    #[test]
    fn release_numbers_and_dates_are_checked() {
        assert!(is_release("2026.12.0"));
        assert!(is_release("2027.1.3"));
        assert!(!is_release("1.0.0"));
        assert!(!is_release("2026.13.0"));
        assert!(!is_release("2026.12"));
        assert!(is_iso_date("2026-12-02"));
        assert!(!is_iso_date("2026-12-2"));
        assert!(!is_iso_date("2026-00-10"));
    }
}
