"""The versions of each document: change notes as data, checked; what changed, from the
repository's history; the dates, lists and pages that show them.

Every document (the strategy, each guide, the charter, each campaign) lists its published
versions in its metadata, newest first::

    history:
      - version: "0.2"
        date: "2026-12-15"
        note:
          fr: "Ajout d’une partie sur l’assurance des bénévoles."
          ar: "إضافة جزء حول تأمين المتطوعين."
      - version: "0.1"
        date: "2026-11-29"
        note: {fr: "Première publication, en projet.", ar: "أول نشر، في صيغة مشروع."}

``check`` validates the list (``read_history``). The text of each version is the one of the
commit where the metadata's version changed to it (``Timeline``, through ``repository.py``);
the difference between two versions is shown word by word (``textdiff.py``). Where the history
is missing (no git, a shallow clone), the page says so and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from . import languages, messages, textdiff, trust
from .problems import Report
from .repository import Repository
from .schema import Checker, join
from .sources import LocatedDict, parse_yaml

KEY = "history"
VERSION = r"[0-9]+(?:\.[0-9]+){0,3}"
HISTORY_PAGE = "historique.md"
WORKTREE = "worktree"  # the version is in the files as they are, not yet in a commit


@dataclass(frozen=True)
class Entry:
    version: str  # as written: "1.10" stays 1.10
    date: dt.date
    note: dict  # {"fr": …, "ar": …}

    @property
    def anchor(self) -> str:
        """The id of its heading on the history page: 0.2 -> v0-2."""
        return "v" + self.version.replace(".", "-")


def version_key(version: str) -> tuple[int, ...]:
    """Versions compared as numbers, part by part: 1.10 after 1.9, 1.2 the same as 1.2.0."""
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def today() -> dt.date:
    """The day dates are judged against: the machine's, not SOURCE_DATE_EPOCH (that one is the
    time of the sources, for reproducible output; a build of an old commit must still pass)."""
    return dt.date.today()


# --- Metadata --------------------------------------------------------------------------------

def read_history(check: Checker, meta: LocatedDict, published: bool,
                 version: str | None = None, date: dt.date | None = None) -> tuple[Entry, ...]:
    """The ``history`` list of a metadata file, checked: each entry's version, date and note in
    both languages; versions increasing and dates in order from the bottom up; no date after
    today; the document's own ``version`` and ``date`` (when it has them) those of the first
    entry; at least one entry for a published document. Problems go to ``check``."""
    if KEY not in meta or meta[KEY] is None or meta[KEY] == []:
        if published:
            check.problem(meta, KEY if KEY in meta else None, "history-missing", KEY)
        return ()
    items = check.listing(meta, KEY, KEY)
    if items is None:
        return ()
    entries, nodes = [], []
    for index in range(len(items)):
        where = f"{KEY}[{index}]"
        node = check.mapping(items, index, where, required=("version", "date", "note"))
        if node is None:
            continue
        found_version = _version(check, node, join(where, "version"))
        found_date = _date(check, node, join(where, "date"))
        note = check.bilingual(node, "note", join(where, "note")) if "note" in node else None
        if found_version and found_date and note:
            entries.append(Entry(found_version, found_date, note))
            nodes.append((node, where))
    if len(entries) != len(items):
        return ()  # the order is judged once every entry reads
    for index in range(len(entries) - 1):
        (entry, older), (node, where) = entries[index:index + 2], nodes[index]
        if version_key(entry.version) <= version_key(older.version):
            check.problem(node, "version", "history-version-order", join(where, "version"),
                          version=entry.version, older=older.version)
        if entry.date < older.date:
            check.problem(node, "date", "history-date-order", join(where, "date"),
                          version=entry.version, date=entry.date.isoformat(),
                          older=older.version, older_date=older.date.isoformat())
    for entry, (node, where) in zip(entries, nodes):
        if entry.date > today():
            check.problem(node, "date", "history-future", join(where, "date"),
                          date=entry.date.isoformat())
    latest = entries[0]
    if version is not None and version != latest.version:
        check.problem(meta, "version", "history-current", "version", version=version,
                      latest=latest.version)
    if date is not None and date != latest.date:
        check.problem(meta, "date", "history-date-current", "date", date=date.isoformat(),
                      latest=latest.date.isoformat())
    return tuple(entries)


def _version(check: Checker, node, where: str) -> str | None:
    value = node.raw("version")
    if not isinstance(value, (str, int)) or isinstance(value, bool) \
            or not re.fullmatch(VERSION, str(value).strip()):
        check.problem(node, "version", "version-format", where, value=value)
        return None
    return str(value).strip()


def _date(check: Checker, node, where: str) -> dt.date | None:
    value = node.get("date")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    check.problem(node, "date", "doc-date", where, value=value)
    return None


def version_in(text: str) -> str | None:
    """The current version a metadata file states, as an older commit holds it: its
    ``version``, else its latest history entry's; None if it states none or cannot be read.

    Only the file's structure is read (YAML composed, not constructed: an alias stays a
    reference, never expanded), with libyaml when PyYAML has it: a few milliseconds for the
    whole strategy, where reading it as a source takes a tenth of a second."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except (yaml.YAMLError, RecursionError):
        return None
    value = _scalar(_item(root, "version"))
    if value is None:
        entries = _item(root, KEY)
        if isinstance(entries, yaml.SequenceNode) and entries.value:
            value = _scalar(_item(entries.value[0], "version"))
    if value is not None and re.fullmatch(VERSION, value.strip()):
        return value.strip()
    return None


