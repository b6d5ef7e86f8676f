#!/usr/bin/env python3
"""Build data/observations/<dataset-id>.csv from the curated source CSVs.

Usage: python3 data/scripts/build_observations.py [--check] [SHARED_DATA_DIR]

With --check nothing is written: the observations are rebuilt in memory and
compared with data/observations/, and any difference fails (exit 1). The test
command runs this, so no figure in data/ can differ from ../shared/data.

SHARED_DATA_DIR defaults to ../shared/data relative to the repository root.
Standard library only (Python 3.11). The output is deterministic: rows sorted
by (series, geo, period), "\n" line endings, UTF-8 without BOM.

Rules this script enforces (docs/data-format.md):
- values are copied as the source CSV prints them (never rounded, never
  reformatted); a figure missing in the source is a missing row, never 0;
- every row carries its provenance grade (`grade`): `verbatim` (seen in the
  publisher's own text), `secondary` (seen only in a third party's
  transcription or report, cited by a source with "role": "secondary") or
  `computed` (curators' arithmetic, with the formula in `derivation`);
- from the 2019-2023 files only rows whose status is "verbatim" are used
  (the by-country and by-provider tables have no status column: SOURCES.md
  marks them verbatim); the 2024-2025 files (SOURCES-3.md) are used with
  their own status as the grade, and "unverified" rows never;
- the claims the metadata makes about the new files (the 2024 country rows
  sum to 3.2% more than the national total; the incident types and the
  file types add up) are recomputed here, so a changed file fails the build;
- every source_ref is an id declared in the dataset's evidence.sources in
  data/datapackage.json (check_package.py verifies this);
- an unknown source URL or an unexpected period makes the build fail, so a
  new row in the source CSVs forces a look at the metadata.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "data" / "observations"
HEADER = ["series", "geo", "period", "value", "lower", "upper", "note", "source_ref", "grade", "derivation"]
GRADES = {"verbatim", "secondary", "computed"}
NUMBER = re.compile(r"^\d+(\.\d+)?$")

WORLD = "001"
NO_COUNTRY = "ZZZ"


class BuildError(Exception):
    pass


def read(shared: Path, name: str) -> list[dict[str, str]]:
    # newline="" lets csv handle the CRLF files as well as the LF ones
    with open(shared / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def num(text: str, where: str) -> str:
    """Return the figure exactly as printed, after checking it is a plain decimal."""
    text = text.strip()
    if not NUMBER.match(text):
        raise BuildError(f"{where}: not a plain decimal: {text!r}")
    return text


def verbatim(row: dict[str, str], where: str) -> bool:
    status = row.get("status", "").strip().lower()
    if status not in {"verbatim", "secondary", "unverified"}:
        raise BuildError(f"{where}: unknown status {status!r}")
    return status == "verbatim"


def grade_of(row: dict[str, str], where: str) -> str | None:
    """The row's status as a grade, or None for a row that must not be used."""
    status = row.get("status", "").strip().lower()
    if status == "unverified":
        return None
    if status not in GRADES:
        raise BuildError(f"{where}: unknown status {status!r}")
    return status


def obs(series="", geo=WORLD, period="", value="", lower="", upper="", note="", source_ref="",
        grade="verbatim", derivation=""):
    if grade not in GRADES:
        raise BuildError(f"{series} {geo} {period}: unknown grade {grade!r}")
    if (grade == "computed") != bool(derivation):
        raise BuildError(f"{series} {geo} {period}: a computed figure, and only one, has a derivation")
    return {
        "series": series,
        "geo": geo,
        "period": period,
        "value": value,
        "lower": lower,
        "upper": upper,
        "note": note,
        "source_ref": source_ref,
        "grade": grade,
        "derivation": derivation,
    }


def lookup(table: dict[str, str], key: str, where: str) -> str:
    try:
        return table[key]
    except KeyError:
        raise BuildError(f"{where}: no source id for {key!r}; add it to the script and datapackage.json")


# ---------------------------------------------------------------- NCMEC


