"""Pickling and copying."""

from __future__ import annotations

import copy
import pickle

import byline


def test_article_round_trips(jsonld_page: bytes, wix_page: bytes) -> None:
    for page in (jsonld_page, wix_page, b"", b"<title>x</title>"):
        a = byline.parse(page)
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            b = pickle.loads(pickle.dumps(a, protocol=proto))
            assert type(b) is byline.Article
            assert b == a
            assert b.to_json() == a.to_json()
        assert copy.deepcopy(a) == a
        assert copy.copy(a) == a


def test_author_and_errors_round_trip() -> None:
    x = byline.Author("Ada", "https://e.x/ada")
    assert pickle.loads(pickle.dumps(x)) == x
    try:
        byline.parse(b"x", url="not a url")
    except byline.InvalidUrlError as e:
        e2 = pickle.loads(pickle.dumps(e))
        assert type(e2) is byline.InvalidUrlError and e2.args == e.args
