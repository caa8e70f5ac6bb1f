"""Sources an analyst can trust (issue 13, item 9): every source names its primary source, where a
copy of it was seen is kept apart (``kgd:retrievedFrom``), and no text shown to readers cites the
project's internal facts sheet."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from kgdebate.config import Settings
from kgdebate.errors import InputError
from kgdebate.ingest.pipeline import ingest_files, prepare
from kgdebate.namespaces import KGD, SCHEMA
from kgdebate.store import OxigraphStore

from conftest import BASE, FULL_DATA, SEED, SEED_ID

INTERNAL_CITATION = re.compile(r"facts\.md|§|\bS[0-9]{1,2}\b")
"""The facts sheet by name, a section marker, or one of its source keys ("S17")."""
SEED_DOCUMENT = URIRef(f"{BASE}id/document/{SEED_ID}")


def strings(value: object) -> list[str]:
    """Every string of a loaded YAML document (comments are gone: they never reach the graph)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@pytest.fixture(scope="module")
def reference() -> Graph:
    graph = Graph()
    for path in sorted((FULL_DATA / "reference").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


# --- notes shown to readers ----------------------------------------------------------------------


def test_no_literal_of_the_built_graph_cites_the_facts_sheet(built: OxigraphStore) -> None:
    result = built.query(
        "SELECT DISTINCT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER isLiteral(?o) }"
    )
    assert isinstance(result, ox.QuerySolutions)
    found = [
        (row["s"], row["o"].value)
        for row in result
        if isinstance(row["o"], ox.Literal) and INTERNAL_CITATION.search(row["o"].value)
    ]
    assert not found


def test_no_reference_text_cites_the_facts_sheet(reference: Graph) -> None:
    found = [
        (s, str(o))
        for s, _, o in reference
        if isinstance(o, Literal) and INTERNAL_CITATION.search(str(o))
    ]
    assert not found


def test_no_annotation_text_cites_the_facts_sheet() -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found = []
    paths = sorted((FULL_DATA / "annotations").rglob("*.yaml"))
    assert len(paths) > 300  # the seed and the UN General Debate speeches
    for path in paths:
        data = yaml.load(path.read_text("utf-8"), Loader=loader)
        found += [(path.name, s) for s in strings(data) if INTERNAL_CITATION.search(s)]
    assert not found


def test_the_check_knows_an_internal_citation_when_it_sees_one() -> None:
    for text in ("seen in facts.md", "(§3)", "three sources: S8, S10, S14"):
        assert INTERNAL_CITATION.search(text), text
    for text in ("S-300 missiles", "Sevastopol", "84% in 2023"):
        assert not INTERNAL_CITATION.search(text), text


# --- reference data: each source is its primary source -------------------------------------------


def test_issue_13_every_reference_source_is_a_source_node_not_a_bare_link(
    reference: Graph,
) -> None:
    sources = set(reference.objects(None, DCTERMS.source))
    assert len(sources) > 30
    for source in sources:
        if source == SEED_DOCUMENT:  # the seed document itself, defined by its annotation
            continue
        assert (source, RDF.type, KGD.ExternalSource) in reference, source
        assert reference.value(source, DCTERMS.title) is not None, source


def test_issue_13_a_source_without_its_own_address_says_where_it_was_seen(
    reference: Graph,
) -> None:
    for source in reference.subjects(RDF.type, KGD.ExternalSource):
        own = set(reference.objects(source, SCHEMA.url))
        seen = set(reference.objects(source, KGD.retrievedFrom))
        assert own or seen, source  # no link is lost
        assert not own & seen, source


@pytest.mark.parametrize(
    ("copy", "source", "publisher"),
    [
        # a Wikipedia mirror, a reprint on a blog and a Wikipedia mirror, as the facts sheet says
        ("https://kiwix.haohe.fun/", "wikipedia-karen-donfried", "Wikipedia"),
        ("http://panafricannews.blogspot.com/", "tass-2022-03-03-second-round-of-talks", "TASS"),
        ("https://www.search.com.vn/", "wikipedia-2023-ukrainian-counteroffensive", "Wikipedia"),
        ("https://wikimili.com/", "wikipedia-black-sea-grain-initiative", "Wikipedia"),
    ],
)
def test_issue_13_a_copy_is_where_the_source_was_seen_not_its_address(
    reference: Graph, copy: str, source: str, publisher: str
) -> None:
    node = URIRef(f"{BASE}id/source/{source}")
    assert str(reference.value(node, DCTERMS.publisher)) == publisher
    assert reference.value(node, SCHEMA.url) is None
    assert any(str(o).startswith(copy) for o in reference.objects(node, KGD.retrievedFrom))
    assert not any(str(o).startswith(copy) for o in reference.objects(None, SCHEMA.url))


def test_issue_13_the_istanbul_talks_rest_on_the_lcil_timeline_first(reference: Graph) -> None:
    talks = URIRef(f"{BASE}id/event/istanbul-talks-2022")
    titles = {
        str(reference.value(s, DCTERMS.title)) for s in reference.objects(talks, DCTERMS.source)
    }
    assert "Key events and dates" in titles
    lcil = URIRef(f"{BASE}id/source/lcil-ukraine-peace-settlement-key-events")
    assert str(reference.value(lcil, SCHEMA.url)).startswith("https://www.lcil.cam.ac.uk/")


# --- annotations: `retrieved_from` ----------------------------------------------------------------


def test_an_annotation_s_source_keeps_its_copies_apart(
    store: OxigraphStore, settings: Settings
) -> None:
    [outcome] = ingest_files([SEED], store, settings)
    assert outcome.error is None, str(outcome.error)
    source = ox.NamedNode(f"{BASE}id/source/unhcr-global-trends-2023")
    graph = ox.NamedNode(f"{BASE}graph/source/unhcr-global-trends-2023")
    triples = {(t.predicate.value, t.object.value) for t in store.triples(graph.value)}
    assert (str(DCTERMS.publisher), "UNHCR") in triples
    assert (
        str(KGD.retrievedFrom),
        "https://v4na.com/en/hundreds-of-millions-of-people-worldwide-are-forced-to-leave-their-homes-129899/",
    ) in triples
    assert not [p for p, _ in triples if p == str(SCHEMA.url)]
    assert {t.subject for t in store.triples(graph.value)} == {source}


def test_a_copy_that_is_not_a_web_address_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    text = SEED.read_text("utf-8")
    old = '      - "https://www.tbsnews.net/'
    assert text.count(old) == 1
    path = tmp_path / SEED.name
    path.write_text(text.replace(old, '      - "file:///www.tbsnews.net/'), "utf-8")
    with pytest.raises(InputError, match=r"retrieved_from"):
        prepare(path, store, settings)
