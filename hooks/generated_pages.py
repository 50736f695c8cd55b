"""MkDocs adapter for the pages made from data: the strategy, the guides, the charter, the
translation status, and the strategy's open data (the logic is in polesocial.publication).

The pages exist in no folder: placeholders are added to the site's files before
mkdocs-static-i18n sorts them by language, and their Markdown comes from the core when MkDocs
reads them.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from polesocial import languages, links, messages, publication
from polesocial.strategy import opendata, render
from polesocial.web import feed

_state: dict = {}


def on_config(config):
    # hooks/trust.py, listed first, has checked the sources and stopped on any error.
    loaded, _ = publication.load_shared(Path(config.config_file_path).parent)
    if loaded is None:
        raise PluginError(messages.UI["sources_have_errors"][messages.language()])
    _state["publication"] = loaded
    _state["paths"] = set(loaded.page_paths())
    return config


def on_files(files, config):
    # Default priority (0): before mkdocs-static-i18n's on_files (-100) assigns languages.
    for lang in languages.LANGUAGES:
        for path in _state["publication"].page_paths():
            files.append(File(f"{lang.code}/{path}", config.docs_dir, config.site_dir,
                              config.use_directory_urls))
    return files


def on_page_read_source(page, config):
    relative = page.file.src_uri.split("/", 1)[-1]
    if relative not in _state["paths"]:
        return None
    page.file.edit_uri = None
    return _state["publication"].render(relative, config.theme["language"])


def on_page_markdown(markdown, page, config, files):
    """A hand-written page: its links to other publications (guide:…, strategie:…) become
    links to their pages (the pages made from data resolve theirs when they are made), and in
    its own language (not shown in place of a missing one) it carries the "under review"
    notice when its translation follows an older French."""
    lang = config.theme["language"]
    relative = page.file.src_uri.split("/", 1)[-1]
    if relative in _state["paths"]:
        return markdown
    markdown = links.resolve(markdown, relative, render.Links(lang), _state["publication"])
    if not page.file.src_uri.startswith(f"{lang}/"):
        return markdown
    return _state["publication"].page_markdown(relative, lang, markdown)


@event_priority(-110)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    folder = Path(config.site_dir) / render.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for kind, name in opendata.FILES.items():
        (folder / name).write_bytes(opendata.serialise(_state["publication"].strategy, kind))
    # The Atom feed of document updates, in each language.
    for lang in languages.LANGUAGES:
        path = Path(config.site_dir) / lang.prefix / feed.FEED
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(feed.atom(config.site_url, lang.code, _state["publication"].tracked))
