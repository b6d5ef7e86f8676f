#!/usr/bin/env python3
"""Fault drills, each against its own server on 127.0.0.1, bounded in time:

1. SIGHUP with a broken data package: the old data is still served and the
   version hash is unchanged; then a valid change is reloaded (so the drill
   can tell a refused reload from an ignored signal).
2. SIGTERM under load: a slow in-flight download and a wrk run; the download
   completes, wrk sees no error statuses, the process exits 0.
3. Slowloris: 200 sockets sending headers one byte per second for 12 s while
   a normal request runs every 100 ms; its latency against a baseline.
4. Oversized requests: 20 KB request target -> 414, 100 KB header -> 431;
   the server still answers afterwards.

Writes bench/results/drills.json.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import wrk  # noqa: E402
from results import ROOT, WORK, figure, median, percentile, start_server, stop, write  # noqa: E402

BIN = os.environ.get("BENCH_SERVER_BIN", os.path.join(ROOT, "target", "release", "evidence-server"))
PORT0 = int(os.environ.get("DRILL_PORT", "8503"))
DATASET = "ncmec-cybertipline-by-country"
OBS = f"/api/v1/datasets/{DATASET}/observations"


def get(port, path, timeout=5):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as r:
        return r.status, r.read()


def raw_status(port, request: bytes, timeout=10):
    """Sends raw bytes, returns the status code (or the error)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(request)
        except OSError as e:  # the server may close before reading it all
            pass
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        except OSError as e:
            return f"error: {e}"
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(m.group(1)) if m else f"no status line ({data[:60]!r})"


def timed_get(port, path):
    t0 = time.perf_counter()
    try:
        status, _ = get(port, path, timeout=5)
    except Exception as e:  # noqa: BLE001 - any failure counts
        return None, str(e)
    return (time.perf_counter() - t0) * 1000, status


# ------------------------------------------------------------------ 1. SIGHUP
def drill_sighup(port):
    copy = os.path.join(WORK, "data-copy")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "data"), copy, ignore=shutil.ignore_patterns("scripts"))
    log = os.path.join(WORK, "drill-sighup.log")
    open(log, "w").close()
    proc = start_server(BIN, port, "--data", copy, log=log)
    r = {"port": port}
    try:
        hash0 = json.loads(get(port, "/api/v1/version")[1])["data_hash"]
        body0 = get(port, OBS)[1]
        csv = os.path.join(copy, "observations", f"{DATASET}.csv")
        with open(csv) as f:
            original = f.read()
        # Broken: a row with an unknown country and a non-number, and a cut descriptor.
        with open(csv, "a") as f:
            f.write(",XXQ,2023,lots,,,,ncmec-2023-by-country\n")
        proc.send_signal(signal.SIGHUP)
        time.sleep(1.5)
        hash1 = json.loads(get(port, "/api/v1/version")[1])["data_hash"]
        body1 = get(port, OBS)[1]
        with open(log) as f:
            refused_logged = "refused" in f.read()
        r.update(hash_before=hash0, hash_after_broken=hash1, same_hash=hash0 == hash1, same_body=body0 == body1,
                 alive=proc.poll() is None, refusal_logged=refused_logged)
        # Control: a valid change is picked up (the signal is not ignored).
        lines = original.splitlines(keepends=True)
        cells = lines[1].split(",")
        cells[3] = str(int(cells[3]) + 1)
        lines[1] = ",".join(cells)
        with open(csv, "w") as f:
            f.write("".join(lines))
        proc.send_signal(signal.SIGHUP)
        time.sleep(1.5)
        hash2 = json.loads(get(port, "/api/v1/version")[1])["data_hash"]
        r.update(valid_reload_changes_hash=hash2 != hash0)
    finally:
        stop(proc)
    r["ok"] = bool(r.get("same_hash") and r.get("same_body") and r.get("alive") and r.get("valid_reload_changes_hash"))
    print(f"  SIGHUP broken package: hash unchanged {r.get('same_hash')}, same data {r.get('same_body')}, alive {r.get('alive')}, "
          f"refusal logged {r.get('refusal_logged')}; valid change reloaded {r.get('valid_reload_changes_hash')}")
    return r


