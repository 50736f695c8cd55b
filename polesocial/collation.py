"""Alphabetical order in each language: the CLDR collation of ICU (PyICU).

Code-point order put "Bonne gouvernance" before "Bénévolat" and "Égalité" after "Violence".
ICU's French collation sorts accented letters with their base letter; its Arabic collation
follows the order of the Arabic alphabet, with the hamza forms of alef and the ta marbuta where
Arabic dictionaries put them. As Arabic glossaries and indexes do, the definite article "ال"
at the start of a term is not counted: "التضامن" sorts under ت.

Why PyICU: it is the maintained binding of ICU, whose CLDR data is the reference for both
languages. pyuca (pure Python) implements only the default Unicode order, without the Arabic
tailoring, and has had no release since 2017. The price: PyICU compiles against libicu-dev at
install time (about a minute, once; scripts/system-deps installs the Debian packages).
"""

from __future__ import annotations

from functools import lru_cache

ARTICLE = "ال"


@lru_cache(maxsize=None)
def _collator(lang: str):
    import icu  # PyICU

    collator = icu.Collator.createInstance(icu.Locale(lang))
    return collator


def sort_key(text: str, lang: str) -> bytes:
    """The key that puts ``text`` in its place in ``lang``'s alphabetical order."""
    if lang == "ar":
        text = " ".join(word[len(ARTICLE):] if word.startswith(ARTICLE) and len(word) > 3
                        else word for word in text.split())
    return _collator(lang).getSortKey(text)


def sorted_by(items, lang: str, key=lambda item: item):
    """``items`` in ``lang``'s alphabetical order of ``key(item)``."""
    return sorted(items, key=lambda item: sort_key(key(item), lang))
