#!/usr/bin/env python3
"""Regression gate: scores a build on an annotated set and compares with a
committed baseline.

  regression_gate.py BINARY GOLD_DIR BASELINE.json [--update] [--report-only]

Fails (exit 1) when any field's F1 is more than 0.005 below the baseline, and
lists the documents whose counts changed. --update rewrites the baseline
(raising it is a deliberate commit); --report-only prints the comparison but
never fails (for sets the project does not own).
"""
import argparse
import json
import subprocess
import sys

TOLERANCE = 0.005


def score(binary, gold_dir):
    out = subprocess.run(
        [binary, "eval", "--json", "--per-doc", "--threads", "2", "--gold", gold_dir, gold_dir],
        check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def summary(result):
    fields = {name: {k: c[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")}
              for name, c in result["fields"].items()}
    docs = {d["doc_id"]: {f: [c["tp"], c["fp"], c["fn"]] for f, c in d["fields"].items()}
            for d in result.get("docs", [])}
    return {"fields": fields, "overall": result["overall"],
            "facts_type_accuracy": result.get("facts_type_accuracy"),
            "facts_date_accuracy": result.get("facts_date_accuracy"), "docs": docs}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("gold_dir")
    ap.add_argument("baseline")
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--report-only", action="store_true")
    args = ap.parse_args()

    now = summary(score(args.binary, args.gold_dir))
    if args.update:
        with open(args.baseline, "w", encoding="utf-8") as f:
            json.dump(now, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        print(f"baseline written: {args.baseline}")
        return 0
    try:
        with open(args.baseline, encoding="utf-8") as f:
            base = json.load(f)
    except FileNotFoundError:
        print(f"no baseline at {args.baseline}; run with --update to create it")
        return 0 if args.report_only else 1

    print(f"{'field':<11} {'baseline F1':>11} {'now F1':>8} {'change':>8}")
    dropped = []
    for name, c in now["fields"].items():
        b = base["fields"].get(name, {}).get("f1")
        if b is None:
            print(f"{name:<11} {'-':>11} {c['f1']:8.3f}")
            continue
        delta = c["f1"] - b
        mark = "  DROP" if delta < -TOLERANCE else ""
        print(f"{name:<11} {b:11.3f} {c['f1']:8.3f} {delta:+8.3f}{mark}")
        if delta < -TOLERANCE:
            dropped.append(name)
    changed = []
    for doc, fields in sorted(now["docs"].items()):
        old = base.get("docs", {}).get(doc)
        if old != fields:
            diffs = [f"{f} {old.get(f) if old else None}->{v}" for f, v in fields.items()
                     if not old or old.get(f) != v]
            changed.append(f"  {doc}: " + ", ".join(diffs) + "  [tp,fp,fn]")
    if changed:
        print("documents whose counts changed:")
        print("\n".join(changed))
    if dropped and not args.report_only:
        print(f"REGRESSION: F1 dropped more than {TOLERANCE} in: {', '.join(dropped)}")
        return 1
    print("regression gate: ok" + (" (report only)" if args.report_only else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
