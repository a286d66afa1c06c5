"""Parse a directory of saved pages into a pandas DataFrame and print a summary.

    pip install '.[pandas]'            # from the repository root
    python examples/python/to_dataframe.py examples/pages
"""

from __future__ import annotations

import sys
from pathlib import Path

import byline


def main(folder: str) -> None:
    paths = sorted(p for p in Path(folder).rglob("*.htm*") if p.is_file())
    # parse_many reads all pages on a thread pool; a page byline refuses comes back as its
    # exception (return_exceptions=True) instead of stopping the batch.
    results = byline.parse_many(
        (p.read_bytes() for p in paths), threads=None, return_exceptions=True
    )
    articles = []
    for path, result in zip(paths, results):
        if isinstance(result, byline.BylineError):
            print(f"{path}: {result}", file=sys.stderr)
        else:
            articles.append(result)

    df = byline.to_dataframe(articles)
    df.insert(0, "path", [str(p) for p, r in zip(paths, results) if isinstance(r, byline.Article)])
    print(df[["path", "title", "published", "platform", "word_count"]].to_string(index=False))
    print(f"\n{len(df)} articles, {int(df['word_count'].sum())} words")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/pages")
