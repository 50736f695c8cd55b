"""Rendering one book to PDF with WeasyPrint: tagged (PDF/UA-1), fonts embedded and subset,
only the repository's own files and ``data:`` URLs fetched."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .. import languages
from . import glyphtext
from .book import Book, to_html
from .errors import PrintError

glyphtext.install()


class _Refused(FatalURLFetchingError):
    pass


class LocalFetcher(URLFetcher):
    """Fetches ``data:`` URLs and files inside ``roots``; anything else stops the rendering.

    A remote address or a missing file is an error, never a silent blank, and nothing is ever
    requested from the network.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(fail_on_errors=True, allowed_protocols={"file", "data"})
        self.roots = [root.resolve() for root in roots]

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise _Refused(f"remote resource refused: {url}")
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise _Refused(f"file outside the project refused: {path}")
        if not path.is_file():
            raise _Refused(f"missing file: {path}")
        return super().fetch(url, headers)


def _right_to_left(document, pdf):
    """Viewers show an Arabic PDF's pages from right to left (two-page spreads, arrows)."""
    preferences = pdf.catalog.get("ViewerPreferences") or pydyf.Dictionary()
    preferences["Direction"] = "/R2L"
    preferences["DisplayDocTitle"] = "true"  # pydyf writes Python booleans as True
    pdf.catalog["ViewerPreferences"] = preferences


def render(book: Book, base: Path, roots: list[Path],
           font_config: FontConfiguration | None = None) -> tuple[bytes, int]:
    """(PDF bytes, number of pages) for ``book``; raises PrintError naming the document."""
    source = to_html(book)
    fetcher = LocalFetcher(roots)
    try:
        document = HTML(string=source, base_url=base.as_uri() + "/",
                        url_fetcher=fetcher).render(font_config=font_config, pdf_variant="pdf/ua-1")
        finisher = _right_to_left if languages.get(book.lang).direction == "rtl" else None
        data = document.write_pdf(pdf_variant="pdf/ua-1", finisher=finisher,
                                  font_config=font_config)
    except FatalURLFetchingError as error:
        cause = error.__cause__ or error
        raise PrintError(f"{book.file_name}: {cause}") from None
    return data, len(document.pages)
