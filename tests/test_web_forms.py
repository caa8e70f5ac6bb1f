"""Named-query forms and tables for people (issue 13, items 5 and 6), with Flask's test client.

Forms take an IRI, a slug or a name; a bad value gives a browser the page again with the error
beside its field and an API client the JSON error; federated queries say they need a remote
endpoint; tables show labels linked to local pages, titles in words, typed values as values,
and a thing repeated down several rows once.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kgdebate.errors import ParameterError
from kgdebate.names import choices, resolve
from kgdebate.queries import Parameter, named_queries, parse_named_query
from kgdebate.store import OxigraphStore
from kgdebate.web import catalogue
from kgdebate.web.tables import columns_of, grouped
from kgdebate.web.terms import TermView

from conftest import BASE, SEED_ID, snapshot_app

HTML = {"Accept": "text/html,application/xhtml+xml"}
JSON = {"Accept": "application/json"}
ACTOR = BASE + "def/kgdebate#Actor"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RUSSIA = BASE + "id/actor/russia"


def actors_of(client: FlaskClient, value: str) -> set[str]:
    response = client.get("/queries/claims-about-an-actor.json", query_string={"actor": value})
    assert response.status_code == 200, response.get_data(as_text=True)
    return {row["_actor"]["value"] for row in response.get_json()["results"]["bindings"]}


def table_of(page: str) -> str:
    found = re.search(r'<table class="rows">.*?</table>', page, re.S)
    assert found, "no table on the page"
    return found.group(0)


# ── parameters: an IRI, a slug or a name ───────────────────────────────────────────────────


@pytest.mark.parametrize(
    "value",
    [RUSSIA, f"<{RUSSIA}>", "russia", "actor/russia", "Russia", "RUSSIA", "Moscow", "the kremlin"],
)
def test_an_actor_is_given_by_iri_slug_or_name(client: FlaskClient, value: str) -> None:
    """'Moscow' is also a place: the parameter's class (kgd:Actor) leaves the actor alone."""
    assert actors_of(client, value) == {RUSSIA}


def test_a_name_in_the_form_runs_the_query_and_keeps_the_value(client: FlaskClient) -> None:
    page = client.get("/queries/claims-about-an-actor?actor=Kyiv", headers=HTML)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert 'name="actor" value="Kyiv"' in text
    assert '<a href="/doc/actor/ukraine"><bdi>Ukraine</bdi></a>' in table_of(text)
    assert "/queries/claims-about-an-actor.json?actor=Kyiv" in text  # the API takes it too


def test_the_exact_name_wins_over_the_same_name_in_another_case() -> None:
    store = OxigraphStore(None)
    label, kind = ox.NamedNode(RDFS_LABEL), ox.NamedNode(RDF_TYPE)
    upper, lower = ox.NamedNode("http://e/upper"), ox.NamedNode("http://e/lower")
    store.replace_graphs(
        {
            "http://e/graph": [
                ox.Triple(upper, label, ox.Literal("US")),
                ox.Triple(lower, label, ox.Literal("us")),
                ox.Triple(upper, kind, ox.NamedNode("http://e/Thing")),
                ox.Triple(lower, kind, ox.NamedNode("http://e/Thing")),
            ]
        }
    )
    any_thing = Parameter("x")
    assert resolve(store, any_thing, "US", BASE) == upper.value
    assert resolve(store, any_thing, "us", BASE) == lower.value
    with pytest.raises(ParameterError) as ambiguous:  # neither exactly: both, in any case
        resolve(store, any_thing, "Us", BASE)
    assert {iri for iri, _ in ambiguous.value.candidates} == {upper.value, lower.value}
    assert "2 things have this name" in str(ambiguous.value)


@pytest.fixture
def classless(monkeypatch: pytest.MonkeyPatch) -> None:
    """A named query whose IRI parameter names no class: 'Moscow' is then an actor and a place."""
    query = parse_named_query(
        "what-is",
        "#+ title: What a thing is\n"
        "#+ parameters:\n"
        "#+   thing: {type: iri, description: the thing}\n"
        "SELECT ?_thing ?type WHERE { ?_thing a ?type }\n",
    )
    monkeypatch.setattr(catalogue, "catalogue", lambda: {**named_queries(), "what-is": query})


