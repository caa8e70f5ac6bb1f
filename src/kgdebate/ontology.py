"""The trusted graphs shipped with the package: ontology, vocabularies, shapes.

They load from the package (``kgdebate/_ontology`` links to the repository's ``ontology/``), never
from user input, so user data can never add a shape or an axiom.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from rdflib import BNode, Graph, URIRef

from kgdebate.namespaces import RDF, RDFS, SKOS, new_graph

ONTOLOGY_FILES = {"ontology": "kgdebate.ttl", "vocabularies": "vocabularies.ttl"}
SHAPES_DIR = "shapes"
"""One Turtle file per part of the model (claims, actors, events…) and ``index.ttl``."""


def read_ontology_file(name: str) -> bytes:
    return resources.files("kgdebate").joinpath("_ontology", *name.split("/")).read_bytes()


def _parse(*names: str) -> Graph:
    graph = new_graph()
    for name in names:
        graph.parse(data=read_ontology_file(name), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The OWL ontology and the SKOS vocabularies, together (what SHACL needs as context)."""
    return _parse(*ONTOLOGY_FILES.values())


@cache
def validation_context() -> Graph:
    """What SHACL needs from the ontology: the class hierarchy and the vocabularies.

    ``sh:class`` follows ``rdfs:subClassOf*`` in the data graph, and vocabulary shapes check
    ``skos:inScheme``. Handing pyshacl the whole ontology (``ont_graph``) instead costs minutes: it
    deep-copies every blank-node structure (``owl:unionOf`` lists, restrictions) on each call.
    """
    context = new_graph()
    for s, _, o in ontology_graph().triples((None, RDFS.subClassOf, None)):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            context.add((s, RDFS.subClassOf, o))
    for triple in named_graph("vocabularies"):
        if triple[1] in (RDF.type, SKOS.inScheme) and not isinstance(triple[0], BNode):
            context.add(triple)
    return context


def shapes_files() -> list[str]:
    """The shapes' files, as ``read_ontology_file`` names them, in a stable order."""
    folder = resources.files("kgdebate").joinpath("_ontology", SHAPES_DIR)
    found = sorted(item.name for item in folder.iterdir() if item.name.endswith(".ttl"))
    return [f"{SHAPES_DIR}/{name}" for name in found]


@cache
def shapes_graph() -> Graph:
    return _parse(*shapes_files())


def named_graph(name: str) -> Graph:
    """One of the ``ONTOLOGY_FILES`` as its own graph (for loading into the store)."""
    return _parse(ONTOLOGY_FILES[name])
