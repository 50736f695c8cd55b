"""Search per language: the index of each language, made from the built pages, and the search
worker that reads it (search_worker.js).

Each language has its own index (``search/search_index.json``, ``ar/search/search_index.json``),
downloaded on the reader's first search. It holds, for every page, its title and summary, then
one entry per section (heading and text), as plain text. What is not the page's own content is
left out, so that it neither ranks a page nor fills its snippet: the draft and translation
notices, the download box, the line of facts (kind, version, date), the counts, the tags of the
strategy's actions, the print-kit lists, the notice of a page shown in another language.
Listing pages (the strategy's indexes by public and by actor, the guides' and the campaigns'
indexes, the translation status), whose text repeats pages indexed elsewhere, are indexed by
their title, summary and headings only.

The theme's search (lunr, 40 KB of code and 30 KB of language files) is replaced by our own
worker, which speaks the theme's worker protocol: Material's interface shows its results.
"""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
import re
from importlib.resources import files

from .. import htmlreader, languages
from ..memo import Memo

INDEX = "search/search_index.json"
TEXT = "search/search_text.json"
WORKER_FOLDER = "assets/javascripts/workers"
# Classes of what is not a page's own content (see the module's docstring).
BOILERPLATE = frozenset({"ps-notice", "ps-download", "ps-counts", "ps-lead", "ps-tags", "ps-kit",
                         "ps-fallback-notice", "ps-offline", "headerlink"})

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def configure_search(document: str, lang: str) -> str:
    """Point the theme's search at the index of the page's language (the theme fetches
    <base>/search/search_index.json, so an Arabic page gets base <site>/ar) and at our worker."""
    prefix = languages.get(lang).prefix.rstrip("/")

    def configure(match: re.Match) -> str:
        config = json.loads(match.group(2))
        if prefix:  # a trailing slash: the theme resolves search/… against it
            config["base"] = f"{config['base'].rstrip('/')}/{prefix}/"
        folder = config["search"].rpartition("/")[0]
        config["search"] = f"{folder}/{search_worker()[0]}"
        return match.group(1) + json.dumps(config, ensure_ascii=False) + match.group(3)

    return _CONFIG.sub(configure, document, count=1)


@functools.cache  # the package's own file: every page names it
def search_worker() -> tuple[str, str]:
    """(file name, code) of the search worker. The name carries a hash of the code, as the
    theme's files do, so that it can be cached for a year."""
    code = files(__package__).joinpath("search_worker.js").read_text(encoding="utf-8")
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return f"search-polesocial.{digest}.js", code


# How the search splits text into words, for the pages and for the reader's query alike (the
# worker reads "separator" from the index). Both split at spaces, hyphens and punctuation, but
# not at dots: "14.05" stays one word (a dot at the end of a word is dropped by the worker).
_PUNCTUATION = r'[\s\-«»"“”()\[\],;:!?،؛؟]'
SEPARATORS = {
    # French elides articles and pronouns with an apostrophe: the separator swallows them at
    # the start of a word ("l’égalité" and "égalité" are the same word), and any other
    # apostrophe separates ("aujourd’hui").
    "fr": r"(?:^|" + _PUNCTUATION + r"+)(?:(?:[cdjlmnstCDJLMNST]|[qQ][uU])[’'])?|[’']",
    # Arabic: the article is set apart by the search worker, not here.
    "ar": _PUNCTUATION + "+",
}

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "object", "template", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_BLOCKS = _HEADINGS | {"p", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
                       "div", "blockquote", "pre", "figure", "figcaption", "section", "br"}


class _Sections:
    """A page's HTML as sections: [anchor, heading text, text], a new one at every heading that
    has an id. Elements of a BOILERPLATE class are skipped with all they hold. Reads
    html.parser's events (polesocial.htmlreader), entities converted."""

    def __init__(self):
        self.sections: list[list] = [[None, [], []]]
        self.open: list[str] = []
        self.skip: int | None = None  # depth of the element being skipped
        self.heading: int | None = None  # depth of the heading being read

    def handle_starttag(self, tag, attrs, raw):
        if tag in _BLOCKS:
            self._text(" ")
        if tag in _VOID:
            return
        self.open.append(tag)
        depth = len(self.open)
        attributes = dict(attrs)
        if self.skip is None and (tag in _SKIPPED or BOILERPLATE.intersection(
                (attributes.get("class") or "").split())):
            self.skip = depth
        elif self.skip is None and tag in _HEADINGS and attributes.get("id"):
            self.sections.append([attributes["id"], [], []])
            self.heading = depth

    def handle_startendtag(self, tag, attrs, raw):  # <br/>: as html.parser's default does
        self.handle_starttag(tag, attrs, raw)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag not in self.open:
            return
        while self.open:
            depth = len(self.open)
            closed = self.open.pop()
            if self.skip == depth:
                self.skip = None
            if self.heading == depth:
                self.heading = None
            if closed == tag:
                break
        if tag in _BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        self._text(data)

    def _text(self, data):
        if self.skip is None:
            self.sections[-1][1 if self.heading is not None else 2].append(data)


def _plain(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def excluded(meta) -> bool:
    """Whether a page's header keeps it out of the search (``search: exclude: true``, the
    theme's own convention, which our index follows too)."""
    found = (meta or {}).get("search")
    return isinstance(found, dict) and found.get("exclude") is True


_indexed = Memo()  # pages already indexed, for a live preview (polesocial.memo)


def page_entries(html: str, url: str, title: str, summary: str, listing: bool) -> list[dict]:
    """The index entries of one page (``url`` relative to its language's root): the page itself
    (title, summary, the text before its first section), then each section."""
    entries = _indexed.get((html, url, title, summary, listing),
                           lambda: _page_entries(html, url, title, summary, listing))
    return [dict(entry) for entry in entries]


def _page_entries(html: str, url: str, title: str, summary: str, listing: bool) -> list[dict]:
    parser = _Sections()
    htmlreader.parse(html, parser, convert_charrefs=True)
    sections = parser.sections
    if not _plain(sections[0][2]) and len(sections) > 1 and not _plain(sections[0][1]):
        sections = sections[1:]  # nothing before the first heading: it is the page's own
    entries = []
    for number, (anchor, heading, text) in enumerate(sections):
        entry = {"location": url if number == 0 else f"{url}#{anchor}",
                 "title": _plain(heading) or (title if number == 0 else "")}
        if number == 0 and summary:
            entry["summary"] = " ".join(summary.split())
        body = "" if listing else _plain(text)
        if body:
            entry["text"] = body
        if entry["title"] or body or number == 0:
            entries.append(entry)
    return entries


def language_index(entries: list[dict], lang: str) -> tuple[bytes, bytes]:
    """A language's search index, in two files: the index the theme downloads on the first
    search (every page's and section's title, every page's summary: enough for the first
    results), and the sections' text, which the worker downloads next and adds to the results
    when it arrives (the strongest words of a page are its title and summary; a slow link gets
    its first results without waiting for the whole text)."""
    # The worker fetches the text relative to its own address.
    text_path = posixpath.relpath(languages.get(lang).prefix + TEXT, WORKER_FOLDER)
    docs = [{key: value for key, value in entry.items() if key != "text"} for entry in entries]
    index = {"config": {"lang": lang, "separator": SEPARATORS[lang], "text": text_path},
             "docs": docs}
    texts = [entry.get("text", "") for entry in entries]
    return (json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            json.dumps(texts, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