@pytest.mark.usefixtures("classless", "uncached")
def test_an_ambiguous_name_is_a_400_listing_the_candidates(client: FlaskClient) -> None:
    api = client.get("/queries/what-is.json?thing=Moscow", headers=JSON)
    assert api.status_code == 400 and api.mimetype == "application/json"
    error = api.get_json()
    assert set(error) == {"error", "code"} and error["code"] == "bad-parameter"
    assert RUSSIA in error["error"] and BASE + "id/place/moscow" in error["error"]
    assert "(Russia)" in error["error"] and "(Moscow)" in error["error"]

    page = client.get("/queries/what-is?thing=Moscow", headers=HTML)
    assert page.status_code == 400 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert 'name="thing" value="Moscow"' in text and 'aria-invalid="true"' in text
    field = text.index('id="param-thing"')
    error_at = text.index('id="error-thing"')
    assert field < error_at < text.index("</form>")  # beside its field, inside the form
    for iri in (RUSSIA, BASE + "id/place/moscow"):  # each candidate runs the query with it
        assert f'href="/queries/what-is?thing={iri}"' in text and f"<code>{iri}</code>" in text
    assert '<table class="rows">' not in text  # nothing ran


@pytest.mark.usefixtures("uncached")
def test_an_unknown_name_says_what_was_tried_and_where_to_look(client: FlaskClient) -> None:
    api = client.get("/queries/claims-about-an-actor.json?actor=Atlantis", headers=JSON)
    assert api.status_code == 400 and set(api.get_json()) == {"error", "code"}
    assert api.get_json()["code"] == "bad-parameter"
    assert "Atlantis" not in api.get_data(as_text=True)  # the input is never echoed

    page = client.get("/queries/claims-about-an-actor?actor=Atl<an>tis", headers=HTML)
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert "<title>Error: What the collection says about an actor — kgdebate</title>" in text
    assert 'value="Atl&lt;an&gt;tis"' in text and "<an>" not in text
    error = text[text.index('id="error-actor"') : text.index("</form>")]
    assert "No actor has this IRI, slug or name" in error
    assert "as a slug (actor/…)" in error and "exactly and in any case" in error
    assert 'href="/search?q=Atl%3Can%3Etis"' in error
    assert (
        '<link rel="stylesheet"' in text and '<nav aria-label="Site">' in text
    )  # in the site's layout


def test_a_bad_iri_shows_the_form_to_a_browser_and_json_to_a_client(client: FlaskClient) -> None:
    value = "http://x> } UNION { ?s ?p ?o"
    page = client.get("/queries/claims-about-an-actor", query_string={"actor": value}, headers=HTML)
    assert page.status_code == 400 and "Not a valid IRI." in page.get_data(as_text=True)
    api = client.get("/queries/claims-about-an-actor", query_string={"actor": value}, headers=JSON)
    assert api.status_code == 400 and api.get_json()["code"] == "bad-parameter"


def test_the_form_offers_the_names_of_its_class(client: FlaskClient) -> None:
    text = client.get("/queries/claims-about-an-actor", headers=HTML).get_data(as_text=True)
    assert 'list="choices-actor"' in text
    offered = re.search(r'<datalist id="choices-actor">(.*?)</datalist>', text, re.S)
    assert offered is not None
    names = re.findall(r'<option value="([^"]*)">', offered.group(1))
    assert "North Atlantic Treaty Organization" in names and "Russia" in names
    assert "Istanbul talks" not in names and "Dolmabahçe Palace" not in names  # not actors
    assert names == sorted(names) and len(names) == len(set(names))


