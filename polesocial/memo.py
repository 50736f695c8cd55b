"""Results of pure functions kept while the process lives, by their exact arguments.

A live preview (``make serve``) rebuilds every page of both languages after each edit, and most
pages come out exactly as before: their HTML is not sanitised, verified, typeset or indexed
again when it is the very same text, since each of those steps gives the same answer for the
same text. Nothing is skipped for a text that changed: the key is the text itself (and every
other argument), never a file's date. A one-off build gains nothing and loses nothing.
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self, limit: int = 1024):
        self.limit = limit  # results kept (two languages of a large site); then it starts over
        self.results: dict = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        try:
            return self.results[key]
        except KeyError:
            pass
        if len(self.results) >= self.limit:
            self.results.clear()
        value = self.results[key] = compute()
        return value
