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
        # A mark is asked again each time: right-to-left, it is drawn first in its cluster,
        # which WeasyPrint gives it whole, and the letters it leaves go to the glyphs after it.
        if glyph in self.certain and glyph not in self.marks:
            self.rest = ""  # WeasyPrint skips this glyph: the cluster's chain is broken
            return True
        return False

    def __setitem__(self, glyph: int, text: str) -> None:
        # WeasyPrint gives a cluster's text to its first glyph and "" to the others: a mark
        # drawn first takes its marks, and the letters are left for the glyph after it.
        text = text or self.rest
        value, certain = decide(text, self.own.get(glyph, frozenset()), glyph in self.marks)
        self.rest = _without(text, value)
        if glyph in self.certain:
            return
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
    inside = [c for c in own if c and unicodedata.normalize("NFD", c) in decomposed]
    if mark and not inside:  # a mark glyph stands for the marks of its cluster, never for
        # its letters (its own mark when the cluster holds it: a shadda beside a fatha)
        return "".join(c for c in decomposed if unicodedata.combining(c)), bool(decomposed)
    if inside:
        return max(inside, key=len), True
    if len(text) == 1 and unicodedata.mirrored(text) and any(
            len(c) == 1 and unicodedata.mirrored(c) for c in own):
        # The mirrored glyph right-to-left text draws for "»" or "(": the text it stands
        # for there, until a left-to-right use of its own character says otherwise.
        return text, False
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
# ``set_text_rise(0)`` (weasyprint/draw/text.py): its one glyph, with its horizontal offset; the
# glyphs after it follow in the next ``show_text``, from the pen position the mark left.
_MOVED_GLYPH = re.compile(r"(?P<offset>-?[0-9.]+(?:e-?[0-9]+)?)?<(?P<glyph>[0-9a-f]{4})>")
_LEAD = re.compile(r"(?:<>|-?[0-9.]+(?:e-?[0-9]+)?)*")  # what comes before a string's first glyph
_NUMBER = re.compile(r"-?[0-9.]+(?:e-?[0-9]+)?")
_STEP = 1  # thousandths of an em: where poppler reads a mark, just before its base glyph
_GAP = 90  # thousandths of an em: poppler starts a new word after a gap of 0.1 em
_TOKEN = re.compile(r"<[0-9a-f]*>|-?[0-9.]+(?:e-?[0-9]+)?")


def _tokens(text: str) -> list[str]:
    """A TJ string's parts: one glyph each (4 hex digits) or a move, "<>" kept."""
    found = []
    for token in _TOKEN.findall(text):
        if token.startswith("<") and len(token) > 6:
            found += [f"<{token[i:i + 4]}>" for i in range(1, len(token) - 1, 4)]
        else:
            found.append(token)
    return found


def _gaps(tokens: list[str]):
    """(index, glyph, gap after it in thousandths of an em, next glyph) for each glyph of
    ``tokens`` followed by another one."""
    last = None
    moves = 0.0
    for index, token in enumerate(tokens):
        if token == "<>":
            continue
        if token.startswith("<"):
            glyph = int(token[1:-1], 16)
            if last is not None:
                yield last[0], last[1], -moves, glyph
            last, moves = (index, glyph), 0.0
        else:
            moves += float(token)
_HAIR = 0.01  # thousandths of an em: the width of the span, so that it never ends before it starts


