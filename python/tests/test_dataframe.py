"""to_dataframe: stable columns and dtypes."""

from __future__ import annotations

import pytest
from conftest import titled_page

import byline

pd = pytest.importorskip("pandas")


def test_columns_are_stable() -> None:
    empty = byline.to_dataframe([])
    assert tuple(empty.columns) == byline.DATAFRAME_COLUMNS
    assert len(empty) == 0
    df = byline.to_dataframe(byline.parse_many([titled_page(i) for i in range(5)]))
    assert tuple(df.columns) == byline.DATAFRAME_COLUMNS
    assert len(df) == 5
    for c in ("view_count", "comment_count", "like_count"):
        assert str(df[c].dtype) == "Int64"
        assert str(empty[c].dtype) == "Int64"
    assert str(df["word_count"].dtype) == "int64"
    assert all(isinstance(x, list) for x in df["authors"])
    assert all(isinstance(x, str) for x in df["text"])


def test_values_follow_the_articles(jsonld_page: bytes, wix_page: bytes) -> None:
    arts = [byline.parse(jsonld_page), byline.parse(wix_page)]
    df = byline.to_dataframe(iter(arts))
    for i, a in enumerate(arts):
        row = df.iloc[i]
        assert row["title"] == a.title or (a.title is None and row["title"] is None)
        assert row["text"] == a.text
        assert row["word_count"] == a.word_count
        assert row["authors"] == [x.name for x in a.authors]


def test_rejects_other_items() -> None:
    with pytest.raises(TypeError, match="item 1"):
        byline.to_dataframe([byline.parse(b""), {"title": "x"}])  # type: ignore[list-item]
