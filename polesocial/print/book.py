"""A printable document as one HTML book: cover, contents, chapters, from the pages' Markdown.

The chapters are the very Markdown the site shows (made by the same functions, with links
pointing inside the book), converted here with Python-Markdown and the site's extensions. No
sentence is typed twice.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from .. import languages, links, messages, sanitiser, typography

# The Markdown extensions the site uses (mkdocs.yml), so a page prints as it reads online.
EXTENSIONS = sanitiser.MARKDOWN_EXTENSIONS


@dataclass(frozen=True)
class Colophon:
    """What the colophon (the back of the cover) says about the document: who publishes it,
    which version, of when, under which licence, and where its HTML version lives. One line per
    field that is set, in this order; a new field is one more line here and in ``ROWS``."""

    publisher: str
    licence: str
    html_url: str
    version: str = ""
    date: str = ""  # as printed, in the document's language (the book's date if empty)
    history_url: str = ""  # the page of the document's versions (polesocial.history)

    ROWS = (("publisher", "colophon_publisher"), ("version", "colophon_version"),
            ("date", "colophon_date"), ("licence", "colophon_licence"),
            ("html_url", "colophon_online"), ("history_url", "colophon_history"))
    LINKS = frozenset({"html_url", "history_url"})


def colophon(fields: Colophon, lang: str) -> str:
    """The colophon page of a book, from explicit fields."""
    e = html.escape
    ui = messages.UI
    rows = []
    for name, label in Colophon.ROWS:
        value = getattr(fields, name)
        if not value:
            continue
        shown = (f'<a href="{e(value)}" dir="ltr">{e(value)}</a>' if name in Colophon.LINKS
                 else e(typography.localise_plain(value, lang)))
        rows.append(f"<dt>{e(ui[label][lang])}</dt><dd>{shown}</dd>")
    return (f'<section class="colophon"><h2 class="colophon-title">'
            f'{e(ui["colophon_title"][lang])}</h2><dl>{"".join(rows)}</dl>'
            f'<p class="colophon-fonts">{e(typography.localise_plain(ui["colophon_fonts"][lang], lang))}'
            "</p></section>")


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
    short_title: str = ""  # the running head of the left-hand pages (the title if empty)
    colophon: Colophon | None = None
    words: tuple[str, ...] = ()  # typography.accented_words, sorted (part of the cache key)
    current: bool = True  # False for an older version, kept at its permanent address
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
    """Page furniture whose words depend on the document: running heads, 'page N of M'.

    The short title on the outer edge of the verso pages, the current chapter on the outer edge
    of the recto pages. WeasyPrint makes the first page of a right-to-left document a left
    page, so the rectos of an Arabic book are its left pages: the heads swap sides.
    """
    page, of = messages.UI["pdf_page"][book.lang], messages.UI["pdf_of"][book.lang]
    title = typography.localise_plain(book.short_title or book.title, book.lang, book.words)
    rtl = languages.get(book.lang).direction == "rtl"
    verso, recto = ("right", "left") if rtl else ("left", "right")
    return (f"html {{ string-set: doctitle {_css_string(title)}; }} "
            f"@page :{verso} {{ @top-{verso} {{ content: string(doctitle); }} }} "
            f"@page :{recto} {{ @top-{recto} {{ content: string(chapter); }} }} "
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
    body = typography.localise_html(body, book.lang, controls=True, words=book.words)
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
    if book.colophon is not None:
        fields = book.colophon if book.colophon.date else replace(book.colophon, date=date_text)
        cover.append(colophon(fields, book.lang))
    contents = [f'<nav class="toc"><h1 class="toc-title">{e(messages.UI["pdf_contents"][book.lang])}'
                "</h1><ol>"]
    for chapter in tokens:
        contents.append(_toc_entry(chapter, lang,
                                   children=chapter["id"] not in book.flat_chapters))
    contents.append("</ol></nav>")
    meta = [f'<meta name="author" content="{e(book.author)}">',
            f'<meta name="description" content="{e(book.subject)}">',
            f'<meta name="keywords" content="{e(languages.join_list(book.keywords, book.lang))}">',
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


def _rtl(text: str, lang) -> str:
    return typography.localise_plain(text, lang.code)


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
