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

import datetime as dt
import os
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
# campaigns and of the hand-written pages, a fingerprint of its French ("source") and, since
# they are kept, of its Arabic at the time ("arabic") and the day of the record. Written by
# `make translated DOC=<file> ITEMS=<item>` once the Arabic has been reviewed; never edited
# by hand. (Guides and the charter keep theirs in guide.yml and charter.yml.)
"""


@dataclass(frozen=True)
class Tracked:
    """An item as the sources hold it today."""
    id: str
    line: int  # where its Arabic stands
    column: int
    fingerprint: str  # of its French
    arabic: str  # fingerprint of its Arabic
    excerpt: str  # the start of its French, to name it to the editor


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
        return command(self.file, self.id)


def command(file: str, item: str) -> str:
    """The command that records the Arabic of ``item`` of ``file``, as an editor types it."""
    return f"{COMMAND} DOC={file}" + ("" if item == PAGE else f" ITEMS={item}")


def excerpt(text: str, length: int = 60) -> str:
    """The first words of a text, at most ``length`` characters, "…" when cut."""
    first = " ".join(text.split("\n", 1)[0].split())
    if len(first) <= length:
        return first
    return first[:length].rsplit(" ", 1)[0].rstrip(" :;,.—-") + " …"


def tracked_items(root: Path) -> dict[str, list[Tracked]]:
    """file -> its items as they stand today, in order."""
    found: dict[str, list] = {}
    sources = [(root / STRATEGY_FILE, paired.strategy_items)]
    sources += [(path, paired.campaign_items) for path in paired.campaign_files(root)]
    for path, items in sources:
        data, _ = paired.read_yaml(path, root)
        found[path.relative_to(root).as_posix()] = [
            Tracked(item.id, *item.arabic_position, source_hash(item.french()),
                    source_hash(item.arabic()), excerpt(item.french()))
            for item in items(data)]
    docs = root / "docs"
    french = pages.docs_pages(docs, languages.DEFAULT.code)
    for relative, path in pages.docs_pages(docs, languages.ARABIC.code).items():
        text = "\n".join(paired.lines(french[relative], root)) if relative in french else ""
        if text:
            arabic = "\n".join(paired.lines(path, root))
            found[f"docs/ar/{relative}"] = [
                Tracked(PAGE, 1, 1, source_hash(text), source_hash(arabic), "")]
    return found


@dataclass(frozen=True)
class Record:
    """One item's record: the fingerprint of the French its Arabic follows; the fingerprint of
    that Arabic and the day, in the records made since they are kept (None before)."""
    source: str
    arabic: str | None = None
    date: dt.date | None = None


def read_records(root: Path, report: Report | None = None) -> dict[str, dict[str, Record]]:
    """The records, {file: {item: Record}}; problems of the file go to ``report``."""
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
        records[str(file)] = {}
        for item, value in items.items():
            if isinstance(value, LocatedDict):  # {source: …, arabic: …, date: …}
                node = check.mapping(items, item, f"{file}.{item}", required=("source",),
                                     optional=("arabic", "date"))
                if node is None:
                    continue
                day = node.get("date")
                try:
                    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
                except ValueError:
                    day = None
                records[str(file)][str(item)] = Record(
                    str(node["source"]),
                    str(node["arabic"]) if node.get("arabic") is not None else None,
                    day if isinstance(day, dt.date) else None)
            else:  # a fingerprint alone, as the first records were written
                records[str(file)][str(item)] = Record(str(value))
    return records


def states(root: Path, report: Report | None = None) -> list[ItemState]:
    records = read_records(root, report)
    return [ItemState(file, item.id, item.line, item.column, item.fingerprint,
                      _source(records.get(file, {}).get(item.id)))
            for file, items in tracked_items(root).items() for item in items]


def _source(record: Record | None) -> str | None:
    return record.source if record else None


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


@dataclass(frozen=True)
class Marked:
    """What ``make translated`` did for one item."""
    item: Tracked
    recorded: bool  # False: nothing to do, its record already says this
    before: Record | None

    @property
    def arabic_unchanged(self) -> bool:
        """Its French changed since the last record, its Arabic did not."""
        return (self.recorded and self.before is not None and self.before.arabic is not None
                and self.before.source != self.item.fingerprint
                and self.before.arabic == self.item.arabic)


def target_of(root: Path, target: str) -> str:
    """The tracked file a command names (``docs/fr/x.md`` names the pair docs/ar/x.md)."""
    target = Path(target).as_posix().removeprefix("./")
    if target.startswith("docs/fr/"):
        target = "docs/ar/" + target.removeprefix("docs/fr/")
    return target


def mark(root: Path, target: str, items: list[str], lang: str = "fr",
         today: dt.date | None = None) -> list[Marked]:
    """Record that the Arabic of ``items`` of ``target`` (all its items when none is given)
    follows its French of today. translations.yml is written only if a record changes.
    Returns what was done for each item."""
    target = target_of(root, target)
    tracked = tracked_items(root)
    if target not in tracked:
        raise UnknownTarget(messages.UI["translated_not_tracked"][lang].format(target=target))
    known = {item.id: item for item in tracked[target]}
    for item in items:
        if item not in known:
            raise UnknownTarget(messages.UI["translated_unknown"][lang].format(
                file=target, item=item, known=", ".join(known)))
    records = read_records(root)
    before = dict(records.get(target, {}))
    chosen = [item for item in known if item in items] if items else list(known)
    done = []
    for name in chosen:
        item, old = known[name], before.get(name)
        nothing = old is not None and old.source == item.fingerprint \
            and old.arabic in (None, item.arabic)
        done.append(Marked(item, not nothing, old))
    if any(marked.recorded for marked in done):
        day = today or dt.date.today()
        records[target] = dict(before)
        for marked in done:
            if marked.recorded:
                records[target][marked.item.id] = Record(marked.item.fingerprint,
                                                         marked.item.arabic, day)
        _write(root, records, tracked)
    return done


def _write(root: Path, records: dict, tracked: dict) -> None:
    """The records file, in the order of the sources (files sorted, items in file order);
    records of items that no longer exist are dropped. Written whole or not at all."""
    lines = [_HEADER.rstrip("\n")]
    for file in sorted(records):
        order = [item.id for item in tracked.get(file, [])]
        items = [(item, records[file][item]) for item in order if records[file].get(item)]
        if not items:
            continue
        lines.append(f"{file}:")
        lines += [f'  "{item}": {_value(record)}' for item, record in items]
    path = root / RECORDS
    scratch = path.with_name(f".{path.name}.tmp")
    scratch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(scratch, path)


def _value(record: Record) -> str:
    if record.arabic is None:
        return f'"{record.source}"'
    day = f', date: "{record.date.isoformat()}"' if record.date else ""
    return f'{{source: "{record.source}", arabic: "{record.arabic}"{day}}}'


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