def ncmec_totals(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "ncmec_cybertipline_totals.csv"), 2):
        where = f"ncmec_cybertipline_totals.csv:{i}"
        if not verbatim(r, where):
            continue
        year = r["year"].strip()
        rows.append(obs(period=year, value=num(r["reports"], where),
                        source_ref=f"ncmec-{year}-by-country"))
    name = "ncmec_cybertipline_totals_2024_2025.csv"
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if grade is None or r["measure"].strip() != "reports received (all sources)":
            continue
        year = r["year"].strip()
        note = {
            "2024": "Counted in a new way from 2024 (bundling of reports about one incident, known only from "
                    "secondary accounts; the REPORT Act; referrals and informational reports): not comparable "
                    "with 2019-2023. NBC News gives \"about 29.2 million\" reports (secondary; read here as "
                    "the count before bundling).",
            "2025": "Counted as in 2024 (assumed: NCMEC's own 2025 pages were not seen).",
        }.get(year)
        if note is None:
            raise BuildError(f"{where}: unexpected year {year!r}")
        rows.append(obs(period=year, value=num(r["value"], where), note=note, grade=grade,
                        source_ref="diaphanous-ncmec-per-year"))
    return rows


def ncmec_total(shared: Path, year: str) -> int:
    for r in read(shared, "ncmec_cybertipline_totals_2024_2025.csv"):
        if r["year"].strip() == year and r["measure"].strip() == "reports received (all sources)":
            return int(r["value"])
    for r in read(shared, "ncmec_cybertipline_totals.csv"):
        if r["year"].strip() == year:
            return int(r["reports"])
    raise BuildError(f"no NCMEC total for {year}")


# Printed names kept in `note` although no curation_note asks for it: rows
# whose code is not an ordinary ISO 3166-1 country, so the reader must see
# what NCMEC actually printed.
SPECIAL_PRINTED = {
    "EEE": "NCMEC printed this row as \"{name}\", a continent, not a country.",
    "ANT": "NCMEC printed \"{name}\", a territory dissolved in 2010 whose ISO code was withdrawn.",
}


def ncmec_by_country(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "ncmec_cybertipline_reports_by_country_2019_2023.csv"), 2):
        where = f"ncmec_cybertipline_reports_by_country_2019_2023.csv:{i}"
        iso3 = r["iso3"].strip()
        name = r["name_as_printed"].strip()
        curation = r["curation_note"].strip()
        year = r["year"].strip()
        if not re.fullmatch(r"20(19|2[0-3])", year):
            raise BuildError(f"{where}: unexpected year {year!r}")
        geo = iso3 if iso3 else NO_COUNTRY
        notes = []
        if curation or not iso3:
            notes.append(f"NCMEC printed \"{name}\".")
        if iso3 in SPECIAL_PRINTED:
            notes.append(SPECIAL_PRINTED[iso3].format(name=name))
        if curation:
            curation = curation[0].upper() + curation[1:]
            notes.append(curation if curation.endswith(".") else curation + ".")
        rows.append(obs(geo=geo, period=year, value=num(r["reports"], where),
                        note=" ".join(notes), source_ref=f"ncmec-{year}-by-country"))
    rows.extend(ncmec_by_country_2024(shared, rows))
    return rows


# The two jurisdictions where NCMEC's Global Platform (rounded referrals)
# differs sharply from the transcription (SOURCES-3.md, 1a check 4):
# (referrals as transcribed, Global Platform figure as printed there).
GLOBAL_PLATFORM_DIFFERS = {"IRL": ("26150", "14000"), "ITA": ("108979", "61000")}
# The share by which the 2024 country rows exceed the national total, as the
# metadata states it (SOURCES-3.md, 1c); recomputed below.
COUNTRY_SUM_EXCESS_PCT = "3.2"


def ncmec_by_country_2024(shared: Path, earlier: list[dict]) -> list[dict]:
    name = "ncmec_cybertipline_reports_by_country_2024.csv"
    by_2023 = {r["geo"]: int(r["value"]) for r in earlier if r["period"] == "2023"}
    rows, total = [], 0
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if r["year"].strip() != "2024":
            raise BuildError(f"{where}: unexpected year {r['year']!r}")
        iso3 = r["iso3"].strip()
        geo = iso3 if iso3 else NO_COUNTRY
        referrals, informational = num(r["referrals"], where), num(r["informational"], where)
        reports = num(r["reports"], where)
        if int(referrals) + int(informational) != int(reports):
            raise BuildError(f"{where}: referrals + informational != reports")
        total += int(reports)
        if grade is None:
            continue
        notes = [f"Referrals: {int(referrals):,}; informational: {int(informational):,}."]
        curation = r["curation_note"].strip()
        if curation.startswith("2024 total is under 5%"):
            m = re.search(r"\(([\d,]+)\)", curation)
            if not m or int(m.group(1).replace(",", "")) != by_2023.get(geo):
                raise BuildError(f"{where}: the flag's 2023 figure is not the 2023 row")
            if int(reports) * 20 >= by_2023[geo]:
                raise BuildError(f"{where}: flagged under 5% of 2023 but is not")
            notes.append(f"Flagged: under 5% of the 2023 figure ({m.group(1)}); as transcribed, "
                         "to be checked against NCMEC's own table.")
        elif not iso3:
            notes.append(f"Transcribed as \"{r['name_as_transcribed'].strip()}\".")
        if geo in GLOBAL_PLATFORM_DIFFERS:
            transcribed, platform = GLOBAL_PLATFORM_DIFFERS[geo]
            if transcribed != referrals:
                raise BuildError(f"{where}: referrals no longer {transcribed}")
            notes.append(f"Flagged: NCMEC's Global Platform gives about {int(platform):,} referrals, "
                         f"against {int(transcribed):,} here; NCMEC says the two publications differ.")
        rows.append(obs(geo=geo, period="2024", value=reports, note=" ".join(notes), grade=grade,
                        source_ref="diaphanous-ncmec-by-country-2024"))
    national = ncmec_total(shared, "2024")
    excess = f"{(total / national - 1) * 100:.1f}"
    if excess != COUNTRY_SUM_EXCESS_PCT:
        raise BuildError(f"{name}: rows sum to {total}, {excess}% above the total {national}, "
                         f"not the {COUNTRY_SUM_EXCESS_PCT}% the metadata says")
    return rows