def _item(node, key: str):
    import yaml

    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return value
    return None


def _scalar(node) -> str | None:
    import yaml

    return node.value if isinstance(node, yaml.ScalarNode) else None


# --- A document's versions in the repository ---------------------------------------------------

@dataclass(frozen=True)
class Tracked:
    """A document as the history sees it."""

    key: str  # unique: the PDF's id, or campaign-<id>
    kind: str  # "strategy", "guide", "charter" or "campaign"
    title: dict
    page: str  # its page, inside docs/<lang>/ (generated)
    meta: str  # its metadata file, relative to the project
    texts: dict  # lang -> the files whose text is compared (relative to the project)
    entries: tuple[Entry, ...]
    pdf_id: str | None = None  # the id of its book, if it is printed as one

    @property
    def history_page(self) -> str:
        return history_page(self.page)

    @property
    def current(self) -> Entry | None:
        return self.entries[0] if self.entries else None


def history_page(page: str) -> str:
    """guides/benevolat.md -> guides/benevolat/historique.md; charte/index.md ->
    charte/historique.md."""
    folder = posixpath.dirname(page) if page.endswith("/index.md") or page == "index.md" \
        else page.removesuffix(".md")
    return posixpath.join(folder, HISTORY_PAGE)


@dataclass
class Changes:
    """What changed in one version, in one language."""

    state: str  # "first", "unavailable", "missing", "compared"
    comparison: textdiff.Comparison | None = None
    previous: str | None = None  # the version it is compared with


