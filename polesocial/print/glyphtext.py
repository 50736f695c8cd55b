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

This replaces the ``to_unicode`` mapping WeasyPrint creates for each font, so it is tied to the
pinned version; ``install`` refuses another one, and tests/test_print.py checks every word of
the Arabic PDF.
"""

from __future__ import annotations

import io
import unicodedata

import weasyprint
from fontTools.ttLib import TTFont

PINNED = "70.0"


class GlyphText(dict):
    """glyph id -> text, from the glyph's own characters where the font gives them.

    WeasyPrint asks ``glyph in mapping`` before each glyph it draws and sets the text only if
    not: a glyph counts as known only once its text is certain, so a later, unambiguous use can
    still correct a first, ambiguous one.
    """

    def __init__(self, own: dict[int, frozenset[str]], marks: frozenset[int]):
        super().__init__()
        self.own = own
        self.marks = marks
        self.certain: set[int] = set()

    def __contains__(self, glyph) -> bool:
        return glyph in self.certain

    def __setitem__(self, glyph: int, text: str) -> None:
        value, certain = decide(text, self.own.get(glyph, frozenset()), glyph in self.marks)
        if certain or not dict.__contains__(self, glyph) or (value and not self[glyph]):
            super().__setitem__(glyph, value)
        if certain:
            self.certain.add(glyph)


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


def own_characters(font_data: bytes) -> tuple[dict[int, frozenset[str]], frozenset[int]]:
    """(glyph id -> the characters the font's cmap maps to it (NFKC), ids of mark glyphs)."""
    font = TTFont(io.BytesIO(font_data), lazy=True)
    found: dict[int, set[str]] = {}
    for code, name in (font.getBestCmap() or {}).items():
        found.setdefault(font.getGlyphID(name), set()).add(unicodedata.normalize("NFKC",
                                                                                 chr(code)))
    marks: set[int] = set()
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef:
        marks = {font.getGlyphID(name)
                 for name, kind in font["GDEF"].table.GlyphClassDef.classDefs.items()
                 if kind == 3}
    return {glyph: frozenset(chars) for glyph, chars in found.items()}, frozenset(marks)


_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    if weasyprint.__version__ != PINNED:
        raise RuntimeError(f"polesocial/print/glyphtext.py was written for WeasyPrint {PINNED}, "
                           f"not {weasyprint.__version__}: check its to_unicode handling again")
    from weasyprint.pdf import fonts

    original = fonts.Font.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        try:
            self.to_unicode = GlyphText(*own_characters(self.file_content))
        except Exception:  # noqa: BLE001 - bitmap or unreadable fonts keep WeasyPrint's map
            pass

    fonts.Font.__init__ = __init__
    _installed = True