class _PendingMark:
    """A mark span already written, whose place is set once the next glyph's pen is known.

    Positions are thousandths of an em from the pen where the mark was drawn (rightwards)."""

    def __init__(self, first: int, blank: str, text: str, after: float):
        self.first = first  # the stream's item for the first blank glyph (then Ts, mark, Ts, blank)
        self.blank, self.text, self.after = blank, text, after
        self.lead = 0.0  # the moves written since, before the next glyph

    def place(self, stream, target: float) -> None:
        """The blank glyphs at ``target`` and a hair after it, on the baseline: the span's
        text is read there (a span that ends before it starts would be read reversed, and
        moved by the rise its last glyph was drawn with)."""
        stream.stream[self.first] = f"[{-target:g}{self.blank}{target:g}] TJ".encode()
        stream.stream[self.first + 2] = f"[{self.text}] TJ".encode()
        back = self.after - target - _HAIR
        stream.stream[self.first + 4] = f"[{back:g}{self.blank}{-back:g}] TJ".encode()


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
    outline, no advance, no text) drawn once before the mark and once after it, both 0.001 em
    before the start of the glyph drawn next (its base), where poppler keeps the mark inside
    the word and in its order. The mark itself is drawn exactly as WeasyPrint drew it (same
    rise, same offset, same pen position after it), so the page does not change; readers
    without ActualText support (pypdf) read the mark's own text from the font's map, as
    before, and nothing for the blank glyphs.
    """
    from weasyprint.pdf.stream import Stream

    set_text_rise, show_text = Stream.set_text_rise, Stream.show_text

    def font_of(stream):
        key = stream._current_font and stream._current_font[0]
        for font in stream._fonts.values():
            if font.hash == key:
                return font
        return None

    def pending(stream):
        """The mark waiting for the next glyph, if nothing else was written since."""
        mark = getattr(stream, "_mark_pending", None)
        if mark and len(stream.stream) != stream._mark_length:
            mark = stream._mark_pending = None
        return mark

    def rise(self, height):
        if getattr(self, "_mark_drawn", False) and not height:
            self._mark_drawn = False  # the span set the rise back already
            self._mark_length = len(self.stream)
        elif height:
            self._mark_rise = height  # drawn with the glyph that follows
        else:
            set_text_rise(self, height)

    def show(self, text):
        height, self._mark_rise = getattr(self, "_mark_rise", 0), 0
        mark = pending(self)
        if mark and isinstance(text, str):
            lead = _LEAD.match(text).group()
            # A risen glyph's own offset is not a move of the pen: its pen is where it starts.
            moves = lead if not height else ""
            mark.lead += sum(float(n) for n in _NUMBER.findall(moves))
            if len(lead) < len(text) or height:
                mark.place(self, min(0.0, mark.after - mark.lead) - _STEP)
                self._mark_pending = None
        if height:
            span(self, text, height)
        else:
            bridged(self, text)
            if getattr(self, "_mark_pending", None):
                self._mark_length = len(self.stream)

    def bridged(self, text):
        """``text`` shown with each glyph that a gap of the font's kerning parts from the
        next glyph of its word given its text up to that glyph."""
        font = font_of(self)
        mapping = getattr(font, "to_unicode", None)
        if not isinstance(text, str) or not isinstance(mapping, GlyphText) or (
                mapping.blank is None):
            return show_text(self, text)
        tokens = _tokens(text)
        start = 0
        for index, glyph, gap, follower in _gaps(tokens):
            value = mapping.get(glyph, "")
            if (gap < _GAP or len(value) != 1 or value.isspace() or glyph not in mapping.certain
                    or not mapping.get(follower, "").strip()):
                continue
            font.widths[mapping.blank] = 0
            if index > start:
                show_text(self, "".join(tokens[start:index]))
            end = index + 1
            while tokens[end][0] != "<" or tokens[end] == "<>":
                end += 1  # the moves up to the next glyph
            self.stream.append(f"/Span <</ActualText <feff{ord(value):04x}>>> BDC".encode())
            show_text(self, "".join(tokens[index:end]) + f"<{mapping.blank:04x}>")
            self.stream.append(b"EMC")
            start = end
        if start < len(tokens):
            show_text(self, "".join(tokens[start:]))

    def span(self, text, height):
        moved = _MOVED_GLYPH.fullmatch(text if isinstance(text, str) else "")
        font = font_of(self)
        mapping = getattr(font, "to_unicode", None)
        glyph = moved and int(moved["glyph"], 16)
        if (not moved or not isinstance(mapping, GlyphText) or mapping.blank is None
                or glyph not in mapping.marks):
            set_text_rise(self, height)
            show_text(self, text)
            return
        font.widths[mapping.blank] = 0
        actual = "".join(f"{ord(c):04x}" if ord(c) < 0x10000 else
                         c.encode("utf-16-be").hex() for c in mapping.get(glyph, ""))
        self.stream.append(f"/Span <</ActualText <feff{actual}>>> BDC".encode())
        # The pen after the mark, from where it was drawn.
        after = -float(moved["offset"] or 0) + mapping.advances.get(glyph, 0)
        mark = _PendingMark(len(self.stream), f"<{mapping.blank:04x}>", text, after)
        self.stream.append(b"")  # the first blank glyph
        set_text_rise(self, height)
        self.stream.append(b"")  # the mark
        set_text_rise(self, 0)
        self.stream.append(b"")  # the second blank glyph
        self.stream.append(b"EMC")
        mark.place(self, -_STEP)  # until the next glyph is known
        self._mark_drawn = True
        self._mark_pending = mark
        self._mark_length = len(self.stream)

    Stream.set_text_rise = rise
    Stream.show_text = show
