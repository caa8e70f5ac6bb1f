"""What a curator can do to an annotation in the workbench, each as one edit of its YAML.

An operation takes the annotation's data (a copy it changes into what the file must read after
the edit), its text (:class:`YamlText`, to find where things are written) and the document's
text, checks its arguments, and returns the splices of the file. Claims are named by id, never by
position; every quote written is cut from the document's text by the tool, never typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kgdebate.anchor import anchor_at
from kgdebate.curation.yamltext import (
    EditError,
    Splice,
    YamlText,
    delete_item,
    delete_key,
    insert_item,
    replace_item,
    set_key,
)
from kgdebate.extract.figures import CURRENCIES
from kgdebate.extract.layout import read_layout
from kgdebate.extract.statements import plain_words
from kgdebate.extract.writing import block_yaml
from kgdebate.ingest.structure import annotation_schema
from kgdebate.stance.lexicon import EFFECTS_ONLY, LABELS

UNITS: tuple[str, ...] = tuple(
    annotation_schema()["properties"]["statistics"]["items"]["properties"]["unit"]["enum"]
)  # the units vocabulary's notations, as the schema lists them
SIDES = ("for", "against", "none")
KINDS = ("recommendation", "fact", "causal", "forecast", "moral")
RELATIONS = ("supports", "attacks", "rebuts", "restates")
CITED_KINDS = ("event", "statistic", "statement", "actor", "document", "source")
CITED_AS = ("evidence", "precedent", "disputes", "illustration")
EVIDENCE = (
    "poll",
    "humanitarian-statistic",
    "historical-precedent",
    "diplomatic-record",
    "official-statement",
    "public-opinion",
    "strategic-assessment",
)
MAX_QUOTE_CHARS = 5_000
"""A claim's words are a sentence or a few: a longer span is a mistake, not a claim."""
MAX_FIELD_CHARS = 2_000
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_CLAIM_REF = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$")
_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")


@dataclass
class Edit:
    data: dict[str, Any]
    """The annotation as the file must read after the edit (operations change it)."""
    doc: YamlText
    """The file as it is: where each thing is written (positions before the edit)."""
    text: str | None
    """The document's text, when the workbench has it."""

    def __post_init__(self) -> None:
        self.doc_claims = [dict(c) for c in self.data.get("claims", [])]

    def claims(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = self.data.setdefault("claims", [])
        return claims

    def index_of(self, claim_id: object) -> int:
        for index, claim in enumerate(self.claims()):
            if claim.get("id") == claim_id:
                return index
        raise EditError(f"there is no claim {claim_id!r} in this annotation")

    def document_text(self) -> str:
        if self.text is None:
            raise EditError(
                "the workbench has no text for this document, so it cannot cut quotes from it",
                hint="start it with `kgdebate curate FILE --text TEXT`",
            )
        return self.text


Operation = Callable[[Edit, dict[str, Any]], list[Splice]]
OPERATIONS: dict[str, Operation] = {}


def operation(name: str) -> Callable[[Operation], Operation]:
    def register(function: Operation) -> Operation:
        OPERATIONS[name] = function
        return function

    return register


def run(edit: Edit, name: object, arguments: object) -> list[Splice]:
    if not isinstance(name, str) or name not in OPERATIONS:
        raise EditError(f"unknown operation {name!r}; known: {', '.join(sorted(OPERATIONS))}")
    if not isinstance(arguments, dict):
        raise EditError("an operation's arguments are a JSON object")
    return OPERATIONS[name](edit, arguments)


# -- arguments ---------------------------------------------------------------------------------


def _int(arguments: dict[str, Any], name: str) -> int:
    value = arguments.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise EditError(f"`{name}` must be a whole number of characters")
    return value


def _choice(arguments: dict[str, Any], name: str, allowed: tuple[str, ...]) -> str:
    value = arguments.get(name)
    if value not in allowed:
        raise EditError(f"`{name}` must be one of {', '.join(allowed)}, not {value!r}")
    return str(value)


def _slug(arguments: dict[str, Any], name: str, pattern: re.Pattern[str] = _SLUG) -> str:
    value = arguments.get(name)
    if not isinstance(value, str) or not pattern.match(value) or len(value) > 200:
        raise EditError(f"`{name}` must be an id such as `crimea-2014`, not {value!r}")
    return value


def _calendar_date(name: str, value: object) -> str:
    """A day (2023-11-16), a month (2023-11) or a year (2023) that the calendar has."""
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise EditError(f"`{name}` is a day (2023-11-16), a month (2023-11) or a year (2023)")
    value = value.strip()
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise EditError(f"`{name}`: {value} is no day of the calendar") from None
    return value


def _words(arguments: dict[str, Any], name: str) -> str:
    value = arguments.get(name)
    if not isinstance(value, str) or not value.strip():
        raise EditError(f"`{name}` must be some words")
    if len(value) > MAX_FIELD_CHARS:
        raise EditError(f"`{name}` is over {MAX_FIELD_CHARS} characters")
    return " ".join(value.split())


# -- spans -------------------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    if not 0 <= start < end <= len(text):
        raise EditError(f"the span {start}-{end} is outside the text (0-{len(text)})")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise EditError("the span holds no words")
    if end - start > MAX_QUOTE_CHARS:
        raise EditError(f"a claim's words are at most {MAX_QUOTE_CHARS} characters")
    return start, end


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _one_paragraph(text: str, start: int, end: int) -> None:
    """A word step stops at its paragraph: a blank line is no word to take in by accident."""
    if _BLANK_LINE.search(text, start, end):
        raise EditError(
            "the next word is in another paragraph: extending by a word stops at a blank line",
            hint="select the words in the text and make a new claim of them instead",
        )


def _no_overlap(edit: Edit, start: int, end: int, itself: str | None = None) -> None:
    """Claims do not share words: the page could show only one of them."""
    for claim in edit.claims():
        quote = claim.get("quote")
        if claim.get("id") == itself or not isinstance(quote, dict):
            continue
        if isinstance(quote.get("start"), int) and quote["start"] < end and start < quote["end"]:
            raise EditError(
                f"these words overlap the words of claim {claim.get('id')}",
                hint=f"shrink, split or delete {claim.get('id')} first",
            )


def _quote(text: str, start: int, end: int) -> dict[str, Any]:
    anchor = anchor_at(text, start, end)
    return {
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
    }


def _span(claim: dict[str, Any], text: str) -> tuple[int, int]:
    quote = claim.get("quote")
    if not isinstance(quote, dict):
        raise EditError(f"claim {claim.get('id')} has no quote to change")
    start, end = quote.get("start"), quote.get("end")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or text[start:end] != quote.get("exact")
    ):
        raise EditError(
            f"claim {claim.get('id')}'s quote is not at its offsets in the text (an orphan)",
            hint="select its words in the text again and make a new claim of them",
        )
    return start, end


