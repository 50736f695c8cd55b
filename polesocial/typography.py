"""The last touch on every text the system publishes: bidi isolation, French typography.

``localise_html`` (pages and books) and ``localise_plain`` (posters, titles) are the one place
where this happens, at render time: the sources keep the spelling their editors typed.

French typography (Imprimerie nationale's rules, as French publishers apply them):
- a narrow no-break space (U+202F) before ; : ! ? and inside « »;
- an en dash between the years of a range (2012–2016), never in law numbers (14-05);
- accents on capitals: "Elaborer" becomes "Élaborer" when the publication writes the word
  "élaborer" elsewhere (the words come from the publication itself, see ``accented_words``);
- a label and its value stay together: the space between a label ending with a colon (in an
  element of its own: ``<strong>Qui :</strong> les associations``) and its value does not break.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import bidi, htmltext, languages
from .memo import Memo

NNBSP, NBSP = "\u202f", "\u00a0"

_BEFORE_MARK = re.compile(r"[ \u00a0\u202f]+([;:!?])")
_GLUED_MARK = re.compile(r"(?<=[^\W\d_])([;!?])(?=\s|$)")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
# A full stop may end the sentence after a range ("la période 2012–2016."), not a number.
_YEARS = re.compile(r"(?<![\d.\-–/])((?:18|19|20)\d\d)-((?:18|19|20)\d\d)(?![\d\-/]|\.\d)")
# What the rules of ``french`` act on; a text with none of these is left as it is.
_FRENCH_MARKS = re.compile(r"[;:!?«»]|(?:18|19|20)\d\d-")
_ACCENTED_CAPITALS = {"E": "ÉÈÊ", "A": "ÀÂ", "I": "Î", "O": "Ô", "U": "Û", "C": "Ç"}


# The lower-case letters with an accent (a canonical decomposition) of the Latin, Greek and
# Cyrillic blocks: a word starting with one of them, to its last letter.
_ACCENTED_LOWER = "".join(
    char for code in (*range(0xC0, 0x530), *range(0x1E00, 0x2000))
    if (char := chr(code)).islower() and unicodedata.normalize("NFD", char) != char)
_ACCENTED_WORD = re.compile(f"(?<![^\\W\\d_])[{_ACCENTED_LOWER}][^\\W\\d_]*")


def accented_words(texts) -> tuple[str, ...]:
    """The publication's own French words that start with an accented letter (lower case),
    sorted: what tells "Elaborer" needs its accent."""
    found = set()
    for value in texts:
        found.update(_ACCENTED_WORD.findall(value))
    return tuple(sorted(found))


@functools.lru_cache(maxsize=8)
def _capitals(words: frozenset[str]) -> tuple[re.Pattern | None, dict[str, str]]:
    """(the capitalised words to accent, as one pattern; each one's accented spelling): a
    capital that has accented forms, then lower-case letters, whose accented forms the
    publication writes in lower case ("Elaborer" -> "Élaborer" when it writes "élaborer"),
    the accent taken in the order of _ACCENTED_CAPITALS."""
    found: dict[str, set[str]] = {}
    for word in words:
        rest, capital = word[1:], word[0].upper()
        if not rest or not rest.islower():
            continue
        for base, options in _ACCENTED_CAPITALS.items():
            if capital in options:
                found.setdefault(base + rest, set()).add(capital)
    accented = {plain: next(a for a in _ACCENTED_CAPITALS[plain[0]] if a in capitals)
                + plain[1:] for plain, capitals in found.items()}
    if not accented:
        return None, accented
    words_pattern = "|".join(re.escape(w) for w in sorted(accented, key=len, reverse=True))
    # Without a look-behind in front, the engine skips to the capitals the words start with
    # (four times faster); ``french`` checks that no letter comes before.
    return re.compile(f"(?:{words_pattern})(?![^\\W\\d_])"), accented


_LETTER = re.compile(r"[^\W\d_]")


def french(text: str, before: str = "", words: frozenset[str] = frozenset()) -> str:
    """French typography on one run of text; ``before``: the text before it in its block."""
    if words:
        pattern, accented = _capitals(words)
        if pattern is not None:
            def accent(match: re.Match, text: str = text) -> str:
                # A word only: not the end of a longer one (whose letters the match holds).
                if match.start() and _LETTER.match(text, match.start() - 1):
                    return match.group(0)
                return accented[match.group(0)]
            text = pattern.sub(accent, text)
    if not _FRENCH_MARKS.search(text):
        if before.rstrip(" ").endswith(":") and text[:1] == " ":
            text = NBSP + text[1:]
        return text
    text = _BEFORE_MARK.sub(NNBSP + r"\1", text)
    text = _GLUED_MARK.sub(NNBSP + r"\1", text)
    text = _OPEN_QUOTE.sub("«" + NNBSP, text)
    text = _CLOSE_QUOTE.sub(NNBSP + "»", text)
    text = _YEARS.sub("\\1–\\2", text)
    if before.rstrip(" ").endswith(":") and text[:1] == " ":
        text = NBSP + text[1:]  # the value in the next element: "<b>Qui :</b> les associations"
    return text


def localise_text(text: str, context: htmltext.Context, controls: bool,
                  words: frozenset[str]) -> str:
    if context.lang == "fr":
        text = french(text, context.before, words)
    return bidi.isolate_text(text, context.direction, controls)


_localised = Memo()  # pages already typeset, for a live preview (polesocial.memo)


def localise_html(html: str, lang: str, controls: bool = False, words=()) -> str:
    """A page's or a book's HTML in ``lang``: typography of its language, foreign runs
    isolated (``controls``: with bidi control characters, for the PDF renderer)."""
    words = frozenset(words)
    return _localised.get((html, lang, controls, words),
                          lambda: _localise_html(html, lang, controls, words))


def _localise_html(html: str, lang: str, controls: bool, words: frozenset) -> str:
    return htmltext.map_text(html, lang, lambda text, context: localise_text(
        text, context, controls, words))


def localise_plain(text: str, lang: str, words=()) -> str:
    """Plain text (titles, metadata, a poster's lines): typography and isolation controls."""
    if lang == "fr":
        text = french(text, "", frozenset(words))
    return bidi.isolate_plain(text, languages.get(lang).direction)
