//! A corpus of malformed data packages: each case breaks one thing in an
//! otherwise valid package and must be refused whole, with the expected
//! `file:row: field: problem` message. The base package is also checked to
//! be valid, so every refusal is due to the mutation alone.

use std::collections::BTreeMap;

use evidence::package::{FileSource, load};
use serde_json::{Value, json};

type Files = BTreeMap<String, Vec<u8>>;

fn tone(en: &str) -> Value {
    json!({"plain": {"en": en, "fr": format!("{en} (fr)")}, "technical": {"en": format!("{en} (technical)")}})
}

fn caveat(kind: &str) -> Value {
    json!({"kind": kind, "plain": {"en": format!("{kind} in plain words")}, "technical": {"en": format!("{kind} in technical words")}, "source_url": "https://example.org/report"})
}

fn dataset_resource(name: &str, unit: &str) -> Value {
    json!({
        "name": name,
        "path": format!("observations/{name}.csv"),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": "Reports",
        "description": "Synthetic test dataset",
        "schema": {"fields": [
            {"name": "series", "type": "string"}, {"name": "geo", "type": "string"},
            {"name": "period", "type": "string"}, {"name": "value", "type": "number"},
            {"name": "lower", "type": "number"}, {"name": "upper", "type": "number"},
            {"name": "note", "type": "string"}, {"name": "source_ref", "type": "string"},
            {"name": "grade", "type": "string"}, {"name": "derivation", "type": "string"}
        ]},
        "evidence": {
            "title": {"en": "Reports", "fr": "Signalements"},
            "publisher": "Test Publisher",
            "sector": "ngo",
            "origin": "hotline-reports",
            "breakdowns": [],
            "licence": "Figures quoted with attribution",
            "sources": [{"id": "annual-2023", "title": "Annual report 2023", "publisher": "Test Publisher", "year": 2024, "url": "https://example.org/report"}],
            "indicator": {"name": {"en": "Reports"}, "unit": unit, "unit_label": {"en": "reports"}, "definition": tone("One report is one notice"), "glossary": ["report"]},
            "coverage": {"population": tone("Reports from platforms"), "method": "hotline-reports", "geographic_scope": {"en": "Anywhere"}},
            "caveats": [caveat("coverage"), caveat("bias"), caveat("definition"), caveat("comparability"),
                {"kind": "method", "topic": "report-timing", "plain": {"en": "reports can concern earlier years"}, "technical": {"en": "date of report, not of abuse"}}],
            "comparability": []
        }
    })
}

fn descriptor(resources: Vec<Value>) -> Value {
    let mut all = resources;
    all.push(json!({"name": "geographies", "path": "reference/geographies.csv", "profile": "tabular-data-resource"}));
    all.push(json!({"name": "glossary", "path": "glossary.json", "profile": "data-resource"}));
    json!({"name": "test-package", "title": "Test", "version": "2026.12.0", "released": "2026-12-02", "resources": all})
}

const GEOGRAPHIES: &str = "code,kind,name_en,name_fr,parent,iso2,m49\n\
001,world,World,Monde,,,001\n\
002,region,Africa,Afrique,001,,002\n\
014,subregion,Eastern Africa,Afrique orientale,002,,014\n\
KEN,country,Kenya,Kenya,014,KE,404\n\
UGA,country,Uganda,Ouganda,014,UG,800\n\
ZZZ,special,No country listed,Aucun pays indiqué,,,\n";

/// The geographies with their `article_fr` column, Uganda's article given.
fn geographies_with_articles(uganda: &str) -> String {
    let articles = ["le", "l'", "l'", "le", uganda, "none"];
    let mut lines = GEOGRAPHIES.lines();
    let mut out = format!("{},article_fr\n", lines.next().unwrap());
    for (line, article) in lines.zip(articles) {
        out.push_str(&format!("{line},{article}\n"));
    }
    out
}

const OBSERVATIONS: &str = "series,geo,period,value,lower,upper,note,source_ref,grade,derivation\n\
,KEN,2022,21745,,,,annual-2023,verbatim,\n\
,KEN,2023,46030,,,,annual-2023,verbatim,\n\
,UGA,2023,11250,,,,annual-2023,verbatim,\n\
,ZZZ,2023,1851762,,,no IP address,annual-2023,verbatim,\n";

fn glossary() -> Value {
    json!({"terms": [{"id": "report", "term": {"en": "report"}, "plain": {"en": "a notice"}, "technical": {"en": "a CyberTipline report"}, "avoid": [], "reference": "Luxembourg Guidelines"}]})
}

