"""/sparql with Flask's test client: the SPARQL 1.1 Protocol and security.md 3b (endpoint rows).

Queries really run in the query workers (separate processes); the app's pool is stopped when the
module ends. The real-server behaviour (timeouts under load, SPARQLWrapper) is test_web_server.py.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from kgdebate.federation import service_blocks
from kgdebate.mint import Minter
from kgdebate.namespaces import SD
from kgdebate.queries import named_queries
from kgdebate.query_pool import QueryPool
from kgdebate.store import OxigraphStore
from kgdebate.web.jobs import query_pool_holder

from conftest import BASE, SEED_ID, canonical_dump, snapshot_app

MAX_ROWS = 50
PUBLIC_URL = "https://kgdebate.example.org/"
REFERENCE = str(Minter(BASE).graph("reference"))
ONTOLOGY = str(Minter(BASE).graph("ontology"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CARTESIAN = "SELECT (COUNT(*) AS ?c) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
JSON_RESULTS = "application/sparql-results+json"
RESULT_TYPES = [JSON_RESULTS, "application/sparql-results+xml", "text/csv"]
RESULT_TYPES += ["text/tab-separated-values"]
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
FORMAT_OF = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


SETTINGS: dict[str, object] = {
    "max_rows": MAX_ROWS,
    "query_timeout_s": 1.5,
    "public_url": PUBLIC_URL,
}


@pytest.fixture(scope="module")
def app_settings() -> dict[str, object]:
    return SETTINGS


def _app(built: OxigraphStore, tmp: pytest.TempPathFactory, **changes: object) -> Flask:
    return snapshot_app(built, tmp, **{**SETTINGS, **changes})


@contextmanager
def _own_app(
    built: OxigraphStore, tmp: pytest.TempPathFactory, **changes: object
) -> Iterator[Flask]:
    """An app with its own settings whose query workers are stopped at the end of the test."""
    app = _app(built, tmp, **changes)
    try:
        yield app
    finally:
        query_pool_holder(app).stop()


@pytest.fixture
def canary() -> Iterator[tuple[int, socket.socket]]:
    """A listener on 127.0.0.1 that must never see a connection."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    yield listener.getsockname()[1], listener
    listener.close()


def _no_connection(listener: socket.socket) -> bool:
    try:
        connection, _ = listener.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def _get(client: FlaskClient, query: str, accept: str | None = None, **params: str) -> TestResponse:
    headers = {} if accept is None else {"Accept": accept}
    return client.get("/sparql", query_string={"query": query, **params}, headers=headers)


def _count(response: TestResponse) -> int:
    assert response.status_code == 200, response.data
    return int(response.get_json()["results"]["bindings"][0]["n"]["value"])


def _assert_error(response: TestResponse, status: int, code: str, *secrets: str) -> None:
    """security.md (i)/(ii): our status and JSON shape, nothing echoed, no HTML, no traceback."""
    assert response.status_code == status, response.data
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error", "code"} and body["code"] == code
    text = response.get_data(as_text=True)
    for secret in ("<script", "Traceback", "pyoxigraph", "/tmp/", *secrets):
        assert secret not in text


# --- formats and content negotiation (3b-11, 12, 13) -------------------------------------------


@pytest.mark.parametrize("accept", RESULT_TYPES)
def test_select_in_every_result_format(
    client: FlaskClient, built: OxigraphStore, accept: str
) -> None:
    response = _get(client, "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g", accept)
    assert response.status_code == 200
    assert response.mimetype == accept
    assert "Accept" in response.headers["Vary"]
    if accept == "text/csv":  # pyoxigraph does not read CSV results back
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))[1:]
    else:
        rows = list(ox.parse_query_results(response.data, format=_results_format(accept)))
    assert len(rows) == len(built.graph_names())


def _results_format(media_type: str) -> ox.QueryResultsFormat:
    found = ox.QueryResultsFormat.from_media_type(media_type)
    assert found is not None
    return found


