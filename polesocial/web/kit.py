"""The trainer's kit: one archive per language (``telechargements/kit-formateur-<lang>.zip``)
with every document's PDF in that language, the campaigns' posters and flyers (in that language
and bilingual), and an ``index.html`` that works opened from the disk (no script, no font or
stylesheet to fetch, relative links only).

An archive is made again only when one of its members changed (its key is a hash of every
member's bytes), and its bytes are the same from one build to the next: members in a fixed
order, each dated with the newest date of the kit's documents, fixed permissions.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import bidi, languages, messages
from . import downloads

FOLDER = "telechargements"
HOME_ANCHOR = "kit-formateur"  # the home page's section for trainers, where the kit is linked
KIT_VERSION = "1"  # bump when this module changes how kits are made


def file_name(lang: str) -> str:
    return f"kit-formateur-{lang}.zip"


def href(page_url: str, lang: str) -> str:
    """The kit's address relative to a page (``page_url`` as MkDocs gives it, language prefix
    included)."""
    return "../" * page_url.count("/") + f"{FOLDER}/{file_name(lang)}"


@dataclass(frozen=True)
class Member:
    """A PDF of the kit, with what its index says about it."""
    file_name: str
    path: Path  # where its bytes are (the print cache)
    pages: int
    size: int
    title: str
    summary: str = ""
    draft: bool = False
    group: str = ""  # the campaign it belongs to (posters), else ""
    label: str = ""  # format and language of a poster ("Affiche A3 — bilingue")


@dataclass(frozen=True)
class Kit:
    lang: str
    file_name: str
    path: Path  # the archive, in the cache
    size: int
    files: int  # PDFs in it
    cached: bool


def details(kit: Kit, lang: str) -> str:
    return messages.UI["kit_details"][lang].format(
        files=messages.count(kit.files, "file", lang), size=downloads.size_text(kit.size, lang))


def download_box(kit: Kit, page_url: str, lang: str) -> str:
    """The link to the kit on a page, with its size and what it holds."""
    ui = messages.UI
    return (f'<p class="ps-download ps-download--kit"><a href="{html_lib.escape(href(page_url, lang))}" '
            f'download type="application/zip">{html_lib.escape(ui["kit_download"][lang])}</a> '
            f'<span class="ps-download-details">({html_lib.escape(details(kit, lang))})</span></p>')


_STYLE = """
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Segoe UI", Tahoma, Arial, sans-serif;
       max-width: 46rem; margin: 0 auto; padding: 1rem; line-height: 1.6; color: #1c1c1c; }
