"""Web archives: ``iter_warc``, ``iter_warc_records`` and ``parse_records``."""

from __future__ import annotations

import os
import warnings
from typing import Any, Iterable, Iterator, Literal, NamedTuple, Optional, Union, overload

from ._byline import Article, BylineError, Limits, _parse_records, _WarcReader

__all__ = [
    "WarcError",
    "WarcRecord",
    "WarcWarning",
    "iter_warc",
    "iter_warc_records",
    "parse_records",
]

_ERRORS = ("warn", "raise", "ignore")


class WarcRecord(NamedTuple):
    """What a WARC ``response`` record says about the HTML page it holds.

    A named tuple: immutable, picklable, ``record._asdict()`` gives a dict.
    """

    #: ``WARC-Target-URI``: the URL the page was fetched from.
    uri: Optional[str]
    #: ``WARC-Date``: when it was fetched, as written (ISO 8601, UTC).
    date: Optional[str]
    #: ``WARC-Record-ID``, e.g. ``<urn:uuid:...>``.
    record_id: Optional[str]
    #: The HTTP status (always 2xx: other responses are not pages).
    status: int
    #: The HTTP ``Content-Type`` value, when there was one.
    content_type: Optional[str]
    #: The ``charset`` of ``Content-Type`` when it names a known encoding (the charset hint).
    charset: Optional[str]
    #: Where the record starts in the uncompressed WARC stream, in bytes.
    offset: int


class WarcError(BylineError):
    """A record of the archive could not be read, or its page could not be extracted.

    ``kind`` is ``"damaged"`` (bad record framing or corrupt gzip data; the reader moved on to
    the next record), ``"truncated"`` (the file ends inside a record; nothing follows),
    ``"record"`` (a well-framed response whose payload cannot be decoded) or ``"page"`` (byline
    refused the page; ``__cause__`` is its ``BylineError``). ``offset`` is where, in the
    uncompressed stream; ``record`` the ``WarcRecord`` when it is known.
    """

    kind: str
    offset: int
    record: Optional[WarcRecord]

    def __init__(
        self, message: str, *, kind: str, offset: int, record: Optional[WarcRecord] = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.offset = offset
        self.record = record

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_warc_error, (str(self), self.kind, self.offset, self.record))


def _warc_error(
    message: str, kind: str, offset: int, record: Optional[WarcRecord]
) -> WarcError:
    return WarcError(message, kind=kind, offset=offset, record=record)


class WarcWarning(UserWarning):
    """Warned (with ``errors="warn"``, the default) for each record that was skipped."""


def _check(errors: str, threads: Optional[int] = None) -> None:
    if threads is not None and (
        isinstance(threads, bool) or not isinstance(threads, int) or threads < 1
    ):
        raise ValueError(f"threads must be a positive int or None, not {threads!r}")
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {', '.join(map(repr, _ERRORS))}, not {errors!r}")


def _items(
    reader: _WarcReader, errors: str, path: str
) -> Iterator[tuple[WarcRecord, Union[Article, bytes]]]:
    for kind, info, value in reader:
        if kind == 0:
            yield WarcRecord(*info), value
            continue
        if kind == 1:
            record = WarcRecord(*info)
            name = record.record_id or record.uri or f"at offset {record.offset}"
            err = WarcError(
                f"{path}: record {name}: {value}",
                kind="page",
                offset=record.offset,
                record=record,
            )
            err.__cause__ = value
        else:
            what, offset, message = value
            err = WarcError(f"{path}: {message}", kind=what, offset=offset)
        if errors == "raise":
            raise err
        if errors == "warn":
            warnings.warn(str(err), WarcWarning, stacklevel=3)


def iter_warc(
    path: Union[str, os.PathLike[str]],
    *,
    threads: Optional[int] = None,
    errors: str = "warn",
    limits: Optional[Limits] = None,
) -> Iterator[tuple[WarcRecord, Article]]:
    """The HTML pages of a WARC archive (``.warc`` or ``.warc.gz``) as ``(WarcRecord, Article)``
    pairs, in file order.

    Pages are ``response`` records with a 2xx HTTP status and an HTML payload; every other
    record is skipped silently. Each page is parsed with its record's URI as the page URL and
    the HTTP ``charset`` as the charset hint. A background thread reads the archive in bounded
    batches and parses each batch on ``threads`` threads (default: one per CPU) with the GIL
    released, so memory stays constant however large the archive. ``limits`` (a
    ``byline.Limits``) applies to every page.

    ``errors`` says what happens to a record that cannot be read or a page byline refuses:
    ``"warn"`` (default) skips it with a ``WarcWarning``, ``"ignore"`` skips it silently,
    ``"raise"`` raises ``WarcError`` (ending the iteration). A file that ends inside a record
    gives one such error and the iteration ends. ``OSError`` is raised when the file cannot be
    opened (at the call) or read (during the iteration).
    """
    _check(errors, threads)
    reader = _WarcReader(path, parse=True, threads=threads, limits=limits)
    return _items(reader, errors, os.fspath(path))  # type: ignore[return-value]


def iter_warc_records(
    path: Union[str, os.PathLike[str]],
    *,
    errors: str = "warn",
) -> Iterator[tuple[WarcRecord, bytes]]:
    """The HTML pages of a WARC archive as ``(WarcRecord, payload bytes)`` pairs, in file order,
    without parsing them: for shipping records elsewhere (a cluster, a queue) and parsing them
    there with ``parse_records``. Same records, ``errors`` and memory bound as ``iter_warc``;
    the payload is de-chunked and decompressed.
    """
    _check(errors)
    reader = _WarcReader(path, parse=False)
    return _items(reader, errors, os.fspath(path))  # type: ignore[return-value]


@overload
def parse_records(
    records: Iterable[tuple[WarcRecord, Union[bytes, bytearray]]],
    *,
    threads: Optional[int] = None,
    return_exceptions: Literal[False] = False,
    limits: Optional[Limits] = None,
) -> list[Article]: ...
@overload
def parse_records(
    records: Iterable[tuple[WarcRecord, Union[bytes, bytearray]]],
    *,
    threads: Optional[int] = None,
    return_exceptions: bool,
    limits: Optional[Limits] = None,
) -> list[Union[Article, BylineError]]: ...
def parse_records(
    records: Iterable[tuple[WarcRecord, Union[bytes, bytearray]]],
    *,
    threads: Optional[int] = None,
    return_exceptions: bool = False,
    limits: Optional[Limits] = None,
) -> list[Any]:
    """Parses ``(WarcRecord, payload)`` pairs (as ``iter_warc_records`` yields them) in
    parallel with the GIL released; returns a list in input order.

    Each page is parsed as ``iter_warc`` would: the record's URI as the page URL (ignored when
    it is not a valid absolute URL), its charset as the hint, and ``limits`` for every page.
    A refused page raises its
    ``BylineError`` (the first in input order), or with ``return_exceptions=True`` takes its
    place in the list. ``parse_many(body for _, body in records)`` also works, without the
    URL and charset of each record.
    """
    triples = [(r.uri, r.charset, body) for r, body in records]
    out = _parse_records(triples, threads=threads, limits=limits)
    if not return_exceptions:
        for item in out:
            if isinstance(item, BaseException):
                raise item
    return out
