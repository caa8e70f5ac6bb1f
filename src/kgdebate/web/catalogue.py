"""The named-query catalogue: ``/queries``, one page per query, and a stable JSON/CSV API.

``/queries/<name>`` shows the query, a GET form for its parameters and a page of its rows
(``?page=N``) as a table for people (:mod:`kgdebate.web.tables`: labels linked to their pages, the
labels the query does not return looked up in one query for the page); ``/queries/<name>.json``
and ``.csv`` answer SPARQL results (JSON, CSV) up to the row cap (206 and ``X-Result-Truncated``
beyond it). Named queries read the whole collection, so they run like users' queries: in a
killable worker under the time limit (:mod:`kgdebate.web.jobs`).

An IRI parameter takes a name or a slug as well as an IRI (:mod:`kgdebate.names`, as
``kgdebate query -p`` does), and its form field offers the names of things of its class (a
``<datalist>``, computed once per store generation). A value that names nothing or several things
is a 400: a browser gets the page again with the form, the value kept and the error beside its
field; an API client the JSON error. Parameter values become validated RDF terms bound in the
query (``queries.answer_and_bind_named``); request text never enters a query. A query that calls
a remote endpoint (``SERVICE``) says so, and where the settings do not allow that endpoint its
page shows the form with its run button disabled, and no rows.
"""

from __future__ import annotations

from functools import cache
from itertools import islice
from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, abort, make_response, render_template, request, url_for
from flask.typing import ResponseReturnValue

from kgdebate.errors import ParameterError, QueryError, RemoteError
from kgdebate.federation import Federation, service_blocks
from kgdebate.names import choices, resolve_parameters
from kgdebate.queries import (
    NamedQuery,
    Parameter,
    answer_and_bind_named,
    editable_text,
    named_queries,
    with_defaults,
)
from kgdebate.query_jobs import Job, Outcome
from kgdebate.sparql_guard import has_window
from kgdebate.sparql_values import windowed
from kgdebate.web.context import context
from kgdebate.web.describe import labels_of
from kgdebate.web.errors import Refused, wants_html
from kgdebate.web.jobs import metered, result_response, run_job
from kgdebate.web.linked_data import answer_options_with_204, reject_control_characters
from kgdebate.web.page_cache import cached
from kgdebate.web.tables import cells, columns_of, has_words

bp = Blueprint("catalogue", __name__)
answer_options_with_204(bp)

API_FORMATS = {"json": "application/sparql-results+json", "csv": "text/csv"}
MAX_PARAMETER_CHARS = 2048
ROWS_PER_PAGE = 100
PAGE = "page"
"""The query-string name of the page number; no named query may declare a parameter so named."""
MAX_PAGE = 10_000


@cache
def catalogue() -> dict[str, NamedQuery]:
    return named_queries()


def prepared_text(query: NamedQuery, parameters: dict[str, str]) -> str:
    """The query as a worker will run it: parameters bound, SERVICE blocks answered."""
    settings = context().settings
    federation = Federation.of(settings)
    try:
        with metered():  # SERVICE blocks are answered here, in the request: charge their time
            return answer_and_bind_named(query, parameters, federation)
    except ParameterError as exc:
        raise Refused(400, "bad-parameter", exc.message) from None
    except QueryError as exc:
        if exc.hint == "service-refused":
            message = "its SPARQL endpoint is not allowlisted"
            raise Refused(403, "service-refused", message) from None
        raise Refused(400, "bad-parameter", "a parameter value is not valid") from None
    except RemoteError:
        raise Refused(502, "remote-failed", "a remote SPARQL endpoint failed to answer") from None


def run_in_worker(text: str, media_type: str, max_rows: int) -> Outcome:
    outcome = run_job(Job(text, result_type=media_type, max_rows=max_rows))
    if outcome.status != "ok":
        raise Refused(500, "query-failed", "the named query could not be evaluated")
    return outcome


def _parameters(query: NamedQuery) -> dict[str, str]:
    """Non-empty values from the query string; unknown names and control characters refused."""
    declared = {p.name for p in query.parameters}
    values = {}
    for name, value in request.args.items():
        reject_control_characters(value)
        if name == PAGE:
            continue
        if name not in declared or len(value) > MAX_PARAMETER_CHARS:
            abort(400)
        if value.strip():
            values[name] = value.strip()
    return values


def blocked_endpoints(query: NamedQuery) -> list[str]:
    """The remote endpoints the query calls that the settings do not allow."""
    allowed = context().settings.service_allowlist
    return [block.endpoint for block in service_blocks(query.text) if block.endpoint not in allowed]


@bp.get("/queries")
def index() -> str:
    queries = catalogue().values()
    return render_template(
        "queries.html",
        queries=queries,
        remote={q.name: [b.endpoint for b in service_blocks(q.text)] for q in queries},
        blocked={q.name: blocked_endpoints(q) for q in queries},
    )


