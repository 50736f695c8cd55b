"""Rendering one book to PDF with WeasyPrint: tagged (PDF/UA-1), fonts embedded and subset,
only the site's own assets and ``data:`` images fetched, nothing embedded as an attachment."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .. import languages
from . import glyphtext, tagging
from .errors import PrintError

glyphtext.install()
glyphtext.install_actual_text()
tagging.install()


class _Refused(FatalURLFetchingError):
    def __init__(self, code: str, target: str):
        super().__init__(code, target)
        self.code, self.target = code, target


# What a printed document may load: stylesheets, fonts and images, nothing else (an attachment
# of any other file, a page of the repository, a key).
FILE_TYPES = (".css", ".woff2", ".woff", ".ttf", ".otf", ".png", ".jpg", ".jpeg", ".gif",
              ".webp", ".svg")
DATA_TYPES = re.compile(r"data:(?:image/(?:png|jpeg|gif|webp|svg\+xml)|font/[a-z0-9]+|"
                        r"text/css)[;,]", re.IGNORECASE)


class LocalFetcher(URLFetcher):
    """Fetches ``data:`` images and fonts and the files of ``roots`` (stylesheets, fonts,
    images); anything else stops the rendering.

    A remote address or a missing file is an error, never a silent blank, and nothing is ever
    requested from the network.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(fail_on_errors=True, allowed_protocols={"file", "data"})
        self.roots = [root.resolve() for root in roots]

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            if not DATA_TYPES.match(url):
                raise _Refused("print_outside", url[:40])
            return super().fetch(url, headers)
        if scheme != "file":
            raise _Refused("print_remote", url)
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) \
                or path.suffix.lower() not in FILE_TYPES:
            raise _Refused("print_outside", str(path))
        if not path.is_file():
            raise _Refused("print_missing", str(path))
        return super().fetch(url, headers)


class _Failures(logging.Handler):
    """WeasyPrint logs, rather than raises, an image it cannot load (it leaves it out) and a
    font it cannot use (it falls back to another): both are errors for a document."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.found: list[tuple[str, str]] = []

    def emit(self, record):
        message = record.getMessage()
        if message.startswith("Failed to load image"):
            target = record.args[0] if record.args else message
            self.found.append(("print_image_failed", str(target)))
        elif message.startswith(("Font-face", "Failed to load font")):
            self.found.append(("print_font_failed", message))


def _right_to_left(document, pdf):
    """Viewers show an Arabic PDF's pages from right to left (two-page spreads, arrows)."""
    preferences = pdf.catalog.get("ViewerPreferences") or pydyf.Dictionary()
    preferences["Direction"] = "/R2L"
    preferences["DisplayDocTitle"] = "true"  # pydyf writes Python booleans as True
    pdf.catalog["ViewerPreferences"] = preferences


BLEED_PT = 3 / 25.4 * 72  # the print-shop edition's bleed: 3 mm past the trim


def _bleed_box(document, pdf):
    """The BleedBox 3 mm past the TrimBox (WeasyPrint puts it at most 10 pt past it, and the
    MediaBox further out leaves room for the crop marks)."""
    for number in pdf.pages["Kids"][::3]:
        page = pdf.objects[number]
        left, top, right, bottom = (float(v) for v in page["TrimBox"])
        page["BleedBox"] = pydyf.Array([left - BLEED_PT, top - BLEED_PT, right + BLEED_PT,
                                        bottom + BLEED_PT])


# What WeasyPrint 70 still sets in RGB in a CMYK document: the black of its crop marks (stroked)
# and the default fill before an SVG shape. Crop marks take the registration colour (every ink
# at 100%: they must show on each plate); a default black fill becomes black ink alone.
_RGB_BLACKS = {b"0 0 0 RG": b"1 1 1 1 K", b"0 0 0 rg": b"0 0 0 1 k"}


def _cmyk_blacks(document, pdf):
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream):
            item.stream = [_RGB_BLACKS.get(operation, operation)
                           if isinstance(operation, bytes) else operation
                           for operation in item.stream]


def _chain(finishers):
    """One WeasyPrint finisher running each of ``finishers`` in turn (None for none)."""
    if not finishers:
        return None

    def finish(document, pdf):
        for finisher in finishers:
            finisher(document, pdf)
    return finish


def lay_out(book, base: Path, fetcher, font_config=None, variant="pdf/ua-1"):
    """(printable, WeasyPrint document) of its layout. A printable that can tell its text
    overflows (a poster: ``overflows``) is laid out again a step smaller (``smaller``) until it
    fits or can shrink no more."""
    while True:
        document = HTML(string=book.html(), base_url=base.as_uri() + "/",
                        url_fetcher=fetcher).render(font_config=font_config, pdf_variant=variant)
        if not getattr(book, "overflows", None) or not book.overflows(document):
            return book, document
        smaller = book.smaller()
        if smaller is None:
            return book, document
        book = smaller


def render(book, base: Path, roots: list[Path],
           font_config: FontConfiguration | None = None) -> tuple[bytes, int]:
    """(PDF bytes, number of pages) for a printable (a Book, a Poster: anything with
    ``html()``, ``lang`` and ``file_name``); raises PrintError naming the document."""
    fetcher = LocalFetcher(roots)
    # PDF/UA-1 unless the printable says otherwise (a poster's print-shop edition: untagged,
    # CMYK, with bleed; see poster.py).
    variant = getattr(book, "pdf_variant", "pdf/ua-1")
    failures = _Failures()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(failures)
    try:
        book, document = lay_out(book, base, fetcher, font_config, variant)
        rtl = book.lang in languages.BY_CODE and languages.get(book.lang).direction == "rtl"
        finishers = ([_right_to_left] if rtl else []) + ([_bleed_box, _cmyk_blacks]
                                                             if variant is None else [])
        data = document.write_pdf(pdf_variant=variant, finisher=_chain(finishers),
                                  font_config=font_config, attachments=[])
    except _Refused as error:
        raise PrintError(book.file_name, error.code, error.target) from None
    except FatalURLFetchingError as error:  # a file that exists but cannot be read
        raise PrintError(book.file_name, "print_unreadable", str(error.__cause__ or error)) \
            from None
    except RecursionError:
        raise PrintError(book.file_name, "print_too_deep", "") from None
    finally:
        logger.removeHandler(failures)
    if failures.found:
        raise PrintError(book.file_name, *failures.found[0])
    return data, len(document.pages)


def rasterise(pdf: bytes, size: tuple[int, int]) -> bytes:
    """The first page of ``pdf`` as a PNG of exactly ``size`` pixels (social previews)."""
    import io

    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    page = document[0]
    width, _ = page.get_size()
    image = page.render(scale=size[0] / width).to_pil().convert("RGB")
    if image.size != size:
        image = image.resize(size)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    document.close()
    return out.getvalue()
