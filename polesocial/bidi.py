"""Keeping foreign-script runs in order: Latin and numbers inside Arabic, Arabic inside French.

One rule, in both directions: a run written in the other direction is isolated as one unit.

- Inside right-to-left text, the Unicode bidi algorithm turns digits after Arabic letters into
  "Arabic numbers", and a hyphen, slash, colon or space between two of them no longer holds them
  together: ``2012-2016`` shows as ``2016-2012``, ``14-05`` as ``05-14``. A Latin phrase is cut
  into pieces the line reorders: "Stratégie 4+4 (2012-2016)" read "(2012-2016) Stratégie 4+4".
  Each left-to-right run (Latin words, digits and what joins them, parentheses included) is
  isolated as one left-to-right unit.
- Inside left-to-right text, an Arabic phrase is isolated as one right-to-left unit, and the
  numbers inside it are isolated in their turn (the Arabic rule applies within it): the Arabic
  name of the Ikram plan keeps "2012-2016" in order inside a French page.

In HTML the isolation is ``<bdi dir="ltr">`` / ``<bdi dir="rtl" lang="ar">``; in plain text
(titles, PDF metadata) and for the PDF renderer, which ignores CSS ``unicode-bidi``, the LRI/RLI …
PDI characters. A dot between digits (``14.05``, the Arabic convention for law numbers) is safe,
but isolating it too costs nothing and keeps one rule.
"""

from __future__ import annotations

import re

from . import htmltext

# A Latin or number token: letters (French accents included) and digits joined by - – / . : +
# ' ’ & %, with an optional opening or closing parenthesis: 2012-2016, 14-05, A1.2.3, 4+4,
# (2012-2016). A left-to-right run is such tokens separated by single spaces.
_L = r"[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]"
_TOKEN = rf"\(?{_L}+(?:[-–/.:+'’&%]{_L}+)*\)?"
_LTR_RUN = re.compile(rf"(?<!{_L}){_TOKEN}(?: {_TOKEN})*(?!{_L})")

# An Arabic run: Arabic words, and the numbers, quotation marks and parentheses between them or
# after them, separated by spaces or Arabic punctuation: الخطة الحكومية للمساواة «إكرام» … 2012-2016.
_A = r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
_AWORD = rf"[«(]?{_A}+(?:[-.]{_A}+)*[»)]?[،؛؟.!:]?"
_NUMBER = r"\(?[0-9]+(?:[-–/.:+][0-9]+)*\)?"
_RTL_RUN = re.compile(rf"{_AWORD}(?:[ \u00a0](?:{_AWORD}|{_NUMBER}))*")

LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"


def _balanced(run: str) -> tuple[str, str, str]:
    """(before, run, after): a parenthesis at either end that the run does not close or open
    belongs to the text around it."""
    before = after = ""
    if run.endswith(")") and run.count(")") > run.count("("):
        run, after = run[:-1], ")"
    if run.startswith("(") and run.count("(") > run.count(")"):
        run, before = run[1:], "("
    return before, run, after


def _needs_isolation(run: str) -> bool:
    """Digits joined to anything, several Latin words, or a parenthesis: any of these can be
    reordered by the right-to-left paragraph. A single Latin word (PDF) is safe as it is."""
    return any(c.isdigit() for c in run) or " " in run or "(" in run


def _isolate_ltr_runs(text: str, controls: bool) -> str:
    def wrap(match: re.Match) -> str:
        before, run, after = _balanced(match.group(0))
        if not _needs_isolation(run):
            return match.group(0)
        inner = f"{LRI}{run}{PDI}" if controls else f'<bdi dir="ltr">{run}</bdi>'
        return before + inner + after
    return _LTR_RUN.sub(wrap, text)


def _isolate_rtl_runs(text: str, controls: bool) -> str:
    def wrap(match: re.Match) -> str:
        run = match.group(0)
        trail = ""
        while run and run[-1] in " \u00a0.:!":  # sentence punctuation of the French text
            run, trail = run[:-1], run[-1] + trail
        before, run, after = _balanced(run)
        if not run:
            return match.group(0)
        inner = _isolate_ltr_runs(run, controls)
        inner = f"{RLI}{inner}{PDI}" if controls else f'<bdi dir="rtl" lang="ar">{inner}</bdi>'
        return before + inner + after + trail
    return _RTL_RUN.sub(wrap, text)


def isolate_text(text: str, direction: str, controls: bool) -> str:
    """One run of text whose surrounding direction is ``direction``: the runs of the other
    direction isolated. ``controls``: with LRI/RLI…PDI characters instead of <bdi> elements
    (then ``text`` is plain text, not HTML)."""
    if direction == "rtl":
        return _isolate_ltr_runs(text, controls)
    return _isolate_rtl_runs(text, controls)


def isolate_plain(text: str, direction: str = "rtl") -> str:
    """Plain text (a <title>, PDF metadata): wrap each foreign run in LRI/RLI … PDI."""
    return isolate_text(text, direction, controls=True)


def isolate_html(html: str, controls: bool = False, lang: str = "ar") -> str:
    """An HTML fragment in ``lang``, with its foreign-script runs isolated.

    Text inside code and inside tags and attributes is left as it is; inside an element that
    sets its own ``dir`` or ``lang``, the rule of that direction applies. ``controls``: isolate
    with the LRI/RLI/PDI characters instead of <bdi> elements (for the PDF renderer, which
    applies the Unicode algorithm to the text but ignores CSS unicode-bidi).
    """
    return htmltext.map_text(html, lang, lambda text, context: isolate_text(
        text, context.direction, controls))
