"""Alphabetical order in each language: the CLDR collation of ICU (PyICU's binding).

Code-point order put "Bonne gouvernance" before "Bénévolat" and "Égalité" after "Violence".
ICU's French collation sorts accented letters with their base letter; its Arabic collation
follows the order of the Arabic alphabet, with the hamza forms of alef and the ta marbuta where
Arabic dictionaries put them. As Arabic glossaries and indexes do, the definite article "ال"
at the start of a term is not counted: "التضامن" sorts under ت.

Why ICU: its CLDR data is the reference for both languages. pyuca (pure Python) implements
only the default Unicode order, without the Arabic tailoring, and has had no release since
2017. Which package: ``pyicu-wheels``, PyICU built with ICU inside its wheel (Linux x86-64 and
ARM, macOS, Windows; Python 3.10-3.14). PyICU itself has no wheel on PyPI: pip compiled it at
every fresh install against Debian's libicu-dev, with pkg-config, g++ and Python's headers
installed first (214 s on this project's 2-core machine, against 2 s for the wheel). Both give
the same order of the 62 French and 62 Arabic terms of the glossary (ICU 72.1 compiled, 77.1
in the wheel). The module is the same (``import icu``): going back to PyICU is one line of
requirements.txt.
"""

from __future__ import annotations

from functools import lru_cache

ARTICLE = "ال"


@lru_cache(maxsize=None)
def _collator(lang: str):
    import icu  # pyicu-wheels (PyICU's module)

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