def ncmec_incident_types(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "ncmec_cybertipline_incident_types_2020_2022.csv"), 2):
        where = f"ncmec_cybertipline_incident_types_2020_2022.csv:{i}"
        series = r["incident_type_as_named_by_ncmec"].strip()
        for year in ("2020", "2021", "2022"):
            if r[year].strip() == "":
                continue
            rows.append(obs(series=series, period=year, value=num(r[year], where),
                            source_ref="ncmec-cybertipline-2022-report"))
    name = "ncmec_cybertipline_incident_types_2023_2024.csv"
    known = {r["series"] for r in rows}
    sums: dict[str, int] = {}
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        series = r["incident_type_as_named_by_ncmec_2020_2022"].strip()
        if series not in known:
            raise BuildError(f"{where}: {series!r} is not a 2020-2022 category")
        year = r["year"].strip()
        sums[year] = sums.get(year, 0) + int(num(r["reports"], where))
        if grade is None:
            continue
        rows.append(obs(series=series, period=year, value=num(r["reports"], where), grade=grade,
                        source_ref="diaphanous-ncmec-report-contents"))
    for year, total in sums.items():
        if total != ncmec_total(shared, year):
            raise BuildError(f"{name}: {year} types sum to {total}, not the total")
    return rows


def ncmec_files(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "ncmec_cybertipline_files_2021_2023.csv"), 2):
        where = f"ncmec_cybertipline_files_2021_2023.csv:{i}"
        for year in ("2021", "2022", "2023"):
            if r[year].strip() == "":
                continue
            rows.append(obs(series=r["file_type"].strip(), period=year, value=num(r[year], where),
                            source_ref="ncmec-ojjdp-transparency-cy2023"))
    name = "ncmec_cybertipline_files_2024.csv"
    parts: dict[str, int] = {}
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if grade is None:
            continue
        kind, year, value = r["file_type"].strip(), r["year"].strip(), num(r["files"], where)
        derivation = ""
        if grade == "computed":
            if kind != "Total" or int(value) != sum(parts.values()):
                raise BuildError(f"{where}: the computed row is not the sum of the rows above")
            derivation = " + ".join(f"{k} {v}" for k, v in parts.items()) + f" = {value} ({year})"
        else:
            parts[kind] = int(value)
        rows.append(obs(series=kind, period=year, value=value, grade=grade, derivation=derivation,
                        source_ref="diaphanous-ncmec-report-contents"))
    return rows


def ncmec_by_provider(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "ncmec_cybertipline_reports_by_provider_2019_2023.csv"), 2):
        where = f"ncmec_cybertipline_reports_by_provider_2019_2023.csv:{i}"
        year = r["year"].strip()
        if not re.fullmatch(r"20(19|2[0-3])", year):
            raise BuildError(f"{where}: unexpected year {year!r}")
        rows.append(obs(series=r["provider_as_printed"].strip(), period=year,
                        value=num(r["reports"], where), note=r["note"].strip(),
                        source_ref=f"ncmec-{year}-by-esp"))
    return rows


