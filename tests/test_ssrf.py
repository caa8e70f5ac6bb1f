"""No user query reaches the network: the guard reads SERVICE as the engine does, and the workers
that evaluate queries have no network even when a query gets past the guard (issue 10, 1-3).

Every spelling below is sent by GET, form POST and direct POST to /sparql, and through
``kgdebate query``; a real HTTP server on loopback (the canary) counts connections, and must count
none. Then each spelling goes straight to the engine in a query worker, past the guard: still
none. A control query run by the engine in this (networked) process shows the canary does count.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from canary import Canary, running_canary
from kgdebate.cli import cli
from kgdebate.query_jobs import Job
from kgdebate.query_pool import QueryPool
from kgdebate.sparql_guard import find_refusal
from kgdebate.store import OxigraphStore

P = "{ ?s ?p ?o }"


def w(body: str) -> str:
    return "SELECT * WHERE { " + body + " }"


# @C@: the canary's URL, "http://127.0.0.1:PORT/"; @HP@: "127.0.0.1:PORT"; @PORT@: the port.
SPELLINGS: dict[str, str] = {
    "plain": w("SERVICE <@C@x> " + P),
    "lower case": w("service <@C@x> " + P),
    "mixed case": w("SeRvIcE <@C@x> " + P),
    "silent": w("SERVICE SILENT <@C@x> " + P),
    "no space": w("SERVICE<@C@x>" + P),
    "tab and newline": w("SERVICE\t\n<@C@x>\n" + P),
    "comment between": w("SERVICE # }\n <@C@x> " + P),
    "silent, comment": w("SERVICE SILENT#x\n<@C@x>" + P),
    "prefixed name": "PREFIX c: <@C@> " + w("SERVICE c:x " + P),
    "prefix alone": "PREFIX c: <@C@> " + w("SERVICE c: " + P),
    "empty prefix, glued": "PREFIX : <@C@> " + w("SERVICE:x " + P),
    "prefix glued to keyword": "PREFIX ex: <@C@> " + w("SERVICEex:x " + P),
    "silent glued": "PREFIX : <@C@> " + w("SERVICE SILENT:x " + P),
    "silent glued to prefix": "PREFIX ex: <@C@> " + w("SERVICE SILENTex:x " + P),
    "base, relative target": "BASE <@C@> " + w("SERVICE <x> " + P),
    "relative target": w("SERVICE <x> " + P),
    "empty relative target": "BASE <@C@> " + w("SERVICE <> " + P),
    "network-path reference": w("SERVICE <//@HP@/x> " + P),
    "UCHAR in the IRI": w("SERVICE <http://@HP@/\\u0078> " + P),
    "UCHAR for the scheme": w("SERVICE <\\u0068ttp://@HP@/> " + P),
    "escaped # in a name (the probe's)": "PREFIX ex: <http://e/> "
    + w("BIND(ex:a\\# AS ?q) SERVICE <@C@x> " + P),
    "escaped quote in a name": "PREFIX ex: <http://e/> "
    + w("BIND(ex:a\\' AS ?q) SERVICE <@C@x> " + P),
    "escaped bracket in a name": "PREFIX ex: <http://e/> "
    + w("BIND(ex:a\\( AS ?q) SERVICE <@C@x> " + P),
    "percent escape in a name": "PREFIX ex: <http://e/> "
    + w("BIND(ex:a%23 AS ?q) SERVICE <@C@x> " + P),
    "# in a string": w('BIND("#" AS ?q) SERVICE <@C@x> ' + P),
    "escaped quote and # in a string": w('BIND("a\\"#" AS ?q) SERVICE <@C@x> ' + P),
    "# in a single-quoted string": w("BIND('a#' AS ?q) SERVICE <@C@x> " + P),
    "quotes in a long string": w("BIND('''a''b'#''' AS ?q) SERVICE <@C@x> " + P),
    "# in an IRI": w("BIND(<http://e/#> AS ?q) SERVICE <@C@x> " + P),
    "variable target": w("VALUES ?e { <@C@x> } SERVICE ?e " + P),
    "silent variable target": w("VALUES ?e { <@C@x> } SERVICE SILENT ?e " + P),
    "in a sub-select": w("{ SELECT * WHERE { SERVICE <@C@x> " + P + " } }"),
    "in FILTER EXISTS": w("?s ?p ?o FILTER EXISTS { SERVICE <@C@x> " + P + " }"),
    "in OPTIONAL": w("OPTIONAL { SERVICE <@C@x> " + P + " }"),
    "in GRAPH": w("GRAPH ?g { SERVICE <@C@x> " + P + " }"),
    "in LATERAL": w("?s ?p ?o LATERAL { SERVICE <@C@x> " + P + " }"),
    "in a UNION": w("{ } UNION { SERVICE <@C@x> " + P + " }"),
    "ASK": "ASK { SERVICE <@C@x> " + P + " }",
    "CONSTRUCT": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <@C@x> " + P + " }",
    "DESCRIBE": "DESCRIBE ?s WHERE { SERVICE <@C@x> " + P + " }",
    "keyword with a UCHAR": w("SERV\\u0049CE <@C@x> " + P),
    "prefix declared twice": "PREFIX c: <http://example.org/> PREFIX c: <@C@> "
    + w("SERVICE c:x " + P),
    "prefix named like the keyword": "PREFIX SERVICE: <@C@> " + w("SERVICE SERVICE:x " + P),
    "loopback as a number": w("SERVICE <http://2130706433:@PORT@/> " + P),
    "IPv6 loopback": w("SERVICE <http://[::1]:@PORT@/> " + P),
}


def spelled(template: str, canary: Canary) -> str:
    port = str(canary.server_address[1])
    hostport = f"127.0.0.1:{port}"
    return template.replace("@C@", canary.url).replace("@HP@", hostport).replace("@PORT@", port)


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    with running_canary() as canary:
        yield canary


@pytest.fixture(scope="module")
def store_path(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot of the built store, for the command line and for workers to open read-only."""
    path = tmp_path_factory.mktemp("ssrf") / "store"
    built.backup(path)
    return path


