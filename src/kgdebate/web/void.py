"""The VoID description of the dataset, computed by SPARQL over the store (once per app).

Counts (triples, entities, class partitions, owl:sameAs links to Wikidata) come from the
``void-*`` page queries; the endpoint and dump URLs from ``settings.public_url``.

Linksets are for targets whose things have IRIs: Wikidata, the only one today. ISO 3166-1,
Correlates of War, Gleditsch-Ward and CAMEO codes have no IRIs of their own (ISO publishes no
Linked Data for them; the others are code lists), so they are stored as typed literals and
described as property partitions with their counts, not as links.
"""

from __future__ import annotations

import pyoxigraph as ox

from kgdebate.config import Settings
from kgdebate.namespaces import DCTERMS, FOAF, OWL, PREFIXES, RDF, VOID, WD, WIKIDATA, XSD
from kgdebate.store import Term, TripleStore
from kgdebate.web.context import context
from kgdebate.web.linked_data import public
from kgdebate.web.page_sparql import page_query

CACHE_KEY = "kgdebate.void"


def _rows(store: TripleStore, name: str, **bindings: Term) -> list[ox.QuerySolution]:
    result = store.query(page_query(name), substitutions=bindings)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def _count(rows: list[ox.QuerySolution]) -> int:
    return int(rows[0]["n"].value) if rows else 0


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(str(XSD.integer)))


def void_triples(store: TripleStore, settings: Settings) -> list[ox.Triple]:
    """The dataset, its class and identifier partitions and its linkset to Wikidata."""
    here = public(settings.public_url, ".well-known/void")
    dataset = ox.NamedNode(here + "#dataset")
    space = settings.base_iri + "id/"

    def v(term: str) -> ox.NamedNode:
        return ox.NamedNode(str(VOID) + term)

    def add(s: ox.NamedNode | ox.BlankNode, p: str | ox.NamedNode, o: Term) -> None:
        triples.append(ox.Triple(s, p if isinstance(p, ox.NamedNode) else ox.NamedNode(p), o))

    triples: list[ox.Triple] = []
    add(dataset, str(RDF.type), v("Dataset"))
    add(dataset, str(DCTERMS.title), ox.Literal("kgdebate", language="en"))
    add(dataset, str(DCTERMS.license), ox.NamedNode(settings.data_license))
    add(dataset, v("triples"), _int(_count(_rows(store, "void-triples"))))
    entities = _rows(store, "void-entities", _space=ox.Literal(space))
    add(dataset, v("entities"), _int(_count(entities)))
    add(dataset, v("uriSpace"), ox.Literal(space))
    add(dataset, v("sparqlEndpoint"), ox.NamedNode(public(settings.public_url, "sparql")))
    for suffix in ("trig", "nq"):
        add(dataset, v("dataDump"), ox.NamedNode(public(settings.public_url, f"dump.{suffix}")))
    for row in _rows(store, "void-examples"):
        add(dataset, v("exampleResource"), ox.NamedNode(row["example"].value))
    for vocabulary in _vocabularies(store):
        add(dataset, v("vocabulary"), ox.NamedNode(vocabulary))
    for index, row in enumerate(_rows(store, "void-classes")):
        partition = ox.NamedNode(f"{here}#class-{index + 1}")
        add(dataset, v("classPartition"), partition)
        add(partition, v("class"), row["class"])
        add(partition, v("entities"), _int(int(row["n"].value)))
    for row in _rows(store, "void-identifiers"):
        name = row["property"].value.rsplit("#", 1)[-1]
        partition = ox.NamedNode(f"{here}#identifiers-{name}")
        add(dataset, v("propertyPartition"), partition)
        add(partition, v("property"), row["property"])
        add(partition, v("triples"), _int(int(row["n"].value)))
        add(partition, v("distinctSubjects"), _int(int(row["subjects"].value)))
    linkset = ox.NamedNode(here + "#wikidata-links")
    wikidata = ox.NamedNode(here + "#wikidata")
    add(wikidata, str(RDF.type), v("Dataset"))
    add(wikidata, str(FOAF.homepage), ox.NamedNode(str(WIKIDATA)))
    add(wikidata, v("uriSpace"), ox.Literal(str(WD)))
    add(linkset, str(RDF.type), v("Linkset"))
    add(linkset, v("subjectsTarget"), dataset)
    add(linkset, v("objectsTarget"), wikidata)
    add(linkset, v("linkPredicate"), ox.NamedNode(str(OWL.sameAs)))
    add(linkset, v("triples"), _int(_count(_rows(store, "void-wikidata-links"))))
    add(dataset, v("subset"), linkset)
    return triples


def _vocabularies(store: TripleStore) -> list[str]:
    """Namespaces (from the one prefix map) of the properties the data uses."""
    namespaces = sorted(PREFIXES.values(), key=len, reverse=True)
    found = set()
    for row in _rows(store, "void-properties"):
        iri = row["p"].value
        match = next((ns for ns in namespaces if iri.startswith(ns)), None)
        if match is not None:
            found.add(match)
    return sorted(found)


def cached_void() -> list[ox.Triple]:
    """Computed once per app: the store is read-only while the app runs."""
    ctx = context()
    return ctx.derive(CACHE_KEY, lambda: void_triples(ctx.store, ctx.settings))