:lang(ar) body, body:lang(ar) { line-height: 1.9; font-size: 1.1rem; }
h1 { color: #073f39; font-size: 1.6rem; line-height: 1.3; }
h2 { color: #073f39; font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #0b5e55; }
h3 { font-size: 1.05rem; margin-bottom: 0.2rem; }
a { color: #0b5e55; }
ul { list-style: none; padding: 0; }
li { margin: 0.4rem 0 1rem; }
a.doc { display: block; min-height: 44px; box-sizing: border-box; line-height: 1.4;
        padding: 0.5rem 0 0.2rem; font-weight: 700; font-size: 1.05rem; }
.details { color: #555; }
.draft { display: inline-block; padding: 0 0.4rem; background: #fdf1e7; color: #7a3510;
         font-weight: 700; font-size: 0.85rem; border-radius: 0.2rem; }
footer { margin-top: 2.5rem; color: #555; font-size: 0.9rem; }
"""


def index_html(lang: str, members: list[Member], date: datetime, site_url: str) -> str:
    """The kit's own page, opened from the disk: every document, then every campaign's
    posters, each linked to its file in pdf/."""
    ui = messages.UI
    code = languages.get(lang)
    e = html_lib.escape
    title = f"{ui['kit_title'][lang]} — {ui['site_title'][lang]}"

    def pdf_details(member: Member) -> str:  # "16 pages, 99 Ko" (all are PDFs)
        return ("، " if lang == "ar" else ", ").join(
            [messages.count(member.pages, "page", lang), downloads.size_text(member.size, lang)])

    from babel.dates import format_date
    out = [f'<!DOCTYPE html>\n<html lang="{code.code}" dir="{code.direction}">\n<head>\n'
           f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width,initial-scale=1">\n'
           f"<title>{e(bidi.isolate_plain(title) if code.direction == 'rtl' else title)}"
           f"</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
           f"<h1>{e(title)}</h1>\n<p>{e(ui['kit_index_intro'][lang])}</p>\n"
           f"<p>{e(ui['kit_index_date'][lang].format(date=format_date(date.date(), format='long', locale=code.locale)))}</p>\n"
           f"<h2>{e(ui['kit_index_documents'][lang])}</h2>\n<ul>\n"]
    for member in (m for m in members if not m.group):
        draft = f' <span class="draft">{e(ui["draft_mark"][lang])}</span>' if member.draft else ""
        summary = f"<br>{e(member.summary)}" if member.summary else ""
        out.append(f'<li><a class="doc" href="pdf/{e(member.file_name)}">{e(member.title)}</a>'
                   f'{draft} <span class="details">({e(pdf_details(member))})</span>{summary}</li>\n')
    out.append(f"</ul>\n<h2>{e(ui['kit_index_campaigns'][lang])}</h2>\n")
    groups = list(dict.fromkeys(m.group for m in members if m.group))
    for group in groups:
        posters = [m for m in members if m.group == group]
        draft = f' <span class="draft">{e(ui["draft_mark"][lang])}</span>' \
            if posters[0].draft else ""
        out.append(f"<h3>{e(posters[0].title)}{draft}</h3>\n<ul>\n")
        for member in posters:
            out.append(f'<li><a class="doc" href="pdf/{e(member.file_name)}">{e(member.label)}</a> '
                       f'<span class="details">({e(pdf_details(member))})</span></li>\n')
        out.append("</ul>\n")
    online = site_url if site_url.endswith("/") else site_url + "/"
    online += code.prefix
    out.append(f"<footer>\n<p>{e(ui['kit_index_online'][lang])} "
               f'<a href="{e(online)}" dir="ltr">{e(online)}</a></p>\n'
               f"<p>{e(ui['kit_index_licence'][lang])}</p>\n</footer>\n</body>\n</html>\n")
    head, body = out[0], "".join(out[1:])
    # Numbers and Latin runs keep their order in right-to-left text, as on the site's pages.
    return head + (bidi.isolate_html(body) if code.direction == "rtl" else body)


def _zip_date(date: datetime) -> tuple:
    return (max(1980, date.year), date.month, date.day, date.hour, date.minute, date.second)


def build(lang: str, members: list[Member], date: datetime, site_url: str, cache: Path,
          progress=print) -> Kit:
    """The kit of ``lang`` in ``cache`` (made again only if a member changed)."""
    name = file_name(lang)
    top = name.removesuffix(".zip")
    index = index_html(lang, members, date, site_url).encode("utf-8")
    entries = [(f"{top}/index.html", index, zipfile.ZIP_DEFLATED)]
    entries += [(f"{top}/pdf/{m.file_name}", m.path.read_bytes(), zipfile.ZIP_STORED)
                for m in members]
    digest = hashlib.sha256(KIT_VERSION.encode() + repr(_zip_date(date)).encode())
    for entry_name, data, _ in entries:
        digest.update(entry_name.encode() + b"\0" + hashlib.sha256(data).digest())
    key = digest.hexdigest()
    cache.mkdir(parents=True, exist_ok=True)
    manifest_path = cache / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    path = cache / name
    cached = manifest.get(name) == key and path.is_file()
    if not cached:
        temporary = path.with_name(name + ".part")
        with zipfile.ZipFile(temporary, "w") as archive:
            for entry_name, data, method in entries:
                info = zipfile.ZipInfo(entry_name, date_time=_zip_date(date))
                info.compress_type = method
                info.create_system = 3  # Unix, so that the permissions below are read
                info.external_attr = 0o644 << 16
                archive.writestr(info, data, compresslevel=9 if method else None)
        temporary.replace(path)
        manifest[name] = key
        manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True))
    kit = Kit(lang, name, path, path.stat().st_size, len(members), cached)
    line = messages.UI["kit_cached" if cached else "kit_built"][messages.language()]
    progress(line.format(file=name, files=messages.count(kit.files, "file", messages.language()),
                         size=downloads.size_text(kit.size, messages.language())))
    return kit


def members(lang: str, printables: list, results: list, folder: Path) -> list[Member]:
    """The kit's PDFs in ``lang`` from the print pipeline's printables and their results (in
    the same order): every book in that language, then each campaign's posters and flyers in
    that language and bilingual, in the screen and office edition (the one a trainer prints;
    the print shop's, with bleed and crop marks, stays on each campaign's page, where it is
    labelled for what it is). Sharing previews are images, not part of the kit; older versions
    of a document stay on its history page."""
    from ..print.book import Book
    from ..print.poster import PRINTED, Poster

    ui = messages.UI
    found = []
    for printable, result in zip(printables, results):
        path = folder / result.file_name
        if isinstance(printable, Book) and printable.lang == lang and printable.current:
            found.append(Member(result.file_name, path, result.pages, result.size,
                                printable.title, printable.subject, printable.draft))
        elif isinstance(printable, Poster) and printable.format in PRINTED \
                and printable.lang in (lang, "bi") and printable.edition == "screen":
            label = f"{ui[f'kit_{printable.format}'][lang]} — {ui[f'kit_{printable.lang}'][lang]}"
            found.append(Member(result.file_name, path, result.pages, result.size,
                                printable.title[lang], "", printable.draft,
                                group=printable.id, label=label))
    return found
