"""The W3C SPARQL 1.1 Protocol tests that apply to a read-only endpoint with no preloaded graphs
(the protocol test suite of the SPARQL Working Group, as listed in its validator's README), over
the real server. Update operations are not offered: every update test must get a 4xx."""

from __future__ import annotations

import http.client
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgdebate.store import OxigraphStore

from live_server import LOCAL, LiveServer

DATA1 = "http://kasei.us/2009/09/sparql/data/data1.rdf"
DATA2 = "http://kasei.us/2009/09/sparql/data/data2.rdf"
DATA3 = "http://kasei.us/2009/09/sparql/data/data3.rdf"
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
RESULTS = {
    "application/sparql-results+xml",
    "application/sparql-results+json",
    "text/csv",
    "text/tab-separated-values",
}
GRAPHS = {"application/rdf+xml", "text/turtle", "application/n-triples"}


@pytest.fixture(scope="module")
def server(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    folder: Path = tmp_path_factory.mktemp("w3c")
    built.backup(folder / "store")
    with LiveServer(folder / "store", folder / "server.log").serving() as live:
        yield live


def call(
    server: LiveServer,
    method: str,
    params: list[tuple[str, str]] | None = None,
    body: bytes | None = None,
    content_type: str | None = None,
    accept: str = "*/*",
) -> tuple[int, str, bytes]:
    """One request with exactly these headers (urllib would add a form Content-Type)."""
    path = "/sparql" + ("?" + urllib.parse.urlencode(params) if params else "")
    headers = {"Accept": accept}
    if content_type is not None:
        headers["Content-Type"] = content_type
    connection = http.client.HTTPConnection(LOCAL, server.port, timeout=15)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        media_type = (response.getheader("Content-Type") or "").split(";")[0].strip()
        return response.status, media_type, response.read()
    finally:
        connection.close()


def form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode()


NEGATIVE = {
    "bad-query-method": ("PUT", [("query", "ASK {}")], None, None),
    "bad-multiple-queries": ("GET", [("query", "ASK {}"), ("query", "SELECT * {}")], None, None),
    "bad-query-wrong-media-type": ("POST", None, b"ASK {}", "text/plain"),
    "bad-query-missing-form-type": ("POST", None, form(query="ASK {}"), None),
    "bad-query-missing-direct-type": ("POST", None, b"ASK {}", None),
    "bad-query-non-utf8": ("POST", None, "ASK {}".encode("utf-16"), f"{DIRECT}; charset=UTF-16"),
    "bad-query-syntax": ("GET", [("query", "ASK {")], None, None),
    "bad-update-get": ("GET", [("update", "CLEAR ALL")], None, None),
    "bad-multiple-updates": (
        "POST",
        None,
        b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
        FORM,
    ),
    "bad-update-wrong-media-type": ("POST", None, b"CLEAR NAMED", "text/plain"),
    "bad-update-missing-form-type": ("POST", None, form(update="CLEAR NAMED"), None),
    "bad-update-missing-direct-type": ("POST", None, b"CLEAR NAMED", None),
    "bad-update-non-utf8": (
        "POST",
        None,
        "CLEAR NAMED".encode("utf-16"),
        "application/sparql-update; charset=UTF-16",
    ),
    "bad-update-syntax": ("POST", None, form(update="CLEAR XYZ"), FORM),
    "bad-update-dataset-conflict": (
        "POST",
        [("using-named-graph-uri", "http://example/people")],
        form(
            update="WITH <http://example/addresses> DELETE { ?p ?q 'Bill' } WHERE { ?p ?q 'Bill' }"
        ),
        FORM,
    ),
    "update-post-form (read-only here)": ("POST", None, form(update="CLEAR ALL"), FORM),
    "update-post-direct (read-only here)": (
        "POST",
        None,
        b"CLEAR ALL",
        "application/sparql-update",
    ),
}


@pytest.mark.parametrize("name", NEGATIVE)
def test_negative(server: LiveServer, name: str) -> None:
    method, params, body, content_type = NEGATIVE[name]
    status, media_type, _ = call(server, method, params, body, content_type)
    assert 400 <= status < 500, status
    assert media_type == "application/json"


POSITIVE = {
    "query-get": ("GET", [("query", "ASK {}")], None, None, RESULTS),
    "query-post-form": ("POST", None, form(query="ASK {}"), FORM, RESULTS),
    "query-post-direct": ("POST", None, b"ASK {}", DIRECT, RESULTS),
    "query-dataset-default-graph": (
        "POST",
        [("default-graph-uri", DATA1)],
        f"ASK {{ <{DATA1}> ?p ?o }}".encode(),
        DIRECT,
        RESULTS,
    ),
    "query-dataset-default-graphs": (
        "POST",
        [("default-graph-uri", DATA1), ("default-graph-uri", DATA2)],
        f"ASK {{ <{DATA1}> ?p ?o . <{DATA2}> ?p ?o }}".encode(),
        DIRECT,
        RESULTS,
    ),
    "query-dataset-named-graphs": (
        "POST",
        [("named-graph-uri", DATA1), ("named-graph-uri", DATA2)],
        b"ASK { GRAPH ?g { ?s ?p ?o } }",
        DIRECT,
        RESULTS,
    ),
    "query-dataset-full": (
        "POST",
        [("default-graph-uri", DATA3), ("named-graph-uri", DATA1), ("named-graph-uri", DATA2)],
        b"SELECT ?g ?x ?s { ?x ?y ?o  GRAPH ?g { ?s ?p ?o } }",
        DIRECT,
        RESULTS,
    ),
    "query-multiple-dataset": (
        "POST",
        [("default-graph-uri", DATA2)],
        f"ASK FROM <{DATA1}> {{ <data1.rdf> ?p ?o }}".encode(),
        DIRECT,
        RESULTS,
    ),
    "query-content-type-select": ("POST", None, b"SELECT (1 AS ?value) {}", DIRECT, RESULTS),
    "query-content-type-ask": ("POST", None, b"ASK {}", DIRECT, RESULTS),
    "query-content-type-describe": (
        "POST",
        None,
        b"DESCRIBE <http://example.org/>",
        DIRECT,
        GRAPHS,
    ),
    "query-content-type-construct": (
        "POST",
        None,
        b"CONSTRUCT { <s> <p> 1 } WHERE {}",
        DIRECT,
        GRAPHS,
    ),
}


@pytest.mark.parametrize("name", POSITIVE)
def test_positive(server: LiveServer, name: str) -> None:
    method, params, body, content_type, media_types = POSITIVE[name]
    status, media_type, answer = call(server, method, params, body, content_type)
    assert 200 <= status < 400, (status, answer)
    assert media_type in media_types


def test_relative_iris_resolve_against_the_endpoint(server: LiveServer) -> None:
    body = b"CONSTRUCT { <s> <p> 1 } WHERE {}"
    _, _, turtle = call(server, "POST", None, body, DIRECT, accept="application/n-triples")
    assert f"<{server.base_url}s> <{server.base_url}p>".encode() in turtle
