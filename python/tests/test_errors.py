"""Errors: the BylineError hierarchy, codes, and TypeError for wrong argument types."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

import byline

MAX_INPUT = 64 * 1024 * 1024


def test_hierarchy_and_codes() -> None:
    # The codes are the C API's status numbers (BYLINE_ERR_*).
    assert issubclass(byline.BylineError, ValueError)
    assert byline.BylineError.code == 199
    subclasses = {
        byline.TooLargeError: 1,
        byline.UnknownCharsetError: 2,
        byline.InvalidUrlError: 3,
        byline.InternalError: 102,
    }
    for cls, code in subclasses.items():
        assert issubclass(cls, byline.BylineError)
        assert cls.code == code
        assert cls.__module__ == "byline"


def test_invalid_url() -> None:
    with pytest.raises(byline.InvalidUrlError, match="invalid page URL"):
        byline.parse(b"<p>x</p>", url="/relative/path")


def test_unknown_charset() -> None:
    with pytest.raises(byline.UnknownCharsetError) as e:
        byline.parse(b"<p>x</p>", charset="no-such-charset")
    assert isinstance(e.value, ValueError)


def test_too_large() -> None:
    with pytest.raises(byline.TooLargeError):
        byline.parse(b" " * (MAX_INPUT + 1))
    byline.parse(b" " * 1000)


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "huge.html"
    with open(p, "wb") as f:
        f.truncate(10 * MAX_INPUT)  # sparse: no disk used
    with pytest.raises(byline.TooLargeError, match=str(10 * MAX_INPUT)):
        byline.parse_file(p)
    os.remove(p)


@pytest.mark.parametrize("bad", [None, 1, 1.5, ["<p>x</p>"], object(), memoryview(b"x")])
def test_parse_wrong_types(bad: object) -> None:
    with pytest.raises(TypeError, match="bytes or str"):
        byline.parse(bad)  # type: ignore[arg-type]


def test_keyword_arguments_are_typed() -> None:
    with pytest.raises(TypeError):
        byline.parse(b"x", url=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        byline.parse(b"x", charset=b"utf-8")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        byline.parse(b"x", "https://e.x/")  # type: ignore[misc]  # url is keyword-only
    with pytest.raises(TypeError, match="charset"):
        byline.parse("<p>already decoded</p>", charset="utf-8")
    with pytest.raises(TypeError):
        byline.parse_file(1)  # type: ignore[arg-type]


def test_parse_many_wrong_types() -> None:
    with pytest.raises(TypeError, match="iterable"):
        byline.parse_many(b"<p>x</p>")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable"):
        byline.parse_many("<p>x</p>")
    with pytest.raises(TypeError):
        byline.parse_many(1)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"pages\[1\]"):
        byline.parse_many([b"x", 2])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        byline.parse_many([b"x"], threads="2")  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        byline.parse_many([b"x"], threads=True)
    with pytest.raises(ValueError):
        byline.parse_many([b"x"], threads=0)
    with pytest.raises(TypeError, match=r"urls\[0\]"):
        byline.parse_many([b"x"], urls=[1])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="urls"):
        byline.parse_many([b"x", b"y"], urls=["https://e.x/"])


def test_parse_many_errors() -> None:
    pages = [b"<p>a</p>", b"<p>b</p>", b"<p>c</p>"]
    urls = ["https://e.x/a", "not a url", None]
    with pytest.raises(byline.InvalidUrlError):
        byline.parse_many(pages, urls=urls)
    out = byline.parse_many(pages, urls=urls, return_exceptions=True)
    assert isinstance(out[0], byline.Article)
    assert isinstance(out[1], byline.InvalidUrlError)
    assert isinstance(out[2], byline.Article)
    with pytest.raises(byline.UnknownCharsetError):
        byline.parse_many(pages, charset="bogus")


def test_generator_errors_propagate() -> None:
    def pages() -> Iterator[bytes]:
        yield b"<p>x</p>"
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        byline.parse_many(pages())
