#!/usr/bin/env python3
"""Server time per page route, and whether repeat requests come from a cache.

On a freshly started server (bench/pages.sh restarts it before this step):
1. cache check, per route: the first request (cold: nothing rendered yet), then
   20 sequential requests (warm); curl's time to first byte for each, bodies
   compared byte for byte. A `Server-Timing` or `X-Cache`/`X-Cache-Status`/`Age`
   header, if the server sends one, is recorded as well and is the direct
   evidence; without one, "cached" is inferred from step 3 (curl's single
   cold request is too noisy on a loaded machine to decide alone).
2. wrk -t2 -c8 -d10s --latency per route (Accept-Encoding: br, gzip, as a
   browser asks): p50, p99, req/s. wrk, the server and everything else on the
   machine share its cores, so these are upper bounds of the render time.
3. the same for PAGES_WRK_NOCACHE_SECONDS (5) with a parameter no other request
   has (pages_nocache.lua): a link-keyed cache misses every time, so this is
   the render time without the cache; "cached p50 << no-cache p50" is the
   cache at work.

Writes bench/work/pages/ssr.json.
"""
import json
import os
import statistics
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(BENCH, "lib"))
import wrk  # noqa: E402

WORK = os.environ.get("PAGES_WORK", os.path.join(BENCH, "work", "pages"))
BASE = f"http://127.0.0.1:{os.environ.get('PAGES_PORT', '8510')}"
SECONDS = int(os.environ.get("PAGES_WRK_SECONDS", "10"))
NOCACHE_SECONDS = int(os.environ.get("PAGES_WRK_NOCACHE_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("PAGES_WRK_CONNECTIONS", "8"))
WARM = 20
HEADERS = ["Accept-Encoding: br, gzip", "Accept: text/html"]
CACHE_HEADERS = ("server-timing", "x-cache", "x-cache-status", "age", "x-render-cache")


def g(x):
    return "–" if x is None else f"{x:.3g}"


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def curl(path):
    """(status, ms to first byte, body bytes as sent, headers)."""
    hfile = os.path.join(WORK, "ssr-headers.txt")
    bfile = os.path.join(WORK, "ssr-body.bin")
    args = ["curl", "-s", "-o", bfile, "-D", hfile, "-w", "%{http_code} %{time_starttransfer} %{time_total}"]
    for h in HEADERS:
        args += ["-H", h]
    out = subprocess.run(args + [BASE + path], capture_output=True, text=True, timeout=30).stdout.split()
    headers = {}
    with open(hfile, errors="replace") as f:
        for line in f:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
    with open(bfile, "rb") as f:
        body = f.read()
    return int(out[0]), float(out[1]) * 1000, body, headers


def main():
    with open(os.path.join(BENCH, "pages_routes.json")) as f:
        routes = json.load(f)
    every = dict(routes["every"])
    doc = {"base": BASE, "loadavg_start": loadavg(), "wrk": f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s --latency", "headers": HEADERS,
           "routes": {}}
    # 1. Cold, then warm, for every route before any load.
    for name in routes["ssr"]:
        path = every[name]
        status, cold, body0, h0 = curl(path)
        warm, same = [], True
        for _ in range(WARM):
            s, t, body, h = curl(path)
            warm.append(t)
            same = same and body == body0
        med = statistics.median(warm)
        cache_headers = {k: v for k, v in h.items() if k in CACHE_HEADERS}
        r = {"path": path, "status": status, "bytes_sent": len(body0), "encoding": h0.get("content-encoding", "identity"),
             "content_type": h0.get("content-type"), "cold_ttfb_ms": round(cold, 2), "warm_ttfb_median_ms": round(med, 2),
             "warm_ttfb_min_ms": round(min(warm), 2), "cold_over_warm": round(cold / med, 1) if med else None,
             "same_bytes_each_time": same, "cache_headers_first": {k: v for k, v in h0.items() if k in CACHE_HEADERS},
             "cache_headers_repeat": cache_headers, "cache-control": h0.get("cache-control")}
        if cache_headers:
            r["cached"] = "header: " + ", ".join(f"{k}: {v}" for k, v in cache_headers.items())
        else:
            r["cached"] = "see the no-cache run"  # curl's cold/warm alone is noise under load
        doc["routes"][name] = r
        print(f"  {name:<11} {status} {len(body0):>7} B {r['encoding']:<8} first {cold:7.2f} ms, then median {med:6.2f} ms "
              f"(x{r['cold_over_warm']}), same bytes: {same}; {r['cached']}", flush=True)
    # 2. Bounded load per route.
    for name in routes["ssr"]:
        path = every[name]
        la = loadavg()
        w = wrk.run(BASE + path, seconds=SECONDS, threads=2, connections=CONNECTIONS, headers=HEADERS)
        r = doc["routes"][name]
        r["wrk"] = {k: w.get(k) for k in ("requests_per_sec", "p50_ms", "p90_ms", "p99_ms", "requests", "non_2xx_3xx", "socket_errors")}
        r["wrk"]["loadavg_before"] = la
        r["wrk"]["command"] = w["command"]
        print(f"  {name:<11} wrk: p50 {g(w['p50_ms'])} ms, p99 {g(w['p99_ms'])} ms, {w['requests_per_sec']} req/s, "
              f"non-2xx/3xx {w['non_2xx_3xx']} (load {la})", flush=True)
    # 3. Bounded load per route, a cache miss every request.
    for name in routes["ssr"]:
        path = every[name]
        la = loadavg()
        w = wrk.run(BASE + path, seconds=NOCACHE_SECONDS, threads=2, connections=CONNECTIONS, headers=HEADERS,
                    script=os.path.join(BENCH, "pages_nocache.lua"))
        r = doc["routes"][name]
        r["wrk_nocache"] = {k: w.get(k) for k in ("requests_per_sec", "p50_ms", "p90_ms", "p99_ms", "requests", "non_2xx_3xx", "socket_errors")}
        r["wrk_nocache"]["loadavg_before"] = la
        r["wrk_nocache"]["command"] = w["command"]
        p50, p50n = r["wrk"]["p50_ms"], w["p50_ms"]
        r["nocache_over_cached_p50"] = round(p50n / p50, 1) if p50 and p50n else None
        if not r["cache_headers_repeat"]:
            x = r["nocache_over_cached_p50"]
            r["cached"] = (f"yes: a repeat is x{x} faster than a miss (p50)" if x and x >= 2
                           else f"no difference (miss/repeat p50 x{x}): nothing cached, or nothing to cache")
        print(f"  {name:<11} wrk, unique link each request: p50 {g(p50n)} ms, p99 {g(w['p99_ms'])} ms, {w['requests_per_sec']} req/s "
              f"(x{r['nocache_over_cached_p50']} of the repeat p50; load {la})", flush=True)
    doc["loadavg_end"] = loadavg()
    with open(os.path.join(WORK, "ssr.json"), "w") as f:
        json.dump(doc, f, indent=2)


if __name__ == "__main__":
    main()
