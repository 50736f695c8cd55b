"""The trust boundary: every value the build takes from outside its own code comes in here.

Sources are written by several people and the build runs on machines nobody fully controls, so
nothing is taken on trust:

- **Files.** A source is read only if it is a regular file inside the repository, reached
  without following a symbolic link. Symbolic links are refused everywhere in the sources, even
  ones pointing inside the repository: an editor never needs one, and a link that is harmless
  today can be pointed elsewhere tomorrow without the file that names it changing.
- **Text.** A source is UTF-8, below a size limit, and holds no control character and no bidi
  control (U+202A-202E, U+2066-2069): those can make a phone number or a sentence display in
  another order than it is written. The project inserts isolates itself where it needs them
  (``bidi.py``).
- **Environment.** ``SITE_URL`` must be an absolute http(s) address with a host and nothing that
  could break out of an attribute; ``SOURCE_DATE_EPOCH`` a whole number of seconds in range;
  ``POLESOCIAL_LANG`` a language the messages exist in.

Markup and links inside sources are judged by ``sanitiser.py``; YAML is read by ``sources.py``
(safe loader, no anchors, aliases or tags). Every problem is reported with the file, the line
and the column, in French or Arabic (``messages.PROBLEMS``).
"""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .problems import Report

MAX_SOURCE_BYTES = 2 * 1024 * 1024  # far above any real page; catches files pasted by mistake

# Where the sources live: everything the build reads besides its own code.
SOURCE_FOLDERS = ("docs", "strategy", "guides", "charter", "campaigns", "overrides")
CONFIG_FILE = "mkdocs.yml"

# Characters no source may hold: C0 controls but tab, line feed and carriage return; DEL; C1
# controls; and the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Untrusted(Exception):
    """A value from outside the code that the build refuses: a problem code and its params."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code, self.params = code, params

    def format(self, lang: str) -> str:
        from . import messages

        what, fix = messages.problem_text(self.code, self.params, lang)
        return f"{what} — {messages.fix_label(lang)} {fix}" if fix else what


# --- Files -------------------------------------------------------------------------------------

def symlink_in_path(path: Path, root: Path) -> Path | None:
    """The first symbolic link met going from ``root`` down to ``path``, or None."""
    root = Path(os.path.abspath(root))
    path = Path(os.path.abspath(path))
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return path  # not under the root at all: treated like a link that leaves it
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return None


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` is inside ``root`` once every ``..`` and link is resolved."""
    try:
        Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        return False
    return True


def check_tree(root: Path, report: Report) -> None:
    """Every entry of the source folders must be a plain folder or a regular file: a symbolic
    link (to a system file, to a folder elsewhere, even inside the repository) or a special
    file (pipe, device) is refused where it stands. Links are not followed."""
    for name in (CONFIG_FILE, *SOURCE_FOLDERS):
        top = root / name
        if not top.exists() and not top.is_symlink():
            continue
        for path in _walk(top):
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                report.add(path, 0, 0, "source-symlink", target=os.readlink(path))
            elif not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
                report.add(path, 0, 0, "source-special")
            elif stat.S_ISREG(info.st_mode) and name == "docs" and path.suffix != ".md":
                _check_asset(path, report)


# What docs/ may hold besides its pages: the engine publishes every file there as it is, from
# the site's own address, so a script or a page dropped there would run as the site's.
ASSET_TYPES = (".css", ".woff2", ".woff", ".ttf", ".otf", ".png", ".jpg", ".jpeg", ".gif",
               ".webp", ".svg", ".ico", ".txt", ".pdf")
_ACTIVE_SVG = re.compile(r"<\s*script|<\s*foreignObject|<!ENTITY|\son[a-z]+\s*=|javascript:|"
                         r"(?:xlink:)?href\s*=\s*[\"'](?:https?:)?//", re.IGNORECASE)
_REMOTE_CSS = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])\s*(?:https?:)?//|expression\(|"
                         r"javascript:", re.IGNORECASE)


def _check_asset(path: Path, report: Report) -> None:
    suffix = path.suffix.lower()
    if suffix not in ASSET_TYPES:
        report.add(path, 0, 0, "asset-type", suffix=suffix or path.name,
                   allowed=" ".join(ASSET_TYPES))
    elif suffix in (".svg", ".css"):
        text = path.read_bytes().decode("utf-8", errors="replace")
        pattern = _ACTIVE_SVG if suffix == ".svg" else _REMOTE_CSS
        if match := pattern.search(text):
            line = text.count("\n", 0, match.start()) + 1
            report.add(path, line, match.start() - text.rfind("\n", 0, match.start()),
                       "asset-active-svg" if suffix == ".svg" else "asset-remote-css",
                       found=match.group(0).strip()[:30])


