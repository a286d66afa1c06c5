"""The public API: names, types, repr, equality, dict/JSON forms, files."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import byline


def test_package_is_the_installed_wheel() -> None:
    # The suite must test the built wheel, not the source tree.
    assert "site-packages" in Path(byline.__file__).parts
    assert Path(byline._byline.__file__).suffix == ".so"


def test_public_names() -> None:
    for name in byline.__all__:
        assert hasattr(byline, name), name
    assert isinstance(byline.__version__, str) and byline.__version__.count(".") == 2
    assert (Path(byline.__file__).parent / "py.typed").exists()
    assert (Path(byline.__file__).parent / "_byline.pyi").exists()


def test_parse_returns_typed_article(wix_page: bytes) -> None:
    a = byline.parse(wix_page, url="https://www.example.org/post/x")
    assert isinstance(a, byline.Article)
    assert a.title is None or isinstance(a.title, str)
    assert isinstance(a.authors, list)
    assert all(isinstance(x, byline.Author) for x in a.authors)
    for d in (a.published, a.updated):
        assert d is None or isinstance(d, datetime.date)
    for raw in (a.published_raw, a.updated_raw):
        assert raw is None or isinstance(raw, str)
    for rendering in (a.text, a.markdown, a.html):
        assert isinstance(rendering, str)
    assert isinstance(a.body, dict) and isinstance(a.body["blocks"], list)
    for c in (a.view_count, a.comment_count, a.like_count):
        assert c is None or (isinstance(c, int) and c >= 0)
    for s in (a.site_name, a.canonical_url, a.language, a.description, a.image, a.platform):
        assert s is None or isinstance(s, str)
    assert isinstance(a.tags, list) and all(isinstance(t, str) for t in a.tags)
    assert isinstance(a.word_count, int)
    assert isinstance(a.comments, list)
    assert all(isinstance(c, byline.Comment) for c in a.comments)
    assert isinstance(a.sources, dict)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in a.sources.items())


def test_article_is_frozen_and_not_constructible(jsonld_page: bytes) -> None:
    a = byline.parse(jsonld_page)
    with pytest.raises(AttributeError):
        a.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        byline.Article()  # type: ignore[call-arg]
    # Attributes return fresh objects: mutating them does not change the Article.
    a.tags.append("x")
    a.authors.append(byline.Author("x"))
    assert "x" not in a.tags
    assert byline.Author("x") not in a.authors


def test_same_input_same_article(jsonld_page: bytes) -> None:
    a, b = byline.parse(jsonld_page), byline.parse(jsonld_page)
    assert a == b
    assert not (a != b)
    assert a != "not an article"
    with pytest.raises(TypeError):
        hash(a)
    # str input is the decoded page: same Article as the UTF-8 bytes.
    assert byline.parse(jsonld_page.decode("utf-8")) == a
    assert byline.parse(bytearray(jsonld_page)) == a


def test_repr_never_dumps_the_body() -> None:
    body = "bodyword " * 5000
    page = f"<title>T</title><article><h1>T</h1><p>{body}</p></article>"
    r = repr(byline.parse(page))
    assert r.startswith("<byline.Article ")
    assert "bodyword" not in r
    assert len(r) < 400
    long_title = "W" * 1000
    r = repr(byline.parse(f"<title>{long_title}</title>"))
    assert len(r) < 400


def test_to_json_is_the_cli_object(jsonld_page: bytes) -> None:
    a = byline.parse(jsonld_page)
    d = json.loads(a.to_json())
    expected = {
        "title", "authors", "published", "published_raw", "updated", "updated_raw", "body",
        "body_text", "view_count", "comment_count", "like_count", "site_name",
        "canonical_url", "language", "description", "tags", "image", "platform",
        "word_count", "comments", "sources",
    }  # fmt: skip
    assert set(d) == expected
    assert d["body_text"] == a.text
    assert d["word_count"] == a.word_count
    assert json.loads(a.to_json(indent=2)) == d
    assert "\n  " in a.to_json(indent=2)


def test_to_dict_matches_json_with_date_objects(jsonld_page: bytes) -> None:
    a = byline.parse(jsonld_page)
    d = a.to_dict()
    j = json.loads(a.to_json())
    assert set(d) == set(j)
    assert d["published"] == a.published
    assert d["updated"] == a.updated
    for k in set(d) - {"published", "updated", "comments"}:
        assert d[k] == j[k], k


def test_parse_file(tmp_path: Path, jsonld_page: bytes) -> None:
    p = tmp_path / "page.html"
    p.write_bytes(jsonld_page)
    assert byline.parse_file(p) == byline.parse(jsonld_page)
    assert byline.parse_file(str(p)) == byline.parse(jsonld_page)
    url = "https://coastline-notes.example/x"
    assert byline.parse_file(p, url=url) == byline.parse(jsonld_page, url=url)
    with pytest.raises(FileNotFoundError):
        byline.parse_file(tmp_path / "missing.html")
    with pytest.raises(IsADirectoryError):
        byline.parse_file(tmp_path)


def test_charset_argument() -> None:
    page = "<title>café</title><p>naïve</p>".encode("cp1252")
    a = byline.parse(page, charset="windows-1252")
    assert a == byline.parse("<title>café</title><p>naïve</p>")


def test_author_class() -> None:
    x = byline.Author("Ada Lovelace", url="https://example.org/ada")
    assert x.name == "Ada Lovelace" and x.url == "https://example.org/ada"
    assert byline.Author("Ada") == byline.Author("Ada", None)
    assert len({byline.Author("Ada"), byline.Author("Ada"), x}) == 2
    assert repr(x) == "Author('Ada Lovelace', url='https://example.org/ada')"
    assert x.to_dict() == {"name": "Ada Lovelace", "url": "https://example.org/ada"}
    with pytest.raises(AttributeError):
        x.name = "Other"  # type: ignore[misc]
