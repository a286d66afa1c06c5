"""Type stubs of the compiled module ``byline._byline`` (checked by ``mypy.stubtest``)."""

import datetime
import os
from typing import Any, ClassVar, Iterable, Literal, Optional, Union, final, overload

__version__: str
_INJECT_PANIC: bool
__all__ = [
    "__version__",
    "_INJECT_PANIC",
    "Article",
    "Author",
    "Comment",
    "Limits",
    "parse",
    "parse_file",
    "parse_many",
    "_article_from_state",
    "_comment_from_state",
    "_limits_from_state",
    "_WarcReader",
    "_parse_records",
    "BylineError",
    "TooLargeError",
    "UnknownCharsetError",
    "InvalidUrlError",
    "InternalError",
]

_Date = Union[datetime.date, datetime.datetime]

@final
class Article:
    """Everything byline read from one page. Immutable; ``==``, pickling, ``to_dict()``."""

    @property
    def title(self) -> Optional[str]: ...
    @property
    def authors(self) -> list[Author]: ...
    @property
    def published(self) -> Optional[_Date]:
        """``date`` for a day; ``datetime`` for a time, tz-aware when the page gave an offset,
        naive when it gave none."""
    @property
    def published_raw(self) -> Optional[str]: ...
    @property
    def updated(self) -> Optional[_Date]: ...
    @property
    def updated_raw(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def markdown(self) -> str: ...
    @property
    def html(self) -> str: ...
    @property
    def body(self) -> dict[str, Any]: ...
    @property
    def view_count(self) -> Optional[int]: ...
    @property
    def comment_count(self) -> Optional[int]: ...
    @property
    def like_count(self) -> Optional[int]: ...
    @property
    def site_name(self) -> Optional[str]: ...
    @property
    def canonical_url(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def image(self) -> Optional[str]: ...
    @property
    def platform(self) -> Optional[str]: ...
    @property
    def word_count(self) -> int: ...
    @property
    def comments(self) -> list[Comment]: ...
    @property
    def sources(self) -> dict[str, str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, indent: Optional[int] = None) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Author:
    """A credited author."""

    def __new__(cls, name: str, url: Optional[str] = None) -> Author: ...
    @property
    def name(self) -> str: ...
    @property
    def url(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Optional[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Comment:
    """A reader comment shown below the article."""

    @property
    def author(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[_Date]: ...
    @property
    def date_raw(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

class BylineError(ValueError):
    """byline refused the input."""

    code: ClassVar[int]

class TooLargeError(BylineError): ...
class UnknownCharsetError(BylineError): ...
class InvalidUrlError(BylineError): ...
class InternalError(BylineError): ...

@final
class Limits:
    """Per-page resource limits; every argument keyword-only, omitted ones keep the default."""

    def __new__(
        cls,
        *,
        max_input_bytes: Optional[int] = None,
        max_nodes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_attributes: Optional[int] = None,
        max_attribute_bytes: Optional[int] = None,
        max_text_bytes: Optional[int] = None,
        max_json_ld_bytes: Optional[int] = None,
    ) -> Limits: ...
    @property
    def max_input_bytes(self) -> int: ...
    @property
    def max_nodes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def max_attributes(self) -> int: ...
    @property
    def max_attribute_bytes(self) -> int: ...
    @property
    def max_text_bytes(self) -> int: ...
    @property
    def max_json_ld_bytes(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def parse(
    html: Union[bytes, bytearray, str],
    *,
    url: Optional[str] = None,
    charset: Optional[str] = None,
    limits: Optional[Limits] = None,
) -> Article: ...
def parse_file(
    path: Union[str, os.PathLike[str]],
    *,
    url: Optional[str] = None,
    charset: Optional[str] = None,
    limits: Optional[Limits] = None,
) -> Article: ...
@overload
def parse_many(
    pages: Iterable[Union[bytes, bytearray, str]],
    *,
    urls: Optional[Iterable[Optional[str]]] = None,
    charset: Optional[str] = None,
    threads: Optional[int] = None,
    return_exceptions: Literal[False] = False,
    limits: Optional[Limits] = None,
) -> list[Article]: ...
@overload
def parse_many(
    pages: Iterable[Union[bytes, bytearray, str]],
    *,
    urls: Optional[Iterable[Optional[str]]] = None,
    charset: Optional[str] = None,
    threads: Optional[int] = None,
    return_exceptions: bool,
    limits: Optional[Limits] = None,
) -> list[Union[Article, BylineError]]: ...
def _article_from_state(state: str) -> Article: ...
def _comment_from_state(state: str) -> Comment: ...
def _limits_from_state(state: list[int]) -> Limits: ...

@final
class _WarcReader:
    """Internal: the reader behind ``iter_warc`` / ``iter_warc_records``."""

    def __new__(
        cls,
        path: Union[str, os.PathLike[str]],
        *,
        parse: bool = True,
        threads: Optional[int] = None,
        limits: Optional[Limits] = None,
    ) -> _WarcReader: ...
    def __iter__(self) -> _WarcReader: ...
    def __next__(self) -> tuple[int, Any, Any]: ...

def _parse_records(
    items: Iterable[tuple[Optional[str], Optional[str], Union[bytes, bytearray, str]]],
    *,
    threads: Optional[int] = None,
    limits: Optional[Limits] = None,
) -> list[Union[Article, BylineError]]: ...
