"""Reading YAML the way editors write it, with positions, and telling its mistakes plainly.

YAML is loaded with PyYAML's safe loader (no object construction), restricted further: anchors,
aliases and explicit tags are refused (editor files never need them, and aliases expanded
eagerly let a few lines take minutes to load), nesting is bounded, and a key may appear only
once. Mappings and lists come back as ``Located`` containers that remember the line and column
of each key and item, and the text of each scalar as written (``1.10`` stays ``1.10``), so every
later check can point at the exact place in the file.

PyYAML's own messages are English and often name a line below the real mistake; ``parse_yaml``
turns each kind of reader error into a message of ``messages.PROBLEMS`` (French or Arabic) at the
line where the mistake is: an unclosed quote where the quote opens, a mis-indented line where it
stands.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .memo import Memo
from .problems import Report
from .trust import read_source

MAX_DEPTH = 40  # levels of nested lists and mappings: real files use fewer than 10


class LocatedDict(dict):
    """A mapping that knows where it and each of its keys stand (1-based line, column)."""

    position: tuple[int, int] = (0, 0)
    key_positions: dict
    raw_values: dict  # key -> the scalar's text as written (numbers, dates: before conversion)

    def where(self, key) -> tuple[int, int]:
        return self.key_positions.get(key, self.position)

    def raw(self, key):
        """The value of ``key`` as written in the file when it is a scalar (text), else the
        value itself."""
        return getattr(self, "raw_values", {}).get(key, self.get(key))


class LocatedList(list):
    """A list that knows where it and each of its items stand."""

    position: tuple[int, int] = (0, 0)
    item_positions: list

    def where(self, index: int) -> tuple[int, int]:
        if 0 <= index < len(self.item_positions):
            return self.item_positions[index]
        return self.position


def _position(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class Refused(yaml.MarkedYAMLError):
    """A construct of YAML the project does not accept, with our own message code."""

    def __init__(self, code: str, mark, **params):
        super().__init__(problem=code, problem_mark=mark)
        self.code, self.params = code, params


def _refuse_construct(event, allowed_tags: tuple[str, ...]) -> None:
    """The one rule for both loaders: no alias, no anchor, no explicit tag but ``allowed_tags``
    (a lone ``!`` is only a non-specific tag, harmless)."""
    if isinstance(event, yaml.AliasEvent):
        raise Refused("yaml-alias", event.start_mark)
    if getattr(event, "anchor", None) is not None:
        raise Refused("yaml-anchor", event.start_mark)
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in allowed_tags and tag != "!":
        raise Refused("yaml-tag", event.start_mark, tag=_short_tag(tag))


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences carry positions; no anchor, alias or explicit
    tag (``ALLOWED_TAGS`` lists the exceptions a subclass needs); bounded nesting."""

    ALLOWED_TAGS: tuple[str, ...] = ()

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        _refuse_construct(event, self.ALLOWED_TAGS)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise Refused("yaml-too-deep", event.start_mark, limit=MAX_DEPTH)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_located_mapping(self, node):
        mapping = LocatedDict()
        mapping.position = _position(node)
        mapping.key_positions = {}
        mapping.raw_values = {}
        yield mapping
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise Refused("yaml-merge", key_node.start_mark)
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise Refused("yaml-complex-key", key_node.start_mark)
            if key in mapping.key_positions:
                line = mapping.key_positions[key][0]
                raise Refused("yaml-duplicate-key", key_node.start_mark, key=key, first=line)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_positions[key] = _position(key_node)
            if isinstance(value_node, yaml.ScalarNode):
                mapping.raw_values[key] = value_node.value

    def construct_located_sequence(self, node):
        sequence = LocatedList()
        sequence.position = _position(node)
        sequence.item_positions = [_position(child) for child in node.value]
        yield sequence
        sequence.extend(self.construct_object(child, deep=True) for child in node.value)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                        _Loader.construct_located_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                        _Loader.construct_located_sequence)


