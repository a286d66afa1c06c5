"""No panic crosses the Python boundary (issue 8). Runs against a wheel built with the
test-only cargo feature `inject-panic`, where a page containing `BYLINE-INJECT-PANIC` panics
inside the extraction; `.ci/python.sh` installs that build for this file. Skipped otherwise."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import byline

pytestmark = pytest.mark.skipif(
    not byline._byline._INJECT_PANIC, reason="needs the inject-panic build"
)

MARKER = b"<p>BYLINE-INJECT-PANIC</p>"


def test_parse_turns_a_panic_into_an_internal_error() -> None:
    with pytest.raises(byline.InternalError, match="injected test panic"):
        byline.parse(MARKER)
    with pytest.raises(byline.BylineError):
        byline.parse(MARKER.decode())
    # A plain ValueError handler catches it too; and the module keeps working.
    with pytest.raises(ValueError):
        byline.parse(MARKER)
    assert isinstance(byline.parse(b"<p>fine</p>"), byline.Article)


def test_parse_file_panic(tmp_path: Path) -> None:
    p = tmp_path / "p.html"
    p.write_bytes(MARKER)
    with pytest.raises(byline.InternalError):
        byline.parse_file(p)


def test_parse_many_panics_stay_with_their_page() -> None:
    pages = [b"<p>a</p>", MARKER, b"<p>b</p>", MARKER, b"<p>c</p>"] * 10
    out = byline.parse_many(pages, threads=2, return_exceptions=True)
    for page, r in zip(pages, out):
        if page == MARKER:
            assert isinstance(r, byline.InternalError)
        else:
            assert r == byline.parse(page)
    with pytest.raises(byline.InternalError):
        byline.parse_many(pages, threads=2)
    # The pool is not poisoned: the next batch works.
    assert len(byline.parse_many([b"<p>x</p>"] * 8, threads=2)) == 8


def test_panics_on_many_threads() -> None:
    def work(i: int) -> str:
        try:
            byline.parse(MARKER if i % 2 else b"<p>ok</p>")
            return "ok"
        except byline.InternalError:
            return "internal"

    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(work, range(40)))
    assert results == ["ok", "internal"] * 20
