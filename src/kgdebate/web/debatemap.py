"""The debate map of a document, laid out by the server: themes by sides, claims, arrows.

Themes are rows, the two sides of the motion are columns, claims are boxes (anchored by their
slug, e.g. ``#c36``); support, attack and rebuttal are drawn twice: as arrows in an SVG overview
(positions computed here; the SVG uses presentation attributes and classes only, as the CSP
forbids inline styles) and as labelled links on each box, with each claim's citations listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kgdebate.namespaces import KGV
from kgdebate.store import Term
from kgdebate.store import term_text as _text
from kgdebate.web.panels import PanelRows

SIDES = (str(KGV["for-motion"]), str(KGV["against-motion"]))
SIDE_TITLES = {SIDES[0]: "For the motion", SIDES[1]: "Against the motion"}
NO_THEME = ""
BOX_WIDTH, BOX_HEIGHT, GAP, COLUMN_GAP, THEME_HEADER = 220, 26, 8, 160, 30


@dataclass
class Relation:
    relation: str  # supports | attacks | rebuts
    other: str  # the other claim's IRI
    other_anchor: str
    other_label: str


@dataclass
class ClaimBox:
    iri: str
    anchor: str
    label: str
    kind: str
    side: str
    outgoing: list[Relation] = field(default_factory=list)
    incoming: list[Relation] = field(default_factory=list)
    citations: list[tuple[str, Term, Term | None]] = field(default_factory=list)
    x: int = 0
    y: int = 0


@dataclass
class ThemeRow:
    iri: str
    label: str
    cells: dict[str, list[ClaimBox]]
    y: int = 0
    height: int = 0


@dataclass
class Arrow:
    relation: str
    path: str  # SVG path data: a curve from one box's edge to the other's
    title: str


@dataclass
class DebateMap:
    sides: tuple[str, ...]
    side_titles: dict[str, str]
    themes: list[ThemeRow]
    claims: dict[str, ClaimBox]
    arrows: list[Arrow]
    width: int
    height: int


def anchor_of(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def build_map(claims: PanelRows, relations: PanelRows, citations: PanelRows) -> DebateMap:
    boxes: dict[str, ClaimBox] = {}
    themes: dict[str, ThemeRow] = {}
    for row in claims.rows:
        iri, side = _text(row["claim"]), _text(row["side"])
        if iri in boxes:
            continue
        box = ClaimBox(iri, anchor_of(iri), _text(row["claimLabel"]), _text(row["kindLabel"]), side)
        boxes[iri] = box
        theme = themes.setdefault(
            _text(row["theme"]),
            ThemeRow(_text(row["theme"]), _text(row["themeLabel"]) or "(no theme)", {}),
        )
        theme.cells.setdefault(side, []).append(box)
    _add_relations(boxes, relations)
    for row in citations.rows:
        citing = boxes.get(_text(row["claim"]))
        cited = row["cited"]
        if citing is not None and cited is not None:
            citing.citations.append((_text(row["citationKindLabel"]), cited, row["citedLabel"]))
    rows = list(themes.values())
    width, height = _layout(rows)
    return DebateMap(SIDES, SIDE_TITLES, rows, boxes, _arrows(boxes), width, height)


def _add_relations(boxes: dict[str, ClaimBox], relations: PanelRows) -> None:
    for row in relations.rows:
        source, target = boxes.get(_text(row["from"])), _text(row["to"])
        relation = _text(row["relation"]).rsplit("#", 1)[-1]
        if source is None:
            continue
        other = boxes.get(target)
        other_label = other.label if other else target
        source.outgoing.append(Relation(relation, target, anchor_of(target), other_label))
        if other is not None:
            other.incoming.append(Relation(relation, source.iri, source.anchor, source.label))


def _layout(rows: list[ThemeRow]) -> tuple[int, int]:
    """Place each box: side columns left and right, one row band per theme."""
    y = 0
    for row in rows:
        row.y = y
        tallest = max((len(boxes) for boxes in row.cells.values()), default=0)
        row.height = THEME_HEADER + tallest * (BOX_HEIGHT + GAP)
        for column, side in enumerate(SIDES):
            for index, box in enumerate(row.cells.get(side, [])):
                box.x = column * (BOX_WIDTH + COLUMN_GAP)
                box.y = y + THEME_HEADER + index * (BOX_HEIGHT + GAP)
        y += row.height + GAP
    return 2 * BOX_WIDTH + COLUMN_GAP, y


def _arrows(boxes: dict[str, ClaimBox]) -> list[Arrow]:
    """One curve per relation between the facing edges of two boxes; within a column, a loop
    through the gap between the columns (never off the drawing)."""
    arrows = []
    for box in boxes.values():
        for relation in box.outgoing:
            target = boxes.get(relation.other)
            if target is not None:
                title = f"{box.anchor} {relation.relation} {target.anchor}"
                arrows.append(Arrow(relation.relation, _curve(box, target), title))
    return arrows


def _curve(source: ClaimBox, target: ClaimBox) -> str:
    y1, y2 = source.y + BOX_HEIGHT // 2, target.y + BOX_HEIGHT // 2
    if source.x == target.x:
        left_column = source.x == 0
        x = source.x + (BOX_WIDTH if left_column else 0)
        bend = 50 if left_column else -50
        return f"M{x},{y1} C{x + bend},{y1} {x + bend},{y2} {x},{y2}"
    rightwards = source.x < target.x
    x1 = source.x + (BOX_WIDTH if rightwards else 0)
    x2 = target.x + (0 if rightwards else BOX_WIDTH)
    middle = (x1 + x2) // 2
    return f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"
