"""``check``: validate every source the system knows about and report all problems at once."""

from __future__ import annotations

from pathlib import Path

from . import languages, pages, siteconfig
from .problems import Report


def run(root: Path) -> Report:
    report = Report(root)
    pages.check_pages(root, report)
    default_pages = set(pages.docs_pages(root / "docs", languages.DEFAULT.code))
    siteconfig.check_nav(root, report, default_pages)
    return report
