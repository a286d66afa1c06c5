#!/usr/bin/env python3
"""Accuracy gate: score byline over ../shared/corpus and compare with the pinned floors.

Fails (exit 1) when the scorer reports error lines, when a figure named in tests/floors.json
drops below its floor, or when a floor was lowered against the previous commit (floors only
ever rise). Skips (exit 0) when the corpus is not there.

    python3 .ci/quality-gate.py [--binary target/release/byline] [--corpus ../shared/corpus]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOORS = os.path.join(ROOT, "tests", "floors.json")


def figure(report, path):
    """'overall.title.accuracy' or 'scrapinghub.body_text.f1' -> the number in the report."""
    scope, field, metric = path.split(".")
    block = report["overall"] if scope == "overall" else report["by_source"].get(scope)
    if block is None:
        return None
    return block["fields"].get(field, {}).get(metric)


def previous_floors():
    """Floors of the parent commit, if the file existed there."""
    try:
        text = subprocess.run(["git", "-C", ROOT, "show", "HEAD~1:tests/floors.json"],
                              capture_output=True, text=True, check=True).stdout
        return json.loads(text)["floors"]
    except (subprocess.CalledProcessError, ValueError, KeyError, FileNotFoundError):
        return {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "byline"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--scorer", default=os.path.join(ROOT, "..", "shared", "eval", "score.py"))
    ap.add_argument("--json", default=os.path.join(ROOT, "target", "score.json"))
    args = ap.parse_args()

    if not os.path.isdir(args.corpus) or not os.path.isfile(args.scorer):
        print(f"quality gate: no corpus at {args.corpus}, skipped")
        return 0
    with open(FLOORS, encoding="utf-8") as f:
        floors = json.load(f)["floors"]

    problems = []
    for key, old in previous_floors().items():
        if key not in floors:
            problems.append(f"floor {key} was removed (was {old})")
        elif floors[key] < old:
            problems.append(f"floor {key} was lowered from {old} to {floors[key]}")

    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    cmd = [sys.executable, args.scorer, "--corpus", args.corpus, "--json", args.json,
           "--", args.binary, "--format", "jsonl", "--no-progress"]
    subprocess.run(cmd, check=True)
    with open(args.json, encoding="utf-8") as f:
        report = json.load(f)

    if report.get("errors"):
        problems.append(f"{report['errors']} pages produced error lines")
    print("\nquality gate (figure: measured / floor)")
    for key, floor in sorted(floors.items()):
        value = figure(report, key)
        ok = value is not None and value + 1e-9 >= floor
        shown = "missing" if value is None else f"{value:.4f}"
        print(f"  {'ok  ' if ok else 'FAIL'} {key:<42} {shown} / {floor:.4f}")
        if not ok:
            problems.append(f"{key} = {shown}, below its floor {floor}")
    if problems:
        print("\nquality gate FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
