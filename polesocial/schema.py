"""Small, explicit checks of YAML data against the shape the system expects.

Each check records a problem (file, line, column, path in the data, what is wrong, how to fix
it) and returns a usable value or None, so that a whole file is checked in one pass and every
problem is reported at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import languages, trust
from .problems import Report
from .sources import LocatedDict, LocatedList

# A text field is judged on its script once it has this many letters, and reported when fewer
# than this share of them are in its language's script.
MIN_LETTERS = 12
MIN_SHARE = 0.5
EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06F0-\u06F9]")
# Markup in a text field: sources are text. The theme prints titles without escaping them, so
# a "<script>" in a title would run in readers' browsers; it is refused where it is written.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")


# What a PDF cover holds, measured by rendering covers with longer and longer titles (the draft
# cover, the fullest): 120 characters in French, 140 in Arabic, on at most six lines; a word
# wider than the page (about 25 letters at the title's size) would be cut at its edge.
COVER_TITLE_LIMIT = 120
COVER_WORD_LIMIT = 25


class Checker:
    """Checks one YAML file; ``where`` paths look like ``axes[2].objectives[0].title.ar``."""

    def __init__(self, path: Path, report: Report):
        self.path = path
        self.report = report

    def problem(self, node, at, code: str, where: str, severity: str = "error", **params):
        """Record ``code`` at ``node[at]`` (at the node itself when ``at`` is None)."""
        line, column = position(node, at)
        self.report.add(self.path, line, column, code, severity=severity, where=where, **params)

    def mapping(self, parent, key, where: str, required=(), optional=()) -> LocatedDict | None:
        """``parent[key]`` must be a mapping with the ``required`` keys and no unknown one."""
        value = parent[key] if key is not None else parent
        node_parent, node_key = (parent, key) if key is not None else (parent, None)
        if not isinstance(value, LocatedDict):
            self.problem(node_parent, node_key, "schema-type", where, kind="mapping")
            return None
        allowed = tuple(required) + tuple(optional)
        for name in value:
            if name not in allowed:
                self.problem(value, name, "schema-unknown-key", join(where, name), key=name,
                             allowed=", ".join(allowed))
        for name in required:
            if name not in value:
                self.problem(value, None, "schema-missing", join(where, name), key=name)
        return value

    def listing(self, parent, key, where: str, allow_empty: bool = False) -> LocatedList | None:
        if not has(parent, key):
            return None
        value = parent[key]
        if not isinstance(value, LocatedList):
            self.problem(parent, key, "schema-type", where, kind="list")
            return None
        if not value and not allow_empty:
            self.problem(parent, key, "schema-empty-list", where)
        return value

    def text(self, parent, key, where: str, lang: str | None = None) -> str | None:
        if not has(parent, key):
            return None
        value = parent[key]
        if not isinstance(value, str):
            self.problem(parent, key, "schema-type", where, kind="text")
            return None
        if not value.strip():
            self.problem(parent, key, "schema-empty-text", where)
            return None
        if markup := MARKUP.search(value):
            self.problem(parent, key, "text-markup", where,
                         tag=value[markup.start():markup.start() + 30].split(">")[0] + ">")
            return None
        # Characters written as escapes ("\u202e") reach the text only once YAML decoded it.
        if forbidden := trust.forbidden_characters(value):
            self.problem(parent, key, "bidi-control" if chr(int(forbidden[0][2:], 16)) in
                         trust.BIDI_CONTROLS else "control-character", where, char=forbidden[0])
            return None
        if lang:
            self._script(parent, key, where, value, lang)
        return " ".join(value.split())

    def _script(self, parent, key, where, value, lang):
        if lang == languages.ARABIC.code and EASTERN_DIGITS.search(value):
            self.problem(parent, key, "eastern-digits", where)
        arabic, latin = languages.script_counts(value)
        if arabic + latin < MIN_LETTERS:
            return
        expected = arabic if lang == languages.ARABIC.code else latin
        if expected / (arabic + latin) < MIN_SHARE:
            found = "latin" if lang == languages.ARABIC.code else "arabic"
            self.problem(parent, key, "field-wrong-script", where, language=lang, script=found)

    def bilingual(self, parent, key, where: str) -> dict[str, str] | None:
        """``parent[key]`` must be ``{fr: …, ar: …}``, both non-empty, each in its script."""
        if not has(parent, key):
            return None
        node = self.mapping(parent, key, where,
                            required=[lang.code for lang in languages.LANGUAGES])
        if node is None:
            return None
        texts = {lang.code: self.text(node, lang.code, join(where, lang.code), lang.code)
                 for lang in languages.LANGUAGES}
        return texts if all(texts.values()) else None

    def cover_title(self, node, where: str) -> None:
        """A bilingual title printed on a PDF cover must fit it."""
        if not isinstance(node, dict):
            return
        for lang in languages.LANGUAGES:
            value = node.get(lang.code)
            if not isinstance(value, str):
                continue
            value = " ".join(value.split())
            if len(value) > COVER_TITLE_LIMIT:
                self.problem(node, lang.code, "title-too-long", join(where, lang.code),
                             length=len(value), limit=COVER_TITLE_LIMIT)
            long = max(re.split(r"[\s\-–—/]+", value), key=len, default="")
            if len(long) > COVER_WORD_LIMIT:
                self.problem(node, lang.code, "word-too-long", join(where, lang.code),
                             word=long[:20] + "…", length=len(long), limit=COVER_WORD_LIMIT)

    def boolean(self, parent, key, where: str) -> bool | None:
        if not has(parent, key):
            return None
        if not isinstance(parent[key], bool):
            self.problem(parent, key, "schema-type", where, kind="boolean")
            return None
        return parent[key]

    def identifier(self, parent, key, where: str, pattern: str) -> str | None:
        value = self.text(parent, key, where)
        if value is not None and not re.fullmatch(pattern, value):
            self.problem(parent, key, "id-format", where, value=value, pattern=pattern)
            return None
        return value

    def references(self, parent, key, where: str, known: dict, vocabulary: str) -> list[str]:
        """A list of identifiers, each defined in ``known``."""
        items = self.listing(parent, key, where)
        if items is None:
            return []
        found = []
        for index, item in enumerate(items):
            item_where = f"{where}[{index}]"
            if not isinstance(item, str):
                self.problem(items, index, "schema-type", item_where, kind="text")
            elif item not in known:
                self.problem(items, index, "ref-unknown", item_where, ref=item,
                             vocabulary=vocabulary, allowed=closest(item, known))
            elif item in found:
                self.problem(items, index, "ref-repeated", item_where, ref=item)
            else:
                found.append(item)
        return found


def closest(value: str, known) -> str:
    """The known values nearest to a mistyped one ("A2.1.3 / A2.1.4"), for "did you mean"."""
    import difflib

    found = difflib.get_close_matches(str(value), sorted(map(str, known)), n=3, cutoff=0.4)
    return " / ".join(found or sorted(map(str, known))[:3]) or "—"


def has(parent, key) -> bool:
    """Whether ``parent[key]`` exists (a missing required key is reported by ``mapping``)."""
    if isinstance(parent, list):
        return isinstance(key, int) and 0 <= key < len(parent)
    return isinstance(parent, dict) and key in parent


def position(node, key) -> tuple[int, int]:
    """Line and column of ``node[key]`` (of the node itself when key is None)."""
    if key is not None:
        if isinstance(node, LocatedDict):
            return node.where(key)
        if isinstance(node, LocatedList) and isinstance(key, int):
            return node.where(key)
    return getattr(node, "position", (0, 0))


def join(where: str, key) -> str:
    return f"{where}.{key}" if where else str(key)
