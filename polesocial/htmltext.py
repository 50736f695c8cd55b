"""Changing the text of an HTML fragment, and nothing else, knowing each text's language.

The bidi isolation and the French typography work on the running text of a page or a book: the
markup, attributes, entities and code are left exactly as they are. Each text is handed over
with its context: the language and direction of the nearest element that sets them (``lang``,
``dir``), and the text that came before it in the same block (a label ending with a colon, whose
value follows in another element).
"""

from __future__ import annotations

from typing import Callable, NamedTuple

from . import htmlreader, languages

# Elements whose text is not running prose.
SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Elements that end a run of text: the text before them is not "before" the text after them.
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "nav",
          "ul", "ol", "table", "tr", "main", "body", "dt", "dd", "blockquote", "br"}


class Context(NamedTuple):  # a tuple: made for every text of every page
    lang: str  # the language of the text (fr, ar)
    direction: str  # ltr or rtl
    before: str  # the text before, in the same block


_context = tuple.__new__  # a NamedTuple's own constructor is Python code


class _Walker:
    """html.parser's events (polesocial.htmlreader) written out again, the texts changed."""

    def __init__(self, lang: str, change: Callable[[str, Context], str]):
        self.change = change
        self.out: list[str] = []
        root = languages.BY_CODE.get(lang, languages.DEFAULT)
        self.stack: list[tuple[str, str, str, bool]] = [("", root.code, root.direction, False)]
        self.before = ""

    def handle_starttag(self, tag, attrs, raw):
        self.out.append(raw)
        if tag in BLOCKS:
            self.before = ""
        if tag in VOID:
            return
        _, lang, direction, skip = self.stack[-1]
        values = dict(attrs)
        code = (values.get("lang") or "").split("-")[0].lower()
        if code in languages.BY_CODE:
            lang, direction = code, languages.get(code).direction
        if values.get("dir") in ("ltr", "rtl"):
            direction = values["dir"]
        self.stack.append((tag, lang, direction, skip or tag in SKIP))

    def handle_startendtag(self, tag, attrs, raw):
        self.out.append(raw)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in BLOCKS:
            self.before = ""
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        _, lang, direction, skip = self.stack[-1]
        if skip:
            self.out.append(data)
            return
        layout = data[0] == "\n" and data.isspace()  # the blanks between two tags
        self.out.append(data if layout else
                        self.change(data, _context(Context, (lang, direction, self.before))))
        self.before = (self.before + data)[-80:]

    def handle_entityref(self, name):
        self.out.append(f"&{name};")
        self.before += "&"

    def handle_charref(self, name):
        self.out.append(f"&#{name};")
        self.before += "&"

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def map_text(html: str, lang: str, change: Callable[[str, Context], str]) -> str:
    """``html`` with every text outside code replaced by ``change(text, context)``. The layout
    between tags (a line break, and blanks after it), half the texts of a page, is no text to
    change: it is kept as it is, without a call."""
    walker = _Walker(lang, change)
    htmlreader.parse(html, walker)
    return "".join(walker.out)
