"""MkDocs adapter for the live preview's speed (``make serve``; the logic of what is kept is
polesocial.memo's).

After an edit, the preview rebuilds every page of both languages, and nearly all of them are
converted from the very same Markdown as at the previous rebuild. In the preview only, a page's
conversion (its HTML, table of contents, title and anchors) is kept for the process's life,
keyed on everything the conversion reads: the page's Markdown as the hooks made it, its place,
the Markdown extensions and their settings, the link validation settings, and the list of the
site's files with their addresses (links are resolved against it). A conversion that logged
anything (a broken link, say) is never kept, so a warning is told at every rebuild as before.
Everything after the conversion (sanitiser, typography, verification of the finished page,
templates) is asked again for every page at every rebuild; the core's steps answer from
polesocial.memo for a text they have already seen (this hook turns it on when the engine
serves). ``polesocial build`` and ``mkdocs build`` keep nothing.

The engine's server looks for changed files every half second; the preview looks every fifth
of a second (a few milliseconds of work each time on the project's few hundred files), so that
a saved edit starts rebuilding sooner. And the theme's files (the engine lists and filters the
theme's 29,000 file names in each language's pass, a fifth of a preview's rebuild) are listed
once per process: by a build for both languages, by the preview for all its rebuilds (it does
not watch the theme, whose changes a rebuild would not see anyway: restart it after changing
overrides/). The translation plugin finds the page a link leads to by trying up to three
paths, each made with pathlib (a sixth of a page's conversion, for the site's thousands of
links): the paths it tries for a link are worked out once, by the plugin's own code, and
looked up in the site's files at every call.
"""

import copy
import logging

from mkdocs import livereload
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs_static_i18n import folder as i18n_folder

from polesocial import memo

_converted = memo.Memo()
_active: list[bool] = [False]
POLLING_INTERVAL = 0.2  # seconds between two looks at the watched files (the engine's: 0.5)
_theme_files: dict = {}  # (theme folders, templates) -> [(path, the theme folder it is in)]
_tried: dict = {}  # (link path, languages, fallback) -> the paths the translation plugin tries


def on_startup(command, dirty):
    _active[0] = command == "serve"
    memo.keep(_active[0])  # the core's results too (polesocial/memo.py)
    if not getattr(Page.render, "_polesocial", False):
        original = Page.render

        def render(self, config, files):
            if not _active[0]:
                return original(self, config, files)
            return _render(self, config, files, original)

        render._polesocial = True
        Page.render = render
    if not getattr(Files.add_files_from_theme, "_polesocial", False):
        listed = Files.add_files_from_theme

        def add_files_from_theme(self, env, config):
            return _add_theme_files(self, env, config, listed)

        add_files_from_theme._polesocial = True
        Files.add_files_from_theme = add_files_from_theme
    translated = i18n_folder.I18nFiles
    if not getattr(translated.get_file_from_path, "_polesocial", False):
        found = translated.get_file_from_path

        def get_file_from_path(self, path):
            return _translated_file(self, path, found)

        get_file_from_path._polesocial = True
        translated.get_file_from_path = get_file_from_path
    # The server is made after this event (mkdocs.commands.serve).
    if _active[0] and not getattr(livereload.LiveReloadServer.__init__, "_polesocial", False):
        made = livereload.LiveReloadServer.__init__

        def init(self, *args, **kwargs):
            kwargs.setdefault("polling_interval", POLLING_INTERVAL)
            made(self, *args, **kwargs)

        init._polesocial = True
        livereload.LiveReloadServer.__init__ = init


def _add_theme_files(files, env, config, listed) -> None:
    """What ``Files.add_files_from_theme`` adds, from the theme's listing made the first time:
    each theme file the pages' folder does not hold, from the first theme folder that has it
    (the listing depends on the theme's folders and the templates it renders, not on the
    language or the site's folder). A folder named twice counts once: the translation plugin
    puts its own in front again for the second language, and a file is taken from the first
    folder holding it either way."""
    key = (tuple(dict.fromkeys(config.theme.dirs)), tuple(sorted(config.theme.static_templates)))
    found = _theme_files.get(key)
    if found is None:
        every = Files([])  # no page: every theme file is listed
        listed(every, env, config)
        found = _theme_files[key] = [(file.src_uri, file.src_dir) for file in every]
    for path, folder in found:
        if files.get_file_from_path(path) is None:
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))


class _Asked(dict):
    """The site's files as the translation plugin's lookup sees them: each path it asks for is
    noted, and none is there (so it asks for every path it would try, in its order)."""

    def __init__(self):
        super().__init__()
        self.asked: list[str] = []

    def get(self, key, default=None):
        self.asked.append(key)
        return default


def _translated_file(files, path, found):
    """What the translation plugin's ``get_file_from_path`` gives: the first of the paths it
    tries that is one of the site's files. The paths depend only on the link's path, the
    current and default languages and the fallback setting; they are asked of the plugin's
    own code once, with files that hold nothing."""
    plugin = files.plugin
    key = (path, plugin.current_language, plugin.default_language,
           plugin.config.fallback_to_default)
    tried = _tried.get(key)
    if tried is None:
        probe = copy.copy(files)
        probe._src_uris = _Asked()
        found(probe, path)
        tried = _tried[key] = tuple(probe._src_uris.asked)
    uris = files.src_uris
    for uri in tried:
        file = uris.get(uri)
        if file:
            return file
    return None


class _Logged(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _files_signature(files) -> tuple:
    signature = getattr(files, "_polesocial_signature", None)
    if signature is None:
        signature = tuple((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
        files._polesocial_signature = signature
    return signature


def _render(page, config, files, original):
    key = (page.markdown, page.file.src_uri, page.file.dest_uri, page.file.url,
           repr(config["markdown_extensions"]), repr(config["mdx_configs"]),
           repr(config.validation), config.use_directory_urls, _files_signature(files),
           logging.getLogger("mkdocs").getEffectiveLevel())
    kept = _converted.lookup(key)
    if kept is not None:
        content, toc, title, anchors, links = kept
        targets = {src: files.get_file_from_path(src) for src in (links or {})}
        if all(target is not None for target in targets.values()):
            page.content = content
            page.toc = copy.deepcopy(toc)
            page._title_from_render = title
            page.present_anchor_ids = set(anchors)
            if links is not None:
                page.links_to_anchors = {targets[src]: dict(found)
                                         for src, found in links.items()}
            return None
    logger = logging.getLogger("mkdocs")
    logged = _Logged()
    logger.addHandler(logged)
    try:
        original(page, config, files)
    finally:
        logger.removeHandler(logged)
    if not logged.count:
        links = page.links_to_anchors
        _converted.store(key, (
            page.content, copy.deepcopy(page.toc), page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {target.src_uri: dict(found)
                                        for target, found in links.items()}))
    return None
