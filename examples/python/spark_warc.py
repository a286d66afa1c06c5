"""Extract the articles of many WARC archives with PySpark and write them as Parquet.

    pip install byline pyspark            # and a Java runtime (17) for Spark
    python examples/python/spark_warc.py OUT_DIR crawl-00000.warc.gz crawl-00001.warc.gz ...

The archive paths are spread over partitions; ``mapPartitions`` imports byline once per
partition, streams each archive with ``byline.iter_warc`` and yields one row per article in the
columns of ``byline.ROW_COLUMNS``, typed by ``byline.spark_schema()``. The session runs in
local mode (``--master local[2]``); on a cluster pass its master URL and paths every executor
can read (a shared file system, or copy each archive to local disk inside the partition), and
install byline on the executors.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Iterable, Iterator


def archive_rows(paths: Iterable[str]) -> Iterator[tuple[Any, ...]]:
    """The rows of the archives of one partition (runs on an executor)."""
    import byline  # imported once per partition, not once per row

    for path in paths:
        # One parsing thread per partition: Spark's task slots provide the parallelism.
        for info, article in byline.iter_warc(path, threads=1):
            yield tuple(byline.article_row(article, info).values())


def run(paths: list[str], out_dir: str, master: str = "local[2]") -> int:
    """Writes the articles of ``paths`` to ``out_dir`` as Parquet; returns their number."""
    # Executors must run the same Python (with byline installed) as this driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import byline

    spark = (
        SparkSession.builder.master(master)
        .appName("byline-warc")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        rdd = spark.sparkContext.parallelize(paths, numSlices=max(1, len(paths)))
        df = spark.createDataFrame(rdd.mapPartitions(archive_rows), schema=byline.spark_schema())
        df.write.mode("overwrite").parquet(out_dir)
        return int(spark.read.parquet(out_dir).count())
    finally:
        spark.stop()


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("out_dir")
    ap.add_argument("warc", nargs="+")
    ap.add_argument("--master", default="local[2]", help="Spark master URL (default local[2])")
    args = ap.parse_args(argv)
    n = run([os.path.abspath(p) for p in args.warc], args.out_dir, master=args.master)
    print(f"{n} articles written to {args.out_dir}")


if __name__ == "__main__":
    main(sys.argv[1:])
