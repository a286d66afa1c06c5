"""``to_dataframe``: many Articles as one pandas DataFrame (pandas is an optional extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from ._byline import Article

if TYPE_CHECKING:  # pragma: no cover
    import pandas  # type: ignore[import-untyped,unused-ignore]

#: The columns of ``to_dataframe``, always all present and in this order.
DATAFRAME_COLUMNS: tuple[str, ...] = (
    "title",
    "authors",
    "published",
    "published_raw",
    "updated",
    "updated_raw",
    "site_name",
    "language",
    "platform",
    "description",
    "tags",
    "canonical_url",
    "image",
    "view_count",
    "comment_count",
    "like_count",
    "word_count",
    "text",
)

_COUNTS = ("view_count", "comment_count", "like_count")


def to_dataframe(articles: Iterable[Article]) -> pandas.DataFrame:
    """One row per Article, with the columns of ``DATAFRAME_COLUMNS`` in that order.

    ``authors`` and ``tags`` hold lists of strings; ``published`` / ``updated`` hold the
    ``date`` / ``datetime`` objects of the Article (``pandas.to_datetime(df.published,
    utc=True)`` turns them into a datetime column); the counts use the nullable ``Int64``
    dtype, ``word_count`` is ``int64``; ``text`` is the body as plain text.
    Requires pandas: ``pip install 'byline[pandas]'``.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "byline.to_dataframe needs pandas: pip install 'byline[pandas]'"
        ) from e

    data: dict[str, list[Any]] = {c: [] for c in DATAFRAME_COLUMNS}
    for i, a in enumerate(articles):
        if not isinstance(a, Article):
            raise TypeError(
                f"to_dataframe takes Articles; item {i} is {type(a).__name__}"
            )
        data["title"].append(a.title)
        data["authors"].append([x.name for x in a.authors])
        data["published"].append(a.published)
        data["published_raw"].append(a.published_raw)
        data["updated"].append(a.updated)
        data["updated_raw"].append(a.updated_raw)
        data["site_name"].append(a.site_name)
        data["language"].append(a.language)
        data["platform"].append(a.platform)
        data["description"].append(a.description)
        data["tags"].append(a.tags)
        data["canonical_url"].append(a.canonical_url)
        data["image"].append(a.image)
        data["view_count"].append(a.view_count)
        data["comment_count"].append(a.comment_count)
        data["like_count"].append(a.like_count)
        data["word_count"].append(a.word_count)
        data["text"].append(a.text)

    columns: dict[str, Any] = {}
    for c in DATAFRAME_COLUMNS:
        if c in _COUNTS:
            columns[c] = pd.array(data[c], dtype="Int64")
        elif c == "word_count":
            columns[c] = pd.array(data[c], dtype="int64")
        else:
            columns[c] = pd.Series(data[c], dtype=object)
    return pd.DataFrame(columns, columns=list(DATAFRAME_COLUMNS))
