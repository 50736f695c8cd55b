"""The site's menu (``nav`` in mkdocs.yml): every entry exists and has its Arabic title.

This is the one module that reads the engine's configuration file; it only needs its ``nav`` and
the Arabic ``nav_translations``, which any future engine will need in some form too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from . import languages, trust
from .problems import WARNING, Report
from .schema import MARKUP
from .sources import LocatedDict, LocatedList, _Loader, read_yaml


class _ConfigLoader(_Loader):
    """Accepts the ``!ENV [NAME, default]`` tag of mkdocs.yml, read as its default value."""

    ALLOWED_TAGS = ("!ENV",)


def _env(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    return values[-1] if values else None


_ConfigLoader.add_constructor("!ENV", _env)


def load_config(path: Path, report: Report):
    return read_yaml(path, report, loader=_ConfigLoader)


def nav_entries(nav, where=None):
    """(title, page or None, position) for every entry of the menu, depth first."""
    if not isinstance(nav, LocatedList):
        return
    for index, item in enumerate(nav):
        if isinstance(item, LocatedDict):
            for title, value in item.items():
                position = item.where(title)
                if isinstance(value, str):
                    yield title, value, position
                else:
                    yield title, None, position
                    yield from nav_entries(value)
        elif isinstance(item, str):
            yield None, item, nav.where(index)


def arabic_nav_translations(config) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in (plugin["i18n"] or {}).get("languages") or []:
                if lang.get("locale") == languages.ARABIC.code:
                    return lang.get("nav_translations") or {}
    return {}


# Texts of mkdocs.yml the theme prints as they are, unescaped, in every page.
TEXT_FIELDS = ("site_name", "site_description", "site_author", "copyright")
# A menu entry leads to a page of the site (its .md file) or to another site over http(s).
_NAV_PAGE = re.compile(r"(?!/)(?!.*(?:^|/)\.\.(?:/|$))[A-Za-z0-9._/-]+\.md")
_NAV_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/%-]*)?")


def check_texts(path: Path, report: Report, config: dict) -> None:
    """The texts of the configuration hold no markup and no control character; its own site
    address (the default of SITE_URL) is as safe as SITE_URL must be."""
    if isinstance(config.get("site_url"), str):
        try:
            trust.site_url(config["site_url"])
        except trust.Untrusted as refused:
            line, column = config.where("site_url")
            report.add(path, line, column, refused.code, **refused.params)
    places = [(config, key, key) for key in TEXT_FIELDS if key in config]
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for index, lang in enumerate(plugin["i18n"].get("languages") or []):
                if not isinstance(lang, LocatedDict):
                    continue
                places += [(lang, key, f"languages[{index}].{key}")
                           for key in TEXT_FIELDS + ("name",) if key in lang]
                translations = lang.get("nav_translations")
                if isinstance(translations, LocatedDict):
                    places += [(translations, key, f"nav_translations.{key}")
                               for key in translations]
    for node, key, where in places:
        value = node[key]
        if not isinstance(value, str):
            continue
        line, column = node.where(key)
        if markup := MARKUP.search(value):
            report.add(path, line, column, "config-markup", key=where,
                       tag=value[markup.start():markup.start() + 30].split(">")[0] + ">")
        for code in trust.forbidden_characters(value):
            report.add(path, line, column, "config-characters", key=where, char=code)


# The official logo (extra.logo): an image of docs/assets/, the only folder the print pipeline
# reads images from, named by its path from the repository's root.
LOGO_FOLDER = "docs/assets/"
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg")


def logo_problem(root: Path, value) -> tuple[str, dict] | None:
    """Why ``extra.logo`` cannot be printed (message code, parameters), or None."""
    if not isinstance(value, str) or not value.startswith(LOGO_FOLDER) \
            or "\\" in value or any(part in ("", ".", "..") for part in value.split("/")) \
            or Path(value).suffix.lower() not in LOGO_TYPES:
        return "config-logo-path", {"target": str(value), "types": " ".join(LOGO_TYPES)}
    path = root / value
    link = trust.symlink_in_path(path, root)
    if link is not None:
        return "source-symlink", {"target": os.readlink(link) if link.is_symlink() else value}
    if not trust.inside(path, root):
        return "config-logo-path", {"target": value, "types": " ".join(LOGO_TYPES)}
    if not path.is_file():
        return "config-logo-missing", {"target": value}
    return None


def logo_file(root: Path, config) -> Path | None:
    """The official logo's file, once ``check`` accepted it (None without one)."""
    value = ((config or {}).get("extra") or {}).get("logo")
    if not value:
        return None
    if found := logo_problem(root, value):
        raise trust.Untrusted(found[0], **found[1])
    return root / value


def check_logo(path: Path, root: Path, report: Report, config) -> None:
    extra = config.get("extra")
    if not isinstance(extra, LocatedDict) or not extra.get("logo"):
        return
    if found := logo_problem(root, extra["logo"]):
        line, column = extra.where("logo")
        report.add(path, line, column, found[0], **found[1])


def check_nav(root: Path, report: Report, fr_pages: set[str], skip: tuple = (),
              sources: dict | None = None) -> None:
    """``fr_pages``: every page of the default language, written or generated; menu entries
    starting with one of ``skip`` are not judged; ``sources``: generated page -> the data file
    it is made from (a page missing from the menu is told there, with the line to add)."""
    path = root / "mkdocs.yml"
    config = load_config(path, report)
    if not isinstance(config, dict):
        return
    check_texts(path, report, config)
    check_logo(path, root, report, config)
    translations = arabic_nav_translations(config)
    listed = set()
    for title, page, (line, column) in nav_entries(config.get("nav")):
        if page is not None:
            if _NAV_URL.fullmatch(page):
                pass  # another site, over http(s)
            elif not _NAV_PAGE.fullmatch(page):
                report.add(path, line, column, "nav-link", target=page)
            else:
                listed.add(page)
                if page not in fr_pages and not page.startswith(skip or ("\0",)):
                    report.add(path, line, column, "nav-missing-page", page=page)
        if isinstance(title, str):
            if markup := MARKUP.search(title):
                report.add(path, line, column, "config-markup", key="nav",
                           tag=title[markup.start():markup.start() + 30].split(">")[0] + ">")
            for code in trust.forbidden_characters(title):
                report.add(path, line, column, "config-characters", key="nav", char=code)
            if title not in translations:
                report.add(path, line, column, "nav-missing-translation", title=title)
    for page in sorted(fr_pages - listed):
        if sources and page in sources:
            report.add(root / sources[page], 0, 0, "generated-page-not-in-nav", severity=WARNING,
                       page=page)
        else:
            report.add(root / "docs" / languages.DEFAULT.code / page, 0, 0, "page-not-in-nav",
                       severity=WARNING)


def add_to_nav(root: Path, page: str, after_prefix: str) -> bool:
    """Insert ``page`` in the menu after the last entry starting with ``after_prefix``; the
    rest of mkdocs.yml is left as written. False if there is no such entry."""
    path = root / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if any(line.strip() == f"- {page}" for line in lines):
        return True  # already there
    last = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(f"- {after_prefix}"):
            last = index
    if last is None:
        return False
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {page}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return True
