"""The debate map of a document: a layout of the same :class:`~kgdebate.exports.debate.Debate`
that the AIF and Argdown exports render, so the page and the exports cannot drift apart.

Themes are sections (collapsible), each with the two sides of the motion as lists of claims
(anchored by their slug, e.g. ``#c36``) that a screen reader walks by heading, then the claims
argued for neither side (background, a question and its answer) and those given no side.
Support, attack, rebuttal and restatement are said on each claim as links, with its citations,
and drawn for the eye as arrows between numbered boxes in an SVG overview (positions computed
here; presentation attributes and classes only, as the CSP forbids inline styles). Each claim
names the claims it relates to (``related``), which ``debatemap.js`` marks when it is selected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kgdebate.exports.debate import NO_THEME, SIDE_ORDER, Debate
from kgdebate.exports.document import Row
from kgdebate.mint import last_slug
from kgdebate.store import term_text as _text
from kgdebate.web.terms import TermView, page_href, view

SIDES = SIDE_ORDER
SIDE_TITLES = {SIDES[0]: "For the motion", SIDES[1]: "Against the motion"}
# The overview's boxes hold a claim's slug only (its text is in the lists): narrow enough for the
# drawing to stay legible when it shrinks to a phone's width.
BOX_WIDTH, BOX_HEIGHT, GAP, COLUMN_GAP, THEME_HEADER = 64, 26, 8, 260, 30


@dataclass
class Relation:
    relation: str  # supports | attacks | rebuts | restates
    other: str  # the other claim's IRI
    other_anchor: str
    inside: bool = True  # the other claim is of this document (else of another)


@dataclass
class ClaimBox:
    iri: str
    anchor: str
    label: str
    kind: str
    side: str
    quote: str = ""
    outgoing: list[Relation] = field(default_factory=list)
    incoming: list[Relation] = field(default_factory=list)
    citations: list[tuple[str, TermView]] = field(default_factory=list)
    href: str | None = None
    x: int = 0
    y: int = 0

    @property
    def related(self) -> str:
        """The anchors of the claims of this document it relates to either way, space-separated."""
        relations = self.outgoing + self.incoming
        return " ".join(dict.fromkeys(r.other_anchor for r in relations if r.inside))


@dataclass
class ThemeRow:
    iri: str
    label: str
    cells: dict[str, list[ClaimBox]]
    href: str | None = None
    y: int = 0
    height: int = 0

    @property
    def count(self) -> int:
        return sum(len(boxes) for boxes in self.cells.values())


@dataclass
class Arrow:
    relation: str
    path: str  # SVG path data: a curve from one box's edge to the other's
    title: str


@dataclass
class DebateMap:
    sides: tuple[str, ...]  # the two columns of the overview; none for a document of no debate
    listed: tuple[str, ...]  # the sides listed under each theme: the two, then any other
    side_titles: dict[str, str]
    themes: list[ThemeRow]
    claims: dict[str, ClaimBox]
    arrows: list[Arrow]
    width: int
    height: int
    box_width: int = BOX_WIDTH


def build_map(debate: Debate, citations: list[Row], base: str) -> DebateMap:
    """The layout of ``debate``, each claim with what it cites (``exports/citations.rq`` rows);
    ``base`` makes the links to each claim's and theme's page."""
    boxes: dict[str, ClaimBox] = {}
    rows = []
    for theme in debate.themes:
        row = ThemeRow(
            theme.iri, theme.label, {}, page_href(base, theme.iri) if theme.iri else None
        )
        for side, claims in theme.by_side():
            row.cells[side] = [
                boxes.setdefault(
                    claim.iri,
                    ClaimBox(
                        claim.iri,
                        last_slug(claim.iri),
                        claim.label,
                        claim.kind,
                        side,
                        claim.quote,
                        href=page_href(base, claim.iri),
                    ),
                )
                for claim in claims
            ]
        rows.append(row)
    others = tuple(dict.fromkeys(s for row in rows for s in row.cells if s not in SIDES))
    others = tuple(sorted(others, key=lambda side: side == ""))  # "without a side" last
    titles = {**SIDE_TITLES, **{side: _other_title(debate, side) for side in others}}
    # A report or an article has claims but no motion and no sides: no "for" and "against"
    a_debate = bool(debate.document.motion) or any(c.side for c in debate.claims.values())
    if not a_debate:
        titles[""] = "Its claims, in the order of the text"
        for row in rows:
            row.label = "Claims" if row.label == NO_THEME else row.label
    _add_relations(debate, boxes)
    for found in citations:
        citing = boxes.get(_text(found["claim"]))
        cited = found["cited"]
        if citing is not None and cited is not None:
            shown = view(base, cited, found["citedLabel"])
            citing.citations.append((_text(found["citationKindLabel"]), shown))
    width, height = _layout(rows)
    columns: tuple[str, ...] = SIDES if a_debate else ()
    return DebateMap(columns, columns + others, titles, rows, boxes, _arrows(boxes), width, height)


def _other_title(debate: Debate, side: str) -> str:
    """ "For neither side" (the vocabulary's label), or "Without a side" for claims given none."""
    label = next((c.side_label for c in debate.claims.values() if c.side == side), "")
    return label[:1].upper() + label[1:] if side and label else "Without a side"


def _add_relations(debate: Debate, boxes: dict[str, ClaimBox]) -> None:
    for relation in debate.relations:
        source, other = boxes.get(relation.source), boxes.get(relation.target)
        if source is None:
            continue
        anchor = last_slug(relation.target)
        source.outgoing.append(
            Relation(relation.kind, relation.target, anchor, inside=other is not None)
        )
        if other is not None:
            other.incoming.append(Relation(relation.kind, source.iri, source.anchor))


def _layout(rows: list[ThemeRow]) -> tuple[int, int]:
    """Place each box: side columns left and right, one row band per theme; the claims of no
    side of the motion under both columns, left to right (never stacked on one spot)."""
    width = 2 * BOX_WIDTH + COLUMN_GAP
    per_line = (width + GAP) // (BOX_WIDTH + GAP)
    y = 0
    for row in rows:
        row.y = y
        tallest = max((len(row.cells.get(side, [])) for side in SIDES), default=0)
        for column, side in enumerate(SIDES):
            for index, box in enumerate(row.cells.get(side, [])):
                box.x = column * (BOX_WIDTH + COLUMN_GAP)
                box.y = y + THEME_HEADER + index * (BOX_HEIGHT + GAP)
        others = [box for side, boxes in row.cells.items() if side not in SIDES for box in boxes]
        below = y + THEME_HEADER + tallest * (BOX_HEIGHT + GAP) + (GAP if tallest else 0)
        for index, box in enumerate(others):
            box.x = (index % per_line) * (BOX_WIDTH + GAP)
            box.y = below + (index // per_line) * (BOX_HEIGHT + GAP)
        lines = -(-len(others) // per_line)
        row.height = below - y + lines * (BOX_HEIGHT + GAP)
        y += row.height + GAP
    return width, y


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
