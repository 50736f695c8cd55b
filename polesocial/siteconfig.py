"""The site's menu (``nav`` in mkdocs.yml): every entry exists and has its Arabic title.

This is the one module that reads the engine's configuration file; it only needs its ``nav`` and
the Arabic ``nav_translations``, which any future engine will need in some form too.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import languages
from .problems import WARNING, Report
from .sources import LocatedDict, LocatedList, _Loader, read_text


class _ConfigLoader(_Loader):
    """Accepts the ``!ENV [NAME, default]`` tag of mkdocs.yml, read as its default value."""


def _env(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    return values[-1] if values else None


_ConfigLoader.add_constructor("!ENV", _env)


def load_config(path: Path, report: Report):
    text = read_text(path, report)
    if text is None:
        return None
    try:
        return yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - derives from SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        report.add(path, mark.line + 1 if mark else 1, mark.column + 1 if mark else 0,
                   "yaml-syntax", detail=error.problem or str(error))
        return None


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


def check_nav(root: Path, report: Report, fr_pages: set[str], skip: tuple = ()) -> None:
    """``fr_pages``: every page of the default language, written or generated; menu entries
    starting with one of ``skip`` are not judged."""
    path = root / "mkdocs.yml"
    config = load_config(path, report)
    if not isinstance(config, dict):
        return
    translations = arabic_nav_translations(config)
    listed = set()
    for title, page, (line, column) in nav_entries(config.get("nav")):
        if page is not None and "://" not in page:
            listed.add(page)
            if page not in fr_pages and not page.startswith(skip or ("\0",)):
                report.add(path, line, column, "nav-missing-page", page=page)
        if title is not None and title not in translations:
            report.add(path, line, column, "nav-missing-translation", title=title)
    for page in sorted(fr_pages - listed):
        report.add(root / "docs" / languages.DEFAULT.code / page, 0, 0, "page-not-in-nav",
                   severity=WARNING)


def add_to_nav(root: Path, page: str, after_prefix: str) -> bool:
    """Insert ``page`` in the menu after the last entry starting with ``after_prefix``; the
    rest of mkdocs.yml is left as written. False if there is no such entry."""
    path = root / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
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
