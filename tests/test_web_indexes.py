"""The indexes (issue 13, item 2): /documents, /actors, /events, /claims and /figures, each the
rows the store holds, faceted, ordered by any column, paged, and the same page as JSON and CSV."""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from urllib.parse import urlencode

import pytest
from flask.testing import FlaskClient

from kgdebate.store import OxigraphStore
from kgdebate.web.jobs import query_pool_holder

from conftest import BASE, SEED_ID, snapshot_app

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


# ── every index: rows, facets, orders, pages, formats, errors ─────────────────────────────────

PREFIXES = """
PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# What each index lists, asked of the store directly: one row per IRI (figures: per figure and
# each document whose claims cite it, or once without a document).
LISTED = {
    "documents": "SELECT DISTINCT ?x { ?x a kgd:SourceDocument }",
    "actors": "SELECT DISTINCT ?x { ?x a ?k . ?k rdfs:subClassOf* kgd:Actor }",
    "events": "SELECT DISTINCT ?x { ?x a kgd:Event }",
    "claims": "SELECT DISTINCT ?x { ?x a kgd:Claim }",
    "figures": "SELECT DISTINCT ?x ?d { ?x a/rdfs:subClassOf* kgd:Statistic OPTIONAL { "
    "?c kgd:citedEntity ?x ; kgd:citingClaim ?claim . ?claim kgd:inDocument ?d } }",
}
ROW_LINK = re.compile(r'<tr><td(?: class="date")?><a href="/doc/([^"]+)">')


def _listed(store: OxigraphStore, name: str) -> set[str]:
    return {row["x"].value.split("/id/", 1)[1] for row in store.query(PREFIXES + LISTED[name])}


def _count(store: OxigraphStore, where: str) -> int:
    query = f"{PREFIXES} SELECT (COUNT(DISTINCT ?x) AS ?n) {{ {where} }}"
    return int(next(iter(store.query(query)))["n"].value)


def _rows(page: str) -> list[str]:
    """The first cell's page of each row of the index table (the thing the row is about)."""
    return ROW_LINK.findall(page[page.index("<tbody>") : page.index("</tbody>")])


