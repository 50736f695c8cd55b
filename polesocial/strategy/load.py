"""Loading and validating ``strategy/strategy.yml`` and ``strategy/glossary.yml``.

Every rule reports through the shared ``Report`` with the file, line, column and path in the
data; nothing stops at the first problem. ``load`` returns a ``Strategy`` only when there is no
error, so invalid data is never published.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import history, languages
from . import corrections
from ..problems import WARNING, Report
from ..schema import Checker, closest, join
from ..sources import LocatedDict, read_yaml
from .model import Action, GlossaryTerm, Label, Objective, Part, Strategy

STRATEGY_FILE = Path("strategy/strategy.yml")
GLOSSARY_FILE = Path("strategy/glossary.yml")
SCHEMA_VERSION = 1
ACKNOWLEDGEABLE = ("duplicate-title",)
LABEL_ID = r"[a-z][a-z0-9_]*"
TERM_ID = r"[a-z0-9][a-z0-9-]*"
PART_KINDS = (("axes", "axis", "A"), ("measures", "measure", "M"))


def _read(path: Path, report: Report):
    if not path.is_file():
        report.add(path, 0, 0, "file-missing")
        return None
    return read_yaml(path, report)


def load(root: Path, report: Report) -> Strategy | None:
    errors_before = len(report.errors)
    glossary = _load_glossary(root / GLOSSARY_FILE, report)
    data = _read(root / STRATEGY_FILE, report)
    strategy = None
    if data is not None:
        problems_before = len(report.problems)
        checker = _Strategy(root / STRATEGY_FILE, report)
        strategy = checker.build(data, glossary or ())
        if strategy is not None:  # its French is the source's, or its corrections are listed
            corrections.check(root, root / STRATEGY_FILE, data, report)
        name_items(report, problems_before, checker.items)
    if len(report.errors) > errors_before or strategy is None:
        return None
    return strategy


def name_items(report: Report, start: int, items: dict, file: str | None = None) -> None:
    """Problems about an item of the strategy name it by its identifier and title, as the
    editor knows it ("A2.1.4 « Renforcer… » · text.ar"), not by its path in the data
    ("axes[1].objectives[0].actions[3].text.ar"). With ``file``, only its problems."""
    prefixes = sorted(items, key=len, reverse=True)
    for index in range(start, len(report.problems)):
        problem = report.problems[index]
        if file is not None and problem.file != file:
            continue
        for prefix in prefixes:
            if problem.where == prefix or problem.where.startswith(prefix + "."):
                identifier, title = items[prefix]
                rest = problem.where[len(prefix) + 1:]
                label = f"{identifier} « {_short(title)} »" if title else identifier
                report.problems[index] = replace(problem, where=f"{label} · {rest}" if rest
                                                 else label)
                break


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


class _Strategy(Checker):
    def build(self, data, glossary) -> Strategy | None:
        top = self.mapping(data, None, "", required=(
            "schema", "id", "title", "period", "publisher", "introduction", "vocabularies",
            "axes", "measures"), optional=(history.KEY,))
        if top is None:
            return None
        if "schema" in top and top["schema"] != SCHEMA_VERSION:
            self.problem(top, "schema", "schema-version", "schema", found=top["schema"],
                         expected=SCHEMA_VERSION)
        identifier = self.identifier(top, "id", "id", r"[a-z0-9][a-z0-9-]*")
        title = self.bilingual(top, "title", "title")
        if title:
            self.cover_title(top["title"], "title")
        period = self.identifier(top, "period", "period", r"\d{4}-\d{4}")
        publisher = self.bilingual(top, "publisher", "publisher")
        # The strategy is published: it has at least one version.
        entries = history.read_history(self, top, published=True)
        introduction = []
        for index, _ in enumerate(self.listing(top, "introduction", "introduction") or []):
            introduction.append(self.bilingual(top["introduction"], index,
                                               f"introduction[{index}]"))
        self.groups = self.actors = {}
        vocabularies = top.get("vocabularies")
        if "vocabularies" in top and self.mapping(top, "vocabularies", "vocabularies",
                                                  required=("groups", "actors")):
            self.groups = self._vocabulary(vocabularies, "groups")
            self.actors = self._vocabulary(vocabularies, "actors")
        self.used: dict[str, set] = {"groups": set(), "actors": set()}
        self.ids: dict[str, tuple] = {}  # identifier -> (node, key, where) of its definition
        self.items: dict[str, tuple] = {}  # where -> (identifier by its place, French title)
        self.see_also: list[tuple] = []
        parts = {}
        for key, kind, letter in PART_KINDS:
            parts[key] = tuple(self._part(top[key], index, f"{key}[{index}]", kind,
                                          f"{letter}{index + 1}")
                               for index, _ in enumerate(self.listing(top, key, key) or []))
        self._check_see_also()
        self._check_unused_vocabulary(vocabularies)
        all_parts = [p for p in parts["axes"] + parts["measures"] if p]
        self._check_duplicate_titles(top)
        if None in (identifier, title, period, publisher) or None in introduction \
                or len(all_parts) != len(parts["axes"]) + len(parts["measures"]):
            return None
        return Strategy(identifier, title, period, publisher, tuple(introduction),
                        tuple(Label(k, v) for k, v in self.groups.items()),
                        tuple(Label(k, v) for k, v in self.actors.items()),
                        parts["axes"], parts["measures"], tuple(glossary), history=entries)

    def _vocabulary(self, vocabularies, name) -> dict:
        labels = {}
        for index, item in enumerate(self.listing(vocabularies, name, f"vocabularies.{name}")
                                     or []):
            where = f"vocabularies.{name}[{index}]"
            node = self.mapping(vocabularies[name], index, where, required=("id", "label"))
            if node is None:
                continue
            identifier = self.identifier(node, "id", join(where, "id"), LABEL_ID)
            label = self.bilingual(node, "label", join(where, "label"))
            if identifier in labels:
                self.problem(node, "id", "id-duplicate", join(where, "id"), value=identifier)
            elif identifier and label:
                labels[identifier] = label
        return labels

    def _expect_id(self, node, where, expected) -> str | None:
        found = self.text(node, "id", join(where, "id"))
        if found is None:
            return None
        if found != expected:
            self.problem(node, "id", "id-mismatch", join(where, "id"), found=found,
                         expected=expected)
            return None
        self.ids[found] = (node, where)
        return found

    def _item(self, node, where: str, expected: str, text_key: str) -> None:
        """Remember which item stands at ``where`` (its identifier by its place, its French
        title or text) to name it in messages."""
        texts = node.get(text_key) if isinstance(node, dict) else None
        title = texts.get("fr") if isinstance(texts, dict) else None
        self.items[where] = (expected, title if isinstance(title, str) else "")

    def _part(self, parent, index, where, kind, expected) -> Part | None:
        node = self.mapping(parent, index, where, required=("id", "title", "objectives"),
                            optional=("note", "see_also"))
        if node is None:
            return None
        self._item(node, where, expected, "title")
        identifier = self._expect_id(node, where, expected)
        title = self.bilingual(node, "title", join(where, "title"))
        note = self.bilingual(node, "note", join(where, "note"))
        if "see_also" in node:
            self.listing(node, "see_also", join(where, "see_also"))
            self.see_also.append((node, join(where, "see_also")))
        objectives_node = self.listing(node, "objectives", join(where, "objectives"),
                                       allow_empty=True)
        objectives = tuple(
            self._objective(objectives_node, i, f"{where}.objectives[{i}]", f"{expected}.{i + 1}")
            for i, _ in enumerate(objectives_node or []))
        if objectives_node is not None and not objectives_node and "note" not in node:
            self.problem(node, "objectives", "part-without-objectives", join(where, "objectives"))
        if not identifier or not title or None in objectives:
            return None
        return Part(kind, identifier, int(identifier[1:]), title, objectives, note,
                    tuple(node.get("see_also") or ()))

    def _objective(self, parent, index, where, expected) -> Objective | None:
        node = self.mapping(parent, index, where, required=("id", "title", "actions"),
                            optional=("editorial_note", "acknowledge"))
        if node is None:
            return None
        self._item(node, where, expected, "title")
        identifier = self._expect_id(node, where, expected)
        title = self.bilingual(node, "title", join(where, "title"))
        note = self.bilingual(node, "editorial_note", join(where, "editorial_note"))
        acknowledge = []
        for i, value in enumerate(self.listing(node, "acknowledge", join(where, "acknowledge"))
                                  or []):
            if value not in ACKNOWLEDGEABLE:
                self.problem(node["acknowledge"], i, "ack-unknown", f"{where}.acknowledge[{i}]",
                             value=value, allowed=", ".join(ACKNOWLEDGEABLE))
            else:
                acknowledge.append(value)
        if acknowledge and "editorial_note" not in node:
            self.problem(node, "acknowledge", "ack-needs-note", join(where, "acknowledge"))
        actions_node = self.listing(node, "actions", join(where, "actions"))
        actions = tuple(
            self._action(actions_node, i, f"{where}.actions[{i}]", f"{expected}.{i + 1}")
            for i, _ in enumerate(actions_node or []))
        if not identifier or not title or None in actions:
            return None
        return Objective(identifier, title, actions, note, tuple(acknowledge))

    def _action(self, parent, index, where, expected) -> Action | None:
        node = self.mapping(parent, index, where, required=("id", "text", "serves", "actors"))
        if node is None:
            return None
        self._item(node, where, expected, "text")
        identifier = self._expect_id(node, where, expected)
        text = self.bilingual(node, "text", join(where, "text"))
        serves = self.references(node, "serves", join(where, "serves"), self.groups,
                                 "vocabularies.groups")
        actors = self.references(node, "actors", join(where, "actors"), self.actors,
                                 "vocabularies.actors")
        self.used["groups"].update(serves)
        self.used["actors"].update(actors)
        if not identifier or not text or not serves or not actors:
            return None
        return Action(identifier, text, tuple(serves), tuple(actors))

    def _check_see_also(self):
        for node, where in self.see_also:
            for index, value in enumerate(node.get("see_also") or []):
                if value not in self.ids:
                    self.problem(node["see_also"], index, "ref-unknown", f"{where}[{index}]",
                                 ref=value, vocabulary="strategy/strategy.yml",
                                 allowed=closest(value, self.ids))

    def _check_unused_vocabulary(self, vocabularies):
        if not isinstance(vocabularies, LocatedDict):
            return
        for name, defined in (("groups", self.groups), ("actors", self.actors)):
            for index, identifier in enumerate(defined):
                if identifier not in self.used[name]:
                    items = vocabularies[name]
                    self.problem(items, index, "vocab-unused", f"vocabularies.{name}[{index}]",
                                 severity=WARNING, value=identifier)

    def _check_duplicate_titles(self, top):
        """Two parts or objectives with the same title confuse readers: warn, unless the later
        one acknowledges it (and then it must carry an editorial note shown to readers)."""
        seen: dict[tuple, str] = {}
        for identifier, (node, where) in self.ids.items():
            title = node.get("title")
            if not isinstance(title, LocatedDict):
                continue  # actions have a text, which may legitimately repeat a formula
            acknowledged = "duplicate-title" in (node.get("acknowledge") or [])
            duplicate = False
            for lang in languages.LANGUAGES:
                text = title.get(lang.code)
                if not isinstance(text, str):
                    continue
                key = (lang.code, " ".join(text.casefold().split()))
                if key not in seen:
                    seen[key] = identifier
                    continue
                duplicate = True
                if not acknowledged:
                    self.problem(title, lang.code, "title-duplicate",
                                 f"{where}.title.{lang.code}", severity=WARNING,
                                 other=seen[key], value=identifier)
            if acknowledged and not duplicate:
                self.problem(node, "acknowledge", "ack-unused", join(where, "acknowledge"),
                             severity=WARNING)


def _bilingual_items(top):
    """(node, where, identifier) of every bilingual text of the strategy, in file order."""
    for key in ("title", "publisher"):
        if isinstance(top.get(key), LocatedDict):
            yield top[key], key, key
    for index, item in enumerate(top.get("introduction") or []):
        if isinstance(item, LocatedDict):
            yield item, f"introduction[{index}]", f"introduction[{index}]"
    for key, _, _ in PART_KINDS:
        for p, part in enumerate(top.get(key) or []):
            if not isinstance(part, LocatedDict):
                continue
            where = f"{key}[{p}]"
            yield from _fields(part, where, ("title", "note"))
            for o, objective in enumerate(part.get("objectives") or []):
                if not isinstance(objective, LocatedDict):
                    continue
                o_where = f"{where}.objectives[{o}]"
                yield from _fields(objective, o_where, ("title", "editorial_note"))
                for a, action in enumerate(objective.get("actions") or []):
                    if isinstance(action, LocatedDict):
                        yield from _fields(action, f"{o_where}.actions[{a}]", ("text",))


def _fields(node, where, keys):
    for key in keys:
        if isinstance(node.get(key), LocatedDict):
            yield node[key], f"{where}.{key}", str(node.get("id", where))


def load_glossary(root: Path) -> list[GlossaryTerm]:
    """The glossary's valid terms, its problems left unsaid (``load`` reports them)."""
    return _load_glossary(root / GLOSSARY_FILE, Report(root)) or []


