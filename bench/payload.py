#!/usr/bin/env python3
"""Payload of a first visit: every file the browser loads for `/` and for the
chart page, as the server sends it with Accept-Encoding br, gzip and none
(curl), and brotli -q 11 of each file; budget 250 kB brotli. Then twiggy on the
wasm (before wasm-opt, with names) for the top costs.

Writes bench/results/payload.json.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from results import BENCH, ROOT, WORK, figure, write  # noqa: E402

PORT = os.environ.get("BENCH_PORT", "8501")
BASE = f"http://127.0.0.1:{PORT}"
BUDGET_KB = 250  # kB = 1000 bytes
TWIGGY_VERSION = "0.8.0"
CHART_PAGE = "/datasets/ncmec-cybertipline-by-country"


def kind(path, content_type):
    ct = content_type or ""
    if path.endswith(".wasm") or "wasm" in ct:
        return "wasm"
    if path.endswith(".js") or "javascript" in ct:
        return "js"
    if path.endswith(".css") or "css" in ct:
        return "css"
    if path.endswith((".woff2", ".ttf")) or "font" in ct:
        return "font"
    if "json" in ct:
        return "data"
    if "html" in ct:
        return "html"
    return "other"


def fetch(path, encoding):
    """Body bytes as sent (still encoded), the Content-Encoding, the time."""
    with tempfile.NamedTemporaryFile(delete=False) as body, tempfile.NamedTemporaryFile(delete=False, mode="w+") as headers:
        pass
    args = ["curl", "-sS", "-o", body.name, "-D", headers.name, "-w", "%{http_code} %{time_total} %{content_type}", BASE + path]
    if encoding:
        args[1:1] = ["-H", f"Accept-Encoding: {encoding}"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split(" ", 2)
    with open(body.name, "rb") as f:
        data = f.read()
    with open(headers.name) as f:
        hdrs = f.read().lower()
    os.unlink(body.name)
    os.unlink(headers.name)
    m = re.search(r"^content-encoding:\s*(\S+)", hdrs, re.M)
    return {"status": int(out[0]), "seconds": float(out[1]), "content_type": out[2] if len(out) > 2 else "",
            "bytes": len(data), "encoding": m.group(1) if m else "identity", "body": data}


def brotli11(data):
    return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


def ensure_twiggy():
    tools = os.environ.get("BENCH_TOOLS", os.path.expanduser("~/.cache/evidence-dashboard/tools"))
    root = os.path.join(tools, f"twiggy-{TWIGGY_VERSION}")
    exe = os.path.join(root, "bin", "twiggy")
    if not os.access(exe, os.X_OK):
        print(f"  installing twiggy {TWIGGY_VERSION} into {root} (once)")
        subprocess.run(["cargo", "install", "twiggy", "--version", TWIGGY_VERSION, "--root", root + ".partial"], check=True)
        subprocess.run(["rm", "-rf", root], check=True)
        os.rename(root + ".partial", root)
    return exe


def crate_of(name):
    n = name
    if n.startswith("data segment"):
        return "data segments (.rodata: strings, tables)"
    if n.startswith(("export ", "import ", "table[", "elem[", "type[", "global[", "memory[", "code[")):
        return n.split(" ")[0].split("[")[0] + " entries"
    # `<A as B>::f`: the code is A's (monomorphised there); `crate[hash]::x` -> crate.
    n = n.lstrip("<&*( ")
    n = re.sub(r"^(dyn |impl |mut |const )+", "", n)
    # `<T as tachys::..>` or `<f64 as core::..>`: no path on the type, so the trait's crate.
    n = re.sub(r"^[A-Za-z0-9_]+(?:<[^>]*>)? as ", "", n)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::", n)
    if m:
        return m.group(1)
    return n.split(" ")[0][:40]


def named_release_wasm(target):
    """The shipped wasm with its function names: wasm-bindgen, then wasm-opt -Oz -g
    (names kept), from the release wasm before trunk's wasm-opt. Same code as
    dist/ within a fraction of a percent; the names make twiggy useful."""
    wasm = os.path.join(target, "wasm32-unknown-unknown", "wasm-release", "app.wasm")
    if not os.path.exists(wasm):
        return None, f"no {wasm} (build the app with trunk first)"
    out = os.path.join(WORK, "wasm-named")
    subprocess.run(["rm", "-rf", out], check=True)
    os.makedirs(out)
    r = subprocess.run(["wasm-bindgen", "--target", "web", "--out-dir", out, wasm], capture_output=True, text=True)
    if r.returncode != 0:
        return None, "wasm-bindgen failed: " + r.stderr[-300:]
    named = os.path.join(out, "app_opt_named.wasm")
    r = subprocess.run(["wasm-opt", "-Oz", "-g", os.path.join(out, "app_bg.wasm"), "-o", named, "--enable-bulk-memory",
                        "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals",
                        "--enable-reference-types", "--enable-multivalue"], capture_output=True, text=True)
    if r.returncode != 0:
        return None, "wasm-opt failed: " + r.stderr[-300:]
    return named, None


def twiggy_report(shipped_bytes):
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    named, problem = named_release_wasm(target)
    if not named:
        return {"skipped": problem}
    exe = ensure_twiggy()
    top = json.loads(subprocess.run([exe, "top", "-n", "100000", "--format", "json", named], capture_output=True, text=True, check=True).stdout)
    names = [i for i in top if i["name"] in ('"function names" subsection', '"local names" subsection') or i["name"].startswith("custom section")]
    code = [i for i in top if i not in names]
    total = sum(i["shallow_size"] for i in code)
    by_crate = {}
    for i in code:
        c = crate_of(i["name"])
        by_crate[c] = by_crate.get(c, 0) + i["shallow_size"]
    crates = sorted(by_crate.items(), key=lambda kv: -kv[1])[:20]
    with open(named, "rb") as f:
        data = f.read()
    # core's Unicode case tables start with these pairs (LOWERCASE_TABLE: C0->E0, UPPERCASE_TABLE: B5->39C).
    case_tables = {"lowercase_table": data.find(bytes.fromhex("c0000000e0000000")) >= 0,
                   "uppercase_table": data.find(bytes.fromhex("b50000009c030000")) >= 0}
    dominators = subprocess.run([exe, "dominators", "-d", "2", "-r", "30", named], capture_output=True, text=True).stdout
    monos = subprocess.run([exe, "monos", "-m", "15", "-n", "3", named], capture_output=True, text=True).stdout
    return {"wasm": named, "bytes_with_names": os.path.getsize(named), "code_bytes": total, "shipped_bytes": shipped_bytes,
            "top_items": [{"name": i["name"][:160], "shallow": i["shallow_size"], "percent": round(100 * i["shallow_size"] / total, 2)} for i in code[:30]],
            "by_crate": [{"crate": c, "bytes": b, "percent": round(100 * b / total, 1)} for c, b in crates],
            "unicode_case_tables_present": case_tables,
            "dominators": dominators[:8000], "monos": monos[:6000]}


def main():
    started = time.strftime("%Y-%m-%dT%H:%M:%S")
    resources = os.path.join(WORK, "resources.json")
    subprocess.run(["node", os.path.join(BENCH, "browser.mjs"), "discover"], check=True)
    with open(resources) as f:
        pages = json.load(f)
    details = {"base": BASE, "pages": {}, "kb": "1 kB = 1000 bytes"}
    figures = []
    cmd = "python3 bench/payload.py"
    for page, reqs in pages.items():
        rows = []
        seen = set()
        for r in reqs:
            p = r["path"]
            if p in seen or r["status"] != 200:
                continue
            seen.add(p)
            raw = fetch(p, None)
            br = fetch(p, "br")
            gz = fetch(p, "gzip")
            rows.append({"path": p, "kind": kind(p, raw["content_type"]), "raw": raw["bytes"],
                         "served_br": br["bytes"], "served_br_encoding": br["encoding"], "served_br_ms": round(br["seconds"] * 1000, 1),
                         "served_gzip": gz["bytes"], "served_gzip_encoding": gz["encoding"], "served_gzip_ms": round(gz["seconds"] * 1000, 1),
                         "identity_ms": round(raw["seconds"] * 1000, 1), "brotli_q11": brotli11(raw["body"]),
                         "chromium_wire": r.get("bytes"), "chromium_encoding": r.get("encoding")})
        tot = {k: sum(x[k] for x in rows) for k in ("raw", "served_br", "served_gzip", "brotli_q11")}
        by_kind = {}
        for x in rows:
            k = by_kind.setdefault(x["kind"], {"raw": 0, "served_br": 0, "served_gzip": 0, "brotli_q11": 0})
            for key in k:
                k[key] += x[key]
        details["pages"][page] = {"files": rows, "total": tot, "by_kind": by_kind}
        print(f"\n  {page}")
        print(f"  {'file':<52} {'kind':<5} {'raw':>9} {'gzip':>9} {'br sent':>9} {'br q11':>9} {'br ms':>6}")
        for x in rows:
            print(f"  {x['path'][:52]:<52} {x['kind']:<5} {x['raw']:>9} {x['served_gzip']:>9} {x['served_br']:>9} {x['brotli_q11']:>9} {x['served_br_ms']:>6}")
        print(f"  {'total':<52} {'':<5} {tot['raw']:>9} {tot['served_gzip']:>9} {tot['served_br']:>9} {tot['brotli_q11']:>9}")
        name = "home" if page == "/" else "chart"
        br_kb = round(tot["served_br"] / 1000, 1)
        figures.append(figure(f"payload_{name}_br", f"First visit {page}: brotli as served ({len(rows)} files)", br_kb, "kB",
                              f"{br_kb} kB", f"≤ {BUDGET_KB} kB", br_kb <= BUDGET_KB, cmd))
        q11 = round(tot["brotli_q11"] / 1000, 1)
        figures.append(figure(f"payload_{name}_q11", f"First visit {page}: brotli -q 11 of each file", q11, "kB", f"{q11} kB", f"≤ {BUDGET_KB} kB", q11 <= BUDGET_KB, cmd))
        figures.append(figure(f"payload_{name}_gzip", f"First visit {page}: gzip as served", round(tot["served_gzip"] / 1000, 1), "kB", None, None, None, cmd))
        figures.append(figure(f"payload_{name}_raw", f"First visit {page}: uncompressed", round(tot["raw"] / 1000, 1), "kB", None, None, None, cmd))
        for k in sorted(by_kind):
            print(f"    {k:<6} raw {by_kind[k]['raw']:>9}  br sent {by_kind[k]['served_br']:>9}  br q11 {by_kind[k]['brotli_q11']:>9}")
    wasm_rows = [x for x in details["pages"].get(CHART_PAGE, {}).get("files", []) if x["kind"] == "wasm"]
    if wasm_rows:
        w = wasm_rows[0]
        figures.append(figure("wasm_br_on_the_fly_ms", "Server time to send the wasm with br (compressed per request)", w["served_br_ms"], "ms",
                              f"{w['served_br_ms']} ms (identity {w['identity_ms']} ms)", None, None, cmd))
    details["twiggy"] = twiggy_report(wasm_rows[0]["raw"] if wasm_rows else None)
    tw = details["twiggy"]
    if "top_items" in tw:
        print(f"\n  twiggy top ({tw['wasm']}: the shipped code with names, {tw['code_bytes']} bytes of code+data; dist has {tw['shipped_bytes']}):")
        for i in tw["top_items"][:15]:
            print(f"    {i['shallow']:>8} {i['percent']:>5}%  {i['name'][:100]}")
        print("  by crate (shallow bytes):")
        for c in tw["by_crate"][:14]:
            print(f"    {c['bytes']:>8} {c['percent']:>5}%  {c['crate']}")
        print(f"  core Unicode case tables in the wasm: {tw['unicode_case_tables_present']}")
    else:
        print(f"  twiggy: {tw.get('skipped')}")
    write("payload", figures, details, started)


if __name__ == "__main__":
    main()
