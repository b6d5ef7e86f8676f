#!/usr/bin/env python3
"""Soak: 60 s at 200 connections over a mix of endpoints and app assets,
0 errors (non-2xx/3xx counted in wrk's Lua `response` hook), RSS at start,
peak and end. Writes bench/results/soak.json.
"""
import os
import re
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import wrk  # noqa: E402
from results import BENCH, WORK, figure, rss_kib, write  # noqa: E402

PORT = os.environ.get("BENCH_PORT", "8501")
BASE = f"http://127.0.0.1:{PORT}"
SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("BENCH_SOAK_CONNECTIONS", "200"))
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


def app_assets():
    html = urllib.request.urlopen(BASE + "/", timeout=10).read().decode()
    return sorted(set(re.findall(r'(?:src|href)="(/[^"]+\.(?:js|wasm|css))"', html)))


def main():
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    pid = os.environ.get("BENCH_SERVER_PID")
    d = "ncmec-cybertipline-by-country"
    paths = [
        ("/api/v1/datasets", {}),
        ("/api/v1/datasets", BROWSER),
        (f"/api/v1/datasets/{d}", {}),
        (f"/api/v1/datasets/{d}/observations", {}),
        (f"/api/v1/datasets/{d}/observations?geo=KEN,UGA&from=2019&to=2023", {}),
        (f"/api/v1/datasets/{d}/observations?geo=KEN,UGA", BROWSER),
        ("/api/v1/geo", {}),
        ("/api/v1/geo/KEN", {}),
        ("/api/v1/geo/002", {}),
        ("/api/v1/coverage", {}),
        ("/api/v1/glossary", BROWSER),
        ("/api/v1/version", {}),
        ("/", BROWSER),
        (f"/datasets/{d}?v=1&chart=map", BROWSER),
        ("/assets/world-110m.json", BROWSER),
    ] + [(a, BROWSER) for a in app_assets()]
    lua_paths = os.path.join(WORK, "soak-paths.lua")
    with open(lua_paths, "w") as f:
        f.write("return {\n")
        for p, h in paths:
            hs = ", ".join(f'["{k}"] = "{v}"' for k, v in h.items())
            f.write(f'  {{ "{p}", {{ {hs} }} }},\n')
        f.write("}\n")
    os.environ["SOAK_PATHS"] = lua_paths
    rss_start = rss_kib(pid) if pid else None
    samples = []
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            if pid:
                samples.append(rss_kib(pid))
            stop.wait(1)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    r = wrk.run(BASE + "/", SECONDS, threads=2, connections=CONNECTIONS, script=os.path.join(BENCH, "soak.lua"), timeout_s=5)
    stop.set()
    t.join()
    time.sleep(1)
    rss_end = rss_kib(pid) if pid else None
    m = re.search(r"SOAK bad=(\d+) responses=(\d+) statuses=(.*)", r["output"])
    bad, responses, statuses = (int(m.group(1)), int(m.group(2)), m.group(3).strip()) if m else (None, None, "")
    sock = r["socket_errors"]
    sock_total = sum(sock.values())
    print(f"  {responses} responses in {SECONDS} s ({r['requests_per_sec']} req/s), bad {bad} {statuses}, socket errors {sock}, "
          f"p50 {r['p50_ms']} ms p99 {r['p99_ms']} ms; RSS {rss_start} -> peak {max(filter(None, samples), default=None)} -> {rss_end} KiB")
    cmd = f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s -s bench/soak.lua (mix of {len(paths)} paths)"
    figures = [
        figure("soak_errors", f"Soak {SECONDS} s at {CONNECTIONS} connections: non-2xx/3xx + socket errors", (bad or 0) + sock_total, "",
               f"{bad} bad, {sock_total} socket errors of {responses}", "0", bad == 0 and sock_total == 0, cmd),
        figure("soak_rps", "Soak throughput (mixed paths)", r["requests_per_sec"], "req/s", f"{r['requests_per_sec']:.0f} req/s (p99 {r['p99_ms']} ms)" if r["requests_per_sec"] else "n/a", None, None, cmd),
        figure("soak_rss", "Server RSS at soak start -> end", rss_end / 1024 if rss_end else None, "MiB",
               f"{rss_start / 1024:.1f} -> {rss_end / 1024:.1f} MiB" if rss_start and rss_end else "n/a", None, None, cmd),
    ]
    write("soak", figures, {"paths": paths, "wrk": r, "bad": bad, "responses": responses, "statuses": statuses,
                             "rss_kib_start": rss_start, "rss_kib_end": rss_end, "rss_kib_samples": samples}, started)


if __name__ == "__main__":
    main()