# --- PyYAML's errors, told plainly ------------------------------------------------------------
# (error class, context pattern, problem pattern) -> (message code, which mark to report).
# The first rule that matches wins; anything else is a generic "yaml-syntax" at the problem.
_RULES = [
    (yaml.scanner.ScannerError, r"quoted scalar", r"end of stream", "yaml-unclosed-quote",
     "context"),
    (yaml.scanner.ScannerError, r"quoted scalar", r"unknown escape", "yaml-escape", "problem"),
    (yaml.scanner.ScannerError, r"", r"character '\\t'", "yaml-tab", "problem"),
    (yaml.scanner.ScannerError, r"", r"character '[@`%|>]' that cannot start",
     "yaml-reserved-character", "problem"),
    (yaml.scanner.ScannerError, r"alias|anchor", r"", "yaml-alias", "context"),
    (yaml.scanner.ScannerError, r"simple key", r"expected ':'", "yaml-missing-colon",
     "context"),
    (yaml.scanner.ScannerError, r"", r"mapping values are not allowed", "yaml-colon",
     "problem"),
    (yaml.parser.ParserError, r"flow (sequence|mapping|node)", r"", "yaml-flow-unclosed",
     "context"),
    (yaml.parser.ParserError, r"block mapping", r"but found '-'", "yaml-dash-in-mapping",
     "problem"),
    (yaml.parser.ParserError, r"block (mapping|collection)", r"<block end>", "yaml-indentation",
     "problem"),
    (yaml.parser.ParserError, r"block node", r"node content", "yaml-reserved-character",
     "problem"),
    (yaml.composer.ComposerError, r"single document", r"", "yaml-several-documents", "problem"),
    (yaml.composer.ComposerError, r"", r"alias", "yaml-alias", "problem"),
    (yaml.constructor.ConstructorError, r"", r"unhashable", "yaml-complex-key", "problem"),
    (yaml.constructor.ConstructorError, r"", r"constructor for the tag", "yaml-tag", "problem"),
]


def _plain(error: yaml.MarkedYAMLError, text: str) -> tuple[str, int, int, dict]:
    """(message code, line, column, params) for a PyYAML error, at the line of the mistake."""
    if isinstance(error, Refused):
        mark = error.problem_mark
        return error.code, mark.line + 1, mark.column + 1, error.params
    context, problem = error.context or "", error.problem or ""
    for kind, context_pattern, problem_pattern, code, which in _RULES:
        if isinstance(error, kind) and re.search(context_pattern, context) \
                and re.search(problem_pattern, problem):
            mark = error.context_mark if which == "context" and error.context_mark \
                else error.problem_mark
            break
    else:
        code, mark = "yaml-syntax", error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if code == "yaml-colon" and _indented_more(text, line):
        code = "yaml-indentation"
        column = 1
    params = {}
    if code == "yaml-reserved-character":
        found = re.search(r"'(.)'", problem)
        params["char"] = found.group(1) if found else "?"
    if code == "yaml-tag":
        found = re.search(r"tag '([^']*)'", problem)
        params["tag"] = _short_tag(found.group(1) if found else "?")
    if code == "yaml-flow-unclosed" and (opened := _unclosed_flow(text)):
        line, column = opened
    if code != "yaml-unclosed-quote" and (opened := _swallowing_quote(text, line)):
        code, line, column, params = "yaml-unclosed-quote", opened[0], opened[1], {}
    return code, line, column, params


def _unclosed_flow(text: str) -> tuple[int, int] | None:
    """Where the innermost "[" or "{" still open when the reader stopped was opened."""
    opened = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                opened.append(token.start_mark)
            elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) \
                    and opened:
                opened.pop()
    except yaml.YAMLError:
        pass
    return (opened[-1].line + 1, opened[-1].column + 1) if opened else None


