"""Results of pure functions kept while a live preview runs, by their exact arguments.

A live preview (``make serve``) rebuilds every page of both languages after each edit, and most
pages come out exactly as before: their HTML is not sanitised, verified, typeset or indexed
again when it is the very same text, since each of those steps gives the same answer for the
same text. Nothing is skipped for a text that changed: the key is the text itself (long texts by
their SHA-256) and every other argument, never a file's date. Only the preview keeps results
(``keep``, called by hooks/preview_pages.py when the engine serves); a build keeps results only
for the time of one ``check`` (``during``: it reads a hand-written page for its own rules and
again for the terminology's), then drops them.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Callable, TypeVar

T = TypeVar("T")
_keeping = [False]
_LONG = 256  # characters: a longer text is keyed by its digest


def keep(enabled: bool) -> None:
    """Whether results are kept (the live preview) or not (a build)."""
    _keeping[0] = enabled
    if not enabled:
        for memo in _all:
            memo.results.clear()


@contextlib.contextmanager
def during():
    """Results kept for the time of the ``with`` block (and dropped after it), unless they are
    kept anyway (the live preview)."""
    if _keeping[0]:
        yield
        return
    _keeping[0] = True
    try:
        yield
    finally:
        keep(False)


def _part(value):
    if isinstance(value, str) and len(value) > _LONG:
        return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()
    return value


_all: list["Memo"] = []


class Memo:
    def __init__(self, limit: int = 1024):
        self.limit = limit  # results kept (two languages of a large site); then it starts over
        self.results: dict = {}
        _all.append(self)

    def get(self, key: tuple, compute: Callable[[], T]) -> T:
        """The result kept for ``key`` (a tuple of the arguments), or ``compute()``'s."""
        if not _keeping[0]:
            return compute()
        key = tuple(_part(value) for value in key)
        try:
            return self.results[key]
        except KeyError:
            pass
        value = compute()
        self._store(key, value)
        return value

    def lookup(self, key: tuple):
        """The result kept for ``key``, or None."""
        if not _keeping[0]:
            return None
        return self.results.get(tuple(_part(value) for value in key))

    def store(self, key: tuple, value) -> None:
        if _keeping[0]:
            self._store(tuple(_part(part) for part in key), value)

    def _store(self, key: tuple, value) -> None:
        if len(self.results) >= self.limit:
            self.results.clear()
        self.results[key] = value
