"""The strategy as a printable book (guides and the charter: polesocial.publication)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .. import languages, messages, repository, trust
from ..strategy import GLOSSARY_FILE, STRATEGY_FILE, Strategy, render
from ..web import urls
from .book import Book, Colophon, utc

STRATEGY_DOCUMENT = "strategie-4plus4"


def source_date(root: Path, inputs: list[Path]) -> datetime:
    """The date printed on a document and stored in its metadata: SOURCE_DATE_EPOCH when set,
    else the date of the last commit that changed its sources, so that the same commit always
    gives the same PDF. Outside git, the sources' modification time."""
    epoch = _epoch()
    if epoch is not None:
        return utc(epoch)
    committed = repository.last_change(root, inputs)
    if committed is not None:
        return utc(committed)
    return utc(max(path.stat().st_mtime for path in inputs))


def _epoch() -> int | None:
    """SOURCE_DATE_EPOCH; a wrong value is reported by check (trust.check_environment), which
    stops the build before any date is printed."""
    try:
        return trust.environment_epoch()
    except trust.Untrusted:
        return None


def strategy_chapters(strategy: Strategy) -> list[str]:
    """The strategy book: the overview, every axis and measure, the glossary. (The indexes by
    public and by actor stay on the site; the book links to them.)"""
    return [render.OVERVIEW] + [render.part_path(p) for p in strategy.parts] + [render.GLOSSARY]


def strategy_books(root: Path, strategy: Strategy, site_url: str,
                   words: tuple[str, ...] = ()) -> list[Book]:
    date = source_date(root, [root / STRATEGY_FILE, root / GLOSSARY_FILE])
    chapters = strategy_chapters(strategy)
    books = []
    for lang in languages.LANGUAGES:
        code = lang.code
        links = render.Links(code, "print", site_url, frozenset(chapters))
        bodies = tuple(render.split_header(render.render_page(strategy, path, code, links))[1]
                       for path in chapters)
        books.append(Book(
            id=STRATEGY_DOCUMENT, lang=code, title=strategy.title[code],
            subtitle=strategy.publisher[code], author=strategy.publisher[code],
            subject=messages.UI["overview_description"][code],
            keywords=tuple(k.strip() for k in messages.UI["keywords"][code].replace("،", ",")
                           .split(",")),
            chapters=bodies, date=date,
            cover_lines=(messages.UI["period_note"][code],) + _review_cover(strategy, code),
            short_title=messages.UI["strategy_short"][code], words=words,
            colophon=Colophon(publisher=strategy.publisher[code],
                              licence=messages.UI["colophon_licence_text"][code],
                              html_url=urls.page_url(site_url, code,
                                                     render.page_url(render.OVERVIEW))),
            flat_chapters=(render.page_anchor(render.GLOSSARY),)))
    return books


def _review_cover(strategy: Strategy, lang: str) -> tuple[str, ...]:
    """On the Arabic cover, the items whose translation is under review, if any."""
    if lang == languages.DEFAULT.code or not strategy.review:
        return ()
    items = languages.join_list(sorted(strategy.review), lang)
    return (messages.UI["review_cover"][lang].format(items=items),)