def _short_tag(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") \
        else tag


def _swallowing_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """Where a quoted text that runs over several lines, up to the line of an error, opens:
    an unclosed quote takes the next lines as its text until another quote closes it, and the
    error then shows lines below the real mistake."""
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line + 1 > error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'") \
                    and token.end_mark.line > token.start_mark.line \
                    and token.end_mark.line + 1 >= error_line - 1:
                return token.start_mark.line + 1, token.start_mark.column + 1
    except yaml.YAMLError:
        pass
    return None


def _indented_more(text: str, line: int) -> bool:
    """"mapping values are not allowed here" means a colon inside unquoted text, or a line
    indented deeper than the line above it when that line already has its value: YAML then
    reads the line as the continuation of that value. True for the second case."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return False
    current = lines[line - 1]
    depth = len(current) - len(current.lstrip())
    for previous in reversed(lines[: line - 1]):
        stripped = previous.strip()
        if stripped and not stripped.startswith("#"):
            return depth > len(previous) - len(previous.lstrip()) and not stripped.endswith(":")
    return False


# The same loader on libyaml (C), eighteen times faster on the strategy: the refusals are made
# on its events first, then it constructs with our constructors. A file it finds wrong is read
# again by the Python loader above, whose errors the messages are written for.
_FAST: dict = {}


def _fast(loader):
    if loader not in _FAST:
        _FAST[loader] = type(f"Fast{loader.__name__}", (yaml.CSafeLoader,), {
            "yaml_constructors": {**yaml.CSafeLoader.yaml_constructors,
                                  **loader.yaml_constructors},
            "ALLOWED_TAGS": loader.ALLOWED_TAGS})
    return _FAST[loader]


def _load(text: str, loader):
    if not getattr(yaml, "__with_libyaml__", False):
        return yaml.load(text, Loader=loader)  # noqa: S506 - _Loader derives from SafeLoader
    try:
        depth = 0
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            _refuse_construct(event, loader.ALLOWED_TAGS)
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth >= MAX_DEPTH:
                    raise Refused("yaml-too-deep", event.start_mark, limit=MAX_DEPTH)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
        return yaml.load(text, Loader=_fast(loader))  # noqa: S506 - safe constructors only
    except Refused:
        raise
    except yaml.YAMLError:
        return yaml.load(text, Loader=loader)  # noqa: S506 - for the error, in its words


_parsed = Memo(256)


def parse_yaml(text: str, path: Path, report: Report, line_offset: int = 0,
               allow_empty: bool = False, loader=_Loader):
    """Parse ``text`` as YAML; on failure record the problem and return None.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (page headers).
    A file that holds nothing (or only comments) is an error unless ``allow_empty``.
    """
    try:
        # A file read by several rules (the strategy, the glossary) is parsed once per check
        # (polesocial.memo); data moved by line_offset is its caller's own.
        data = _load(text, loader) if line_offset else _parsed.get(
            (text, loader), lambda: _load(text, loader))
    except yaml.MarkedYAMLError as error:
        code, line, column, params = _plain(error, text)
        report.add(path, line + line_offset, column, code, **params)
        return None
    except yaml.YAMLError:  # reader errors: characters read_source already refuses
        report.add(path, 1 + line_offset, 0, "yaml-syntax")
        return None
    except RecursionError:
        report.add(path, 1 + line_offset, 0, "yaml-too-deep", limit=MAX_DEPTH)
        return None
    if data is None and not allow_empty:
        report.add(path, 1 + line_offset if line_offset else 0, 0, "file-empty")
        return None
    if line_offset:
        _shift(data, line_offset)
    return data


def _shift(data, offset: int) -> None:
    if isinstance(data, LocatedDict):
        data.position = (data.position[0] + offset, data.position[1])
        data.key_positions = {k: (l + offset, c) for k, (l, c) in data.key_positions.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, LocatedList):
        data.position = (data.position[0] + offset, data.position[1])
        data.item_positions = [(l + offset, c) for l, c in data.item_positions]
        for value in data:
            _shift(value, offset)


def read_yaml(path: Path, report: Report, allow_empty: bool = False, loader=_Loader):
    """A YAML source file, read through the trust boundary and parsed; None on any problem."""
    text = read_source(path, report)
    if text is None:
        return None
    return parse_yaml(text, path, report, allow_empty=allow_empty, loader=loader)


# Kept for the modules that read plain text sources.
read_text = read_source
