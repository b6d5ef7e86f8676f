//! Validation errors and the rules each part of a data package must meet.
//! Every rule reports where it failed as `file:row: field: problem`, and all
//! errors are collected so that a curator sees them at once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::model::{CaveatKind, CaveatTopic, DatasetMeta, Grade, Localised, Observation, SourceRole, ToneText, Unit};
use crate::period::Period;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ValidationError {
    /// Path of the file inside the package, e.g. `observations/iwf-reports.csv`.
    pub file: String,
    /// 1-based line in the file (the CSV header is line 1), where known.
    pub row: Option<usize>,
    pub field: String,
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.row {
            Some(row) => write!(f, "{}:{}: {}: {}", self.file, row, self.field, self.problem),
            None => write!(f, "{}: {}: {}", self.file, self.field, self.problem),
        }
    }
}

/// All the errors found in a package; never empty.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors(pub Vec<ValidationError>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

/// Collects errors for one file.
pub(crate) struct Report<'a> {
    pub file: String,
    pub errors: &'a mut Vec<ValidationError>,
}

impl Report<'_> {
    pub fn at(&mut self, row: Option<usize>, field: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(ValidationError {
            file: self.file.clone(),
            row,
            field: field.into(),
            problem: problem.into(),
        });
    }
}

pub const OBSERVATION_COLUMNS: [&str; 10] =
    ["series", "geo", "period", "value", "lower", "upper", "note", "source_ref", "grade", "derivation"];
pub const GEOGRAPHY_COLUMNS: [&str; 8] = ["code", "kind", "name_en", "name_fr", "parent", "iso2", "m49", "article_fr"];

/// Largest magnitude accepted for a figure: above any real count, so a
/// larger one is a typing or unit error.
pub const MAX_ABS_VALUE: f64 = 1e15;

pub fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Plain decimal numbers only: no exponents, separators, NaN or infinity,
/// so that what is in the file is exactly what the source printed.
pub fn parse_plain_number(s: &str) -> Result<f64, &'static str> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !ok {
        return Err("not a plain decimal number");
    }
    let v: f64 = s.parse().map_err(|_| "not a number")?;
    if !v.is_finite() || v.abs() > MAX_ABS_VALUE {
        return Err("number too large");
    }
    Ok(v)
}

fn check_localised(r: &mut Report, field: &str, text: &Localised) {
    if text.en.trim().is_empty() {
        r.at(None, format!("{field}.en"), "empty text");
    }
}

fn check_tone_text(r: &mut Report, field: &str, text: &ToneText) {
    check_localised(r, &format!("{field}.plain"), &text.plain);
    check_localised(r, &format!("{field}.technical"), &text.technical);
}

fn check_url(r: &mut Report, field: &str, url: &str) {
    if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
        r.at(None, field, format!("'{url}' is not an http(s) URL"));
    }
}