class Timeline:
    """Where each version of a document stands in the repository, and what changed."""

    def __init__(self, root: Path, tracked: Tracked, repository: Repository | None):
        self.root = root
        self.tracked = tracked
        self.repository = repository
        self.commits: dict[str, tuple[str, bool]] = {}  # version -> (commit or WORKTREE, sure)
        self._files: dict[str, dict | None] = {}
        self._changes: dict[tuple[int, str], Changes] = {}
        if repository is not None and tracked.entries:
            self._find_versions()

    @property
    def available(self) -> bool:
        return self.repository is not None

    def _find_versions(self):
        repository = self.repository
        commits = repository.commits(self.tracked.meta, mentioning="version:")
        blobs = repository.read([(commit.id, self.tracked.meta) for commit in commits])
        for commit, blob in zip(commits, blobs):
            text = trust.history_text(blob) if blob is not None else None
            version = version_in(text) if text is not None else None
            if version is not None and version not in self.commits:
                # The first commit of a shallow clone may come long after the version did.
                self.commits[version] = (commit.id, not (commit.root and repository.shallow))
        current = self.tracked.current.version
        if current not in self.commits:
            self.commits[current] = (WORKTREE, True)

    def files(self, version: str) -> dict[str, str] | None:
        """{relative path: text} of the document's files at ``version``, or None."""
        if version in self._files:
            return self._files[version]
        found = self.commits.get(version)
        result = None
        if found is not None:
            paths = sorted({p for files in self.tracked.texts.values() for p in files}
                           | {self.tracked.meta})
            if found[0] == WORKTREE:
                blobs = [_read_worktree(self.root / p) for p in paths]
            else:
                blobs = self.repository.read([(found[0], p) for p in paths])
            texts = [trust.history_text(b) if b is not None else None for b in blobs]
            if None not in texts:
                result = dict(zip(paths, texts))
        self._files[version] = result
        return result

    def changes(self, index: int, lang: str) -> Changes:
        """The changes of entry ``index`` (0 = newest) from the entry below it, in ``lang``."""
        if (index, lang) not in self._changes:
            self._changes[index, lang] = self._compare(index, lang)
        return self._changes[index, lang]

    def _compare(self, index: int, lang: str) -> Changes:
        entries = self.tracked.entries
        if index == len(entries) - 1:
            return Changes("first")
        entry, previous = entries[index], entries[index + 1]
        if not self.available:
            return Changes("unavailable", previous=previous.version)
        here, before = self.commits.get(entry.version), self.commits.get(previous.version)
        if here is None or before is None or not (here[1] and before[1]):
            state = "unavailable" if self.repository.shallow else "missing"
            return Changes(state, previous=previous.version)
        new, old = self.files(entry.version), self.files(previous.version)
        if new is None or old is None:
            return Changes("missing", previous=previous.version)
        files = self.tracked.texts[lang]
        comparison = textdiff.compare(_blocks(old, files, lang), _blocks(new, files, lang), lang)
        return Changes("compared", comparison, previous.version)


