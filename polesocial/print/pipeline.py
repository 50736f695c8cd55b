"""Turning books into PDFs: content-hash cache, parallel workers, one progress line per PDF.

A PDF is rendered again only when something it is made of changed: its HTML (text, structure,
dates), the stylesheets, the fonts, or the renderer's version. Renders run in a pool of
processes, each with one font configuration reused for all the documents it renders.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

from .book import Book
from .errors import PrintError

# WeasyPrint itself (0.4 s to import) is loaded only when a PDF must be rendered: a build whose
# PDFs all come from the cache never imports it.
WEASYPRINT_VERSION = version("weasyprint")

PIPELINE_VERSION = "1"  # bump when this package changes how PDFs are made
PACKAGE = Path(__file__).resolve().parent
FONTS_CSS = Path("docs/assets/css/fonts.css")
FONTS = Path("docs/assets/fonts")

MESSAGES = {
    "rendered": {"fr": "PDF {file} : {pages} pages, {seconds:.1f} s",
                 "ar": "PDF {file}: {pages} صفحة، {seconds:.1f} ث"},
    "cached": {"fr": "PDF {file} : {pages} pages, inchangé (cache)",
               "ar": "PDF {file}: {pages} صفحة، دون تغيير (ذاكرة التخزين)"},
}


@dataclass(frozen=True)
class Result:
    file_name: str
    document: str
    lang: str
    pages: int
    size: int
    seconds: float
    cached: bool


def enabled() -> bool:
    """PDFs are made unless POLESOCIAL_PDF=0 (live preview stays fast)."""
    return os.environ.get("POLESOCIAL_PDF", "1") != "0"


class Printer:
    def __init__(self, root: Path, cache: Path | None = None, jobs: int | None = None,
                 lang: str = "fr"):
        self.root = root.resolve()
        default = os.environ.get("POLESOCIAL_PDF_CACHE") or self.root / ".cache" / "pdf"
        self.cache = Path(cache or default).resolve()
        self.jobs = jobs or os.cpu_count() or 1
        self.lang = lang
        self.fonts = (self.root / FONTS_CSS).as_uri()

    def _assets_digest(self) -> str:
        digest = hashlib.sha256()
        files = [self.root / FONTS_CSS, *sorted(PACKAGE.glob("*.css")),
                 *sorted(PACKAGE.glob("*.py")),
                 *sorted((self.root / FONTS).glob("*.woff2"))]
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def key(self, book: Book, assets: str) -> str:
        """What the PDF is made of. The HTML is a function of the book's fields and of book.py
        (in ``assets``), so the fields stand for it without converting any Markdown."""
        digest = hashlib.sha256()
        for part in (PIPELINE_VERSION, WEASYPRINT_VERSION, assets, repr(book)):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def build(self, books: list[Book], progress=print) -> list[Result]:
        """Every book as a PDF in the cache folder; raises PrintError if one cannot be made."""
        self.cache.mkdir(parents=True, exist_ok=True)
        manifest_path = self.cache / "manifest.json"
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
        assets = self._assets_digest()
        # The shared typefaces, then the printable's own stylesheet (book or poster).
        books = [replace(book, stylesheets=(self.fonts, *((PACKAGE / name).as_uri()
                                                         for name in book.css)))
                 for book in books]
        keys = {book.file_name: self.key(book, assets) for book in books}
        todo = [book for book in books
                if manifest.get(book.file_name, {}).get("key") != keys[book.file_name]
                or not (self.cache / book.file_name).is_file()
                or (book.raster and not (self.cache / png_name(book.file_name)).is_file())]
        results = {}
        for book in books:
            if book not in todo:
                entry = manifest[book.file_name]
                results[book.file_name] = Result(book.file_name, book.id, book.lang,
                                                 entry["pages"], entry["size"], 0.0, True)
                progress(MESSAGES["cached"][self.lang].format(file=book.file_name,
                                                              pages=entry["pages"]))
        for file_name, data, pages, seconds, book, image in self._render_all(todo):
            (self.cache / file_name).write_bytes(data)
            if image is not None:
                (self.cache / png_name(file_name)).write_bytes(image)
            manifest[file_name] = {"key": keys[file_name], "pages": pages, "size": len(data)}
            manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
            results[file_name] = Result(file_name, book.id, book.lang, pages, len(data),
                                        seconds, False)
            progress(MESSAGES["rendered"][self.lang].format(file=file_name, pages=pages,
                                                            seconds=seconds))
        return [results[book.file_name] for book in books]

    def _render_all(self, books: list[Book]):
        if not books:
            return
        roots = [self.root, PACKAGE]
        if len(books) == 1 or self.jobs == 1:
            _init_worker()
            for book in books:
                yield _render_job(book, self.root, roots)
            return
        with ProcessPoolExecutor(max_workers=min(self.jobs, len(books)),
                                 initializer=_init_worker) as pool:
            futures = [pool.submit(_render_job, book, self.root, roots) for book in books]
            for future in futures:
                yield future.result()


_font_config = None


def _init_worker():
    """One font configuration per worker process, reused by all its documents."""
    global _font_config
    from weasyprint.text.fonts import FontConfiguration
    _font_config = FontConfiguration()


def png_name(file_name: str) -> str:
    return file_name.removesuffix(".pdf") + ".png"


def _render_job(book: Book, root: Path, roots: list[Path]):
    from .pdf import rasterise, render

    started = time.perf_counter()
    data, pages = render(book, root, roots, _font_config)
    image = rasterise(data, book.raster) if book.raster else None
    return book.file_name, data, pages, time.perf_counter() - started, book, image


__all__ = ["PrintError", "Printer", "Result", "enabled"]