@pytest.mark.parametrize("accept", RESULT_TYPES)
def test_ask_in_every_result_format(client: FlaskClient, accept: str) -> None:
    response = _get(client, f"ASK {{ GRAPH <{REFERENCE}> {{ ?s ?p ?o }} }}", accept)
    assert response.status_code == 200 and response.mimetype == accept
    assert b"true" in response.data


@pytest.mark.parametrize("accept", GRAPH_TYPES)
def test_construct_in_every_graph_format(client: FlaskClient, accept: str) -> None:
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY}> {{ ?s ?p ?o }} }} LIMIT 10"
    response = client.post(
        "/sparql", data=query, content_type="application/sparql-query", headers={"Accept": accept}
    )
    assert response.status_code == 200 and response.mimetype == accept
    assert len(list(ox.parse(response.data, format=FORMAT_OF[accept]))) == 10


def test_describe_is_a_graph(client: FlaskClient) -> None:
    response = _get(client, f"DESCRIBE <{REFERENCE}>", "text/turtle")
    assert response.status_code == 200 and response.mimetype == "text/turtle"


@pytest.mark.parametrize("accept", [None, "", "text/csv;q=abc", "text/csv;q=1.5", ",,,;;;"])
def test_missing_or_unusable_accept_gets_sparql_json(client: FlaskClient, accept: str) -> None:
    response = _get(client, COUNT, accept)
    assert response.status_code == 200 and response.mimetype == JSON_RESULTS


def test_upper_case_accept_matches(client: FlaskClient) -> None:
    assert _get(client, COUNT, "TEXT/CSV").mimetype == "text/csv"


def test_ties_go_to_the_next_best_type(client: FlaskClient) -> None:
    response = _get(client, COUNT, f"{JSON_RESULTS};q=0, */*;q=0.1")
    assert response.mimetype == "application/sparql-results+xml"
    response = _get(client, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "*/*")
    assert response.mimetype == "text/turtle"


@pytest.mark.parametrize(
    ("query", "accept"),
    [(COUNT, "application/foo"), (COUNT, "*/*;q=0"), ("CONSTRUCT WHERE {?s ?p ?o}", "text/csv")],
)
def test_nothing_acceptable_is_406_listing_the_types(
    client: FlaskClient, query: str, accept: str
) -> None:
    response = _get(client, query, accept)
    _assert_error(response, 406, "not-acceptable", query)
    for media_type in [*RESULT_TYPES, *GRAPH_TYPES]:
        assert media_type in response.get_json()["error"]
    assert "Accept" in response.headers["Vary"]


def test_an_oversized_accept_header_is_431(client: FlaskClient) -> None:
    _assert_error(_get(client, COUNT, "text/csv," * 1200), 431, "accept-too-large")


# --- requests the protocol refuses (3b-1, 5, 10, 21) -------------------------------------------


def test_form_post_and_direct_post_run_the_query(client: FlaskClient) -> None:
    form = client.post("/sparql", data={"query": COUNT})
    direct = client.post("/sparql", data=COUNT, content_type="application/sparql-query")
    charset = client.post(
        "/sparql", data=COUNT, content_type="application/sparql-query; charset=UTF-8"
    )
    assert _count(form) == _count(direct) == _count(charset) > 3000


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_405_with_allow(client: FlaskClient, method: str) -> None:
    response = getattr(client, method)("/sparql", data={"query": COUNT})
    _assert_error(response, 405, "method-not-allowed")
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_two_queries_are_400(client: FlaskClient) -> None:
    twice = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    _assert_error(twice, 400, "duplicate-query")
    url_and_body = client.post("/sparql?query=ASK%7B%7D", data={"query": "ASK {}"})
    _assert_error(url_and_body, 400, "duplicate-query")


