"""Indexes in the Datasette manner: one table per kind of thing, with facets and an order, and
the same rows as ``.json`` and ``.csv`` (SPARQL results) at the same URL with a suffix.

- ``/actors``: every actor with its kind, the claims that mention or cite it by side of the
  motion, and the positions it holds; facet by kind; by name or by number of claims.
- ``/claims``: every claim with its document, side, theme, kind and quoted words; facets by
  document, side and kind; in the documents' order.

Each query reads every actor or claim, so it runs in a query worker like the named queries, and a
page is kept per store generation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request

from kgdebate.store import Term, term_text
from kgdebate.web.catalogue import API_FORMATS, run_in_worker
from kgdebate.web.context import context
from kgdebate.web.describe import page_query
from kgdebate.web.jobs import result_response
from kgdebate.web.page_cache import cached
from kgdebate.web.terms import TermView, view

bp = Blueprint("indexes", __name__)
Row = dict[str, Term | None]


@dataclass(frozen=True)
class Column:
    title: str
    shown: Callable[[str, Row], TermView | str | int]
    """The cell of a row (given the IRI base)."""


@dataclass(frozen=True)
class Index:
    name: str
    title: str
    about: str
    query: str
    columns: tuple[Column, ...]
    facets: tuple[tuple[str, str], ...] = ()
    """(parameter, variable): a facet filters the rows on a variable's text."""
    sorts: dict[str, tuple[str, Callable[[Row], tuple[object, ...]]]] = field(default_factory=dict)
    """Orders besides the query's own ("as listed"): ``?sort=KEY`` → (label, key of a row)."""


def _text(name: str) -> Callable[[str, Row], str]:
    return lambda base, row: term_text(row[name])


def _number(name: str) -> Callable[[str, Row], int]:
    return lambda base, row: int(term_text(row[name]) or 0)


def _linked(name: str) -> Callable[[str, Row], TermView]:
    return lambda base, row: view(base, row[name], row.get(name + "Label"))


def _claims_of(row: Row) -> int:
    return sum(int(term_text(row[n]) or 0) for n in ("claimsFor", "claimsAgainst", "claimsOther"))


INDEXES = {
    index.name: index
    for index in (
        Index(
            "actors",
            "Actors",
            "Every actor of the graph with the claims that mention or cite it, by side of the "
            "motion, and the positions it holds.",
            "actors-index",
            (
                Column("actor", _linked("actor")),
                Column("kind", _text("kindLabel")),
                Column("claims for the motion", _number("claimsFor")),
                Column("claims against", _number("claimsAgainst")),
                Column("other claims", _number("claimsOther")),
                Column("positions", _number("positions")),
            ),
            facets=(("kind", "kindLabel"),),
            sorts={
                "claims": (
                    "most claims",
                    lambda row: (-_claims_of(row), term_text(row["actorLabel"])),
                )
            },
        ),
        Index(
            "claims",
            "Claims",
            "Every claim of every document, with its side, theme and kind, and the words it "
            "quotes, in each document's order.",
            "claims-index",
            (
                Column("claim", _linked("claim")),
                Column("quoted words", _text("quote")),
                Column("side", _text("sideLabel")),
                Column("theme", _text("themeLabel")),
                Column("kind", _text("kindLabel")),
                Column("document", _linked("document")),
            ),
            facets=(("document", "documentLabel"), ("side", "sideLabel"), ("kind", "kindLabel")),
        ),
    )
}


@bp.get("/<any(actors, claims):name>", defaults={"fmt": None})
@bp.get("/<any(actors, claims):name>.<fmt>")
@cached
def index_page(name: str, fmt: str | None) -> Response | str:
    index, settings = INDEXES[name], context().settings
    if fmt is not None:
        if fmt not in API_FORMATS:
            abort(404)
        outcome = run_in_worker(page_query(index.query), API_FORMATS[fmt], settings.max_rows)
        return result_response(outcome, API_FORMATS[fmt])
    rows = _rows(index, settings.max_rows)
    chosen = {param: request.args.get(param, "") for param, _ in index.facets}
    order = request.args.get("sort", "")
    if order and order not in index.sorts:
        abort(400)
    facets = []
    for param, variable in index.facets:
        counts = Counter(term_text(row[variable]) for row in rows)
        if chosen[param] and chosen[param] not in counts:
            abort(404)
        facets.append((param, sorted(counts.items())))
    for param, variable in index.facets:
        if chosen[param]:
            rows = [row for row in rows if term_text(row[variable]) == chosen[param]]
    if order:
        rows.sort(key=index.sorts[order][1])

    def link(**changes: str) -> str:
        wanted = {**chosen, "sort": order, **changes}
        return "?" + urlencode({key: value for key, value in wanted.items() if value})

    base = settings.base_iri
    return render_template(
        "index.html",
        index=index,
        cells=[[column.shown(base, row) for column in index.columns] for row in rows],
        facets=[
            (
                param,
                link(**{param: ""}) if chosen[param] else None,
                [
                    (value, count, link(**{param: value}), value == chosen[param])
                    for value, count in values
                ],
            )
            for param, values in facets
        ],
        sorts=[
            (label, link(sort=key), key == order)
            for key, label in [("", "as listed"), *((k, v[0]) for k, v in index.sorts.items())]
        ],
        query=page_query(index.query),
    )


def _rows(index: Index, max_rows: int) -> list[Row]:
    outcome = run_in_worker(page_query(index.query), API_FORMATS["json"], max_rows)
    result = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [{name: solution[name] for name in names} for solution in result]