def ncmec_by_provider_selected(shared: Path) -> list[dict]:
    name = "ncmec_cybertipline_reports_by_provider_2024_2025_selected.csv"
    rows = []
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if grade is None:
            continue
        year = r["year"].strip()
        if year not in ("2024", "2025"):
            raise BuildError(f"{where}: unexpected year {year!r}")
        printed = r["name_as_printed_2023"].strip()
        note = f"Named \"{printed}\" in NCMEC's 2023 table." if printed else ""
        rows.append(obs(series=r["provider_label_in_transcription"].strip(), period=year,
                        value=num(r["reports"], where), note=note, grade=grade,
                        source_ref="diaphanous-ncmec-platform-data"))
    return rows


def ncmec_half_year(shared: Path) -> list[dict]:
    urls = {"https://www.missingkids.org/blog/2025/spike-in-online-crimes-against-children-a-wake-up-call":
            "ncmec-blog-2025-half-year"}
    periods = {"2024 January-June": "2024-01/2024-06", "2025 January-June": "2025-01/2025-06"}
    name = "ncmec_cybertipline_half_year_2024_2025.csv"
    rows = []
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if grade is None:
            continue
        rows.append(obs(series=r["indicator_as_named_by_ncmec"].strip(),
                        period=lookup(periods, r["period"].strip(), where),
                        value=num(r["reports"], where), grade=grade,
                        source_ref=lookup(urls, r["source_url"].strip(), where)))
    return rows


def ncmec_financial_sextortion(shared: Path) -> list[dict]:
    urls = {"https://www.missingkids.org/blog/2024/ncmec-releases-new-sextortion-data": "ncmec-sextortion-data-2024"}
    rows = []
    for i, r in enumerate(read(shared, "ncmec_financial_sextortion_reports.csv"), 2):
        where = f"ncmec_financial_sextortion_reports.csv:{i}"
        if not verbatim(r, where):
            continue
        rows.append(obs(period=r["year"].strip(), value=num(r["reports"], where),
                        source_ref=lookup(urls, r["source_url"].strip(), where)))
    return rows


# ---------------------------------------------------------------- hotlines

IWF_SOURCES = {
    "https://www.iwf.org.uk/about-iwf/iwf-history/iwf-highlights": "iwf-highlights",
    "https://annualreport2020.iwf.org.uk/trends": "iwf-annual-report-2020",
    "https://www.iwf.org.uk/about-us/who-we-are/annual-report-2021/": "iwf-annual-report-2021",
    "https://www.iwf.org.uk/about-us/who-we-are/annual-report-2022/": "iwf-annual-report-2022",
    "http://www.iwf.org.uk/annual-report-2023/trends-and-data/reports-analysis/": "iwf-annual-report-2023",
    "https://www.iwf.org.uk/annual-data-insights-report-2024/data-and-insights/where-our-reports-come-from/": "iwf-data-insights-2024",
}
IWF_ASSESSED = "Reports assessed"
IWF_CONFIRMED = "Reports confirmed as child sexual abuse imagery"


def iwf_notes(year: str, note: str) -> tuple[str, str]:
    """Attach the CSV's note to the series it qualifies: (assessed, confirmed)."""
    if not note and year != "2015":
        return "", ""
    if year == "2014":
        return "", f"Counted in URLs, not reports. IWF: {note}."
    if year == "2015":
        return "", ""
    if year == "2020":
        return "", note[0].upper() + note[1:] + "."
    if year == "2021":
        return note[0].upper() + note[1:] + ".", ""
    if year == "2023":
        webpages, confirmed = (p.strip() for p in note.split(";"))
        return (f"Made up of {webpages}.",
                f"Counted in URLs (webpages): {confirmed} as containing, linking to or advertising the imagery.")
    raise BuildError(f"iwf_reports.csv: note for {year} has no rule: {note!r}")


def iwf(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "iwf_reports.csv"), 2):
        where = f"iwf_reports.csv:{i}"
        if not verbatim(r, where):
            continue
        year = r["year"].strip()
        ref = lookup(IWF_SOURCES, r["source_url"].strip(), where)
        n_assessed, n_confirmed = iwf_notes(year, r["note"].strip())
        if year == "2015":
            # IWF's history page says "processed" for 2015 as for 2014; a
            # processed count is not charted as "assessed" in either year:
            # both stay in the note of the confirmed figure.
            processed = num(r["reports_assessed"], where)
            rows.append(obs(series=IWF_CONFIRMED, period=year, value=num(r["reports_confirmed"], where),
                            note=f"Counted in reports. IWF: {int(processed):,} reports processed; "
                                 f"{int(num(r['reports_confirmed'], where)):,} confirmed.",
                            source_ref=ref))
            continue
        if r["reports_assessed"].strip():
            rows.append(obs(series=IWF_ASSESSED, period=year, value=num(r["reports_assessed"], where),
                            note=n_assessed, source_ref=ref))
        elif n_assessed:
            raise BuildError(f"{where}: note for a missing figure")
        if r["reports_confirmed"].strip():
            rows.append(obs(series=IWF_CONFIRMED, period=year, value=num(r["reports_confirmed"], where),
                            note=n_confirmed, source_ref=ref))
        elif n_confirmed:
            raise BuildError(f"{where}: note for a missing figure")
    return rows