@pytest.mark.parametrize("content_type", ["text/plain", None, "application/json"])
def test_post_with_an_unsupported_or_missing_content_type_is_415(
    client: FlaskClient, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = client.post("/sparql", data=COUNT.encode(), headers=headers)
    _assert_error(response, 415, "unsupported-media-type")


def test_a_multipart_form_is_refused_unparsed(client: FlaskClient) -> None:
    part = '--B\r\nContent-Disposition: form-data; name="f{}"\r\n\r\nx\r\n'
    body = "".join(part.format(i) for i in range(10_000)) + "--B--\r\n"
    response = client.post("/sparql", data=body, content_type="multipart/form-data; boundary=B")
    _assert_error(response, 415, "unsupported-media-type")


def test_non_utf8_is_400(client: FlaskClient) -> None:
    utf16 = client.post(
        "/sparql",
        data=COUNT.encode("utf-16"),
        content_type="application/sparql-query; charset=UTF-16",
    )
    _assert_error(utf16, 400, "bad-charset")
    latin1 = client.post(
        "/sparql",
        data="ASK { ?s ?p 'caf\xe9' }".encode("latin-1"),
        content_type="application/sparql-query",
    )
    _assert_error(latin1, 400, "bad-charset")
    form = client.post(
        "/sparql", data=b"query=ASK%7B%E9%7D", content_type="application/x-www-form-urlencoded"
    )
    _assert_error(form, 400, "bad-charset")


def test_a_syntax_error_never_echoes_the_query(client: FlaskClient) -> None:
    query = "SELECT * WHERE { <script>alert('kgd-probe')</script> }"
    for response in (
        _get(client, query),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", data=query, content_type="application/sparql-query"),
    ):
        _assert_error(response, 400, "syntax-error", "kgd-probe", "alert", "1:")


def test_post_without_a_query_is_400(client: FlaskClient) -> None:
    _assert_error(client.post("/sparql", data={"x": "1"}), 400, "missing-query")


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "GET", "query_string": {"update": "DROP ALL"}},
        {"method": "POST", "data": {"update": "INSERT DATA { <a:s> <a:p> <a:o> }"}},
        {"method": "POST", "data": "CLEAR ALL", "content_type": "application/sparql-update"},
        {"method": "POST", "data": {"query": COUNT, "using-graph-uri": REFERENCE}},
        {
            "method": "POST",
            "data": "LOAD <file:///etc/passwd>",
            "content_type": "application/sparql-update",
        },
    ],
)
def test_updates_are_403_and_change_nothing(
    app: Flask, client: FlaskClient, request_kwargs: dict[str, object]
) -> None:
    before = canonical_dump(app.extensions["kgdebate"].store)
    response = client.open("/sparql", **request_kwargs)  # type: ignore[arg-type]
    _assert_error(response, 403, "update-refused", "passwd")
    assert canonical_dump(app.extensions["kgdebate"].store) == before
    assert _count(_get(client, COUNT)) == len(app.extensions["kgdebate"].store)


@pytest.mark.parametrize(
    "update", ["DROP ALL", "INSERT DATA { <a:s> <a:p> <a:o> }", "LOAD <http://127.0.0.1:9/>"]
)
def test_an_update_sent_as_query_is_400(client: FlaskClient, update: str) -> None:
    _assert_error(_get(client, update), 400, "update-refused", "127.0.0.1")


def test_parameter_count_is_capped(client: FlaskClient) -> None:
    many = "&".join(f"default-graph-uri=urn:g{i}" for i in range(1000))
    _assert_error(client.get(f"/sparql?query=ASK%7B%7D&{many}"), 400, "too-many-parameters")
    form = client.post(
        "/sparql", data=f"query=ASK%7B%7D&{many}", content_type="application/x-www-form-urlencoded"
    )
    _assert_error(form, 400, "too-many-parameters")


def test_a_body_over_the_size_limit_is_413(client: FlaskClient) -> None:
    body = "ASK {}" + " " * 1_100_000
    response = client.post("/sparql", data=body, content_type="application/sparql-query")
    _assert_error(response, 413, "request-too-large")


def test_a_bad_graph_iri_is_400(client: FlaskClient) -> None:
    _assert_error(_get(client, COUNT, **{"default-graph-uri": "not an iri"}), 400, "bad-graph-iri")


# --- the guard runs before any worker (3b-2, 3, 4) --------------------------------------------


