"""Reading without a connection: the service worker, the page script that registers it and
saves a document for offline reading, the web app manifests, the offline page, and the "save
for offline" box of a document's page.

The service worker (``sw.js`` at the site's root, our own: see service_worker.js) precaches the
site's shell (stylesheets, scripts, Latin fonts, the offline page of each language), keeps every
page and file a reader opens, answers pages from the network first (the kept copy only if the
network fails or is slower than TIMEOUT_MS), and carries a hash of the whole build, so that a
rebuilt site is a new worker, which the browser installs. Nothing is written inline: the page
script is a file (``assets/javascripts/offline.<hash>.js``), loaded with a script src, and the
Content-Security-Policy's ``worker-src 'self'`` allows the worker.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
from pathlib import Path

from .. import languages, messages
from ..print.icon import SIZES as ICON_SIZES

SERVICE_WORKER = "sw.js"
OFFLINE_TEMPLATE = "offline.html"
MANIFEST = "manifest.webmanifest"
SCRIPT_FOLDER = "assets/javascripts"
ICON_FOLDER = "assets/images"
PAGES_CACHE = "ps-pages"  # pages kept on the device (both scripts use these names)
FILES_CACHE = "ps-files"  # PDFs, search index, fonts, images kept on the device
TIMEOUT_MS = 4000
THEME_COLOR = "#0b5e55"  # the site's primary colour (docs/assets/css/site.css)


_HERE = Path(__file__).resolve().parent


def _read(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def page_script() -> tuple[str, str]:
    """(path from the site root, code) of the page script; its name carries its hash."""
    code = _read("offline.js").replace("{{PAGES}}", PAGES_CACHE).replace("{{FILES}}", FILES_CACHE)
    digest = hashlib.sha256(code.encode("utf-8")).hexdigest()[:8]
    return f"{SCRIPT_FOLDER}/offline.{digest}.js", code


def offline_page(lang: str) -> str:
    """Where a language's offline page is published, relative to the site root."""
    return languages.get(lang).prefix + OFFLINE_TEMPLATE


def manifest_path(lang: str) -> str:
    return languages.get(lang).prefix + MANIFEST


def icon_path(lang: str, size: int) -> str:
    """An app icon (made by polesocial/print/icon.py with the PDFs)."""
    return f"{ICON_FOLDER}/icone-{lang}-{size}.png"


def save_box(lang: str) -> str:
    """The "save for offline" box of a document's page, in the page's language: its four
    states as paragraphs, all hidden until the page script (which needs a service worker) shows
    one and turns the first into a button. Only markup the sanitiser lets through (classes, a
    role): the script reads the PDF from the page's download link."""
    ui = messages.UI
    e = html_lib.escape
    return (f'<div class="ps-offline" role="status">'
            f'<p class="ps-offline__save">{e(ui["offline_save"][lang])}</p>'
            f'<p class="ps-offline__saving">{e(ui["offline_saving"][lang])}</p>'
            f'<p class="ps-offline__saved"><strong>{e(ui["offline_saved"][lang])}</strong>'
            f'{": " if lang == "ar" else " : "}{e(ui["offline_saved_details"][lang])}</p>'
            f'<p class="ps-offline__failed">{e(ui["offline_failed"][lang])}</p></div>')


def manifest(lang: str, name: str, description: str) -> bytes:
    """The web app manifest of a language (installing the site on a phone's home screen)."""
    code = languages.get(lang)
    up = "../" * code.prefix.count("/")
    # The icons keep their text in the middle of the square: they serve as maskable ones too.
    icons = [{"src": up + icon_path(lang, size), "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": purpose} for purpose in ("any", "maskable") for size in ICON_SIZES]
    data = {"name": name, "short_name": messages.UI["pole_social"][lang],
            "description": description, "lang": code.code, "dir": code.direction,
            "id": "./", "start_url": "./", "scope": up or "./", "display": "standalone",
            "background_color": "#ffffff", "theme_color": THEME_COLOR, "icons": icons}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def build_version(site: Path) -> str:
    """A hash of every file of the built site (but the worker itself and precompressed copies):
    any change in the site gives another worker."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative == SERVICE_WORKER or path.suffix in (".gz", ".br") \
                or relative.startswith(".deploy/"):
            continue
        digest.update(relative.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def precache_list(site: Path) -> list[str]:
    """The shell every page needs, kept at install: the stylesheets, the scripts the pages load
    (not the search, downloaded on a first search), the Latin fonts (each language's pages use
    them), the favicon and the manifests (the browser asks for them on every page, outside the
    files a page script can list), the offline pages. The Arabic fonts are kept when a page
    that uses them is opened."""
    shell = [*sorted(p.relative_to(site).as_posix() for p in (site / "assets/stylesheets").glob(
                 "*.min.css")),
             *sorted(p.relative_to(site).as_posix() for p in (site / "assets/css").glob("*.css")),
             *sorted(p.relative_to(site).as_posix() for p in (site / SCRIPT_FOLDER).glob(
                 "*.js")),
             *sorted(p.relative_to(site).as_posix() for p in (site / "assets/fonts").glob(
                 "noto-sans-latin-*-normal.woff2")),
             "assets/images/favicon.png",
             *(manifest_path(lang.code) for lang in languages.LANGUAGES),
             *(offline_page(lang.code) for lang in languages.LANGUAGES)]
    return [path for path in shell if (site / path).is_file()]


def service_worker(site: Path) -> str:
    """The code of sw.js for the built ``site``."""
    offline = {lang.prefix: offline_page(lang.code) for lang in languages.LANGUAGES}
    return (_read("service_worker.js")
            .replace("{{VERSION}}", build_version(site))
            .replace("{{PAGES}}", PAGES_CACHE).replace("{{FILES}}", FILES_CACHE)
            .replace("{{PRECACHE}}", json.dumps(precache_list(site), ensure_ascii=False))
            .replace("{{OFFLINE}}", json.dumps(offline, ensure_ascii=False))
            .replace("{{TIMEOUT}}", str(TIMEOUT_MS)))
