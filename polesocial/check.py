"""``check``: validate every source the system knows about and report all problems at once."""

from __future__ import annotations

from pathlib import Path

from . import languages, pages, publication, siteconfig
from .problems import Report


def run(root: Path) -> Report:
    report = Report(root)
    written = pages.check_pages(root, report)
    loaded = publication.load(root, report)
    known = set(pages.docs_pages(root / "docs", languages.DEFAULT.code))
    if loaded is not None:
        known |= set(loaded.page_paths())
        for lang_pages in written.values():
            for page in lang_pages.values():
                pages.check_links(page, root / "docs", known, report)
    # While the data has errors its generated pages are unknown: the menu is not judged on them.
    skip = () if loaded is not None else ("strategie/", "guides/", "charte/", "campagnes/",
                                          publication.STATUS)
    siteconfig.check_nav(root, report, known, skip)
    return report