/// Rules on a dataset's metadata that need nothing else.
pub(crate) fn check_meta(r: &mut Report, meta: &DatasetMeta, glossary: &HashSet<String>) {
    check_localised(r, "evidence.title", &meta.title);
    if meta.publisher.trim().is_empty() {
        r.at(None, "evidence.publisher", "empty text");
    }
    if meta.sources.is_empty() {
        r.at(None, "evidence.sources", "a dataset needs at least one source");
    }
    let mut source_ids = HashSet::new();
    for (i, s) in meta.sources.iter().enumerate() {
        if !is_identifier(&s.id) {
            r.at(None, format!("evidence.sources[{i}].id"), format!("'{}' is not a lowercase identifier", s.id));
        }
        if !source_ids.insert(s.id.as_str()) {
            r.at(None, format!("evidence.sources[{i}].id"), format!("duplicate source id '{}'", s.id));
        }
        check_url(r, &format!("evidence.sources[{i}].url"), &s.url);
        if s.title.trim().is_empty() {
            r.at(None, format!("evidence.sources[{i}].title"), "empty text");
        }
    }
    check_localised(r, "evidence.indicator.name", &meta.indicator.name);
    check_localised(r, "evidence.indicator.unit_label", &meta.indicator.unit_label);
    if let Some(one) = &meta.indicator.unit_label_one {
        check_localised(r, "evidence.indicator.unit_label_one", one);
        if meta.indicator.unit != Unit::Count {
            r.at(None, "evidence.indicator.unit_label_one", "only a count has a unit for one");
        }
    }
    check_tone_text(r, "evidence.indicator.definition", &meta.indicator.definition);
    check_tone_text(r, "evidence.coverage.population", &meta.coverage.population);
    check_localised(r, "evidence.coverage.geographic_scope", &meta.coverage.geographic_scope);
    for term in &meta.indicator.glossary {
        if !glossary.contains(term) {
            r.at(None, "evidence.indicator.glossary", format!("unknown glossary term '{term}'"));
        }
    }
    for kind in CaveatKind::REQUIRED {
        if meta.caveats_of(kind).next().is_none() {
            r.at(None, "evidence.caveats", format!("missing a '{}' caveat", kind.code()));
        }
    }
    for (i, c) in meta.caveats.iter().enumerate() {
        check_localised(r, &format!("evidence.caveats[{i}].plain"), &c.plain);
        check_localised(r, &format!("evidence.caveats[{i}].technical"), &c.technical);
        if let Some(url) = &c.source_url {
            check_url(r, &format!("evidence.caveats[{i}].source_url"), url);
        }
    }
    for (i, c) in meta.comparability.iter().enumerate() {
        check_tone_text(r, &format!("evidence.comparability[{i}].reason"), &c.reason);
        if c.dataset == meta.id {
            r.at(None, format!("evidence.comparability[{i}].dataset"), "a dataset cannot be compared with itself");
        }
    }
    let mut breakdowns = HashSet::new();
    for b in &meta.breakdowns {
        if !breakdowns.insert(*b) {
            r.at(None, "evidence.breakdowns", format!("'{}' listed twice", b.code()));
        }
    }
    let mut published = HashSet::new();
    for (i, b) in meta.source_breakdowns.iter().enumerate() {
        let field = format!("evidence.source_breakdowns[{i}]");
        if meta.breakdowns.contains(&b.breakdown) {
            r.at(
                None,
                format!("{field}.breakdown"),
                format!("'{}' is in evidence.breakdowns: the figures here are split by it, so it is not only the publisher's", b.breakdown.code()),
            );
        }
        if !published.insert(b.breakdown) {
            r.at(None, format!("{field}.breakdown"), format!("'{}' listed twice", b.breakdown.code()));
        }
        check_localised(r, &format!("{field}.where"), &b.place);
        if meta.source(&b.source).is_none() {
            r.at(None, format!("{field}.source"), format!("'{}' is not one of the dataset's evidence.sources", b.source));
        }
        if let Some(url) = &b.url {
            check_url(r, &format!("{field}.url"), url);
        }
    }
    if let Some(id) = &meta.origin_source
        && meta.source(id).is_none()
    {
        r.at(None, "evidence.origin_source", format!("'{id}' is not one of the dataset's evidence.sources"));
    }
    if meta.origin.is_report_based() && !meta.caveats.iter().any(|c| c.topic == Some(CaveatTopic::ReportTiming)) {
        r.at(
            None,
            "evidence.caveats",
            format!(
                "origin '{}' counts reports: a caveat with topic 'report-timing' must say that a year's reports can concern earlier abuse and recirculated material",
                meta.origin.code()
            ),
        );
    }
    let mut break_periods = HashSet::new();
    for (i, b) in meta.breaks.iter().enumerate() {
        check_localised(r, &format!("evidence.breaks[{i}].label"), &b.label);
        check_tone_text(r, &format!("evidence.breaks[{i}].reason"), &b.reason);
        if let Some(sum) = &b.country_sum {
            check_tone_text(r, &format!("evidence.breaks[{i}].country_sum"), sum);
        }
        if !break_periods.insert(b.period) {
            r.at(None, format!("evidence.breaks[{i}].period"), format!("a second break at {}", b.period));
        }
    }
    for (key, s) in &meta.series {
        check_localised(r, &format!("evidence.series[{key}].label"), &s.label);
        if let Some(term) = &s.preferred_term
            && !glossary.contains(term)
        {
            r.at(None, format!("evidence.series[{key}].preferred_term"), format!("unknown glossary term '{term}'"));
        }
    }
}

