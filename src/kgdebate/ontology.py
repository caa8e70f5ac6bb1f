"""The trusted graphs shipped with the package: ontology, vocabularies, shapes.

They load from the package (``kgdebate/_ontology`` links to the repository's ``ontology/``), never
from user input, so user data can never add a shape or an axiom.

Oxigraph has no reasoner, so two RDFS entailments that queries expect are written into the store
with the triples they follow from (README, *SPARQL*): an ``rdf:type`` to each of our superclasses
beside every type of ours (:func:`with_superclass_types`: ``?s a kgd:Statistic`` finds a poll), and
an ``rdfs:label`` beside every ``skos:prefLabel`` of the vocabularies (:func:`named_graph`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from rdflib import BNode, Graph, URIRef

from kgdebate.namespaces import KGD, RDF, RDFS, SKOS, new_graph

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
def _labels() -> dict[str, str]:
    return {
        str(s): str(o)
        for s, o in ontology_graph().subject_objects(RDFS.label)
        if isinstance(s, URIRef) and (getattr(o, "language", None) or "en") == "en"
    }


def ontology_label(iri: str) -> str | None:
    """The English (or untagged) ``rdfs:label`` the ontology gives a term of ours, if any."""
    return _labels().get(iri)


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
    """One of the ``ONTOLOGY_FILES`` as its own graph (for loading into the store); a concept's
    ``skos:prefLabel`` is its ``rdfs:label`` too (SKOS makes it a sub-property), so the queries
    that ask for ``rdfs:label`` find concepts as they find everything else."""
    graph = _parse(ONTOLOGY_FILES[name])
    for concept, _, label in list(graph.triples((None, SKOS.prefLabel, None))):
        graph.add((concept, RDFS.label, label))
    return graph


@cache
def superclasses() -> dict[str, frozenset[str]]:
    """Each class of ours (by IRI) with superclasses of ours: all of them, however far up
    (``kgd:Alliance`` → ``kgd:InternationalOrganization``, ``kgd:Actor``). The classes of the
    vocabularies we align to (``schema:``, ``prov:``…) are not followed: ask for those with
    ``rdf:type/rdfs:subClassOf*``."""
    graph, ours = ontology_graph(), str(KGD._NS)
    found = {}
    for cls in set(graph.subjects(RDFS.subClassOf, None)):
        above = {
            str(c)
            for c in graph.transitive_objects(cls, RDFS.subClassOf)
            if isinstance(c, URIRef) and c != cls and str(c).startswith(ours)
        }
        if isinstance(cls, URIRef) and str(cls).startswith(ours) and above:
            found[str(cls)] = frozenset(above)
    return found


def with_superclass_types(graph: Graph) -> Graph:
    """``graph``, changed in place: beside each ``rdf:type`` of ours, one to each superclass."""
    for subject, _, cls in list(graph.triples((None, RDF.type, None))):
        for above in superclasses().get(str(cls), ()) if isinstance(cls, URIRef) else ():
            graph.add((subject, RDF.type, URIRef(above)))
    return graph
