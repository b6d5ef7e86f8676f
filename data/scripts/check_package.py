#!/usr/bin/env python3
"""Check data/datapackage.json, the observation CSVs and glossary.json.

Usage: python3 data/scripts/check_package.py [--data DIR] [--sources DIR]
                                             [--allow-missing PATH ...]

Standard library only. Prints every problem as `file:row: field: problem`
and exits 1 if there is any error. Warnings (prefixed `warning:`) do not
fail the run but must be read.

--sources DIR   also look for every number written in the metadata texts
                in the source notes (SOURCES*.md, README.md, *.csv of DIR),
                so that no figure is typed that the sources do not contain:
                a number not found there is an ERROR. Also checks that every
                observation's grade matches the status of its row in the
                source files where they say one (see check_grades_in_sources).
                If DIR does not exist, every other check still runs and the
                checks that need DIR are named as skipped.
--allow-missing PATH   a resource path that may not exist yet (e.g. a
                reference file another script is still producing).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

HEADER = ["series", "geo", "period", "value", "lower", "upper", "note", "source_ref", "grade", "derivation"]
GRADES = {"verbatim", "secondary", "computed"}
PERIOD = re.compile(r"^\d{4}(/\d{4}|-\d{2}/\d{4}-\d{2})?$")
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL = re.compile(r"^https?://\S+$")
CAVEAT_KINDS = {"coverage", "bias", "definition", "comparability", "method"}
REQUIRED_KINDS = ["coverage", "bias", "definition", "comparability"]
UNITS = {"count", "percent", "rate", "score"}
SECTORS = {"government", "industry", "ngo", "academia", "intergovernmental"}
ORIGINS = {"company-reports", "hotline-reports", "analyst-assessment", "household-survey", "online-survey",
           "police-records", "offender-survey", "meta-analysis"}
REPORT_BASED = {"company-reports", "hotline-reports", "analyst-assessment"}
BREAKDOWNS = {"sex", "age-band", "disability", "ethnicity-race", "urban-rural", "migrant-status"}
TOPICS = {"uncertainty", "report-timing"}
SCOPE_KINDS = {"member-network", "pooled-countries", "pooled-studies", "reporting-companies", "service-users"}
ROLES = {"primary", "secondary"}
METHODS = {"administrative", "provider-reports", "hotline-reports", "household-survey", "online-survey",
           "meta-analysis", "police-recorded", "self-selected-survey"}
VERDICTS = {"not-comparable", "with-care", "comparable"}
LANGS = ("en", "fr")
MIN_GLOSSARY_TERMS = 28


class Report:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, where: str, msg: str):
        self.errors += 1
        print(f"{where}: {msg}")

    def warn(self, where: str, msg: str):
        self.warnings += 1
        print(f"warning: {where}: {msg}")


# ------------------------------------------------------------------ text

def check_localised(r: Report, where: str, obj, required=LANGS):
    if not isinstance(obj, dict):
        r.error(where, "expected {\"en\": ..., \"fr\": ...}")
        return
    for lang in required:
        v = obj.get(lang)
        if not isinstance(v, str) or not v.strip():
            r.error(where, f"missing or empty '{lang}' text")
    extra = set(obj) - set(LANGS)
    if extra:
        r.error(where, f"unknown language keys {sorted(extra)}")


def check_tones(r: Report, where: str, obj):
    if not isinstance(obj, dict):
        r.error(where, "expected {\"plain\": ..., \"technical\": ...}")
        return
    for tone in ("plain", "technical"):
        if tone not in obj:
            r.error(where, f"missing '{tone}' tone")
        else:
            check_localised(r, f"{where}.{tone}", obj[tone])


# A number may follow "s." or "art." (legal sections) but not another digit
# group ("1.5", "1,000"): the lookbehinds exclude only digit-separator pairs.
EN_NUM = re.compile(r"(?<!\d[.,])(?<![\w])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<!\d[.,])(?<![\w])\d+(?:\.\d+)?(?![\d])")
FR_NUM = re.compile(r"(?<!\d[.,\s])(?<![\w])\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:,\d+)?(?![\d])|(?<!\d[.,])(?<![\w])\d+(?:[,.]\d+)?(?![\d])")


def numbers_en(text: str) -> list[str]:
    return sorted(n.replace(",", "") for n in EN_NUM.findall(text))


def numbers_fr(text: str) -> list[str]:
    return sorted(re.sub(r"[ \u202f\u00a0]", "", n).replace(",", ".") for n in FR_NUM.findall(text))


def walk_localised(obj, path=""):
    """Yield (path, Localised dict) for every {"en":..,"fr":..} inside obj."""
    if isinstance(obj, dict):
        if "en" in obj and all(k in LANGS for k in obj):
            yield path, obj
            return
        for k, v in obj.items():
            yield from walk_localised(v, f"{path}.{k}" if path else k)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk_localised(v, f"{path}[{i}]")


def check_translation_numbers(r: Report, where: str, obj):
    """The French text should carry the same figures as the English text."""
    for path, loc in walk_localised(obj):
        en, fr = loc.get("en"), loc.get("fr")
        if isinstance(en, str) and isinstance(fr, str):
            a, b = numbers_en(en), numbers_fr(fr)
            if a != b:
                r.warn(f"{where}.{path}", f"numbers differ between en {a} and fr {b}")


# ------------------------------------------------------------------ CSV

def read_csv(r: Report, path: Path, rel: str):
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        r.error(f"{rel}:1", "file starts with a BOM")
    if b"\r" in raw:
        r.error(rel, "CR characters found; line endings must be \\n")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        r.error(rel, f"not UTF-8: {e}")
        return None, []
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        r.error(rel, "empty file")
        return None, []
    return rows[0], rows[1:]


def load_geo_codes(r: Report, data: Path):
    path = data / "reference" / "geographies.csv"
    if not path.exists():
        return None
    header, rows = read_csv(r, path, "reference/geographies.csv")
    if header is None:
        return None
    if "code" not in header:
        r.error("reference/geographies.csv:1", "no 'code' column")
        return None
    i = header.index("code")
    return {row[i] for row in rows if len(row) > i}


def check_observations(r: Report, data: Path, res: dict, geo_codes):
    rel = res["path"]
    path = data / rel
    header, rows = read_csv(r, path, rel)
    if header is None:
        return set()
    if header != HEADER:
        r.error(f"{rel}:1", f"header must be {','.join(HEADER)}, found {','.join(header)}")
        return set()
    ev = res.get("evidence", {})
    unit = ev.get("indicator", {}).get("unit")
    source_ids = {s.get("id") for s in ev.get("sources", [])}
    roles = {s.get("id"): s.get("role", "primary") for s in ev.get("sources", [])}
    has_interval = False
    periods = []
    geos = []
    seen = set()
    keys = []
    series_seen = set()
    for n, row in enumerate(rows, 2):
        where = f"{rel}:{n}"
        if len(row) != len(HEADER):
            r.error(where, f"expected {len(HEADER)} fields, found {len(row)}")
            continue
        rec = dict(zip(HEADER, row))
        series_seen.add(rec["series"])
        if not rec["geo"]:
            r.error(where, "geo: required")
        elif geo_codes is not None and rec["geo"] not in geo_codes:
            r.error(where, f"geo: '{rec['geo']}' is not a code in reference/geographies.csv")
        if not PERIOD.match(rec["period"]):
            r.error(where, f"period: '{rec['period']}' is not YYYY, YYYY/YYYY or YYYY-MM/YYYY-MM")
        else:
            p = rec["period"]
            if "/" in p and p.split("/")[0] > p.split("/")[1]:
                r.error(where, f"period: '{p}' ends before it starts")
        nums = {}
        for field in ("value", "lower", "upper"):
            v = rec[field]
            if v == "":
                continue
            if not PLAIN_NUMBER.match(v):
                r.error(where, f"{field}: '{v}' is not a plain decimal number")
                continue
            nums[field] = float(v)
        if rec["value"] == "":
            r.error(where, "value: required (a missing figure is a missing row)")
        if ("lower" in nums) != ("upper" in nums):
            r.error(where, "lower/upper: give both or neither")
        if "value" in nums and "lower" in nums and "upper" in nums:
            if not nums["lower"] <= nums["value"] <= nums["upper"]:
                r.error(where, f"value {rec['value']} not within [{rec['lower']}, {rec['upper']}]")
        for field, v in nums.items():
            if v < 0:
                r.error(where, f"{field}: negative")
            if unit == "percent" and v > 100:
                r.error(where, f"{field}: percent above 100")
        if not rec["source_ref"]:
            r.error(where, "source_ref: required")
        elif rec["source_ref"] not in source_ids:
            r.error(where, f"source_ref: '{rec['source_ref']}' is not an id in evidence.sources")
        grade, role = rec["grade"], roles.get(rec["source_ref"])
        if grade not in GRADES:
            r.error(where, f"grade: '{grade}' must be one of {sorted(GRADES)}")
        elif grade == "secondary" and role == "primary":
            r.error(where, f"grade: a secondary figure must cite a source with role 'secondary', not '{rec['source_ref']}'")
        elif grade == "verbatim" and role == "secondary":
            r.error(where, f"grade: '{rec['source_ref']}' is a secondary source: the figure is 'secondary'")
        if (grade == "computed") != bool(rec["derivation"].strip()):
            r.error(where, "derivation: required for a computed figure, and only for one")
        if rec["lower"]:
            has_interval = True
        periods.append(rec["period"])
        geos.append(rec["geo"])
        key = (rec["series"], rec["geo"], rec["period"])
        if key in seen:
            r.error(where, f"duplicate (series, geo, period) {key}")
        seen.add(key)
        keys.append(key)
    if keys != sorted(keys):
        r.error(rel, "rows are not sorted by (series, geo, period)")
    if not rows:
        r.error(rel, "no observations")
    if has_interval and not any(c.get("topic") == "uncertainty" for c in ev.get("caveats", [])):
        r.error(f"datapackage.json: {res.get('name')}", "figures have intervals: a caveat with topic 'uncertainty' is required")
    if ev.get("population_scope") is not None and any(g != "001" for g in geos):
        r.error(f"datapackage.json: {res.get('name')}", "population_scope: a dataset whose population is not a place is coded 001 only")
    years = sorted(int(p[:4]) for p in periods if p[:4].isdigit())
    for i, b in enumerate(ev.get("breaks", [])):
        at = str(b.get("period", ""))[:4]
        if not at.isdigit() or not years or not years[0] < int(at) <= years[-1]:
            r.error(f"datapackage.json: {res.get('name')}.breaks[{i}]", f"period {b.get('period')} is not inside the figures' years")
    return series_seen


# ------------------------------------------------------------------ metadata

def check_dataset(r: Report, names: set, res: dict, glossary_ids: set):
    name = res.get("name", "?")
    w = f"datapackage.json: {name}"
    for key in ("name", "path", "profile", "format", "mediatype", "encoding", "title", "description",
                "sources", "licenses", "schema", "evidence"):
        if key not in res:
            r.error(w, f"missing '{key}'")
    if res.get("profile") != "tabular-data-resource":
        r.error(w, "profile must be tabular-data-resource")
    if res.get("path") != f"observations/{name}.csv":
        r.error(w, f"path must be observations/{name}.csv")
    schema = res.get("schema", {})
    fields = [f.get("name") for f in schema.get("fields", [])]
    if fields != HEADER:
        r.error(w, f"schema fields must be {HEADER}")
    if schema.get("missingValues") != [""]:
        r.error(w, "schema.missingValues must be [\"\"]")
    for s in res.get("sources", []):
        if not s.get("title") or not URL.match(s.get("path", "")):
            r.error(w, f"sources: each needs a title and an http(s) path: {s}")
    for lic in res.get("licenses", []):
        if not (lic.get("name") or lic.get("path")):
            r.error(w, "licenses: each needs a name or a path")

    ev = res.get("evidence", {})
    check_localised(r, f"{w}.evidence.title", ev.get("title"))
    if not ev.get("publisher"):
        r.error(w, "evidence.publisher: required")
    if ev.get("sector") not in SECTORS:
        r.error(w, f"evidence.sector must be one of {sorted(SECTORS)}")
    if ev.get("origin") not in ORIGINS:
        r.error(w, f"evidence.origin must be one of {sorted(ORIGINS)}")
    bd = ev.get("breakdowns")
    if not isinstance(bd, list):
        r.error(w, "evidence.breakdowns: required (a list, possibly empty)")
    else:
        for b in bd:
            if b not in BREAKDOWNS:
                r.error(w, f"evidence.breakdowns: '{b}' must be one of {sorted(BREAKDOWNS)}")
        if len(bd) != len(set(bd)):
            r.error(w, "evidence.breakdowns: duplicates")
    # What the publisher gives by group, not charted here: a known group, not
    # one the figures are split by, listed once, said where, cited to one of
    # the dataset's own sources (evidence/src/validate.rs has the same rules).
    source_ids = {s.get("id") for s in ev.get("sources", [])}
    published = set()
    for i, sb in enumerate(ev.get("source_breakdowns", [])):
        sw = f"{w}.source_breakdowns[{i}]"
        g = sb.get("breakdown")
        if g not in BREAKDOWNS:
            r.error(sw, f"breakdown '{g}' must be one of {sorted(BREAKDOWNS)}")
        if isinstance(bd, list) and g in bd:
            r.error(sw, f"breakdown '{g}' is in evidence.breakdowns: the figures here are split by it")
        if g in published:
            r.error(sw, f"breakdown '{g}' listed twice")
        published.add(g)
        check_localised(r, f"{sw}.where", sb.get("where"))
        if sb.get("source") not in source_ids:
            r.error(sw, f"source '{sb.get('source')}' is not one of the dataset's evidence.sources")
        if "url" in sb and not URL.match(str(sb["url"])):
            r.error(sw, "url is not http(s)")
        unknown = set(sb) - {"breakdown", "where", "source", "url"}
        if unknown:
            r.error(sw, f"unknown keys {sorted(unknown)}")
    if "origin_source" in ev and ev["origin_source"] not in source_ids:
        r.error(w, f"evidence.origin_source: '{ev['origin_source']}' is not one of the dataset's evidence.sources")
    for i, b in enumerate(ev.get("breaks", [])):
        bw = f"{w}.breaks[{i}]"
        if not PERIOD.match(str(b.get("period", ""))):
            r.error(bw, "period: not a period")
        check_localised(r, f"{bw}.label", b.get("label"))
        check_tones(r, f"{bw}.reason", b.get("reason"))
        if "country_sum" in b:
            check_tones(r, f"{bw}.country_sum", b.get("country_sum"))
    scope = ev.get("population_scope")
    if scope is not None:
        if scope.get("kind") not in SCOPE_KINDS:
            r.error(w, f"evidence.population_scope.kind must be one of {sorted(SCOPE_KINDS)}")
        check_localised(r, f"{w}.population_scope.label", scope.get("label"))
    if ev.get("origin") in REPORT_BASED and not any(c.get("topic") == "report-timing" for c in ev.get("caveats", [])):
        r.error(w, "caveats: a report-based origin needs a caveat with topic 'report-timing'")
    if not ev.get("licence"):
        r.error(w, "evidence.licence: required")
    ids = [s.get("id") for s in ev.get("sources", [])]
    if not ids:
        r.error(w, "evidence.sources: at least one source")
    if len(ids) != len(set(ids)):
        r.error(w, "evidence.sources: duplicate ids")
    for s in ev.get("sources", []):
        for key in ("id", "title", "publisher", "url"):
            if not s.get(key):
                r.error(w, f"evidence.sources[{s.get('id')}]: missing {key}")
        if s.get("url") and not URL.match(s["url"]):
            r.error(w, f"evidence.sources[{s.get('id')}]: url is not http(s)")
        if s.get("id") and not KEBAB.match(s["id"]):
            r.error(w, f"evidence.sources: id '{s['id']}' is not kebab-case")
        if s.get("role", "primary") not in ROLES:
            r.error(w, f"evidence.sources[{s.get('id')}]: role must be one of {sorted(ROLES)}")

    ind = ev.get("indicator", {})
    check_localised(r, f"{w}.indicator.name", ind.get("name"))
    if ind.get("unit") not in UNITS:
        r.error(w, f"indicator.unit must be one of {sorted(UNITS)}")
    check_localised(r, f"{w}.indicator.unit_label", ind.get("unit_label"))
    if "unit_label_one" in ind:
        check_localised(r, f"{w}.indicator.unit_label_one", ind.get("unit_label_one"))
        if ind.get("unit") != "count":
            r.error(w, "indicator.unit_label_one: only a count has a unit for one")
    check_tones(r, f"{w}.indicator.definition", ind.get("definition"))
    for g in ind.get("glossary", []):
        if g not in glossary_ids:
            r.error(w, f"indicator.glossary: '{g}' is not a term id in glossary.json")
    if not ind.get("glossary"):
        r.error(w, "indicator.glossary: at least one term")

    cov = ev.get("coverage", {})
    check_tones(r, f"{w}.coverage.population", cov.get("population"))
    if cov.get("method") not in METHODS:
        r.error(w, f"coverage.method must be one of {sorted(METHODS)}")
    check_localised(r, f"{w}.coverage.geographic_scope", cov.get("geographic_scope"))

    kinds = set()
    for i, c in enumerate(ev.get("caveats", [])):
        cw = f"{w}.caveats[{i}]"
        if c.get("kind") not in CAVEAT_KINDS:
            r.error(cw, f"kind must be one of {sorted(CAVEAT_KINDS)}")
        if "topic" in c and c["topic"] not in TOPICS:
            r.error(cw, f"topic must be one of {sorted(TOPICS)}")
        kinds.add(c.get("kind"))
        check_localised(r, f"{cw}.plain", c.get("plain"))
        check_localised(r, f"{cw}.technical", c.get("technical"))
        if "source_url" in c and not URL.match(c["source_url"]):
            r.error(cw, "source_url is not http(s)")
        if "source_url" not in c and c.get("kind") != "method":
            r.warn(cw, "no source_url")
    for k in REQUIRED_KINDS:
        if k not in kinds:
            r.error(w, f"caveats: no '{k}' caveat")

    seen = set()
    for i, c in enumerate(ev.get("comparability", [])):
        cw = f"{w}.comparability[{i}]"
        d = c.get("dataset")
        if d not in names:
            r.error(cw, f"dataset '{d}' is not a dataset in the package")
        if d == name:
            r.error(cw, "compares the dataset with itself")
        if d in seen:
            r.error(cw, f"dataset '{d}' listed twice")
        seen.add(d)
        if c.get("verdict") not in VERDICTS:
            r.error(cw, f"verdict must be one of {sorted(VERDICTS)}")
        check_tones(r, f"{cw}.reason", c.get("reason"))
    if not ev.get("comparability"):
        r.error(w, "comparability: at least one entry")

    for key, s in ev.get("series", {}).items():
        check_localised(r, f"{w}.series[{key}].label", s.get("label"))
        pt = s.get("preferred_term")
        if pt is not None and pt not in glossary_ids:
            r.error(w, f"series[{key}].preferred_term: '{pt}' is not a term id in glossary.json")

    check_translation_numbers(r, w, ev)
    return {c.get("dataset"): c.get("verdict") for c in ev.get("comparability", [])}


def check_glossary(r: Report, path: Path):
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        r.error("glossary.json", f"cannot load: {e}")
        return set()
    terms = g.get("terms", [])
    if len(terms) < MIN_GLOSSARY_TERMS:
        r.error("glossary.json", f"{len(terms)} terms, at least {MIN_GLOSSARY_TERMS} expected")
    ids = set()
    for i, t in enumerate(terms):
        w = f"glossary.json: terms[{i}] ({t.get('id')})"
        tid = t.get("id", "")
        if not KEBAB.match(tid):
            r.error(w, "id is not kebab-case")
        if tid in ids:
            r.error(w, "duplicate id")
        ids.add(tid)
        for key in ("term", "plain", "technical"):
            check_localised(r, f"{w}.{key}", t.get(key))
        if not isinstance(t.get("avoid"), list):
            r.error(w, "avoid: must be a list (possibly empty)")
        for j, a in enumerate(t.get("avoid", [])):
            if not a.get("term"):
                r.error(w, f"avoid[{j}]: term required")
            if a.get("lang", "en") not in LANGS:
                r.error(w, f"avoid[{j}]: lang must be one of {list(LANGS)}")
            check_localised(r, f"{w}.avoid[{j}].why", a.get("why"))
        if not t.get("reference"):
            r.error(w, "reference: required")
        check_translation_numbers(r, w, t)
    return ids


# ------------------------------------------------------------------ sources cross-check

# Numbers in the texts that are not figures: US Code sections, the ISO 3166
# standard, and the World code 001.
NOT_FIGURES = {"1470", "1591", "2252", "2422", "3166", "001"}


def check_numbers_in_sources(r: Report, pkg: dict, glossary_path: Path, sources: Path):
    corpus = ""
    for p in sorted(sources.glob("*.md")) + sorted(sources.glob("*.csv")):
        corpus += p.read_text(encoding="utf-8") + "\n"
    # numbers as they appear in the sources, separators removed
    found = set(numbers_en(corpus)) | {n.replace(".", "") for n in re.findall(r"\d{1,3}(?:\.\d{3})+", corpus)}
    found |= {n.replace("·", ".") for n in re.findall(r"\d+·\d+", corpus)}

    def scan(where, obj):
        for path, loc in walk_localised(obj):
            en = loc.get("en")
            if isinstance(en, str):
                for n in numbers_en(en):
                    if n in found or n in NOT_FIGURES or len(n) < 2 or n.startswith("0"):
                        continue
                    if not (len(n) == 4 and n.startswith(("19", "20"))):
                        r.error(f"{where}.{path}", f"number {n} not found in {sources}")

    for res in pkg.get("resources", []):
        if "evidence" in res:
            scan(f"datapackage.json: {res['name']}", res["evidence"])
    scan("glossary.json", json.loads(glossary_path.read_text(encoding="utf-8")))


def check_grades_in_sources(r: Report, data: Path, datasets: list, sources: Path):
    """Every figure that appears, for its year, in a source file with a
    `status` column carries that status as its grade (a verbatim figure in data/ must be
    verbatim there, a secondary one secondary); a computed figure must not
    be printed as such, and none may come from an 'unverified' row."""
    status_of: dict[str, set] = {}
    for p in sorted(sources.glob("*.csv")):
        with open(p, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if not rows or "status" not in rows[0]:
            continue
        for row in rows:
            st = (row.get("status") or "").strip().lower()
            year = (row.get("year") or row.get("period") or "").strip()[:4]
            if not year.isdigit():
                continue
            for k, v in row.items():
                if k and k not in ("status", "year") and v and PLAIN_NUMBER.match(v.strip()):
                    status_of.setdefault((v.strip(), year), set()).add(st)
    checked = 0
    for res in datasets:
        rel = res.get("path", "")
        path = data / rel
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for n, row in enumerate(csv.DictReader(f), 2):
                statuses = status_of.get((row.get("value", ""), row.get("period", "")[:4]))
                if not statuses:
                    continue
                checked += 1
                grade = row.get("grade")
                if statuses == {"unverified"}:
                    r.error(f"{rel}:{n}", f"grade: {row['value']} is only in rows marked unverified in {sources}")
                elif grade not in statuses:
                    r.error(f"{rel}:{n}", f"grade: '{grade}' but {row['value']} is marked {sorted(statuses)} in {sources}")
    print(f"grades: {checked} figures checked against the status in {sources}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--sources", type=Path)
    ap.add_argument("--allow-missing", action="append", default=[])
    args = ap.parse_args(argv[1:])
    data = args.data.resolve()
    r = Report()
    try:
        pkg = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        print(f"datapackage.json: cannot load: {e}")
        return 1
    for key in ("name", "title", "description", "version", "licenses", "resources"):
        if key not in pkg:
            r.error("datapackage.json", f"missing '{key}'")
    if pkg.get("name") != "csea-evidence":
        r.error("datapackage.json", "name must be csea-evidence")
    resources = pkg.get("resources", [])
    rnames = [res.get("name") for res in resources]
    if len(rnames) != len(set(rnames)):
        r.error("datapackage.json", "duplicate resource names")
    for res in resources:
        p = res.get("path", "")
        if not (data / p).exists():
            if p in args.allow_missing:
                r.warn("datapackage.json", f"{res.get('name')}: path {p} does not exist (allowed)")
            else:
                r.error("datapackage.json", f"{res.get('name')}: path {p} does not exist")

    glossary_ids = check_glossary(r, data / "glossary.json") if (data / "glossary.json").exists() else set()
    geo_codes = load_geo_codes(r, data)
    if geo_codes is None:
        r.warn("reference/geographies.csv", "missing: geo codes not checked")
    datasets = [res for res in resources if "evidence" in res]
    names = {res["name"] for res in datasets}
    verdicts = {}
    for res in datasets:
        verdicts[res["name"]] = check_dataset(r, names, res, glossary_ids)
        if (data / res.get("path", "")).exists():
            series_seen = check_observations(r, data, res, geo_codes)
            for key in res.get("evidence", {}).get("series", {}):
                if key not in series_seen:
                    r.error(f"datapackage.json: {res['name']}", f"series '{key}' has no rows in {res['path']}")
    # a pair judged in both directions must not disagree
    for a, theirs in verdicts.items():
        for b, v in theirs.items():
            back = verdicts.get(b, {}).get(a)
            if back is not None and back != v:
                r.warn(f"datapackage.json: {a}", f"verdict on {b} is {v}, but {b} says {back} about {a}")
    skipped = []
    if args.sources and args.sources.resolve().is_dir():
        check_numbers_in_sources(r, pkg, data / "glossary.json", args.sources.resolve())
        check_grades_in_sources(r, data, datasets, args.sources.resolve())
    elif args.sources:
        skipped = ["numbers in the metadata texts found in the sources",
                   "grades of the observations against the status in the source files"]
        print(f"SKIPPED (no folder {args.sources}): " + "; ".join(skipped))
    print(f"{len(datasets)} datasets, {len(glossary_ids)} glossary terms: {r.errors} errors, {r.warnings} warnings"
          + (f", {len(skipped)} checks skipped" if skipped else ""))
    return 1 if r.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