/// Rules that need both the metadata and the figures.
pub(crate) fn check_meta_against_observations(r: &mut Report, meta: &DatasetMeta, observations: &[Observation]) {
    if observations.is_empty() {
        return;
    }
    let first = observations.iter().map(|o| o.period.start_year()).min().unwrap_or(0);
    let last = observations.iter().map(|o| o.period.start_year()).max().unwrap_or(0);
    for (i, b) in meta.breaks.iter().enumerate() {
        let at = b.period.start_year();
        if at <= first || at > last {
            r.at(
                None,
                format!("evidence.breaks[{i}].period"),
                format!("{} is not inside the figures' years {first}-{last}: a break needs figures on both sides", b.period),
            );
        }
    }
    if let Some(scope) = &meta.population_scope {
        check_localised(r, "evidence.population_scope.label", &scope.label);
        if let Some(o) = observations.iter().find(|o| o.geo != "001") {
            r.at(
                None,
                "evidence.population_scope",
                format!("a dataset whose population is not a place is coded 001 only, but has a row for '{}'", o.geo),
            );
        }
    }
    let uncertainty = meta.caveats.iter().find(|c| c.topic == Some(CaveatTopic::Uncertainty));
    if observations.iter().any(|o| o.lower.is_some()) {
        match uncertainty {
            None => r.at(
                None,
                "evidence.caveats",
                "figures have intervals: a caveat with topic 'uncertainty' must say in plain words what the interval means",
            ),
            Some(c) if c.plain.en.trim().is_empty() => {
                r.at(None, "evidence.caveats", "the 'uncertainty' caveat needs a plain text")
            }
            Some(_) => {}
        }
    }
}

/// Parses and checks one dataset's observation CSV.
pub(crate) fn read_observations(
    r: &mut Report,
    bytes: &[u8],
    meta: &DatasetMeta,
    geos: &HashSet<String>,
) -> Vec<Observation> {
    let Some(text) = csv_text(r, bytes) else { return Vec::new() };
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
    if !header_is(r, &mut reader, &OBSERVATION_COLUMNS) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut seen: HashMap<(String, String, Period), usize> = HashMap::new();
    let mut series_seen = HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = match record {
            Ok(rec) => rec,
            Err(e) => {
                r.at(Some(line), "row", format!("unreadable CSV row: {e}"));
                continue;
            }
        };
        if record.len() != OBSERVATION_COLUMNS.len() {
            r.at(Some(line), "row", format!("expected {} fields, found {}", OBSERVATION_COLUMNS.len(), record.len()));
            continue;
        }
        let before = r.errors.len();
        let f = |k: usize| record.get(k).unwrap_or("");
        let (series, geo, period_s, value_s, lower_s, upper_s, note, source_ref, grade_s, derivation) =
            (f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9));
        if !geos.contains(geo) {
            r.at(Some(line), "geo", format!("unknown geography code '{geo}'"));
        }
        let period = match period_s.parse::<Period>() {
            Ok(p) => Some(p),
            Err(e) => {
                r.at(Some(line), "period", e.to_string());
                None
            }
        };
        let mut number = |field: &str, s: &str, required: bool| -> Option<f64> {
            if s.is_empty() {
                if required {
                    r.at(Some(line), field, "missing value (leave the row out instead of writing 0)");
                }
                return None;
            }
            match parse_plain_number(s) {
                Ok(v) => Some(v),
                Err(problem) => {
                    r.at(Some(line), field, format!("'{}': {problem}", truncate(s, 40)));
                    None
                }
            }
        };
        let value = number("value", value_s, true);
        let lower = number("lower", lower_s, false);
        let upper = number("upper", upper_s, false);
        if lower_s.is_empty() != upper_s.is_empty() {
            r.at(Some(line), "lower/upper", "give both bounds of the interval or neither");
        }
        if let (Some(v), Some(lo), Some(hi)) = (value, lower, upper)
            && !(lo <= v && v <= hi)
        {
            r.at(Some(line), "value", format!("{v} is not within lower {lo} and upper {hi}"));
        }
        for (field, v) in [("value", value), ("lower", lower), ("upper", upper)] {
            let Some(v) = v else { continue };
            match meta.indicator.unit {
                Unit::Percent if !(0.0..=100.0).contains(&v) => {
                    r.at(Some(line), field, format!("{v} is not a percentage between 0 and 100"))
                }
                Unit::Count | Unit::Rate if v < 0.0 => r.at(Some(line), field, format!("{v} is negative")),
                _ => {}
            }
        }
        if meta.indicator.unit == Unit::Count && value.is_some_and(|v| v.fract() != 0.0) {
            r.at(Some(line), "value", "a count must be a whole number");
        }
        let source = meta.source(source_ref);
        if source_ref.is_empty() {
            r.at(Some(line), "source_ref", "missing source reference");
        } else if source.is_none() {
            r.at(Some(line), "source_ref", format!("'{source_ref}' is not a source of this dataset"));
        }
        let grade = match Grade::parse(grade_s) {
            Some(g) => Some(g),
            None if grade_s.is_empty() => {
                r.at(Some(line), "grade", "missing provenance grade (verbatim, secondary or computed)");
                None
            }
            None => {
                r.at(Some(line), "grade", format!("'{}' is not one of verbatim, secondary, computed", truncate(grade_s, 40)));
                None
            }
        };
        let role = source.map(|s| s.role);
        match grade {
            Some(Grade::Secondary) if role == Some(SourceRole::Primary) => r.at(
                Some(line),
                "grade",
                format!("a secondary figure must cite the secondary source it was seen in; '{source_ref}' is not marked \"role\": \"secondary\""),
            ),
            Some(Grade::Verbatim) if role == Some(SourceRole::Secondary) => r.at(
                Some(line),
                "grade",
                format!("'{source_ref}' is a secondary source: a figure seen only there is 'secondary', not 'verbatim'"),
            ),
            _ => {}
        }
        match grade {
            Some(Grade::Computed) if derivation.trim().is_empty() => {
                r.at(Some(line), "derivation", "a computed figure needs its derivation (the formula and the figures it uses)")
            }
            Some(Grade::Verbatim | Grade::Secondary) if !derivation.is_empty() => {
                r.at(Some(line), "derivation", "only a computed figure has a derivation")
            }
            _ => {}
        }
        if !meta.series.is_empty() && !meta.series.contains_key(series) {
            r.at(Some(line), "series", format!("'{}' is not described in evidence.series", truncate(series, 60)));
        }
        if let Some(p) = period {
            let key = (series.to_string(), geo.to_string(), p);
            if let Some(first) = seen.insert(key, line) {
                r.at(Some(line), "geo/period", format!("duplicate of line {first} ({geo}, {period_s}{})", if series.is_empty() { String::new() } else { format!(", {series}") }));
            }
        }
        series_seen.insert(series.to_string());
        if r.errors.len() == before
            && let (Some(period), Some(value)) = (period, value)
        {
            out.push(Observation {
                series: series.to_string(),
                geo: geo.to_string(),
                period,
                value,
                lower,
                upper,
                note: note.to_string(),
                source_ref: source_ref.to_string(),
                grade: grade.unwrap_or_default(),
                derivation: derivation.to_string(),
            });
        }
    }
    if out.is_empty() && r.errors.is_empty() {
        r.at(None, "rows", "the dataset has no observations");
    }
    for key in meta.series.keys() {
        if !series_seen.contains(key) {
            r.at(None, format!("evidence.series[{key}]"), "described but has no rows");
        }
    }
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// The text of a CSV file, refusing what is not clean UTF-8.
pub(crate) fn csv_text<'b>(r: &mut Report, bytes: &'b [u8]) -> Option<&'b str> {
    if bytes.is_empty() {
        r.at(None, "file", "empty file");
        return None;
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        r.at(Some(1), "file", "starts with a byte-order mark; save as UTF-8 without BOM");
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            r.at(Some(line), "file", "not valid UTF-8 (save the file as UTF-8)");
            None
        }
    }
}

