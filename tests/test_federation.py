"""Federated named queries: our graph joined with a Wikidata-shaped endpoint on 127.0.0.1.

The named queries call Wikidata's query service; here the test puts the local fixture endpoint in
its place and on the allowlist, so the real Wikidata is never contacted.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kgdebate.build import read_reference
from kgdebate.cli import cli
from kgdebate.errors import QueryError, RemoteError
from kgdebate.federation import Federation, answer_services, service_blocks
from kgdebate.namespaces import KGD, OWL, RDF, RDFS, WD
from kgdebate.queries import NamedQuery, named_queries, parse_named_query, run_named
from kgdebate.store import OxigraphStore
from kgdebate.web import catalogue as web_catalogue

from conftest import BASE, DATA, snapshot_app
from live_server import LiveServer, free_port
from wikidata_endpoint import FIXTURE, WIKIDATA_QUERY_SERVICE, wikidata_endpoint

WDT = "http://www.wikidata.org/prop/direct/"
FEDERATED = ("wikidata-country-codes", "heads-of-state-per-wikidata")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with wikidata_endpoint(tmp_path_factory.mktemp("wikidata-fixture")) as server:
        yield server


def pointed_at(name: str, url: str) -> NamedQuery:
    """The named query with the local endpoint in place of Wikidata's query service."""
    query = named_queries()[name]
    assert [b.endpoint for b in service_blocks(query.text)] == [WIKIDATA_QUERY_SERVICE]
    return parse_named_query(name, query.text.replace(WIKIDATA_QUERY_SERVICE, url))


def rows(result: object) -> list[dict[str, str]]:
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def requests_seen(server: LiveServer) -> int:
    return server.log_text().count('"POST /sparql')


def test_country_codes_show_every_linked_state(built: OxigraphStore, endpoint: LiveServer) -> None:
    """A crosswalk check: a state whose item has no code at Wikidata is a row, not a gap."""
    url = endpoint.base_url + "sparql"
    result = run_named(
        built, pointed_at("wikidata-country-codes", url), federation=Federation((url,), 10)
    )
    found = {(r["state"], r["ours"], r.get("wikidata"), r.get("agree")) for r in rows(result)}
    reference = read_reference(DATA / "reference", BASE)
    fixture = Graph().parse(FIXTURE, format="turtle")
    expected = set()
    for state in reference.subjects(RDF.type, KGD.State):
        for ours in reference.objects(state, KGD.iso3166Alpha2):
            for item in reference.objects(state, OWL.sameAs):
                codes = [str(c) for c in fixture.objects(item, URIRef(WDT + "P297"))]
                expected |= {(str(state), str(ours), c, str(c == str(ours)).lower()) for c in codes}
                if not codes:
                    expected.add((str(state), str(ours), None, None))
    assert found == expected
    assert {r[3] for r in found} == {"true", None}  # the fixture agrees where it has a code
    assert len({r for r in found if r[2] is None}) >= 1 and len(found) >= 8


def test_heads_of_state_ask_wikidata_only_about_sovereign_states(endpoint: LiveServer) -> None:
    """The SERVICE block is sent without our states, so it restricts itself to states."""
    url = endpoint.base_url + "sparql"
    query = pointed_at("heads-of-state-per-wikidata", url)
    local = answer_services(query.text, Federation((url,), 10))
    fixture = Graph().parse(FIXTURE, format="turtle")
    holders = set(fixture.subjects(URIRef(WDT + "P35"), None))
    states = set(fixture.subjects(URIRef(WDT + "P31"), WD.Q3624078))
    assert holders - states and holders & states  # the fixture has both kinds
    for item in holders:
        assert (f"<{item}>" in local) == (item in states), item


