"""Writes small WARC files for the tests, from pages the tests build themselves."""

from __future__ import annotations

import gzip
import uuid
from pathlib import Path
from typing import Optional


def warc_record(
    warc_type: str,
    block: bytes,
    *,
    uri: Optional[str] = None,
    date: str = "2024-05-03T08:00:00Z",
    record_id: Optional[str] = None,
) -> bytes:
    """One WARC/1.1 record (header block, block, the two closing CRLFs)."""
    rid = record_id or f"<urn:uuid:{uuid.uuid4()}>"
    lines = [
        "WARC/1.1",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: {rid}",
        f"WARC-Date: {date}",
    ]
    if uri is not None:
        lines.append(f"WARC-Target-URI: {uri}")
    if warc_type in ("response", "request"):
        kind = "response" if warc_type == "response" else "request"
        lines.append(f"Content-Type: application/http; msgtype={kind}")
    lines.append(f"Content-Length: {len(block)}")
    head = "\r\n".join(lines).encode() + b"\r\n\r\n"
    return head + block + b"\r\n\r\n"


def http_response(
    body: bytes, *, content_type: Optional[str] = "text/html; charset=utf-8", status: int = 200
) -> bytes:
    """An HTTP/1.1 response as a crawler stores it."""
    head = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Other'}"]
    if content_type is not None:
        head.append(f"Content-Type: {content_type}")
    head.append(f"Content-Length: {len(body)}")
    return "\r\n".join(head).encode() + b"\r\n\r\n" + body


def response(
    uri: str,
    body: bytes,
    *,
    content_type: Optional[str] = "text/html; charset=utf-8",
    status: int = 200,
    record_id: Optional[str] = None,
) -> bytes:
    """A `response` record holding `body` fetched from `uri`."""
    return warc_record(
        "response",
        http_response(body, content_type=content_type, status=status),
        uri=uri,
        record_id=record_id,
    )


def warcinfo() -> bytes:
    return warc_record(
        "warcinfo", b"software: byline tests\r\n", record_id="<urn:uuid:info>"
    )


def write_warc(path: Path, records: list[bytes], *, gzip_members: bool = False) -> Path:
    """Writes `records` as a `.warc`, or with `gzip_members` a `.warc.gz` of one gzip member
    per record (as Common Crawl writes them)."""
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r) if gzip_members else r)
    return path


def article_page(i: int, *, author: str = "Ada Writer") -> bytes:
    """A small article page naming the number `i`."""
    return (
        f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Post number {i}</title>"
        f"<meta name=\"author\" content=\"{author}\">"
        f"<meta property=\"article:published_time\" content=\"2024-05-0{1 + i % 9}T08:00:00Z\">"
        f"</head><body><article><h1>Post number {i}</h1>"
        f"<p>This is the body of post {i}, written for the WARC tests, with enough words "
        f"to be taken as the main text of the page by the content pass.</p>"
        f"<p>A second paragraph about post {i} keeps the content pass interested.</p>"
        f"</article></body></html>"
    ).encode()


def crawl(path: Path, n: int, *, gzip_members: bool = True, start: int = 0) -> Path:
    """A WARC of `n` article pages (a warcinfo record, and a request before each response)."""
    records = [warcinfo()]
    for i in range(start, start + n):
        uri = f"https://blog.example/posts/{i}"
        records.append(warc_record("request", b"GET / HTTP/1.1\r\n\r\n", uri=uri))
        records.append(response(uri, article_page(i), record_id=f"<urn:uuid:page-{i}>"))
    return write_warc(path, records, gzip_members=gzip_members)
