"""Named-query pages and API (Flask's test client)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from flask.testing import FlaskClient

from kgdebate.queries import named_queries, parse_named_query
from kgdebate.store import OxigraphStore
from kgdebate.web import catalogue

from conftest import BASE, SEED_ID, snapshot_app


def bindings(client: FlaskClient, url: str) -> list[dict[str, dict[str, str]]]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "application/sparql-results+json"
    rows: list[dict[str, dict[str, str]]] = json.loads(response.data)["results"]["bindings"]
    return rows


def test_catalogue_lists_every_named_query(client: FlaskClient) -> None:
    page = client.get("/queries").get_data(as_text=True)
    for name, query in named_queries().items():
        assert f'href="/queries/{name}"' in page
        assert query.title.replace("'", "&#39;") in page


def test_query_page_shows_text_form_and_rows(client: FlaskClient) -> None:
    page = client.get("/queries/claims-about-an-actor").get_data(as_text=True)
    assert "show SPARQL" in page and "SELECT DISTINCT" in page
    assert re.search(r'<input type="text" id="param-actor" name="actor"', page)
    assert f"/doc/claim/{SEED_ID}/c09" in page  # Poland by default, a linked row
    assert "/queries/claims-about-an-actor.json" in page


def test_api_binds_parameters(client: FlaskClient) -> None:
    poland = bindings(client, "/queries/claims-about-an-actor.json")
    russia = bindings(client, f"/queries/claims-about-an-actor.json?actor={BASE}id/actor/russia")
    assert poland and russia and len(russia) > len(poland)
    assert {row["_actor"]["value"] for row in russia} == {BASE + "id/actor/russia"}
    as_csv = client.get(f"/queries/claims-about-an-actor.csv?actor={BASE}id/actor/russia")
    assert as_csv.mimetype == "text/csv"
    assert len(list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))) == len(russia)


def test_hostile_parameter_values_do_not_change_the_query(client: FlaskClient) -> None:
    literal = '2022") } UNION { ?event ?p ?o } #'
    assert bindings(client, f"/queries/events-of-a-year.json?year={literal}") == []
    assert len(bindings(client, "/queries/events-of-a-year.json?year=2022")) > 0
    iri = client.get("/queries/claims-about-an-actor.json?actor=http://x> } UNION { ?s ?p ?o")
    assert iri.status_code == 400
    assert b"UNION" not in iri.data and iri.get_json()["code"] == "bad-parameter"


def test_unknown_query_parameter_and_format(client: FlaskClient) -> None:
    assert client.get("/queries/no-such-query").status_code == 404
    assert client.get("/queries/claims-about-an-actor.xml").status_code == 404
    assert client.get("/queries/claims-about-an-actor?nope=1").status_code == 400
    assert client.get("/queries/claims-about-an-actor?actor=a%0Ab").status_code == 400
    assert client.post("/queries/claims-about-an-actor").status_code == 405
    assert client.options("/queries").status_code == 204


@pytest.mark.usefixtures("uncached")
def test_query_pages_walk_the_ordered_rows(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = [row["claim"]["value"] for row in bindings(client, "/queries/unanswered-claims.json")]
    monkeypatch.setattr(catalogue, "ROWS_PER_PAGE", 4)
    assert len(every) > 2 * 4
    seen: list[str] = []
    for number in range(len(every)):
        page = client.get(f"/queries/unanswered-claims?page={number}").get_data(as_text=True)
        seen += [BASE + "id/" + c for c in re.findall(r'<td><a href="/doc/(claim/[^"]+)"', page)]
        if "next →" not in page:
            break
    assert seen == every  # every row once, in the query's own order
    assert client.get("/queries/unanswered-claims?page=x").status_code == 400


def test_the_api_says_when_rows_were_cut(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    client = snapshot_app(built, tmp_path_factory, max_rows=3).test_client()
    cut = client.get("/queries/unanswered-claims.json")
    assert cut.status_code == 206 and cut.headers["X-Result-Truncated"] == "true"
    assert len(cut.get_json()["results"]["bindings"]) == 3
    whole = client.get("/queries/uses-of-a-figure.json")  # two claims use the 84% poll
    assert whole.status_code == 200 and "X-Result-Truncated" not in whole.headers


def test_a_runaway_named_query_is_stopped_while_others_are_answered(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    runaway = parse_named_query(
        "runaway",
        "#+ title: Every quadruple of triples\n"
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }\n",
    )
    monkeypatch.setattr(catalogue, "catalogue", lambda: {**named_queries(), "runaway": runaway})
    app = snapshot_app(built, tmp_path_factory, query_timeout_s=1.0)
    slow = app.test_client().get("/queries/runaway.json")
    assert slow.status_code == 503 and slow.get_json()["code"] == "query-timeout"
    assert len(bindings(app.test_client(), "/queries/events-of-a-year.json?year=2022")) > 0
