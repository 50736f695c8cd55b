"""The "download the PDF" box of a document's page."""

from __future__ import annotations

import html as html_lib
import re

from .. import messages


def size_text(size: int, lang: str) -> str:
    """A file's size in ``lang``, its number and unit never parted at a line's end (a no-break
    space: "(23 كيلوبايت)" wrapped between "23" and its unit in the kit's list at 360 px)."""
    if size >= 1024 * 1024:
        value = f"{size / (1024 * 1024):.1f}"
        if lang == "fr":
            value = value.replace(".", ",")
        text = messages.UI["pdf_size_mb"][lang].format(n=value)
    else:
        text = messages.UI["pdf_size_kb"][lang].format(n=max(1, round(size / 1024)))
    return text.replace(" ", "\u00a0")


def download_box(page_url: str, lang: str, file_name: str, pages: int, size: int) -> str:
    """The "download the PDF" link of a page, with the PDF's language, pages and size."""
    href = "../" * page_url.count("/") + "pdf/" + file_name
    details = messages.UI["pdf_details"][lang].format(
        language=messages.UI["pdf_language_short"][lang],
        pages=messages.count(pages, "page", lang), size=size_text(size, lang))
    return (f'<p class="ps-download"><a href="{html_lib.escape(href)}" download '
            f'type="application/pdf">{html_lib.escape(messages.UI["download_pdf"][lang])}</a> '
            f'<span class="ps-download-details">({html_lib.escape(details)})</span></p>')


def after_title(content: str, fragment: str) -> str:
    """Insert ``fragment`` right after the page's <h1> (or at the top if it has none)."""
    end = content.find("</h1>")
    if end < 0:
        return fragment + content
    end += len("</h1>")
    return content[:end] + fragment + content[end:]


def after_heading(content: str, anchor: str, fragment: str, paragraphs: int = 0) -> str:
    """Insert ``fragment`` after the heading whose id is ``anchor`` and the ``paragraphs``
    paragraphs that follow it; ``content`` unchanged if the page has no such heading."""
    match = re.search(rf'<h([1-6])\b[^>]*\bid="{re.escape(anchor)}"[^>]*>.*?</h\1>', content, re.S)
    if match is None:
        return content
    end = match.end()
    for _ in range(paragraphs):
        closing = content.find("</p>", end)
        if closing < 0:
            break
        end = closing + len("</p>")
    return content[:end] + fragment + content[end:]


def version_links(files: dict, pdf_id: str, version: str, page_url: str, lang: str) -> str:
    """The PDFs of one version of a document, in each language, on its history page; nothing
    if none was kept. ``files``: the published PDFs by name (pipeline results)."""
    from .. import history, languages

    up = "../" * page_url.count("/")
    links = []
    for code in languages.LANGUAGES:
        name = history.versioned_file(pdf_id, version, code.code)
        if name not in files:
            continue
        label = messages.UI[f"kit_{code.code}"][lang]
        # The number and its unit on one line (a narrow screen broke "(99 | Ko)").
        size = size_text(files[name].size, lang)
        links.append(f'<a href="{html_lib.escape(up + "pdf/" + name)}" download '
                     f'type="application/pdf" hreflang="{code.code}">{html_lib.escape(label)}</a> '
                     f'<span class="ps-download-details">({html_lib.escape(size)})</span>')
    if not links:
        return ""
    return (f'<p class="ps-download">{html_lib.escape(messages.UI["history_pdf"][lang])} '
            + " · ".join(links) + "</p>")
