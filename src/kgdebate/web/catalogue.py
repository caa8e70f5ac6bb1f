"""The named-query catalogue: ``/queries``, one page per query, and a stable JSON/CSV API.

``/queries/<name>`` shows the query, a GET form for its parameters and its rows;
``/queries/<name>.json`` and ``.csv`` answer SPARQL results (JSON, CSV). Parameter values become
validated RDF terms bound by the store (``queries.run_named``); request text never enters a query.
"""

from __future__ import annotations

import itertools
from functools import cache

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request

from kgdebate.errors import QueryError, RemoteError
from kgdebate.federation import Federation
from kgdebate.queries import NamedQuery, named_queries, run_named
from kgdebate.web import context
from kgdebate.web.errors import error_response
from kgdebate.web.linked_data import answer_options_with_204, reject_control_characters
from kgdebate.web.terms import view

bp = Blueprint("catalogue", __name__)
answer_options_with_204(bp)

API_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
}
MAX_PARAMETER_CHARS = 2048


@cache
def catalogue() -> dict[str, NamedQuery]:
    return named_queries()


def run_catalogue_query(query: NamedQuery, parameters: dict[str, str]) -> ox.QuerySolutions:
    """Where named queries run: in-process, on the read-only store.

    They are the project's own fixed, cheap queries with engine-bound parameters; the killable
    worker pool (``web/query_pool.py``) is for users' queries. Change this one function to route
    them through the pool too.
    """
    settings = context().settings
    federation = Federation(settings.service_allowlist, settings.remote_timeout_s)
    result = run_named(context().store, query, parameters, federation)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _parameters(query: NamedQuery) -> dict[str, str]:
    """Non-empty values from the query string; unknown names and control characters refused."""
    declared = {p.name for p in query.parameters}
    values = {}
    for name, value in request.args.items():
        reject_control_characters(value)
        if name not in declared or len(value) > MAX_PARAMETER_CHARS:
            abort(400)
        if value.strip():
            values[name] = value.strip()
    return values


@bp.get("/queries")
def index() -> str:
    return render_template("queries.html", queries=catalogue().values())


@bp.get("/queries/<name>", defaults={"fmt": None})
@bp.get("/queries/<name>.<fmt>")
def query_page(name: str, fmt: str | None) -> Response | str:
    query = catalogue().get(name)
    if query is None or (fmt is not None and fmt not in API_FORMATS):
        abort(404)
    parameters = _parameters(query)
    try:
        result = run_catalogue_query(query, parameters)
    except QueryError as exc:
        if exc.hint == "service-refused":
            return error_response(403, "service-refused", "its SPARQL endpoint is not allowlisted")
        return error_response(400, "bad-parameter", "a parameter value is not valid")
    except RemoteError:
        return error_response(502, "remote-failed", "a remote SPARQL endpoint failed to answer")
    if fmt is not None:
        results_format, media_type = API_FORMATS[fmt]
        return Response(result.serialize(format=results_format), mimetype=media_type)
    names = [v.value for v in result.variables]
    limit = context().settings.max_rows
    rows = [{n: s[n] for n in names} for s in itertools.islice(result, limit + 1)]
    base = context().settings.base_iri
    return render_template(
        "query.html",
        query=query,
        values=parameters,
        names=names,
        rows=rows[:limit],
        truncated=len(rows) > limit,
        view=lambda term: view(base, term),
    )
