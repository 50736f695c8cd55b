"""Reading HTML fast, with exactly the events Python's html.parser gives.

The typography, the bidi isolation and the search index read every page the build writes, and
html.parser, written in Python a character test at a time, was a tenth of the build. The HTML
they read is the Markdown converter's and the templates': regular tags with quoted attributes,
entities, comments. ``parse`` reads such HTML with one regular expression and hands the handler
the same calls, in the same order and with the same arguments, that ``HTMLParser.feed`` then
``close`` would make; at the first construct outside that regular form (a bare "<", an
unquoted value that runs into "/", an unfinished tag or entity, a processing instruction), it
hands the whole text to html.parser itself instead. Either way the handler sees html.parser's
reading: this module is a faster road to the same answer, never a second opinion. The sanitiser's
verification of finished pages (polesocial/sanitiser.py) keeps html.parser itself.

A handler has the methods an HTMLParser subclass would (``handle_data``, ``handle_endtag``…),
except that ``handle_starttag`` and ``handle_startendtag`` take a third argument, the tag as
written (html.parser's ``get_starttag_text()``); a method it lacks is not called (html.parser's
default ``handle_startendtag`` calls the other two: a handler that wants that says so).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_ATTRIBUTE = (r"\s+[^\s/>\"'=][^\s/=>]*"
              r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`/]+(?=[\s>])))?")
_TOKEN = re.compile(
    r"(?P<text>[^<&]+)"
    r"|<(?P<start>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:" + _ATTRIBUTE + r")*)"
    r"\s*(?P<close>/?)>"
    r"|</\s*(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>"
    r"|&\#(?P<charref>[0-9]+|[xX][0-9a-fA-F]+)(?:;|(?=[^0-9a-fA-F]))"
    r"|&(?P<entity>[a-zA-Z][-.a-zA-Z0-9]*)(?:;|(?=[^a-zA-Z0-9]))"
    r"|(?P<amp>&)(?![a-zA-Z#])(?=.)"
    r"|<!--(?P<comment>.*?)--\s*>"
    r"|<!(?P<decl>[dD][oO][cC][tT][yY][pP][eE][^>]*)>",
    re.S)
# One attribute of a tag _TOKEN matched: (name, value as written or None).
_ATTRIBUTE_PARTS = re.compile(r"\s+([^\s/>\"'=][^\s/=>]*)"
                              r"(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`/]+))?")
_RAW_TEXT = ("script", "style")  # html.parser's CDATA_CONTENT_ELEMENTS
_RAW_END = {tag: re.compile(r"</\s*%s\s*>" % tag, re.I) for tag in _RAW_TEXT}


def _events(html: str, convert_charrefs: bool) -> list[tuple] | None:
    """html.parser's calls for ``html`` as (method name, arguments...), or None at the first
    construct this reader leaves to html.parser."""
    events: list[tuple] = []
    add = events.append
    position, length = 0, len(html)
    match_at = _TOKEN.match
    pending = None  # convert_charrefs: the text up to the next tag, entities included
    while position < length:
        match = match_at(html, position)
        if match is None:
            return None
        position = match.end()
        kind = match.lastgroup
        if kind == "text" or (convert_charrefs and kind in ("charref", "entity", "amp")):
            if convert_charrefs:
                pending = match.group() if pending is None else pending + match.group()
            else:
                add(("handle_data", match.group()))
            continue
        if pending is not None:  # html.parser converts the whole text before a tag at once
            add(("handle_data", unescape(pending) if "&" in pending else pending))
            pending = None
        if kind == "close":  # the last group of a start tag
            tag = match.group("start").lower()
            attrs = []
            for name, value in _ATTRIBUTE_PARTS.findall(match.group("attrs")):
                if not value:  # no value (a quoted empty one is '""')
                    attrs.append((name.lower(), None))
                    continue
                if value[0] in "\"'":
                    value = value[1:-1]
                attrs.append((name.lower(), unescape(value) if "&" in value else value))
            if match.group("close"):
                add(("handle_startendtag", tag, attrs, match.group()))
                continue
            add(("handle_starttag", tag, attrs, match.group()))
            if tag in _RAW_TEXT:  # its text is read as it is, up to its end tag
                end = _RAW_END[tag].search(html, position)
                if end is None:
                    return None
                if end.start() > position:
                    add(("handle_data", html[position:end.start()]))
                add(("handle_endtag", tag))
                position = end.end()
        elif kind == "end":
            add(("handle_endtag", match.group("end").lower()))
        elif kind == "charref":
            add(("handle_charref", match.group("charref")))
        elif kind == "entity":
            add(("handle_entityref", match.group("entity")))
        elif kind == "amp":
            add(("handle_data", "&"))
        elif kind == "comment":
            add(("handle_comment", match.group("comment")))
        else:
            add(("handle_decl", match.group("decl")))
    if pending is not None:
        add(("handle_data", unescape(pending) if "&" in pending else pending))
    return events


class _Recorder(HTMLParser):
    """html.parser itself, its calls recorded as _events gives them."""

    def __init__(self, convert_charrefs: bool):
        super().__init__(convert_charrefs=convert_charrefs)
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("handle_starttag", tag, attrs, self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("handle_startendtag", tag, attrs, self.get_starttag_text()))


def _recording(name: str):
    return lambda self, *args: self.events.append((name, *args))


for _name in ("handle_endtag", "handle_data", "handle_entityref", "handle_charref",
              "handle_comment", "handle_decl", "handle_pi", "unknown_decl"):
    setattr(_Recorder, _name, _recording(_name))


def parser_events(html: str, convert_charrefs: bool = False) -> list[tuple]:
    """html.parser's own calls for ``html`` fed whole and closed (what _events must equal)."""
    recorder = _Recorder(convert_charrefs)
    recorder.feed(html)
    recorder.close()
    return recorder.events


def parse(html: str, handler, convert_charrefs: bool = False) -> None:
    """Hand ``handler`` the calls ``HTMLParser(convert_charrefs=...)`` makes for ``html`` fed
    whole and closed."""
    events = _events(html, convert_charrefs)
    if events is None:
        events = parser_events(html, convert_charrefs)
    methods: dict = {}
    for event in events:
        name = event[0]
        try:
            method = methods[name]
        except KeyError:
            method = methods[name] = getattr(handler, name, None)
        if method is not None:
            method(*event[1:])