def _load_glossary(path: Path, report: Report) -> list[GlossaryTerm] | None:
    data = _read(path, report)
    if data is None:
        return None
    checker = Checker(path, report)
    top = checker.mapping(data, None, "", required=("terms",))
    if top is None:
        return None
    terms, ids = [], set()
    for index, _ in enumerate(checker.listing(top, "terms", "terms") or []):
        where = f"terms[{index}]"
        node = checker.mapping(top["terms"], index, where,
                               required=("id", "fr", "ar", "definition", "verified", "forms"),
                               optional=("source", "wrong"))
        if node is None:
            continue
        identifier = checker.identifier(node, "id", join(where, "id"), TERM_ID)
        if identifier in ids:
            checker.problem(node, "id", "id-duplicate", join(where, "id"), value=identifier)
        ids.add(identifier)
        fr = checker.text(node, "fr", join(where, "fr"), "fr")
        ar = checker.text(node, "ar", join(where, "ar"), "ar")
        definition = checker.bilingual(node, "definition", join(where, "definition"))
        verified = checker.boolean(node, "verified", join(where, "verified"))
        forms = _forms(checker, node, join(where, "forms"))
        source = checker.text(node, "source", join(where, "source")) if "source" in node \
            else None
        if verified and not source:
            checker.problem(node, "verified", "term-source-missing", join(where, "verified"))
        wrong = []
        for i, _ in enumerate(checker.listing(node, "wrong", join(where, "wrong")) or []):
            value = checker.text(node["wrong"], i, f"{where}.wrong[{i}]", "ar")
            if value is not None:
                wrong.append(value)
        if None not in (identifier, fr, ar, definition, verified, forms):
            terms.append(GlossaryTerm(identifier, fr, ar, definition, verified, forms, source,
                                      tuple(wrong)))
    return terms


def _forms(checker: Checker, node, where):
    forms_node = checker.mapping(node, "forms", where, required=("fr", "ar"))
    if forms_node is None:
        return None
    forms = {}
    for lang in ("fr", "ar"):
        items = checker.listing(forms_node, lang, join(where, lang), allow_empty=True)
        if items is None:
            return None
        values = [checker.text(items, i, f"{where}.{lang}[{i}]") for i in range(len(items))]
        if None in values:
            return None
        forms[lang] = values
    if forms["fr"] and not forms["ar"]:
        checker.problem(forms_node, "ar", "schema-empty-list", join(where, "ar"))
        return None
    return forms
