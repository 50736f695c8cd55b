"""The two publication languages and the facts every part of the system needs about them."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as in lang="…" and in docs/<code>/
    name: str  # its own name, as shown in the language switcher
    direction: str  # "ltr" or "rtl"
    locale: str  # regional conventions (dates, Open Graph): Morocco for both
    prefix: str  # where its pages live on the site, relative to the site root


FRENCH = Language("fr", "Français", "ltr", "fr_MA", "")
ARABIC = Language("ar", "العربية", "rtl", "ar_MA", "ar/")

LANGUAGES: tuple[Language, ...] = (FRENCH, ARABIC)
DEFAULT = FRENCH
BY_CODE = {lang.code: lang for lang in LANGUAGES}


def get(code: str) -> Language:
    """The language for ``code``; unknown codes are a programming error, not user input."""
    return BY_CODE[code]


def script_counts(text: str) -> tuple[int, int]:
    """Number of Arabic letters and of Latin letters in ``text`` (digits and symbols ignored)."""
    arabic = latin = 0
    for char, count in Counter(text).items():  # each distinct character looked up once
        script = _script(char)
        if script == "ARABIC":
            arabic += count
        elif script == "LATIN":
            latin += count
    return arabic, latin


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    return "ARABIC" if name.startswith("ARABIC") else "LATIN" if name.startswith("LATIN") else ""


# How items of a list are separated: the Arabic comma in Arabic (never a Latin comma between
# Arabic words), the comma in French.
LIST_SEPARATORS = {"fr": ", ", "ar": "، "}


def join_list(items, lang: str) -> str:
    """``items`` as one list in ``lang``'s punctuation: the one place lists are joined."""
    return LIST_SEPARATORS[lang].join(items)
