#!/usr/bin/env python3
"""Export figures: runs server/benches/export.rs (criterion, written by the
export work) when it exists, and reads the server's RSS after the load tests.
Writes bench/results/export.json.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from results import ROOT, figure, rss_kib, write  # noqa: E402


def main():
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    pid = os.environ.get("BENCH_SERVER_PID")
    rss = rss_kib(pid) if pid else None
    bench = os.path.join(ROOT, "server", "benches", "export.rs")
    if os.path.exists(bench):
        r = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "criterion.py"), "export_criterion", "evidence-server", "export"])
        status = "ran" if r.returncode == 0 else f"failed (exit {r.returncode})"
    else:
        status = "skipped: server/benches/export.rs does not exist yet"
        print(f"  {status}")
    figures = [figure("server_rss_after_load", "Server RSS after the load tests (VmRSS)", round(rss / 1024, 1) if rss else None, "MiB",
                      f"{rss / 1024:.1f} MiB" if rss else "n/a", None, None, f"grep VmRSS /proc/{pid or '<pid>'}/status")]
    figures.append(figure("export_bench", "PNG/SVG export criterion bench (server/benches/export.rs)", None, "",
                          status if status != "ran" else "see export_criterion.json", None, None,
                          "cargo bench -p evidence-server --bench export"))
    write("export", figures, {"export_bench": status, "rss_kib": rss}, started)


if __name__ == "__main__":
    main()
