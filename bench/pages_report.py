#!/usr/bin/env python3
"""Merges bench/work/pages/*.json into bench/results/pages-<UTC date>-<label>.md
(+ .json) and prints it. <label> is $PAGES_LABEL (e.g. before, after) or the
UTC time HHMM. Goals are issue 12's."""
import argparse
import datetime
import hashlib
import json
import os
import subprocess

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.environ.get("PAGES_WORK", os.path.join(BENCH, "work", "pages"))


def load(name):
    p = os.path.join(WORK, f"{name}.json")
    if not os.path.exists(p):
        return None
    with open(p) as f:
        return json.load(f)


def fmt(x, unit="", d=0):
    if x is None:
        return "–"
    if isinstance(x, float) and d == 0:
        x = round(x)
    elif isinstance(x, float):
        x = round(x, d)
    return f"{x}{unit}"


def met(ok):
    return "–" if ok is None else ("yes" if ok else "**no**")


def kb(b):
    return f"{b / 1000:.1f} kB"


def sha(path):
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()[:12]
    except OSError:
        return "?"


def git(*args):
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=0)
    ap.add_argument("--load-start", default="")
    ap.add_argument("--server", default="")
    ap.add_argument("--dist", default="")
    ap.add_argument("--steps", default="")
    a = ap.parse_args()
    now = datetime.datetime.now(datetime.timezone.utc)
    label = os.environ.get("PAGES_LABEL") or now.strftime("%H%M")
    with open("/proc/loadavg") as f:
        load_end = " ".join(f.read().split()[:3])
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    docs = {k: load(k) for k in ("wasm", "ssr", "lighthouse", "browser")}
    summary = []  # (figure, value, goal, met)
    L = []
    L.append(f"# Page benchmarks (issue 12): {now:%Y-%m-%d %H:%M} UTC, {label}")
    L.append("")
    L.append(f"`bench/pages.sh` (steps run this time: {a.steps}; any other section is from the step's last run) with `EVIDENCE_SERVER={a.server}` (sha256 {sha(a.server)}…), "
             f"dist `{a.dist}`; repository at commit {git('rev-parse', '--short', 'HEAD')} "
             f"({'with uncommitted changes' if git('status', '--porcelain', '--untracked-files=no') else 'clean'}). "
             f"{os.cpu_count()} cores ({cpu})." + (f" Took {a.seconds} s." if a.seconds else ""))
    L.append("")
    L.append(f"**Load average** (1, 5, 15 min) at the start: {a.load_start}; at the end: {load_end}; per step below. "
             f"With a load above the core count ({os.cpu_count()}), Chromium, wrk and the server wait for a core: "
             "CPU-bound times (TBT, hydration, INP, p99) are inflated, and figures taken under different loads are not comparable.")
    L.append("")

    lh = docs["lighthouse"]
    if lh:
        L.append(f"## Lighthouse {lh['lighthouse']} (mobile defaults: simulated slow 4G, 4x CPU; Debian Chromium headless)")
        L.append("")
        L.append(f"Load {lh['loadavg_start']} -> {lh['loadavg_end']}. {lh['runs_per_route']} run(s) per route"
                 f"{' (the run with the median performance score)' if lh['runs_per_route'] > 1 else ''}. "
                 "Goals: performance ≥ 0.95, accessibility 1.0, best practices 1.0, LCP ≤ 1.5 s, TBT ≤ 200 ms, CLS ≤ 0.02.")
        L.append("")
        L.append("| route | performance | accessibility | best practices | FCP | LCP | TBT | CLS | all goals met? | audits below 1 (a11y / best practices) |")
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        nonlocal_ = []
        for name, r in lh["routes"].items():
            s = r.get("representative")
            if not s:
                err = (r["runs"][0].get("error") if r["runs"] else "no run")
                L.append(f"| {name} `{r['path']}` | error: {str(err)[:80]} | | | | | | | | |")
                continue
            sc = s["scores"]
            ok = (sc["performance"] is not None and sc["performance"] >= 0.95 and sc["accessibility"] == 1 and sc["best-practices"] == 1
                  and s["lcp_ms"] <= 1500 and s["tbt_ms"] <= 200 and s["cls"] <= 0.02)
            fails = " / ".join(", ".join(s["failing"][c]) or "–" for c in ("accessibility", "best-practices"))
            L.append(f"| {name} `{r['path']}` | {sc['performance']} | {sc['accessibility']} | {sc['best-practices']} | {fmt(s['fcp_ms'], ' ms')} | "
                     f"{fmt(s['lcp_ms'], ' ms')} | {fmt(s['tbt_ms'], ' ms')} | {fmt(s['cls'], '', 3)} | {met(ok)} | {fails} |")
            summary.append((f"Lighthouse mobile, {name}: performance / a11y / best practices", f"{sc['performance']} / {sc['accessibility']} / {sc['best-practices']}",
                            "≥ 0.95 / 1 / 1", met(sc["performance"] >= 0.95 and sc["accessibility"] == 1 and sc["best-practices"] == 1)))
            summary.append((f"Lighthouse mobile, {name}: LCP / TBT / CLS", f"{fmt(s['lcp_ms'], ' ms')} / {fmt(s['tbt_ms'], ' ms')} / {fmt(s['cls'], '', 3)}",
                            "≤ 1500 ms / ≤ 200 ms / ≤ 0.02", met(s["lcp_ms"] <= 1500 and s["tbt_ms"] <= 200 and s["cls"] <= 0.02)))
            for run in r["runs"]:
                nonlocal_ += run.get("non_local_requests", [])
        L.append("")
        for name, r in lh["routes"].items():
            s = r.get("representative")
            if s:
                extra = [f"LCP element `{s.get('lcp_element')}`"]
                ok_runs = [x for x in r.get("runs", []) if not x.get("error")]
                if len(ok_runs) > 1:
                    def rng(f):
                        v = [f(x) for x in ok_runs]
                        return f"{min(v)}–{max(v)}"
                    extra.insert(0, f"{len(ok_runs)} runs: performance {rng(lambda x: x['scores']['performance'])}, "
                                    f"LCP {rng(lambda x: round(x['lcp_ms']))} ms, TBT {rng(lambda x: round(x['tbt_ms']))} ms, "
                                    f"CLS {rng(lambda x: round(x['cls'], 3))}")
                if s.get("layout_shifts"):
                    extra.append("layout shifts: " + "; ".join(f"`{x}`" for x in s["layout_shifts"]))
                if s.get("console_errors"):
                    extra.append("console errors: " + "; ".join(f"`{x.strip()}`" for x in s["console_errors"]))
                L.append(f"- {name}: " + ", ".join(extra))
        L.append("")
        L.append(f"Offline check: requests of the pages to other hosts: {', '.join(sorted(set(nonlocal_))) or 'none'}; "
                 f"connections from Lighthouse's Node process to other hosts: {', '.join(lh['node_outside_connections']) or 'none'}.")
        L.append("")

    br = docs["browser"]
    if br and br.get("first_content"):
        fc = br["first_content"]
        L.append("## First content and time until hydrated (Fast 3G + 4x CPU, cold cache)")
        L.append("")
        L.append(f"Playwright + CDP, Debian Chromium, 1280x800; Fast 3G = 150 ms per request, 200,000 B/s down, 93,750 B/s up; "
                 f"median of {br['runs']} visits. Load {br['loadavg_start']} -> {br.get('loadavg_inp', br['loadavg_end'])}. "
                 "Hydrated: `<html data-hydrated=\"true\">` set by the app; before SSR (no such attribute) the CSR app's start "
                 "(trunk's `TrunkApplicationStarted`, a tone/lang control in the DOM). Goal: first content ≤ 1000 ms.")
        L.append("")
        L.append("| route | first contentful paint | hydrated / app live | LCP | signal used | tone click responds | console errors + warnings (max of runs) |")
        L.append("|---|---|---|---|---|---|---|")
        worst = 0
        for name, r in fc.items():
            L.append(f"| {name} `{r['path']}` | {fmt(r['fcp_ms'], ' ms')} {'' if r['fcp_ms'] is None or r['fcp_ms'] <= 1000 else '(**> 1 s**)'} | "
                     f"{fmt(r['hydrated_ms'], ' ms')} | {fmt(r['lcp_ms'], ' ms')} | {r['via']} | {r['control_responds']} | {r['console_count']} |")
            worst = max(worst, r["fcp_ms"] or 0)
        L.append("")
        msgs = sorted({m for r in fc.values() for run in r["runs"] for m in run.get("console", [])})
        if msgs:
            L.append("Console messages seen: " + "; ".join(f"`{m[:160]}`" for m in msgs[:8]))
            L.append("")
        routes_over = [n for n, r in fc.items() if (r["fcp_ms"] or 0) > 1000]
        summary.append(("First contentful paint, Fast 3G + 4x CPU, worst route (median per route)", f"{worst} ms"
                        + (f" ({len(routes_over)} of {len(fc)} routes over 1 s)" if routes_over else ""), "≤ 1000 ms every route", met(not routes_over)))
        for name in ("home", "chart-map", "geo-KEN", "compare", "embed"):
            if name in fc:
                summary.append((f"First content / hydrated, {name}", f"{fmt(fc[name]['fcp_ms'], ' ms')} / {fmt(fc[name]['hydrated_ms'], ' ms')}", "≤ 1000 ms / reported", met((fc[name]['fcp_ms'] or 1e9) <= 1000)))
    if br and br.get("inp"):
        inp = br["inp"]
        L.append("## Interaction to next paint (4x CPU, no network throttling)")
        L.append("")
        L.append(f"On `{inp['page']}` ({inp['hydrated_via']}), {br['inp_reps']} interactions per control with trusted input "
                 f"(Playwright clicks; ArrowDown/ArrowUp on the focused period select). INP = the largest Event Timing duration of "
                 f"the interaction (durationThreshold 16: none means < 16 ms); \"to next frame\" = event timeStamp to the first task "
                 f"after the next animation frame. A control that loads a new page (the language switch today: `rel=external`) is "
                 f"timed from the click to the new page's first contentful paint. Load {br.get('loadavg_inp')} -> {br['loadavg_end']}. Goal ≤ 100 ms.")
        L.append("")
        L.append("| control | INP max | INP median | to next frame max | to next frame median | reps (errors) | goal met? | note |")
        L.append("|---|---|---|---|---|---|---|---|")
        for name, c in inp["controls"].items():
            nav = [s for s in c["samples"] if s.get("navigated")]
            note = "new page load each time; click -> hydrated max " + fmt(max((s.get("hydrated_after_click_ms") or 0) for s in nav), " ms") if nav else ""
            if name == "period":
                note = "map redrawn each time: " + str(all(s.get("chart_changed") for s in c["samples"] if not s.get("error")))
            mx = c["inp_max_ms"]
            shown = "< 16 ms" if c.get("inp_max_below_16") else fmt(mx, " ms")
            L.append(f"| {name} | {shown} | {fmt(c['inp_median_ms'], ' ms')} | {fmt(c['frame_max_ms'], ' ms')} | {fmt(c['frame_median_ms'], ' ms')} | "
                     f"{c['reps']} ({c['errors']}) | {met(None if mx is None else mx <= 100)} | {note} |")
            summary.append((f"Interaction to next paint, 4x CPU, {name} switch (max of {c['reps']})", shown, "≤ 100 ms", met(None if mx is None else mx <= 100)))
        L.append("")

    w = docs["wasm"]
    if w:
        L.append("## wasm")
        L.append("")
        L.append(f"`{w['dist']}`; gzip -9 (Python zlib) and brotli -q 11. Goal: wasm ≤ 300 kB brotli.")
        L.append("")
        L.append("| file | raw | gzip -9 | brotli -q 11 |")
        L.append("|---|---|---|---|")
        for f in w["files"]:
            L.append(f"| {f['file']} | {kb(f['raw'])} | {kb(f['gzip9'])} | {kb(f['brotli11'])} |")
            if f["file"].endswith(".wasm"):
                summary.append(("wasm brotli -q 11 (raw, gzip -9)", f"{kb(f['brotli11'])} ({kb(f['raw'])}, {kb(f['gzip9'])})", "≤ 300 kB", met(f["brotli11"] <= 300_000)))
        L.append("")
        n = w.get("named") or {}
        if w.get("twiggy"):
            t = w["twiggy"]
            L.append(f"twiggy 0.8.0 `top` on a named copy of the same code ({n['source']} -> wasm-bindgen -> `wasm-opt -Oz -g`; "
                     f"{n['without_names_bytes']:,} B without its names vs dist {n['dist_raw']:,} B, {n['diff_percent_vs_dist']:+}%"
                     f"{'; **' + n['warning'] + '**' if n.get('warning') else ''}). {t['code_bytes']:,} B of code and data.")
            L.append("")
            L.append("| by crate | bytes | share |  | largest items | bytes | share |")
            L.append("|---|---|---|---|---|---|---|")
            for i in range(max(len(t["by_crate"]), len(t["top"]))):
                c = t["by_crate"][i] if i < len(t["by_crate"]) else None
                it = t["top"][i] if i < len(t["top"]) else None
                left = f"| {c['crate']} | {c['bytes']:,} | {c['percent']}% |" if c else "| | | |"
                right = f" | `{it['name'][:90].replace('|', '/')}` | {it['bytes']:,} | {it['percent']}% |" if it else " | | | |"
                L.append(left + right)
        else:
            L.append(f"twiggy: {n.get('skipped', 'not run')}")
        L.append("")

    ssr = docs["ssr"]
    if ssr:
        L.append("## Server time per route")
        L.append("")
        L.append(f"`{ssr['wrk']}` per route with `{'`, `'.join(ssr['headers'])}`; \"no cache\" = the same with a parameter no other "
                 f"request has (`bench/pages_nocache.lua`), so a link-keyed cache misses. \"first / repeat\" = curl's time to first byte of "
                 f"the first request after the server started, then the median of 20 more. Load {ssr['loadavg_start']} -> {ssr['loadavg_end']}.")
        L.append("")
        L.append("| route | status, bytes sent | p50 | p99 | req/s | no cache: p50 / p99 | first / repeat | cache |")
        L.append("|---|---|---|---|---|---|---|---|")
        for name, r in ssr["routes"].items():
            wk, nc = r.get("wrk", {}), r.get("wrk_nocache", {})
            L.append(f"| {name} `{r['path']}` | {r['status']}, {r['bytes_sent']:,} B {r['encoding']} | {fmt(wk.get('p50_ms'), ' ms', 2)} | {fmt(wk.get('p99_ms'), ' ms', 2)} | "
                     f"{fmt(wk.get('requests_per_sec'))} | {fmt(nc.get('p50_ms'), ' ms', 2)} / {fmt(nc.get('p99_ms'), ' ms', 2)} | "
                     f"{fmt(r['cold_ttfb_ms'], ' ms', 1)} / {fmt(r['warm_ttfb_median_ms'], ' ms', 1)} | {r['cached']} |")
            summary.append((f"Server time, {name}: p50 / p99 (wrk -c8)", f"{fmt(wk.get('p50_ms'), ' ms', 2)} / {fmt(wk.get('p99_ms'), ' ms', 2)}", "reported", "–"))
        L.append("")
        hits = [f"{n} x{r.get('nocache_over_cached_p50')}" for n, r in ssr["routes"].items() if (r.get("nocache_over_cached_p50") or 0) >= 2]
        summary.append(("Repeat requests served from the cache: routes where a miss is ≥ 2x slower (p50 miss / repeat)",
                        ", ".join(hits) or "none", "every rendered route", "–"))

    L.append("## Summary (rows for the README Performance table)")
    L.append("")
    L.append("| figure | value | goal | met? | command |")
    L.append("|---|---|---|---|---|")
    for f, v, g, m in summary:
        L.append(f"| {f} | {v} | {g} | {m} | `bench/pages.sh` |")
    L.append("")
    text = "\n".join(L)
    os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
    base = os.path.join(BENCH, "results", f"pages-{now:%Y-%m-%d}-{label}")
    with open(base + ".md", "w") as f:
        f.write(text)
    with open(base + ".json", "w") as f:
        slim = json.loads(json.dumps(docs))
        for r in (slim.get("lighthouse") or {}).get("routes", {}).values():
            r.pop("runs", None)
        json.dump({"generated": now.isoformat(), "server": a.server, "dist": a.dist, "load_start": a.load_start, "load_end": load_end, **slim}, f, indent=1)
    print(text)
    print(f"\nwritten: {os.path.relpath(base, ROOT)}.md (+ .json)")


if __name__ == "__main__":
    main()
