"""byline: extract title, authors, dates, body and engagement counts from article HTML.

>>> import byline
>>> a = byline.parse(b"<title>Hello</title><p>First paragraph.</p>")
>>> isinstance(a, byline.Article)
True

``parse`` reads one page (``bytes`` in any encoding, or an already decoded ``str``),
``parse_file`` a file, and ``parse_many`` a batch on a thread pool, results in input order.
``iter_warc`` reads the pages of a web archive (``.warc`` / ``.warc.gz``) with their records.
``Limits`` bounds the work per page (the defaults suit the web).
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
    Limits,
    TooLargeError,
    UnknownCharsetError,
    __version__,
    parse,
    parse_file,
    parse_many,
)
from ._dataframe import DATAFRAME_COLUMNS, to_dataframe
from ._rows import ROW_COLUMNS, WARC_COLUMNS, article_row, arrow_schema, spark_schema
from ._warc import (
    WarcError,
    WarcRecord,
    WarcWarning,
    iter_warc,
    iter_warc_records,
    parse_records,
)

__all__ = [
    "DATAFRAME_COLUMNS",
    "ROW_COLUMNS",
    "WARC_COLUMNS",
    "Article",
    "Author",
    "BylineError",
    "Comment",
    "InternalError",
    "InvalidUrlError",
    "Limits",
    "TooLargeError",
    "UnknownCharsetError",
    "WarcError",
    "WarcRecord",
    "WarcWarning",
    "__version__",
    "article_row",
    "arrow_schema",
    "iter_warc",
    "iter_warc_records",
    "parse",
    "parse_file",
    "parse_many",
    "parse_records",
    "spark_schema",
    "to_dataframe",
]