def _read_worktree(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def _blocks(files: dict[str, str], names: list[str], lang: str) -> list[textdiff.Block]:
    blocks: list[textdiff.Block] = []
    for name in names:
        if name.endswith(".md"):
            blocks += textdiff.markdown_blocks(files[name])
        else:
            data = parse_yaml(files[name], Path(name), Report(Path(".")))
            blocks += textdiff.data_blocks(data, lang)
    return blocks


# --- What readers see ------------------------------------------------------------------------

def long_date(date: dt.date, lang: str) -> str:
    from babel.dates import format_date  # here: a build with no history to show skips it

    return format_date(date, format="long", locale=languages.get(lang).locale)


def _time(date: dt.date, lang: str) -> str:
    return f'<time datetime="{date.isoformat()}">{html.escape(long_date(date, lang))}</time>'


def _text(value: str) -> str:
    from .strategy.render import text

    return text(value)


def dates_line(tracked: Tracked, lang: str) -> str:
    """'Publié le … · Dernière mise à jour le … — voir l’historique' (Markdown), under the
    title of the document's page; the link leads to the list at the bottom of the page."""
    ui = messages.UI
    first, last = tracked.entries[-1], tracked.entries[0]
    parts = [ui["history_published"][lang].format(date=_time(first.date, lang))]
    if len(tracked.entries) > 1:
        parts.append(ui["history_updated"][lang].format(date=_time(last.date, lang)))
    return (" · ".join(parts) + f" — [{_text(ui['history_see'][lang])}](#historique)\n"
            "{ .ps-history-dates }\n")


def section(tracked: Tracked, lang: str, here: str, href) -> str:
    """The list of versions at the bottom of the document's page, newest first (Markdown).
    ``href(from, to, fragment)`` makes a link between pages."""
    ui = messages.UI
    out = [f"## {_text(ui['history_title'][lang])} {{#historique}}\n"]
    for entry in tracked.entries:
        title = ui["doc_version"][lang].format(version=entry.version)
        link = href(here, tracked.history_page, entry.anchor)
        out.append(f"- [**{_text(title)}**]({link}) — {_time(entry.date, lang)}"
                   f"{_colon(lang)} {_text(entry.note[lang])}")
    out.append("")
    out.append(f"[{_text(ui['history_changes_link'][lang])}]"
               f"({href(here, tracked.history_page)})\n")
    return "\n".join(out) + "\n"


def _colon(lang: str) -> str:
    return " :" if lang == "fr" else ":"


def page(tracked: Tracked, timeline: Timeline, lang: str, href) -> str:
    """The history page of a document (Markdown with its header): every version, newest
    first, with its date, its note, its PDF and what changed from the version before."""
    from .strategy.render import _front_matter

    ui = messages.UI
    here = tracked.history_page
    title = tracked.title[lang]
    # Out of the site's search: a history holds the words a document no longer has (its
    # removed passages), and a search must lead to the document, whose page lists its versions.
    out = [_front_matter(ui["history_page_title"][lang].format(title=title),
                         ui["history_page_description"][lang].format(title=title),
                         searched=False),
           f"# {_text(ui['history_page_title'][lang].format(title=title))} {{#historique}}\n",
           f"[{_text(ui['history_back'][lang])}]({href(here, tracked.page)})\n"]
    states = [timeline.changes(i, lang).state for i in range(len(tracked.entries))]
    if "compared" in states:
        out.append(f"{_text(ui['history_legend'][lang])}\n{{ .ps-diff-legend }}\n")
    if "unavailable" in states:
        out.append(f'!!! note "{_text(ui["history_unavailable_title"][lang])}"\n\n'
                   f"    {_text(ui['history_unavailable'][lang])}\n")
    for index, entry in enumerate(tracked.entries):
        heading = ui["history_entry"][lang].format(version=entry.version,
                                                   date=long_date(entry.date, lang))
        out.append(f"## {_text(heading)} {{#{entry.anchor}}}\n")
        out.append(f"{_text(entry.note[lang])}\n")
        if tracked.pdf_id:
            out.append(f"<!-- ps-version-pdfs:{tracked.pdf_id}:{entry.version} -->\n")
        out.append(_changes(timeline.changes(index, lang), entry, lang))
    return "\n".join(out) + "\n"


def _changes(changes: Changes, entry: Entry, lang: str) -> str:
    ui = messages.UI
    if changes.state == "first":
        return f"{_text(ui['history_first'][lang])}\n{{ .ps-diff-none }}\n"
    heading = ui["history_changes"][lang].format(version=changes.previous)
    out = [f"### {_text(heading)} {{#{entry.anchor}-modifications}}\n"]
    if changes.state == "unavailable":
        out.append(f"{_text(ui['history_changes_unavailable'][lang])}\n{{ .ps-diff-none }}\n")
    elif changes.state == "missing":
        out.append(f"{_text(ui['history_version_missing'][lang])}\n{{ .ps-diff-none }}\n")
    elif not changes.comparison.items:
        out.append(f"{_text(ui['history_no_change'][lang])}\n{{ .ps-diff-none }}\n")
    else:
        comparison = changes.comparison
        out.append(_text(ui["diff_summary"][lang].format(
            added=comparison.added, removed=comparison.removed, changed=comparison.changed))
            + "\n{ .ps-diff-summary }\n")
        out.append(comparison.html + "\n")
    return "\n".join(out)


def superseded_line(tracked: Tracked, lang: str) -> str:
    """The cover line of an older version's PDF (its colophon says where the newer is)."""
    return messages.UI["history_superseded"][lang].format(version=tracked.current.version)


def versioned_file(pdf_id: str, version: str, lang: str) -> str:
    """The permanent name of a version's PDF: guide-benevolat-v0.2-fr.pdf."""
    return f"{pdf_id}-v{version}-{lang}.pdf"


__all__ = ["Entry", "Timeline", "Tracked", "read_history", "version_key"]
