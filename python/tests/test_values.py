"""Extracted values of a page written for byline (pages/jsonld-post.html). Marked `extraction`
with the pass they need: skipped while that pass finds nothing on a probe page (see conftest),
so they run as soon as it is merged (`pytest -m extraction python/tests` selects them)."""

from __future__ import annotations

import datetime
import json

import pytest
from conftest import titled_page

import byline


@pytest.mark.extraction("metadata")
def test_jsonld_metadata(jsonld_page: bytes) -> None:
    a = byline.parse(jsonld_page)
    assert a.title == "Tidal Clocks of the Severn Estuary"
    assert [x.name for x in a.authors] == ["Morwenna Pascoe"]
    assert a.authors[0].url == "https://coastline-notes.example/authors/morwenna/"
    p = a.published
    assert isinstance(p, datetime.datetime)
    assert p.utcoffset() == datetime.timedelta(hours=2)
    assert (p.year, p.month, p.day, p.hour, p.minute) == (2023, 4, 12, 8, 30)
    assert a.published_raw is not None and "2023-04-12" in a.published_raw
    assert a.updated == datetime.date(2023, 4, 14)
    assert a.site_name == "Coastline Notes"
    assert a.language == "en-GB"
    assert a.canonical_url == "https://coastline-notes.example/2023/04/tidal-clocks/"
    assert a.description == "How fishermen on the Severn read the tide without a watch."
    assert a.tags == ["tides", "estuaries"]
    assert a.sources["title"] == "json-ld"
    assert a.sources["published"] == "json-ld"
    assert a.sources["site_name"] == "open-graph"
    assert a.sources["language"] == "lang-attribute"
    d = a.to_dict()
    assert d["published"] == p and d["published_raw"] == a.published_raw
    assert json.loads(a.to_json())["published"] == "2023-04-12T08:30:00+02:00"
    r = repr(a)
    assert "'Tidal Clocks of the Severn Estuary'" in r and "['Morwenna Pascoe']" in r


@pytest.mark.extraction("metadata")
def test_platform_counts_and_pickle(wix_page: bytes) -> None:
    import pickle

    a = byline.parse(wix_page)
    assert a.platform == "wix"
    for c in (a.view_count, a.comment_count, a.like_count):
        assert isinstance(c, int)
    assert pickle.loads(pickle.dumps(a)) == a
    df_row = byline.to_dataframe([a]).iloc[0] if _has_pandas() else None
    if df_row is not None:
        assert df_row["platform"] == "wix" and df_row["view_count"] == a.view_count


def _has_pandas() -> bool:
    try:
        import pandas  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.extraction("content")
def test_jsonld_body(jsonld_page: bytes) -> None:
    a = byline.parse(jsonld_page)
    assert "lave-net stands" in a.text
    assert "Copyright" not in a.text and "Archive" not in a.text
    assert "## Reading the posts" in a.markdown
    assert a.word_count > 60
    assert any(b["type"] == "list" for b in a.body["blocks"])


@pytest.mark.extraction("metadata")
def test_parse_many_order_by_title() -> None:
    pages = [titled_page(i) for i in range(40)]
    out = byline.parse_many(pages, threads=2)
    assert [a.title for a in out] == [f"Page number {i}" for i in range(40)]