def test_heads_of_state_join_back_to_our_actors(built: OxigraphStore, endpoint: LiveServer) -> None:
    url = endpoint.base_url + "sparql"
    query = pointed_at("heads-of-state-per-wikidata", url)
    found = rows(run_named(built, query, federation=Federation((url,), 10)))
    reference = read_reference(DATA / "reference", BASE)
    fixture = Graph().parse(FIXTURE, format="turtle")
    ours_for = {item: actor for actor, item in reference.subject_objects(OWL.sameAs)}
    expected = {
        (str(state), str(head), str(ours_for[head]))
        for state in reference.subjects(RDF.type, KGD.State)
        for item in reference.objects(state, OWL.sameAs)
        for head in fixture.objects(item, URIRef(WDT + "P35"))
    }
    assert {(r["state"], r["head"], r["actor"]) for r in found} == expected
    assert {r["headLabel"] for r in found} == {
        str(fixture.value(URIRef(head), RDFS.label)) for _, head, _ in expected
    }
    mentions = {
        r["actor"]: r["claims"]
        for r in rows(
            built.query(
                "SELECT ?actor (COUNT(DISTINCT ?c) AS ?claims) WHERE { VALUES ?actor { "
                + " ".join(f"<{actor}>" for _, _, actor in expected)
                + f" }} OPTIONAL {{ ?c <{KGD.mentions}> ?actor }} }} GROUP BY ?actor"
            )
        )
    }
    assert {r["actor"]: r["claims"] for r in found} == mentions
    assert any(int(n) > 0 for n in mentions.values())  # a head of state our claims talk about


@pytest.mark.parametrize("name", FEDERATED)
def test_federated_queries_are_refused_off_the_allowlist(
    built: OxigraphStore, endpoint: LiveServer, name: str
) -> None:
    url = endpoint.base_url + "sparql"
    before = requests_seen(endpoint)
    for federation in (None, Federation(("http://127.0.0.1:1/other",), 10)):
        with pytest.raises(QueryError) as refused:
            run_named(built, pointed_at(name, url), federation=federation)
        assert refused.value.hint == "service-refused"
    with pytest.raises(QueryError):  # as shipped, it names Wikidata, which is not allowlisted
        run_named(built, named_queries()[name], federation=Federation((url,), 10))
    assert requests_seen(endpoint) == before  # refused before any request


def test_cli_runs_a_federated_query_with_the_allowlist_setting(
    built: OxigraphStore, endpoint: LiveServer, tmp_path: Path
) -> None:
    url = endpoint.base_url + "sparql"
    store = tmp_path / "store"
    built.backup(store)
    query = tmp_path / "codes.rq"
    query.write_text(pointed_at("wikidata-country-codes", url).text, "utf-8")
    args = ["--data-dir", str(store), "query", str(query), "--format", "csv"]
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 2 and "SERVICE is allowed only" in refused.stderr
    allowed = CliRunner().invoke(cli, args, env={"KGDEBATE_SERVICE_ALLOWLIST": url})
    assert allowed.exit_code == 0, allowed.stderr
    assert f"{BASE}id/actor/russia" in allowed.stdout and ",RU,RU,true" in allowed.stdout


def test_unreachable_service_fails_clearly_unless_silent(built: OxigraphStore) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    text = f"""PREFIX owl: <{OWL}>
    SELECT ?state ?x WHERE {{
      ?state owl:sameAs <{WD}Q212> .
      SERVICE <{url}> {{ ?s ?p ?x }}
    }}"""
    federation = Federation((url,), 5)
    with pytest.raises(RemoteError, match="cannot be reached"):
        run_named(built, parse_named_query("t", "#+ title: t\n" + text), federation=federation)
    silent = parse_named_query("t", "#+ title: t\n" + text.replace("SERVICE", "SERVICE SILENT"))
    assert rows(run_named(built, silent, federation=federation)) == [
        {"state": f"{BASE}id/actor/ukraine"}
    ]


