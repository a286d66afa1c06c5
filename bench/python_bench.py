"""Throughput of the Python API over corpus pages: `parse` in a loop, and `parse_many` with 1
and 2 threads on the same pages. A measurement, not a test: it prints pages/s and the speedup.

    pip install .          # from the repository root
    python bench/python_bench.py [--corpus ../shared/corpus] [--pages 300] [--rounds 5]

Each figure is the best of `--rounds` runs (the least disturbed by other load on the machine).
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import time
from pathlib import Path
from typing import Callable

import byline


def load_pages(corpus: Path, limit: int) -> list[bytes]:
    """Up to `limit` pages, taken round-robin from the corpus sources in name order."""
    sources = sorted(p for p in corpus.glob("*/pages") if p.is_dir())
    lists = [sorted(s.iterdir()) for s in sources]
    pages: list[bytes] = []
    i = 0
    while len(pages) < limit and any(i < len(lst) for lst in lists):
        for lst in lists:
            if i < len(lst) and len(pages) < limit:
                path = lst[i]
                data = path.read_bytes()
                pages.append(gzip.decompress(data) if path.suffix == ".gz" else data)
        i += 1
    return pages


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def best_of(
    rounds: int, runs: dict[str, Callable[[], object]]
) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of the fastest of `rounds` runs of each function. The functions
    take turns, so a burst of other load on the machine falls on all of them alike."""
    best = {name: (float("inf"), 0.0) for name in runs}
    for _ in range(rounds):
        for name, run in runs.items():
            t, c = time.perf_counter(), cpu_seconds()
            run()
            wall, cpu = time.perf_counter() - t, cpu_seconds() - c
            if wall < best[name][0]:
                best[name] = (wall, cpu)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description="Throughput of the byline Python API.")
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    ap.add_argument("--corpus", type=Path, default=corpus)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    pages = load_pages(args.corpus, args.pages)
    if not pages:
        raise SystemExit(f"no pages under {args.corpus}/*/pages")
    mb = sum(map(len, pages)) / 1e6
    print(f"byline {byline.__version__}: {len(pages)} pages, {mb:.1f} MB, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")

    byline.parse_many(pages[:20], threads=2)  # warm-up
    timings = best_of(
        args.rounds,
        {
            "parse (loop)": lambda: [byline.parse(p) for p in pages],
            "parse_many, 1 thread": lambda: byline.parse_many(pages, threads=1),
            "parse_many, 2 threads": lambda: byline.parse_many(pages, threads=2),
        },
    )
    rows = list(timings.items())
    for name, (wall, cpu) in rows:
        print(f"{name:<24} {len(pages) / wall:8.1f} pages/s  {mb / wall:7.1f} MB/s  "
              f"CPU {cpu:6.2f} s for {wall:6.2f} s")
    print(f"2 threads / 1 thread: {rows[1][1][0] / rows[2][1][0]:.2f}x "
          f"(CPU time 2 threads / 1 thread: {rows[2][1][1] / rows[1][1][1]:.2f}; "
          f"load average now {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
