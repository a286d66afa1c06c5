"""Value types: dates, counts, comments, sources, body blocks. The Articles here are built from
a pickled state (the documented serde form of the Rust Article), so these checks do not depend
on what the extraction passes find today."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

import byline
from byline._byline import _article_from_state, _comment_from_state


def _state(**fields: Any) -> str:
    """The pickled state of an empty Article with some fields replaced."""
    base = json.loads(byline.parse(b"").__reduce__()[1][0])
    base.update(fields)
    return json.dumps(base)


def article(**fields: Any) -> byline.Article:
    return _article_from_state(_state(**fields))


def test_day_is_a_date() -> None:
    a = article(published={"iso": "2021-07-30", "raw": "July 30, 2021"})
    assert type(a.published) is datetime.date
    assert a.published == datetime.date(2021, 7, 30)
    assert a.published_raw == "July 30, 2021"
    assert a.to_dict()["published"] == a.published
    assert json.loads(a.to_json())["published"] == "2021-07-30"


def test_offset_gives_an_aware_datetime() -> None:
    a = article(
        published={"iso": "2021-07-30T09:15:00+02:00", "raw": "2021-07-30T09:15:00+02:00"},
        updated={"iso": "2021-08-01T23:59:59-05:30", "raw": "x"},
    )
    p = a.published
    assert isinstance(p, datetime.datetime)
    assert p.utcoffset() == datetime.timedelta(hours=2)
    assert (p.year, p.month, p.day, p.hour, p.minute, p.second) == (2021, 7, 30, 9, 15, 0)
    u = a.updated
    assert isinstance(u, datetime.datetime)
    assert u.utcoffset() == -datetime.timedelta(hours=5, minutes=30)
    z = article(published={"iso": "2021-07-30T09:15:00Z", "raw": "r"}).published
    assert isinstance(z, datetime.datetime)
    assert z.utcoffset() == datetime.timedelta(0)


def test_no_offset_gives_a_naive_datetime() -> None:
    # A time without a zone is floating local time: a naive datetime, by design.
    p = article(published={"iso": "2021-07-30T09:15:00", "raw": "r"}).published
    assert isinstance(p, datetime.datetime)
    assert p.tzinfo is None


def test_counts_and_scalars() -> None:
    a = article(
        title="T", view_count=2**40, comment_count=0, like_count=None, platform="wordpress-com",
        word_count=12, tags=["a", "b"], language="de-AT", site_name="S",
        authors=[{"name": "Ada", "url": None}, {"name": "Bob", "url": "https://e.x/bob"}],
        sources={**json.loads(_state())["sources"], "title": "json-ld", "authors": "rel-author"},
    )  # fmt: skip
    assert a.view_count == 2**40 and a.comment_count == 0 and a.like_count is None
    assert a.platform == "wordpress-com"
    assert a.authors == [byline.Author("Ada"), byline.Author("Bob", "https://e.x/bob")]
    assert a.sources == {"title": "json-ld", "authors": "rel-author"}
    r = repr(a)
    assert "'T'" in r and "['Ada', 'Bob']" in r and "wordpress-com" in r


def test_body_blocks_and_renderings() -> None:
    blocks = [
        {"type": "heading", "level": 2, "content": [{"type": "text", "text": "Head"}]},
        {"type": "paragraph", "content": [
            {"type": "text", "text": "Hello "},
            {"type": "strong", "content": [{"type": "text", "text": "world"}]},
        ]},
    ]  # fmt: skip
    a = article(body={"blocks": blocks}, word_count=3)
    assert a.body == {"blocks": blocks}
    assert a.text == "Head\nHello world"
    assert a.markdown == "## Head\n\nHello **world**\n"
    assert "Head" in a.html and "<script" not in a.html
    assert a.to_dict()["body"] == {"blocks": blocks}


def test_deeply_nested_body_converts_and_pickles() -> None:
    import pickle

    inner: dict[str, Any] = {"type": "paragraph", "content": [{"type": "text", "text": "x"}]}
    for _ in range(400):
        inner = {"type": "quote", "blocks": [inner]}
    a = article(body={"blocks": [inner]})
    assert pickle.loads(pickle.dumps(a)) == a
    d = a.body
    depth = 0
    node = d["blocks"][0]
    while node["type"] == "quote":
        node = node["blocks"][0]
        depth += 1
    assert depth == 400


def test_comments() -> None:
    c = _comment_from_state(
        json.dumps({"author": "Reader", "date": {"iso": "2022-01-02", "raw": "2 Jan"}, "text": "Nice."})
    )
    assert c.author == "Reader" and c.text == "Nice." and c.date_raw == "2 Jan"
    assert c.date == datetime.date(2022, 1, 2)
    assert c.to_dict() == {
        "author": "Reader", "date": datetime.date(2022, 1, 2), "date_raw": "2 Jan", "text": "Nice.",
    }  # fmt: skip
    assert "Reader" in repr(c)
    a = article(comments=[json.loads(c.__reduce__()[1][0])], comment_count=1)
    assert a.comments == [c]
    assert a.to_dict()["comments"] == [c.to_dict()]


def test_bad_state_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        _article_from_state("{")
    with pytest.raises(ValueError):
        _article_from_state(_state(published={"iso": "2021-02-31", "raw": "r"}))
