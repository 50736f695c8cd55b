"""MkDocs adapter for the print pipeline (the logic is in polesocial.print).

The PDFs are made (or taken from the cache) once, before the pages, so that each page can show
its PDF's size and number of pages; they are copied into site/pdf/ once every language is built.
POLESOCIAL_PDF=0 turns them off for live preview.
"""

import re
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from polesocial import print as printing
from polesocial import campaigns, publication
from polesocial.web import downloads, sharing

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
    try:
        results = printer.build(loaded.books(config.site_url))
    except printing.PrintError as error:
        raise PluginError(f"PDF: {error}") from None
    _state["results"] = {(r.document, r.lang): r for r in results}
    _state["files"] = {r.file_name: r for r in results}
    _state["cache"] = printer.cache
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
    document = _state["publication"].document_of_page(relative)
    result = _state["results"].get((document, lang))
    if result is None:
        return html
    box = downloads.download_box(page.url, lang, result.file_name, result.pages, result.size)
    return downloads.after_title(html, box)


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
        else:
            shutil.copyfile(source, site / "pdf" / result.file_name)
    # The current version of each document also at its permanent address.
    for current, versioned in _state["publication"].versioned_copies().items():
        if current in _state["files"]:
            shutil.copyfile(site / "pdf" / current, site / "pdf" / versioned)
