"""VoID, the dumps and the ontology at its IRI (Flask's test client)."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient
from rdflib import Graph

from kgdebate.namespaces import KGD
from kgdebate.store import OxigraphStore

from conftest import BASE, DATA

PUBLIC = "https://kgdebate.example/"
VOID = "http://rdfs.org/ns/void#"
DATASET = ox.NamedNode(PUBLIC + ".well-known/void#dataset")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture(scope="module")
def app_settings() -> dict[str, object]:
    return {"public_url": PUBLIC}


def void_graph(client: FlaskClient) -> ox.Store:
    response = client.get("/.well-known/void", headers={"Host": "evil.example"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = ox.Store()
    graph.load(response.data, format=ox.RdfFormat.TURTLE)
    return graph


def one(graph: ox.Store, subject: ox.NamedNode | ox.BlankNode, term: str) -> ox.Term:
    found = [q.object for q in graph.quads_for_pattern(subject, ox.NamedNode(VOID + term), None)]
    assert len(found) == 1, term
    return found[0]


def count(store: OxigraphStore, sparql: str) -> int:
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return int(next(iter(result))[0].value)


def test_void_counts_equal_sparql_counts(client: FlaskClient, built: OxigraphStore) -> None:
    graph = void_graph(client)
    assert int(one(graph, DATASET, "triples").value) == len(built)
    entities = count(
        built,
        f"""SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?t .
        FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }}""",
    )
    assert int(one(graph, DATASET, "entities").value) == entities
    claims = count(
        built, f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{BASE}def/kgdebate#Claim> }}"
    )
    partitions = [
        q.object
        for q in graph.quads_for_pattern(DATASET, ox.NamedNode(VOID + "classPartition"), None)
    ]
    claim_partition = next(
        p for p in partitions if one(graph, p, "class") == ox.NamedNode(BASE + "def/kgdebate#Claim")
    )
    assert int(one(graph, claim_partition, "entities").value) == claims == 42
    links = count(
        built,
        """SELECT (COUNT(*) AS ?n) { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o
        FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/")) }""",
    )
    linkset = next(
        q.subject
        for q in graph.quads_for_pattern(
            None,
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode(VOID + "Linkset"),
            None,
        )
    )
    assert int(one(graph, linkset, "triples").value) == links > 0


def test_void_urls_come_from_settings(client: FlaskClient) -> None:
    graph = void_graph(client)
    assert one(graph, DATASET, "sparqlEndpoint") == ox.NamedNode(PUBLIC + "sparql")
    assert one(graph, DATASET, "uriSpace") == ox.Literal(BASE + "id/")
    dumps = {
        q.object.value
        for q in graph.quads_for_pattern(DATASET, ox.NamedNode(VOID + "dataDump"), None)
    }
    assert dumps == {PUBLIC + "dump.trig", PUBLIC + "dump.nq"}
    vocabularies = {
        q.object.value
        for q in graph.quads_for_pattern(DATASET, ox.NamedNode(VOID + "vocabulary"), None)
    }
    assert {BASE + "def/kgdebate#", "http://www.w3.org/ns/oa#"} <= vocabularies
    assert list(graph.quads_for_pattern(DATASET, ox.NamedNode(VOID + "exampleResource"), None))


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ],
)
def test_void_negotiates(client: FlaskClient, accept: str, fmt: ox.RdfFormat) -> None:
    response = client.get("/.well-known/void", headers={"Accept": accept})
    assert response.mimetype == accept and "Accept" in response.headers["Vary"]
    assert len(list(ox.parse(response.data, format=fmt))) > 20


def test_void_in_rdf_xml_is_the_same_description(client: FlaskClient) -> None:
    turtle = client.get("/.well-known/void?format=ttl")
    xml = client.get("/.well-known/void?format=rdf", headers={"Accept": "text/turtle"})
    assert xml.mimetype == "application/rdf+xml"
    assert {q.triple for q in ox.parse(xml.data, format=ox.RdfFormat.RDF_XML)} == {
        q.triple for q in ox.parse(turtle.data, format=ox.RdfFormat.TURTLE)
    }
    assert 'type="application/rdf+xml"' in xml.headers["Link"]