def _walk(top: Path):
    yield top
    if top.is_symlink() or not top.is_dir():
        return
    for entry in sorted(top.iterdir()):
        if entry.name == "__pycache__":
            continue
        yield from _walk(entry)


def read_source(path: Path, report: Report) -> str | None:
    """The text of a source file, or None after recording why it cannot be one."""
    root = report.root
    link = symlink_in_path(path, root)
    if link is not None:
        report.add(link, 0, 0, "source-symlink" if link.is_symlink() else "source-outside",
                   target=os.readlink(link) if link.is_symlink() else str(path))
        return None
    try:
        info = path.lstat()
    except FileNotFoundError:
        report.add(path, 0, 0, "file-missing")
        return None
    if not stat.S_ISREG(info.st_mode):
        report.add(path, 0, 0, "source-special")
        return None
    if info.st_size > MAX_SOURCE_BYTES:
        report.add(path, 0, 0, "file-too-large", size=info.st_size, limit=MAX_SOURCE_BYTES)
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        report.add(path, line, column, "encoding", byte=f"0x{data[error.start]:02X}")
        return None
    if not check_characters(text, path, report):
        return None
    return text


def check_characters(text: str, path: Path, report: Report, first_line: int = 1) -> bool:
    """Report each forbidden character of ``text`` at its line and column; True if none."""
    clean = True
    for match in _FORBIDDEN.finditer(text):
        clean = False
        line = text.count("\n", 0, match.start()) + first_line
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        char = match.group(0)
        report.add(path, line, column,
                   "bidi-control" if char in BIDI_CONTROLS else "control-character",
                   char=f"U+{ord(char):04X}")
    return clean


def forbidden_characters(text: str) -> list[str]:
    """The forbidden characters in a value that is not a file (a title from the configuration)."""
    return [f"U+{ord(m.group(0)):04X}" for m in _FORBIDDEN.finditer(text)]


# --- Environment -------------------------------------------------------------------------------

PLACEHOLDER_SITE_URL = "https://pole-social.example/"
# A URL the build writes into attributes, sitemaps, QR codes and nginx configuration: scheme,
# host, optional port and path, each made of characters that need no escaping anywhere.
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                   r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\]")
_PATH = re.compile(r"[A-Za-z0-9._~/%-]*")
# SOURCE_DATE_EPOCH: from 1980 (the earliest date a ZIP archive can hold) to 2100.
EPOCH_RANGE = (315532800, 4102444800)
LANGUAGE_CODES = ("fr", "ar")


def site_url(value: str | None) -> str:
    """The validated site address (``value`` is SITE_URL or the configuration's site_url);
    the placeholder when unset. Raises Untrusted."""
    if value is None or value == "":
        return PLACEHOLDER_SITE_URL
    shown = value.encode("unicode_escape").decode("ascii")
    if any(c.isspace() or ord(c) < 32 or c in "\"'<>\\`{}|^" for c in value):
        raise Untrusted("env-site-url-chars", value=shown)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Untrusted("env-site-url-form", value=shown)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (parts.username or parts.password or parts.query or parts.fragment or "?" in value
            or "#" in value or not parts.hostname or port == -1
            or not _HOST.fullmatch(parts.netloc.rsplit(":", 1)[0] if port else parts.netloc)
            or not _PATH.fullmatch(parts.path)):
        raise Untrusted("env-site-url-form", value=shown)
    return value if value.endswith("/") else value + "/"


def source_date_epoch(value: str | None) -> int | None:
    """SOURCE_DATE_EPOCH as a number of seconds, None when unset. Raises Untrusted."""
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{1,12}", value.strip()):
        raise Untrusted("env-epoch-form", value=value.encode("unicode_escape").decode("ascii"))
    seconds = int(value)
    low, high = EPOCH_RANGE
    if not low <= seconds <= high:
        raise Untrusted("env-epoch-range", value=value, low=_day(low), high=_day(high))
    return seconds