@pytest.fixture
def pool_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every query that reaches a worker."""
    calls: list[str] = []
    original = QueryPool.run

    def spy(self: QueryPool, job: object) -> object:
        calls.append(job.query)  # type: ignore[attr-defined]
        return original(self, job)  # type: ignore[arg-type]

    monkeypatch.setattr(QueryPool, "run", spy)
    return calls


def test_deep_nesting_is_400_and_never_reaches_a_worker(
    client: FlaskClient, pool_calls: list[str]
) -> None:
    for opening, closing in (("{", "}"), ("(", ")")):
        body = "?s ?p ?o" if opening == "{" else "1"
        inner = opening * 5000 + body + closing * 5000
        query = f"SELECT * WHERE {inner}" if opening == "{" else f"SELECT ({inner} AS ?x) {{}}"
        response = client.post("/sparql", data={"query": query})
        _assert_error(response, 400, "too-deep")
        assert "too deeply nested" in response.get_json()["error"]
    assert pool_calls == []
    assert _count(_get(client, COUNT)) > 0  # the server lives


SERVICE_TARGETS = [  # what follows the keyword SERVICE
    " <http://127.0.0.1:{port}/>",
    " SILENT <http://127.0.0.1:{port}/sparql>",
    "<http://127.0.0.1:{port}/no-space>",  # SPARQL needs no space before an IRI
    " SILENT<http://127.0.0.1:{port}/silent-no-space>",
    "\t# a comment\n<http://127.0.0.1:{port}/after-a-comment>",
    " <http://[::1]:{port}/>",
    " <http://2130706433:{port}/>",
    " <http://0.0.0.0:{port}/>",
    " <http://169.254.169.254/latest/meta-data/>",
    " <file:///etc/passwd>",
    " ?endpoint",
    "?endpoint",
]


@pytest.mark.parametrize("target", SERVICE_TARGETS)
def test_service_is_refused_and_nothing_is_fetched(
    client: FlaskClient,
    canary: tuple[int, socket.socket],
    pool_calls: list[str],
    target: str,
) -> None:
    port, listener = canary
    values = f"VALUES ?endpoint {{ <http://127.0.0.1:{port}/> }}"
    query = f"SELECT * WHERE {{ {values} SERVICE{target.format(port=port)}{{ ?s ?p ?o }} }}"
    _assert_error(_get(client, query), 400, "service-refused", str(port))
    assert pool_calls == []
    assert _no_connection(listener)


@pytest.mark.parametrize("scheme", ["http://127.0.0.1:{port}/graph", "file:///etc/passwd"])
def test_from_only_selects_stored_graphs(
    client: FlaskClient, canary: tuple[int, socket.socket], scheme: str
) -> None:
    port, listener = canary
    source = scheme.format(port=port)
    assert _count(_get(client, f"SELECT (COUNT(*) AS ?n) FROM <{source}> {{ ?s ?p ?o }}")) == 0
    assert _count(_get(client, COUNT, **{"default-graph-uri": source})) == 0
    assert _no_connection(listener)


# --- the dataset: default-graph-uri, named-graph-uri, FROM (3b-24) ----------------------------


def test_default_graph_uri_selects_one_stored_graph(app: Flask, client: FlaskClient) -> None:
    store = app.extensions["kgdebate"].store
    reference = sum(1 for _ in store.triples(REFERENCE))
    ontology = sum(1 for _ in store.triples(ONTOLOGY))
    assert _count(_get(client, COUNT)) == len(store)  # no dataset: the union of every graph
    assert _count(_get(client, COUNT + ' # FROM <urn:x> "FROM"')) == len(store)  # not a FROM
    assert _count(_get(client, COUNT, **{"default-graph-uri": REFERENCE})) == reference
    both = client.get(
        "/sparql",
        query_string=[
            ("query", COUNT),
            ("default-graph-uri", REFERENCE),
            ("default-graph-uri", ONTOLOGY),
        ],
    )
    assert _count(both) == reference + ontology
    form = client.post("/sparql", data={"query": COUNT, "default-graph-uri": REFERENCE})
    assert _count(form) == reference
    query_from = f"SELECT (COUNT(*) AS ?n) FROM <{REFERENCE}> WHERE {{ ?s ?p ?o }}"
    assert _count(_get(client, query_from)) == reference
    # The protocol's dataset wins over the query's FROM.
    assert _count(_get(client, query_from, **{"default-graph-uri": ONTOLOGY})) == ontology


def test_named_graph_uri_limits_graph_patterns(app: Flask, client: FlaskClient) -> None:
    reference = sum(1 for _ in app.extensions["kgdebate"].store.triples(REFERENCE))
    assert _count(_get(client, COUNT_NAMED, **{"named-graph-uri": REFERENCE})) == reference
    # Only a default graph given: no named graphs at all.
    assert _count(_get(client, COUNT_NAMED, **{"default-graph-uri": REFERENCE})) == 0


def test_unknown_graphs_are_empty(client: FlaskClient) -> None:
    unknown = BASE + "graph/no-such-graph"
    assert _count(_get(client, COUNT, **{"default-graph-uri": unknown})) == 0
    assert _count(_get(client, COUNT_NAMED, **{"named-graph-uri": unknown})) == 0


# --- row cap (3b-7) ---------------------------------------------------------------------------


@pytest.mark.parametrize("accept", RESULT_TYPES)
def test_a_capped_select_says_so_in_every_format(client: FlaskClient, accept: str) -> None:
    response = _get(client, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", accept)
    assert response.status_code == 206
    assert response.headers["X-Result-Truncated"] == "true"
    assert response.headers["X-Result-Row-Limit"] == str(MAX_ROWS)
    text = response.get_data(as_text=True)
    rows = {
        JSON_RESULTS: lambda: len(json.loads(text)["results"]["bindings"]),
        "application/sparql-results+xml": lambda: text.count("<result>"),
        "text/csv": lambda: len(list(csv.reader(io.StringIO(text)))) - 1,
        "text/tab-separated-values": lambda: len(text.splitlines()) - 1,
    }[accept]()
    assert rows == MAX_ROWS


def test_a_capped_construct_says_so(client: FlaskClient) -> None:
    response = _get(client, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert response.status_code == 206 and response.headers["X-Result-Truncated"] == "true"
    assert len(list(ox.parse(response.data, format=ox.RdfFormat.N_TRIPLES))) == MAX_ROWS


def test_a_complete_result_is_200_without_the_marker(client: FlaskClient) -> None:
    response = _get(client, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert response.status_code == 200 and "X-Result-Truncated" not in response.headers
    assert len(response.get_json()["results"]["bindings"]) == MAX_ROWS


def test_terms_survive_every_result_format(client: FlaskClient) -> None:
    query = (
        "SELECT ?iri ?plain ?lang ?typed ?blank ?unbound WHERE { BIND(<urn:x:1> AS ?iri) "
        'BIND("tab\\there \\"q\\", é" AS ?plain) BIND("hi"@en AS ?lang) BIND(3 AS ?typed) '
        "BIND(BNODE() AS ?blank) }"
    )
    json_rows = _get(client, query).get_json()["results"]["bindings"][0]
    assert json_rows["iri"] == {"type": "uri", "value": "urn:x:1"}
    assert json_rows["plain"] == {"type": "literal", "value": 'tab\there "q", é'}
    assert json_rows["lang"] == {"type": "literal", "value": "hi", "xml:lang": "en"}
    assert json_rows["typed"]["datatype"].endswith("#integer")
    assert json_rows["blank"]["type"] == "bnode" and "unbound" not in json_rows
    for accept in RESULT_TYPES[1:]:
        assert "é" in _get(client, query, accept).get_data(as_text=True)


# --- time limit and load shedding (3b-6, 22) --------------------------------------------------


def test_a_runaway_query_is_stopped_with_503_and_the_worker_replaced(
    app: Flask, client: FlaskClient
) -> None:
    pool = query_pool_holder(app).get()
    before = set(pool.worker_pids())
    response = _get(client, CARTESIAN)
    _assert_error(response, 503, "query-timeout")
    assert "query timeout" in response.get_json()["error"]
    after = set(pool.worker_pids())
    assert len(after) == len(before) and after != before  # one killed and replaced
    assert _count(_get(client, COUNT)) > 0


@pytest.mark.parametrize(
    ("pattern", "text"),
    [("^(a+)+$", "a" * 40 + "!"), ("(.*a){50}", "a" * 60 + "b"), ("^(a|aa)+$", "a" * 40 + "!")],
)
def test_catastrophic_regexes_are_answered_within_the_time_limit(
    client: FlaskClient, pattern: str, text: str
) -> None:
    """3b-8: a backtracking engine takes 2^40 steps here; pyoxigraph's is linear, so the answer
    comes well inside the module's 1.5 s limit (a 503 query-timeout would fail this)."""
    response = _get(client, f'SELECT (REGEX("{text}", "{pattern}") AS ?m) {{}}')
    assert response.status_code == 200, response.data
    assert response.get_json()["results"]["bindings"][0]["m"]["value"] in ("true", "false")