def test_the_names_are_read_once_per_store_and_capped(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str | None] = []

    def counted(store: OxigraphStore, rdf_class: str | None) -> object:
        calls.append(rdf_class)
        return choices(store, rdf_class)

    monkeypatch.setattr(catalogue, "choices", counted)
    app = snapshot_app(built, tmp_path_factory, page_cache_mb=0)
    client = app.test_client()
    for value in ("poland", "russia", "Kyiv"):
        assert client.get(f"/queries/claims-about-an-actor?actor={value}").status_code == 200
    assert calls == [ACTOR]
    assert 0 < len(choices(built, ACTOR, limit=3)) <= 3
    assert 0 < len(choices(built, None, limit=5)) <= 5  # no class: any labelled thing


# ── queries that need a remote endpoint ────────────────────────────────────────────────────


def test_federated_queries_say_so_and_cannot_be_run_where_not_allowed(
    client: FlaskClient, worker_runs: list[str]
) -> None:
    listing = client.get("/queries").get_data(as_text=True)
    for name in ("wikidata-country-codes", "heads-of-state-per-wikidata"):
        entry = listing[listing.index(f'href="/queries/{name}"') :]
        entry = entry[: entry.index("</dd>")]
        assert "Calls a remote SPARQL endpoint" in entry and "not runnable on this server" in entry
        page = client.get(f"/queries/{name}", headers=HTML)
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        assert re.search(r'<button type="submit" disabled aria-describedby="remote-note">', text)
        assert 'id="remote-note"' in text and "service_allowlist" in text
        assert '<table class="rows">' not in text
        api = client.get(f"/queries/{name}.json", headers=JSON)
        assert api.status_code == 403 and api.get_json()["code"] == "service-refused"
    local = client.get("/queries").get_data(as_text=True)
    assert local.count("Calls a remote SPARQL endpoint") == 2
    assert worker_runs == []  # nothing was sent to run
    page = client.get("/queries/unanswered-claims").get_data(as_text=True)
    assert "disabled" not in page and "remote-note" not in page


# ── readable tables ─────────────────────────────────────────────────────────────────────────


def test_tables_show_labels_linked_to_local_pages_and_titles_in_words(client: FlaskClient) -> None:
    table = table_of(client.get("/queries/claims-about-an-actor").get_data(as_text=True))
    titles = re.findall(r'<th scope="col">([^<]*)</th>', table)
    assert titles == [
        "Actor",
        "Claim",
        "Side",
        "Theme",
        "Document",
        "Paragraph",
        "From character",
        "To character",
    ]  # ?statement: the claim's label, ?quote: its words, both in the claim's cell
    assert '<a href="/doc/actor/poland"><bdi>Poland</bdi></a>' in table
    claim = re.search(rf'<a href="/doc/claim/{SEED_ID}/c09">(.*?)</a>', table)
    assert claim and '<span class="paraphrase"><bdi>That could further' in claim[1]
    assert '<q class="words"><bdi>' in claim[1]
    unanswered = table_of(client.get("/queries/unanswered-claims").get_data(as_text=True))
    assert f'<a href="/doc/document/{SEED_ID}"><bdi>Should the Biden' in unanswered  # looked up
    figure_page = client.get("/queries/uses-of-a-figure").get_data(as_text=True)
    figure = table_of(figure_page)
    assert '<th scope="col">Claim citing it</th>' in figure  # the header's own title
    assert '<q class="words">' in figure and 'value="paraphrase"' in figure_page  # ?exact


@pytest.mark.parametrize(
    "name", sorted(n for n, q in named_queries().items() if "SERVICE" not in q.text)
)
def test_no_table_shows_a_raw_iri_of_ours_or_a_typed_literal(
    client: FlaskClient, name: str
) -> None:
    text = client.get(f"/queries/{name}").get_data(as_text=True)
    table = table_of(text) if '<table class="rows">' in text else ""
    assert "<bdi>" + BASE + "id/" not in table
    assert "^^" not in table and "XMLSchema#" not in table
    assert not re.search(r"<th[^>]*>_", table)  # no variable names as titles


