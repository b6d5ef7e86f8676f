"""Runs wrk (bounded by -d) and parses its report."""
import re
import subprocess

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None


def parse(out):
    r = {"requests_per_sec": None, "p50_ms": None, "p90_ms": None, "p99_ms": None, "requests": None,
         "non_2xx_3xx": 0, "socket_errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0}}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if m:
        r["requests_per_sec"] = float(m.group(1))
    for pct, key in (("50", "p50_ms"), ("90", "p90_ms"), ("99", "p99_ms")):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", out, re.M)
        if m:
            r[key] = _ms(m.group(1))
    m = re.search(r"(\d+) requests in", out)
    if m:
        r["requests"] = int(m.group(1))
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if m:
        r["non_2xx_3xx"] = int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        r["socket_errors"] = dict(zip(("connect", "read", "write", "timeout"), map(int, m.groups())))
    m = re.search(r"Transfer/sec:\s+(\S+)", out)
    if m:
        r["transfer_per_sec"] = m.group(1)
    return r


def run(url, seconds=10, threads=2, connections=64, script=None, headers=(), timeout_s=2, extra_args=()):
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout", f"{timeout_s}s", "--latency"]
    for h in headers:
        args += ["-H", h]
    if script:
        args += ["-s", script]
    args += [*extra_args, url]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 30)
    r = parse(proc.stdout)
    r["command"] = " ".join(args)
    r["output"] = proc.stdout[-4000:]
    r["stderr"] = proc.stderr[-2000:]
    return r