def _cells(page: str, column: int) -> list[str]:
    body = page[page.index("<tbody>") : page.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", body)
    return [re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", r)[column]) for r in rows]


def _walk(client: FlaskClient, path: str) -> list[list[str]]:
    """Every page of ``path``, following its "next" links to the end."""
    pages = []
    while path:
        page = _html(client, path)
        pages.append(_rows(page))
        following = re.search(r'<a href="([^"]+)" rel="next">', page)
        base = path.split("?", 1)[0]
        path = base + html.unescape(following.group(1)) if following else ""
    return pages


@pytest.mark.parametrize("name", sorted(LISTED))
def test_every_index_lists_what_the_store_holds_over_disjoint_pages(
    client: FlaskClient, built: OxigraphStore, name: str
) -> None:
    pages = _walk(client, f"/{name}?size=3")
    rows = [row for page in pages for row in page]
    listed = len(list(built.query(PREFIXES + LISTED[name])))
    assert [len(page) for page in pages] == [3] * (listed // 3) + [listed % 3] * (listed % 3 > 0)
    assert len(rows) == len(set(rows)) or name == "figures"  # pages do not overlap
    assert rows == _rows(_html(client, f"/{name}?size=1000"))  # and are the whole, in order
    assert set(rows) == _listed(built, name) and len(rows) == listed
    assert f"of {listed};" in _html(client, f"/{name}")


def test_documents_show_their_kind_date_claims_and_warnings(
    client: FlaskClient, built: OxigraphStore
) -> None:
    page = _html(client, "/documents")
    seed = f"{BASE}id/document/{SEED_ID}"
    claims = _count(built, f"?x kgd:inDocument <{seed}>")
    row = re.search(rf'<tr><td><a href="/doc/document/{SEED_ID}">.*?</tr>', page)
    assert row is not None
    assert '<td class="date">2023-11-16</td>' in row.group(0)
    assert f"<td>debate</td><td>{claims}</td><td>5</td></tr>" in row.group(0)
    assert "Belfer Center" in row.group(0)


def test_events_show_their_dates_participants_and_citing_claims(
    client: FlaskClient, built: OxigraphStore
) -> None:
    page = _html(client, "/events")
    istanbul = f"<{BASE}id/event/istanbul-talks-2022>"
    row = re.search(r'<tr><td><a href="/doc/event/istanbul-talks-2022">.*?</tr>', page)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))
    participants = _count(
        built,
        f"{{ {istanbul} kgd:hasParticipation/kgd:participant ?x }} "
        f"UNION {{ {istanbul} kgd:participant ?x }}",
    )
    claims = _count(built, f"?c kgd:citedEntity {istanbul} ; kgd:citingClaim ?x")
    assert cells[2] == "2022-03-29" and cells[5:] == [str(participants), str(claims)]
    assert participants > 1 and claims > 0
    assert '<td class="date">' in row.group(0)


def test_figures_say_when_no_source_is_given(client: FlaskClient, built: OxigraphStore) -> None:
    unsourced = _count(
        built, "?x a/rdfs:subClassOf* kgd:Statistic FILTER NOT EXISTS { ?x kgd:source ?s }"
    )
    page = _html(client, "/figures")
    assert f"no source given</a> ({unsourced})" in page
    assert _cells(page, 5).count("no source given citation needed") == unsourced > 0
    assert "84%" in _cells(page, 0) and "percent" in _cells(page, 1)
    assert ">as of</" in page  # a column for the date each figure describes
    chosen = _html(client, "/figures?source=no+source+given")
    assert len(_rows(chosen)) == unsourced


@pytest.mark.parametrize(
    ("path", "param", "column"),
    [("/events", "kind", 1), ("/documents", "kind", 3), ("/claims", "side", 2)],
)
def test_a_facet_filters_and_counts_over_the_whole_filtered_set(
    client: FlaskClient, path: str, param: str, column: int
) -> None:
    every = _html(client, path + "?size=1000")
    values = Counter(_cells(every, column))
    value, count = values.most_common(1)[0]
    chosen = _html(client, f"{path}?{urlencode({param: value, 'size': 1000})}")
    assert set(_cells(chosen, column)) == {value} and len(_rows(chosen)) == count
    small = _html(client, f"{path}?size=1")  # counts are of every row, not of the page
    assert f">{value}</a> ({count})" in small
    facet = re.search(rf'aria-label="Facet: {param}">(.*?)</nav>', small, re.S)
    assert facet is not None
    assert sum(map(int, re.findall(r"\((\d+)\)", facet.group(1)))) == len(_rows(every))


def test_facets_combine_and_their_counts_follow_the_filter(client: FlaskClient) -> None:
    wars = _html(client, "/events?kind=war")
    years = re.search(r'aria-label="Facet: year">(.*?)</nav>', wars, re.S)
    assert years is not None
    counts = [int(n) for n in re.findall(r"\((\d+)\)", years.group(1))]
    assert sum(counts) == len(_rows(wars)) == 2
    one = _html(client, "/events?kind=war&year=2008")
    assert _rows(one) == ["event/russo-georgian-war-2008"]
    assert client.get("/events?kind=war&year=1999").status_code == 404  # no event has it


@pytest.mark.parametrize(
    ("path", "column", "kind"),
    [
        ("/events?sort=start", 2, "date"),
        ("/events?sort=-start", 2, "date"),
        ("/documents?sort=-claims", 4, "number"),
        ("/actors?sort=actor", 0, "text"),
        ("/figures?sort=-value", 0, "text"),
        ("/claims?sort=-kind", 4, "text"),
    ],
)
def test_a_column_orders_the_rows_both_ways(
    client: FlaskClient, path: str, column: int, kind: str
) -> None:
    cells = _cells(_html(client, path + "&size=1000"), column)
    known = [cell for cell in cells if cell]
    assert cells == known + [""] * (len(cells) - len(known))  # rows without a value last
    descending = "sort=-" in path
    if kind == "number":
        assert [int(c) for c in known] == sorted(map(int, known), reverse=descending)
    elif kind == "date":
        assert known == sorted(known, reverse=descending)
    elif path.startswith("/figures"):  # ordered by the number, shown as worded
        assert known.index("18 million") < known.index("6 million") < known.index("84%")
    else:
        folded = [cell.casefold() for cell in known]
        assert folded == sorted(folded, reverse=descending)


def test_links_keep_the_facets_the_order_and_the_page_size(client: FlaskClient) -> None:
    page = _html(client, "/claims?side=for+the+motion&sort=-kind&size=5")
    header = page[page.index("<thead>") : page.index("</thead>")]
    assert 'aria-sort="descending"><a href="?side=for+the+motion&amp;sort=kind&amp;size=5"' in (
        header
    )
    assert 'href="?side=for+the+motion&amp;sort=quote&amp;size=5"' in header
    following = re.search(r'<a href="([^"]+)" rel="next">', page)
    assert following is not None
    assert html.unescape(following.group(1)) == "?side=for+the+motion&sort=-kind&size=5&page=1"
    kinds = re.search(r'aria-label="Facet: kind">(.*?)</nav>', page, re.S)
    assert kinds is not None
    kept = {"side=for+the+motion", "sort=-kind", "size=5"}
    for link in re.findall(r'href="([^"]+)"', kinds.group(1)):
        assert kept <= set(html.unescape(link)[1:].split("&"))
    second = _html(client, "/claims?side=for+the+motion&sort=-kind&size=5&page=1")
    assert 'href="?side=for+the+motion&amp;sort=-kind&amp;size=5" rel="prev"' in second


def test_json_and_csv_are_the_rows_of_the_same_page(client: FlaskClient) -> None:
    query = "?side=against+the+motion&sort=-document&size=7&page=1"
    shown = _rows(_html(client, "/claims" + query))
    as_json = client.get("/claims.json" + query)
    as_csv = client.get("/claims.csv" + query)
    bindings = as_json.get_json()["results"]["bindings"]
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    ids = [row["claim"]["value"].split("/id/", 1)[1] for row in bindings]
    assert ids == shown == [row["claim"].split("/id/", 1)[1] for row in rows]
    assert len(shown) == 7
    assert as_csv.mimetype == "text/csv"
    following = query.replace("page=1", "page=2")
    assert as_json.headers["Link"] == f'</claims.json{following}>; rel="next"'
    last = client.get("/events.json?size=1000")
    assert "Link" not in last.headers


@pytest.mark.parametrize(
    "query",
    [
        "sort=sideways",
        "sort=--start",
        "page=-1",
        "page=one",
        "size=0",
        "size=1000000",
        "colour=red",
    ],
)
def test_bad_parameters_are_400_as_a_page_or_as_json(client: FlaskClient, query: str) -> None:
    api = client.get(f"/events?{query}", headers={"Accept": "application/json"})
    assert api.status_code == 400
    assert set(api.get_json()) == {"error", "code"} and api.get_json()["code"].startswith("bad-")
    browser = client.get(f"/events?{query}", headers={"Accept": "text/html"})
    assert browser.status_code == 400 and browser.mimetype == "text/html"
    assert api.get_json()["error"] in browser.get_data(as_text=True)
    assert query not in api.get_json()["error"]  # never echoes the input


def test_a_page_past_the_last_is_404(client: FlaskClient) -> None:
    assert client.get("/events?page=1").status_code == 404
    assert client.get("/events.json?page=1000").status_code == 404


def test_the_indexes_link_each_other_and_the_front_page_links_them(client: FlaskClient) -> None:
    home = _html(client, "/")
    for name in LISTED:
        assert f'href="/{name}"' in home
        page = _html(client, f"/{name}")
        nav = page[page.index('<nav class="indexes"') :]
        nav = nav[: nav.index("</nav>")]
        assert f'<span aria-current="page">{name.capitalize()}</span>' in nav
        assert all(f'href="/{other}"' in nav for other in LISTED if other != name)
        assert "<caption>" in page and '<th scope="col"' in page


@pytest.mark.slow
def test_the_documents_of_the_corpus_are_paged(
    corpus_built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = snapshot_app(corpus_built, tmp_path_factory)
    try:
        client = app.test_client()
        pages = _walk(client, "/documents")
        documents = _count(corpus_built, "?x a kgd:SourceDocument")
        assert documents > 300 and [len(p) for p in pages[:-1]] == [100] * (len(pages) - 1)
        assert len({row for page in pages for row in page}) == documents
        speeches = _count(corpus_built, "?x a kgd:Speech")
        assert f">speech</a> ({speeches})" in _html(client, "/documents")
    finally:
        query_pool_holder(app).stop()
