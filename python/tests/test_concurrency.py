"""Batches, threads and fork."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import titled_page

import byline


def _pages(n: int) -> list[bytes]:
    # Different sizes, so that pages finish out of order on a pool.
    return [titled_page(i) + b"<p>filler</p>" * (i % 7 * 300) for i in range(n)]


def test_parse_many_matches_parse_in_order() -> None:
    pages = _pages(60)
    serial = [byline.parse(p) for p in pages]
    for threads in (None, 1, 2, 4):
        assert byline.parse_many(pages, threads=threads) == serial
    assert byline.parse_many(iter(pages), threads=2) == serial
    assert byline.parse_many([]) == []
    assert byline.parse_many(p.decode() for p in pages) == serial


def test_parse_many_keeps_error_positions() -> None:
    # Every third page has an invalid URL: its error must stay at its own index.
    pages = _pages(50)
    urls = [None if i % 3 else "bad url" for i in range(50)]
    out = byline.parse_many(pages, urls=urls, threads=2, return_exceptions=True)
    assert len(out) == 50
    for i, r in enumerate(out):
        if i % 3 == 0:
            assert isinstance(r, byline.InvalidUrlError), i
        else:
            assert r == byline.parse(pages[i]), i


def test_parse_many_urls_apply_per_page() -> None:
    pages = [b"<title>x</title><p>x</p>"] * 3
    urls = ["https://a.example/1", None, "https://b.example/2"]
    out = byline.parse_many(pages, urls=urls)
    assert out[0] == byline.parse(pages[0], url=urls[0])
    assert out[1] == byline.parse(pages[1])
    assert out[2] == byline.parse(pages[2], url=urls[2])


def test_parse_from_many_threads(jsonld_page: bytes, wix_page: bytes) -> None:
    pages = [jsonld_page, wix_page] + _pages(20)
    expected = [byline.parse(p) for p in pages]
    barrier = threading.Barrier(8)

    def work(k: int) -> list[byline.Article]:
        barrier.wait()
        if k % 2:
            return byline.parse_many(pages, threads=2)
        return [byline.parse(p) for p in pages]

    with ThreadPoolExecutor(8) as ex:
        for result in ex.map(work, range(8)):
            assert result == expected


def test_parse_releases_the_interpreter() -> None:
    # While a worker thread parses a large page, the main thread keeps running Python code:
    # no gap in the main thread's progress comes close to the length of the parse.
    page = b"<p>" + b"word " * 3_000_000 + b"</p>"
    span: list[float] = []
    done = threading.Event()

    def worker() -> None:
        span.append(time.perf_counter())
        byline.parse(page)
        span.append(time.perf_counter())
        done.set()

    stamps = []
    t = threading.Thread(target=worker)
    t.start()
    while not done.is_set():
        stamps.append(time.perf_counter())
    t.join()
    start, end = span
    inside = [s for s in stamps if start <= s <= end]
    points = [start, *inside, end]
    longest = max(b - a for a, b in zip(points, points[1:]))
    assert end - start > 0.02, "the page parsed too fast to tell"
    assert longest < (end - start) / 2, (longest, end - start)


def _child_parse(page: bytes) -> str:
    return byline.parse_many([page, page], threads=2)[1].to_json()


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_fork_after_parallel_batches(jsonld_page: bytes) -> None:
    # The parent has used thread pools; forked children must still parse (no inherited pool).
    byline.parse_many(_pages(30), threads=2)
    expected = byline.parse(jsonld_page).to_json()
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        assert pool.map(_child_parse, [jsonld_page] * 4) == [expected] * 4
    # And a batch running in a thread while the process forks.
    t = threading.Thread(target=lambda: byline.parse_many(_pages(200), threads=2))
    t.start()
    pid = os.fork()
    if pid == 0:  # child: parse, then exit without running pytest's cleanup
        ok = byline.parse_many([jsonld_page], threads=2)[0].to_json() == expected
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    t.join()
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _unknown_names_page(seed: int) -> bytes:
    # Tag and attribute names html5ever does not know are interned in a process-wide table
    # guarded by a lock: the state a fork in the middle of a parse could leave locked.
    parts = [f"<x-tag{seed}-{i} data-a{seed}-{i}=1>w</x-tag{seed}-{i}>" for i in range(400)]
    return ("<article>" + "".join(parts) + "</article>").encode()


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_fork_while_other_threads_parse() -> None:
    # Forks while two threads keep parsing: every child must parse and exit (no lock inherited
    # in a held state), and the parent's batches must go on.
    stop = threading.Event()
    counter = [0]

    def busy() -> None:
        n = 0
        while not stop.is_set():
            byline.parse_many([_unknown_names_page(n + k) for k in range(8)], threads=2)
            n += 8
            counter[0] += 1

    threads = [threading.Thread(target=busy) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        for k in range(100):
            pid = os.fork()
            if pid == 0:
                ok = byline.parse(_unknown_names_page(10_000 + k)).word_count >= 0
                os._exit(0 if ok else 1)
            deadline = time.monotonic() + 10
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                if time.monotonic() > deadline:
                    os.kill(pid, 9)
                    os.waitpid(pid, 0)
                    pytest.fail(f"child {k} hung after fork")
                time.sleep(0.005)
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert counter[0] > 0
