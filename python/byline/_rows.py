"""Flat rows for data frames and distributed engines: ``article_row``, ``ROW_COLUMNS``,
``arrow_schema`` and ``spark_schema``."""

from __future__ import annotations

import datetime
from typing import Any, Optional

from ._byline import Article
from ._dataframe import DATAFRAME_COLUMNS
from ._warc import WarcRecord

#: The WARC columns of ``article_row`` (when it is given a record), before DATAFRAME_COLUMNS.
WARC_COLUMNS: tuple[str, ...] = (
    "warc_target_uri",
    "warc_date",
    "warc_record_id",
    "warc_offset",
    "http_status",
    "http_content_type",
    "http_charset",
)

#: The columns of ``article_row(article, record)`` and of ``spark_schema()``, in order.
ROW_COLUMNS: tuple[str, ...] = WARC_COLUMNS + DATAFRAME_COLUMNS

_STRING_LISTS = ("authors", "tags")
_INTS = ("warc_offset", "http_status", "view_count", "comment_count", "like_count", "word_count")


def _iso(d: Optional[datetime.date]) -> Optional[str]:
    return None if d is None else d.isoformat()


def article_row(article: Article, record: Optional[WarcRecord] = None) -> dict[str, Any]:
    """One flat row of plain values: the columns of ``DATAFRAME_COLUMNS`` (preceded by those of
    ``WARC_COLUMNS`` when ``record`` is given), as ``str``, ``int``, ``list[str]`` or ``None``.

    Unlike ``to_dataframe``, ``published`` and ``updated`` are ISO 8601 strings (a day,
    ``2024-05-03``, or a time, ``2024-05-03T08:00:00+02:00``, with an offset when the page gave
    one), so that every row fits one column type in Arrow, Parquet and Spark.
    """
    row: dict[str, Any] = {}
    if record is not None:
        row.update(
            warc_target_uri=record.uri,
            warc_date=record.date,
            warc_record_id=record.record_id,
            warc_offset=record.offset,
            http_status=record.status,
            http_content_type=record.content_type,
            http_charset=record.charset,
        )
    row.update(
        title=article.title,
        authors=[a.name for a in article.authors],
        published=_iso(article.published),
        published_raw=article.published_raw,
        updated=_iso(article.updated),
        updated_raw=article.updated_raw,
        site_name=article.site_name,
        language=article.language,
        platform=article.platform,
        description=article.description,
        tags=list(article.tags),
        canonical_url=article.canonical_url,
        image=article.image,
        view_count=article.view_count,
        comment_count=article.comment_count,
        like_count=article.like_count,
        word_count=article.word_count,
        text=article.text,
    )
    return row


def spark_schema(*, warc: bool = True) -> Any:
    """The PySpark schema (a ``pyspark.sql.types.StructType``) of ``article_row`` rows (``warc=False``: without the WARC columns):
    strings, ``LongType`` for the counts, offsets and status, ``ArrayType(StringType)`` for
    ``authors`` and ``tags``; only ``word_count`` is not nullable. Requires pyspark."""
    from pyspark.sql import types as T  # type: ignore[import-not-found,import-untyped,unused-ignore]

    columns = ROW_COLUMNS if warc else DATAFRAME_COLUMNS
    fields = []
    for c in columns:
        if c in _STRING_LISTS:
            t: Any = T.ArrayType(T.StringType(), containsNull=False)
        elif c in _INTS:
            t = T.LongType()
        else:
            t = T.StringType()
        fields.append(T.StructField(c, t, nullable=c not in ("word_count", "authors", "tags")))
    return T.StructType(fields)


def arrow_schema(*, warc: bool = True) -> Any:
    """The pyarrow schema (a ``pyarrow.Schema``) of ``article_row`` rows (``warc=False``: without the WARC columns),
    the same types as ``spark_schema``: ``string``, ``int64``, ``list<string>``. For writing
    Parquet (``pyarrow.Table.from_pylist(rows, schema=byline.arrow_schema())``, or the
    ``schema=`` of Dask's ``to_parquet``). Requires pyarrow."""
    import pyarrow as pa  # type: ignore[import-not-found,import-untyped,unused-ignore]

    columns = ROW_COLUMNS if warc else DATAFRAME_COLUMNS
    fields = []
    for c in columns:
        if c in _STRING_LISTS:
            t: Any = pa.list_(pa.string())
        elif c in _INTS:
            t = pa.int64()
        else:
            t = pa.string()
        fields.append(pa.field(c, t, nullable=c not in ("word_count", "authors", "tags")))
    return pa.schema(fields)