pub(crate) fn header_is<R: std::io::Read>(r: &mut Report, reader: &mut csv::Reader<R>, expected: &[&str]) -> bool {
    match reader.headers() {
        Ok(h) if h.iter().eq(expected.iter().copied()) => true,
        Ok(h) => {
            r.at(Some(1), "header", format!("expected '{}', found '{}'", expected.join(","), h.iter().collect::<Vec<_>>().join(",")));
            false
        }
        Err(e) => {
            r.at(Some(1), "header", format!("unreadable header: {e}"));
            false
        }
    }
}

/// Counts of the caveats per kind, for summaries.
pub fn caveat_kinds(meta: &DatasetMeta) -> BTreeMap<CaveatKind, usize> {
    let mut m = BTreeMap::new();
    for c in &meta.caveats {
        *m.entry(c.kind).or_insert(0) += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_only() {
        assert_eq!(parse_plain_number("16987361"), Ok(16987361.0));
        assert_eq!(parse_plain_number("14.7"), Ok(14.7));
        assert_eq!(parse_plain_number("-3"), Ok(-3.0));
        for bad in ["1e5", "1,000", "NaN", "inf", "", ".5", "5.", "1 000", "0x10", "+4"] {
            assert!(parse_plain_number(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(parse_plain_number(&"9".repeat(400)), Err("number too large"));
    }

    #[test]
    fn identifiers_are_lowercase_kebab() {
        assert!(is_identifier("ncmec-2019"));
        assert!(!is_identifier("NCMEC"));
        assert!(!is_identifier("-a"));
        assert!(!is_identifier("a b"));
    }

    #[test]
    fn error_prints_file_row_field_problem() {
        let e = ValidationError { file: "observations/x.csv".into(), row: Some(4), field: "value".into(), problem: "bad".into() };
        assert_eq!(e.to_string(), "observations/x.csv:4: value: bad");
    }
}
