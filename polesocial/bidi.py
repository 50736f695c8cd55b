"""Keeping numbers and Latin runs in order inside right-to-left text.

After Arabic letters the Unicode bidi algorithm turns digits into "Arabic numbers", and a hyphen,
slash, colon or space between two of them no longer holds them together: ``2012-2016`` shows as
``2016-2012``, ``14-05`` as ``05-14``, dates and phone numbers come out reversed. Such runs are
isolated as left-to-right: ``<bdi dir="ltr">`` in HTML, LRI…PDI in plain text (titles, PDF
metadata). A dot between digits (``14.05``, the Arabic convention for law numbers) is safe, but
isolating it too costs nothing and keeps one rule.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Runs of Latin letters (French accents included) and digits joined by - – / . : + or single
# spaces: 2012-2016, 14-05, A1.2.3, 2026-11-29, 05 22 00 00, CC BY 4.0, Noto Naskh Arabic.
_WORD = r"[A-Za-z0-9\u00C0-\u00FF\u0152\u0153]"
_RUN = re.compile(
    rf"(?<!{_WORD}){_WORD}+(?:(?:[-–/.:+]| (?={_WORD})){_WORD}+)+(?!{_WORD})")

LRI, PDI = "\u2066", "\u2069"

# Elements whose text is not running prose, or that already set their own direction.
_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "bdi", "bdo", "svg", "math", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


def _needs_isolation(run: str) -> bool:
    """Digits joined by anything, or several Latin words: either can be reordered by the
    right-to-left paragraph. A single Latin word (PDF) is safe as it is."""
    return any(c.isdigit() for c in run) or " " in run


def isolate_plain(text: str) -> str:
    """Plain text (a <title>, PDF metadata): wrap each run in LRI … PDI."""
    return _RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}" if _needs_isolation(m.group(0))
                    else m.group(0), text)


def _isolate_html_text(text: str, controls: bool = False) -> str:
    before, after = (LRI, PDI) if controls else ('<bdi dir="ltr">', "</bdi>")
    return _RUN.sub(lambda m: f"{before}{m.group(0)}{after}"
                    if _needs_isolation(m.group(0)) else m.group(0), text)


class _Isolator(HTMLParser):
    def __init__(self, controls: bool):
        super().__init__(convert_charrefs=False)
        self.controls = controls
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in _VOID:
            return
        names = {name for name, _ in attrs}
        skip = self.skipping or tag in _SKIP or "dir" in names or "lang" in names
        self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.out.append(data if self.skipping else _isolate_html_text(data, self.controls))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def isolate_html(html: str, controls: bool = False) -> str:
    """An HTML fragment of right-to-left prose, with its number runs isolated as LTR.

    Text inside code, inside elements that set their own ``dir`` or ``lang``, and inside tags and
    attributes is left as it is. ``controls``: isolate with the LRI/PDI characters instead of
    <bdi> elements (for the PDF renderer, which applies the Unicode algorithm to the text but
    ignores CSS unicode-bidi).
    """
    parser = _Isolator(controls)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
