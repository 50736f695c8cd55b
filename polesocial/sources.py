"""Reading source files the way editors write them: UTF-8 text and YAML, with positions.

YAML is loaded with PyYAML's safe loader (no object construction). Mappings and lists come back
as ``Located`` containers that remember the line and column of each key and item, so that every
later check can point at the exact place in the file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Report

MAX_SOURCE_BYTES = 2 * 1024 * 1024  # far above any real page; catches files pasted by mistake


class LocatedDict(dict):
    """A mapping that knows where it and each of its keys stand (1-based line, column)."""

    position: tuple[int, int] = (0, 0)
    key_positions: dict

    def where(self, key) -> tuple[int, int]:
        return self.key_positions.get(key, self.position)


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


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences carry positions; no other tag is accepted."""

    def construct_located_mapping(self, node):
        mapping = LocatedDict()
        mapping.position = _position(node)
        mapping.key_positions = {}
        yield mapping
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping.key_positions:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_positions[key] = _position(key_node)

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


def parse_yaml(text: str, path: Path, report: Report, line_offset: int = 0):
    """Parse ``text`` as YAML; on failure record a ``yaml-syntax`` problem and return None.

    ``line_offset`` shifts reported lines, for YAML embedded in a larger file (page headers).
    """
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        detail = error.problem or str(error)
        if error.context and error.problem:
            detail = f"{error.context}, {error.problem}"
        report.add(path, line + line_offset, column, "yaml-syntax", detail=detail)
        return None
    except yaml.YAMLError as error:  # errors without a position (rare: reader errors)
        report.add(path, 1 + line_offset, 0, "yaml-syntax", detail=str(error))
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


def read_text(path: Path, report: Report) -> str | None:
    """The file's text, or None after recording why it cannot be read as a source."""
    data = path.read_bytes()
    if len(data) > MAX_SOURCE_BYTES:
        report.add(path, 0, 0, "file-too-large", size=len(data), limit=MAX_SOURCE_BYTES)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        report.add(path, line, column, "encoding", byte=f"0x{data[error.start]:02X}")
        return None
