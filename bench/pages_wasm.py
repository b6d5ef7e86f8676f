#!/usr/bin/env python3
"""The app's wasm (and its JS glue) as shipped in $BENCH_DIST: raw, gzip -9 and
brotli -q 11; then `twiggy top` on a named copy of the same code.

trunk's dist wasm is stripped (no name section), so twiggy would only see
`code[1234]`. The named copy is made from the build's own pre-wasm-opt output,
`$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/app.wasm` (or
$PAGES_TWIGGY_WASM): wasm-bindgen --target web, then `wasm-opt -Oz -g` (names
kept), which is what trunk does with `data-wasm-opt="z"` minus the stripping.
The named copy's size without its name section is compared to dist's, so a
stale target/ (another build than dist's) shows as a mismatch, not as figures.

twiggy (pinned below) is installed from the Rust package registry (crates.io)
with `cargo install --locked --root ~/.cache/evidence-dashboard/tools/twiggy-<v>`
the first time this runs; its build goes to $TWIGGY_CARGO_TARGET_DIR (default:
cargo's own temporary folder).

Writes bench/work/pages/wasm.json.
"""
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from payload import crate_of  # noqa: E402  (same grouping as bench/payload.py)

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.environ.get("PAGES_WORK", os.path.join(BENCH, "work", "pages"))
DIST = os.environ.get("BENCH_DIST", os.path.join(ROOT, "dist"))
TWIGGY_VERSION = "0.8.0"
TOP_N = int(os.environ.get("PAGES_TWIGGY_TOP", "25"))


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def brotli11(data):
    try:
        import brotli  # PyPI `brotli`, if present
        return len(brotli.compress(data, quality=11))
    except ImportError:
        return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)


def sizes(path):
    with open(path, "rb") as f:
        data = f.read()
    return {"file": os.path.basename(path), "raw": len(data), "gzip9": len(gzip.compress(data, 9)), "brotli11": brotli11(data)}


def custom_sections(data):
    """(name, size) of each custom section of a wasm module."""
    out, i = [], 8

    def leb(i):
        r = s = 0
        while True:
            b = data[i]
            i += 1
            r |= (b & 0x7F) << s
            s += 7
            if b < 0x80:
                return r, i

    while i < len(data):
        sid = data[i]
        i += 1
        n, i = leb(i)
        if sid == 0:
            ln, j = leb(i)
            out.append((data[j:j + ln].decode("utf-8", "replace"), n))
        i += n
    return out


def ensure_twiggy():
    tools = os.environ.get("BENCH_TOOLS", os.path.expanduser("~/.cache/evidence-dashboard/tools"))
    root = os.path.join(tools, f"twiggy-{TWIGGY_VERSION}")
    exe = os.path.join(root, "bin", "twiggy")
    if not os.access(exe, os.X_OK):
        print(f"  installing twiggy {TWIGGY_VERSION} from crates.io into {root} (once)", flush=True)
        env = dict(os.environ)
        env.pop("CARGO_TARGET_DIR", None)
        if os.environ.get("TWIGGY_CARGO_TARGET_DIR"):
            env["CARGO_TARGET_DIR"] = os.environ["TWIGGY_CARGO_TARGET_DIR"]
        subprocess.run(["rm", "-rf", root + ".partial"], check=True)
        subprocess.run(["cargo", "install", "twiggy", "--locked", "--version", TWIGGY_VERSION, "--root", root + ".partial"],
                       check=True, env=env)
        subprocess.run(["rm", "-rf", root], check=True)
        os.rename(root + ".partial", root)
    return exe


