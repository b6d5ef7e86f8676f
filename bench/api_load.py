#!/usr/bin/env python3
"""API throughput and latency against nginx serving the same JSON bytes.

wrk -t2 -c64 -d10s --latency on the observations endpoint (filtered to
KEN,UGA and unfiltered), then the same bytes from nginx (static files), in the
same run and interleaved, so the ratio is fair to the moment's machine load.
Both servers, and wrk, share the machine's 2 cores.
Writes bench/results/api.json.
"""
import os
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import wrk  # noqa: E402
from results import ROOT, WORK, figure, rss_kib, start_server, stop, wait_http, write  # noqa: E402

PORT = os.environ.get("BENCH_PORT", "8501")
NGINX_PORT = os.environ.get("NGINX_PORT", "8502")
OURS = f"http://127.0.0.1:{PORT}"
NGINX = f"http://127.0.0.1:{NGINX_PORT}"
# The same server with per-request logs off (RUST_LOG=warn), to show what
# the default request logging costs.
QUIET_PORT = int(os.environ.get("QUIET_PORT", "8507"))
QUIET = f"http://127.0.0.1:{QUIET_PORT}"
# nginx with its access log on (to a file, unbuffered, its default), for a
# like-for-like ratio with our default, which logs every request.
NGINX_LOGGED_PORT = os.environ.get("NGINX_LOGGED_PORT", "8508")
NGINX_LOGGED = f"http://127.0.0.1:{NGINX_LOGGED_PORT}"
BIN = os.environ.get("BENCH_SERVER_BIN", os.path.join(ROOT, "target", "release", "evidence-server"))
SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
DATASET = "ncmec-cybertipline-by-country"
CASES = [
    ("filtered", f"/api/v1/datasets/{DATASET}/observations?geo=KEN,UGA", "obs-ken-uga.json"),
    ("all", f"/api/v1/datasets/{DATASET}/observations", "obs-all.json"),
]

NGINX_CONF = """# Written by bench/api_load.py: the reference static server.
daemon off;
master_process on;
worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 2048; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type application/json;
    gzip on;
    gzip_comp_level 6;
    gzip_types application/json;
    gzip_min_length 256;
    client_body_temp_path {work}/nginx-tmp/body;
    proxy_temp_path {work}/nginx-tmp/proxy;
    fastcgi_temp_path {work}/nginx-tmp/fastcgi;
    uwsgi_temp_path {work}/nginx-tmp/uwsgi;
    scgi_temp_path {work}/nginx-tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {work}/nginx-root;
        location / {{ try_files $uri =404; }}
    }}
    server {{
        listen 127.0.0.1:{logged_port};
        access_log {work}/nginx-access.log;
        root {work}/nginx-root;
        location / {{ try_files $uri =404; }}
    }}
}}
"""


