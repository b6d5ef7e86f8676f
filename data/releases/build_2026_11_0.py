#!/usr/bin/env python3
"""Builds data/releases/2026.11.0/: the data package as it was published
before numbered releases (git commit c317491, descriptor version "1.0.0"),
in today's package format, so that the server can keep serving it for
links pinned to it (`release=2026.11.0`).

Only the format changes; every figure, caveat, source and text stays as it
was. The migration, step by step:
- version "1.0.0" -> "2026.11.0"; released "2026-11-29", the date of the
  last data commit before c317491 (d3676c9, "Data: final curation pass").
- Observation CSVs gain the columns `grade` and `derivation`: that package
  kept only figures copied as printed from their cited source ("Figures
  marked secondary or unverified are left out", its README), so each row
  is `verbatim` with no derivation.
- `sector` "ngo-academia" (one value then) becomes the publisher's sector
  as the current package classifies it (`ngo` or `academia`), read from
  data/datapackage.json for the same dataset id.
- The fields the package gained since that classify a dataset (`origin`,
  `breakdowns`: how the figures arise, what they break down by) are taken
  from the current package for the same dataset id, as they describe the
  publisher's figures, not a release's.
- Caveats with a `topic` the validator now requires (what a year of report
  counts covers, what an interval means) are added from the current
  package's words where the old release had none on that topic: a pinned
  release is never shown with fewer warnings than today's rules ask for.

Run from the repository root: python3 data/releases/build_2026_11_0.py
It needs git (the old files are read from the commit) and rewrites the
folder whole.
"""

import csv
import io
import json
import pathlib
import shutil
import subprocess

COMMIT = "c317491"
VERSION = "2026.11.0"
RELEASED = "2026-11-29"
# Fields that classify a dataset (how its figures arise, what they break
# down by), which the package gained after that release: taken from the
# current package for the same dataset id. Nothing else is.
CLASSIFICATION = ["origin", "breakdowns"]
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "releases" / VERSION


def old(path):
    return subprocess.run(["git", "show", f"{COMMIT}:data/{path}"], cwd=ROOT, check=True, capture_output=True).stdout


def main():
    current = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    now = {r["name"]: r["evidence"] for r in current["resources"] if "evidence" in r}
    pkg = json.loads(old("datapackage.json"))
    pkg["version"] = VERSION
    pkg["released"] = RELEASED
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for res in pkg["resources"]:
        path = res["path"]
        data = old(path)
        if "evidence" in res:
            ev = res["evidence"]
            if ev.get("sector") == "ngo-academia":
                ev["sector"] = now[res["name"]]["sector"]
            # Caveats the validator now requires, by topic (e.g. what a
            # report count's year means, what an interval means): the
            # current package's words, so the old figures are not shown
            # without them.
            topics = {c.get("topic") for c in ev["caveats"]}
            for c in now[res["name"]]["caveats"]:
                if c.get("topic") and c["topic"] not in topics:
                    ev["caveats"].append(c)
                    topics.add(c["topic"])
            for key in CLASSIFICATION:
                if key not in ev and key in now[res["name"]]:
                    ev[key] = now[res["name"]][key]
            res["schema"]["fields"] += [
                {"name": "grade", "type": "string", "constraints": {"required": True, "enum": ["verbatim", "secondary", "computed"]}},
                {"name": "derivation", "type": "string"},
            ]
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(rows[0] + ["grade", "derivation"])
            for row in rows[1:]:
                w.writerow(row + ["verbatim", ""])
            data = buf.getvalue().encode("utf-8")
        (OUT / path).parent.mkdir(parents=True, exist_ok=True)
        (OUT / path).write_bytes(data)
    (OUT / "datapackage.json").write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
