"""sitemap.xml with hreflang alternates, and robots.txt."""

from __future__ import annotations

import gzip
import html as html_lib
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from .. import languages
from .urls import page_url


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str  # absolute URL



def alternates(site_url: str, path: str, available: list[str]) -> list[Alternate]:
    """hreflang alternates for a page that exists (really, not as a fallback) in ``available``.

    Absolute URLs, as search engines require, plus ``x-default`` pointing at the default
    language. A page translated in one language only has no alternates: it has nothing to offer.
    """
    if len(available) < 2:
        return []
    links = [Alternate(lang.code, page_url(site_url, lang.code, path))
             for lang in languages.LANGUAGES if lang.code in available]
    links.append(Alternate("x-default", page_url(site_url, languages.DEFAULT.code, path)))
    return links



@dataclass(frozen=True)
class PageEntry:
    """A page of the site as the sitemap sees it: its language-neutral path and the languages it
    really exists in (a fallback page is not a translation)."""

    path: str
    languages: tuple[str, ...]


def sitemap_xml(site_url: str, pages: list[PageEntry]) -> str:
    """The sitemap: every real page in every language, each with its hreflang alternates.

    The alternates live here rather than in each page's <head>: Material's script fetches a
    sitemap.xml next to every <link rel="alternate"> it finds, which would cost every reader
    extra requests. Search engines read hreflang from the sitemap just the same.
    Deterministic: sorted, no build date.
    """
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    order = [lang.code for lang in languages.LANGUAGES]
    for page in sorted(pages, key=lambda p: p.path):
        links = alternates(site_url, page.path, list(page.languages))
        for lang in sorted(page.languages, key=order.index):
            lines.append("  <url>")
            lines.append(f"    <loc>{html_lib.escape(page_url(site_url, lang, page.path))}</loc>")
            for link in links:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{link.hreflang}" '
                             f"href={quoteattr(link.href)}/>")
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzip_bytes(data: bytes) -> bytes:
    """gzip without a timestamp, so that two builds give the same bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"