def inhope(shared: Path) -> list[dict]:
    urls = {
        "https://inhope.org/EN/articles/inhope-annual-report-2022": "inhope-annual-report-2022",
        "https://inhope.org/EN/articles/webinar-recap-inhope-annual-report-2023": "inhope-annual-report-2023-recap",
    }
    rows = []
    for i, r in enumerate(read(shared, "inhope_content_urls.csv"), 2):
        where = f"inhope_content_urls.csv:{i}"
        if not verbatim(r, where):
            continue
        value = num(r["content_urls_exchanged"], where)
        # INHOPE prints the figure with a full stop as thousands separator
        printed = f"{int(value):,}".replace(",", ".")
        notes = [f"INHOPE prints \"{printed}\" (full stop as thousands separator)."]
        share = r["share_illegal_percent"].strip()
        if share:
            notes.append(f"Share classified illegal, in INHOPE's words: \"{num(share, where)}% of this content was classified as illegal\".")
        rows.append(obs(period=r["year"].strip(), value=value, note=" ".join(notes),
                        source_ref=lookup(urls, r["source_url"].strip(), where)))
    return inhope_2020_2024(shared, rows)


NMHH_INHOPE = ("https://english.nmhh.hu/article/252532/A_record_number_of_two_and_a_half_million_URLs_of_"
               "child_sexual_abuse_material_was_initiated_for_removal_worldwide_in_2024")
# The figures first published for 2020 and 2021, before INHOPE's revision
# (SOURCES-3.md, 3: kept by the diaphanous repository).
INHOPE_FIRST_PUBLISHED = {"2020": "1038268", "2021": "928278"}


def inhope_2020_2024(shared: Path, rows: list[dict]) -> list[dict]:
    name = "inhope_content_urls_2020_2024.csv"
    by_year: dict[str, dict[str, tuple[str, str]]] = {}
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if grade is None:
            continue
        url = r["source_url"].strip()
        if url not in ("same", NMHH_INHOPE, "https://inhope.org/EN/articles/inhope-annual-report-2024"):
            raise BuildError(f"{where}: unknown source {url!r}")
        by_year.setdefault(r["year"].strip(), {})[r["measure"].strip()] = (num(r["value"], where), grade)
    existing = {r["period"]: r for r in rows}
    fmt = lambda v: f"{int(v):,}"
    for year, m in sorted(by_year.items()):
        if year == "2024":
            value, grade = m["records of suspected CSAM exchanged on ICCAM"]
            illegal, new = m["records classified as illegal"][0], m["records with new content"][0]
            note = (f"Counted as \"records\" from 2024. INHOPE: {m['share of records classified as illegal (percent)'][0]}% "
                    f"classified as illegal and {m['share of records containing new content (percent)'][0]}% new content "
                    f"({fmt(illegal)} and {fmt(new)} records as NMHH quotes them: secondary). "
                    f"{m['member hotlines'][0]} hotlines in {m['countries with a member hotline'][0]} countries.")
            rows.append(obs(period=year, value=value, note=note, grade=grade, source_ref="inhope-annual-report-2024"))
            continue
        value, grade = m["content examined (revised series)"]
        extra = (f"Of which presumed illegal: {fmt(m['presumed illegal content (revised series)'][0])}; "
                 f"new content: {fmt(m['new content (revised series)'][0])} (INHOPE's revised series as NMHH quotes it: secondary).")
        if year in existing:
            if existing[year]["value"] != value:
                raise BuildError(f"{name}: {year} revised {value} differs from the verbatim {existing[year]['value']}: "
                                 "say which is charted")
            existing[year]["note"] += f" Unchanged in INHOPE's 2024 revision. {extra}"
            continue
        first = INHOPE_FIRST_PUBLISHED.get(year)
        if first is None or first == value:
            raise BuildError(f"{name}: {year}: no first-published figure to show the revision against")
        rows.append(obs(period=year, value=value, grade=grade, source_ref="nmhh-2025-inhope-2024",
                        note=f"Revised by INHOPE in its 2024 report (as NMHH quotes it); first published as {fmt(first)}. {extra}"))
    return rows


