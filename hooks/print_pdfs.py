"""MkDocs adapter for the print pipeline (the logic is in polesocial.print).

The PDFs are made (or taken from the cache) once, before the pages, so that each page can show
its PDF's size and number of pages; they are copied into site/pdf/ once every language is built.
POLESOCIAL_PDF=0 turns them off for live preview.
"""

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from polesocial import print as printing
from polesocial import problems, publication, web

_state: dict = {"results": {}}


def on_config(config):
    if config.plugins["i18n"].building:
        return config  # a nested language build: the PDFs are already made
    _state["results"] = {}
    if not printing.enabled():
        return config
    root = Path(config.config_file_path).parent
    report = problems.Report(root)
    loaded = publication.load(root, report)
    if loaded is None:
        return config  # generated_pages reports the errors
    _state["publication"] = loaded
    printer = printing.Printer(root)
    try:
        results = printer.build(loaded.books(config.site_url))
    except printing.PrintError as error:
        raise PluginError(f"PDF: {error}") from None
    _state["results"] = {(r.document, r.lang): r for r in results}
    _state["cache"] = printer.cache
    return config


def on_page_content(html, page, config, files):
    if not _state["results"]:
        return html
    relative = page.file.src_uri.split("/", 1)[-1]
    document = _state["publication"].document_of_page(relative)
    lang = config.theme["language"]
    result = _state["results"].get((document, lang))
    if result is None:
        return html
    box = web.download_box(page.url, lang, result.file_name, result.pages, result.size)
    return web.after_title(html, box)


@event_priority(-110)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    if config.plugins["i18n"].building or not _state["results"]:
        return
    folder = Path(config.site_dir) / "pdf"
    folder.mkdir(parents=True, exist_ok=True)
    for result in _state["results"].values():
        shutil.copyfile(_state["cache"] / result.file_name, folder / result.file_name)