def test_catalogue_refuses_federated_queries_off_the_allowlist(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    client = snapshot_app(built, tmp_path_factory).test_client()
    for name in FEDERATED:
        response = client.get(f"/queries/{name}.json")
        assert response.status_code == 403 and response.get_json()["code"] == "service-refused"
    page = client.get("/queries").get_data(as_text=True)
    assert all(f'href="/queries/{name}"' in page for name in FEDERATED)


def test_federated_answers_are_asked_for_afresh_every_time(
    built: OxigraphStore,
    endpoint: LiveServer,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pages and named-query answers are kept by the server; a remote endpoint's are not."""
    url = endpoint.base_url + "sparql"
    codes = pointed_at("wikidata-country-codes", url)
    monkeypatch.setattr(web_catalogue, "catalogue", lambda: {"codes": codes})
    client = snapshot_app(built, tmp_path_factory, service_allowlist=(url,)).test_client()
    seen = [requests_seen(endpoint)]
    for _ in range(2):
        answer = client.get("/queries/codes.json")
        assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
        seen.append(requests_seen(endpoint))
    assert seen[2] - seen[1] == seen[1] - seen[0] > 0


def test_a_federated_query_page_runs_where_its_endpoint_is_allowed(
    built: OxigraphStore,
    endpoint: LiveServer,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 13, 5: the page says it calls a remote endpoint; its run button is disabled (and
    nothing is asked) where the settings do not allow that endpoint, enabled where they do."""
    url = endpoint.base_url + "sparql"
    codes = pointed_at("wikidata-country-codes", url)
    monkeypatch.setattr(web_catalogue, "catalogue", lambda: {"codes": codes})
    browser = {"Accept": "text/html"}
    before = requests_seen(endpoint)
    off = snapshot_app(built, tmp_path_factory).test_client().get("/queries/codes", headers=browser)
    assert off.status_code == 200 and requests_seen(endpoint) == before
    assert '<button type="submit" disabled' in off.text and '<table class="rows">' not in off.text
    app = snapshot_app(built, tmp_path_factory, service_allowlist=(url,))
    on = app.test_client().get("/queries/codes", headers=browser)
    assert on.status_code == 200
    assert "calls a remote SPARQL endpoint" in on.text and "never kept" in on.text
    assert '<button type="submit">Run</button>' in on.text
    russia = on.text[on.text.index('<a href="/doc/actor/russia"><bdi>Russia</bdi></a>') :]
    assert russia[: russia.index("</tr>")].count("<bdi>RU</bdi>") == 2  # ours, and the endpoint's


def test_service_blocks_skip_strings_comments_and_nested_groups() -> None:
    text = """# SERVICE <http://in.a/comment> { }
    SELECT * WHERE {
      ?s ?p "SERVICE <http://in.a/string> { }" .
      SERVICE   SILENT
        <http://127.0.0.1:9/sparql> { ?s ?q ?o . { ?o ?r "}" } }
      SERVICE <http://127.0.0.1:9/other>{?a ?b ?c}
    }"""
    blocks = service_blocks(text)
    assert [(b.endpoint, b.silent) for b in blocks] == [
        ("http://127.0.0.1:9/sparql", True),
        ("http://127.0.0.1:9/other", False),
    ]
    assert blocks[0].pattern.strip() == '?s ?q ?o . { ?o ?r "}" }'
    assert text[blocks[1].start : blocks[1].end] == "SERVICE <http://127.0.0.1:9/other>{?a ?b ?c}"
    with pytest.raises(QueryError, match="full IRI"):
        service_blocks("PREFIX w: <http://x/> SELECT * { SERVICE w:sparql { ?s ?p ?o } }")


class Hostile(BaseHTTPRequestHandler):
    """An allowlisted endpoint that answers with variables the SERVICE block never asked for."""

    rows = 1

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        bindings = [
            {
                "x": {"type": "literal", "value": f"x{n}"},
                "state": {"type": "uri", "value": "http://evil.example/state"},
            }
            for n in range(self.rows)
        ]
        body = json.dumps({"head": {"vars": ["x", "state"]}, "results": {"bindings": bindings}})
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_an_endpoint_binds_only_the_variables_of_its_block(
    built: OxigraphStore, hostile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"""PREFIX owl: <{OWL}>
    SELECT ?state ?x WHERE {{
      ?state owl:sameAs <{WD}Q212> .
      SERVICE <{hostile}> {{ ?s ?p ?x }}
    }}"""
    query = parse_named_query("t", "#+ title: t\n" + text)
    found = rows(run_named(built, query, federation=Federation((hostile,), 5)))
    assert found == [{"state": f"{BASE}id/actor/ukraine", "x": "x0"}]  # ?state stays ours
    monkeypatch.setattr(Hostile, "rows", 11)
    with pytest.raises(RemoteError, match="more than 10 rows"):
        run_named(built, query, federation=Federation((hostile,), 5, max_rows=10))
