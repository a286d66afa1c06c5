"""Web archives: iter_warc, iter_warc_records, parse_records, on WARC files built here."""

from __future__ import annotations

import gzip
import os
import pickle
import warnings
from pathlib import Path

import pytest
from warcgen import (
    article_page,
    crawl,
    http_response,
    response,
    warc_record,
    warcinfo,
    write_warc,
)

import byline

LATIN1_PAGE = (
    "<html><head><title>Caf\u00e9 cr\u00e8me</title></head><body><article><h1>Caf\u00e9 "
    "cr\u00e8me</h1><p>Un caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 servi, avec assez de mots pour "
    "\u00eatre le texte principal de la page.</p></article></body></html>"
).encode("latin-1")


def _mixed_records() -> list[bytes]:
    """A warcinfo, a page, an image (non-HTML), a redirect, a latin-1 page whose only charset
    is the HTTP header's, a page without Content-Type, a metadata record and a last page."""
    return [
        warcinfo(),
        response("https://blog.example/a", article_page(1), record_id="<urn:uuid:a>"),
        response(
            "https://blog.example/logo.png",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            content_type="image/png",
        ),
        response("https://blog.example/old", b"", status=301, content_type="text/html"),
        # Latin-1 bytes without <meta charset>: only the HTTP header's windows-1252 decodes
        # them.
        response(
            "https://blog.example/cafe",
            LATIN1_PAGE,
            content_type="text/html; charset=windows-1252",
            record_id="<urn:uuid:cafe>",
        ),
        response(
            "https://blog.example/plain",
            article_page(2),
            content_type=None,
            record_id="<urn:uuid:plain>",
        ),
        warc_record("metadata", b"fetchTimeMs: 12\r\n", uri="https://blog.example/a"),
        response("https://blog.example/z", article_page(3), record_id="<urn:uuid:z>"),
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip-members"])
def test_iter_warc_pages_in_file_order(tmp_path: Path, gz: bool) -> None:
    path = write_warc(tmp_path / ("c.warc.gz" if gz else "c.warc"), _mixed_records(), gzip_members=gz)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        items = list(byline.iter_warc(path))
    ids = [info.record_id for info, _ in items]
    assert ids == ["<urn:uuid:a>", "<urn:uuid:cafe>", "<urn:uuid:plain>", "<urn:uuid:z>"]
    info, article = items[0]
    assert isinstance(info, byline.WarcRecord)
    assert isinstance(article, byline.Article)
    assert info.uri == "https://blog.example/a"
    assert info.date == "2024-05-03T08:00:00Z"
    assert info.status == 200
    assert info.content_type == "text/html; charset=utf-8"
    assert info.charset == "utf-8"
    assert info.offset > 0  # after the warcinfo record
    offsets = [i.offset for i, _ in items]
    assert offsets == sorted(offsets)
    assert items[2][0].content_type is None and items[2][0].charset is None
    # Same Articles as parse() with the record's URL and charset.
    for info, article in items:
        body = _body_of(path, info)
        assert article == byline.parse(body, url=info.uri, charset=info.charset)


def _body_of(path: Path, info: byline.WarcRecord) -> bytes:
    for i, body in byline.iter_warc_records(path):
        if i == info:
            return body
    raise AssertionError(info)


@pytest.mark.extraction("metadata")
def test_titles_and_lying_charset(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "c.warc.gz", _mixed_records(), gzip_members=True)
    titles = {info.record_id: a.title for info, a in byline.iter_warc(path)}
    assert titles["<urn:uuid:a>"] == "Post number 1"
    assert titles["<urn:uuid:plain>"] == "Post number 2"
    # Latin-1 bytes, HTTP charset windows-1252: decoded by the hint, not as UTF-8.
    assert titles["<urn:uuid:cafe>"] == "Caf\u00e9 cr\u00e8me"


@pytest.mark.extraction("metadata")
def test_lying_charset_header(tmp_path: Path) -> None:
    # UTF-8 bytes served as windows-1252: valid UTF-8 wins over a declared legacy charset.
    utf8 = LATIN1_PAGE.decode("latin-1").encode("utf-8")
    liar = response(
        "https://blog.example/liar",
        utf8,
        content_type="text/html; charset=windows-1252",
        record_id="<urn:uuid:liar>",
    )
    # Latin-1 bytes served as utf-8: the hint is followed; the bad bytes become U+FFFD, and
    # the page still comes out.
    liar2 = response(
        "https://blog.example/liar2",
        LATIN1_PAGE,
        content_type="text/html; charset=utf-8",
        record_id="<urn:uuid:liar2>",
    )
    path = write_warc(tmp_path / "liar.warc.gz", [liar, liar2], gzip_members=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [(info, article), (info2, article2)] = list(byline.iter_warc(path))
    assert info.charset == "windows-1252"
    assert article.title == "Caf\u00e9 cr\u00e8me"
    assert info2.charset == "utf-8"
    assert article2.title == "Caf\ufffd cr\ufffdme"
    assert article2 == byline.parse(LATIN1_PAGE, url=info2.uri, charset="utf-8")


def test_unknown_charset_label_is_no_hint(tmp_path: Path) -> None:
    rec = response("https://blog.example/x", article_page(5), content_type="text/html; charset=klingon")
    path = write_warc(tmp_path / "x.warc", [rec])
    [(info, article)] = list(byline.iter_warc(path, errors="raise"))
    assert info.charset is None
    assert isinstance(article, byline.Article)


def _truncated(tmp_path: Path, gz: bool) -> Path:
    records = [response(f"https://blog.example/{i}", article_page(i)) for i in range(3)]
    whole = b"".join(gzip.compress(r) if gz else r for r in records)
    cut = whole[: len(whole) - 40]
    path = tmp_path / ("t.warc.gz" if gz else "t.warc")
    path.write_bytes(cut)
    return path


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip-members"])
def test_truncated_record_warns_and_keeps_earlier_pages(tmp_path: Path, gz: bool) -> None:
    path = _truncated(tmp_path, gz)
    with pytest.warns(byline.WarcWarning, match="ends inside the record"):
        items = list(byline.iter_warc(path))
    assert [i.uri for i, _ in items] == ["https://blog.example/0", "https://blog.example/1"]

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(byline.iter_warc(path, errors="ignore"))) == 2

    seen = []
    with pytest.raises(byline.WarcError) as exc:
        for info, _ in byline.iter_warc(path, errors="raise"):
            seen.append(info)
    assert len(seen) == 2
    assert exc.value.kind == "truncated"
    assert isinstance(exc.value, byline.BylineError)
    assert exc.value.offset > seen[-1].offset


def test_damaged_record_is_skipped_and_iteration_goes_on(tmp_path: Path) -> None:
    good = [response(f"https://blog.example/{i}", article_page(i)) for i in range(4)]
    bad = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nnot a record\r\n\r\n"
    path = write_warc(tmp_path / "d.warc.gz", [good[0], good[1], bad, good[2], good[3]], gzip_members=True)
    with pytest.warns(byline.WarcWarning) as record:
        items = list(byline.iter_warc(path))
    assert [i.uri for i, _ in items] == [f"https://blog.example/{i}" for i in range(4)]
    assert len(record) == 1 and "damaged" in str(record[0].message)

    # A corrupt gzip member in the middle: skipped, the next members are read.
    members = [gzip.compress(r) for r in good]
    broken = bytearray(members[1])
    broken[len(broken) // 2] ^= 0xFF
    broken[len(broken) // 2 + 1] ^= 0xFF
    path2 = tmp_path / "g.warc.gz"
    path2.write_bytes(members[0] + bytes(broken) + members[2] + members[3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        uris = [i.uri for i, _ in byline.iter_warc(path2)]
    assert uris[0] == "https://blog.example/0"
    assert uris[-2:] == ["https://blog.example/2", "https://blog.example/3"]


def test_errors_argument_and_missing_file(tmp_path: Path) -> None:
    path = crawl(tmp_path / "c.warc.gz", 2)
    with pytest.raises(ValueError, match="errors must be"):
        byline.iter_warc(path, errors="loud")
    for threads in (0, -1, True, 1.5):
        with pytest.raises(ValueError):
            byline.iter_warc(path, threads=threads)  # type: ignore[arg-type]
    with pytest.raises(OSError):
        byline.iter_warc(tmp_path / "missing.warc")
    with pytest.raises(OSError):
        byline.iter_warc_records(tmp_path)


def test_not_a_warc_gives_no_pages(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(article_page(1))
    with pytest.warns(byline.WarcWarning):
        assert list(byline.iter_warc(path)) == []
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert list(byline.iter_warc(empty)) == []


def test_many_pages_bounded_batches_and_threads(tmp_path: Path) -> None:
    path = crawl(tmp_path / "big.warc.gz", 300)
    expected = [f"https://blog.example/posts/{i}" for i in range(300)]
    for threads in (None, 1, 2):
        uris = [i.uri for i, _ in byline.iter_warc(path, threads=threads)]
        assert uris == expected
    one = [a for _, a in byline.iter_warc(path, threads=1)]
    two = [a for _, a in byline.iter_warc(path, threads=2)]
    assert one == two


def test_early_break_and_concurrent_iterators(tmp_path: Path) -> None:
    path = crawl(tmp_path / "c.warc.gz", 400)
    it = byline.iter_warc(path)
    first = next(it)
    assert first[0].uri == "https://blog.example/posts/0"
    del it  # the reader thread stops when its iterator goes away
    a = byline.iter_warc(path, threads=1)
    b = byline.iter_warc_records(path)
    for (ia, _), (ib, _) in zip(a, b):
        assert ia == ib


def test_records_and_parse_records(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "c.warc.gz", _mixed_records(), gzip_members=True)
    records = list(byline.iter_warc_records(path))
    assert all(isinstance(body, bytes) for _, body in records)
    assert records[1][1] == LATIN1_PAGE
    parsed = byline.parse_records(records, threads=2)
    assert parsed == [a for _, a in byline.iter_warc(path)]
    # parse_many takes the payloads too (without each record's URL and charset).
    plain = byline.parse_many(body for _, body in records)
    assert len(plain) == len(records)
    # Records survive pickling (shipping them to workers).
    assert pickle.loads(pickle.dumps(records)) == records
    info = records[0][0]
    assert info._asdict()["record_id"] == "<urn:uuid:a>"


def test_parse_records_errors(tmp_path: Path) -> None:
    info = byline.WarcRecord("not a url", None, None, 200, None, "klingon", 0)
    good = byline.WarcRecord("https://blog.example/g", None, None, 200, None, None, 0)
    out = byline.parse_records(
        [(good, article_page(1)), (info, article_page(2))], return_exceptions=True
    )
    assert isinstance(out[0], byline.Article)
    assert isinstance(out[1], byline.UnknownCharsetError)
    with pytest.raises(byline.UnknownCharsetError):
        byline.parse_records([(info, article_page(2))])
    # An invalid URI is ignored, as in iter_warc.
    bad_uri = info._replace(charset=None)
    assert isinstance(byline.parse_records([(bad_uri, article_page(2))])[0], byline.Article)


def test_page_error_is_a_warc_error_with_cause(tmp_path: Path) -> None:
    err = byline.WarcError("x", kind="page", offset=5, record=None)
    again = pickle.loads(pickle.dumps(err))
    assert (again.kind, again.offset, str(again)) == ("page", 5, "x")


def test_article_row_and_columns(tmp_path: Path) -> None:
    path = crawl(tmp_path / "c.warc.gz", 3)
    rows = [byline.article_row(a, info) for info, a in byline.iter_warc(path)]
    for row in rows:
        assert tuple(row) == byline.ROW_COLUMNS
        for key in ("published", "updated"):
            assert row[key] is None or isinstance(row[key], str)
        assert isinstance(row["authors"], list) and isinstance(row["word_count"], int)
    assert rows[0]["warc_target_uri"] == "https://blog.example/posts/0"
    assert rows[0]["http_status"] == 200
    info, a = next(byline.iter_warc(path))
    assert tuple(byline.article_row(a)) == byline.DATAFRAME_COLUMNS


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")
def test_iterator_refuses_a_forked_child(tmp_path: Path) -> None:
    path = crawl(tmp_path / "c.warc.gz", 40)
    it = byline.iter_warc(path, threads=2)
    next(it)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads, 3.12+
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 2
        try:
            next(it)
        except RuntimeError:
            code = 0
        except BaseException:
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    # The parent's iterator goes on.
    assert len(list(it)) == 39
