"""Pictograms for the campaign kit: the Material Design icons the site's theme already ships.

They come from the installed mkdocs-material package (``material/templates/.icons/material``),
under the Pictogrammers Free License (its LICENSE file sits beside them): free to use, modify
and redistribute, in print too. No other picture is ever drawn on a poster: no photo, no
emblem, nothing made up. The package is located, not imported: the core imports no MkDocs.
"""

from __future__ import annotations

import base64
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=1)
def folder() -> Path | None:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "templates" / ".icons" / "material"


def path(name: str) -> Path | None:
    base = folder()
    if not base or not _NAME.fullmatch(name or ""):
        return None
    found = base / f"{name}.svg"
    return found if found.is_file() else None


def exists(name: str) -> bool:
    return path(name) is not None


def data_uri(name: str, colour: str) -> str:
    """The icon as an SVG ``data:`` URL, drawn in ``colour`` (any CSS colour)."""
    svg = path(name).read_text(encoding="utf-8")
    svg = svg.replace("<svg ", f'<svg fill="{colour}" ', 1)
    if "xmlns=" not in svg:
        svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
