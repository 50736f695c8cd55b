"""``check``: validate every source the system knows about and report all problems at once."""

from __future__ import annotations

from pathlib import Path

from . import languages, pages, siteconfig, strategy
from .problems import Report
from .strategy import render


def run(root: Path) -> Report:
    report = Report(root)
    pages.check_pages(root, report)
    loaded = strategy.load(root, report)
    known = set(pages.docs_pages(root / "docs", languages.DEFAULT.code))
    if loaded is not None:
        known |= set(render.page_paths(loaded))
    # While the strategy has errors its pages are unknown: the menu is not judged on them.
    skip = () if loaded is not None else (render.FOLDER + "/",)
    siteconfig.check_nav(root, report, known, skip)
    return report