def test_labels_not_returned_by_the_query_are_read_in_one_query(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, uncached: None
) -> None:
    calls: list[int] = []
    original = catalogue.labels_of

    def counted(store: OxigraphStore, terms: set[ox.NamedNode]) -> object:
        calls.append(len(terms))
        return original(store, terms)

    monkeypatch.setattr(catalogue, "labels_of", counted)
    client.get("/queries/event-and-claims")
    assert calls == [1]  # the event: the other columns, the claim too, come with their labels


def test_typed_values_show_as_values_with_their_type_on_hover(client: FlaskClient) -> None:
    figures = table_of(client.get("/queries/figures-without-source").get_data(as_text=True))
    assert '<td><bdi title="xsd:integer" class="nowrap">2</bdi></td>' in figures  # two uses of 84%
    events = table_of(client.get("/queries/events-of-a-year").get_data(as_text=True))
    assert '<bdi title="xsd:date" class="nowrap">2022-03-29</bdi>' in events


def test_an_event_with_several_participants_is_one_group_of_rows(client: FlaskClient) -> None:
    api = json.loads(client.get("/queries/events-of-a-year.json").data)["results"]["bindings"]
    istanbul = BASE + "id/event/istanbul-talks-2022"
    participants = [r["participantLabel"]["value"] for r in api if r["event"]["value"] == istanbul]
    assert participants == ["Russia", "Turkey", "Ukraine"]  # the API keeps a row per participant
    table = table_of(client.get("/queries/events-of-a-year").get_data(as_text=True))
    assert table.count('href="/doc/event/istanbul-talks-2022"') == 1
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    first = next(i for i, row in enumerate(rows) if "istanbul-talks-2022" in row)
    assert re.search(r'<td rowspan="3"><a href="/doc/event/istanbul-talks-2022">', rows[first])
    shown = [re.findall(r'href="/doc/actor/([a-z-]+)"', row) for row in rows[first : first + 3]]
    assert shown == [["russia"], ["turkey"], ["ukraine"]]
    assert '<th scope="col">Participant</th>' in table and ">Label<" not in table


def test_panels_group_a_claim_that_both_cites_and_mentions(client: FlaskClient) -> None:
    text = client.get("/doc/event/istanbul-talks-2022", headers=HTML).get_data(as_text=True)
    panel = re.search(r'<section class="panel" id="panel-claims-about">.*?</section>', text, re.S)
    assert panel is not None
    table = table_of(panel.group(0))
    assert table.count(f'href="/doc/claim/{SEED_ID}/c14"') == 1
    assert re.search(r"<td><bdi>cites</bdi></td>.*<td><bdi>mentions</bdi></td>", table, re.S)
    assert re.findall(r'<th scope="col">([^<]*)</th>', table) == [
        "Claim",
        "How",
        "Theme",
        "Document",
    ]


def test_rows_join_the_cells_they_share_with_the_row_above() -> None:
    a, b, x, y = (TermView(t) for t in "abxy")
    shown = grouped([[a, x, y], [a, x, b], [a, y, b], [a, x, y], [b, x, y]])
    spans = [[cell.rowspan if cell else 0 for cell in row] for row in shown]
    # the fourth row repeats the first: not shown again; a cell joins only under joined cells
    assert spans == [[3, 2, 1], [0, 0, 1], [0, 1, 1], [1, 1, 1]]


def test_columns_take_labels_and_titles_from_the_header() -> None:
    query = named_queries()["restated-claims"]
    names = ["claim", "statement", "document", "earlier", "earlierStatement", "earlierDate"]
    columns = columns_of(names, query.columns)
    assert [(c.name, c.title, c.label) for c in columns] == [
        ("claim", "Claim", "statement"),
        ("document", "Document", None),
        ("earlier", "Restates", "earlierStatement"),
        ("earlierDate", "Earlier date", None),
    ]
    pair = columns_of(["event", "eventLabel", "_year"])
    assert [(c.title, c.label) for c in pair] == [("Event", "eventLabel"), ("Year", None)]
