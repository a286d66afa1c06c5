#!/usr/bin/env python3
"""List and group the published-date failures of a scored run.

    python3 bench/date_failures.py target/score.json [--corpus ../shared/corpus] [--field published]

Reads the per-case results of `score.py --json`, joins them with the gold files of the corpus,
re-runs byline (target/release/byline) on the failing pages to show the date's source and raw
string, and prints the failures grouped by kind: missing, one day off, gold = URL date,
other. Each line: case, gold, prediction, source, raw, page path.
"""
import argparse
import datetime as dt
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:/|[^\d]|$)")


def url_day(url):
    m = URL_DATE.search(url or "")
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def days(a, b):
    try:
        return (dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days
    except (TypeError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("score")
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--field", default="published")
    ap.add_argument("--bin", default="target/release/byline")
    args = ap.parse_args()
    cases = json.load(open(args.score))["cases"]
    gold = {}
    for src in os.listdir(args.corpus):
        g = os.path.join(args.corpus, src, "gold.jsonl")
        if os.path.exists(g):
            for line in open(g):
                o = json.loads(line)
                o["page"] = os.path.join(args.corpus, src, o["file"])
                gold[o["id"]] = o
    fails = []
    for cid, r in cases.items():
        f = r.get(args.field)
        if not f or f.get("ok") or (f.get("null") and not f.get("fp")):
            continue
        fails.append((cid, gold[cid], f))
    # Re-run byline on the failing pages for source and raw string.
    info = {}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for cid, g, _ in fails:
            p = g["page"]
            if p.endswith(".gz"):
                d = os.path.join(tmp, cid.replace("/", "_") + ".html")
                with gzip.open(p) as s, open(d, "wb") as o:
                    o.write(s.read())
                p = d
            paths[p] = cid
        if paths:
            out = subprocess.run([args.bin, "--format", "jsonl", "--no-progress", *paths],
                                 capture_output=True, text=True).stdout
            for line in out.splitlines():
                o = json.loads(line)
                info[paths.get(o["path"])] = o
    groups = defaultdict(list)
    for cid, g, f in fails:
        gv, pv = g.get(args.field), f.get("pred")
        ud = url_day(g.get("url"))
        if gv is None:
            k = "null gold, predicted"
        elif pv is None:
            k = "missing"
        elif abs(days(gv, pv) or 99) == 1:
            k = "one day off"
        elif ud == gv:
            k = "gold = URL date"
        elif ud == pv:
            k = "pred = URL date"
        else:
            k = "other"
        o = info.get(cid, {})
        src = (o.get("sources") or {}).get(args.field)
        raw = o.get(f"{args.field}_raw")
        groups[k].append((cid, gv, pv, src, raw, g["page"], g.get("url")))
    for k, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"\n== {k}: {len(rows)}")
        for cid, gv, pv, src, raw, page, url in sorted(rows, key=lambda r: str(r[3])):
            print(f"  {cid:<48} gold {gv}  pred {pv}  {src}  raw={raw!r}\n      {page}  {url}")
    print(f"\n{len(fails)} failures", file=sys.stderr)


if __name__ == "__main__":
    main()
