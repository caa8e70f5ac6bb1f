"""Indexes in the Datasette manner: ``/actors`` lists every actor with its kind, the claims that
mention or cite it by side and the positions it holds, with a facet by kind and a choice of order;
``/actors.json`` and ``/actors.csv`` are the same rows (SPARQL results).

The query reads every actor and claim, so it runs in a query worker like the named queries, and a
page is kept per store generation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request

from kgdebate.store import term_text
from kgdebate.web.catalogue import API_FORMATS, run_in_worker
from kgdebate.web.context import context
from kgdebate.web.describe import page_query
from kgdebate.web.jobs import result_response
from kgdebate.web.page_cache import cached
from kgdebate.web.terms import TermView, view

bp = Blueprint("indexes", __name__)
ACTORS = "actors-index"
SORTS = {"name": "name", "claims": "most claims"}


@dataclass(frozen=True)
class ActorRow:
    actor: TermView
    name: str
    kind: str
    claims_for: int
    claims_against: int
    claims_other: int
    positions: int

    @property
    def claims(self) -> int:
        return self.claims_for + self.claims_against + self.claims_other


@bp.get("/actors", defaults={"fmt": None})
@bp.get("/actors.<fmt>")
@cached
def actors(fmt: str | None) -> Response | str:
    settings = context().settings
    if fmt is not None:
        if fmt not in API_FORMATS:
            abort(404)
        outcome = run_in_worker(page_query(ACTORS), API_FORMATS[fmt], settings.max_rows)
        return result_response(outcome, API_FORMATS[fmt])
    kind, order = request.args.get("kind", ""), request.args.get("sort", "name")
    if order not in SORTS:
        abort(400)
    rows = _actor_rows(settings.base_iri, settings.max_rows)
    facets = Counter(row.kind for row in rows)
    if kind:
        if kind not in facets:
            abort(404)
        rows = [row for row in rows if row.kind == kind]
    if order == "claims":
        rows.sort(key=lambda row: (-row.claims, row.name))

    def link(**changes: str) -> str:
        chosen = {"kind": kind, "sort": order, **changes}
        return "?" + urlencode({key: value for key, value in chosen.items() if value})

    return render_template(
        "actors.html",
        rows=rows,
        facets=[
            (name, count, link(kind=name), name == kind) for name, count in sorted(facets.items())
        ],
        every_kind=link(kind=""),
        kind=kind,
        sorts=[(key, label, link(sort=key), key == order) for key, label in SORTS.items()],
        query=page_query(ACTORS),
    )


def _actor_rows(base: str, max_rows: int) -> list[ActorRow]:
    outcome = run_in_worker(page_query(ACTORS), API_FORMATS["json"], max_rows)
    result = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QuerySolutions)
    return [
        ActorRow(
            view(base, row["actor"], row["actorLabel"]),
            term_text(row["actorLabel"]) or term_text(row["actor"]),
            term_text(row["kindLabel"]),
            int(term_text(row["claimsFor"]) or 0),
            int(term_text(row["claimsAgainst"]) or 0),
            int(term_text(row["claimsOther"]) or 0),
            int(term_text(row["positions"]) or 0),
        )
        for row in result
    ]
