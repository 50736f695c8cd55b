"""The Atom feed of each language: every version of every document, newest first, so that
partners follow changes in a feed reader (RFC 4287).

One file per language (``mises-a-jour.xml``, ``ar/mises-a-jour.xml``), linked from the head of
every page by the theme's template (``overrides/main.html``). Every address is absolute, made
from the validated site address; the feed changes only when a version does (its date is the
newest version's, not the time of the build), so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from .. import messages
from ..strategy.render import page_url
from . import urls

FEED = "mises-a-jour.xml"
ATOM = "http://www.w3.org/2005/Atom"


def feed_url(site_url: str, lang: str) -> str:
    return urls.page_url(site_url, lang, FEED)


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom(site_url: str, lang: str, tracked: list) -> bytes:
    """The feed of ``lang`` for the documents ``tracked`` (history.Tracked)."""
    ui = messages.UI
    entries = []
    for document in tracked:
        history = urls.page_url(site_url, lang, page_url(document.history_page))
        for entry in document.entries:
            entries.append((entry.date, document, entry, f"{history}#{entry.anchor}"))
    # Newest first; on the same day, in the order of the site's menu.
    entries.sort(key=lambda item: item[0], reverse=True)
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def add(parent, tag, text=None, **attributes):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    own = feed_url(site_url, lang)
    add(root, "id", own)
    add(root, "title", ui["feed_title"][lang])
    add(root, "subtitle", ui["feed_subtitle"][lang])
    add(root, "link", rel="self", type="application/atom+xml", href=own)
    add(root, "link", rel="alternate", type="text/html",
        href=urls.page_url(site_url, lang, ""))
    newest = max((item[0] for item in entries), default=dt.date(2012, 1, 1))
    add(root, "updated", _timestamp(newest))
    author = add(root, "author")
    add(author, "name", ui["pole_social"][lang])
    for date, document, entry, link in entries:
        item = add(root, "entry")
        add(item, "id", link)
        add(item, "title", ui["feed_entry_title"][lang].format(title=document.title[lang],
                                                               version=entry.version))
        add(item, "link", rel="alternate", type="text/html", href=link, hreflang=lang)
        add(item, "published", _timestamp(date))
        add(item, "updated", _timestamp(date))
        add(item, "summary", entry.note[lang])
    ET.indent(root)
    return (b'<?xml version="1.0" encoding="utf-8"?>\n'
            + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n")


def head_link(site_url: str, lang: str) -> dict:
    """What the template writes in every page's head: the feed of the page's language."""
    return {"href": feed_url(site_url, lang), "title": messages.UI["feed_link_title"][lang]}
