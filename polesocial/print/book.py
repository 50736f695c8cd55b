"""A printable document as one HTML book: cover, contents, chapters, from the pages' Markdown.

The chapters are the very Markdown the site shows (made by the same functions, with links
pointing inside the book), converted here with Python-Markdown and the site's extensions. No
sentence is typed twice.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .. import bidi, languages, links, messages, sanitiser

# The Markdown extensions the site uses (mkdocs.yml), so a page prints as it reads online.
EXTENSIONS = sanitiser.MARKDOWN_EXTENSIONS


@dataclass(frozen=True)
class Book:
    """Everything needed to print one document in one language."""

    id: str  # stable, used in the PDF's file name: <id>-<lang>.pdf
    lang: str
    title: str
    subtitle: str  # the publisher, under the title on the cover
    author: str
    subject: str
    keywords: tuple[str, ...]
    chapters: tuple[str, ...]  # Markdown bodies, each starting with a level-1 heading
    date: datetime
    cover_lines: tuple[str, ...] = ()  # extra lines on the cover (period, status…)
    draft: bool = False
    flat_chapters: tuple[str, ...] = ()  # chapter ids listed without their sections (glossary)
    colophon_lines: tuple[str, ...] = ()  # the back of the cover: version, date, history
    page: str = ""  # a document's page on the site (docs/<lang>/…): its relative links' base
    site_url: str = ""
    stylesheets: tuple[str, ...] = field(default=())  # file URLs, added by the pipeline

    raster = None  # books are not turned into images
    css = ("print.css",)

    @property
    def file_name(self) -> str:
        return f"{self.id}-{self.lang}.pdf"

    def html(self) -> str:
        return to_html(self)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _page_css(book: Book) -> str:
    """Page furniture whose words depend on the document: running title, 'page N of M'."""
    page, of = messages.UI["pdf_page"][book.lang], messages.UI["pdf_of"][book.lang]
    title = _rtl(book.title, languages.get(book.lang))
    return (f"html {{ string-set: doctitle {_css_string(title)}; }} "
            f'@page {{ @bottom-center {{ content: "{page} " counter(page) " {of} " '
            f"counter(pages); }} }}")


def to_html(book: Book) -> str:
    # Imported here: a build whose PDFs all come from the cache never converts a book.
    import markdown
    from babel.dates import format_date

    lang = languages.get(book.lang)
    converter = markdown.Markdown(extensions=EXTENSIONS,
                                  extension_configs={"toc": {"toc_depth": "1-2"}})
    # The same filter as every page of the site: nothing but the allowed markup reaches the
    # renderer (no rel="attachment", no file: link, no script).
    body = sanitiser.clean(converter.convert("\n\n".join(book.chapters)))
    if book.page:  # relative links as the page wrote them: absolute addresses, never file:
        body = links.absolute(body, book.page, book.lang, book.site_url)
    if lang.direction == "rtl":
        body = bidi.isolate_html(body, controls=True)
    tokens = converter.toc_tokens
    date_text = format_date(book.date.date(), format="long", locale=lang.locale)
    e = html.escape
    cover = [f'<section class="cover"><p class="cover-institution">'
             f"{e(messages.UI['pole_social'][book.lang])}</p>",
             f'<h1 class="cover-title">{e(_rtl(book.title, lang))}</h1>',
             f'<p class="cover-subtitle">{e(_rtl(book.subtitle, lang))}</p>']
    cover += [f'<p class="cover-line">{e(_rtl(line, lang))}</p>' for line in book.cover_lines]
    cover.append(f'<p class="cover-meta">{e(messages.UI["pdf_language"][book.lang])} · '
                 f"{e(_rtl(messages.UI['pdf_edition'][book.lang].format(date=date_text), lang))}"
                 "</p>")
    if book.draft:
        cover.append(f'<p class="cover-draft">{e(messages.UI["draft_notice"][book.lang])}</p>')
    cover.append("</section>")
    if book.colophon_lines:
        cover.append('<section class="colophon">' + "".join(
            f'<p class="colophon-line">{_linked(line, lang)}</p>'
            for line in book.colophon_lines) + "</section>")
    contents = [f'<nav class="toc"><h1 class="toc-title">{e(messages.UI["pdf_contents"][book.lang])}'
                "</h1><ol>"]
    for chapter in tokens:
        contents.append(_toc_entry(chapter, lang,
                                   children=chapter["id"] not in book.flat_chapters))
    contents.append("</ol></nav>")
    meta = [f'<meta name="author" content="{e(book.author)}">',
            f'<meta name="description" content="{e(book.subject)}">',
            f'<meta name="keywords" content="{e(", ".join(book.keywords))}">',
            '<meta name="generator" content="polesocial">',
            f'<meta name="dcterms.created" content="{book.date.isoformat()}">',
            f'<meta name="dcterms.modified" content="{book.date.isoformat()}">']
    sheets = "".join(f'<link rel="stylesheet" href="{e(url)}">' for url in book.stylesheets)
    classes = "draft" if book.draft else ""
    return (f'<!doctype html><html lang="{lang.code}" dir="{lang.direction}" class="{classes}">'
            f'<head><meta charset="utf-8"><title>{e(book.title)}</title>{"".join(meta)}'
            f"{sheets}<style>{_page_css(book)}</style></head><body>"
            + (f'<div class="draft-mark" aria-hidden="true">'
               f'{e(messages.UI["draft_mark"][book.lang])}</div>' if book.draft else "")
            + "".join(cover) + "".join(contents) + f'<main>{body}</main></body></html>')


def _linked(text: str, lang) -> str:
    """A line of text, escaped, whose web address (its last word, https://…) is a link."""
    head, _, address = text.rpartition(" ")
    if address.startswith(("https://", "http://")):
        return (f'{html.escape(_rtl(head, lang))} <a href="{html.escape(address)}" dir="ltr">'
                f"{html.escape(address)}</a>")
    return html.escape(_rtl(text, lang))


def _rtl(text: str, lang) -> str:
    return bidi.isolate_plain(text) if lang.direction == "rtl" else text


def _toc_entry(token: dict, lang, children: bool) -> str:
    name = _rtl(html.unescape(token["name"]), lang)
    item = f'<li class="toc-level-{token["level"]}"><a href="#{html.escape(token["id"])}">' \
           f"{html.escape(name)}</a>"
    if children and token["children"]:
        item += "<ol>" + "".join(_toc_entry(child, lang, children=False)
                                 for child in token["children"]) + "</ol>"
    return item + "</li>"


def utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(int(timestamp), tz=timezone.utc)
