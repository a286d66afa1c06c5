"""The distributed recipes (examples/python/dask_warc.py, spark_warc.py) on a local cluster.

Needs the optional packages `dask[distributed]`, `pyarrow` and `pyspark` (and Java for Spark);
`.ci/scale.sh` installs them and sets BYLINE_SCALE_REQUIRED=1, which turns a missing package
or Java runtime into a failure; elsewhere these tests are skipped with the reason.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import warnings
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO
from warcgen import crawl

import byline

EXAMPLES = REPO / "examples" / "python"
REQUIRED = os.environ.get("BYLINE_SCALE_REQUIRED") == "1"


def _need(module: str, package: str) -> None:
    """Skips the test when `module` is missing, or fails it under `.ci/scale.sh`."""
    if importlib.util.find_spec(module) is not None:
        return
    if REQUIRED:
        pytest.fail(f"{package} is not installed but BYLINE_SCALE_REQUIRED=1")
    pytest.skip(f"{package} is not installed")


def _need_java() -> None:
    """Skips the test without a Java runtime, or fails it under `.ci/scale.sh`."""
    if shutil.which("java") is not None:
        return
    if REQUIRED:
        pytest.fail("no Java runtime for Spark but BYLINE_SCALE_REQUIRED=1")
    pytest.skip("no Java runtime for Spark (install openjdk-17-jre-headless)")


def _example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def warc_set(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Three small archives: 20 + 15 + 10 pages, gzip members and plain."""
    d = tmp_path_factory.mktemp("warcs")
    return [
        str(crawl(d / "a.warc.gz", 20, start=0)),
        str(crawl(d / "b.warc.gz", 15, start=100)),
        str(crawl(d / "c.warc", 10, start=200, gzip_members=False)),
    ]


def _expected(paths: list[str]) -> dict[str, dict[str, object]]:
    rows = {}
    for p in paths:
        for info, a in byline.iter_warc(p):
            row = byline.article_row(a, info)
            rows[str(row["warc_record_id"])] = row
    return rows


def _check_parquet(out: Path, paths: list[str]) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.column_names == list(byline.ROW_COLUMNS)
    got = {r["warc_record_id"]: r for r in table.to_pylist()}
    expected = _expected(paths)
    assert set(got) == set(expected)
    for rid, row in expected.items():
        g = got[rid]
        for c in byline.ROW_COLUMNS:
            assert g[c] == row[c], (rid, c)


def test_dask_local_cluster(tmp_path: Path, warc_set: list[str]) -> None:
    _need("distributed", "dask[distributed]")
    _need("pyarrow", "pyarrow")
    dask_warc = _example("dask_warc")
    out = tmp_path / "dask-out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        n = dask_warc.run(warc_set, str(out), n_workers=2)
    assert n == 45
    _check_parquet(out, warc_set)


def test_spark_local_mode(tmp_path: Path, warc_set: list[str]) -> None:
    _need("pyspark", "pyspark")
    _need("pyarrow", "pyarrow")
    _need_java()
    spark_warc = _example("spark_warc")
    out = tmp_path / "spark-out"
    n = spark_warc.run(warc_set, str(out), master="local[2]")
    assert n == 45
    _check_parquet(out, warc_set)


def test_spark_schema_matches_rows() -> None:
    _need("pyspark", "pyspark")
    schema = byline.spark_schema()
    assert schema.fieldNames() == list(byline.ROW_COLUMNS)
    assert byline.spark_schema(warc=False).fieldNames() == list(byline.DATAFRAME_COLUMNS)
