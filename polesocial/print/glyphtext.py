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
cluster contains (a mark glyph its own mark: the shadda beside a kasra), a mark glyph with no
character of its own the marks of its cluster, and a ligature part with no character of its own
the cluster's text (as before). Right to left, HarfBuzz mirrors "»" and "(" into the glyphs of
"«" and ")": such a glyph gets the character it stands for there (a separator either way),
until a left-to-right use of its own character says otherwise.

Glyphs the cmap does not map (contextual forms, ligatures) get their characters from their
names, which Scheherazade New writes as the Adobe Glyph List specifies ("uni06440627.fina" is
lam and alef): fontTools.agl reads them. WeasyPrint gives a cluster's text to its first glyph
only; when that glyph is a mark (the hamza drawn before the lam-alef of "الإجراء"), the letters
it leaves go to the next glyph of the cluster, and a mark is asked each time it is drawn (a
tanwin already known left "ومعزولًا" without its lam-alef).

The lam-alef ligature is one glyph for two letters. Poppler (pdftotext, the viewers built on
it) lays the two letters of such a glyph out from left to right inside it and then reverses the
right-to-left line: "لا" came back "ال" and "الاجتماعي" read "االجتماعي". A ligature glyph
whose letters have an Arabic presentation form (U+FEFB ARABIC LIGATURE LAM WITH ALEF…) maps to
that one character: no tool can reorder it, and its compatibility decomposition (NFKC, which
search in viewers applies) is the two letters.

A right map is not enough for poppler, which cuts words where glyphs are drawn off the
baseline or apart: ``install_actual_text`` gives it the marks and the kerning gaps through
ActualText spans, the page drawn exactly as before.

This replaces the ``to_unicode`` mapping WeasyPrint creates for each font and wraps how it
writes glyphs, so it is tied to the pinned version (pinned.py); both patches refuse another
one, and tests/test_print.py checks every word of every Arabic PDF.
"""

from __future__ import annotations

import hashlib
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


_OWN: dict[bytes, tuple] = {}  # font file digest -> own_characters(): a render worker prints
# many documents with the same few fonts (30 ms for the Arabic face each time otherwise)


def own_characters(font_data: bytes):
    """(glyph id -> the characters the font's cmap maps to it (NFKC), ids of mark glyphs,
    glyph id -> the presentation form of a ligature glyph, mark glyph -> its advance in
    thousandths of an em, a blank glyph or None)."""
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


# How WeasyPrint 70 writes text (weasyprint/draw/text.py): each run's glyphs as one TJ string of
# glyphs (4 hex digits each) and moves (thousandths of an em, leftwards); a glyph that the font's
# positioning (GPOS) moves up or down as ``show_text(before)``, ``set_text_rise(-rise)``,
# ``show_text("<offset><glyph>")``, ``set_text_rise(0)``, the glyphs after it following in the
# next ``show_text`` from the pen position it left.
_NUMBER = r"-?[0-9.]+(?:e-?[0-9]+)?"
_MOVED_GLYPH = re.compile(rf"(?P<offset>{_NUMBER})?<(?P<glyph>[0-9a-f]{{4}})>")
_LEAD = re.compile(rf"(?:<>|{_NUMBER})*")  # what comes before a string's first glyph
_TOKEN = re.compile(rf"<[0-9a-f]*>|{_NUMBER}")
_STEP = 1  # thousandths of an em: where poppler reads a mark, before the glyph drawn next
_HAIR = 0.01  # thousandths of an em: a mark's span ends after it starts
_GAP = 90  # thousandths of an em: poppler starts a new word after a gap of 0.1 em


def _text_string(text: str) -> str:
    """``text`` as a PDF text string (UTF-16BE with its byte order mark), in hex."""
    return "<feff" + text.encode("utf-16-be").hex() + ">"


def _tokens(text: str) -> list[str]:
    """A TJ string's parts: one glyph each, a move, or "<>"."""
    found = []
    for token in re.findall(_TOKEN, text):
        if token.startswith("<") and len(token) > 6:
            found += [f"<{token[i:i + 4]}>" for i in range(1, len(token) - 1, 4)]
        else:
            found.append(token)
    return found


def _gaps(tokens: list[str]):
    """(index, glyph, the gap after it in thousandths of an em, index of the next glyph,
    next glyph) for each glyph of ``tokens`` that another one follows."""
    last = None
    moves = 0.0
    for index, token in enumerate(tokens):
        if token == "<>":
            continue
        if token.startswith("<"):
            glyph = int(token[1:-1], 16)
            if last is not None:
                yield last[0], last[1], -moves, index, glyph
            last, moves = (index, glyph), 0.0
        else:
            moves += float(token)


class _PendingMark:
    """A mark's span already written, placed once the pen of the glyph drawn next is known.

    Positions are in thousandths of an em, rightwards from the pen the mark was drawn at."""

    def __init__(self, first: int, blank: str, mark: str, after: float):
        self.first = first  # the stream's item of the first blank glyph (then Ts, mark, Ts, blank)
        self.blank, self.mark, self.after = blank, mark, after
        self.lead = 0.0  # the moves written since, before the next glyph

    def place(self, stream, target: float) -> None:
        """Both blank glyphs at ``target`` (the second a hair after it), on the baseline: the
        span's text is read there. A span that ended before it starts would be read
        reversed and moved by the rise of its last glyph."""
        stream.stream[self.first] = f"[{-target:g}{self.blank}{target:g}] TJ".encode()
        stream.stream[self.first + 2] = f"[{self.mark}] TJ".encode()
        back = self.after - target - _HAIR
        stream.stream[self.first + 4] = f"[{back:g}{self.blank}{-back:g}] TJ".encode()


