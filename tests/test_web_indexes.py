"""/actors: every actor with the claims that name it by side and its positions, faceted by kind,
in two orders, and as the same rows in JSON and CSV (issue 13, item 2)."""

from __future__ import annotations

import csv
import io
import re

from flask.testing import FlaskClient

from kgdebate.store import OxigraphStore

ACTORS_QUERY = """
PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?a { ?a a ?k . ?k rdfs:subClassOf* kgd:Actor }
"""


def _html(client: FlaskClient, path: str) -> str:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def _counts(page: str) -> dict[str, list[int]]:
    rows = re.findall(
        r'<tr><td><a href="/doc/actor/([a-z0-9-]+)">.*?</a></td><td>[^<]*</td>'
        r"<td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td></tr>",
        page,
    )
    return {slug: [int(n) for n in numbers] for slug, *numbers in rows}


def test_every_actor_is_listed_with_its_claims_by_side(
    client: FlaskClient, built: OxigraphStore
) -> None:
    actors = {row["a"].value.rsplit("/", 1)[-1] for row in built.query(ACTORS_QUERY)}
    counts = _counts(_html(client, "/actors"))
    assert set(counts) == actors
    mentioning = built.query(
        "PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#> SELECT (COUNT(DISTINCT ?c) AS ?n) "
        "{ VALUES ?r { kgd:mentions kgd:cites } ?c ?r <https://w3id.org/kgdebate/id/actor/russia> }"
    )
    assert sum(counts["russia"][:3]) == int(next(iter(mentioning))["n"].value) > 0


def test_a_kind_facet_filters_and_claims_order_sorts(client: FlaskClient) -> None:
    every = _counts(_html(client, "/actors"))
    states = _counts(_html(client, "/actors?kind=state"))
    assert states and set(states) < set(every) and "russia" in states
    assert "<span>state (" in _html(client, "/actors?kind=state")
    ranked = list(_counts(_html(client, "/actors?sort=claims")).values())
    totals = [sum(numbers[:3]) for numbers in ranked]
    assert totals == sorted(totals, reverse=True)
    assert client.get("/actors?kind=no-such-kind").status_code == 404
    assert client.get("/actors?sort=sideways").status_code == 400


def test_the_same_rows_as_json_and_csv(client: FlaskClient) -> None:
    as_json = client.get("/actors.json").get_json()["results"]["bindings"]
    as_csv = list(csv.DictReader(io.StringIO(client.get("/actors.csv").get_data(as_text=True))))
    assert [row["actor"]["value"] for row in as_json] == [row["actor"] for row in as_csv]
    assert len(as_json) == len(_counts(_html(client, "/actors")))


def test_the_claims_index_has_every_claim_with_its_quote_and_facets(
    client: FlaskClient, built: OxigraphStore
) -> None:
    claims = built.query(
        "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c a <https://w3id.org/kgdebate/def/kgdebate#Claim> }"
    )
    page = _html(client, "/claims")
    rows = re.findall(r'<tr><td><a href="/doc/claim/', page)
    assert len(rows) == int(next(iter(claims))["n"].value) > 0
    assert "Therefore, the Biden administration should not push" in page  # quoted words
    against = _html(client, "/claims?side=against+the+motion")
    shown = re.findall(r"<td>(for the motion|against the motion)</td>", against)
    assert shown and set(shown) == {"against the motion"}
    assert client.get("/claims?side=sideways").status_code == 404
    assert client.get("/claims.json").get_json()["results"]["bindings"]
