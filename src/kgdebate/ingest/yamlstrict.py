"""Strict YAML: what a curator writes is what the code reads.

Refused: anchors and aliases (alias bombs), explicit tags (``!!python/object``), duplicate keys
(silent last-wins), more than ``max_nodes`` nodes, NUL and other control characters, lone
surrogates. Typed with the YAML 1.2 core schema, not 1.1: only ``true``/``false``, ``null``/``~``
and plain numbers get a type; ``NO``, ``2024-01-02`` and ``0o17`` stay strings, so YAML 1.1
coercions never reach a string field. Every value's line is recorded for error messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import yaml

from kgdebate.errors import InputError

Path_ = tuple[str | int, ...]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
# Controls, lone surrogates, and the two non-characters no YAML stream may hold even escaped.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MAX_INT_DIGITS = 30


@dataclass
class Loaded:
    """A loaded document and the 1-based line of each value, by path (``("claims", 3, "side")``)."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def field(self, path: Path_) -> str:
        """``path`` as a curator reads it: a list item that has an id is named by it, never by
        its position (``claims[c03].quote``, not ``claims.2.quote``)."""
        words, node = "", self.data
        for step in path:
            item = node[step] if isinstance(node, list) and isinstance(step, int) else None
            if isinstance(node, dict) and isinstance(step, str):
                item = node.get(step)
            ident = item.get("id") if isinstance(step, int) and isinstance(item, dict) else None
            if isinstance(ident, str):
                words += f"[{ident}]"
            else:
                words += f".{step}" if words else str(step)
            node = item
        return words or "(top level)"

    def line(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


# libyaml's loader when PyYAML was built with it (10x faster), else the pure-Python one
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[misc]
    """Composes without resolving implicit tags: :func:`_scalar` types every value itself (YAML
    1.2 core schema), so PyYAML's 1.1 resolver (a third of the time of a large file) is skipped."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


_DEFAULT_TAGS = {
    yaml.ScalarNode: "tag:yaml.org,2002:str",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
    yaml.MappingNode: "tag:yaml.org,2002:map",
}


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def _check_events(text: str) -> None:
    """Refuse aliases, anchors and explicit tags before anything is composed or expanded."""
    for event in yaml.parse(text, Loader=_Loader):
        _check_event(event)


def _check_event(event: Any) -> None:
    if isinstance(event, yaml.AliasEvent):
        raise _Refused(event.start_mark, "aliases (*name) are not allowed; write the value out")
    if getattr(event, "anchor", None) is not None:
        raise _Refused(event.start_mark, "anchors (&name) are not allowed; write the value out")
    tag = getattr(event, "tag", None)
    explicit = isinstance(event, yaml.ScalarEvent) and tag not in (None, "!")
    explicit |= isinstance(event, yaml.CollectionStartEvent) and not event.implicit
    if explicit:
        raise _Refused(event.start_mark, f"tags such as {tag} are not allowed")


def load_strict(text: str, filename: str, max_nodes: int = 200_000) -> Loaded:
    """Parse ``text`` (one YAML document) strictly; errors name ``filename:line:column``.

    Built from the parser's events in one pass, checking each as it comes: what
    :func:`compose_strict` gives, at a third of its cost (the parse, a check of the events, a
    node tree and its conversion), for the callers that need no node tree.
    """
    loaded = Loaded(data=None)
    with _explained(filename):
        loaded.data = _from_events(yaml.parse(text, Loader=_Loader), loaded.lines, max_nodes)
    return loaded


def as_read(data: Any, filename: str, max_nodes: int = 200_000) -> Any:
    """``data`` if :func:`load_strict` would read it as it is: no more than ``max_nodes``
    values, no control character in a string. For data about to be written by an emitter
    that is proven to read back as its input (the extraction's drafts)."""
    budget = max_nodes
    stack = [data]
    while stack:
        value = stack.pop()
        budget -= 1
        if budget < 0:
            raise InputError(
                f"{filename}: too many values in one file",
                hint="for a very long document, split it or raise max_yaml_nodes and "
                "max_annotation_bytes in the settings",
            )
        if type(value) is str:
            if _BAD_CHARS.search(value):
                raise InputError(
                    f"{filename}: control characters, NUL, lone surrogates and non-characters "
                    f"are not allowed in text (in {value[:40]!r})",
                    hint="remove them from the text the draft quotes",
                )
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return data


@contextmanager
def _explained(filename: str) -> Iterator[None]:
    """What the parser or the strict checks refuse, as an error naming the file and line."""
    try:
        yield
    except _Refused as exc:
        raise _error(filename, exc.mark, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _error(filename, mark, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError:
        raise InputError(f"{filename}: not valid YAML") from None
    except _Empty:
        raise InputError(f"{filename}: the file is empty", hint="see data/annotations/") from None


class _Empty(Exception):
    pass


def _from_events(events: Iterator[Any], lines: dict[Path_, int], max_nodes: int) -> Any:
    """The document's values, and each one's line in ``lines`` (a mapping's values: their
    key's line), as :func:`_convert` gives them from a composed tree."""
    documents, budget, root = 0, max_nodes, None
    # per open collection: the collection, its path, and for a mapping the key waiting for its
    # value (None between entries) and that key's line
    open_: list[tuple[Any, Path_, list[Any]]] = []
    for event in events:
        kind = type(event)
        if kind is not _SCALAR and kind is not _MAPPING and kind is not _SEQUENCE:
            if kind is _MAPPING_END or kind is _SEQUENCE_END:
                open_.pop()
            elif kind is yaml.AliasEvent:
                _check_event(event)  # refused
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream", None,
                        "but found another document", event.start_mark,
                    )  # fmt: skip
            continue  # the stream's and the document's ends
        if event.anchor is not None or event.tag is not None:
            _check_event(event)  # refused, unless a scalar's tag is the plain "!"
        if open_ and open_[-1][2][0] is None and type(open_[-1][0]) is dict:  # a key
            mapping, path, waiting = open_[-1]
            if kind is not _SCALAR:
                raise _Refused(event.start_mark, "keys must be plain words")
            key = str(event.value)
            if key in mapping:
                raise _Refused(event.start_mark, f"duplicate key {key!r}")
            waiting[0], waiting[1] = key, event.start_mark.line + 1
            continue
        budget -= 1
        if budget < 0:
            raise _Refused(event.start_mark, "too many values in one file")
        if kind is _SCALAR:
            value: Any = _scalar_value(event)
        else:
            value = {} if kind is _MAPPING else []
        if not open_:
            at: Path_ = ()
            root, lines[at] = value, event.start_mark.line + 1
        else:
            parent, path, waiting = open_[-1]
            if type(parent) is dict:
                at = (*path, waiting[0])
                parent[waiting[0]], lines[at] = value, waiting[1]
                waiting[0] = None
            else:
                at = (*path, len(parent))
                parent.append(value)
                lines[at] = event.start_mark.line + 1
        if kind is not _SCALAR:
            open_.append((value, at, [None, 0]))
    if not documents:
        raise _Empty
    return root


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent


def compose_strict(text: str, filename: str, max_nodes: int = 200_000) -> tuple[Any, Loaded]:
    """:func:`load_strict`, also giving the composed node tree (where each value is written)."""
    with _explained(filename):
        _check_events(text)
        root = yaml.compose(text, Loader=_Loader)
        if root is None:
            raise _Empty
    loaded = Loaded(data=None)
    budget = [max_nodes]
    loaded.data = _convert(root, (), loaded, filename, budget)
    return root, loaded


def _convert(node: Any, path: Path_, out: Loaded, filename: str, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise _error(filename, node.start_mark, "too many values in one file")
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _error(filename, key_node.start_mark, "keys must be plain words")
            key = str(key_node.value)
            if key in result:
                raise _error(filename, key_node.start_mark, f"duplicate key {key!r}")
            result[key] = _convert(value_node, (*path, key), out, filename, budget)
            out.lines[(*path, key)] = key_node.start_mark.line + 1  # errors point at the key
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), out, filename, budget)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, filename)


def _scalar(node: Any, filename: str) -> Any:
    try:
        return _scalar_value(node)
    except _Refused as exc:
        raise _error(filename, exc.mark, exc.message) from None


def _scalar_value(node: Any) -> Any:
    """A scalar's value (a node's or a parser event's), typed by the YAML 1.2 core schema."""
    value: str = node.value
    if _BAD_CHARS.search(value):
        raise _Refused(
            node.start_mark, "control characters, NUL and lone surrogates are not allowed in text"
        )
    if node.style:  # quoted or block scalars are always text (plain: None, or "" from libyaml)
        return value
    if value in ("true", "false"):
        return value == "true"
    if value in ("", "~", "null"):
        return None
    if _INT.match(value):
        if len(value.lstrip("+-")) > _MAX_INT_DIGITS:
            raise _Refused(node.start_mark, "number too long")
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _error(filename: str, mark: Any, message: str) -> InputError:
    if mark is None:
        return InputError(f"{filename}: {message}")
    return InputError(f"{filename}:{mark.line + 1}:{mark.column + 1}: {message}")
