"""``/sparql``: the SPARQL 1.1 Protocol, read-only (design.md §4, style.md §5.2).

A request is read strictly (UTF-8 only, one ``query``, a capped number of parameters), checked by
:mod:`kgdebate.sparql_guard` here in the web process, negotiated, and only then handed to a query
worker (:mod:`kgdebate.query_pool`) that can be killed at the time limit. Without a query the
endpoint describes itself: a Service Description for programs, YASGUI or a plain form for people,
with the named queries as examples. Pages link their queries into YASGUI with :func:`editor_href`.

Status codes: 400 bad request (syntax, duplicates, refused by the guard, non-UTF-8), 403 updates,
405 other methods, 406 no acceptable format, 415 wrong Content-Type, 431 oversized Accept,
503 timeout or busy. A result cut at ``max_rows`` is **206** with ``X-Result-Truncated: true``, as
Virtuoso does, so no client mistakes it for the complete answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, render_template, request, url_for

from kgdebate.errors import QueryError, RemoteError
from kgdebate.federation import Federation, answer_services, service_blocks
from kgdebate.media_types import GRAPH_TYPES
from kgdebate.namespaces import PREFIXES
from kgdebate.queries import NamedQuery, editable_text
from kgdebate.query_jobs import Job
from kgdebate.sparql_guard import find_refusal, has_dataset_clause
from kgdebate.web import conneg
from kgdebate.web.catalogue import catalogue
from kgdebate.web.context import context
from kgdebate.web.errors import Refused
from kgdebate.web.jobs import metered, result_response, run_job
from kgdebate.web.service_description import service_description

bp = Blueprint("sparql", __name__)

MAX_PARAMS = 100
"""More parameters than this (1,000 default-graph-uri, say) is refused before any work."""
ALLOW = "GET, HEAD, POST, OPTIONS"
YASGUI_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'"
_UPDATE_PARAMS = {"update", "using-graph-uri", "using-named-graph-uri"}


@bp.after_request
def _vary(response: Response) -> Response:
    response.vary.add("Accept")  # every body here depends on it (formats, HTML or Turtle)
    return response


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"], provide_automatic_options=False)
def endpoint() -> Response:
    if request.method == "OPTIONS":
        return _options()
    params = _read_params()
    names = {name for name, _value in params}
    if names & _UPDATE_PARAMS:
        raise Refused(403, "update-refused", "updates are not allowed: this endpoint is read-only")
    queries = [value for name, value in params if name == "query"]
    if len(queries) > 1:
        raise Refused(400, "duplicate-query", "exactly one query parameter is allowed")
    if not queries:
        if request.method == "POST":
            raise Refused(400, "missing-query", "no query was sent")
        return _describe()
    default = _graph_iris(params, "default-graph-uri")
    named = _graph_iris(params, "named-graph-uri")
    return _answer(queries[0], default, named)


def _options() -> Response:
    response = Response(status=204)
    response.headers["Allow"] = ALLOW
    if context().settings.cors:  # a preflight for application/sparql-query needs both
        response.headers["Access-Control-Allow-Methods"] = ALLOW
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Max-Age"] = "600"
    return response


def _read_params() -> list[tuple[str, str]]:
    """Every protocol parameter, decoded strictly as UTF-8; a direct POST body becomes ``query``."""
    params = _parse(request.query_string)
    if request.method != "POST":
        return params
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise Refused(400, "bad-charset", "the request must be encoded as UTF-8")
    if request.mimetype == "application/x-www-form-urlencoded":
        params += _parse(request.get_data(cache=False))
    elif request.mimetype == "application/sparql-query":
        params.append(("query", _utf8(request.get_data(cache=False))))
    elif request.mimetype == "application/sparql-update":
        raise Refused(403, "update-refused", "updates are not allowed: this endpoint is read-only")
    else:
        raise Refused(
            415,
            "unsupported-media-type",
            "POST needs Content-Type application/sparql-query or application/x-www-form-urlencoded",
        )
    if len(params) > MAX_PARAMS:
        raise Refused(400, "too-many-parameters", f"more than {MAX_PARAMS} parameters")
    return params


def _parse(data: bytes) -> list[tuple[str, str]]:
    try:
        return parse_qsl(
            _utf8(data), keep_blank_values=True, errors="strict", max_num_fields=MAX_PARAMS
        )
    except UnicodeDecodeError:
        raise Refused(400, "bad-charset", "the request must be encoded as UTF-8") from None
    except ValueError:  # max_num_fields exceeded
        raise Refused(400, "too-many-parameters", f"more than {MAX_PARAMS} parameters") from None


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "bad-charset", "the request must be encoded as UTF-8") from None


def _graph_iris(params: list[tuple[str, str]], name: str) -> tuple[str, ...]:
    values = tuple(value for key, value in params if key == name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise Refused(400, "bad-graph-iri", f"{name} must be an absolute IRI") from None
    return values


def _answer(query: str, default: tuple[str, ...], named: tuple[str, ...]) -> Response:
    settings = context().settings
    refusal = find_refusal(query, settings.service_allowlist, settings.query_limits)
    if refusal is not None:  # in the web process: a refused query never reaches a worker
        raise Refused(400, refusal.code, refusal.message)
    if settings.service_allowlist:
        query = _answer_services(query)
    result_type = _negotiate(conneg.result_offers())
    graph_type = _negotiate(conneg.graph_offers())
    if result_type is None and graph_type is None:
        raise _not_acceptable()
    job = Job(
        query,
        default,
        named,
        union_default_graph=not has_dataset_clause(query),
        result_type=result_type,
        graph_type=graph_type,
        max_rows=settings.max_rows,
        base_iri=settings.endpoint_iri,
    )
    outcome = run_job(job)
    if outcome.status == "not-acceptable":
        raise _not_acceptable()
    if outcome.status == "syntax-error":
        raise Refused(400, "syntax-error", "the query is not valid SPARQL 1.1 Query")
    if outcome.status != "ok":
        raise Refused(400, "query-failed", "the query could not be evaluated")
    return result_response(outcome, conneg.content_type(outcome.media_type))


def _answer_services(query: str) -> str:
    """The query with its SERVICE blocks answered here, by the federation client: query workers
    have no network (:mod:`kgdebate.sandbox`), and this client calls only allowlisted endpoints."""
    settings = context().settings
    federation = Federation.of(settings)
    try:
        if not service_blocks(query):
            return query
        with metered():  # the remote calls take the client's time like a query does
            return answer_services(query, federation)
    except QueryError as exc:
        code = "service-refused" if exc.hint == "service-refused" else "bad-service"
        raise Refused(400, code, exc.message) from None
    except RemoteError as exc:
        raise Refused(502, "remote-failed", exc.message) from None


def _negotiate(offers: list[str]) -> str | None:
    if len(request.headers.get("Accept", "")) > conneg.MAX_ACCEPT_CHARS:
        raise Refused(431, "accept-too-large", "the Accept header is too large")
    return conneg.negotiate(request.accept_mimetypes, offers)


def _not_acceptable() -> Refused:
    supported = ", ".join(conneg.supported_types())
    return Refused(406, "not-acceptable", f"not acceptable; this endpoint serves {supported}")


def _describe() -> Response:
    chosen = _negotiate([*GRAPH_TYPES, conneg.HTML])
    if chosen is None:
        raise _not_acceptable()
    if chosen == conneg.HTML:
        return _page()
    ctx = context()
    body = service_description(ctx.settings, ctx.store.graph_names(), GRAPH_TYPES[chosen])
    return Response(body, content_type=conneg.content_type(chosen))


@dataclass(frozen=True)
class Example:
    """A named query offered on the page: in YASGUI, ``href`` opens it in a tab of its own."""

    name: str
    title: str
    description: str
    href: str | None
    remote: tuple[str, ...]  # the endpoints its SERVICE blocks call, when they are not allowed


def _page() -> Response:
    """YASGUI when ``make vendor`` installed it, else a plain form that needs no JavaScript.
    Either way the named queries are listed as examples: in YASGUI each opens in a tab with its
    default parameters bound; without it, each links to its page in the catalogue."""
    yasgui = yasgui_installed()
    settings = context().settings
    page = render_template(
        "sparql.html",
        yasgui=yasgui,
        endpoint=url_for("sparql.endpoint"),
        example=EXAMPLE_QUERY,
        examples=[_example(query, settings.service_allowlist) for query in catalogue().values()],
        base_iri=settings.base_iri,
        root=request.script_root + "/",
    )
    response = Response(page, content_type="text/html; charset=utf-8")
    if yasgui:
        # YASGUI (jQuery, DataTables) writes style="" attributes into the page. Styles only, on
        # this page only: scripts stay 'self', so the init code lives in static/sparql.js.
        response.headers["Content-Security-Policy"] = YASGUI_CSP
    return response


def yasgui_installed() -> bool:
    static = Path(current_app.static_folder or "")
    return (static / "vendor" / "yasgui" / "yasgui.min.js").is_file()


@bp.app_template_global()
def editor_href(query: str, title: str | None = None) -> str | None:
    """``/sparql`` with ``query`` in a new YASGUI tab (YASGUI reads ``#query=`` and ``tabTitle``
    itself), or None without YASGUI: the plain form has no script to read a fragment."""
    if not yasgui_installed():
        return None
    fragment = {"query": query, **({"tabTitle": title} if title else {})}
    return url_for("sparql.endpoint") + "#" + urlencode(fragment, quote_via=quote)


def _example(query: NamedQuery, allowlist: tuple[str, ...]) -> Example:
    remote = tuple(b.endpoint for b in service_blocks(query.text) if b.endpoint not in allowlist)
    href = editor_href(editable_text(query), query.title)
    return Example(query.name, query.title, query.description, href, remote)


EXAMPLE_QUERY = f"""PREFIX kgd: <{PREFIXES["kgd"]}>
PREFIX rdfs: <{PREFIXES["rdfs"]}>
SELECT ?claim ?label WHERE {{
  ?claim a kgd:Claim ; rdfs:label ?label .
}} LIMIT 20
"""