fn base() -> Files {
    let mut f = Files::new();
    f.insert("datapackage.json".into(), serde_json::to_vec_pretty(&descriptor(vec![dataset_resource("reports", "count")])).unwrap());
    f.insert("observations/reports.csv".into(), OBSERVATIONS.as_bytes().to_vec());
    f.insert("reference/geographies.csv".into(), GEOGRAPHIES.as_bytes().to_vec());
    f.insert("glossary.json".into(), serde_json::to_vec(&glossary()).unwrap());
    f
}

fn with_descriptor(edit: impl FnOnce(&mut Value)) -> Files {
    let mut f = base();
    let mut d: Value = serde_json::from_slice(&f["datapackage.json"]).unwrap();
    edit(&mut d);
    f.insert("datapackage.json".into(), serde_json::to_vec(&d).unwrap());
    f
}

fn with_evidence(edit: impl FnOnce(&mut Value)) -> Files {
    with_descriptor(|d| edit(&mut d["resources"][0]["evidence"]))
}

fn with_file(path: &str, bytes: impl Into<Vec<u8>>) -> Files {
    let mut f = base();
    f.insert(path.into(), bytes.into());
    f
}

fn with_observation_rows(rows: &str) -> Files {
    with_file("observations/reports.csv", format!("series,geo,period,value,lower,upper,note,source_ref,grade,derivation\n{rows}"))
}

fn without(path: &str) -> Files {
    let mut f = base();
    f.remove(path);
    f
}

