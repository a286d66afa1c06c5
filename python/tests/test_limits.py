"""byline.Limits: construction, validation, pickling, and its effect through every entry point."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from warcgen import article_page, response, write_warc

import byline

DEFAULTS = {
    "max_input_bytes": 64 * 1024 * 1024,
    "max_nodes": 1_000_000,
    "max_depth": 512,
    "max_attributes": 1024,
    "max_attribute_bytes": 1024 * 1024,
    "max_text_bytes": 16 * 1024 * 1024,
    "max_json_ld_bytes": 1024 * 1024,
}

# A page whose body has 2,000 paragraphs (about 130 KB): with few DOM nodes allowed, the end is
# not read (the node limit is checked between 64 KiB pieces of input).
LONG_PAGE = (
    b"<html><head><title>Long</title></head><body><article>"
    + b"".join(b"<p>Paragraph number %d with enough words to be body text.</p>" % i for i in range(2000))
    + b"</article></body></html>"
)


def test_defaults_match_the_core() -> None:
    lim = byline.Limits()
    for name, value in DEFAULTS.items():
        assert getattr(lim, name) == value, name
    assert lim == byline.Limits(**DEFAULTS)


def test_keyword_only_and_validated() -> None:
    with pytest.raises(TypeError):
        byline.Limits(1000)  # type: ignore[misc]
    for name in DEFAULTS:
        with pytest.raises(ValueError, match=name):
            byline.Limits(**{name: 0})
        with pytest.raises((TypeError, OverflowError)):
            byline.Limits(**{name: -1})
        with pytest.raises(TypeError):
            byline.Limits(**{name: "10"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        byline.Limits(max_nodes=10.5)  # type: ignore[arg-type]


def test_immutable_repr_and_pickle() -> None:
    lim = byline.Limits(max_nodes=500, max_depth=20)
    with pytest.raises(AttributeError):
        lim.max_nodes = 5  # type: ignore[misc]
    assert "max_nodes=500" in repr(lim) and "max_depth=20" in repr(lim)
    back = pickle.loads(pickle.dumps(lim))
    assert back == lim and back.max_depth == 20
    assert lim != byline.Limits()


def test_parse_refuses_input_over_max_input_bytes() -> None:
    page = article_page(1)
    assert byline.parse(page).title
    with pytest.raises(byline.TooLargeError):
        byline.parse(page, limits=byline.Limits(max_input_bytes=len(page) - 1))
    assert byline.parse(page, limits=byline.Limits(max_input_bytes=len(page))).title


def test_parse_file_checks_the_size_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(LONG_PAGE)
    with pytest.raises(byline.TooLargeError):
        byline.parse_file(f, limits=byline.Limits(max_input_bytes=100))
    assert byline.parse_file(f).word_count > 10_000


def test_max_nodes_truncates_instead_of_failing() -> None:
    full = byline.parse(LONG_PAGE)
    short = byline.parse(LONG_PAGE, limits=byline.Limits(max_nodes=60))
    assert "Paragraph number 1999 " in full.text
    assert "Paragraph number 1999 " not in short.text
    assert short.word_count < full.word_count


def test_max_depth_and_text_bytes() -> None:
    deep = b"<html><body>" + b"<div>" * 2000 + b"<p>deep text here</p>" + b"</div>" * 2000 + b"</body></html>"
    a = byline.parse(deep, limits=byline.Limits(max_depth=16))
    assert "deep text here" in a.text
    big = b"<html><body><article><p>" + b"word " * 50_000 + b"</p></article></body></html>"
    cut = byline.parse(big, limits=byline.Limits(max_text_bytes=1000))
    assert 0 < cut.word_count <= 250


def test_parse_many_and_records_take_limits(tmp_path: Path) -> None:
    lim = byline.Limits(max_nodes=60)
    many = byline.parse_many([LONG_PAGE, LONG_PAGE], limits=lim, threads=2)
    assert [a.text for a in many] == [byline.parse(LONG_PAGE, limits=lim).text] * 2
    out = byline.parse_many([LONG_PAGE], limits=byline.Limits(max_input_bytes=10), return_exceptions=True)
    assert isinstance(out[0], byline.TooLargeError)

    path = write_warc(
        tmp_path / "a.warc.gz",
        [response("https://blog.example/long", LONG_PAGE), response("https://blog.example/b", article_page(2))],
        gzip_members=True,
    )
    with pytest.warns(byline.WarcWarning):
        got = list(byline.iter_warc(path, limits=byline.Limits(max_input_bytes=len(LONG_PAGE) - 1)))
    assert [r.uri for r, _ in got] == ["https://blog.example/b"]
    got = list(byline.iter_warc(path, limits=lim, threads=1))
    assert "Paragraph number 1999 " not in got[0][1].text
    records = list(byline.iter_warc_records(path))
    parsed = byline.parse_records(records, limits=lim)
    assert parsed[0].text == got[0][1].text


def test_wrong_type_for_limits() -> None:
    with pytest.raises(TypeError):
        byline.parse(b"<p>x</p>", limits={"max_nodes": 5})  # type: ignore[arg-type]
