"""The SPARQL 1.1 Service Description of ``/sparql`` (what ``GET /sparql`` without a query says).

``sd:endpoint`` comes from the ``public_url`` setting, never from the Host header (security.md
3b-17). The result formats listed are exactly those :mod:`kgdebate.web.conneg` serves.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kgdebate.config import Settings
from kgdebate.media_types import GRAPH_TYPES, RESULT_TYPES
from kgdebate.namespaces import RDF, SD


def service_description(settings: Settings, graphs: Iterable[str], fmt: ox.RdfFormat) -> bytes:
    """The description serialized in ``fmt``, listing the stored named graphs."""
    service = ox.BlankNode()
    dataset = ox.BlankNode()
    default_graph = ox.BlankNode()

    def sd(term: str) -> ox.NamedNode:
        return ox.NamedNode(str(SD[term]))

    a = ox.NamedNode(str(RDF.type))
    triples = [
        ox.Triple(service, a, sd("Service")),
        ox.Triple(service, sd("endpoint"), ox.NamedNode(settings.endpoint_iri)),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        # The default graph of a query is the union of every stored graph.
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, a, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, a, sd("Graph")),
    ]
    if settings.service_allowlist:
        triples.append(ox.Triple(service, sd("feature"), sd("BasicFederatedQuery")))
    for fmt_iri in [f.iri for f in RESULT_TYPES.values()] + [f.iri for f in GRAPH_TYPES.values()]:
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(fmt_iri)))
    for name in graphs:
        named = ox.BlankNode()
        triples += [
            ox.Triple(dataset, sd("namedGraph"), named),
            ox.Triple(named, a, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(name)),
        ]
    return ox.serialize(triples, format=fmt, prefixes={"sd": str(SD), "rdf": str(RDF)}) or b""