@bp.get("/queries/<name>", defaults={"fmt": None})
@bp.get("/queries/<name>.<fmt>")
@cached
def query_page(name: str, fmt: str | None) -> Response:
    query = catalogue().get(name)
    if query is None or (fmt is not None and fmt not in API_FORMATS):
        abort(404)
    response = make_response(_answer(query, fmt))
    if service_blocks(query.text):  # a remote endpoint's rows: never kept, never reused
        response.cache_control.no_store = True
    return response


def _answer(query: NamedQuery, fmt: str | None) -> ResponseReturnValue:
    typed = _parameters(query)
    settings = context().settings
    try:
        parameters = resolve_parameters(context().store, query, typed, settings.base_iri)
    except ParameterError as exc:
        if fmt is None and wants_html():  # the page again: the form, the value, the error
            return _page(query, typed, error=exc), 400
        message = f"{exc.message}\n{exc.hint}" if exc.hint else exc.message
        raise Refused(400, "bad-parameter", message) from None
    if fmt is not None:
        media_type = API_FORMATS[fmt]
        outcome = stored_answer(query, parameters, fmt)
        if outcome is None:
            text = prepared_text(query, parameters)
            outcome = run_in_worker(text, media_type, settings.max_rows)
        return result_response(outcome, media_type)
    if blocked_endpoints(query):  # the form, its run button disabled: nothing runs
        return _page(query, typed)
    page = _page_number()
    own_window = has_window(query.text)  # its own LIMIT/OFFSET: shown as it is, up to the cap
    page, cap = (0, settings.max_rows) if own_window else (page, ROWS_PER_PAGE)
    first = page * ROWS_PER_PAGE
    stored = stored_answer(query, parameters, "json")
    if stored is not None and (own_window or not stored.truncated or first + cap < stored.rows):
        result = _solutions(stored.body)
        truncated = own_window and stored.truncated
        window = islice(result, first, first + cap + 1)
    else:  # not stored, or past the stored rows: the window runs live
        text = prepared_text(query, parameters)
        window_text = text if own_window else windowed(text, cap + 1, first)
        live = run_in_worker(window_text, API_FORMATS["json"], cap)
        result = _solutions(live.body)
        truncated, window = live.truncated, islice(result, None)
    names = [v.value for v in result.variables]
    rows = [{n: s[n] for n in names} for s in window]
    columns = columns_of(names, query.columns)
    unlabelled = {  # the labels the query does not return, for the page's IRIs, in one query
        term
        for row in rows[:cap]
        for column in columns
        if column.label is None and isinstance(term := row[column.name], ox.NamedNode)
    }
    labels = labels_of(context().store, unlabelled)
    return _page(
        query,
        typed,
        titles=[column.title for column in columns],
        words=has_words(columns),
        rows=cells(columns, rows[:cap], settings.base_iri, labels),
        first_row=first + 1,
        page=page,
        more=len(rows) > cap or truncated,
        runnable=editable_text(query, parameters),
    )


def _page(
    query: NamedQuery, values: dict[str, str], error: ParameterError | None = None, **ran: object
) -> str:
    """The query's page: its form (the values as typed, an error beside its field) and, when it
    ran, its rows (``ran``: titles, rows, first_row, page, more)."""
    blocked = blocked_endpoints(query)
    candidates = []
    if error is not None:  # each a link that runs the query with it
        for iri, label in error.candidates:
            run_with: dict[str, Any] = {**values, error.parameter: iri}
            href = url_for("catalogue.query_page", name=query.name, **run_with)
            candidates.append((label, iri, href))
    return render_template(
        "query.html",
        query=query,
        values=values,
        error=error,
        candidates=candidates,
        choices={p.name: _choices(p) for p in query.parameters if p.type == "iri"},
        placeholders={p.name: _placeholder(p) for p in query.parameters},
        remote=[block.endpoint for block in service_blocks(query.text)],
        blocked=blocked,
        ran=bool(ran),
        **ran,
    )


def _choices(parameter: Parameter) -> list[str]:
    """The names a parameter's field offers: things of its class, once per store generation."""
    ctx = context()
    return ctx.derive(
        f"kgdebate.choices {parameter.rdf_class}", lambda: choices(ctx.store, parameter.rdf_class)
    )


def _placeholder(parameter: Parameter) -> str:
    """The default as people may type it: ``actor/poland`` for one of our IRIs."""
    default = parameter.default or ""
    things = context().settings.base_iri + "id/"
    return default.removeprefix(things) if parameter.type == "iri" else default


def _solutions(body: bytes) -> ox.QuerySolutions:
    result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QuerySolutions)
    return result


def stored_answer(query: NamedQuery, parameters: dict[str, str], suffix: str) -> Outcome | None:
    """The answer computed when the store was written, for the default parameters only."""
    answers = context().answers
    if answers is None or with_defaults(query, parameters) != with_defaults(query, {}):
        return None
    body = answers.body(query.name, suffix)
    if body is None:
        return None
    answered = answers.answered[query.name]
    return Outcome("ok", body, API_FORMATS[suffix], answered.rows, answered.truncated)


def _page_number() -> int:
    raw = request.args.get(PAGE, "0")
    if not raw.isdigit() or int(raw) > MAX_PAGE:
        abort(400)
    return int(raw)
