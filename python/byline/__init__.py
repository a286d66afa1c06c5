"""byline: extract title, authors, dates, body and engagement counts from article HTML.

>>> import byline
>>> a = byline.parse(b"<title>Hello</title><p>First paragraph.</p>")
>>> isinstance(a, byline.Article)
True

``parse`` reads one page (``bytes`` in any encoding, or an already decoded ``str``),
``parse_file`` a file, and ``parse_many`` a batch on a thread pool, results in input order.
A page without a title, date or author is not an error: those attributes are ``None``.
``BylineError`` (a ``ValueError``) means byline refused the input; its subclasses name why.
"""

from ._byline import (
    Article,
    Author,
    BylineError,
    Comment,
    InternalError,
    InvalidUrlError,
    TooLargeError,
    UnknownCharsetError,
    __version__,
    parse,
    parse_file,
    parse_many,
)
from ._dataframe import DATAFRAME_COLUMNS, to_dataframe

__all__ = [
    "DATAFRAME_COLUMNS",
    "Article",
    "Author",
    "BylineError",
    "Comment",
    "InternalError",
    "InvalidUrlError",
    "TooLargeError",
    "UnknownCharsetError",
    "__version__",
    "parse",
    "parse_file",
    "parse_many",
    "to_dataframe",
]
