"""Hand-written pages in ``docs/fr`` and ``docs/ar``: headers, language parity, language of text."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import languages, sanitiser, trust
from .problems import WARNING, Report
from .schema import MARKUP
from .sources import LocatedDict, LocatedList, parse_yaml

# Header fields an editor may write, and the type each must have. "description" is required: it
# becomes the page's summary for search engines and link previews.
HEADER_FIELDS = {"title": "text", "description": "text", "hide": "list", "search": "mapping"}
REQUIRED_FIELDS = ("description",)
_TYPES = {"text": str, "list": LocatedList, "mapping": LocatedDict}

_HEADER_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_HEADER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)

# A paragraph needs this many letters before its script is judged (short labels are not), and is
# reported when fewer than this share of its letters are in the page's script (names of fonts,
# laws or programmes in Latin letters inside Arabic prose are normal).
MIN_LETTERS_FOR_SCRIPT = 20
MIN_SHARE_OF_PAGE_SCRIPT = 0.35


@dataclass
class Page:
    path: Path
    lang: str
    relative: str  # path inside docs/<lang>/, e.g. "a-propos.md"
    header: dict
    body: str
    body_line: int  # line number of the body's first line in the file
    links: list = field(default_factory=list)  # (image, target, line, column), from the audit


def docs_pages(docs: Path, lang: str) -> dict[str, Path]:
    """The Markdown pages of one language, by their path inside ``docs/<lang>``."""
    folder = docs / lang
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*.md"))}


def load_page(path: Path, lang: str, relative: str, report: Report) -> Page | None:
    split = read_header(path, report)
    if split is None:
        return None
    header, body, body_line = split
    page = Page(path, lang, relative, header, body, body_line)
    _check_header(page, report)
    page.links = trust.check_markdown(path, body, body_line, report, sanitiser.DOCUMENT_SCHEMES)
    check_script(path, lang, body, body_line, report)
    return page


def read_header(path: Path, report: Report) -> tuple | None:
    """(header, body, line of the body's start) of a hand-written page, its Markdown not
    judged (``load_page`` does); None with the problem in ``report`` if it cannot be read."""
    text = trust.read_source(path, report)
    if text is None:
        return None
    header: dict = {}
    body, body_line = text, 1
    opening = _HEADER_OPEN.match(text)
    if opening:
        closing = _HEADER_CLOSE.search(text, opening.end())
        if not closing:
            report.add(path, 1, 1, "front-matter-unclosed")
            return None
        yaml_text = text[opening.end():closing.start()]
        parsed = parse_yaml(yaml_text, path, report, line_offset=1, allow_empty=True)
        if parsed is None and yaml_text.strip():
            return None
        if parsed is not None and not isinstance(parsed, dict):
            report.add(path, 2, 1, "front-matter-not-mapping")
            return None
        header = parsed or LocatedDict()
        body = text[closing.end():].lstrip("\r\n")
        body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return header, body, body_line


def _check_header(page: Page, report: Report) -> None:
    header = page.header
    where = header.where if isinstance(header, LocatedDict) else (lambda key: (1, 1))
    for key, value in header.items():
        line, column = where(key)
        if key not in HEADER_FIELDS:
            report.add(page.path, line, column, "front-matter-unknown-key", key=key,
                       allowed=", ".join(HEADER_FIELDS))
            continue
        kind = HEADER_FIELDS[key]
        if not isinstance(value, _TYPES[kind]):
            report.add(page.path, line, column, "front-matter-type", key=key, kind=kind)
        elif kind == "text" and not value.strip():
            report.add(page.path, line, column, "front-matter-empty", key=key)
        elif kind == "text" and (markup := MARKUP.search(value)):
            report.add(page.path, line, column, "text-markup",
                       tag=value[markup.start():markup.start() + 30].split(">")[0] + ">")
        elif kind == "text" and (forbidden := trust.forbidden_characters(value)):
            report.add(page.path, line, column, "bidi-control" if chr(int(forbidden[0][2:], 16))
                       in trust.BIDI_CONTROLS else "control-character", char=forbidden[0])
    for key in REQUIRED_FIELDS:
        if key not in header:
            report.add(page.path, 1, 1, "front-matter-missing", key=key)


_FENCE = re.compile(r"^\s*(```|~~~)")
_NOISE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]+>|https?://\S+|\{[^}]*\}")


def _paragraphs(body: str, first_line: int):
    """(line number, text) of each paragraph outside code blocks and other-language quotes."""
    block: list[str] = []
    start = first_line
    in_code = False
    quoted_depth = 0
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        # A deliberate quotation in the other language: <div lang="xx" markdown> … </div>
        if re.search(r"<\w+[^>]*\blang=", line):
            quoted_depth += 1
        if quoted_depth:
            if "</div>" in line:
                quoted_depth -= 1
            continue
        if line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, " ".join(block)
            block = []
    if block:
        yield start, " ".join(block)


def check_script(path: Path, lang: str, body: str, first_line: int, report: Report) -> None:
    """Warn about each paragraph of ``body`` written mostly in the other language's script."""
    expected = "arabic" if lang == "ar" else "latin"
    for line, text in _paragraphs(body, first_line):
        arabic, latin = languages.script_counts(_NOISE.sub(" ", text))
        if arabic + latin < MIN_LETTERS_FOR_SCRIPT:
            continue
        share = (arabic if expected == "arabic" else latin) / (arabic + latin)
        if share < MIN_SHARE_OF_PAGE_SCRIPT:
            found = "latin" if expected == "arabic" else "arabic"
            report.add(path, line, 1, "text-wrong-script", severity=WARNING,
                       language=lang, script=found)


def check_pages(root: Path, report: Report) -> dict[str, dict[str, Page]]:
    """Load and check every page of both languages; report pages present in one language only."""
    docs = root / "docs"
    default = languages.DEFAULT.code
    found = {lang.code: docs_pages(docs, lang.code) for lang in languages.LANGUAGES}
    pages: dict[str, dict[str, Page]] = {lang: {} for lang in found}
    for lang, paths in found.items():
        for relative, path in paths.items():
            page = load_page(path, lang, relative, report)
            if page:
                pages[lang][relative] = page
    for lang, paths in found.items():
        if lang == default:
            continue
        for relative, path in paths.items():
            if relative not in found[default]:
                report.add(path, 0, 0, "page-missing-default",
                           expected=f"docs/{default}/{relative}")
        for relative, path in found[default].items():
            if relative not in paths:
                report.add(path, 0, 0, "page-missing-translation", severity=WARNING,
                           language=lang, source=default, expected=f"docs/{lang}/{relative}")
    return pages


def check_links(page: Page, docs: Path, known_pages: set[str], report: Report) -> None:
    """Links to other pages must lead to a page of the site, images and files to a file of
    the site (inside docs/), and images must not be fetched from another site. The links are
    those Markdown made of the page (``page.links``), whatever their spelling."""
    folder = posixpath.dirname(page.relative)
    for image, written, line, column in page.links:
        target = html.unescape(written).strip()
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
            if image and target.lower().startswith(("http:", "https:", "//")):
                report.add(page.path, line, column, "image-remote", target=target)
            continue  # other schemes: judged by the audit (sanitiser.url_allowed)
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path:
            continue
        resolved = posixpath.normpath(posixpath.join(page.lang, folder, path))
        if resolved.startswith("../") or resolved == ".." or posixpath.isabs(path):
            report.add(page.path, line, column, "path-outside", target=target)
            continue
        if path.endswith(".md"):
            if posixpath.relpath(resolved, page.lang) not in known_pages:
                report.add(page.path, line, column, "link-missing", target=target)
        elif not (docs / resolved).is_file() or not trust.inside(docs / resolved, docs):
            report.add(page.path, line, column,
                       "image-missing" if image else "link-missing", target=target)
        elif image and (problem := trust.image_problem(docs / resolved)):
            report.add(page.path, line, column, problem[0], target=target, **problem[1])