@pytest.mark.parametrize(
    ("suffix", "fmt"), [("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)]
)
def test_dumps_round_trip(
    client: FlaskClient, built: OxigraphStore, suffix: str, fmt: ox.RdfFormat
) -> None:
    response = client.get(f"/dump.{suffix}")
    assert response.status_code == 200 and response.is_streamed
    empty = ox.Store()
    empty.load(io.BytesIO(response.data), format=fmt)
    assert len(empty) == len(built)
    assert set(ox.NamedNode(g) for g in built.graph_names()) == set(empty.named_graphs())


@pytest.mark.parametrize(
    ("accept", "suffix", "media_type", "fmt"),
    [
        ("*/*", None, "text/turtle", ox.RdfFormat.TURTLE),
        ("application/ld+json", None, "application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", None, "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", None, "application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("text/html", "rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("text/html", "ttl", "text/turtle", ox.RdfFormat.TURTLE),
    ],
)
def test_ontology_rdf_at_its_iri(
    client: FlaskClient, accept: str, suffix: str | None, media_type: str, fmt: ox.RdfFormat
) -> None:
    url = "/def/kgdebate" + (f".{suffix}" if suffix else "")
    response = client.get(url, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media_type
    triples = [q.triple for q in ox.parse(response.data, format=fmt)]
    assert any(t.subject == ox.NamedNode(BASE + "def/kgdebate#Claim") for t in triples)


def test_ontology_html_lists_terms_with_anchors(client: FlaskClient) -> None:
    response = client.get("/def/kgdebate", headers={"Accept": "text/html"})
    page = response.get_data(as_text=True)
    assert response.mimetype == "text/html"
    assert 'id="Claim"' in page and 'id="rebuts"' in page and 'id="wikidataId"' in page
    assert "kgdebate ontology" in page
    assert client.get("/def/kgdebate.exe").status_code == 404


def test_wellknown_routes_answer_head_and_options(client: FlaskClient) -> None:
    assert client.head("/dump.nq").status_code == 200
    assert client.options("/.well-known/void").status_code == 204
    post = client.post("/.well-known/void")
    assert post.status_code == 405 and "GET" in post.headers["Allow"]
    assert client.get("/dump.zip").status_code == 404


def subjects(store: OxigraphStore, sparql: str) -> list[str]:
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return [row["s"].value for row in result]


def test_void_counts_identifier_codes_and_wikidata_links_per_target(
    client: FlaskClient, built: OxigraphStore
) -> None:
    graph = void_graph(client)
    partitions = {
        one(graph, p, "property").value: p
        for p in (
            q.object
            for q in graph.quads_for_pattern(
                DATASET, ox.NamedNode(VOID + "propertyPartition"), None
            )
        )
    }
    kgd = BASE + "def/kgdebate#"
    states = subjects(built, f"SELECT ?s WHERE {{ ?s a <{kgd}State> }}")
    for name in ("iso3166Alpha2", "iso3166Alpha3", "iso3166Numeric", "cowCode", "gwCode"):
        having = subjects(built, f"SELECT ?s WHERE {{ ?s <{kgd}{name}> ?code }}")
        assert int(one(graph, partitions[kgd + name], "triples").value) == len(having)
        assert set(having) == set(states) and len(states) == 11  # every state, once
    events = Graph().parse(data=(DATA / "reference" / "events.ttl").read_bytes(), format="turtle")
    coded = set(events.subjects(KGD.cameoEventCode, None))
    cameo = partitions[kgd + "cameoEventCode"]
    assert int(one(graph, cameo, "triples").value) == len(coded) > 0
    assert int(one(graph, cameo, "distinctSubjects").value) == len(coded)
    linksets = list(graph.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(VOID + "Linkset")))
    assert len(linksets) == 1  # Wikidata: the one target whose things have IRIs
    target = one(graph, linksets[0].subject, "objectsTarget")
    homepage = ox.NamedNode("http://xmlns.com/foaf/0.1/homepage")
    assert [q.object.value for q in graph.quads_for_pattern(target, homepage, None)] == [
        "http://www.wikidata.org/"
    ]
