"""``check``: validate every source the system knows about and report all problems at once.

The same function runs for ``polesocial check`` and inside the build (``hooks/``), so that
nothing is published that ``check`` would refuse, whichever command started the build.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import counts, memo, languages, links, pages, publication, sanitiser, siteconfig, translations, trust
from .problems import Report


def run(root: Path, env=None) -> Report:
    return _run(root, env)[0]


_shared: dict = {}
# The environment the check depends on (the language of messages is not: problems are codes).
ENVIRONMENT = ("SITE_URL", "SOURCE_DATE_EPOCH", "POLESOCIAL_PDF")


def shared(root: Path):
    """(report, publication or None), once per state of the sources and of the environment:
    the engine adapters of one build share it (every language's pass), and a live preview
    checks again as soon as a source changes."""
    stamp = [tuple(os.environ.get(name) for name in ENVIRONMENT)]
    for name in (trust.CONFIG_FILE, translations.RECORDS.as_posix(), *trust.SOURCE_FOLDERS):
        for folder, dirs, files in os.walk(root / name):
            dirs.sort()
            for file in sorted(files):
                info = os.lstat(os.path.join(folder, file))
                stamp.append((folder, file, info.st_mtime_ns, info.st_size))
        if (root / name).is_file():
            info = os.lstat(root / name)
            stamp.append((name, info.st_mtime_ns, info.st_size))
    key = (str(Path(root).resolve()), hash(tuple(stamp)))
    if key not in _shared:
        _shared.clear()
        _shared[key] = _run(root, None)
    return _shared[key]


def _run(root: Path, env=None):
    with memo.during():
        return _check(root, env)


def _check(root: Path, env=None):
    report = Report(root)
    trust.check_environment(report, env)
    trust.check_tree(root, report)
    written = pages.check_pages(root, report)
    loaded = publication.load(root, report)
    known = set(pages.docs_pages(root / "docs", languages.DEFAULT.code))
    if loaded is not None:
        generated = set(loaded.page_paths())
        for lang_pages in written.values():
            for relative, page in lang_pages.items():
                if relative in generated:
                    report.add(page.path, 0, 0, "page-hidden", page=relative)
        known |= generated
        numbers = counts.data_counts(loaded)
        for lang_pages in written.values():
            for page in lang_pages.values():
                pages.check_links(page, root / "docs", known, report)
                counts.check_page(page, numbers, report)
        anchors = _Anchors(root, loaded, written)
        for lang_pages in written.values():
            for page in lang_pages.values():
                links.check(page.path, page.body, page.body_line, loaded, report, False,
                            anchors.of(page.lang))
        for document in loaded.documents:
            for lang, found in (document.links or {}).items():
                source = pages.Page(root / document.folder / f"{lang}.md", lang, document.page,
                                    {}, document.bodies[lang], 1, found)
                pages.check_links(source, root / "docs", known, report)
                links.check(source.path, source.body, 1, loaded, report, document.draft,
                            anchors.of(lang))
    # While the sources have errors the generated pages are uncertain: the menu is not judged
    # on them.
    skip = () if loaded is not None and not report.errors else ("strategie/", "guides/", "charte/", "campagnes/",
                                          publication.STATUS)
    # A document's history page is reached from the document's page, not from the menu.
    subpages = {t.history_page for t in loaded.tracked} if loaded is not None else set()
    siteconfig.check_nav(root, report, known - subpages, skip,
                         loaded.sources() if loaded is not None else None)
    return report, (loaded if not report.errors else None)


class _Anchors:
    """The ids of each page in one language, worked out only for the pages a link names with
    an anchor (it takes converting the page)."""

    def __init__(self, root: Path, loaded, written):
        self.root, self.loaded, self.written = root, loaded, written
        self.cache: dict = {}

    def of(self, lang: str):
        """page -> its ids in ``lang``."""
        return lambda page: self.ids(page, lang)

    def ids(self, page: str, lang: str) -> set[str]:
        if (page, lang) not in self.cache:
            if page in self.written.get(lang, {}):
                text = self.written[lang][page].body
            elif page in set(self.loaded.page_paths()):
                text = self.loaded.render(page, lang)
            else:
                text = ""
            self.cache[(page, lang)] = sanitiser.ids(text)
        return self.cache[(page, lang)]
