"""Turning books into PDFs: content-hash cache, parallel workers, one progress line per PDF.

A PDF is rendered again only when something it is made of changed: its HTML (text, structure,
dates), the stylesheets, the fonts, or the renderer's version. Renders run in a pool of
processes, each with one font configuration reused for all the documents it renders.

The cache is checked before it is trusted: the manifest records each file's size and SHA-256,
and a cached PDF (or image) whose bytes do not match, or a manifest that cannot be read, means
"render again", with one warning line; a damaged file is never published. Every file of the
cache is written atomically (a temporary file, then a rename), so a build killed in the middle
leaves either the old file or the new one. The renderer's temporary files (font configurations)
live in a folder of the build's own, removed when it ends, and by the next build if it was
killed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

from ..project import alive
from .book import Book
from .errors import PrintError

# WeasyPrint itself (0.4 s to import) is loaded only when a PDF must be rendered: a build whose
# PDFs all come from the cache never imports it.
WEASYPRINT_VERSION = version("weasyprint")

PIPELINE_VERSION = "1"  # bump when this package changes how PDFs are made
PACKAGE = Path(__file__).resolve().parent
FONTS_CSS = Path("docs/assets/css/fonts.css")
# The core modules a printable's HTML goes through besides this package (typography, bidi
# isolation, the sanitiser, the messages): a change to one renders the PDFs again.
HTML_MODULES = ("typography", "bidi", "htmltext", "htmlreader", "languages", "links", "messages", "sanitiser")
FONTS = Path("docs/assets/fonts")

MESSAGES = {
    "rendered": {"fr": "PDF {file} : {pages} pages, {seconds:.1f} s",
                 "ar": "PDF {file}: {pages} صفحة، {seconds:.1f} ث"},
    "cached": {"fr": "PDF {file} : {pages} pages, inchangé (cache)",
               "ar": "PDF {file}: {pages} صفحة، دون تغيير (ذاكرة التخزين)"},
    "damaged": {"fr": "avertissement : PDF {file} : la copie en cache est abîmée ; il est refait.",
                "ar": "تنبيه: PDF {file}: النسخة المخزنة تالفة، وسيُعاد إنشاؤه."},
    "manifest": {"fr": "avertissement : le registre du cache des PDF ({file}) est illisible ; "
                       "tous les PDF sont refaits.",
                 "ar": "تنبيه: تعذرت قراءة سجل ذاكرة تخزين ملفات PDF ({file})، وستُعاد "
                       "جميعها."},
}
MANIFEST = "manifest.json"
TEMPORARY_PREFIX = "polesocial-print-"


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
                 *(PACKAGE.parent / f"{name}.py" for name in HTML_MODULES),
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
        manifest = self._manifest(progress)
        assets = self._assets_digest()
        # The shared typefaces, then the printable's own stylesheet (book or poster).
        books = [replace(book, stylesheets=(self.fonts, *((PACKAGE / name).as_uri()
                                                         for name in book.css)))
                 for book in books]
        keys = {book.file_name: self.key(book, assets) for book in books}
        results, todo = {}, []
        for book in books:
            entry = manifest.get(book.file_name)
            if not isinstance(entry, dict) or entry.get("key") != keys[book.file_name]:
                todo.append(book)
            elif not self._intact(book, entry):
                progress(MESSAGES["damaged"][self.lang].format(file=book.file_name))
                todo.append(book)
            else:
                results[book.file_name] = Result(book.file_name, book.id, book.lang,
                                                 entry["pages"], entry["size"], 0.0, True)
                progress(MESSAGES["cached"][self.lang].format(file=book.file_name,
                                                              pages=entry["pages"]))
        for file_name, data, pages, seconds, book, image in self._render_all(todo):
            entry = {"key": keys[file_name], "pages": pages, "size": len(data),
                     "sha256": hashlib.sha256(data).hexdigest()}
            write_atomic(self.cache / file_name, data)
            if image is not None:
                write_atomic(self.cache / png_name(file_name), image)
                entry["png_sha256"] = hashlib.sha256(image).hexdigest()
            manifest[file_name] = entry
            write_atomic(self.cache / MANIFEST,
                         json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
            results[file_name] = Result(file_name, book.id, book.lang, pages, len(data),
                                        seconds, False)
            progress(MESSAGES["rendered"][self.lang].format(file=file_name, pages=pages,
                                                            seconds=seconds))
        return [results[book.file_name] for book in books]

    def _manifest(self, progress) -> dict:
        path = self.cache / MANIFEST
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a mapping")
        except (ValueError, OSError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            progress(MESSAGES["manifest"][self.lang].format(file=path))
            return {}
        return data

    def _intact(self, book: Book, entry: dict) -> bool:
        """Whether the cached files of ``book`` are exactly the ones the manifest recorded."""
        checks = [(self.cache / book.file_name, entry.get("sha256"))]
        if book.raster:
            checks.append((self.cache / png_name(book.file_name), entry.get("png_sha256")))
        for path, digest in checks:
            try:
                data = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            except OSError:
                data = None
            if data is None or not isinstance(digest, str) \
                    or hashlib.sha256(data).hexdigest() != digest:
                return False
        return isinstance(entry.get("pages"), int) and entry.get("size") == (
            self.cache / book.file_name).stat().st_size

    def _render_all(self, books: list[Book]):
        if not books:
            return
        roots = allowed_roots(self.root)
        remove_stale_temporaries()
        temporary = tempfile.mkdtemp(prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-")
        try:
            if len(books) == 1 or self.jobs == 1:
                saved = tempfile.tempdir
                _init_worker(temporary)
                try:
                    for book in books:
                        yield _render_job(book, self.root, roots)
                finally:
                    _release_worker()
                    tempfile.tempdir = saved
                return
            with ProcessPoolExecutor(max_workers=min(self.jobs, len(books)),
                                     initializer=_init_worker,
                                     initargs=(temporary,)) as pool:
                futures = [pool.submit(_render_job, book, self.root, roots) for book in books]
                for future in futures:
                    yield future.result()
        finally:
            shutil.rmtree(temporary, ignore_errors=True)


def allowed_roots(root: Path) -> list[Path]:
    """The only folders the renderer may read files from: the site's assets (fonts, their
    stylesheet, images) and this package's print stylesheets. Not the repository as a whole:
    .git, .venv and the sources are no business of a PDF."""
    return [root / "docs" / "assets", PACKAGE]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_temporaries() -> None:
    """The temporary folders of builds that were killed (their process no longer exists)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMPORARY_PREFIX}*"):
        pid = folder.name[len(TEMPORARY_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


_font_config = None


def _init_worker(temporary: str | None = None):
    """One font configuration per worker process, reused by all its documents. Its files go
    in the build's temporary folder, which the build removes: a worker process ends without
    running the finaliser that would have removed them."""
    global _font_config
    if temporary:
        tempfile.tempdir = temporary
    from weasyprint.text.fonts import FontConfiguration
    _font_config = FontConfiguration()


def _release_worker():
    global _font_config
    _font_config = None


def png_name(file_name: str) -> str:
    return file_name.removesuffix(".pdf") + ".png"


def _render_job(book: Book, root: Path, roots: list[Path]):
    from .pdf import rasterise, render

    started = time.perf_counter()
    # WeasyPrint embeds each font through fontTools, which stamps the font's "modified" date
    # with SOURCE_DATE_EPOCH, else with the clock: two renders of the same sources differed by
    # those bytes. The book's own date (its sources' last commit) is the stamp instead (an icon
    # has none: only its pixels are published).
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    date = getattr(book, "date", None)
    if date is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(date.timestamp()))
    try:
        data, pages = render(book, root, roots, _font_config)
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    image = rasterise(data, book.raster) if book.raster else None
    return book.file_name, data, pages, time.perf_counter() - started, book, image


__all__ = ["PrintError", "Printer", "Result", "enabled"]