def _day(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()


def environment_epoch() -> int | None:
    """SOURCE_DATE_EPOCH of this process, validated (Untrusted if wrong)."""
    return source_date_epoch(os.environ.get("SOURCE_DATE_EPOCH"))


def git_environment(env=None) -> dict[str, str]:
    """The environment git runs in (``repository.py``): the program search path and the home
    folder (where a user's own git settings live), nothing else. No ``GIT_DIR``,
    ``GIT_WORK_TREE`` or ``GIT_CONFIG_*`` from outside can point git at another repository or
    change what it runs; messages in English (they are read by code, never shown), no prompt,
    no lock taken."""
    env = os.environ if env is None else env
    kept = {name: env[name] for name in ("PATH", "HOME") if env.get(name)
            and not forbidden_characters(env[name])}
    kept.setdefault("PATH", os.defpath)
    kept.update(LC_ALL="C", GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return kept


def history_text(data: bytes) -> str | None:
    """A file's text as an older commit holds it (``repository.py``), judged as a source is
    (size, UTF-8, no control or bidi control character); None if it could not be one today."""
    if len(data) > MAX_SOURCE_BYTES:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if _FORBIDDEN.search(text) else text


def message_language(value: str | None = None) -> str:
    """The language of messages: POLESOCIAL_LANG when it names one, else French."""
    value = os.environ.get("POLESOCIAL_LANG", "") if value is None else value
    return value if value in LANGUAGE_CODES else "fr"


def check_environment(report: Report, env=None) -> None:
    """Every environment value the build reads, reported under the variable's name."""
    env = os.environ if env is None else env
    checks = (("SITE_URL", site_url), ("SOURCE_DATE_EPOCH", source_date_epoch))
    for name, validate in checks:
        if name not in env:
            continue
        try:
            validate(env[name])
        except Untrusted as refused:
            report.add_named(name, refused.code, **refused.params)
    language = env.get("POLESOCIAL_LANG")
    if language not in (None, "", *LANGUAGE_CODES):
        report.add_named("POLESOCIAL_LANG", "env-language",
                         value=language.encode("unicode_escape").decode("ascii"))
    pdf = env.get("POLESOCIAL_PDF")
    if pdf not in (None, "", "0", "1"):
        report.add_named("POLESOCIAL_PDF", "env-pdf",
                         value=pdf.encode("unicode_escape").decode("ascii"))


# --- Markup ------------------------------------------------------------------------------------

def check_markdown(path: Path, text: str, first_line: int, report: Report,
                   extra_schemes: frozenset = frozenset()) -> list[tuple]:
    """Report what a Markdown source would publish beyond what sources may hold
    (``sanitiser.audit_markdown``), each at its line; return its links and images as
    (image, target, line, column) for the caller's checks of where they lead."""
    from . import sanitiser

    findings, links = sanitiser.audit_markdown(text, extra_schemes)
    text = sanitiser.masked(text)  # findings are looked for outside code
    cursors: dict = {}
    for finding in findings:
        params = dict(finding.params)
        if "line" in params:
            line, column = params.pop("line"), 1
        else:
            line, column = sanitiser.locate(text, finding.needle, cursors)
        report.add(path, line + first_line - 1, column, finding.code, **params)
    located = []
    cursors = {}
    for link in links:
        line, column = sanitiser.locate(text, link.needle, cursors)
        located.append((link.image, link.target, line + first_line - 1, column))
    return located


# --- Images ------------------------------------------------------------------------------------

MAX_IMAGE_SIDE = 10_000  # pixels: an A3 page at 300 dpi is 3,508 x 4,961
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")


def image_problem(path: Path) -> tuple[str, dict] | None:
    """Why an image file cannot be printed or shown (too large, unreadable), or None. Only the
    header is read: a huge image is refused before it is decoded."""
    if path.suffix.lower() == ".svg":
        return None
    if path.suffix.lower() not in IMAGE_TYPES:
        return ("image-unreadable", {})
    from PIL import Image

    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None  # the size is judged here, from the header: nothing decoded
    try:
        with Image.open(path) as image:
            width, height = image.size
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a damaged file
        return ("image-unreadable", {})
    finally:
        Image.MAX_IMAGE_PIXELS = saved
    if max(width, height) > MAX_IMAGE_SIDE:
        return ("image-too-large", {"width": width, "height": height, "limit": MAX_IMAGE_SIDE})
    return None
