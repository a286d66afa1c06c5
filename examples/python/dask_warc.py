"""Extract the articles of many WARC archives on a Dask cluster and write them as Parquet.

    pip install 'byline[pandas]' 'dask[distributed]' pyarrow
    python examples/python/dask_warc.py OUT_DIR crawl-00000.warc.gz crawl-00001.warc.gz ...

One task per archive: each worker opens its archive with ``byline.iter_warc`` (streaming,
constant memory) and turns the pages into a pandas partition of ``byline.ROW_COLUMNS``.
This script starts a ``LocalCluster`` of two worker processes; on a real cluster pass the
scheduler address instead (``--scheduler tcp://host:8786``) and give paths every worker can
read (a shared file system, or download each archive to local disk in the task).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Optional


def archive_frame(path: str) -> Any:
    """The rows of one archive as a pandas DataFrame (runs on a worker)."""
    import byline

    # One parsing thread per task: the cluster's workers provide the parallelism.
    rows = [byline.article_row(a, info) for info, a in byline.iter_warc(path, threads=1)]
    return rows_frame(rows)


def rows_frame(rows: list[dict[str, Any]]) -> Any:
    """``article_row`` rows as a DataFrame with fixed dtypes (so every partition matches)."""
    import pandas as pd

    import byline

    ints = {"warc_offset", "http_status", "view_count", "comment_count", "like_count", "word_count"}
    columns = {}
    for c in byline.ROW_COLUMNS:
        values = [r[c] for r in rows]
        columns[c] = pd.array(values, dtype="Int64") if c in ints else pd.Series(values, dtype=object)
    return pd.DataFrame(columns, columns=list(byline.ROW_COLUMNS))


def run(paths: list[str], out_dir: str, scheduler: Optional[str] = None, n_workers: int = 2) -> int:
    """Writes the articles of ``paths`` to ``out_dir`` (Parquet, one file per archive);
    returns the number of articles."""
    import dask
    import dask.dataframe as dd
    from dask.delayed import delayed
    from distributed import Client, LocalCluster

    import byline

    def go(client: Any) -> int:
        meta = rows_frame([])
        parts = [delayed(archive_frame)(p) for p in paths]
        df = dd.from_delayed(parts, meta=meta, verify_meta=False)
        df.to_parquet(out_dir, engine="pyarrow", write_index=False, schema=byline.arrow_schema())
        return int(dd.read_parquet(out_dir, columns=["word_count"]).shape[0].compute())

    # Keep `authors` and `tags` as lists: by default Dask would turn object columns into strings.
    with dask.config.set({"dataframe.convert-string": False}):
        if scheduler is not None:
            with Client(scheduler) as client:  # type: ignore[no-untyped-call,unused-ignore]
                return go(client)
        with LocalCluster(  # type: ignore[no-untyped-call,unused-ignore]
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call,unused-ignore]
            return go(client)


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("out_dir")
    ap.add_argument("warc", nargs="+")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    args = ap.parse_args(argv)
    n = run(args.warc, args.out_dir, scheduler=args.scheduler, n_workers=args.workers)
    print(f"{n} articles written to {args.out_dir}")


if __name__ == "__main__":
    main(sys.argv[1:])
