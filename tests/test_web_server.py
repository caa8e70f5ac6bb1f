"""/sparql on the REAL server (``kgdebate serve``: gunicorn, forked workers, query processes).

SPARQLWrapper is the client in every format; a runaway query is killed at the limit while another
client keeps being answered; a 5,000-deep query is refused and the server lives; SERVICE to a
local canary is refused without a connection. Only 127.0.0.1, every loop bounded.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from kgdebate.store import OxigraphStore

from conftest import BASE
from live_server import LiveServer, fetch

TIMEOUT_S = 2
CARTESIAN = "SELECT (COUNT(*) AS ?c) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
GRAPHS = "SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 25"


class Server(LiveServer):
    """The live server, with the SPARQL endpoint's short time limit."""

    def __init__(self, store: Path, log: Path) -> None:
        super().__init__(
            store, log, query_timeout_s=str(TIMEOUT_S), server_workers="2", query_workers="2"
        )
        self.url = self.base_url + "sparql"

    def query(self, query: str, timeout: float = 10) -> tuple[int, bytes]:
        return fetch(self.url + "?" + urllib.parse.urlencode({"query": query}), timeout)

    def query_workers(self) -> list[int]:
        """Live query-worker processes over this server's store (from /proc)."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"kgdebate.query_pool" in command and str(self.store).encode() in command:
                found.append(int(entry.name))
        return found


@pytest.fixture(scope="module")
def server(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("server")
    built.backup(folder / "store")
    running = Server(folder / "store", folder / "server.log")
    try:
        running.wait_until_answering()
        yield running
    finally:
        running.stop()
    try:
        assert running.query_workers() == [], "query workers outlived the server"
        for crash in ("SIGSEGV", "SIGABRT", "terminate called"):  # the store must not cross a fork
            assert crash not in running.log_text(), f"a server process crashed ({crash})"
    finally:
        running.kill_leftovers()


def _client(server: Server, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url)
    client.setTimeout(10)  # SPARQLWrapper has no default timeout
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select_in_every_result_format(
    server: Server, built: OxigraphStore, fmt: str
) -> None:
    result = _client(server, GRAPHS, fmt).queryAndConvert()
    if fmt == JSON:
        names = [row["g"]["value"] for row in result["results"]["bindings"]]  # type: ignore[index]
    elif fmt == XML:
        names = [node.firstChild.firstChild.data for node in result.getElementsByTagName("binding")]  # type: ignore[union-attr]
    else:
        lines = result.decode().splitlines()[1:]  # type: ignore[union-attr]
        names = [line.strip("<>") for line in lines]
    assert sorted(names) == built.graph_names()  # the trusted graphs, documents, shared things
    assert all(name.startswith(BASE + "graph/") for name in names)


# SPARQLWrapper 2.0.0 reads RDF/XML and JSON-LD into a ConjunctiveGraph (deprecated in rdflib 7).
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD, "ntriples"])
def test_sparqlwrapper_construct_in_every_graph_format(server: Server, fmt: str) -> None:
    client = _client(server, CONSTRUCT, N3 if fmt == "ntriples" else fmt)
    if fmt == "ntriples":
        client.addCustomHttpHeader("Accept", "application/n-triples")
        response = client.query()
        assert response.info()["content-type"].startswith("application/n-triples")
        body = response.response.read()
        assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == 25
        return
    result = client.queryAndConvert()
    if isinstance(result, bytes):  # SPARQLWrapper hands Turtle back as bytes
        result = Graph().parse(data=result, format="turtle")
    assert isinstance(result, Graph) and len(result) == 25, result


@pytest.mark.parametrize("method", [POST, POSTDIRECTLY])
def test_sparqlwrapper_posts(server: Server, method: str) -> None:
    client = _client(server, "ASK { ?s ?p ?o }", JSON)
    if method == POSTDIRECTLY:
        client.setRequestMethod(POSTDIRECTLY)
    client.setMethod(POST)
    assert client.queryAndConvert() == {"head": {}, "boolean": True}


def test_each_server_process_has_its_own_query_workers(server: Server) -> None:
    for _ in range(20):  # enough requests to reach both gunicorn workers, most likely
        assert server.query("ASK {}")[0] == 200
    workers = server.query_workers()
    assert len(workers) in (2, 4)  # 2 per gunicorn worker that has answered a query
    parents = {_parent(pid) for pid in workers}
    # Created lazily after gunicorn forked: never by the master, never shared between workers.
    assert server.process.pid not in parents
    assert all(sum(1 for pid in workers if _parent(pid) == parent) == 2 for parent in parents)


def _parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def test_a_runaway_query_is_stopped_while_others_are_served(server: Server) -> None:
    heavy: dict[str, object] = {}

    def run_heavy() -> None:
        started = time.monotonic()
        heavy["answer"] = server.query(CARTESIAN, timeout=30)
        heavy["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_heavy)
    thread.start()
    answered_during = 0
    for _ in range(500):  # bounded; ends as soon as the heavy query is answered
        if not thread.is_alive():
            break
        status, body = server.query("ASK { ?s ?p ?o }", timeout=5)
        if status == 200 and thread.is_alive():
            answered_during += 1
        time.sleep(0.02)
    thread.join(timeout=30)
    status, body = heavy["answer"]  # type: ignore[misc]
    assert status == 503
    assert json.loads(body) == {
        "error": f"query timeout: stopped after {TIMEOUT_S} s",
        "code": "query-timeout",
    }
    assert TIMEOUT_S <= heavy["seconds"] < TIMEOUT_S + 3  # type: ignore[operator]
    assert answered_during >= 5, "the second client was not served during the heavy query"
    assert server.query("ASK { ?s ?p ?o }")[0] == 200


def test_a_query_nested_5000_deep_is_400_and_the_server_lives(server: Server) -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    request = urllib.request.Request(
        server.url,
        data=deep.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    try:
        urllib.request.urlopen(request, timeout=10).close()
        raise AssertionError("a 5,000-deep query was accepted")
    except urllib.error.HTTPError as exc:
        with exc:
            assert exc.code == 400
            assert b"too deeply nested" in exc.read()
    assert server.process.poll() is None
    assert server.query("ASK { ?s ?p ?o }")[0] == 200


def test_service_to_a_local_canary_is_refused_without_a_connection(server: Server) -> None:
    with socket.socket() as canary:
        canary.bind(("127.0.0.1", 0))
        canary.listen(4)
        canary.setblocking(False)
        port = canary.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, body = server.query(query)
        assert status == 400 and json.loads(body)["code"] == "service-refused"
        with pytest.raises(BlockingIOError):
            canary.accept()


def test_an_overlong_url_is_refused_by_the_server(server: Server) -> None:
    status, _body = server.query("ASK {}" + " " * 100_000)
    assert status in (400, 414)
    assert server.query("ASK {}")[0] == 200


def test_a_page_kept_by_the_server_has_one_date_and_revalidates(server: Server) -> None:
    """Through gunicorn: the server's own Date on every response (a kept one has none of its
    own), the same strong ETag from both worker processes, and 304 when it is named."""
    url = urllib.parse.urlsplit(server.base_url)
    tags = set()
    for _ in range(6):  # keep-alive connections land on either worker
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        connection.request("GET", "/doc/actor/ukraine", headers={"Accept": "text/html"})
        response = connection.getresponse()
        response.read()
        assert response.status == 200 and len(response.headers.get_all("Date") or []) == 1
        tags.add(response.headers["ETag"])
        connection.close()
    assert len(tags) == 1 and next(iter(tags)).startswith('"')
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    headers = {"Accept": "text/html", "If-None-Match": next(iter(tags))}
    connection.request("GET", "/doc/actor/ukraine", headers=headers)
    again = connection.getresponse()
    assert again.status == 304 and again.read() == b""
    assert len(again.headers.get_all("Date") or []) == 1
    connection.close()