/// (case name, package, expected substring of one error line)
fn corpus() -> Vec<(&'static str, Files, &'static str)> {
    let obs = "observations/reports.csv";
    vec![
        ("descriptor missing", without("datapackage.json"), "datapackage.json: file: missing"),
        ("descriptor not JSON", with_file("datapackage.json", "{\"name\": \"x\",\n \"resources\": [}"), "datapackage.json:2: json:"),
        ("descriptor empty", with_file("datapackage.json", ""), "datapackage.json:"),
        ("no resources key", with_file("datapackage.json", "{\"name\": \"x\"}"), "missing field `resources`"),
        ("resource name not an identifier", with_descriptor(|d| d["resources"][0]["name"] = json!("Reports 2023")), "resources[0].name: 'Reports 2023' is not a lowercase identifier"),
        ("duplicate resource name", with_descriptor(|d| {
            let r = d["resources"][0].clone();
            d["resources"].as_array_mut().unwrap().insert(1, r);
        }), "duplicate resource name 'reports'"),
        ("path escapes the package", with_descriptor(|d| d["resources"][0]["path"] = json!("../../etc/passwd")), "must be a relative path inside the package"),
        ("absolute path", with_descriptor(|d| d["resources"][0]["path"] = json!("/etc/passwd")), "must be a relative path inside the package"),
        ("observation file missing", without(obs), "observations/reports.csv: file: missing"),
        ("schema columns wrong", with_descriptor(|d| d["resources"][0]["schema"]["fields"][3]["name"] = json!("amount")), "schema.fields: must be the columns"),
        ("missing bias caveat", with_evidence(|e| e["caveats"].as_array_mut().unwrap().retain(|c| c["kind"] != "bias")), "evidence.caveats: missing a 'bias' caveat"),
        ("missing coverage caveat", with_evidence(|e| e["caveats"].as_array_mut().unwrap().retain(|c| c["kind"] != "coverage")), "missing a 'coverage' caveat"),
        ("missing definition caveat", with_evidence(|e| e["caveats"].as_array_mut().unwrap().retain(|c| c["kind"] != "definition")), "missing a 'definition' caveat"),
        ("missing comparability caveat", with_evidence(|e| e["caveats"].as_array_mut().unwrap().retain(|c| c["kind"] != "comparability")), "missing a 'comparability' caveat"),
        ("caveat without technical tone text", with_evidence(|e| e["caveats"][1]["technical"]["en"] = json!("  ")), "evidence.caveats[1].technical.en: empty text"),
        ("unit for one on a percentage", with_evidence(|e| {
            e["indicator"]["unit"] = json!("percent");
            e["indicator"]["unit_label_one"] = json!({"en": "report"});
        }), "evidence.indicator.unit_label_one: only a count has a unit for one"),
        ("empty unit for one", with_evidence(|e| e["indicator"]["unit_label_one"] = json!({"en": " "})), "evidence.indicator.unit_label_one.en: empty text"),
        ("unknown caveat kind", with_evidence(|e| e["caveats"][0]["kind"] = json!("opinion")), "evidence.caveats[0].kind"),
        ("unknown unit", with_evidence(|e| e["indicator"]["unit"] = json!("bananas")), "evidence.indicator.unit"),
        ("unknown sector", with_evidence(|e| e["sector"] = json!("media")), "evidence.sector"),
        ("the old combined sector", with_evidence(|e| e["sector"] = json!("ngo-academia")), "evidence.sector: unknown variant `ngo-academia`"),
        ("missing origin", with_evidence(|e| { e.as_object_mut().unwrap().remove("origin"); }), "missing field `origin`"),
        ("unknown origin", with_evidence(|e| e["origin"] = json!("rumour")), "evidence.origin: unknown variant `rumour`"),
        ("breakdowns not declared", with_evidence(|e| { e.as_object_mut().unwrap().remove("breakdowns"); }), "missing field `breakdowns`"),
        ("unknown breakdown", with_evidence(|e| e["breakdowns"] = json!(["religion"])), "unknown variant `religion`"),
        ("breakdown twice", with_evidence(|e| e["breakdowns"] = json!(["sex", "sex"])), "evidence.breakdowns: 'sex' listed twice"),
        ("unknown source breakdown", with_evidence(|e| e["source_breakdowns"] = json!([{"breakdown": "religion", "where": {"en": "annual report"}, "source": "annual-2023"}])), "unknown variant `religion`"),
        ("source breakdown citing a source the dataset lacks", with_evidence(|e| e["source_breakdowns"] = json!([{"breakdown": "sex", "where": {"en": "annual report"}, "source": "someone-said"}])), "evidence.source_breakdowns[0].source: 'someone-said' is not one of the dataset's evidence.sources"),
        ("source breakdown the figures are split by", with_evidence(|e| {
            e["breakdowns"] = json!(["sex"]);
            e["source_breakdowns"] = json!([{"breakdown": "sex", "where": {"en": "annual report"}, "source": "annual-2023"}]);
        }), "evidence.source_breakdowns[0].breakdown: 'sex' is in evidence.breakdowns"),
        ("source breakdown twice", with_evidence(|e| e["source_breakdowns"] = json!([
            {"breakdown": "age-band", "where": {"en": "table 2"}, "source": "annual-2023"},
            {"breakdown": "age-band", "where": {"en": "table 3"}, "source": "annual-2023"}])), "evidence.source_breakdowns[1].breakdown: 'age-band' listed twice"),
        ("source breakdown without saying where", with_evidence(|e| e["source_breakdowns"] = json!([{"breakdown": "sex", "where": {"en": " "}, "source": "annual-2023"}])), "evidence.source_breakdowns[0].where.en: empty text"),
        ("source breakdown without a source", with_evidence(|e| e["source_breakdowns"] = json!([{"breakdown": "sex", "where": {"en": "annual report"}}])), "missing field `source`"),
        ("source breakdown page not a web address", with_evidence(|e| e["source_breakdowns"] = json!([{"breakdown": "sex", "where": {"en": "annual report"}, "source": "annual-2023", "url": "file:///etc/passwd"}])), "evidence.source_breakdowns[0].url: 'file:///etc/passwd' is not an http(s) URL"),
        ("source breakdown with an unknown key", with_evidence(|e| e["source_breakdowns"] = json!([{"breakdown": "sex", "where": {"en": "annual report"}, "source": "annual-2023", "note": "x"}])), "unknown field `note`"),
        ("origin source the dataset lacks", with_evidence(|e| e["origin_source"] = json!("a-newspaper")), "evidence.origin_source: 'a-newspaper' is not one of the dataset's evidence.sources"),
        ("report-based origin without a report-timing caveat", with_evidence(|e| e["caveats"].as_array_mut().unwrap().retain(|c| c["topic"] != "report-timing")), "a caveat with topic 'report-timing'"),
        ("unknown caveat topic", with_evidence(|e| e["caveats"][4]["topic"] = json!("mood")), "unknown variant `mood`"),
        ("intervals without an uncertainty caveat", with_observation_rows(",KEN,2023,50,10,60,,annual-2023,verbatim,\n"), "figures have intervals: a caveat with topic 'uncertainty'"),
        ("uncertainty caveat without plain text", {
            let mut f = with_evidence(|e| e["caveats"].as_array_mut().unwrap().push(json!({"kind": "method", "topic": "uncertainty", "plain": {"en": " "}, "technical": {"en": "95% CI"}})));
            f.insert(obs.into(), "series,geo,period,value,lower,upper,note,source_ref,grade,derivation\n,KEN,2023,50,10,60,,annual-2023,verbatim,\n".into());
            f
        }, "evidence.caveats[5].plain.en: empty text"),
        ("break outside the figures' years", with_evidence(|e| e["breaks"] = json!([{"period": "2030", "label": {"en": "2030: new count"}, "reason": tone("counted differently")}])), "evidence.breaks[0].period: 2030 is not inside the figures' years"),
        ("break at the first year (nothing before it)", with_evidence(|e| e["breaks"] = json!([{"period": "2022", "label": {"en": "new count"}, "reason": tone("counted differently")}])), "evidence.breaks[0].period: 2022 is not inside"),
        ("break without a reason", with_evidence(|e| e["breaks"] = json!([{"period": "2023", "label": {"en": "new count"}, "reason": tone(" ")}])), "evidence.breaks[0].reason.plain.en: empty text"),
        ("population scope on figures coded for countries", with_evidence(|e| e["population_scope"] = json!({"kind": "member-network", "label": {"en": "Member hotlines"}})), "evidence.population_scope: a dataset whose population is not a place is coded 001 only, but has a row for 'KEN'"),
        ("unknown population scope kind", with_evidence(|e| e["population_scope"] = json!({"kind": "fan-club", "label": {"en": "Fans"}})), "unknown variant `fan-club`"),
        ("break without a label", with_evidence(|e| e["breaks"] = json!([{"period": "2023", "reason": tone("counted differently")}])), "missing field `label`"),
        ("unknown glossary term", with_evidence(|e| e["indicator"]["glossary"] = json!(["no-such-term"])), "unknown glossary term 'no-such-term'"),
        ("source URL not http", with_evidence(|e| e["sources"][0]["url"] = json!("ftp://example.org")), "is not an http(s) URL"),
        ("comparability with an unknown dataset", with_evidence(|e| e["comparability"] = json!([{"dataset": "ghost", "verdict": "not-comparable", "reason": tone("different things")}])), "unknown dataset 'ghost'"),
        ("unknown metadata field (typo)", with_evidence(|e| e["caveat"] = json!([])), "unknown field `caveat`"),
        ("wrong geography code", with_observation_rows(",KENYA,2023,5,,,,annual-2023,verbatim,\n"), "observations/reports.csv:2: geo: unknown geography code 'KENYA'"),
        ("bad number", with_observation_rows(",KEN,2023,46 030,,,,annual-2023,verbatim,\n"), "observations/reports.csv:2: value: '46 030': not a plain decimal number"),
        ("thousands separator", with_observation_rows(",KEN,2023,\"46,030\",,,,annual-2023,verbatim,\n"), "value: '46,030': not a plain decimal number"),
        ("huge value", with_observation_rows(&format!(",KEN,2023,{},,,,annual-2023,verbatim,\n", "9".repeat(400))), "value: '9999999999999999999999999999999999999999…': number too large"),
        ("zero written for a missing value", with_observation_rows(",KEN,2023,,,,,annual-2023,verbatim,\n"), "value: missing value (leave the row out instead of writing 0)"),
        ("negative count", with_observation_rows(",KEN,2023,-5,,,,annual-2023,verbatim,\n"), "value: -5 is negative"),
        ("fractional count", with_observation_rows(",KEN,2023,5.5,,,,annual-2023,verbatim,\n"), "a count must be a whole number"),
        ("duplicate row", with_observation_rows(",KEN,2023,5,,,,annual-2023,verbatim,\n,KEN,2023,6,,,,annual-2023,verbatim,\n"), "observations/reports.csv:3: geo/period: duplicate of line 2"),
        ("bad period", with_observation_rows(",KEN,2023/2021,5,,,,annual-2023,verbatim,\n"), "period: '2023/2021' is not a period"),
        ("year out of range", with_observation_rows(",KEN,1850,5,,,,annual-2023,verbatim,\n"), "period: '1850' is not a period"),
        ("value outside its interval", with_observation_rows(",KEN,2023,50,10,20,,annual-2023,verbatim,\n"), "value: 50 is not within lower 10 and upper 20"),
        ("only one bound", with_observation_rows(",KEN,2023,50,10,,,annual-2023,verbatim,\n"), "lower/upper: give both bounds of the interval or neither"),
        ("unresolved source_ref", with_observation_rows(",KEN,2023,5,,,,annual-2099,verbatim,\n"), "source_ref: 'annual-2099' is not a source of this dataset"),
        ("ungraded figure", with_observation_rows(",KEN,2023,5,,,,annual-2023,,\n"), "observations/reports.csv:2: grade: missing provenance grade (verbatim, secondary or computed)"),
        ("unknown grade", with_observation_rows(",KEN,2023,5,,,,annual-2023,probably,\n"), "grade: 'probably' is not one of verbatim, secondary, computed"),
        ("secondary figure citing the publisher's own source", with_observation_rows(",KEN,2023,5,,,,annual-2023,secondary,\n"), "observations/reports.csv:2: grade: a secondary figure must cite the secondary source it was seen in; 'annual-2023' is not marked"),
        ("secondary figure without any source", with_observation_rows(",KEN,2023,5,,,,,secondary,\n"), "source_ref: missing source reference"),
        ("verbatim figure citing a secondary source", {
            let mut f = with_evidence(|e| e["sources"].as_array_mut().unwrap().push(json!({"id": "copy", "title": "A transcription", "publisher": "Someone else", "url": "https://example.org/copy", "role": "secondary"})));
            f.insert(obs.into(), "series,geo,period,value,lower,upper,note,source_ref,grade,derivation\n,KEN,2023,5,,,,copy,verbatim,\n".into());
            f
        }, "grade: 'copy' is a secondary source: a figure seen only there is 'secondary', not 'verbatim'"),
        ("computed figure without its derivation", with_observation_rows(",KEN,2023,5,,,,annual-2023,computed,\n"), "observations/reports.csv:2: derivation: a computed figure needs its derivation"),
        ("derivation on a verbatim figure", with_observation_rows(",KEN,2023,5,,,,annual-2023,verbatim,2 + 3\n"), "derivation: only a computed figure has a derivation"),
        ("unknown source role", with_evidence(|e| e["sources"][0]["role"] = json!("tertiary")), "unknown variant `tertiary`"),
        ("missing source_ref", with_observation_rows(",KEN,2023,5,,,,,verbatim,\n"), "source_ref: missing source reference"),
        ("too few fields", with_observation_rows(",KEN,2023,5\n"), "observations/reports.csv:2: row: expected 10 fields, found 4"),
        ("wrong header", with_file(obs, "series,geo,year,value,lower,upper,note,source_ref\n,KEN,2023,5,,,,annual-2023,verbatim,\n"), "observations/reports.csv:1: header: expected"),
        ("byte-order mark", with_file(obs, [b"\xEF\xBB\xBF".as_slice(), OBSERVATIONS.as_bytes()].concat()), "observations/reports.csv:1: file: starts with a byte-order mark"),
        ("wrong encoding (Latin-1)", with_file(obs, [OBSERVATIONS.as_bytes(), b",KEN,2021,5,,,C\xF4te,annual-2023,verbatim,\n".as_slice()].concat()), "observations/reports.csv:6: file: not valid UTF-8"),
        ("empty observation file", with_file(obs, ""), "observations/reports.csv: file: empty file"),
        ("header only", with_file(obs, "series,geo,period,value,lower,upper,note,source_ref,grade,derivation\n"), "rows: the dataset has no observations"),
        ("unclosed quote", with_observation_rows(",KEN,2023,5,,,\"unclosed note,annual-2023,verbatim,\n"), "observations/reports.csv:2:"),
        ("percentage over 100", {
            let mut f = with_descriptor(|d| d["resources"][0]["evidence"]["indicator"]["unit"] = json!("percent"));
            f.insert(obs.into(), "series,geo,period,value,lower,upper,note,source_ref,grade,derivation\n,KEN,2023,120,,,,annual-2023,verbatim,\n".into());
            f
        }, "value: 120 is not a percentage between 0 and 100"),
        ("glossary not JSON", with_file("glossary.json", "{\"terms\": [,]}"), "glossary.json:1: json:"),
        ("glossary duplicate id", with_file("glossary.json", serde_json::to_vec(&json!({"terms": [glossary()["terms"][0], glossary()["terms"][0]]})).unwrap()), "glossary.json: terms[1].id: duplicate term 'report'"),
        ("geography unknown kind", with_file("reference/geographies.csv", format!("{GEOGRAPHIES}XKX,province,Kosovo,Kosovo,039,XK,\n")), "reference/geographies.csv:8: kind: 'province' is not one of"),
        ("geography unknown parent", with_file("reference/geographies.csv", format!("{GEOGRAPHIES}XKX,country,Kosovo,Kosovo,039,XK,\n")), "reference/geographies.csv:8: parent: unknown parent '039'"),
        ("geography duplicate code", with_file("reference/geographies.csv", format!("{GEOGRAPHIES}KEN,country,Kenya again,,014,KE,404\n")), "reference/geographies.csv:8: code: duplicate of line 5"),
        ("geography malformed French article", with_file("reference/geographies.csv", geographies_with_articles("l’")), "reference/geographies.csv:6: article_fr: 'l’' is not one of le, la, l', les, none"),
        ("geography without its French article", with_file("reference/geographies.csv", geographies_with_articles("")), "reference/geographies.csv:6: article_fr: '' is not one of le, la, l', les, none"),
        ("series not described", {
            let mut f = with_evidence(|e| e["series"] = json!({"Images": {"label": {"en": "Images"}}}));
            f.insert(obs.into(), "series,geo,period,value,lower,upper,note,source_ref,grade,derivation\nImages,KEN,2023,5,,,,annual-2023,verbatim,\nVideos,KEN,2023,6,,,,annual-2023,verbatim,\n".into());
            f
        }, "series: 'Videos' is not described in evidence.series"),
    ]
}