def _next_id(claims: list[dict[str, Any]]) -> str:
    taken = {str(c.get("id")) for c in claims}
    numbers = [int(m.group(1)) for i in taken if (m := re.fullmatch(r"c(\d+)", i))]
    width = max((len(i) - 1 for i in taken if re.fullmatch(r"c\d+", i)), default=2)
    number = max(numbers, default=0) + 1
    while f"c{number:0{width}d}" in taken:
        number += 1
    return f"c{number:0{width}d}"


def _position_for(claims: list[dict[str, Any]], start: int) -> int:
    """Where a claim starting at ``start`` goes: before the first claim that starts later."""
    for index, claim in enumerate(claims):
        quote = claim.get("quote")
        if isinstance(quote, dict) and isinstance(quote.get("start"), int):
            if quote["start"] > start:
                return index
    return len(claims)


def _add_claim(edit: Edit, claim: dict[str, Any]) -> list[Splice]:
    claims = edit.claims()
    index = _position_for(claims, claim["quote"]["start"])
    claims.insert(index, claim)
    if not edit.doc.has(("claims",)) or edit.doc.count(("claims",)) == 0:
        return [set_key(edit.doc, (), "claims", claims)]
    return [insert_item(edit.doc, ("claims",), index, claim)]


@operation("new-claim")
def new_claim(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A claim of the selected words: its quote cut from the text, its statement their words."""
    text = edit.document_text()
    start, end = _trimmed(text, _int(arguments, "start"), _int(arguments, "end"))
    _no_overlap(edit, start, end)  # words selected over paragraphs are the curator's choice
    claim = {
        "id": _next_id(edit.claims()),
        "statement": plain_words(text[start:end]),
        "quote": _quote(text, start, end),
    }
    return _add_claim(edit, claim)


@operation("span")
def move_span(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """Extend or shrink a claim's words by one word at its start or end."""
    text = edit.document_text()
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    start, end = before = _span(claim, text)
    edge = _choice(arguments, "edge", ("start", "end"))
    move = _choice(arguments, "move", ("extend", "shrink"))
    if edge == "end" and move == "extend":
        end = _skip(text, _skip(text, end, 1, str.isspace), 1, _word)
    elif edge == "end":
        end = _skip(text, _skip(text, end, -1, _word), -1, str.isspace)
    elif move == "extend":
        start = _skip(text, _skip(text, start, -1, str.isspace), -1, _word)
    else:
        start = _skip(text, _skip(text, start, 1, _word), 1, str.isspace)
    start, end = _trimmed(text, start, end)
    if move == "extend":  # only the words taken in: the claim's own may span paragraphs
        _one_paragraph(text, *((before[1], end) if edge == "end" else (start, before[0])))
        _no_overlap(edit, start, end, itself=claim["id"])
    claim["quote"] = _quote(text, start, end)
    return [set_key(edit.doc, ("claims", index), "quote", claim["quote"])]


def _word(char: str) -> bool:
    return not char.isspace()


def _skip(text: str, at: int, step: int, kind: Callable[[str], bool]) -> int:
    """From ``at``, past the characters of ``kind`` in direction ``step``."""
    if step > 0:
        while at < len(text) and kind(text[at]):
            at += 1
    else:
        while at > 0 and kind(text[at - 1]):
            at -= 1
    return at


@operation("split")
def split(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """Two claims of one: the words before ``at`` and those after; the second gets a new id and
    the first one's side, theme and kind."""
    text = edit.document_text()
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    start, end = _span(claim, text)
    at = _int(arguments, "at")
    if not start < at < end:
        raise EditError(f"split at {at}: a point inside the claim's words ({start}-{end})")
    first, second = _trimmed(text, start, at), _trimmed(text, at, end)
    claim["quote"] = _quote(text, *first)
    claim["statement"] = plain_words(text[first[0] : first[1]])
    twin: dict[str, Any] = {
        "id": _next_id(edit.claims()),
        "statement": plain_words(text[second[0] : second[1]]),
        "quote": _quote(text, *second),
        **{key: claim[key] for key in ("side", "theme", "kind", "paragraph") if key in claim},
    }
    splices = [
        set_key(edit.doc, ("claims", index), "statement", claim["statement"]),
        set_key(edit.doc, ("claims", index), "quote", claim["quote"]),
    ]
    if claim.get("mentions"):  # each half mentions what the draft found in its words
        kept, moved = _named_in(edit, *first), _named_in(edit, *second)
        found_anywhere = _named_in(edit, start, end)
        mentions = {
            kind: [
                s
                for s in slugs
                if s in kept.get(kind, set()) or s not in found_anywhere.get(kind, set())
            ]
            for kind, slugs in claim["mentions"].items()
        }
        claim["mentions"] = mentions
        twin["mentions"] = {kind: sorted(moved.get(kind, set())) for kind in mentions}
        splices.append(set_key(edit.doc, ("claims", index), "mentions", mentions))
    edit.claims().insert(index + 1, twin)
    return [*splices, insert_item(edit.doc, ("claims",), index + 1, twin)]


def _named_in(edit: Edit, start: int, end: int) -> dict[str, set[str]]:
    """What the draft's proposed links (those not rejected) name within the words."""
    named: dict[str, set[str]] = {}
    for item in (edit.data.get("draft") or {}).get("mentions") or []:
        if item.get("decision") != "no link" and start <= item["start"] and item["end"] <= end:
            named.setdefault(f"{item['kind']}s", set()).add(item["slug"])
    return named


@operation("merge")
def merge(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """One claim of two adjacent ones (no claim's words between them): the first keeps its id
    and fields, takes the words from the first's start to the second's end, and whatever the
    second mentioned, cited or related; what pointed at the second points at the first."""
    text = edit.document_text()
    claims = edit.claims()
    index, other_index = edit.index_of(arguments.get("claim")), edit.index_of(arguments.get("with"))
    if index == other_index:
        raise EditError("a claim cannot be merged with itself")
    spans = {i: _span(claims[i], text) for i in (index, other_index)}
    first, second = sorted((index, other_index), key=lambda i: spans[i])
    low, high = spans[first][0], max(spans[first][1], spans[second][1])
    between = [
        c["id"]
        for i, c in enumerate(claims)
        if i not in (first, second)
        and isinstance(c.get("quote"), dict)
        and isinstance(c["quote"].get("start"), int)
        and low < c["quote"]["start"] < high
    ]
    if between:
        raise EditError(f"only adjacent claims merge: {', '.join(between)} lies between them")
    kept, gone = claims[first], claims[second]
    kept["quote"] = _quote(text, low, high)
    kept["statement"] = f"{kept['statement']} {gone['statement']}"
    for key in ("supports", "attacks", "rebuts", "restates"):
        targets = _union(kept.get(key, []), gone.get(key, []))
        targets = [t for t in targets if t not in (kept["id"], gone["id"])]
        if targets:
            kept[key] = targets
        else:
            kept.pop(key, None)
    if gone.get("cites"):
        kept["cites"] = _union(kept.get("cites", []), gone["cites"])
    if gone.get("mentions"):
        mentions = kept.setdefault("mentions", {})
        for kind, slugs in gone["mentions"].items():
            mentions[kind] = _union(mentions.get(kind, []), slugs)
    for key in ("side", "theme", "kind", "as_of"):
        if key not in kept and key in gone:
            kept[key] = gone[key]
    del claims[second]
    return [
        replace_item(edit.doc, ("claims",), first, kept),
        delete_item(edit.doc, ("claims",), second),
        *_repointed(edit, gone["id"], kept["id"], untouched={first, second}),
    ]


def _union(first: list[Any], second: list[Any]) -> list[Any]:
    return [*first, *(item for item in second if item not in first)]


def _repointed(edit: Edit, old: str, new: str | None, untouched: set[int]) -> list[Splice]:
    """The supports, attacks and rebuts of other claims that named ``old`` now name ``new``
    (or drop it). ``untouched``: the file positions of claims the edit rewrites whole."""
    splices: list[Splice] = []
    for position, claim in enumerate(edit.doc_claims):
        if position in untouched:
            continue
        current = next((c for c in edit.claims() if c.get("id") == claim.get("id")), None)
        if current is None:
            continue
        for key in ("supports", "attacks", "rebuts"):
            targets = current.get(key) or []
            if old not in targets:
                continue
            changed = [t for t in dict.fromkeys(new if t == old else t for t in targets) if t]
            changed = [t for t in changed if t != current["id"]]
            if changed:
                current[key] = changed
                splices.append(set_key(edit.doc, ("claims", position), key, changed))
            else:
                del current[key]
                gone = delete_key(edit.doc, ("claims", position), key)
                if gone is not None:
                    splices.append(gone)
    return splices


@operation("delete")
def delete(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """The claim goes, and so do the relations of other claims that pointed at it."""
    index = edit.index_of(arguments.get("claim"))
    gone = edit.claims().pop(index)
    return [
        delete_item(edit.doc, ("claims",), index),
        *_repointed(edit, gone["id"], None, untouched={index}),
    ]


QUALIFIERS = ("approximately", "on-or-before", "on-or-after")
FIELDS: dict[str, tuple[str, ...] | None] = {
    "statement": None,
    "side": SIDES,
    "kind": KINDS,
    "theme": (),  # the debate's themes
    "as_of": (),  # a date: a day, a month or a year
    "date_qualifier": QUALIFIERS,
}


@operation("set")
def set_field(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A claim's statement, side, theme, kind or as-of date; an empty value removes the field."""
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    name = _choice(arguments, "field", tuple(FIELDS))
    value = arguments.get("value")
    if value in ("", None) and name != "statement":
        claim.pop(name, None)
        gone = delete_key(edit.doc, ("claims", index), name)
        return [gone] if gone is not None else []
    if name == "statement":
        value = _words(arguments, "value")
    elif name == "theme":
        themes = [t.get("id") for t in (edit.data.get("debate") or {}).get("themes", [])]
        if value not in themes:
            raise EditError(
                f"theme {value!r} is not one of the debate's themes "
                f"({', '.join(themes) or 'none yet'})",
                hint="add the theme to the debate first",
            )
    elif name == "as_of":
        value = _calendar_date("as_of", value)
    else:
        value = _choice(arguments, "value", FIELDS[name] or ())
    claim[name] = value
    return [set_key(edit.doc, ("claims", index), name, value)]


STANCE_LABELS = (*dict.fromkeys(label.notation for label in LABELS), EFFECTS_ONLY)


@operation("stance")
def set_stance(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A claim's stance label toward a motion, set by the curator: a label a curator chose is no
    machine's, so the claim's ``extracted:`` record goes with it. A claim that is no stance yet
    becomes one of its actor (the claim's ``by``, else ``by`` given, else the speech's state)
    toward ``motion`` (else the motion of the file's other stances)."""
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    label = _choice(arguments, "label", STANCE_LABELS)
    splices: list[Splice] = []
    motion = (claim.get("stance") or {}).get("motion")
    if motion is None:
        motion = arguments.get("motion") or next(
            (c["stance"]["motion"] for c in edit.claims() if isinstance(c.get("stance"), dict)),
            None,
        )
        if not isinstance(motion, str) or not _SLUG.match(motion):
            raise EditError(
                f"claim {claim['id']} is no stance yet: name the motion it takes a position on",
                hint="a motion's slug, as on its page: /motions/<slug>",
            )
        if "by" not in claim:
            by = arguments.get("by") or (edit.data.get("speech") or {}).get("on_behalf_of")
            if not isinstance(by, str) or not _SLUG.match(by):
                raise EditError(
                    f"claim {claim['id']} names no actor (`by`) to take the stance",
                    hint="a stance is an actor's position: give the claim's `by` in the YAML",
                )
            claim["by"] = by
            splices.append(set_key(edit.doc, ("claims", index), "by", by))
    claim["stance"] = {"motion": motion, "label": label}
    splices.append(set_key(edit.doc, ("claims", index), "stance", claim["stance"]))
    return splices + _confirmed(edit, index)


@operation("confirm")
def confirm(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A claim found by a tool, confirmed as it stands: its ``extracted:`` record goes."""
    index = edit.index_of(arguments.get("claim"))
    if "extracted" not in edit.claims()[index]:
        raise EditError(f"claim {edit.claims()[index]['id']} is no machine's: nothing to confirm")
    return _confirmed(edit, index)


def _confirmed(edit: Edit, index: int) -> list[Splice]:
    if edit.claims()[index].pop("extracted", None) is None:
        return []
    gone = delete_key(edit.doc, ("claims", index), "extracted")
    return [gone] if gone is not None else []


@operation("relate")
def relate(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """``claim`` supports, attacks or rebuts another claim of this document, or restates a claim
    of a stored document (``document/claim``)."""
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    relation = _choice(arguments, "relation", RELATIONS)
    target = _slug(arguments, "target", _CLAIM_REF)
    if relation == "restates" and "/" not in target:
        raise EditError("a restated claim is one of another document: `document/claim`")
    if "/" not in target:  # a claim of this document (another's is checked against the store)
        if target == claim["id"]:
            raise EditError("a claim cannot be related to itself")
        edit.index_of(target)
    targets = claim.get(relation, [])
    if target in targets:
        return []
    claim[relation] = [*targets, target]
    return [set_key(edit.doc, ("claims", index), relation, claim[relation])]


@operation("unrelate")
def unrelate(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    relation = _choice(arguments, "relation", RELATIONS)
    target = arguments.get("target")
    targets = [t for t in claim.get(relation, []) if t != target]
    if targets == claim.get(relation, []):
        raise EditError(f"claim {claim['id']} has no {relation} {target!r}")
    if targets:
        claim[relation] = targets
        return [set_key(edit.doc, ("claims", index), relation, targets)]
    del claim[relation]
    gone = delete_key(edit.doc, ("claims", index), relation)
    return [gone] if gone is not None else []


@operation("cite")
def cite(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """The claim cites an event, statistic, statement, actor, document or source, as evidence
    (or precedent, …), optionally saying what kind of evidence it is."""
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    citation = {
        _choice(arguments, "kind", CITED_KINDS): _slug(arguments, "target"),
        "as": _choice(arguments, "as", CITED_AS),
    }
    if arguments.get("evidence"):
        citation["evidence"] = _choice(arguments, "evidence", EVIDENCE)
    if citation in claim.get("cites", []):
        return []
    claim["cites"] = [*claim.get("cites", []), citation]
    return [set_key(edit.doc, ("claims", index), "cites", claim["cites"])]


@operation("uncite")
def uncite(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    index = edit.index_of(arguments.get("claim"))
    claim = edit.claims()[index]
    cites = claim.get("cites", [])
    position = _int(arguments, "index")
    if not 0 <= position < len(cites):
        raise EditError(f"claim {claim['id']} has no citation {position}")
    del cites[position]
    if cites:
        return [set_key(edit.doc, ("claims", index), "cites", cites)]
    del claim["cites"]
    gone = delete_key(edit.doc, ("claims", index), "cites")
    return [gone] if gone is not None else []


# -- the draft's proposals ----------------------------------------------------------------------


def _draft_item(edit: Edit, group: str, arguments: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    items = (edit.data.get("draft") or {}).get(group) or []
    index = _int(arguments, "index")
    if not 0 <= index < len(items):
        raise EditError(f"the draft has no {group} item {index}")
    return index, items[index]


def _claims_over(edit: Edit, start: int, end: int) -> list[int]:
    return [
        i
        for i, c in enumerate(edit.claims())
        if isinstance(c.get("quote"), dict)
        and isinstance(c["quote"].get("start"), int)
        and c["quote"]["start"] <= start
        and end <= c["quote"]["end"]
    ]


def _mentions_changed(
    edit: Edit, start: int, end: int, kind: str, slug: str, keep: bool
) -> list[Splice]:
    """``slug`` added to (or taken out of) the mentions of the claims whose words hold the span."""
    splices = []
    plural = f"{kind}s"
    proposed = (edit.data.get("draft") or {}).get("mentions") or []
    for index in _claims_over(edit, start, end):
        claim = edit.claims()[index]
        if not keep and _named_elsewhere(claim, proposed, start, slug):
            continue  # another word of the claim still names it
        mentions = dict(claim.get("mentions") or {})
        slugs = list(mentions.get(plural, []))
        if keep and slug not in slugs:
            slugs.append(slug)
        elif not keep and slug in slugs:
            slugs.remove(slug)
        else:
            continue
        mentions[plural] = slugs
        claim["mentions"] = mentions
        splices.append(set_key(edit.doc, ("claims", index), "mentions", mentions))
    return splices


def _named_elsewhere(claim: dict[str, Any], proposed: list[Any], start: int, slug: str) -> bool:
    quote = claim["quote"]
    return any(
        m["slug"] == slug
        and m["start"] != start
        and m.get("decision") != "no link"
        and quote["start"] <= m["start"]
        and m["end"] <= quote["end"]
        for m in proposed
    )


@operation("mention")
def decide_mention(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A proposed link accepted (kept in the claims' mentions) or rejected (taken out)."""
    index, item = _draft_item(edit, "mentions", arguments)
    decision = _choice(arguments, "decision", ("accepted", "no link"))
    item["decision"] = decision
    return [
        replace_item(edit.doc, ("draft", "mentions"), index, item),
        *_mentions_changed(
            edit, item["start"], item["end"], item["kind"], item["slug"], decision == "accepted"
        ),
    ]


@operation("ambiguous")
def decide_ambiguous(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """An ambiguous name: one candidate chosen (added to the claims' mentions), or none."""
    index, item = _draft_item(edit, "ambiguous", arguments)
    chosen = arguments.get("chosen")
    if chosen is None:
        _choice(arguments, "decision", ("no link",))
        item.pop("chosen", None)
        item["decision"] = "no link"
        return [replace_item(edit.doc, ("draft", "ambiguous"), index, item)]
    candidate = next((c for c in item["candidates"] if c["slug"] == chosen), None)
    if candidate is None:
        raise EditError(f"{chosen!r} is not a candidate for {item['text']!r}")
    item.pop("decision", None)
    item["chosen"] = chosen
    return [
        replace_item(edit.doc, ("draft", "ambiguous"), index, item),
        *_mentions_changed(edit, item["start"], item["end"], candidate["kind"], chosen, True),
    ]


@operation("new-entity")
def decide_new_entity(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    index, item = _draft_item(edit, "new_entities", arguments)
    item["decision"] = _choice(arguments, "decision", ("not an entity", "no link"))
    return [replace_item(edit.doc, ("draft", "new_entities"), index, item)]


@operation("add-entity")
def added_entity(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """An unknown name that is now an actor or place of the reference data: recorded on the
    draft's item, and mentioned by the claims that hold it (see :mod:`.entities`); an actor
    named by a speaker's tag ("**Aalto:** …", "YES | Anna Example: …") makes that paragraph's
    claims (``by``)."""
    index, item = _draft_item(edit, "new_entities", arguments)
    kind = _choice(arguments, "kind", ("actor", "place"))
    slug = _slug(arguments, "slug")
    item.pop("decision", None)
    item["added"] = slug
    splices = [replace_item(edit.doc, ("draft", "new_entities"), index, item)]
    for occurrence in item["occurrences"]:
        splices += _mentions_changed(edit, occurrence["start"], occurrence["end"], kind, slug, True)
    if kind == "actor" and edit.text is not None:
        splices += _speaker_makes_claims(edit, item["occurrences"], slug)
    return splices  # a claim holding two occurrences is changed by the first only


def _speaker_makes_claims(edit: Edit, occurrences: list[dict[str, int]], slug: str) -> list[Splice]:
    """``by: slug`` on the claims of each paragraph whose speaker's tag holds an occurrence."""
    tagged = [
        (paragraph.start, paragraph.end)
        for paragraph in read_layout(edit.document_text()).paragraphs()
        if paragraph.speaker
        and any(paragraph.speaker[1] <= o["start"] < paragraph.speaker[2] for o in occurrences)
    ]
    splices = []
    for position, claim in enumerate(edit.claims()):
        start = (claim.get("quote") or {}).get("start")
        if "by" in claim or not isinstance(start, int):
            continue  # one who makes it already (the draft's, or the curator's)
        if any(first <= start < last for first, last in tagged):
            claim["by"] = slug
            splices.append(set_key(edit.doc, ("claims", position), "by", slug))
    return splices


@operation("figure")
def decide_figure(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A figure the curator does not record as a statistic."""
    index, item = _draft_item(edit, "figures", arguments)
    item["decision"] = _choice(arguments, "decision", ("not a statistic",))
    return [replace_item(edit.doc, ("draft", "figures"), index, item)]


@operation("new-statistic")
def new_statistic(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A statistic from a figure of the draft, cited as evidence by the claims holding it; the
    date it describes and how that holds; its source, or the recorded fact that the document
    gives none."""
    index, figure = _draft_item(edit, "figures", arguments)
    statistics = edit.data.setdefault("statistics", [])
    taken = {s.get("id") for s in statistics}
    slug = _slug(arguments, "id")
    if slug in taken:
        raise EditError(f"there is a statistic {slug!r} already")
    statistic: dict[str, Any] = {
        "id": slug,
        "value": figure.get("value"),
        "value_text": figure["text"],
        "unit": _choice(arguments, "unit", UNITS),
        "measures": _words(arguments, "measures"),
    }
    _fits(figure, statistic["unit"])
    if figure.get("approximate"):
        statistic["approximate"] = True
    bound = {"upper": "at-most", "lower": "at-least"}.get(str(figure.get("bound")))
    if bound:  # "less than 10 percent" is at most 10, not about 10
        statistic["value_qualifier"] = bound
    if arguments.get("as_of"):  # the date it describes: the draft's, as the curator left it
        statistic["as_of"] = _calendar_date("as_of", arguments["as_of"])
        if arguments.get("date_qualifier"):
            statistic["date_qualifier"] = _choice(arguments, "date_qualifier", QUALIFIERS)
    if arguments.get("source"):
        statistic["source"] = _slug(arguments, "source")
    else:
        statistic["source_given"] = False
    if not isinstance(statistic["value"], int | float):
        raise EditError(f"the figure {figure['text']!r} has no value to record")
    statistics.append(statistic)
    splices = [_appended(edit, "statistics", statistic)]
    if statistic.get("source") and arguments.get("source_title"):
        # the source as the text names it ("Dmytro Lubinets", "shipping analysts"), recorded
        # under `sources:` unless this file has it already; one the store has needs no title
        sources = edit.data.setdefault("sources", [])
        if all(source.get("id") != statistic["source"] for source in sources):
            named = {"id": statistic["source"], "title": _words(arguments, "source_title")}
            sources.append(named)
            splices.append(_appended(edit, "sources", named))
    citation = {"statistic": slug, "as": "evidence"}
    for position in _claims_over(edit, figure["start"], figure["end"]):
        claim = edit.claims()[position]
        claim["cites"] = [*claim.get("cites", []), citation]
        splices.append(set_key(edit.doc, ("claims", position), "cites", claim["cites"]))
    return splices


CURRENCY_UNITS = tuple(dict.fromkeys(CURRENCIES.values()))  # the units a sum is given in


def _fits(figure: dict[str, Any], unit: str) -> None:
    """A percentage is in percent, a sum of money in a currency, a count in neither: "84%" is no
    tonnage (a newcomer stored it as one and nothing said so)."""
    kind = figure.get("kind")
    fits = {
        "percent": unit == "percent",
        "money": unit in CURRENCY_UNITS,
        "count": unit != "percent" and unit not in CURRENCY_UNITS,
    }.get(str(kind), True)
    if not fits:
        money = f"a currency ({', '.join(CURRENCY_UNITS)})"
        wanted = {"percent": "percent", "money": money}.get(
            str(kind), "a unit of what it counts, not percent or a currency"
        )
        raise EditError(f"{figure['text']!r} is a {kind} figure: its unit is {wanted}, not {unit}")


def _appended(edit: Edit, key: str, item: dict[str, Any]) -> Splice:
    """The splice that appends ``item`` to the top-level list ``key`` (made if need be)."""
    items = edit.data[key]
    if edit.doc.has((key,)) and edit.doc.count((key,)):
        return insert_item(edit.doc, (key,), len(items) - 1, item)
    return set_key(edit.doc, (), key, items)


@operation("cite-stored-statistic")
def cite_stored_statistic(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A figure of the draft that is a statistic the store has already (another document's):
    the claims holding it cite that one, and the figure records which it is. Recording it anew
    would make a duplicate, or be refused for its own wording of the value."""
    index, figure = _draft_item(edit, "figures", arguments)
    slug = _slug(arguments, "id")
    figure["statistic"] = slug
    splices = [replace_item(edit.doc, ("draft", "figures"), index, figure)]
    citation = {"statistic": slug, "as": "evidence"}
    for position in _claims_over(edit, figure["start"], figure["end"]):
        claim = edit.claims()[position]
        if any(c.get("statistic") == slug for c in claim.get("cites", [])):
            continue
        claim["cites"] = [*claim.get("cites", []), citation]
        splices.append(set_key(edit.doc, ("claims", position), "cites", claim["cites"]))
    return splices


@operation("remove-statistic")
def remove_statistic(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A statistic taken out again, and the citations of it: to record it anew, or not at all."""
    slug = _slug(arguments, "id")
    statistics = edit.data.get("statistics") or []
    position = next((i for i, s in enumerate(statistics) if s.get("id") == slug), None)
    if position is None:
        raise EditError(f"there is no statistic {slug!r} in this annotation")
    del statistics[position]
    splices = [delete_item(edit.doc, ("statistics",), position)]
    if not statistics:
        del edit.data["statistics"]
        gone = delete_key(edit.doc, (), "statistics")
        splices = [gone] if gone is not None else []
    for index, claim in enumerate(edit.claims()):
        cites = [c for c in claim.get("cites", []) if c.get("statistic") != slug]
        if cites == claim.get("cites", cites):
            continue
        if cites:
            claim["cites"] = cites
            splices.append(set_key(edit.doc, ("claims", index), "cites", cites))
        else:
            del claim["cites"]
            gone = delete_key(edit.doc, ("claims", index), "cites")
            if gone is not None:
                splices.append(gone)
    return splices


# -- the document -------------------------------------------------------------------------------

DOCUMENT_FIELDS = ("title", "date", "date_qualifier", "language", "publisher", "url", "citation")
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@operation("document")
def set_document(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """A field of the document block set (or confirmed as it is, when no value is given); a
    field the draft guessed is then no longer a guess."""
    name = _choice(arguments, "field", DOCUMENT_FIELDS)
    document = edit.data["document"]
    splices: list[Splice] = []
    if arguments.get("value") not in (None, ""):
        value = _document_value(name, arguments)
        document[name] = value
        splices.append(set_key(edit.doc, ("document",), name, value))
    elif name not in document:
        raise EditError(f"document.{name} has no value to confirm; give one")
    guessed = (edit.data.get("draft") or {}).get("guessed") or []
    if name in guessed:
        edit.data["draft"]["guessed"] = [g for g in guessed if g != name]
        splices.append(set_key(edit.doc, ("draft",), "guessed", edit.data["draft"]["guessed"]))
    return splices


def _document_value(name: str, arguments: dict[str, Any]) -> str:
    if name == "publisher":
        return _slug(arguments, "value")
    if name == "date_qualifier":
        return _choice(arguments, "value", QUALIFIERS)
    if name == "date":
        return _calendar_date("date", arguments.get("value"))
    value = _words(arguments, "value")
    checks = {"url": _URL, "language": _LANGUAGE}
    if name in checks and not checks[name].match(value):
        raise EditError(
            {
                "url": "`url` is an http(s) address",
                "language": "`language` is a language tag such as `en`",
            }[name]
        )
    return value


# -- the debate ---------------------------------------------------------------------------------


@operation("debate")
def set_debate(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """The document is a debate on ``motion``; its themes are added one by one (``theme``)."""
    debate = edit.data.get("debate")
    motion = _words(arguments, "motion") if arguments.get("motion") else None
    title = _words(arguments, "theme") if arguments.get("theme") else None
    if debate is None:
        if motion is None or title is None:
            raise EditError("a debate needs its motion and a first theme")
        debate = {"motion": motion, "themes": []}
    elif motion is not None:
        debate["motion"] = motion
    if title is not None:
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "theme"
        if slug in {t["id"] for t in debate["themes"]}:
            raise EditError(f"the debate has a theme {slug!r} already")
        debate["themes"] = [*debate["themes"], {"id": slug, "title": title}]
    edit.data["debate"] = debate
    if edit.doc.has(("debate",)):
        return [set_key(edit.doc, (), "debate", debate)]
    return [_after_document(edit, "debate", debate)]


def _after_document(edit: Edit, key: str, value: Any) -> Splice:
    """A new top-level block right after ``document:`` (where curators look for it)."""
    edit.data.pop(key)
    ordered: dict[str, Any] = {}
    for name, item in edit.data.items():
        ordered[name] = item
        if name == "document":
            ordered[key] = value
    edit.data.clear()
    edit.data.update(ordered)
    region = edit.doc.region(("document",))
    return Splice(region.end, region.end, block_yaml({key: value}))


@operation("finish")
def finish(edit: Edit, arguments: dict[str, Any]) -> list[Splice]:
    """The draft block goes: what is left is a curated annotation."""
    if "draft" not in edit.data:
        raise EditError("this annotation is curated already: it has no `draft:` block")
    del edit.data["draft"]
    gone = delete_key(edit.doc, (), "draft")
    # and the draft's own notes in the header ("Draft made by `kgdebate extract` …", "untouched
    # draft <hash>"): they no longer say what the file is
    notes = [
        Splice(line.start(), line.end(), "")
        for line in DRAFT_NOTE.finditer(edit.doc.text)
        if gone is None or line.end() <= gone.start or line.start() >= gone.end
    ]
    return notes + ([gone] if gone is not None else [])


DRAFT_NOTE = re.compile(
    r"^# (?:Draft made by `kgdebate extract`|\(`kgdebate review FILE` lists the decisions\)"
    r"|kgdebate extract: untouched draft )[^\n]*\n",
    re.M,
)
