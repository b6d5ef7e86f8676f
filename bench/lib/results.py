"""Shared helpers for the bench scripts: results JSON, percentiles, the server.

Every benchmark writes bench/results/<name>.json:
  {"name", "started", "loadavg", "figures": [{"key", "label", "value", "unit",
   "display", "goal", "met", "command"}], "details": {...}}
`met` is true/false against the issue's goal, or null for figures without one.
"""
import json
import os
import statistics
import subprocess
import time
import urllib.request

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
RESULTS = os.path.join(BENCH, "results")
WORK = os.path.join(BENCH, "work")


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def figure(key, label, value, unit, display=None, goal=None, met=None, command=None):
    if display is None:
        display = "n/a" if value is None else f"{value:g} {unit}".strip()
    return {"key": key, "label": label, "value": value, "unit": unit, "display": display,
            "goal": goal, "met": met, "command": command}


def write(name, figures, details=None, started=None):
    os.makedirs(RESULTS, exist_ok=True)
    doc = {"name": name, "started": started or time.strftime("%Y-%m-%dT%H:%M:%S"),
           "finished": time.strftime("%Y-%m-%dT%H:%M:%S"), "loadavg": loadavg(),
           "figures": figures, "details": details or {}}
    path = os.path.join(RESULTS, f"{name}.json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    for fig in figures:
        mark = {True: "met", False: "MISSED", None: ""}[fig["met"]]
        goal = f"(goal {fig['goal']})" if fig["goal"] else ""
        print(f"  {fig['label']:<58} {fig['display']:>22} {goal} {mark}")
    return path


def median(xs):
    return statistics.median(xs) if xs else None


def percentile(xs, p):
    if not xs:
        return None
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def wait_http(url, timeout=20.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return True
        except Exception:
            time.sleep(0.1)
    return False


def start_server(bin_path, port, *extra, log=None):
    """Starts evidence-server on 127.0.0.1:port (release build, no rate limit)."""
    args = [bin_path, "serve", "--addr", f"127.0.0.1:{port}", "--rate-limit", "0", *extra]
    out = open(log or os.path.join(WORK, f"server-{port}.log"), "ab")
    proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ))
    if not wait_http(f"http://127.0.0.1:{port}/healthz"):
        proc.kill()
        raise RuntimeError(f"server on {port} did not come up; see {out.name}")
    return proc


def stop(proc, timeout=10):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