# ------------------------------------------------------------------ 2. SIGTERM
def slow_download(port, path, result, rate_bytes_per_s=150_000):
    """Reads a large response slowly so that it is in flight at SIGTERM."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
    s.settimeout(30)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n".encode())
    data = b""
    result["started"] = time.time()
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
            time.sleep(len(chunk) / rate_bytes_per_s)
    except OSError as e:
        result["error"] = str(e)
    s.close()
    result["finished"] = time.time()
    head, _, body = data.partition(b"\r\n\r\n")
    m = re.search(rb"content-length:\s*(\d+)", head, re.I)
    result["status"] = head.split(b" ")[1].decode() if head.startswith(b"HTTP/") else None
    result["content_length"] = int(m.group(1)) if m else None
    result["received"] = len(body)


def slow_request(port, path, result):
    """One request whose response takes the server a while (a PNG export)."""
    result["sent"] = time.time()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
            body = r.read()
            result["status"] = r.status
            length = r.headers.get("content-length")
            result["complete"] = length is None or int(length) == len(body)
            result["bytes"] = len(body)
    except Exception as e:  # noqa: BLE001 - reported
        result["error"] = str(e)[:200]
    result["finished"] = time.time()


def drill_sigterm(port):
    log = os.path.join(WORK, "drill-sigterm.log")
    open(log, "w").close()
    proc = start_server(BIN, port, log=log)
    # In-flight work: PNG exports (rendered per request) when this build has them;
    # otherwise slow downloads of the wasm.
    png = f"/api/v1/datasets/{DATASET}/chart.png?v=1&chart=map"
    try:
        t0 = time.time()
        has_png = get(port, png, timeout=30)[0] == 200
        png_seconds = time.time() - t0
    except Exception:  # noqa: BLE001
        has_png, png_seconds = False, None
    html = get(port, "/")[1].decode()
    wasm = re.search(r"""["'](/[^"']+\.wasm)["']""", html)
    big = wasm.group(1) if wasm else f"/api/v1/datasets/{DATASET}/observations"
    load = {}

    def run_wrk():
        load.update(wrk.run(f"http://127.0.0.1:{port}{OBS}?geo=KEN,UGA", 6, threads=2, connections=32, timeout_s=3))

    w = threading.Thread(target=run_wrk, daemon=True)
    w.start()
    time.sleep(2.0)
    inflight = []
    threads = []
    # At most 4: the export route sheds load beyond MAX_PNG_RENDERS (503 busy),
    # which is not what this drill is about.
    for i in range(4 if has_png else 0):
        res = {"path": png + f"&width={800 + 40 * i}"}
        th = threading.Thread(target=slow_request, args=(port, res["path"], res), daemon=True)
        inflight.append(res)
        threads.append(th)
    download = {}
    dl = threading.Thread(target=slow_download, args=(port, big, download), daemon=True)
    for th in threads:
        th.start()
    dl.start()
    time.sleep(0.05)
    sent = time.time()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = "killed after 30 s"
    exited = time.time()
    for th in threads:
        th.join(30)
    dl.join(35)
    w.join(20)
    png_in_flight = [r for r in inflight if r.get("sent", 1e18) < sent < r.get("finished", 0)]
    png_ok = all(r.get("status") == 200 and r.get("complete") for r in inflight)
    dl_complete = download.get("content_length") is not None and download.get("received") == download.get("content_length")
    dl_in_flight = download.get("started", 1e18) < sent < download.get("finished", 0)
    r = {"port": port, "exit_code": code, "shutdown_seconds": round(exited - sent, 2), "png_export_seconds_alone": png_seconds,
         "png_requests": inflight, "png_in_flight_at_sigterm": len(png_in_flight), "png_all_complete": png_ok,
         "slow_download": {**download, "path": big}, "download_in_flight_at_sigterm": dl_in_flight, "download_complete": dl_complete,
         "wrk": {k: load.get(k) for k in ("requests", "non_2xx_3xx", "socket_errors", "requests_per_sec", "output")}}
    errs = load.get("socket_errors", {})
    in_flight_total = len(png_in_flight) + (1 if dl_in_flight else 0)
    r["in_flight_total"] = in_flight_total
    r["ok"] = (code == 0 and png_ok and dl_complete and in_flight_total > 0
               and load.get("non_2xx_3xx", 1) == 0 and errs.get("timeout", 1) == 0)
    print(f"  SIGTERM under load: exit {code} after {r['shutdown_seconds']} s; in flight at SIGTERM: {len(png_in_flight)}/{len(inflight)} PNG exports "
          f"(all 200 and complete: {png_ok}), slow download in flight {dl_in_flight}, complete {dl_complete} "
          f"({download.get('received')}/{download.get('content_length')} bytes); wrk {load.get('requests')} requests, non-2xx {load.get('non_2xx_3xx')}, "
          f"socket errors {errs} (refused reconnects after the listener closes are expected)")
    return r


# ------------------------------------------------------------------ 3. slowloris
def drill_slowloris(port, proc, sockets=200, seconds=12):
    path = f"{OBS}?geo=KEN,UGA"
    for _ in range(5):
        timed_get(port, path)
    baseline = [timed_get(port, path)[0] for _ in range(50)]
    stop_evt = threading.Event()
    state = {"opened": 0, "closed_by_server": 0, "open_failed": 0}
    conns = []
    for _ in range(sockets):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            conns.append(s)
            state["opened"] += 1
        except OSError:
            state["open_failed"] += 1

    def drip():
        header = b"X-Slow-Header: " + b"a" * 64
        i = 0
        while not stop_evt.is_set() and conns:
            for s in list(conns):
                try:
                    s.sendall(header[i % len(header):i % len(header) + 1])
                except OSError:
                    state["closed_by_server"] += 1
                    conns.remove(s)
            i += 1
            stop_evt.wait(1.0)

    d = threading.Thread(target=drip, daemon=True)
    d.start()
    during, failures = [], 0
    end = time.time() + seconds
    while time.time() < end:
        ms, status = timed_get(port, path)
        if ms is None or status != 200:
            failures += 1
        else:
            during.append(ms)
        time.sleep(0.1)
    stop_evt.set()
    d.join(3)
    still_open = len(conns)
    for s in conns:
        s.close()
    r = {"port": port, "slow_sockets": state, "still_open_after_s": [still_open, seconds],
         "baseline_ms": {"p50": round(median(baseline), 2), "p99": round(percentile(baseline, 99), 2)},
         "during_ms": {"p50": round(median(during), 2) if during else None, "p99": round(percentile(during, 99), 2) if during else None,
                       "max": round(max(during), 2) if during else None, "n": len(during)},
         "failures": failures, "alive": proc.poll() is None}
    r["ok"] = failures == 0 and bool(during) and r["during_ms"]["p99"] <= max(50.0, 5 * r["baseline_ms"]["p99"])
    print(f"  slowloris ({state['opened']} sockets, 1 byte/s, {seconds} s): normal request p50 {r['during_ms']['p50']} ms, p99 {r['during_ms']['p99']} ms "
          f"(baseline p50 {r['baseline_ms']['p50']} ms, p99 {r['baseline_ms']['p99']} ms), {failures} failures; "
          f"slow sockets closed by the server: {state['closed_by_server']}, still open: {still_open}")
    return r


# ------------------------------------------------------------------ 4. oversized
def drill_oversized(port, proc):
    uri = b"/api/v1/datasets?x=" + b"a" * 20_000
    s414 = raw_status(port, b"GET " + uri + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    s431 = raw_status(port, b"GET /api/v1/version HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 100_000 + b"\r\nConnection: close\r\n\r\n")
    s431_many = raw_status(port, b"GET /api/v1/version HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(200)) + b"Connection: close\r\n\r\n")
    after = timed_get(port, "/healthz")
    r = {"port": port, "uri_20kb_status": s414, "header_100kb_status": s431, "headers_200_status": s431_many,
         "healthz_after": after[1], "alive": proc.poll() is None}
    r["ok_414"] = s414 == 414
    r["ok_431"] = s431 == 431
    print(f"  oversized: 20 KB URI -> {s414} (want 414), 100 KB header -> {s431} (want 431), 200 headers -> {s431_many}; "
          f"healthz after: {after[1]}")
    return r


def main():
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    details = {}
    details["sighup"] = drill_sighup(PORT0)
    details["sigterm"] = drill_sigterm(PORT0 + 1)
    log = os.path.join(WORK, "drill-slow.log")
    open(log, "w").close()
    proc = start_server(BIN, PORT0 + 2, log=log)
    try:
        details["slowloris"] = drill_slowloris(PORT0 + 2, proc)
        details["oversized"] = drill_oversized(PORT0 + 2, proc)
    finally:
        stop(proc)
    h, t, s, o = details["sighup"], details["sigterm"], details["slowloris"], details["oversized"]
    cmd = "python3 bench/drills.py"
    figures = [
        figure("drill_sighup", "SIGHUP with a broken package: old data kept, hash unchanged", None, "",
               "kept" if h["ok"] else f"FAILED {dict((k, h.get(k)) for k in ('same_hash', 'same_body', 'alive', 'valid_reload_changes_hash'))}",
               "old data kept", h["ok"], cmd),
        figure("drill_sigterm", "SIGTERM under load: in-flight requests complete, exit 0", t["shutdown_seconds"], "s",
               f"exit {t['exit_code']}, {t['in_flight_total']} in flight all complete: {t['png_all_complete'] and t['download_complete']}, {t['shutdown_seconds']} s",
               "exit 0, no cut response", t["ok"], cmd),
        figure("drill_slowloris", "Slowloris (200 sockets): normal request p99 during / baseline", s["during_ms"]["p99"], "ms",
               f"{s['during_ms']['p99']} / {s['baseline_ms']['p99']} ms, {s['failures']} failed", "not blocked", s["ok"], cmd),
        figure("drill_414", "20 KB request target", None, "", str(o["uri_20kb_status"]), "414", o["ok_414"], cmd),
        figure("drill_431", "100 KB request header", None, "", str(o["header_100kb_status"]), "431", o["ok_431"], cmd),
        figure("drill_after", "Server answers after the oversized requests", None, "", f"healthz {o['healthz_after']}", "200",
               o["healthz_after"] == 200 and o["alive"], cmd),
    ]
    write("drills", figures, details, started)


if __name__ == "__main__":
    main()