MEMORY_HOG = (  # 1,000 characters doubled 24 times: 16 GB of strings, far past any cap
    'SELECT (STRLEN(?s24) AS ?n) WHERE { BIND("'
    + "x" * 1000
    + '" AS ?s0) '
    + " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(24))
    + " }"
)


def test_a_query_past_the_memory_cap_gets_503_and_the_server_goes_on(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with _own_app(built, tmp_path_factory, query_memory_mb=256, query_timeout_s=60) as app:
        client = app.test_client()
        response = _get(client, MEMORY_HOG)
        _assert_error(response, 503, "query-memory")
        assert "256 MB" in response.get_json()["error"]
        assert _count(_get(client, COUNT)) > 0  # a new worker answers


def test_a_client_past_its_query_seconds_gets_429_and_others_are_served(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with _own_app(built, tmp_path_factory, client_query_seconds=1.0, query_timeout_s=1.2) as app:
        greedy = app.test_client()
        _assert_error(_get(greedy, CARTESIAN), 503, "query-timeout")  # 1.2 s of a 1 s budget
        refused = _get(greedy, "ASK {}")
        _assert_error(refused, 429, "over-budget")
        assert int(refused.headers["Retry-After"]) >= 1
        assert greedy.get("/queries/uses-of-a-figure.json").status_code == 429
        assert greedy.get("/health").get_json()["status"] == "ok"  # health checks stay green
        other = app.test_client()
        other.environ_base["REMOTE_ADDR"] = "127.0.0.2"
        assert _get(other, "ASK {}").status_code == 200
        assert other.get("/doc/actor/ukraine.ttl").status_code == 200


def test_busy_workers_shed_load_with_retry_after(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with _own_app(built, tmp_path_factory, query_workers=1, query_queue_wait_s=0.2) as app:
        client = app.test_client()
        assert _get(client, "ASK {}").status_code == 200  # the worker is up
        heavy = threading.Thread(
            target=lambda: app.test_client().get("/sparql", query_string={"query": CARTESIAN})
        )
        heavy.start()
        responses = [_get(client, "ASK {}") for _ in range(50)]
        heavy.join(timeout=10)
        assert not heavy.is_alive()
        busy = [r for r in responses if r.status_code == 503]
        assert busy, "the single worker was never seen busy"
        _assert_error(busy[0], 503, "busy")
        assert int(busy[0].headers["Retry-After"]) >= 1


# --- Service Description, pages, HEAD, OPTIONS, CORS (3b-14, 17, 19) ---------------------------


@pytest.mark.parametrize("accept", [None, "*/*", *GRAPH_TYPES])
def test_service_description_parses_back(client: FlaskClient, accept: str | None) -> None:
    headers = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    if accept is not None:
        headers["Accept"] = accept
    response = client.get("/sparql", headers=headers)
    assert response.status_code == 200 and "Accept" in response.headers["Vary"]
    media_type = accept if accept in FORMAT_OF else "text/turtle"
    assert response.mimetype == media_type
    quads = list(ox.parse(response.data, format=FORMAT_OF[media_type]))
    assert b"evil.example" not in response.data

    def objects(predicate: str) -> set[str]:
        return {q.object.value for q in quads if q.predicate.value == str(SD[predicate])}

    assert objects("endpoint") == {PUBLIC_URL + "sparql"}
    assert objects("supportedLanguage") == {str(SD.SPARQL11Query)}
    assert str(SD.UnionDefaultGraph) in objects("feature")
    formats = {f.iri for f in FORMAT_OF.values()}
    formats |= {_results_format(t).iri for t in RESULT_TYPES}
    assert objects("resultFormat") == formats
    assert REFERENCE in objects("name")


def test_a_browser_gets_yasgui_from_local_files_only(client: FlaskClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = client.get("/sparql", headers={"Accept": browser})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "Accept" in response.headers["Vary"]
    csp = response.headers["Content-Security-Policy"]  # styles relaxed for YASGUI, scripts not
    assert csp.startswith("default-src 'self'") and "script-src" not in csp
    page = response.get_data(as_text=True)
    sources = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert sources == ["/static/vendor/yasgui/yasgui.min.js", "/static/sparql.js"]
    assert len(re.findall(r"<script", page)) == 2  # nothing inline (CSP default-src 'self')
    links = re.findall(r'(?:src|href|action)="([^"]+)"', page)
    assert links and all(link.startswith(("/", "#")) for link in links)  # nothing from outside
    for source in sources:
        with client.get(source) as served:  # static files are streamed: close them
            assert served.status_code == 200
    with client.get("/static/sparql.js") as served:
        script = served.get_data(as_text=True)
    assert '["prefixes", "variables"]' in script and "persistenceId: null" in script


def test_without_yasgui_the_page_is_a_plain_form(
    app: Flask, client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    response = client.get("/sparql", headers={"Accept": "text/html"})
    page = response.get_data(as_text=True)
    assert "<script" not in page
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    form = re.search(r'<form[^>]*method="get" action="([^"]+)"', page)
    assert form is not None and 'name="query"' in page
    assert _count(client.get(form.group(1), query_string={"query": COUNT})) > 0


EDITOR_LINK = re.compile(
    r'<pre class="sparql">(.*?)</pre>\s*<p class="panel-tools">'
    r'<a class="open-in-editor" href="([^"]+)">open in the editor</a>',
    re.DOTALL,
)


def _in_editor(href: str) -> dict[str, str]:
    """What YASGUI reads from an editor link: ``/sparql#query=…&tabTitle=…``."""
    path, _, fragment = html.unescape(href).partition("#")
    assert path == "/sparql"
    return dict(parse_qsl(fragment, strict_parsing=True))


def test_issue_13_the_named_queries_are_examples_that_run_as_they_are(
    client: FlaskClient,
) -> None:
    page = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    examples = re.findall(r'<a href="([^"]+)" data-editor>([^<]+)</a>(.*?)</li>', page, re.DOTALL)
    catalogue = named_queries()
    assert [html.unescape(title) for _, title, _ in examples] == [
        q.title for q in catalogue.values()
    ]
    for (href, _, note), query in zip(examples, catalogue.values(), strict=True):
        opened = _in_editor(href)
        assert opened["tabTitle"] == query.title
        assert opened["query"].startswith(query.text[:40])  # the header comes with it
        if query.parameters:  # each default bound, first in the WHERE clause
            bound = next(line for line in opened["query"].splitlines() if "VALUES (" in line)
            assert "WHERE {" in bound
            for parameter in query.parameters:
                assert f"?_{parameter.name}" in bound and f"{parameter.default}" in bound
        answer = _get(client, opened["query"])
        if service_blocks(query.text):  # said on the page, and refused as any such query is
            assert "which this endpoint does not allow" in note
            _assert_error(answer, 400, "service-refused")
        else:
            assert answer.status_code in (200, 206), (query.name, answer.data)
            assert answer.get_json()["results"]["bindings"], query.name


@pytest.mark.parametrize(
    "path",
    [
        "/doc/actor/ukraine",
        "/doc/statistic/ukrainians-support-fighting-84",
        f"/doc/document/{SEED_ID}",
        "/actors",
        "/claims",
        "/timeline",
    ],
)
def test_issue_13_every_show_sparql_opens_in_the_editor(client: FlaskClient, path: str) -> None:
    page = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
    links = EDITOR_LINK.findall(page)
    assert links and len(links) == page.count('<pre class="sparql">')
    for shown, href in links:
        assert _in_editor(href)["query"] == html.unescape(shown)  # the query as it ran here
    first = _in_editor(links[0][1])["query"]
    assert _get(client, first).status_code in (200, 206)


def test_issue_13_a_named_query_opens_with_the_values_of_its_form(client: FlaskClient) -> None:
    poland, nato = f"{BASE}id/actor/poland", f"{BASE}id/actor/nato"
    for values, bound in (({}, poland), ({"actor": nato}, nato)):
        page = client.get("/queries/claims-about-an-actor", query_string=values).get_data(
            as_text=True
        )
        ((shown, href),) = EDITOR_LINK.findall(page)
        assert "?_actor" in html.unescape(shown) and "VALUES" not in html.unescape(shown)
        assert f"VALUES (?_actor) {{ (<{bound}>) }}" in _in_editor(href)["query"]


def test_issue_13_without_yasgui_examples_link_to_the_catalogue_and_no_editor_is_offered(
    app: Flask,
    client: FlaskClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    uncached: None,
) -> None:
    monkeypatch.setattr(app, "static_folder", str(tmp_path))
    page = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    listed = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', page)
    assert [(href, html.unescape(title)) for href, title in listed] == [
        (f"/queries/{name}", query.title) for name, query in named_queries().items()
    ]
    assert "data-editor" not in page and "open in the editor" not in page
    entity = client.get("/doc/actor/ukraine", headers={"Accept": "text/html"})
    assert '<pre class="sparql">' in entity.get_data(as_text=True)
    assert "open in the editor" not in entity.get_data(as_text=True)


def test_head_has_the_headers_of_get_without_a_body(client: FlaskClient) -> None:
    for params in ({}, {"query": COUNT}):
        get = client.get("/sparql", query_string=params)
        head = client.head("/sparql", query_string=params)
        assert head.status_code == get.status_code == 200
        assert head.data == b"" and head.headers["Content-Type"] == get.headers["Content-Type"]
        assert head.headers["Vary"] == get.headers["Vary"]


def test_options_is_204_with_allow_and_no_cors_by_default(client: FlaskClient) -> None:
    response = client.options("/sparql")
    assert response.status_code == 204 and response.data == b""
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "POST",
        "OPTIONS",
    }
    assert not any(h.lower().startswith("access-control") for h in response.headers.keys())
    assert "Access-Control-Allow-Origin" not in _get(client, COUNT).headers


def test_cors_when_configured_allows_a_direct_post_preflight(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = _app(built, tmp_path_factory, cors=True)
    try:
        client = app.test_client()
        preflight = client.options(
            "/sparql",
            headers={
                "Origin": "http://example.org",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.status_code == 204
        assert preflight.headers["Access-Control-Allow-Origin"] == "*"
        assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
        assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
        response = client.post("/sparql", data="ASK {}", content_type="application/sparql-query")
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    finally:
        query_pool_holder(app).stop()


def test_worker_processes_stop_with_the_pool(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = _app(built, tmp_path_factory)
    client = app.test_client()
    assert _get(client, "ASK {}").status_code == 200
    pool = query_pool_holder(app).get()
    pids = pool.worker_pids()
    assert len(pids) == 2
    query_pool_holder(app).stop()
    assert not any(Path(f"/proc/{pid}").exists() for pid in pids)  # killed and reaped
