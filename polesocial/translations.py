"""Which French each Arabic text translates, item by item, for everything not in a guide.

The guides and the charter record the French their Arabic follows in their own metadata (one
record per document, polesocial.guides). The strategy, the campaigns and the hand-written pages
hold many items each (58 actions, a campaign's dozen messages), so their records live in one
file of their own, ``translations.yml``, which only ``make translated`` writes: editors
never edit it, the sources they edit stay free of fingerprints, and a French edit shows in the
records' history.

For each item (an identifier of the strategy such as A1.2.3, a campaign's ``public-1``, a
page) the record is a fingerprint of its French. When the French changes, the item is
*outdated*; an item with no record (a new one) is *untracked*. Both are reported by
``check`` with the command to run once the Arabic has been reviewed, and the Arabic page and
PDF say the translation is under review until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import languages, messages, pages, paired
from .guides import source_hash
from .problems import WARNING, Report
from .schema import Checker
from .sources import LocatedDict, parse_yaml, read_text
from .strategy import STRATEGY_FILE

RECORDS = Path("translations.yml")
COMMAND = "make translated"  # the editors' command (Makefile), typed from the project folder
PAGE = "page"  # the one item of a hand-written page
_HEADER = """\
# Which French text each Arabic text translates: for every item of the strategy, of the
# campaigns and of the hand-written pages, a fingerprint of its French. Written by
# `make translated DOC=<file> ITEMS=<item>` once the Arabic has been reviewed; never edited
# by hand. (Guides and the charter keep theirs in guide.yml and charter.yml.)
"""


@dataclass(frozen=True)
class ItemState:
    file: str  # the tracked file, relative: strategy/strategy.yml, campaigns/x.yml, docs/ar/x.md
    id: str
    line: int  # where its Arabic stands
    column: int
    fingerprint: str  # of its French today
    recorded: str | None  # the fingerprint its Arabic follows, if any

    @property
    def state(self) -> str:
        """'current', 'outdated' or 'untracked'."""
        if self.recorded is None:
            return "untracked"
        return "current" if self.recorded == self.fingerprint else "outdated"

    @property
    def command(self) -> str:
        return f"{COMMAND} DOC={self.file}" + ("" if self.id == PAGE else f" ITEMS={self.id}")


def tracked_items(root: Path) -> dict[str, list[tuple[str, int, int, str]]]:
    """file -> [(item, line, column of its Arabic, fingerprint of its French)], in order."""
    found: dict[str, list] = {}
    sources = [(root / STRATEGY_FILE, paired.strategy_items)]
    sources += [(path, paired.campaign_items) for path in paired.campaign_files(root)]
    for path, items in sources:
        data, _ = paired.read_yaml(path, root)
        found[path.relative_to(root).as_posix()] = [
            (item.id, *item.arabic_position, source_hash(item.french())) for item in items(data)]
    docs = root / "docs"
    french = pages.docs_pages(docs, languages.DEFAULT.code)
    for relative, path in pages.docs_pages(docs, languages.ARABIC.code).items():
        text = "\n".join(paired.lines(french[relative], root)) if relative in french else ""
        if text:
            found[f"docs/ar/{relative}"] = [(PAGE, 1, 1, source_hash(text))]
    return found


def read_records(root: Path, report: Report | None = None) -> dict[str, dict[str, str]]:
    """The records, {file: {item: fingerprint}}; problems of the file go to ``report``."""
    path = root / RECORDS
    if not path.is_file():
        return {}
    report = report or Report(root)
    text = read_text(path, report)
    data = parse_yaml(text, path, report) if text is not None else None
    if data is None:
        return {}
    check = Checker(path, report)
    if not isinstance(data, LocatedDict):
        check.problem(data, None, "schema-type", "", kind="mapping")
        return {}
    records = {}
    for file, items in data.items():
        if not isinstance(items, LocatedDict):
            check.problem(data, file, "schema-type", str(file), kind="mapping")
            continue
        records[str(file)] = {str(k): str(v) for k, v in items.items()}
    return records


def states(root: Path, report: Report | None = None) -> list[ItemState]:
    records = read_records(root, report)
    return [ItemState(file, item, line, column, fingerprint, records.get(file, {}).get(item))
            for file, items in tracked_items(root).items()
            for item, line, column, fingerprint in items]


def check(root: Path, report: Report) -> list[ItemState]:
    """Warn about every item whose Arabic follows no record or an older French."""
    found = states(root, report)
    for item in found:
        if item.state != "current":
            code = {"outdated": "translation-item-outdated",
                    "untracked": "translation-item-untracked"}[item.state]
            report.add(root / item.file, item.line, item.column, code, severity=WARNING,
                       where=item.id, command=item.command)
    return found


def under_review(found: list[ItemState], file: str) -> frozenset[str]:
    """The items of ``file`` whose Arabic is under review."""
    return frozenset(i.id for i in found if i.file == file and i.state != "current")


class UnknownTarget(Exception):
    """The command names a file whose translations are not tracked, or an unknown item."""


def mark(root: Path, target: str, items: list[str], lang: str = "fr") -> list[ItemState]:
    """Record that the Arabic of ``items`` of ``target`` (all its items when none is given)
    follows its French of today. Returns the items recorded."""
    target = Path(target).as_posix().removeprefix("./")
    if target.startswith("docs/fr/"):  # the French page names the same pair
        target = "docs/ar/" + target.removeprefix("docs/fr/")
    tracked = tracked_items(root)
    if target not in tracked:
        raise UnknownTarget(messages.UI["translated_not_tracked"][lang].format(target=target))
    known = {item: fingerprint for item, _, _, fingerprint in tracked[target]}
    for item in items:
        if item not in known:
            raise UnknownTarget(messages.UI["translated_unknown"][lang].format(
                file=target, item=item, known=", ".join(known)))
    records = read_records(root)
    before = dict(records.get(target, {}))
    chosen = items or list(known)
    records[target] = {item: (known[item] if item in chosen else before.get(item))
                       for item in known if item in chosen or item in before}
    _write(root, records, tracked)
    return [ItemState(target, item, 0, 0, known[item], before.get(item)) for item in chosen]


def _write(root: Path, records: dict, tracked: dict) -> None:
    """The records file, in the order of the sources (files sorted, items in file order);
    records of items that no longer exist are dropped."""
    lines = [_HEADER.rstrip("\n")]
    for file in sorted(records):
        order = [item for item, *_ in tracked.get(file, [])]
        items = [(item, records[file][item]) for item in order if records[file].get(item)]
        if not items:
            continue
        lines.append(f"{file}:")
        lines += [f'  "{item}": "{fingerprint}"' for item, fingerprint in items]
    (root / RECORDS).write_text("\n".join(lines) + "\n", encoding="utf-8")


def with_page_notice(markdown: str, lang: str) -> str:
    """A hand-written page's Markdown with the "under review" notice under its title."""
    ui = messages.UI
    notice = (f'!!! warning ps-notice "{ui["review_title"][lang]}"\n\n'
              f'    {ui["review_page"][lang]}\n')
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[:index + 1] + ["", notice] + lines[index + 1:])
    return notice + "\n" + markdown
