#!/usr/bin/env python3
"""Runs one criterion bench with bounded times and collects its medians.

  criterion.py RESULT PACKAGE BENCH      e.g. rerender_native evidence render

Reads $CARGO_TARGET_DIR/criterion/**/new/{benchmark,estimates}.json written
during this run. Writes bench/results/RESULT.json.
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from results import ROOT, figure, write  # noqa: E402

# Goals from issue 9, by benchmark id.
GOALS = {"map_period_switch": 16.0}
LABELS = {
    "map_period_switch": "Map period switch, native: select + render_plot, ~240 countries",
    "bar_period_switch": "Bar period switch, native",
    "line_5_countries": "Line chart, 5 countries, native",
    "table_all_rows": "Table, all rows of the dataset, native",
    "select_only_map": "select() alone for the map",
    "framed_map_export_svg": "Framed map SVG (export), 1200x900, native",
    "world_map_parse": "World map JSON parse (serde_json), native",
    "package_load_dir": "Whole data package load + validation",
}


def collect(target, since):
    out = {}
    base = os.path.join(target, "criterion")
    for dirpath, _, files in os.walk(base):
        if os.path.basename(dirpath) != "new" or "estimates.json" not in files:
            continue
        est_path = os.path.join(dirpath, "estimates.json")
        if os.path.getmtime(est_path) < since:
            continue
        with open(est_path) as f:
            est = json.load(f)
        bid = os.path.relpath(os.path.dirname(dirpath), base)
        try:
            with open(os.path.join(dirpath, "benchmark.json")) as f:
                bid = json.load(f).get("full_id", bid)
        except FileNotFoundError:
            pass
        out[bid] = {"median_ns": est["median"]["point_estimate"], "mean_ns": est["mean"]["point_estimate"],
                    "ci_low_ns": est["median"]["confidence_interval"]["lower_bound"],
                    "ci_high_ns": est["median"]["confidence_interval"]["upper_bound"]}
    return out


def main():
    result, package, bench = sys.argv[1:4]
    extra = sys.argv[4:]
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    since = time.time() - 1
    cmd = ["nice", "-n", os.environ.get("BENCH_NICE", "0"), "cargo", "bench", "-p", package, "--bench", bench, "--",
           "--warm-up-time", os.environ.get("BENCH_WARMUP", "1"), "--measurement-time", os.environ.get("BENCH_MEASURE", "3"), *extra]
    shown = f"cargo bench -p {package} --bench {bench} -- --warm-up-time 1 --measurement-time 3"
    print("  " + " ".join(cmd[3:]))
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    log = os.path.join(ROOT, "bench", "work", f"{result}.log")
    with open(log, "w") as f:
        f.write(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        print(proc.stderr[-3000:])
        raise SystemExit(f"cargo bench failed; see {log}")
    found = collect(target, since)
    figures = []
    for bid, e in sorted(found.items()):
        ms = e["median_ns"] / 1e6
        shown_value = round(ms, 3) if ms < 10 else round(ms, 1)
        goal = GOALS.get(bid)
        figures.append(figure(f"{bid}", LABELS.get(bid, bid), shown_value, "ms", f"{shown_value} ms",
                              f"≤ {goal:g} ms" if goal else None, (ms <= goal) if goal else None, shown))
    if not figures:
        raise SystemExit(f"no criterion results found under {target}/criterion")
    write(result, figures, {"criterion": found, "log": log}, started)


if __name__ == "__main__":
    main()
