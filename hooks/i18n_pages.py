"""MkDocs adapter for the per-language details of every page (the logic is in polesocial.web).

mkdocs-static-i18n runs the whole build once per language; these hooks only read which language
is being built and hand the page to the core.
"""

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

from polesocial import languages, messages, publication
from polesocial.web import (document, fallback, feed, offline, search, sharing, sitemap,
                            theme_bundle, urls)

# The theme renders 404.html (and offline.html) at the site root in every language's pass, so
# the last language would overwrite the others. Each rendering is kept here and written to its
# own place (/404.html, /ar/404.html, /ar/offline.html) once every language is built.
_static_pages: dict[tuple[str, str], str] = {}
_STATIC_PATHS = {"404.html": fallback.not_found_path, offline.OFFLINE_TEMPLATE: offline.offline_page}
# Every page of every language, for the sitemap written once at the end: {path: languages}.
_pages: dict[str, set[str]] = {}
# The theme's bundle, changed once per build process (see _theme_bundle).
_bundle: list[str] = []
# The search index of each language, page by page: {lang: [entries]}.
_search_entries: dict[str, list[dict]] = {}


def _lang(config) -> str:
    return config.theme["language"]


def _file_lang(page) -> str:
    return getattr(page.file, "locale", None) or languages.DEFAULT.code


def on_env(env, config, files):
    env.globals["ui"] = messages.ui(_lang(config))
    env.globals["ps_feed"] = feed.head_link(config.site_url, _lang(config))
    env.filters["localise_title"] = lambda title: document.localise_title(str(title), _lang(config))
    return env


def on_page_content(html, page, config, files):
    lang = _lang(config)
    if fallback.is_fallback(_file_lang(page), lang):
        return fallback.wrap_fallback(html, _file_lang(page), lang)
    loaded, _ = publication.load_shared(Path(config.config_file_path).parent)
    words = loaded.french_words if loaded is not None else frozenset()
    return document.localise_content(html, lang, words)


def _made_from_data(config, relative: str) -> bool:
    loaded, _ = publication.load_shared(Path(config.config_file_path).parent)
    return loaded is not None and relative in loaded.page_paths()


def on_page_context(context, page, config, nav):
    lang = _lang(config)
    # The page's path inside docs/<lang>/, the same in every language (folder structure).
    relative = page.file.src_uri.split("/", 1)[-1]
    docs = Path(config.docs_dir)
    available = [code.code for code in languages.LANGUAGES
                 if (docs / code.code / relative).is_file()]
    if not available and _made_from_data(config, relative):
        # A page made from data (hooks/generated_pages.py) exists in every language.
        available = [code.code for code in languages.LANGUAGES]
    _pages.setdefault(urls.neutral_path(page.url, lang), set()).update(available)
    context["ps_noindex"] = fallback.is_fallback(_file_lang(page), lang)
    description = (page.meta or {}).get("description") or config.site_description or ""
    context["ps_social"] = sharing.social_meta(config.site_url, lang, relative,
                                           page.canonical_url or config.site_url,
                                           page.title or config.site_name, description)
    if not search.excluded(page.meta):
        _search_entries.setdefault(lang, []).extend(search.page_entries(
            page.content or "", urls.neutral_path(page.url, lang), page.title or "",
            (page.meta or {}).get("description") or "", relative in publication.LISTINGS))
    return context


def _theme_bundle(config) -> tuple[str, str, str]:
    """(the theme's bundle name, our bundle's name, our bundle's code), read once."""
    if not _bundle:
        found = [path for folder in config.theme.dirs
                 for path in sorted(Path(folder).glob("assets/javascripts/bundle.*.min.js"))]
        if not found:
            raise theme_bundle.ThemeChanged("the theme has no assets/javascripts/bundle.*.min.js")
        _bundle.extend((found[0].name, *theme_bundle.deferred_bundle(found[0].read_text("utf-8"))))
    return tuple(_bundle)


def _finish_page(output, config) -> str:
    theme_file, bundle, _ = _theme_bundle(config)
    output = search.configure_search(output, _lang(config))
    output = theme_bundle.use_bundle(output, theme_file, bundle)
    output = document.drop_empty_tabindex(output)
    output = document.drop_dangling_toc_label(output)
    return document.set_document_direction(output, _lang(config))


def on_post_page(output, page, config):
    return _finish_page(output, config)


def on_post_template(output, template_name, config):
    if template_name in _STATIC_PATHS:
        output = _finish_page(output, config)
        _static_pages[(template_name, _lang(config))] = output
    return output


@event_priority(-110)  # after mkdocs-static-i18n, which builds the other languages at -100
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a nested language build: the outermost one writes the pages
    site = Path(config.site_dir)
    for (template, lang), output in _static_pages.items():
        path = site / _STATIC_PATHS[template](lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    entries = [sitemap.PageEntry(path, tuple(langs)) for path, langs in _pages.items()]
    sitemap_data = sitemap.sitemap_xml(config.site_url, entries).encode("utf-8")
    (site / "sitemap.xml").write_bytes(sitemap_data)
    (site / "sitemap.xml.gz").write_bytes(sitemap.gzip_bytes(sitemap_data))
    (site / "robots.txt").write_text(sitemap.robots_txt(config.site_url), encoding="utf-8")
    # Each language's index replaces the theme's (one index for both languages), and our
    # search worker the theme's worker and its language files, which no page loads.
    for lang, entries in _search_entries.items():
        root = site / languages.get(lang).prefix
        (root / search.INDEX).parent.mkdir(parents=True, exist_ok=True)
        index, text = search.language_index(entries, lang)
        (root / search.INDEX).write_bytes(index)
        (root / search.TEXT).write_bytes(text)
    workers = site / search.WORKER_FOLDER
    for theme_file in workers.glob("search.*.min.js*"):
        theme_file.unlink()
    shutil.rmtree(site / "assets/javascripts/lunr", ignore_errors=True)
    name, code = search.search_worker()
    workers.mkdir(parents=True, exist_ok=True)
    (workers / name).write_text(code, encoding="utf-8")
    theme_file, bundle, code = _theme_bundle(config)
    javascripts = site / "assets" / "javascripts"
    (javascripts / bundle).write_text(code, encoding="utf-8")
    (javascripts / theme_file).unlink(missing_ok=True)  # no page loads it
    _static_pages.clear()
    _pages.clear()
    _search_entries.clear()