#[test]
fn the_base_package_is_valid() {
    let pkg = load(&base()).expect("base package must be valid");
    assert_eq!(pkg.datasets.len(), 1);
    assert_eq!(pkg.datasets[0].observations.len(), 4);
}

#[test]
fn a_geography_keeps_its_french_article_and_an_older_release_has_none() {
    let pkg = load(&with_file("reference/geographies.csv", geographies_with_articles("l'"))).expect("valid with articles");
    let article = |code: &str| pkg.geographies.iter().find(|g| g.code == code).and_then(|g| g.article_fr);
    assert_eq!(article("UGA"), Some(evidence::model::ArticleFr::Elided));
    assert_eq!(article("ZZZ"), Some(evidence::model::ArticleFr::Bare));
    let older = load(&base()).expect("the seven columns of an older release");
    assert!(older.geographies.iter().all(|g| g.article_fr.is_none()));
}

#[test]
fn every_malformed_package_is_refused_with_its_message() {
    let cases = corpus();
    assert!(cases.len() >= 30, "the corpus must have at least 30 cases, has {}", cases.len());
    let mut failures = Vec::new();
    for (name, files, expected) in cases {
        match load(&files as &dyn FileSource) {
            Ok(_) => failures.push(format!("{name}: was ACCEPTED")),
            Err(errors) => {
                let text = errors.to_string();
                if !text.lines().any(|l| l.contains(expected)) {
                    failures.push(format!("{name}: expected a line containing {expected:?}, got:\n{text}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_errors_are_reported_at_once() {
    let files = with_observation_rows(",KENYA,2023,x,,,,,verbatim,\n,KEN,20x3,5,,,,annual-2023,verbatim,\n");
    let errors = load(&files).unwrap_err();
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"geo") && fields.contains(&"value") && fields.contains(&"source_ref") && fields.contains(&"period"), "{fields:?}");
}

#[test]
fn the_curated_package_is_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let pkg = evidence::load_dir(&dir).unwrap_or_else(|e| panic!("data/ must validate:\n{e}"));
    assert!(pkg.datasets.len() >= 15);
    for d in &pkg.datasets {
        for kind in evidence::CaveatKind::REQUIRED {
            assert!(d.meta.caveats_of(kind).next().is_some(), "{} lacks {kind:?}", d.meta.id);
        }
    }
    // "No country listed" is kept as its own geography, never dropped.
    let by_country = pkg.dataset("ncmec-cybertipline-by-country").expect("dataset exists");
    assert_eq!(by_country.observations.iter().filter(|o| o.geo == "ZZZ").count(), 6, "2019-2024");
    // The two Disrupting Harm measures are declared not comparable.
    let headline = pkg.dataset("dh-headline-past-year-ocsea").expect("dataset exists");
    assert!(headline.meta.comparability.iter().any(|c| c.dataset == "dh-tf-csea-prevalence" && c.verdict == evidence::Verdict::NotComparable));
}
