"""What a curator must still decide for one annotation, each item with the YAML line to edit.

A decision recorded in the annotation closes its item: `decision: no link` or the `chosen:`
candidate on an ambiguous name, `decision: not an entity` (or `no link`) on an unknown one,
`decision: not a statistic` on a figure, `source_given: false` on a statistic the document gives
no source for. A finished
curation reads ``0 decision(s) left``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kgdebate.errors import InputError
from kgdebate.extract.figures import STATISTIC_KINDS
from kgdebate.ingest.yamlstrict import Loaded, load_strict


def review(path: Path, max_bytes: int, max_nodes: int) -> list[str]:
    """``file:line: what to decide`` for every open decision; an empty list when none is left."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if len(raw) > max_bytes:
        raise InputError(f"{path}: the annotation is over {max_bytes} bytes")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (bad byte at offset {exc.start})") from None
    return decisions_left(load_strict(content, str(path), max_nodes), path)


def decisions_left(loaded: Loaded, path: Path) -> list[str]:
    """:func:`review` of an annotation already read."""
    data: Any = loaded.data
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: an annotation is a mapping with a `document:` key")
    items: list[str] = []

    def say(where: tuple[Any, ...], message: str) -> None:
        items.append(f"{path}:{loaded.line(where)}: {message}")

    draft = data.get("draft") or {}
    guessed = [name for name in draft.get("guessed", []) if name in data.get("document", {})]
    for name in sorted(guessed, key=lambda name: loaded.line(("document", name))):  # as written
        say(("document", name), f"document.{name} was guessed from the text: check it")
    for name in ("publisher", "url", "citation"):
        if name not in data.get("document", {}):
            say(("document",), f"document.{name} is missing: add it")
    for index, item in enumerate(draft.get("ambiguous", [])):
        if "decision" in item or "chosen" in item:
            continue
        options = ", ".join(f"{c['kind']} {c['slug']}" for c in item["candidates"])
        say(
            ("draft", "ambiguous", index),
            f"ambiguous {item['text']!r} at {item['start']}-{item['end']}: one of {options}; "
            "add the right one to the claim's mentions, or record `decision: no link`",
        )
    for index, item in enumerate(draft.get("new_entities", [])):
        if "decision" in item or "added" in item:
            continue
        say(
            ("draft", "new_entities", index),
            f"unknown name {item['text']!r} ({len(item['occurrences'])}x): add an entity "
            "to the reference data, or record `decision: not an entity` (or `no link`)",
        )
    for index, claim in enumerate(data.get("claims", [])):
        needed = ("side", "theme", "kind") if "debate" in data else ("kind",)
        if claim.get("side") == "none":  # a background sentence belongs to no theme
            needed = ("kind",)
        missing = [key for key in needed if key not in claim]
        if missing:
            say(("claims", index), f"claim {claim.get('id')} has no {' or '.join(missing)}")
    cited = {s.get("value_text") for s in data.get("statistics", [])}
    for index, figure in enumerate(draft.get("figures", [])):
        if "decision" in figure or "statistic" in figure:  # not one, or one the store has
            continue
        if figure["kind"] in STATISTIC_KINDS and figure["text"] not in cited:
            drafted = [  # what the draft found, for the statistic's fields
                f"{key} {figure[key]}" for key in ("unit", "as_of") if figure.get(key)
            ] + ([f"source {figure['attributed_to']!r}"] if figure.get("attributed_to") else [])
            say(
                ("draft", "figures", index),
                f"figure {figure['text']!r} at {figure['start']}"
                + (f" ({', '.join(drafted)})" if drafted else "")
                + ": no statistic with a source yet; add one, or record `decision: not a "
                "statistic`",
            )
    for index, statistic in enumerate(data.get("statistics", [])):
        if "source" not in statistic and statistic.get("source_given") is not False:
            say(
                ("statistics", index),
                f"statistic {statistic['id']} has no source: give `source:`, or record "
                "`source_given: false` when the document names none",
            )
    return items
