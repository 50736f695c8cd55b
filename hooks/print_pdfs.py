"""MkDocs adapter for the print pipeline (the logic is in polesocial.print) and the trainer's
kits made from its PDFs (polesocial.web.kit).

The PDFs and the kits are made (or taken from the cache) once, before the pages, so that each
page can show their sizes; they are copied into site/pdf/ and site/telechargements/ once every
language is built. POLESOCIAL_PDF=0 turns them off for live preview.
"""

import re
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from polesocial import print as printing
from polesocial import campaigns, languages, messages, publication, siteconfig, trust
from polesocial.print import icon
from polesocial.web import downloads, kit, offline, sharing, urls

_state: dict = {"results": {}}


def on_config(config):
    if config.plugins["i18n"].building:
        return config  # a nested language build: the PDFs are already made
    _state["results"] = {}
    if not printing.enabled():
        return config
    root = Path(config.config_file_path).parent
    loaded, _ = publication.load_shared(root)
    if loaded is None:
        return config  # generated_pages reports the errors
    _state["publication"] = loaded
    printer = printing.Printer(root)
    lang = messages.language()
    if urls.is_placeholder(config.site_url):  # the posters' QR codes lead nowhere yet
        print(messages.UI["proof_warning"][lang].format(url=config.site_url), file=sys.stderr)
    try:  # hooks/trust.py refused a bad logo at on_config already, with its line
        logo = siteconfig.logo_file(root, config)
    except trust.Untrusted as refused:
        raise PluginError(refused.format(lang)) from None
    printables = loaded.books(config.site_url, logo.as_uri() if logo else "") + icon.icons()
    try:
        results = printer.build(printables)
    except printing.PrintError as error:
        raise PluginError(f"PDF: {error}") from None
    _state["results"] = {(r.document, r.lang): r for r in results}
    _state["files"] = {r.file_name: r for r in results}
    _state["cache"] = printer.cache
    _state["kits"] = {}
    for lang in languages.LANGUAGES:
        members = kit.members(lang.code, printables, results, printer.cache)
        names = {m.file_name for m in members}
        date = max(p.date for p, r in zip(printables, results) if r.file_name in names)
        _state["kits"][lang.code] = kit.build(lang.code, members, date, config.site_url,
                                              printer.cache / "kit")
    return config


def on_page_content(html, page, config, files):
    if not _state["results"]:
        return html
    relative = page.file.src_uri.split("/", 1)[-1]
    lang = config.theme["language"]
    html = re.sub(r"<!-- ps-kit:([a-z0-9-]+) -->", lambda m: campaigns.kit_html(
        _state["files"], m.group(1), page.url, lang), html)
    html = re.sub(r"<!-- ps-version-pdfs:([a-z0-9-]+):([0-9.]+) -->",
                  lambda m: downloads.version_links(_published(), m.group(1), m.group(2),
                                                    page.url, lang), html)
    trainer_kit = kit.download_box(_state["kits"][lang], page.url, lang)
    if relative == "index.md":  # the home page: under its section for trainers
        return downloads.after_heading(html, kit.HOME_ANCHOR, trainer_kit, paragraphs=1)
    if relative == publication.GUIDES_INDEX:  # the kit, then each guide's PDF
        html = downloads.after_title(html, trainer_kit)
        for guide in _state["publication"].guides:
            result = _state["results"].get((guide.pdf_id, lang))
            if result is not None:
                html = downloads.after_heading(html, guide.id, downloads.download_box(
                    page.url, lang, result.file_name, result.pages, result.size), paragraphs=1)
        return html
    document = _state["publication"].document_of_page(relative)
    result = _state["results"].get((document, lang))
    if result is None:
        return html
    box = downloads.download_box(page.url, lang, result.file_name, result.pages, result.size)
    return downloads.after_title(html, box + offline.save_box(lang))


def _published() -> dict:
    """Every PDF the site will hold, by file name: the rendered ones and the current ones'
    copies at their version's permanent address."""
    files = dict(_state["files"])
    for current, versioned in _state["publication"].versioned_copies().items():
        if current in files:
            files[versioned] = files[current]
    return files


@event_priority(-110)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    if config.plugins["i18n"].building or not _state["results"]:
        return
    site = Path(config.site_dir)
    (site / "pdf").mkdir(parents=True, exist_ok=True)
    (site / sharing.SOCIAL).mkdir(parents=True, exist_ok=True)
    for result in _state["files"].values():
        source = _state["cache"] / result.file_name
        if "-apercu-" in result.file_name:  # sharing previews: the image, not the PDF
            png = source.with_suffix(".png")
            shutil.copyfile(png, site / sharing.SOCIAL / png.name)
        elif result.document == "icone":  # the app icons, for the web app manifests
            png = source.with_suffix(".png")
            (site / offline.ICON_FOLDER).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, site / offline.ICON_FOLDER / png.name)
        else:
            shutil.copyfile(source, site / "pdf" / result.file_name)
    (site / kit.FOLDER).mkdir(parents=True, exist_ok=True)
    for trainer_kit in _state["kits"].values():
        shutil.copyfile(trainer_kit.path, site / kit.FOLDER / trainer_kit.file_name)
    # The current version of each document also at its permanent address.
    for current, versioned in _state["publication"].versioned_copies().items():
        if current in _state["files"]:
            shutil.copyfile(site / "pdf" / current, site / "pdf" / versioned)
