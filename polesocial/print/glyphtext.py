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

import io
import re
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
                 forms: dict[int, str] | None = None, advances: dict[int, int] | None = None,
                 blank: int | None = None):
        super().__init__()
        self.own = own
        self.marks = marks
        self.forms = forms or {}
        self.advances = advances or {}  # mark glyph -> advance (thousandths of an em)
        self.blank = blank  # a glyph that draws nothing and moves nothing (see MarkSpans)
        self.certain: set[int] = set()
        self.rest = ""  # what the glyphs drawn so far in the current cluster left of its text
        if blank is not None:
            super().__setitem__(blank, "")
            self.certain.add(blank)

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


def own_characters(font_data: bytes):
    """(glyph id -> the characters the font's cmap maps to it (NFKC), ids of mark glyphs,
    glyph id -> the presentation form of a ligature glyph, mark glyph -> its advance in
    thousandths of an em, a blank glyph or None)."""
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
    upem = font["head"].unitsPerEm
    advances = {glyph: round(font["hmtx"][font.getGlyphName(glyph)][0] * 1000 / upem)
                for glyph in marks}
    return ({glyph: frozenset(chars) for glyph, chars in found.items()}, frozenset(marks),
            forms, advances, _blank(font, cmap))


# Characters whose glyph, in a font that has one, draws nothing and has no advance: variation
# selectors first (never drawn in running text), then the zero-width joiners.
_BLANK_CHARACTERS = (*range(0xFE00, 0xFE10), 0x200D, 0x200C)


def _blank(font: TTFont, cmap: dict[int, str]) -> int | None:
    """A glyph of ``font`` with no outline and no advance, or None."""
    if "glyf" not in font:
        return None
    for code in _BLANK_CHARACTERS:
        name = cmap.get(code)
        if name and font["hmtx"][name][0] == 0 and font["glyf"][name].numberOfContours == 0:
            return font.getGlyphID(name)
    return None


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


# WeasyPrint 70 draws a glyph that the font's positioning (GPOS) moves up or down as
# ``show_text(before)``, ``set_text_rise(-rise)``, ``show_text("<offset><glyph>")``,
# ``set_text_rise(0)`` (weasyprint/draw/text.py): its one glyph, with its horizontal offset.
_MOVED_GLYPH = re.compile(r"(?P<offset>-?[0-9.]+(?:e-?[0-9]+)?)?<(?P<glyph>[0-9a-f]{4})>")
_STEP = 1  # thousandths of an em: where poppler reads a mark, just before its base glyph


@weasyprint_patch("how draw/text.py draws a glyph with a text rise")
def install_mark_spans() -> None:
    """Each mark glyph drawn with a rise gets its text through an ActualText span whose extent
    is set by two blank glyphs on the baseline, just before its base glyph.

    Poppler (pdftotext, the viewers built on it) starts a new word at a glyph drawn more than
    0.5 pt off the baseline, and at a glyph that ends, or starts, a few tenths of a point away
    from the next one: the hamza under an alef (0.05 em low) or the madda over it, the hamza
    of lam-alef (0.16 em to the right) split "الإجراء" into "الإ جراء"; a tanwin 0.13 em high
    went to a line of its own. An ActualText span (PDF 32000-1, 14.9.4) gives the span's text
    the place of the span's first glyph to the end of its last one: here a blank glyph (no
    outline, no advance, no text) 0.001 em before the base glyph, once before the mark and
    once after it. The mark itself is drawn exactly as WeasyPrint drew it (same rise, same
    offset, same pen position after it), so the page does not change; readers without
    ActualText support (pypdf) read the mark's own text from the font's map, as before, and
    nothing for the blank glyphs.
    """
    from weasyprint.pdf.stream import Stream

    set_text_rise, show_text = Stream.set_text_rise, Stream.show_text

    def font_of(stream):
        key = stream._current_font and stream._current_font[0]
        for font in stream._fonts.values():
            if font.hash == key:
                return font
        return None

    def rise(self, height):
        if height:
            self._mark_rise = height  # drawn with the glyph that follows
        elif getattr(self, "_mark_drawn", False):
            self._mark_drawn = False  # its span set the rise back already
        else:
            set_text_rise(self, height)

    def show(self, text):
        height, self._mark_rise = getattr(self, "_mark_rise", 0), 0
        if not height:
            return show_text(self, text)
        moved = _MOVED_GLYPH.fullmatch(text if isinstance(text, str) else "")
        font = font_of(self)
        mapping = getattr(font, "to_unicode", None)
        glyph = moved and int(moved["glyph"], 16)
        if (not moved or not isinstance(mapping, GlyphText) or mapping.blank is None
                or glyph not in mapping.marks):
            set_text_rise(self, height)
            return show_text(self, text)
        blank = f"<{mapping.blank:04x}>"
        font.widths[mapping.blank] = 0
        # The pen after the mark, in thousandths of an em from the base glyph's start.
        after = -float(moved["offset"] or 0) + mapping.advances.get(glyph, 0)
        actual = "".join(f"{ord(c):04x}" if ord(c) < 0x10000 else
                         c.encode("utf-16-be").hex() for c in mapping.get(glyph, ""))
        self.stream.append(f"/Span <</ActualText <feff{actual}>>> BDC".encode())
        show_text(self, f"{_STEP}{blank}{-_STEP}")
        set_text_rise(self, height)
        show_text(self, f"{text}{after + _STEP:g}{blank}{-(after + _STEP):g}")
        set_text_rise(self, 0)
        self.stream.append(b"EMC")
        self._mark_drawn = True

    Stream.set_text_rise = rise
    Stream.show_text = show
