"""Final touches on a page's HTML in its language: direction, number runs, valid markup."""

from __future__ import annotations

import re

from .. import languages, messages, typography

# The heading anchors' tooltip: the toc extension writes one title for every page (its
# permalink_title, English by default), whatever the page's language.
_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")[^"]*(")')


def localise_permalinks(content: str, lang: str) -> str:
    """The tooltip of every heading anchor in the reader's language."""
    title = messages.UI["permalink_title"][lang]
    return _PERMALINK.sub(lambda m: m.group(1) + title + m.group(2), content)


def localise_content(content: str, lang: str, words: frozenset[str] = frozenset()) -> str:
    """Final touch on a page's HTML in its own language: the anchors' tooltips, foreign-script
    runs isolated (Latin and numbers in Arabic, Arabic in French), French typography
    (``words``: the publication's accented French words, see polesocial.typography)."""
    return typography.localise_html(localise_permalinks(content, lang), lang, words=words)


def localise_title(title: str, lang: str) -> str:
    return typography.localise_plain(title, lang)


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def set_document_direction(document: str, lang: str) -> str:
    """Put ``dir`` on the <html> element too (the theme sets it on <body> only), so the whole
    document, scroll bars and assistive technologies included, has the language's direction."""
    direction = languages.get(lang).direction

    def replace(match: re.Match) -> str:
        attrs = re.sub(r'\sdir="[^"]*"', "", match.group(1))
        return f'<html{attrs} dir="{direction}">'

    return _HTML_TAG.sub(replace, document, count=1)


_EMPTY_TABINDEX = re.compile(r'(<label\b[^<>]*?)\stabindex=""')


def drop_empty_tabindex(document: str) -> str:
    """The theme writes ``tabindex=""`` on the labels of navigation sections, which HTML does not
    allow (the Nu Html Checker reports it). Browsers ignore an empty tabindex, so removing it
    changes nothing for readers or keyboards; it makes the page valid."""
    return _EMPTY_TABINDEX.sub(r"\1", document)


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def drop_dangling_toc_label(document: str) -> str:
    """On a page outside the menu (a document's version history), the theme writes the label
    of the table of contents' toggle but not the toggle, which it writes inside the menu's
    entry of the page: a label for nothing, which HTML does not allow. The label stays, as a
    title, without ``for``; nothing else changes (there was nothing to toggle)."""
    if _TOC_LABEL in document and 'id="__toc"' not in document:
        return document.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return document