@weasyprint_patch("how draw/text.py writes glyphs, their offsets and their rise")
def install_actual_text() -> None:
    """Marks and kerning gaps given to poppler through ActualText spans, the page unchanged.

    Poppler (pdftotext, the viewers built on it) starts a new word at a glyph drawn more than
    0.5 pt off the baseline, at a glyph a tenth of an em after the previous one, and where a
    glyph ends a few tenths of a point before the next: the hamza under an alef (0.05 em low)
    and the madda over it, the hamza of lam-alef (0.16 em to the right) split "الإجراء" into
    "الإ جراء"; a tanwin 0.13 em high went to a line of its own; the font's kerning opens
    0.11 em between و and إ, and "وإصدار" came back "و إصدار".

    An ActualText span (PDF 32000-1, 14.9.4) gives its text the place of its first glyph to the
    end of its last one. A mark drawn with a rise is put in a span between two blank glyphs (no
    outline, no advance, no text) on the baseline, 0.001 em before the start of the glyph drawn
    next (its base, right to left), where poppler keeps the mark inside its word and in its
    order. A glyph that kerning parts from the next glyph of its word is put in a span with a
    blank glyph where that next glyph starts: its text reaches it. The glyphs are drawn exactly
    where WeasyPrint drew them, with the same rise and the same pen after them, so the page does
    not change; readers without ActualText (pypdf) read each glyph's own text from the font's
    map, as before, and nothing for the blank glyphs.
    """
    from weasyprint.pdf.stream import Stream

    set_text_rise, show_text = Stream.set_text_rise, Stream.show_text

    def mapping_of(stream):
        """(the current font, its GlyphText), or (font, None) where the spans do not apply."""
        key = stream._current_font and stream._current_font[0]
        font = next((f for f in stream._fonts.values() if f.hash == key), None)
        mapping = getattr(font, "to_unicode", None)
        if (font is None or font.bitmap or not isinstance(mapping, GlyphText)
                or mapping.blank is None):
            return font, None
        font.widths[mapping.blank] = 0
        return font, mapping

    def pending(stream):
        """The mark waiting for the next glyph, if nothing else was written since."""
        mark = getattr(stream, "_mark_pending", None)
        if mark and len(stream.stream) != stream._mark_length:
            mark = stream._mark_pending = None
        return mark

    def rise(self, height):
        if height:
            self._mark_rise = height  # written with the glyph that follows
        elif getattr(self, "_mark_drawn", False):
            self._mark_drawn = False  # the mark's span set the rise back already
        else:
            set_text_rise(self, height)

    def show(self, text):
        height, self._mark_rise = getattr(self, "_mark_rise", 0), 0
        mark = pending(self)
        if mark and isinstance(text, str):
            lead = _LEAD.match(text).group()
            if not height:  # a risen glyph's offset moves the glyph, not its pen
                mark.lead += sum(float(n) for n in re.findall(_NUMBER, lead))
            if len(lead) < len(text) or height:
                mark.place(self, min(0.0, mark.after - mark.lead) - _STEP)
                self._mark_pending = None
        if height:
            risen(self, text, height)
        else:
            bridged(self, text)
            if getattr(self, "_mark_pending", None):
                self._mark_length = len(self.stream)

    def bridged(self, text):
        """``text``, each glyph parted by kerning from the next glyph of its word in a span
        that reaches that glyph."""
        font, mapping = mapping_of(self)
        tokens = _tokens(text) if mapping and isinstance(text, str) else []
        bridges = [(index, following) for index, glyph, gap, following, next_glyph
                   in _gaps(tokens)
                   if gap >= _GAP and glyph in mapping.certain and len(mapping[glyph]) == 1
                   and not mapping[glyph].isspace() and mapping.get(next_glyph, "").strip()]
        if not bridges:
            return show_text(self, text)
        start = 0
        for index, following in bridges:
            if index > start:
                show_text(self, "".join(tokens[start:index]))
            glyph = int(tokens[index][1:-1], 16)
            self.stream.append(f"/Span <</ActualText {_text_string(mapping[glyph])}>> BDC"
                               .encode())
            show_text(self, "".join(tokens[index:following]) + f"<{mapping.blank:04x}>")
            self.stream.append(b"EMC")
            start = following
        show_text(self, "".join(tokens[start:]))

    def risen(self, text, height):
        """A glyph drawn with a rise: a mark in its span, anything else as WeasyPrint wrote it."""
        moved = _MOVED_GLYPH.fullmatch(text) if isinstance(text, str) else None
        font, mapping = mapping_of(self) if moved else (None, None)
        glyph = moved and int(moved["glyph"], 16)
        if not mapping or glyph not in mapping.marks:
            set_text_rise(self, height)
            return show_text(self, text)
        self.stream.append(f"/Span <</ActualText {_text_string(mapping.get(glyph, ''))}>> BDC"
                           .encode())
        after = -float(moved["offset"] or 0) + mapping.advances.get(glyph, 0)  # the pen after it
        mark = _PendingMark(len(self.stream), f"<{mapping.blank:04x}>", text, after)
        self.stream.append(b"")  # the first blank glyph, written by mark.place
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
