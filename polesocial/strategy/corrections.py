"""The strategy's French is the ministry's text: each French title and action of
``strategy/strategy.yml`` is found in the source text (``strategy/sources/``), or each of its
differences is recorded in ``strategy/corrections.yml`` with the original wording.

An editor who corrects a typo in the French is told, at the line of the text, to record the
correction; an editor who rewrites a sentence is told that the published strategy is the one
the ministry adopted. A correction that no longer matches its item, or whose original wording
is not in the source, is reported at its line in ``corrections.yml``.

The comparison ignores what the corrections file's header says is not recorded: case (titles
written in capitals in the source are in sentence case here), line breaks and runs of spaces,
no-break spaces, and straight apostrophes for typographic ones.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import WARNING, Report
from ..schema import Checker, closest
from ..sources import LocatedDict, read_yaml
from ..trust import read_source

CORRECTIONS_FILE = Path("strategy/corrections.yml")
SOURCE_TEXT = Path("strategy/sources/strategie-4plus4.fr.txt")
FIELDS = ("where", "original", "corrected", "reason")


def comparable(text: str) -> str:
    """``text`` as compared with the source: no case, one space between words."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("'", "’")
    return " ".join(text.split()).casefold()


def source_items(top) -> list[tuple[str, str, LocatedDict, str]]:
    """(identifier, text, node of the bilingual text, where) of each French text taken from the
    source: the introduction, the parts' and objectives' titles, the actions' texts. The notes
    are the project's own, not the ministry's."""
    found = []
    for index, item in enumerate(top.get("introduction") or []):
        if isinstance(item, LocatedDict) and isinstance(item.get("fr"), str):
            found.append((f"introduction[{index}]", item["fr"], item, f"introduction[{index}]"))
    for key in ("axes", "measures"):
        for p, part in enumerate(top.get(key) or []):
            if not isinstance(part, LocatedDict):
                continue
            where = f"{key}[{p}]"
            found += _text(part, "title", where)
            for o, objective in enumerate(part.get("objectives") or []):
                if not isinstance(objective, LocatedDict):
                    continue
                o_where = f"{where}.objectives[{o}]"
                found += _text(objective, "title", o_where)
                for a, action in enumerate(objective.get("actions") or []):
                    if isinstance(action, LocatedDict):
                        found += _text(action, "text", f"{o_where}.actions[{a}]")
    return found


def _text(node: LocatedDict, key: str, where: str) -> list:
    texts = node.get(key)
    if isinstance(texts, LocatedDict) and isinstance(texts.get("fr"), str):
        return [(str(node.get("id", where)), texts["fr"], texts, f"{where}.{key}")]
    return []


def check(root: Path, strategy_path: Path, top, report: Report) -> None:
    """Report each French text of the strategy that is neither the source's nor corrected in
    ``corrections.yml``, and each entry of ``corrections.yml`` that does not apply."""
    if not (root / SOURCE_TEXT).is_file():
        report.add(root / SOURCE_TEXT, 0, 0, "file-missing")
        return
    source_text = read_source(root / SOURCE_TEXT, report)
    if source_text is None:
        return
    source = comparable(source_text)
    items = source_items(top)
    known = {identifier for identifier, *_ in items}
    entries = _entries(root, report, known, source)
    if entries is None:
        return
    texts = {identifier: text for identifier, text, *_ in items}
    by_item: dict[str, list] = {}
    corrections = Checker(root / CORRECTIONS_FILE, report)
    for node, index, item, original, corrected in entries:
        if comparable(corrected) not in comparable(texts[item]):
            corrections.problem(node, "corrected", "correction-not-applied",
                                f"corrections[{index}].corrected", severity=WARNING, item=item)
            continue
        by_item.setdefault(item, []).append((original, corrected))
    checker = Checker(strategy_path, report)
    for identifier, text, node, where in items:
        restored = comparable(text)
        for original, corrected in by_item.get(identifier, ()):
            restored = restored.replace(comparable(corrected), comparable(original))
        if restored not in source:
            checker.problem(node, "fr", "strategy-not-in-source", f"{where}.fr",
                            item=identifier, file=CORRECTIONS_FILE.as_posix(),
                            text_file=SOURCE_TEXT.as_posix())


def _entries(root: Path, report: Report, known: set, source: str) -> list | None:
    """(node, index, item, original, corrected) of each entry of ``corrections.yml``, checked."""
    path = root / CORRECTIONS_FILE
    if not path.is_file():
        return []
    data = read_yaml(path, report)
    if data is None:
        return None
    c = Checker(path, report)
    top = c.mapping(data, None, "", required=("corrections",))
    if top is None:
        return None
    listing = c.listing(top, "corrections", "corrections", allow_empty=True)
    if listing is None:
        return None
    found = []
    for index, _ in enumerate(listing):
        where = f"corrections[{index}]"
        node = c.mapping(listing, index, where, required=FIELDS)
        if node is None:
            continue
        values = [c.text(node, key, f"{where}.{key}") for key in FIELDS]
        if None in values:
            continue
        item, original, corrected, _ = values
        if item not in known:
            c.problem(node, "where", "correction-unknown-item", f"{where}.where", value=item,
                      allowed=closest(item, known))
            continue
        if comparable(original) not in source:
            c.problem(node, "original", "correction-original-missing", f"{where}.original",
                      text_file=SOURCE_TEXT.as_posix())
            continue
        found.append((node, index, item, original, corrected))
    return found