def named_copy(dist_wasm_raw):
    src = os.environ.get("PAGES_TWIGGY_WASM") or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "wasm32-unknown-unknown", "wasm-release", "app.wasm")
    if not os.path.exists(src):
        return None, {"skipped": f"no {src}: set PAGES_TWIGGY_WASM to the app's pre-wasm-opt build"}
    info = {"source": src}
    if not any(n == "name" for n, _ in custom_sections(open(src, "rb").read())):
        return None, {**info, "skipped": f"{src} has no name section"}
    out = os.path.join(WORK, "wasm-named")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    if subprocess.run(["wasm-bindgen", "--version"], capture_output=True).returncode != 0:
        return None, {**info, "skipped": "wasm-bindgen not on PATH (./x setup puts it in the tools cache)"}
    r = subprocess.run(["wasm-bindgen", "--target", "web", "--out-dir", out, src], capture_output=True, text=True)
    if r.returncode != 0:
        return None, {**info, "skipped": "wasm-bindgen failed: " + r.stderr[-300:]}
    bg = glob.glob(os.path.join(out, "*_bg.wasm"))[0]
    named = os.path.join(out, "app_opt_named.wasm")
    r = subprocess.run(["wasm-opt", "-Oz", "-g", bg, "-o", named, "--enable-bulk-memory",
                        "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals",
                        "--enable-reference-types", "--enable-multivalue"], capture_output=True, text=True)
    if r.returncode != 0:
        return None, {**info, "skipped": "wasm-opt failed (binaryen from the root node_modules): " + r.stderr[-300:]}
    data = open(named, "rb").read()
    names = sum(n for name, n in custom_sections(data) if name in ("name", "producers", "target_features"))
    info.update({"named_wasm": named, "named_bytes": len(data), "without_names_bytes": len(data) - names,
                 "dist_raw": dist_wasm_raw,
                 "diff_percent_vs_dist": round(100 * (len(data) - names - dist_wasm_raw) / dist_wasm_raw, 2) if dist_wasm_raw else None})
    return named, info


def twiggy_top(exe, named):
    top = json.loads(subprocess.run([exe, "top", "-n", "100000", "--format", "json", named],
                                    capture_output=True, text=True, check=True).stdout)
    meta = [i for i in top if i["name"] in ('"function names" subsection', '"local names" subsection')
            or i["name"].startswith("custom section")]
    code = [i for i in top if i not in meta]
    total = sum(i["shallow_size"] for i in code)
    by_crate = {}
    for i in code:
        c = crate_of(i["name"])
        by_crate[c] = by_crate.get(c, 0) + i["shallow_size"]
    return {"code_bytes": total,
            "top": [{"name": i["name"][:140], "bytes": i["shallow_size"], "percent": round(100 * i["shallow_size"] / total, 2)}
                    for i in code[:TOP_N]],
            "by_crate": [{"crate": c, "bytes": b, "percent": round(100 * b / total, 1)}
                         for c, b in sorted(by_crate.items(), key=lambda kv: -kv[1])[:TOP_N]]}


def main():
    doc = {"loadavg_start": loadavg(), "dist": DIST, "files": [], "twiggy": None}
    wasm = sorted(glob.glob(os.path.join(DIST, "*.wasm")))
    js = [p for p in sorted(glob.glob(os.path.join(DIST, "*.js"))) if not os.path.basename(p).startswith(("sw", "service"))]
    if not wasm:
        print(f"  no .wasm in {DIST}")
    for p in wasm + js:
        s = sizes(p)
        doc["files"].append(s)
        print(f"  {s['file']:<40} raw {s['raw']:>9,} B  gzip -9 {s['gzip9']:>8,} B  brotli -q 11 {s['brotli11']:>8,} B")
    named, info = named_copy(doc["files"][0]["raw"] if wasm else None)
    doc["named"] = info
    if named:
        print(f"  named copy for twiggy: {info['source']} -> wasm-bindgen -> wasm-opt -Oz -g; "
              f"{info['without_names_bytes']:,} B without names vs dist {info['dist_raw']:,} B ({info['diff_percent_vs_dist']:+}%)")
        if info["diff_percent_vs_dist"] is not None and abs(info["diff_percent_vs_dist"]) > 3:
            info["warning"] = "the named copy differs from dist by more than 3%: target/ is probably another build than dist/"
            print("  WARNING: " + info["warning"])
        doc["twiggy"] = twiggy_top(ensure_twiggy(), named)
        print(f"  twiggy top {TOP_N} ({doc['twiggy']['code_bytes']:,} B of code and data):")
        for i in doc["twiggy"]["top"][:10]:
            print(f"    {i['bytes']:>8,} B {i['percent']:>5}%  {i['name'][:100]}")
        print("  by crate:")
        for c in doc["twiggy"]["by_crate"][:10]:
            print(f"    {c['bytes']:>8,} B {c['percent']:>5}%  {c['crate']}")
    else:
        print(f"  twiggy: {info.get('skipped')}")
    doc["loadavg_end"] = loadavg()
    os.makedirs(WORK, exist_ok=True)
    with open(os.path.join(WORK, "wasm.json"), "w") as f:
        json.dump(doc, f, indent=2)


if __name__ == "__main__":
    main()
