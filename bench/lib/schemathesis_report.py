#!/usr/bin/env python3
"""Reads a schemathesis run (JSON report + HAR) and writes
bench/results/schemathesis.json: requests sent, 5xx responses, failures by
check. Goal: >= 1,000 requests, no 5xx, responses match the schema.

  schemathesis_report.py REPORT_DIR EXIT_CODE [SERVER_LOG FROM_BYTE]
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from results import figure, write  # noqa: E402

# Failure types (schemathesis 4.x) that mean "the response does not match
# the schema": body, status code, content type, headers.
SCHEMA_TYPES = ("JsonSchemaError", "UndefinedStatusCode", "UndefinedContentType", "MissingHeaders", "MalformedMediaType",
                "MissingContentType", "MalformedJson", "ResponseSchemaConformance", "StatusCodeConformance",
                "ContentTypeConformance", "ResponseHeadersConformance")


def main():
    report_dir, code = sys.argv[1], int(sys.argv[2])
    report = {}
    try:
        with open(os.path.join(report_dir, "report.json")) as f:
            report = json.load(f)
    except (FileNotFoundError, json.JSONDecodeError):
        pass
    statuses = []
    if len(sys.argv) > 4 and os.path.exists(sys.argv[3]):
        with open(sys.argv[3], "rb") as f:
            f.seek(int(sys.argv[4]))
            text = f.read().decode("utf-8", "replace")
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
        statuses = [int(m) for m in re.findall(r"response status=(\d{3})", text)]
    tc = report.get("test_cases", {})
    requests = len(statuses) or tc.get("generated") or 0
    server_errors = sum(1 for s in statuses if s >= 500)
    failures = report.get("failures", [])
    schema_failures = sum(g.get("count", 1) for g in failures if g.get("type") in SCHEMA_TYPES)
    server_error_cases = sum(g.get("count", 1) for g in failures if g.get("type") == "ServerError")
    server_errors = max(server_errors, server_error_cases)
    other = {f"{g.get('code')} {g.get('title')}": g.get("count", 1) for g in failures
             if g.get("type") not in SCHEMA_TYPES and g.get("type") != "ServerError"}
    print(f"  {requests} requests recorded, {tc.get('generated')} test cases; 5xx: {server_errors}; "
          f"schema failures: {schema_failures}; other failing checks: {other or 'none'}; exit {code}")
    for g in failures[:12]:
        print(f"    {g.get('code')}: {g.get('title')} x{g.get('count')} in {', '.join(g.get('operations', [])[:3])}")
    cmd = "bench/schemathesis.sh (schemathesis run --checks all)"
    figures = [
        figure("schemathesis_requests", "Schemathesis: generated requests", requests, "", f"{requests} requests", "≥ 1000", requests >= 1000, cmd),
        figure("schemathesis_5xx", "Schemathesis: 5xx responses", server_errors, "",
               str(server_errors) + (" (" + ", ".join(o for g in failures if g.get("type") == "ServerError" for o in g.get("operations", [])) + ")" if server_errors else ""),
               "0", server_errors == 0, cmd),
        figure("schemathesis_schema", "Schemathesis: responses not matching the schema (status, type, body, headers)", schema_failures, "",
               str(schema_failures) + ("" if not other else f"; other checks failing: {', '.join(f'{k} x{v}' for k, v in other.items())}"),
               "0", schema_failures == 0, cmd),
    ]
    write("schemathesis", figures, {"exit_code": code, "requests": requests, "status_counts": {str(s): statuses.count(s) for s in sorted(set(statuses))},
                                    "failures": failures, "test_cases": tc, "errors": report.get("errors"),
                                    "operations": report.get("operations"), "report_dir": report_dir})


if __name__ == "__main__":
    main()
