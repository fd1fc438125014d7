#!/usr/bin/env python3
"""Counts GoogleTest cases in meson's testlog.json and prints 'N passed, N failed, N skipped'."""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        out = entry.get("stdout", "") or ""
        cases_ok = len(re.findall(r"^\[       OK \]", out, re.M))
        cases_bad = len(re.findall(r"^\[  FAILED  \] \S+\.\S+ \(", out, re.M))
        if cases_ok or cases_bad:
            passed += cases_ok
            failed += cases_bad
        elif entry.get("result") == "OK":
            passed += 1
        elif entry.get("result") == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