def get(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read()


def start_nginx():
    os.makedirs(os.path.join(WORK, "nginx-root"), exist_ok=True)
    os.makedirs(os.path.join(WORK, "nginx-tmp"), exist_ok=True)
    conf = os.path.join(WORK, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(work=WORK, port=NGINX_PORT, logged_port=NGINX_LOGGED_PORT))
    proc = subprocess.Popen(["nginx", "-c", conf, "-p", WORK], stdout=subprocess.DEVNULL, stderr=open(os.path.join(WORK, "nginx-stderr.log"), "ab"))
    if not wait_http(f"{NGINX}/obs-all.json", 10):
        proc.kill()
        raise SystemExit(f"nginx did not start; see {WORK}/nginx-error.log")
    return proc


def main():
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    pid = os.environ.get("BENCH_SERVER_PID")
    os.makedirs(os.path.join(WORK, "nginx-root"), exist_ok=True)
    for _, path, file in CASES:
        with open(os.path.join(WORK, "nginx-root", file), "wb") as f:
            f.write(get(OURS + path))
    nginx = start_nginx()
    os.environ["RUST_LOG"] = "warn"
    quiet = start_server(BIN, QUIET_PORT, log=os.path.join(WORK, "server-quiet.log"))
    del os.environ["RUST_LOG"]
    details = {"seconds_per_run": SECONDS, "threads": 2, "connections": 64,
               "note": "wrk, our server (tokio, 2 workers) and nginx (2 workers) share the same 2 cores",
               "rss_kib_before": rss_kib(pid) if pid else None, "runs": {}}
    figures = []
    try:
        for name, path, file in CASES:
            assert get(OURS + path) == get(f"{NGINX}/{file}"), "nginx must serve the same bytes"
            runs = {}
            for who, url in (("ours", OURS + path), ("nginx", f"{NGINX}/{file}"), ("ours_quiet", QUIET + path), ("nginx_logged", f"{NGINX_LOGGED}/{file}")):
                r = wrk.run(url, SECONDS)
                runs[who] = r
                print(f"  {name:<9} {who:<6} {r['requests_per_sec'] or 0:>10.0f} req/s  p50 {r['p50_ms']} ms  p99 {r['p99_ms']} ms  "
                      f"non-2xx {r['non_2xx_3xx']}  socket errors {r['socket_errors']}")
            for who, url in (("ours_gzip", OURS + path), ("nginx_gzip", f"{NGINX}/{file}")) if name == "all" else ():
                r = wrk.run(url, SECONDS, headers=["Accept-Encoding: gzip"])
                runs[who] = r
                print(f"  {name:<9} {who:<10} {r['requests_per_sec'] or 0:>10.0f} req/s  p50 {r['p50_ms']} ms  p99 {r['p99_ms']} ms")
            details["runs"][name] = runs
            ours, ref = runs["ours"], runs["nginx"]
            ratio = round(ours["requests_per_sec"] / ref["requests_per_sec"], 2) if ours["requests_per_sec"] and ref["requests_per_sec"] else None
            cmd = f"wrk -t2 -c64 -d{SECONDS}s --latency '{path}' (ours, then nginx)"
            label = "geo=KEN,UGA" if name == "filtered" else "unfiltered"
            figures.append(figure(f"api_{name}_ratio", f"Observations {label}: req/s vs nginx, same bytes", ratio, "x",
                                  f"{ratio}x ({ours['requests_per_sec']:.0f} / {ref['requests_per_sec']:.0f})", "≥ 1.0x", ratio is not None and ratio >= 1.0, cmd))
            figures.append(figure(f"api_{name}_p99", f"Observations {label}: p99 latency at 64 connections", ours["p99_ms"], "ms",
                                  f"{ours['p99_ms']} ms (nginx {ref['p99_ms']} ms)", "≤ 10 ms", ours["p99_ms"] is not None and ours["p99_ms"] <= 10, cmd))
            figures.append(figure(f"api_{name}_p50", f"Observations {label}: p50 latency", ours["p50_ms"], "ms",
                                  f"{ours['p50_ms']} ms (nginx {ref['p50_ms']} ms)", None, None, cmd))
            q = runs["ours_quiet"]
            qr = round(q["requests_per_sec"] / ref["requests_per_sec"], 2) if q["requests_per_sec"] and ref["requests_per_sec"] else None
            figures.append(figure(f"api_{name}_quiet_ratio", f"Observations {label}, request logs off (RUST_LOG=warn): vs nginx", qr, "x",
                                  f"{qr}x ({q['requests_per_sec']:.0f} req/s; p99 {q['p99_ms']} ms)", None, None, "RUST_LOG=warn evidence-server serve ...; " + cmd))
            nl = runs["nginx_logged"]
            lr = round(ours["requests_per_sec"] / nl["requests_per_sec"], 2) if ours["requests_per_sec"] and nl["requests_per_sec"] else None
            figures.append(figure(f"api_{name}_logged_ratio", f"Observations {label}, both logging every request: vs nginx with access_log", lr, "x",
                                  f"{lr}x ({ours['requests_per_sec']:.0f} / {nl['requests_per_sec']:.0f}; nginx p99 {nl['p99_ms']} ms)", None, None,
                                  "evidence-server serve (default logs) vs nginx access_log on; " + cmd))
            if "ours_gzip" in runs:
                g, ng = runs["ours_gzip"], runs["nginx_gzip"]
                gr = round(g["requests_per_sec"] / ng["requests_per_sec"], 2) if g["requests_per_sec"] and ng["requests_per_sec"] else None
                figures.append(figure("api_all_gzip_ratio", "Observations unfiltered, Accept-Encoding gzip: req/s vs nginx gzip 6", gr, "x",
                                      f"{gr}x ({g['requests_per_sec']:.0f} / {ng['requests_per_sec']:.0f}; p99 {g['p99_ms']} ms)", None, None,
                                      f"wrk ... -H 'Accept-Encoding: gzip' '{path}'"))
    finally:
        stop(quiet)
        nginx.terminate()
        try:
            nginx.wait(10)
        except subprocess.TimeoutExpired:
            nginx.kill()
    details["rss_kib_after"] = rss_kib(pid) if pid else None
    details["sizes"] = {file: os.path.getsize(os.path.join(WORK, "nginx-root", file)) for _, _, file in CASES}
    write("api", figures, details, started)


if __name__ == "__main__":
    main()
