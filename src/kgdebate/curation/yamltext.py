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
import re
from dataclasses import dataclass
from typing import Any

import yaml

from kgdebate.errors import InputError
from kgdebate.extract.writing import block_yaml, flow
from kgdebate.ingest.yamlstrict import Loaded, compose_strict

Path_ = tuple[str | int, ...]


class EditError(InputError):
    """An edit that cannot be made; nothing was written."""


@dataclass(frozen=True)
class Region:
    start: int  # character offset of the key, or of the start of the item's line
    end: int  # just past the last line of the value (its line break included)
    column: int  # the key's column, or the item's dash column
    flow: bool  # a flow collection (``[a, b]``, ``{k: v}``), written on its own line(s)


@dataclass
class _Chunk:
    """Lines of the file composed on their own: one top-level key, or one item of a top-level
    list. Its nodes' marks count from its first line; ``index`` and ``line`` shift them."""

    index: int
    line: int
    root: Any
    loaded: Loaded


@dataclass
class _List:
    """A top-level key whose value is a block list, its items each a chunk of its own."""

    line: int
    items: list[_Chunk]


ChunkCache = dict[str, tuple[Any, Loaded]]
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]|$)")


class YamlText:
    """One annotation's text, read strictly, with the region of every key and list item.

    A long file is read in chunks (each top-level key, each item of a top-level list), and a
    chunk whose text an edit left as it was is not read again (``cache``): an edit of one claim
    of a 100-page document reads that claim, not the document. A file the chunking does not
    understand (document markers, keys that are not plain words) is read whole.
    """

    def __init__(
        self,
        text: str,
        filename: str = "annotation",
        max_nodes: int = 200_000,
        cache: ChunkCache | None = None,
    ) -> None:
        self.text = text
        self.filename = filename
        self._lines = text.splitlines(keepends=True)
        self._item_lines: dict[Path_, list[tuple[int, int]]] = {}
        self._line_starts = [0]
        for line in self._lines:
            self._line_starts.append(self._line_starts[-1] + len(line))
        self._top: dict[str, _Chunk | _List] | None = None
        try:
            self._top = self._chunked(filename, max_nodes, {} if cache is None else cache)
        except InputError:
            self._top = None  # read whole below: its error then names the file's own line
        if self._top is None:
            root, self.loaded = compose_strict(text, filename, max_nodes)
            self._root = root
        else:
            self.loaded = _ChunkedLoaded(self._top)
        self.data: Any = self.loaded.data

    def _chunked(
        self, filename: str, max_nodes: int, cache: ChunkCache
    ) -> dict[str, _Chunk | _List] | None:
        starts: list[tuple[str, int]] = []
        for number, line in enumerate(self._lines):
            content = line.strip()
            if not content or content.startswith("#") or line[0] == " " or line[:2] == "- ":
                continue
            match = _TOP_KEY.match(line)
            if match is None:
                return None
            starts.append((match.group(1), number))
        if not starts or len({key for key, _ in starts}) != len(starts):
            return None  # empty, or a duplicate key: the whole read says where
        used: ChunkCache = {}

        def chunk(first: int, last: int) -> _Chunk:
            text = "".join(self._lines[first:last])
            found = cache.get(text) or compose_strict(text, filename, max_nodes)
            used[text] = found
            return _Chunk(self._line_starts[first], first, *found)

        top: dict[str, _Chunk | _List] = {}
        for position, (key, first) in enumerate(starts):
            last = starts[position + 1][1] if position + 1 < len(starts) else len(self._lines)
            items = self._item_starts(first, last)
            if items is None:
                top[key] = chunk(first, last)
            else:
                bounds = [*items, last]
                top[key] = _List(
                    first, [chunk(a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
                )
        cache.clear()
        cache.update(used)
        return top

    def _item_starts(self, first: int, last: int) -> list[int] | None:
        """The lines where the items of a top-level block list start, or None for any other
        value (a mapping, a scalar, a flow list)."""
        if self._lines[first].split("#")[0].strip()[-1:] != ":":
            return None
        column, starts = -1, []
        for number in range(first + 1, last):
            line = self._lines[number]
            content = line.strip()
            if not content or content.startswith("#"):
                continue
            depth = _indent(line)
            if column < 0:
                if not (content == "-" or content.startswith("- ")):
                    return None
                column = depth
            if depth < column:
                return None
            if depth == column:
                if not (content == "-" or content.startswith("- ")):
                    return None
                starts.append(number)
        return starts or None

    # -- finding nodes -------------------------------------------------------------------------

    def _node(self, path: Path_) -> tuple[Any, Any, int, int]:
        """(key node or None, value node, index shift, line shift) at ``path``; for a chunked
        top-level list itself, its node is the :class:`_List`."""
        if self._top is None:
            return (*self._walk(None, self._root, path, path), 0, 0)
        if not path:
            raise EditError(f"{self.filename}: the document itself has no region")
        found = self._top.get(str(path[0]))
        if found is None:
            raise EditError(f"{self.filename}: no {_dotted(path)}")
        if isinstance(found, _List):
            if len(path) == 1:
                return None, found, 0, 0
            step = path[1]
            if not isinstance(step, int) or not 0 <= step < len(found.items):
                raise EditError(f"{self.filename}: no item {step} at {_dotted(path)}")
            item = found.items[step]
            start = item.root.value[0]
            return (*self._walk(None, start, path[2:], path), item.index, item.line)
        return (*self._walk(None, found.root, path, path), found.index, found.line)

    def _walk(self, key_node: Any, node: Any, steps: Path_, path: Path_) -> tuple[Any, Any]:
        for step in steps:
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
        key_node, node, _, shift = self._node(path)
        if isinstance(node, _List):
            return node.line + 1
        return int((key_node or node).start_mark.line) + shift + 1

    def region(self, path: Path_) -> Region:
        """The lines the key (or list item) at ``path`` spans."""
        key_node, node, index_shift, line_shift = self._node(path)
        if isinstance(node, _List):
            final = self.region((*path, len(node.items) - 1))
            return Region(self._line_starts[node.line], final.end, 0, False)
        flow = bool(getattr(node, "flow_style", False))
        if key_node is not None:
            line, column = key_node.start_mark.line + line_shift, key_node.start_mark.column
            start = key_node.start_mark.index + index_shift
        else:
            line = node.start_mark.line + line_shift
            dash = self._lines[line].find("-")
            if dash < 0 or dash > node.start_mark.column:
                raise EditError(f"{self.filename}:{line + 1}: {_dotted(path)} is not a block item")
            column, start = dash, self._line_starts[line]
        last = line
        if isinstance(node, yaml.ScalarNode):  # a quoted or folded scalar over several lines
            end_line = node.end_mark.line + line_shift
            last = max(line, end_line - (1 if node.end_mark.column == 0 else 0))
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
        top = self._top.get(str(path[0])) if self._top is not None and len(path) == 1 else None
        if found is None and isinstance(top, _List):  # from the chunks: no region to work out
            ends = [item.line for item in top.items[1:]]
            found = [(item.line + 1, end) for item, end in zip(top.items, [*ends, 0], strict=True)]
            # the last item ends where the next top-level key begins (a draft's records after
            # the claims are no part of the last claim), else with the file
            later = [chunk.line for chunk in (self._top or {}).values() if chunk.line > top.line]
            found[-1] = (found[-1][0], min(later) if later else len(self._lines))
            self._item_lines[path] = found
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
        size = self.count(path)
        if size == 0:
            raise EditError(f"{self.filename}: {_dotted(path)} is not a list with items")
        region = self.region((*path, size - 1))
        return region.end, region.column

    def count(self, path: Path_) -> int:
        _, node, _, _ = self._node(path)
        if isinstance(node, _List):
            return len(node.items)
        return len(node.value) if isinstance(node, yaml.SequenceNode) else 0

    def keys(self, path: Path_) -> list[str]:
        if not path and self._top is not None:
            return list(self._top)
        node = self._root if not path and self._top is None else self._node(path)[1]
        return [k.value for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []


class _ChunkedLoaded(Loaded):
    """The data of a chunked file, and each value's line, from its chunks."""

    def __init__(self, top: dict[str, _Chunk | _List]) -> None:
        data: dict[str, Any] = {}
        for key, found in top.items():
            if isinstance(found, _List):
                data[key] = [item.loaded.data[0] for item in found.items]
            else:
                data[key] = found.loaded.data[key]
        super().__init__(data)
        self._top = top

    def line(self, path: Path_) -> int:
        if not path:  # the document: its first key
            return min(found.line for found in self._top.values()) + 1
        found = self._top.get(str(path[0]))
        if found is None:
            return 1
        if isinstance(found, _List):
            step = path[1] if len(path) > 1 else None
            if not isinstance(step, int) or not 0 <= step < len(found.items):
                return found.line + 1
            item = found.items[step]
            return item.loaded.line((0, *path[2:])) + item.line
        return found.loaded.line(path) + found.line


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


# -- edits: each is a splice of the text; one edit's splices never overlap ----------------------


@dataclass(frozen=True)
class Splice:
    start: int
    end: int
    text: str


def apply_splices(text: str, splices: list[Splice]) -> str:
    """The text with every splice made (from the last one up, so offsets stay true); two
    insertions at one place come out in the order they are listed (an item, then a new key)."""
    by_place = sorted(enumerate(splices), key=lambda p: (p[1].start, p[1].end, p[0]))
    ordered = [splice for _, splice in reversed(by_place)]
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
    doc: YamlText, sequence: Path_, index: int, value: Any, one_line: bool = False
) -> Splice:
    """A new item at ``index`` of the list at ``sequence`` (which has items already)."""
    if index < doc.count(sequence):
        region = doc.region((*sequence, index))
        at, column = region.start, region.column
    else:
        at, column = doc.after_last_item(sequence)
    block = f"- {flow(value)}\n" if one_line else block_yaml([value])
    return Splice(at, at, _indented(block, column, True))


def replace_item(doc: YamlText, sequence: Path_, index: int, value: Any) -> Splice:
    """The item rewritten, in the style it was written in (one flow line, or a block)."""
    region = doc.region((*sequence, index))
    written = doc.text[region.start : region.end]
    one_line = written.lstrip(" -").startswith("{") and written.count("\n") == 1
    block = f"- {flow(value)}\n" if one_line else block_yaml([value])
    return Splice(region.start, region.end, _indented(block, region.column, True))


def delete_item(doc: YamlText, sequence: Path_, index: int) -> Splice:
    region = doc.region((*sequence, index))
    return Splice(region.start, region.end, "")


def checked(
    new_text: str, intended: Any, filename: str, max_nodes: int, cache: ChunkCache | None = None
) -> YamlText:
    """``new_text``, read (strictly) as exactly ``intended``; else an error."""
    try:
        doc = YamlText(new_text, filename, max_nodes, cache)
    except InputError as exc:
        raise EditError(f"the edit would not read back ({exc}); nothing was written") from None
    if doc.data != intended:
        raise EditError(
            f"{filename}: the edit would change more than intended; nothing was written",
            hint="edit this part of the file in a text editor",
        )
    return doc
