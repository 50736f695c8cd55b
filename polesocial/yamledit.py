"""Changing a few values of an editor's YAML file and nothing else.

``make translated`` writes three values in a guide's ``guide.yml`` (or ``charter.yml``), a file
the editors write by hand with comments, blank lines and their own quoting. Loading the file and
dumping it again would lose all that (PyYAML keeps no comment; round-trip libraries still
re-indent lists and re-wrap long lines). Here the file is *composed* (PyYAML's node tree, which
knows where each value starts and ends in the text) and only the characters of the changed
values are replaced; a missing key is inserted as one new line after the mapping's last value,
with the indentation of its siblings. Every other character of the file is left as it was.
"""

from __future__ import annotations

import yaml


class Unexpected(ValueError):
    """The file's structure is not the one expected (a text where a mapping should be…);
    ``line`` (1-based) says where."""

    def __init__(self, key: str, line: int):
        super().__init__(key)
        self.key, self.line = key, line


def _quoted(value: str, style: str | None) -> str:
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _entry(mapping: yaml.MappingNode, key: str):
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _last_scalar_end(node) -> int:
    """The index just after the last scalar of ``node`` (the end of its last line's value;
    a block collection's own end mark lies after the comments that follow it)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark.index


def _line_end(text: str, index: int) -> int:
    """The index after the newline ending the line of ``index`` (len(text) on the last line)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _block(keys: list[str], values: dict[str, str], indent: int, step: int) -> list[str]:
    """The lines of a new nested block: ``keys`` (outermost first) holding ``values``."""
    lines = []
    for depth, key in enumerate(keys):
        lines.append(" " * (indent + depth * step) + f"{key}:")
    inner = " " * (indent + len(keys) * step)
    lines += [f"{inner}{key}: {_quoted(value, None)}" for key, value in values.items()]
    return lines


def set_values(text: str, path: tuple[str, ...], values: dict[str, str],
               comment: str | None = None) -> str:
    """``text`` with the mapping at ``path`` (keys from the top) holding ``values`` (texts,
    written quoted). Existing values are replaced in place, keeping their quotes; missing keys
    and mappings are added at the end of their parent. ``comment`` (without ``#``) goes above a
    block created at the top level."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is None:
        root_node = None
    elif not isinstance(root, yaml.MappingNode):
        raise Unexpected("", root.start_mark.line + 1)
    else:
        root_node = root
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied from the end
    node = root_node
    depth = 0
    while node is not None and depth < len(path):
        found = _entry(node, path[depth])
        if found is None:
            break
        key_node, value = found
        if not isinstance(value, yaml.MappingNode):
            raise Unexpected(path[depth], key_node.start_mark.line + 1)
        node, depth = value, depth + 1
    missing = list(path[depth:])
    if node is None or (missing and depth == 0):  # a new block at the end of the file
        lines = ([f"# {comment}"] if comment else []) + _block(missing, values, 0, 2)
        body = text if not text or text.endswith("\n") else text + "\n"
        ending = "\n" if text.endswith("\n") or not text else ""
        return body + "\n".join(lines) + ending
    if missing:  # inside an existing mapping: a nested block after its last value
        indent = node.value[0][0].start_mark.column if node.value else 0
        step = max(indent - _parent_indent(root_node, path[:depth]), 2)
        if node.flow_style:
            raise Unexpected(path[depth - 1], node.start_mark.line + 1)
        where = _line_end(text, _last_scalar_end(node))
        lines = _block(missing, values, indent, step)
        return _insert_lines(text, where, lines)
    # The mapping exists: replace what is there, add what is not.
    added = []
    for key, new in values.items():
        found = _entry(node, key)
        if found is None:
            added.append((key, new))
            continue
        key_node, value = found
        if not isinstance(value, yaml.ScalarNode):
            raise Unexpected(key, key_node.start_mark.line + 1)
        style = value.style if value.style in ("'", '"') else None
        edits.append((value.start_mark.index, value.end_mark.index, _quoted(new, style)))
    if added:
        if node.flow_style:
            close = node.end_mark.index - 1  # the "}"
            inner = ", ".join(f"{key}: {_quoted(new, None)}" for key, new in added)
            edits.append((close, close, (", " if node.value else "") + inner))
        else:
            indent = node.value[0][0].start_mark.column
            where = _line_end(text, _last_scalar_end(node))
            block = "".join(" " * indent + f"{key}: {_quoted(new, None)}\n"
                            for key, new in added)
            if where == len(text) and not text.endswith("\n"):
                block = "\n" + block.rstrip("\n")
            edits.append((where, where, block))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _parent_indent(root, keys) -> int:
    """The column of the keys of the mapping that holds ``keys[-1]`` (0 at the top)."""
    node, column = root, 0
    for key in keys[:-1]:
        node = _entry(node, key)[1]
    if keys and node is not None and node.value:
        column = node.value[0][0].start_mark.column
    return column


def _insert_lines(text: str, where: int, lines: list[str]) -> str:
    block = "\n".join(lines) + "\n"
    if where == len(text) and not text.endswith("\n"):
        block = "\n" + block.rstrip("\n")
    return text[:where] + block + text[where:]
