"""Editing an annotation's YAML text in place: only the lines of what changed are rewritten.

The file stays the curator's: comments, key order, quoting and line folding of everything not
edited are kept byte for byte, because an edit never re-emits the whole document (a round-trip
library re-folds every long line it writes back). A value is located by the composed YAML tree
(libyaml's, the strict loader's own), its *region* is the lines it spans, and only that region is
replaced by the new value written as `extract` writes YAML. Every edit is then read back with the
strict loader and must give exactly the data intended; otherwise nothing is written.

A region starts at its key (or at the line of its list item's dash) and runs over the lines
indented deeper; blank and comment lines that end it are left where they are.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from typing import Any

import yaml

from kgdebate.errors import InputError
from kgdebate.extract.writing import block_yaml
from kgdebate.ingest.yamlstrict import compose_strict

Path_ = tuple[str | int, ...]


class EditError(InputError):
    """An edit that cannot be made; nothing was written."""


@dataclass(frozen=True)
class Region:
    start: int  # character offset of the key, or of the start of the item's line
    end: int  # just past the last line of the value (its line break included)
    column: int  # the key's column, or the item's dash column
    flow: bool  # a flow collection (``[a, b]``, ``{k: v}``), written on its own line(s)


class YamlText:
    """One annotation's text, composed once, with the region of every key and list item."""

    def __init__(self, text: str, filename: str = "annotation", max_nodes: int = 200_000) -> None:
        self.text = text
        self.filename = filename
        self._root, self.loaded = compose_strict(text, filename, max_nodes)
        self.data: Any = self.loaded.data
        self._lines = text.splitlines(keepends=True)
        self._item_lines: dict[Path_, list[tuple[int, int]]] = {}
        self._line_starts = [0]
        for line in self._lines:
            self._line_starts.append(self._line_starts[-1] + len(line))

    # -- finding nodes -------------------------------------------------------------------------

    def _node(self, path: Path_) -> tuple[Any, Any]:
        """(key node or None, value node) at ``path``."""
        key_node, node = None, self._root
        for step in path:
            if isinstance(step, int):
                if not isinstance(node, yaml.SequenceNode) or not 0 <= step < len(node.value):
                    raise EditError(f"{self.filename}: no item {step} at {_dotted(path)}")
                key_node, node = None, node.value[step]
            else:
                if not isinstance(node, yaml.MappingNode):
                    raise EditError(f"{self.filename}: {_dotted(path)} is not in a mapping")
                for k, v in node.value:
                    if k.value == step:
                        key_node, node = k, v
                        break
                else:
                    raise EditError(f"{self.filename}: no {_dotted(path)}")
        return key_node, node

    def has(self, path: Path_) -> bool:
        try:
            self._node(path)
        except EditError:
            return False
        return True

    def line_of(self, path: Path_) -> int:
        """The 1-based line where the value at ``path`` starts."""
        key_node, node = self._node(path)
        return int((key_node or node).start_mark.line) + 1

    def region(self, path: Path_) -> Region:
        """The lines the key (or list item) at ``path`` spans."""
        key_node, node = self._node(path)
        flow = bool(getattr(node, "flow_style", False))
        if key_node is not None:
            line, column = key_node.start_mark.line, key_node.start_mark.column
            start = key_node.start_mark.index
        else:
            line = node.start_mark.line
            dash = self._lines[line].find("-")
            if dash < 0 or dash > node.start_mark.column:
                raise EditError(f"{self.filename}:{line + 1}: {_dotted(path)} is not a block item")
            column, start = dash, self._line_starts[line]
        last = line
        if isinstance(node, yaml.ScalarNode):  # a quoted or folded scalar over several lines
            last = max(line, node.end_mark.line - (1 if node.end_mark.column == 0 else 0))
        # An indentless list (``key:`` then ``- item`` at the key's column) belongs to its key.
        indentless = key_node is not None and isinstance(node, yaml.SequenceNode) and not flow
        for number in range(line + 1, len(self._lines)):  # lines indented deeper belong to it
            content = self._lines[number].strip()
            if content and not content.startswith("#"):
                depth = _indent(self._lines[number])
                if depth < column or (depth == column and not (indentless and content[0] == "-")):
                    break
                last = number
        return Region(start, self._line_starts[last + 1], column, flow)

    def item_lines(self, path: Path_) -> list[tuple[int, int]]:
        """The first and last line (1-based) of each item of the list at ``path``."""
        found = self._item_lines.get(path)
        if found is None:
            found = []
            for index in range(self.count(path) if self.has(path) else 0):
                region = self.region((*path, index))
                first = bisect.bisect_right(self._line_starts, region.start)
                last = bisect.bisect_right(self._line_starts, max(region.start, region.end - 1))
                found.append((first, last))
            self._item_lines[path] = found
        return found

    def after_last_item(self, path: Path_) -> tuple[int, int]:
        """Where a new last item of the list at ``path`` goes, and its dash column."""
        _, node = self._node(path)
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            raise EditError(f"{self.filename}: {_dotted(path)} is not a list with items")
        region = self.region((*path, len(node.value) - 1))
        return region.end, region.column

    def count(self, path: Path_) -> int:
        _, node = self._node(path)
        return len(node.value) if isinstance(node, yaml.SequenceNode) else 0

    def keys(self, path: Path_) -> list[str]:
        _, node = self._node(path)
        return [k.value for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dotted(path: Path_) -> str:
    return ".".join(map(str, path)) or "the document"


def _indented(block: str, column: int, first: bool) -> str:
    """``block`` moved right by ``column`` spaces (its first line too, when ``first``)."""
    lines = block.splitlines(keepends=True)
    pad = " " * column
    return "".join(
        (pad if (index or first) and line.strip() else "") + line
        for index, line in enumerate(lines)
    )


def flow_line(value: Any) -> str:
    """A record as one flow mapping (the way `extract` writes the `draft:` lists)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {flow_line(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_line(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


# -- edits: each is a splice of the text; one edit's splices never overlap ----------------------


@dataclass(frozen=True)
class Splice:
    start: int
    end: int
    text: str


def apply_splices(text: str, splices: list[Splice]) -> str:
    """The text with every splice made (from the last one up, so offsets stay true)."""
    ordered = sorted(splices, key=lambda s: (s.start, s.end), reverse=True)
    for later, earlier in zip(ordered, ordered[1:], strict=False):
        if earlier.end > later.start:
            raise EditError("two changes of one edit overlap; nothing was written")
    for splice in ordered:
        text = text[: splice.start] + splice.text + text[splice.end :]
    return text


def set_key(doc: YamlText, mapping: Path_, key: str, value: Any) -> Splice:
    """``mapping.key = value``: its region rewritten, or a new key after the mapping's last."""
    block = block_yaml({key: value})
    if doc.has((*mapping, key)):
        region = doc.region((*mapping, key))
        return Splice(region.start, region.end, _indented(block, region.column, False))
    keys = doc.keys(mapping)
    if not keys:
        raise EditError(f"{doc.filename}: {_dotted(mapping)} has no keys to add {key!r} beside")
    region = doc.region((*mapping, keys[-1]))
    return Splice(region.end, region.end, _indented(block, region.column, True))


def delete_key(doc: YamlText, mapping: Path_, key: str) -> Splice | None:
    if not doc.has((*mapping, key)):
        return None
    region = doc.region((*mapping, key))
    line_start = doc.text.rfind("\n", 0, region.start) + 1
    if doc.text[line_start : region.start].strip(" ") == "-":
        raise EditError(f"{doc.filename}: {key!r} starts its list item and cannot be removed")
    return Splice(line_start, region.end, "")


def insert_item(
    doc: YamlText, sequence: Path_, index: int, value: Any, flow: bool = False
) -> Splice:
    """A new item at ``index`` of the list at ``sequence`` (which has items already)."""
    if index < doc.count(sequence):
        region = doc.region((*sequence, index))
        at, column = region.start, region.column
    else:
        at, column = doc.after_last_item(sequence)
    block = f"- {flow_line(value)}\n" if flow else block_yaml([value])
    return Splice(at, at, _indented(block, column, True))


def replace_item(doc: YamlText, sequence: Path_, index: int, value: Any) -> Splice:
    """The item rewritten, in the style it was written in (one flow line, or a block)."""
    region = doc.region((*sequence, index))
    written = doc.text[region.start : region.end]
    flow = written.lstrip(" -").startswith("{") and written.count("\n") == 1
    block = f"- {flow_line(value)}\n" if flow else block_yaml([value])
    return Splice(region.start, region.end, _indented(block, region.column, True))


def delete_item(doc: YamlText, sequence: Path_, index: int) -> Splice:
    region = doc.region((*sequence, index))
    return Splice(region.start, region.end, "")


def checked(new_text: str, intended: Any, filename: str, max_nodes: int) -> YamlText:
    """``new_text``, read (strictly) as exactly ``intended``; else an error."""
    try:
        doc = YamlText(new_text, filename, max_nodes)
    except InputError as exc:
        raise EditError(f"the edit would not read back ({exc}); nothing was written") from None
    if doc.data != intended:
        raise EditError(
            f"{filename}: the edit would change more than intended; nothing was written",
            hint="edit this part of the file in a text editor",
        )
    return doc
