"""Pages shown in another language than the reader's (a missing translation), and the
per-language 404 pages."""

from __future__ import annotations

import html as html_lib

from .. import languages, messages
from .document import localise_permalinks


def not_found_path(lang: str) -> str:
    """Where a language's "page not found" page is published, relative to the site root."""
    return languages.get(lang).prefix + "404.html"


def is_fallback(file_lang: str, page_lang: str) -> bool:
    """True when the page shown in ``page_lang`` is the text of another language."""
    return file_lang != page_lang


def wrap_fallback(content: str, file_lang: str, page_lang: str) -> str:
    """Wrap a page shown in the wrong language: a notice in the reader's language, then the text
    marked with its real language and direction so screen readers and layout follow it."""
    shown = languages.get(page_lang)
    source = languages.get(file_lang)
    content = localise_permalinks(content, page_lang)  # the reader's tooltips
    notice = html_lib.escape(messages.UI["fallback_notice"][page_lang])
    return (
        f'<div class="ps-fallback-notice admonition warning" role="note" lang="{shown.code}" '
        f'dir="{shown.direction}"><p>{notice}</p></div>\n'
        f'<div class="ps-fallback" lang="{source.code}" dir="{source.direction}">\n'
        f"{content}\n</div>"
    )
