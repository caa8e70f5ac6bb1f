"""What the store holds beyond what was written (issue 13, 8): the RDFS entailments that queries
expect and Oxigraph, which has no reasoner, cannot draw. An instance of a class of ours is typed
with each superclass of ours, in its own graph; a concept's ``skos:prefLabel`` is its
``rdfs:label`` too."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
import yaml

from kgdebate.namespaces import KGD, KGV, RDFS, SKOS
from kgdebate.ontology import named_graph, superclasses
from kgdebate.queries import run_query
from kgdebate.store import OxigraphStore

from conftest import BASE, SEED

ANNOTATION: dict[str, Any] = yaml.safe_load(SEED.read_text("utf-8"))
POLL = f"{BASE}id/statistic/ukrainians-support-fighting-84"
PREFIXES = f"PREFIX kgd: <{KGD._NS}>\nPREFIX rdfs: <{RDFS}>\nPREFIX skos: <{SKOS}>\n"


def values(store: OxigraphStore, query: str) -> list[str]:
    result = run_query(store, PREFIXES + query)
    assert isinstance(result, ox.QuerySolutions)
    return [row[0].value for row in result]


def test_issue_13_a_poll_is_a_statistic(built: OxigraphStore) -> None:
    statistics = values(built, "SELECT ?s { ?s a kgd:Statistic }")
    assert POLL in statistics
    assert sorted(statistics) == sorted(  # each figure once, the poll among them
        f"{BASE}id/statistic/{s['id']}" for s in ANNOTATION["statistics"]
    )
    own_graph = f"{BASE}graph/statistic/ukrainians-support-fighting-84"
    types = values(built, f"SELECT ?t {{ GRAPH <{own_graph}> {{ <{POLL}> a ?t }} }}")
    assert sorted(types) == [str(KGD.Poll), str(KGD.Statistic)]


def test_issue_13_reference_actors_are_actors(built: OxigraphStore) -> None:
    actors = set(values(built, "SELECT ?a { ?a a kgd:Actor }"))
    kinds = set(values(built, "SELECT DISTINCT ?a { ?a a ?k . ?k rdfs:subClassOf+ kgd:Actor }"))
    assert f"{BASE}id/actor/ukraine" in actors and f"{BASE}id/actor/nato" in actors
    assert actors == kinds  # every actor of every kind, and nothing else


def test_issue_13_rdfs_label_finds_a_concept(built: OxigraphStore) -> None:
    query = 'SELECT ?c { ?c rdfs:label "for the motion"@en }'
    assert values(built, query) == [str(KGV["for-motion"])]
    graph = named_graph("vocabularies")
    assert {(s, o) for s, _, o in graph.triples((None, SKOS.prefLabel, None))} == {
        (s, o) for s, _, o in graph.triples((None, RDFS.label, None))
    }


def test_only_our_own_superclasses_are_followed() -> None:
    assert superclasses()[str(KGD.Alliance)] == {str(KGD.InternationalOrganization), str(KGD.Actor)}
    assert superclasses()[str(KGD.Poll)] == {str(KGD.Statistic)}
    assert all(str(c).startswith(str(KGD._NS)) for found in superclasses().values() for c in found)
    assert str(KGD.Claim) not in superclasses()  # only aligned to schema:, amo:, aif:, prov:
