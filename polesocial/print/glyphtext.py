"""The text behind each glyph of a PDF, made right for Arabic.

A PDF maps every glyph of a font to one fixed string (its ToUnicode map): that is what copying,
searching and screen readers read. WeasyPrint 70 fills the map from the first cluster a glyph
was drawn in. Arabic shaping merges letters into clusters (lam-alef, a letter and its hamza),
so a glyph keeps the text of the whole cluster it was first met in: in the strategy's PDF the
hamza mark that the font draws under an alef carried "إ", the alef itself "ا", and "إعداد" was
extracted as "الإعداد".

The fix uses what the font says about each glyph: the characters its cmap maps to it (its
letter, or an Arabic presentation form, folded by NFKC to the letters it stands for), and
whether its GDEF table calls it a mark. A glyph gets the one of its own characters that its
cluster contains, a mark glyph the marks of its cluster, and a ligature part with no character
of its own the cluster's text (as before).

Glyphs the cmap does not map (contextual forms, ligatures) get their characters from their
names, which Scheherazade New writes as the Adobe Glyph List specifies ("uni06440627.fina" is
lam and alef): fontTools.agl reads them. WeasyPrint gives a cluster's text to its first glyph
only; when that glyph is a mark (the hamza drawn before the lam-alef of "الإجراء"), the letters
it leaves go to the next glyph of the cluster.

The lam-alef ligature is one glyph for two letters. Poppler (pdftotext, the viewers built on
it) lays the two letters of such a glyph out from left to right inside it and then reverses the
right-to-left line: "لا" came back "ال" and "الاجتماعي" read "االجتماعي". A ligature glyph
whose letters have an Arabic presentation form (U+FEFB ARABIC LIGATURE LAM WITH ALEF…) maps to
that one character: no tool can reorder it, and its compatibility decomposition (NFKC, which
search in viewers applies) is the two letters.

This replaces the ``to_unicode`` mapping WeasyPrint creates for each font, so it is tied to the
pinned version (pinned.py); ``install`` refuses another one, and tests/test_print.py checks every word of
the Arabic PDF.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata

from fontTools import agl
from fontTools.ttLib import TTFont

from .pinned import weasyprint_patch



class GlyphText(dict):
    """glyph id -> text, from the glyph's own characters where the font gives them.

    WeasyPrint asks ``glyph in mapping`` before each glyph it draws and sets the text only if
    not: a glyph counts as known only once its text is certain, so a later, unambiguous use can
    still correct a first, ambiguous one.
    """

    def __init__(self, own: dict[int, frozenset[str]], marks: frozenset[int],
                 forms: dict[int, str] | None = None):
        super().__init__()
        self.own = own
        self.marks = marks
        self.forms = forms or {}
        self.certain: set[int] = set()
        self.rest = ""  # what the glyphs drawn so far in the current cluster left of its text

    def __contains__(self, glyph) -> bool:
        if glyph in self.certain:
            self.rest = ""  # WeasyPrint skips this glyph: the cluster's chain is broken
            return True
        return False

    def __setitem__(self, glyph: int, text: str) -> None:
        # WeasyPrint gives a cluster's text to its first glyph and "" to the others: a mark
        # drawn first takes its marks, and the letters are left for the glyph after it.
        text = text or self.rest
        value, certain = decide(text, self.own.get(glyph, frozenset()), glyph in self.marks)
        self.rest = _without(text, value)
        form = self.forms.get(glyph)
        if form and value == unicodedata.normalize("NFKC", form):
            value = form
        if certain or not dict.__contains__(self, glyph) or (value and not self[glyph]):
            super().__setitem__(glyph, value)
        if certain:
            self.certain.add(glyph)


def _without(text: str, part: str) -> str:
    """``text`` less the characters of ``part`` (compared decomposed), recomposed."""
    rest = list(unicodedata.normalize("NFD", text))
    for char in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", part)):
        if char in rest:
            rest.remove(char)
    return unicodedata.normalize("NFC", "".join(rest))


def decide(text: str, own: frozenset[str], mark: bool) -> tuple[str, bool]:
    """(text of a glyph drawn in a cluster reading ``text``, whether it is certain).

    Compared in decomposed form: a font may draw "إ" as an alef and a hamza-below mark, "آ" as
    an alef and a madda; each glyph gets its own part and text extraction composes them back
    (NFKC).
    """
    if own and text in own:
        return text, True
    decomposed = unicodedata.normalize("NFD", text)
    if mark:  # a mark glyph stands for the marks of its cluster, never for its letters
        return "".join(c for c in decomposed if unicodedata.combining(c)), bool(decomposed)
    inside = [c for c in own if c and unicodedata.normalize("NFD", c) in decomposed]
    if inside:
        return max(inside, key=len), True
    if own:
        return "", False  # drawn inside another glyph's cluster: wait for a use of its own
    return text, bool(text)  # a ligature part with no character of its own: the cluster's text


def _presentation_forms() -> dict[tuple[str, str], str]:
    """(letters, "isolated" or "final") -> the Arabic presentation form of a ligature of
    several letters (U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM for "لا"…)."""
    found = {}
    for code in [*range(0xFB50, 0xFDFF), *range(0xFE70, 0xFEFF)]:
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) > 2 and parts[0] in ("<isolated>", "<final>"):
            letters = "".join(chr(int(p, 16)) for p in parts[1:])
            if not any(unicodedata.combining(c) for c in letters):
                found.setdefault((letters, parts[0][1:-1]), chr(code))
    return found


PRESENTATION_FORMS = _presentation_forms()


_OWN: dict[bytes, tuple] = {}  # font file digest -> own_characters(): a render worker prints
# many documents with the same few fonts (30 ms for the Arabic face each time otherwise)


def own_characters(font_data: bytes):
    """(glyph id -> the characters the font's cmap maps to it (NFKC), ids of mark glyphs,
    glyph id -> the presentation form of a ligature glyph)."""
    key = hashlib.blake2b(font_data, digest_size=16).digest()
    if key not in _OWN:
        _OWN[key] = _own_characters(font_data)
    return _OWN[key]


def _own_characters(font_data: bytes):
    font = TTFont(io.BytesIO(font_data), lazy=True)
    found: dict[int, set[str]] = {}
    cmap = font.getBestCmap() or {}
    for code, name in cmap.items():
        found.setdefault(font.getGlyphID(name), set()).add(unicodedata.normalize("NFKC",
                                                                                 chr(code)))
    forms: dict[int, str] = {}
    mapped = set(cmap.values())
    for glyph, name in enumerate(font.getGlyphOrder()):
        if name in mapped:
            continue
        text = unicodedata.normalize("NFKC", agl.toUnicode(name))
        if text:
            found.setdefault(glyph, set()).add(text)
            shape = "final" if ".fina" in name else "isolated"
            if (text, shape) in PRESENTATION_FORMS:
                forms[glyph] = PRESENTATION_FORMS[(text, shape)]
    marks: set[int] = set()
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        marks = {font.getGlyphID(name)
                 for name, kind in font["GDEF"].table.GlyphClassDef.classDefs.items()
                 if kind == 3}
    return ({glyph: frozenset(chars) for glyph, chars in found.items()}, frozenset(marks),
            forms)


@weasyprint_patch("its to_unicode handling")
def install() -> None:
    from weasyprint.pdf import fonts

    original = fonts.Font.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        try:
            self.to_unicode = GlyphText(*own_characters(self.file_content))
        except Exception:  # noqa: BLE001 - bitmap or unreadable fonts keep WeasyPrint's map
            pass

    fonts.Font.__init__ = __init__