# ---------------------------------------------------------------- surveys

DH_PERIOD = "2020/2021"
DH_ALL = "Among all children aged 12-17"
DH_ONLINE = "Among internet-using children aged 12-17"


def dh_tf_prevalence(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "disrupting_harm_tf_csea_2020_2021.csv"), 2):
        where = f"disrupting_harm_tf_csea_2020_2021.csv:{i}"
        geo = r["iso3"].strip()
        rows.append(obs(series=DH_ALL, geo=geo, period=DH_PERIOD,
                        value=num(r["prevalence_among_all_12_17_pct"], where),
                        lower=num(r["prevalence_all_lower"], where),
                        upper=num(r["prevalence_all_upper"], where),
                        source_ref="nature-2026-table-1"))
        rows.append(obs(series=DH_ONLINE, geo=geo, period=DH_PERIOD,
                        value=num(r["prevalence_among_internet_using_12_17_pct"], where),
                        note=f"Share of children aged 12-17 using the internet, same table: {num(r['child_internet_users_12_17_pct'], where)}%.",
                        source_ref="nature-2026-table-1"))
    return rows


def dh_tf_children(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "disrupting_harm_tf_csea_2020_2021.csv"), 2):
        where = f"disrupting_harm_tf_csea_2020_2021.csv:{i}"
        rows.append(obs(geo=r["iso3"].strip(), period=DH_PERIOD,
                        value=num(r["children_affected"], where),
                        lower=num(r["children_affected_lower"], where),
                        upper=num(r["children_affected_upper"], where),
                        note=f"Child population aged 12-17 used by the source: {num(r['child_population_12_17'], where)}.",
                        source_ref="nature-2026-table-1"))
    return rows


def dh_headline(shared: Path) -> list[dict]:
    urls = {
        "https://reliefweb.int/report/philippines/disrupting-harm-philippines-evidence-online-child-sexual-exploitation-and-abuse": "dh-philippines-brief",
        "https://ecpat.org/launch-of-the-disrupting-harm-report-for-cambodia-on-technology-and-the-sexual-exploitation-of-children/": "dh-cambodia-launch",
        "https://ecpat.org/launch-of-the-disrupting-harm-report-for-mozambique-on-technology-and-the-sexual-exploitation-of-children/": "dh-mozambique-launch",
        "reliefweb Disrupting Harm Tanzania brief": "dh-tanzania-brief",
        "reliefweb Disrupting Harm Ethiopia brief": "dh-ethiopia-brief",
        "https://safeonline.global/disrupting-harm-data-insights": "dh-data-insights",
    }
    rows = []
    for i, r in enumerate(read(shared, "disrupting_harm_headline_past_year_ocsea.csv"), 2):
        where = f"disrupting_harm_headline_past_year_ocsea.csv:{i}"
        if not verbatim(r, where):
            continue
        words = r["source_words"].strip()
        children = r["children_estimated"].strip()
        if children:
            note = f"Estimated number of children given by the source: {num(children, where)}. Source's words: \"{words}\"."
        else:
            note = f"Source's words: \"{words}\"."
        rows.append(obs(geo=r["iso3"].strip(), period=DH_PERIOD,
                        value=num(r["past_year_ocsea_pct_internet_using_12_17"], where),
                        note=note, source_ref=lookup(urls, r["source_url"].strip(), where)))
    return rows


DH2_SOURCES = {
    "https://www.acessa.com/noticias/2026/03/313501-1-em-cada-5-adolescentes-brasileiros-relata-ter-sofrido-exploracao-ou-abuso-sexual-online-aponta-unicef.html": "folhapress-acessa-2026-dh-brazil",
    "https://www.acessa.com/noticias/2026/03/313527-violencia-sexual-na-internet-atinge-1-em-cada-5-adolescentes-no-brasil.html": "agencia-brasil-acessa-2026-dh-brazil",
    "https://exame.com/esg/1-em-cada-5-criancas-e-vitima-de-violencia-sexual-facilitada-pela-tecnologia-diz-unicef/": "exame-2026-dh-brazil",
    "https://radiopiranhas.com.br/?p=58470": "radio-piranhas-2026-dh-brazil",
}
# Shares of all 12-17-year-olds surveyed are the series; shares with another
# base (children affected, cases) go into the headline row's note.
DH2_MAIN = "at least one form of technology-facilitated sexual exploitation and/or abuse in the past 12 months"


