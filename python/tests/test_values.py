"""Extracted values of a page written for byline (pages/jsonld-post.html). Marked `extraction`:
skipped while the core's metadata and content passes return nothing; they run once the passes
are merged (`pytest -m extraction python/tests` after `pip install .`)."""

from __future__ import annotations

import datetime

import pytest
from conftest import titled_page

import byline

pytestmark = pytest.mark.extraction


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
    assert a.sources.get("title") is not None
    assert a.sources.get("published") == "json-ld"


def test_jsonld_body(jsonld_page: bytes) -> None:
    a = byline.parse(jsonld_page)
    assert "lave-net stands" in a.text
    assert "Copyright" not in a.text and "Archive" not in a.text
    assert "## Reading the posts" in a.markdown
    assert a.word_count > 60
    assert any(b["type"] == "list" for b in a.body["blocks"])


def test_parse_many_order_by_title() -> None:
    pages = [titled_page(i) for i in range(40)]
    out = byline.parse_many(pages, threads=2)
    assert [a.title for a in out] == [f"Page number {i}" for i in range(40)]
