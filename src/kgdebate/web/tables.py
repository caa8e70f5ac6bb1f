"""Rows of query results as tables people read: named-query pages and entity-page panels.

One column per variable, titled in words (``_actor`` → "Actor", ``attributedTo`` → "Attributed
to") unless the query's header gives a title. A variable that holds another's label (``xLabel``
beside ``x``, or as the header says) is not a column of its own: the label is shown in ``x``'s
cell, linked to ``x``'s page; so are a claim's exact words (``xQuote``, or as the header says),
which the page shows or hides with a paraphrase/words toggle. Rows are grouped in the view, not in
the query (the API keeps one row per solution): a cell equal to the one above it, in a row whose
cells to its left all are too, joins it (``rowspan``), so an event with three participants is
shown once, beside the three; a row equal to one already shown is not shown again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kgdebate.queries import Column as Declared
from kgdebate.store import Term
from kgdebate.web.terms import TermView, view


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    label: str | None = None
    """The variable holding the label of this column's values, if any."""
    quote: str | None = None
    """The variable holding the exact words of this column's claims, if any."""


@dataclass
class Cell:
    view: TermView
    rowspan: int = 1


def title_of(name: str) -> str:
    """A variable's name in words: ``_actor`` → "Actor", ``participantLabel`` → "Participant".

    >>> title_of("attributedTo"), title_of("citationKindLabel"), title_of("iso3")
    ('Attributed to', 'Citation kind', 'Iso3')
    """
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name.strip("_")).lower().split()
    if len(words) > 1 and words[-1] == "label":
        words.pop()
    text = " ".join(words) or name
    return text[:1].upper() + text[1:]


def columns_of(
    names: Sequence[str], declared: Mapping[str, Declared] | None = None
) -> list[Column]:
    """The columns shown for result variables ``names``, as the query's header declares them."""
    declared = declared or {}
    labels = {name: spec.label for name, spec in declared.items() if spec.label in names}
    quotes = {name: spec.quote for name, spec in declared.items() if spec.quote in names}
    for name in names:
        for suffix, siblings in (("Label", labels), ("Quote", quotes)):
            if name.endswith(suffix) and name.removesuffix(suffix) in names:
                siblings.setdefault(name.removesuffix(suffix), name)
    hidden = {*labels.values(), *quotes.values()}
    hidden |= {name for name, spec in declared.items() if spec.hidden}
    return [
        Column(
            name,
            (declared[name].title if name in declared else None) or title_of(name),
            labels.get(name),
            quotes.get(name),
        )
        for name in names
        if name not in hidden
    ]


def has_words(columns: Sequence[Column]) -> bool:
    """Whether a table shows claims with both paraphrase and words (and so its toggle)."""
    return any(column.quote for column in columns)


def cells(
    columns: Sequence[Column],
    rows: Sequence[Mapping[str, Term | None]],
    base: str,
    labels: Mapping[Term, Term] | None = None,
) -> list[list[Cell | None]]:
    """The rows as shown: each value with its label (its column's, else from ``labels``)."""
    labels = labels or {}
    shown = []
    for row in rows:
        line = []
        for column in columns:
            term = row.get(column.name)
            label = row.get(column.label) if column.label else labels.get(term) if term else None
            words = row.get(column.quote) if column.quote else None
            line.append(view(base, term, label, words))
        shown.append(line)
    return grouped(shown)


def grouped(rows: Sequence[Sequence[TermView]]) -> list[list[Cell | None]]:
    """Rows with their repeated cells joined to the cell above (``None`` where joined)."""
    unique = list(dict.fromkeys(tuple(row) for row in rows))
    out: list[list[Cell | None]] = []
    spanning: dict[int, Cell] = {}  # the cell each column's next equal value joins
    for number, row in enumerate(unique):
        line: list[Cell | None] = []
        joined = number > 0
        for index, value in enumerate(row):
            joined = joined and value == unique[number - 1][index]
            if joined:
                spanning[index].rowspan += 1
                line.append(None)
            else:
                cell = Cell(value)
                spanning[index] = cell
                line.append(cell)
        out.append(line)
    return out