def dh_phase2_brazil(shared: Path) -> list[dict]:
    name = "disrupting_harm_phase2_brazil_2024_2025.csv"
    rows, other = [], []
    for i, r in enumerate(read(shared, name), 2):
        where = f"{name}:{i}"
        grade = grade_of(r, where)
        if grade is None:
            continue
        if r["fieldwork"].strip() != "Nov 2024 - Mar 2025" or r["iso3"].strip() != "BRA":
            raise BuildError(f"{where}: unexpected fieldwork or country")
        indicator = r["indicator"].strip()
        ref = lookup(DH2_SOURCES, r["source_url"].strip(), where)
        if "(base:" in indicator:
            other.append(f"{num(r['percent'], where)}%: {indicator}")
            continue
        note = ""
        if indicator == DH2_MAIN:
            children = int(num(r["children_estimated"], where))
            if children % 1_000_000:
                raise BuildError(f"{where}: {children} is not the round millions the news report gives")
            note = (f"About {children // 1_000_000} million children, as the news report gives it (\"cerca de 3 milhões\"). "
                    "Survey of 1,029 adolescents aged 12-17 and their caregivers, face to face.")
        rows.append(obs(series=indicator, geo="BRA", period="2024-11/2025-03", value=num(r["percent"], where),
                        note=note, grade=grade, source_ref=ref))
    main = next(r for r in rows if r["series"] == DH2_MAIN)
    main["note"] += " Also reported, with another base: " + "; ".join(other) + "."
    return rows


# The brief for this dataset: the four forms with their 95% CI. The overall
# OCSEA figure (no interval in the copy seen, built from a different subset of
# studies) is deliberately not a series here.
CHILDLIGHT_FORMS = {
    "online solicitation",
    "non-consensual taking, sharing and exposure to sexual images and videos",
    "online sexual exploitation",
    "sexual extortion",
}


def childlight(shared: Path) -> list[dict]:
    rows = []
    for i, r in enumerate(read(shared, "childlight_global_ocsea_past_year_2024.csv"), 2):
        where = f"childlight_global_ocsea_past_year_2024.csv:{i}"
        if not verbatim(r, where):
            continue
        series = r["indicator"].strip()
        if series not in CHILDLIGHT_FORMS:
            continue
        rows.append(obs(series=series, period="2010/2023",
                        value=num(r["prevalence_pct"], where),
                        lower=num(r["lower_95"], where), upper=num(r["upper_95"], where),
                        source_ref="fang-fry-2025-lancet"))
    return rows


def weprotect(shared: Path) -> list[dict]:
    urls = {"https://weprotect.org/global-threat-assessment-21": "weprotect-gta-2021"}
    rows = []
    for i, r in enumerate(read(shared, "weprotect_gta2021_survey.csv"), 2):
        where = f"weprotect_gta2021_survey.csv:{i}"
        if not verbatim(r, where):
            continue
        rows.append(obs(series=r["indicator"].strip(), period="2021", value=num(r["percent"], where),
                        source_ref=lookup(urls, r["source_url"].strip(), where)))
    return rows


def uk_offences(shared: Path) -> list[dict]:
    urls = {"https://www.nspcc.org.uk/about-us/news-opinion/2019/recorded-online-sexual-grooming/": "nspcc-2019-recorded-grooming"}
    periods = {"year to April 2018": "2017-04/2018-03", "year to April 2019": "2018-04/2019-03"}
    notes = {
        "year to April 2018": "NSPCC gives this as a revised figure for the first year after the offence came into force.",
        "year to April 2019": None,  # the CSV's own note (the lower bound)
    }
    rows = []
    for i, r in enumerate(read(shared, "uk_sexual_communication_with_a_child_offences.csv"), 2):
        where = f"uk_sexual_communication_with_a_child_offences.csv:{i}"
        if not verbatim(r, where):
            continue
        if r["geography"].strip() != "England and Wales":
            raise BuildError(f"{where}: unexpected geography {r['geography']!r}")
        label = r["period"].strip()
        period = lookup(periods, label, where)
        note = notes[label]
        if note is None:
            note = r["note"].strip()
            note = note[0].upper() + note[1:] + "."
        rows.append(obs(geo="GB-EAW", period=period, value=num(r["offences"], where),
                        note=f"NSPCC: \"{label}\". {note}",
                        source_ref=lookup(urls, r["source_url"].strip(), where)))
    return rows


