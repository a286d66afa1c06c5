"""Hostile pages through the Python API (issue 8): each gives an Article or a BylineError,
never a crash, within 5 seconds, and the process stays under 1 GB. The pages are generated
here, like those of crates/byline/tests/hostile.rs; nothing large is stored. Linux only (each
page is parsed in a forked child to measure its time and peak memory alone)."""

from __future__ import annotations

import os
import random
import resource
import time
from typing import Callable

import pytest

import byline

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")

LIMIT_SECONDS = 5.0
LIMIT_BYTES = 1 << 30


def _many_attributes() -> bytes:
    return ("<div" + "".join(f" a{i}=1" for i in range(300_000)) + ">x</div>").encode()


def _invalid_utf8() -> bytes:
    tail = bytes(((i * 2_654_435_761) >> 24 & 0xFF) | 0x80 for i in range(200_000))
    return b"<meta charset=utf-8><title>bad \xff\xfe bytes</title><p>" + tail


CASES: dict[str, Callable[[], bytes | str]] = {
    "200k nested divs": lambda: b"<div>" * 200_000 + b"x" + b"</div>" * 200_000,
    "500k unclosed inline tags": lambda: b"<b><i>" * 250_000 + b"x",
    "20k nested tables": lambda: b"<table><tr><td>" * 20_000 + b"x",
    "20 MB attribute": lambda: b'<div title="' + b"a" * 20_000_000 + b'">x</div>',
    "30 MB text node": lambda: b"<p>" + b"word " * 6_000_000 + b"</p>",
    "a million paragraphs": lambda: b"<p>para</p>" * 1_000_000,
    "300k attributes on one tag": _many_attributes,
    "entity flood": lambda: b"&amp;&lt;&#x41;&notanentity;" * 500_000,
    "unterminated comment": lambda: b"<p>a</p><!--" + b"x" * 1_000_000,
    "unterminated CDATA": lambda: b"<svg><![CDATA[" + b"x" * 1_000_000,
    "unterminated script": lambda: b"<script>" + b"var a = '<div>';" * 100_000,
    "NUL bytes": lambda: b"<html><title>t\0t</title><p>a\0b</p>" + b"\0" * 100_000,
    "invalid UTF-8": _invalid_utf8,
    "UTF-16LE with BOM": lambda: b"\xff\xfe"
    + "<title>sixteen</title><p>UTF-16 page</p>".encode("utf-16-le"),
    "UTF-16BE without BOM": lambda: "<title>sixteen</title><p>UTF-16 page</p>".encode("utf-16-be"),
    "lying meta charset": lambda: b"<meta charset=shift_jis><title>caf\xc3\xa9</title><p>"
    + b"\x82\xa0\xff\xfe" * 10_000,
    "random binary": lambda: random.Random(8).randbytes(2_000_000),
    "empty": lambda: b"",
    "empty str": lambda: "",
    "whitespace only": lambda: b" \n\t\r  \n" * 1000,
    "100k-deep JSON-LD arrays": lambda: b'<script type="application/ld+json">'
    + b"[" * 100_000
    + b"]" * 100_000
    + b"</script><p>x</p>",
    "100k-deep JSON-LD objects": lambda: b'<script type="application/ld+json">'
    + b'{"a":' * 100_000
    + b"1"
    + b"}" * 100_000
    + b"</script>",
    "300k meta tags": lambda: b'<meta name="author" content="x"><meta property="og:title" content="y">'
    * 150_000,
    "absurd counts and dates": lambda: (
        "<article><h1>t</h1><p>" + "9" * 100_000 + " views</p><p>-5 views</p><p>Feb 31, 2021</p>"
        '<time datetime="99999-99-99">x</time><p>Posted on 31/02/2020</p><p>'
        + "1," * 50_000
        + " comments</p></article>"
    ).encode(),
    "deep lists": lambda: b"<ul><li>" * 100_000 + b"x",
    "deep inline formatting in body": lambda: b"<article>"
    + b"<span><em><a href=x>" * 70_000
    + b"text</article>",
    "lone surrogates in str": lambda: "<title>\ud800 half</title><p>\udfff\ud83d</p>" * 1000,
    "str with NULs and controls": lambda: "<p>" + "\x00\x01\x1b\x7f" * 100_000 + "</p>",
}


def _check(result: object) -> None:
    assert isinstance(result, (byline.Article, byline.BylineError))
    if isinstance(result, byline.Article):
        # Every conversion to Python objects must hold up as well.
        result.to_dict()
        result.to_json()
        repr(result)
        assert isinstance(result.markdown, str) and isinstance(result.html, str)


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_hostile_page(name: str) -> None:
    # Parsed in a forked child, so that the time and the peak memory are those of this page
    # alone: the child reports both right after the parse, then converts the result to Python
    # objects every way it can (to_dict, to_json, markdown, html) and exits.
    page = CASES[name]()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_end)
            t = time.perf_counter()
            try:
                result: object = byline.parse(page)
            except byline.BylineError as e:
                result = e
            took = time.perf_counter() - t
            peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            os.write(write_end, f"{took} {peak_kib}".encode())
            os.close(write_end)
            _check(result)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as f:
        report = f.read()
    _, status, _ = os.wait4(pid, 0)
    assert report, f"{name}: the child died before reporting (status {status})"
    took, peak_kib = float(report.split()[0]), int(report.split()[1])
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"{name}: child failed"
    assert took < LIMIT_SECONDS, f"{name}: {took:.2f} s"
    assert peak_kib * 1024 < LIMIT_BYTES, f"{name}: peak RSS {peak_kib // 1024} MiB"


def test_hostile_batch() -> None:
    small = [n for n in CASES if "MB" not in n and "million" not in n]
    pages = [CASES[n]() for n in small]
    out = byline.parse_many(pages, threads=2, return_exceptions=True)
    assert len(out) == len(pages)
    for r in out:
        _check(r)


def test_hostile_url_and_charset_arguments() -> None:
    for url in ["", " ", "http://", "javascript:alert(1)", "\0", "x" * 100_000, "http://[::1"]:
        try:
            byline.parse(b"<a href=/x>x</a><img src=y>", url=url)
        except byline.InvalidUrlError:
            pass
    for label in ["", "\0", "utf-7", "x" * 100_000, "replacement", "UTF-16"]:
        try:
            byline.parse(b"<p>x</p>", charset=label)
        except byline.UnknownCharsetError:
            pass
