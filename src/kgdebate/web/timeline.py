"""``/timeline``: every event of the store across the years, with its participants and the claims
that cite it; the same rows as ``/timeline.json`` and ``/timeline.csv`` (SPARQL results).

Its query (``page_queries/timeline.rq``) reads every event, so it runs in a query worker like the
named queries, once per view of the store for the page (its rows are kept with the view, as an
index's are) and at each request for a download.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template

from kgdebate.mint import last_slug
from kgdebate.store import term_text
from kgdebate.web.catalogue import API_FORMATS, run_in_worker
from kgdebate.web.context import context
from kgdebate.web.jobs import result_response
from kgdebate.web.page_cache import cached
from kgdebate.web.page_sparql import page_query
from kgdebate.web.terms import TermView, view

bp = Blueprint("timeline", __name__)
QUERY = "timeline"


@dataclass(frozen=True)
class Entry:
    anchor: str
    event: TermView
    start: str
    end: str
    kind: str
    participants: str
    claims: int


@bp.get("/timeline", defaults={"fmt": None})
@bp.get("/timeline.<fmt>")
@cached
def timeline(fmt: str | None) -> Response | str:
    settings = context().settings
    if fmt is not None:
        if fmt not in API_FORMATS:
            abort(404)
        outcome = run_in_worker(page_query(QUERY), API_FORMATS[fmt], settings.max_rows)
        return result_response(outcome, API_FORMATS[fmt])
    years = context().derive("kgdebate.timeline", _years)
    return render_template("timeline.html", years=years, query=page_query(QUERY))


def _years() -> dict[str, list[Entry]]:
    """The events by year, read once per view of the store."""
    settings = context().settings
    outcome = run_in_worker(page_query(QUERY), API_FORMATS["json"], settings.max_rows)
    result = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QuerySolutions)
    years: dict[str, list[Entry]] = {}
    for row in result:
        start = term_text(row["start"])
        years.setdefault(start[:4] or "date unknown", []).append(
            Entry(
                last_slug(term_text(row["event"])),
                view(settings.base_iri, row["event"], row["eventLabel"]),
                start,
                term_text(row["end"]),
                term_text(row["kindLabel"]),
                term_text(row["participants"]),
                int(term_text(row["claims"]) or 0),
            )
        )
    return years