def protect_children(shared: Path) -> list[dict]:
    urls = {
        "https://tsjournal.org/index.php/jots/article/view/29": "insoll-2022-jots",
        "https://www.nature.com/articles/s41598-024-58346-7": "nurmi-2024-scientific-reports",
    }
    rows = []
    for i, r in enumerate(read(shared, "protect_children_csam_user_surveys.csv"), 2):
        where = f"protect_children_csam_user_surveys.csv:{i}"
        if not verbatim(r, where):
            continue
        source_period = r["period"].strip()
        if source_period == "2020-":
            # Open-ended ("since 2020"): SOURCES-2.md gives no end date and no
            # base for these figures, so they are left out (see the caveat).
            continue
        m = re.fullmatch(r"(\d{4})-(\d{4})", source_period)
        if not m:
            raise BuildError(f"{where}: unexpected period {source_period!r}")
        base = num(r["respondents"], where)
        if source_period == "2018-2023":
            note = (f"Base: {base} survey responses. 2018-2023 is the whole window of the study "
                    "(which also analysed onion sites and search sessions); the surveys themselves started in 2020.")
        else:
            note = f"Base: {base} people who answered the survey."
        rows.append(obs(series=r["indicator"].strip(), period=f"{m.group(1)}/{m.group(2)}",
                        value=num(r["percent"], where), note=note,
                        source_ref=lookup(urls, r["source_url"].strip(), where)))
    return rows


DATASETS = {
    "ncmec-cybertipline-totals": ncmec_totals,
    "ncmec-cybertipline-by-country": ncmec_by_country,
    "ncmec-cybertipline-incident-types": ncmec_incident_types,
    "ncmec-cybertipline-files": ncmec_files,
    "ncmec-cybertipline-by-provider": ncmec_by_provider,
    "ncmec-cybertipline-by-provider-selected": ncmec_by_provider_selected,
    "ncmec-cybertipline-half-year": ncmec_half_year,
    "ncmec-financial-sextortion": ncmec_financial_sextortion,
    "iwf-reports": iwf,
    "inhope-content-urls": inhope,
    "dh-tf-csea-prevalence": dh_tf_prevalence,
    "dh-tf-csea-children-affected": dh_tf_children,
    "dh-headline-past-year-ocsea": dh_headline,
    "dh-phase2-brazil-tf-csea": dh_phase2_brazil,
    "childlight-global-ocsea-prevalence": childlight,
    "weprotect-gta2021-survey": weprotect,
    "uk-sexual-communication-offences": uk_offences,
    "protect-children-csam-user-surveys": protect_children,
}


def render(rows) -> str:
    import io
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write(dataset: str, rows: list[dict]) -> None:
    keys = [(r["series"], r["geo"], r["period"]) for r in rows]
    if len(keys) != len(set(keys)):
        dup = sorted({k for k in keys if keys.count(k) > 1})
        raise BuildError(f"{dataset}: duplicate (series, geo, period): {dup[:5]}")
    for r in rows:
        if bool(r["lower"]) != bool(r["upper"]):
            raise BuildError(f"{dataset}: {r}: lower and upper must come together")
        if r["lower"] and not float(r["lower"]) <= float(r["value"]) <= float(r["upper"]):
            raise BuildError(f"{dataset}: {r}: value outside its interval")
    rows = sorted(rows, key=lambda r: (r["series"], r["geo"], r["period"]))
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / f"{dataset}.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if a != "--check"]
    check = "--check" in argv[1:]
    shared = Path(args[0]) if args else REPO.parent / "shared" / "data"
    shared = shared.resolve()
    if not shared.is_dir():
        print(f"error: {shared} is not a folder: no figure can be built or checked without the "
              "curated sources (pass SHARED_DATA_DIR)", file=sys.stderr)
        return 2
    try:
        differences = 0
        for dataset, build in DATASETS.items():
            rows = build(shared)
            if check:
                expected = render(sorted(rows, key=lambda r: (r["series"], r["geo"], r["period"])))
                path = OUT / f"{dataset}.csv"
                actual = path.read_text(encoding="utf-8") if path.exists() else ""
                if actual != expected:
                    differences += 1
                    print(f"DIFFERS: {path.relative_to(REPO)} does not match {shared}", file=sys.stderr)
                else:
                    print(f"{dataset}: {len(rows)} rows match the sources")
                continue
            write(dataset, rows)
            print(f"{dataset}: {len(rows)} rows")
        extra = {p.stem for p in OUT.glob("*.csv")} - set(DATASETS)
        for name in sorted(extra):
            differences += 1
            print(f"DIFFERS: data/observations/{name}.csv has no source build", file=sys.stderr)
        if differences:
            return 1
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
