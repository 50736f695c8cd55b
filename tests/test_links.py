"""Every link of the published site resolves: in the pages of both languages and inside every PDF.

A link resolves when the file it names is published and, if it names an anchor, the page it
leads to has an element with that id (or the PDF it leads to has that named destination).
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pypdf
import pytest

from conftest import ROOT


class Links(HTMLParser):
    """The ids of a page and the targets of its links (<a href>, <area href>)."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        if tag in ("a", "area") and attrs.get("href") is not None:
            self.hrefs.append(attrs["href"])

    @staticmethod
    @cache
    def of(path: Path) -> Links:
        links = Links()
        links.feed(path.read_text(encoding="utf-8"))
        return links


def _published_file(site: Path, url_path: str) -> Path | None:
    """The file a server sends for ``url_path`` ('/ar/guides/' -> ar/guides/index.html)."""
    target = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and target.resolve().is_relative_to(site.resolve()) \
        else None


def broken(site: Path, url: str) -> str | None:
    """Why ``url`` (absolute, on the site's own host) does not resolve, or None if it does."""
    parts = urlsplit(url)
    target = _published_file(site, parts.path)
    if target is None:
        return "no such file"
    if parts.fragment:
        if target.suffix == ".html":
            if unquote(parts.fragment) not in Links.of(target).ids:
                return f"no id {parts.fragment!r} in {target.relative_to(site)}"
        elif target.suffix == ".pdf":
            if unquote(parts.fragment) not in pypdf.PdfReader(target).named_destinations:
                return f"no destination {parts.fragment!r} in {target.name}"
    return None


def own(url: str, base_url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.netloc == urlsplit(base_url).netloc


def test_every_link_and_anchor_of_every_page_resolves(site, base_url):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50, pages
    failures, checked = [], 0
    for page in pages:
        page_url = urljoin(base_url, page.relative_to(site).as_posix())
        for href in Links.of(page).hrefs:
            url = urljoin(page_url, href)
            if not own(url, base_url):
                continue
            checked += 1
            why = broken(site, url)
            if why:
                failures.append(f"{page.relative_to(site)}: {href} ({why})")
    assert not failures, "\n".join(failures)
    assert checked > 2000, checked  # every page has its navigation: thousands of links


def pdf_links(reader: pypdf.PdfReader):
    """(page number, kind, target) of every link annotation: kind is 'uri' or 'dest'."""
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action and action.get("/S") == "/URI":
                yield number, "uri", str(action["/URI"])
            elif "/Dest" in annotation:
                yield number, "dest", annotation["/Dest"]
            elif action and action.get("/S") == "/GoTo":
                yield number, "dest", action["/D"]
            else:
                yield number, "unknown", str(annotation)


VERSIONED = re.compile(r"-v\d+(?:\.\d+)*-(?:fr|ar)\.pdf$")  # guide-benevolat-v0.1-fr.pdf


def test_every_link_inside_every_pdf_resolves(site, base_url):
    """Links within a PDF lead to one of its own destinations; links to the site lead to a
    published page and anchor; nothing leads to an address of another kind."""
    documents = sorted((site / "pdf").glob("*.pdf"))
    assert len(documents) >= 57, documents
    failures, books = [], 0
    for document in documents:
        reader = pypdf.PdfReader(document, strict=True)
        destinations = reader.named_destinations
        internal = to_site = 0
        for number, kind, target in pdf_links(reader):
            where = f"{document.name} p.{number}"
            if kind == "dest":
                internal += 1
                if isinstance(target, str):
                    if target not in destinations:
                        failures.append(f"{where}: no destination {target!r}")
                elif not (isinstance(target, pypdf.generic.ArrayObject)
                          and target[0].get_object() in
                          [p.get_object() for p in reader.pages]):
                    failures.append(f"{where}: destination outside the document: {target}")
            elif kind == "uri" and own(target, base_url):
                to_site += 1
                why = broken(site, target)
                if why:
                    failures.append(f"{where}: {target} ({why})")
            elif kind == "uri" and target.startswith(("https://", "mailto:")):
                continue  # another site: its address was checked by `check` in the sources
            else:
                failures.append(f"{where}: link of an unexpected kind: {target}")
        if len(reader.pages) > 1 and not VERSIONED.search(document.name):
            # A book (not a one-page poster, not a copy at its version's address): a contents
            # and links to the site.
            books += 1
            if internal < 10 or to_site < 5:
                failures.append(f"{document.name}: only {internal} links within the document "
                                f"and {to_site} to the site")
    assert not failures, "\n".join(failures)
    guides = len(list((ROOT / "guides").glob("*/guide.yml")))
    assert books == 2 * (1 + guides + 1), books  # the strategy, the guides and the charter


@pytest.mark.parametrize("url, reason", [
    ("ar/guides/nulle-part/", "no such file"),
    ("strategie/axe-1/#pas-d-ancre", "no id 'pas-d-ancre' in strategie/axe-1/index.html"),
    ("%2e%2e/" * 12 + "etc/passwd", "no such file"),  # out of the site once decoded
])
def test_a_broken_link_is_caught(site, base_url, url, reason):
    """The checker itself: a page or anchor that does not exist is reported."""
    assert broken(site, urljoin(base_url, url)) == reason