def test_there_are_at_least_thirty_spellings() -> None:
    assert len(SPELLINGS) >= 30


@pytest.mark.parametrize("name", SPELLINGS)
def test_the_endpoint_refuses_every_spelling_and_nothing_is_reached(
    app: Flask, canary: Canary, name: str
) -> None:
    query = spelled(SPELLINGS[name], canary)
    client: FlaskClient = app.test_client()
    before = canary.connections
    answers = [
        client.get("/sparql", query_string={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post(
            "/sparql", data=query.encode(), content_type="application/sparql-query; charset=utf-8"
        ),
    ]
    for response in answers:
        assert response.status_code == 400, (response.status_code, response.data)
        assert response.get_json()["code"] in {"service-refused", "syntax-error"}
    assert canary.connections == before


@pytest.mark.parametrize("name", SPELLINGS)
def test_the_command_line_refuses_every_spelling(
    store_path: Path, canary: Canary, name: str
) -> None:
    before = canary.connections
    result = CliRunner().invoke(
        cli, ["--data-dir", str(store_path), "query", spelled(SPELLINGS[name], canary)]
    )
    assert result.exit_code == 2, result.output
    assert canary.connections == before


def test_the_guard_refuses_every_spelling_that_names_service(canary: Canary) -> None:
    passed = {
        name
        for name, template in SPELLINGS.items()
        if find_refusal(spelled(template, canary)) is None
    }
    assert passed == {"keyword with a UCHAR"}  # the engine does not read it as SERVICE at all


def test_a_worker_reaches_nothing_even_past_the_guard(store_path: Path, canary: Canary) -> None:
    """Defence in depth: every spelling evaluated by the engine in a query worker, unguarded."""
    pool = QueryPool(store_path, 1, timeout_s=10, wait_s=10)
    try:
        before = canary.connections
        outcomes = [
            pool.run(Job(spelled(t, canary), result_type="application/sparql-results+json"))
            for t in SPELLINGS.values()
        ]
        assert canary.connections == before
        assert pool.isolated()
        # The engine did try: SERVICE SILENT swallows the failure and answers; plain SERVICE fails.
        assert {o.status for o in outcomes} >= {"ok", "failed"}
    finally:
        pool.stop()


def test_the_canary_counts_what_reaches_it(canary: Canary) -> None:
    """The control: the same engine in this process, which has a network, does call it."""
    before = canary.connections
    ox.Store().query(spelled(SPELLINGS["silent"], canary))
    assert canary.connections > before
