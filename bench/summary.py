#!/usr/bin/env python3
"""Prints the summary table of bench/results/*.json and writes
bench/README-performance.md (the Performance section for README.md) and
bench/results/summary.json.

  summary.py --seconds N [--steps "payload api ..."]
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from results import BENCH, RESULTS  # noqa: E402

# Result files in the order of issue 9; a step may write more than one.
ORDER = ["payload", "first_chart", "rerender_native", "rerender_browser", "api", "export", "export_criterion", "soak",
         "schemathesis", "fuzz", "drills"]


def load():
    docs = []
    names = [n for n in ORDER if os.path.exists(os.path.join(RESULTS, f"{n}.json"))]
    for n in names:
        with open(os.path.join(RESULTS, f"{n}.json")) as f:
            docs.append(json.load(f))
    return docs


def mark(met):
    return {True: "yes", False: "**no**", None: "–"}[met]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=None)
    ap.add_argument("--steps", default="")
    ap.add_argument("--note", default="", help="a line printed under the header (e.g. which steps were re-run)")
    a = ap.parse_args()
    docs = load()
    rows = []
    for d in docs:
        for f in d["figures"]:
            rows.append((d["name"], f, d.get("loadavg", "")))
    width = max((len(f["label"]) for _, f, _ in rows), default=20)
    print(f"{'figure':<{width}}  {'value':<44} {'goal':<18} met")
    for _, f, _ in rows:
        print(f"{f['label']:<{width}}  {f['display'][:44]:<44} {(f['goal'] or '–'):<18} {mark(f['met']).replace('*', '')}")
    met = sum(1 for _, f, _ in rows if f["met"] is True)
    missed = [f["label"] for _, f, _ in rows if f["met"] is False]
    print(f"\n{met} goals met, {len(missed)} missed" + (": " + "; ".join(missed) if missed else ""))

    nproc = os.cpu_count()
    when = time.strftime("%Y-%m-%d")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=BENCH).stdout.strip()
    lines = [
        "## Performance",
        "",
        f"Measured by `./x bench` (`bench/run`) on {when} at commit {commit or '?'} plus the working tree, on a "
        f"{nproc}-core machine ({cpu_model()}); the load average at each step is in "
        f"`bench/results/*.json`. wrk, the server and nginx run on the same cores, so the API figures are a lower "
        f"bound and the ratio to nginx is the figure to watch. The full run took "
        f"{a.seconds // 60 if a.seconds else '?'} min {a.seconds % 60 if a.seconds else '?'} s (builds excluded).",
        *([a.note, ""] if a.note else [""]),
        "| figure | value | goal | met? | command |",
        "|---|---|---|---|---|",
    ]
    for _, f, _ in rows:
        cmd = f"`{f['command']}`" if f.get("command") else ""
        lines.append(f"| {f['label']} | {f['display'].replace('|', '/')} | {f['goal'] or '–'} | {mark(f['met'])} | {cmd} |")
    notes = os.path.join(BENCH, "performance-notes.md")
    if os.path.exists(notes):
        with open(notes) as f:
            lines += ["", f.read().rstrip()]
    lines.append("")
    with open(os.path.join(BENCH, "README-performance.md"), "w") as f:
        f.write("\n".join(lines))
    with open(os.path.join(RESULTS, "summary.json"), "w") as f:
        json.dump({"finished": time.strftime("%Y-%m-%dT%H:%M:%S"), "seconds": a.seconds, "steps": a.steps.split(),
                   "met": met, "missed": missed,
                   "figures": [{"result": n, **f} for n, f, _ in rows]}, f, indent=2)
        f.write("\n")
    print(f"wrote {os.path.join(BENCH, 'README-performance.md')}")


if __name__ == "__main__":
    main()
