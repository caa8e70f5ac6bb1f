"""The code, the ontology, the vocabularies and the schema agree, and ship with the package."""

from __future__ import annotations

from importlib import resources

import yaml
from jsonschema import Draft202012Validator
from rdflib import URIRef

from kgdebate.ingest.emit import CITATION_KINDS, CONFIDENCE, SIDES
from kgdebate.ingest.structure import annotation_schema
from kgdebate.namespaces import KGD, KGV, OWL, RDF, SKOS
from kgdebate.ontology import named_graph, ontology_graph
from kgdebate.queries import named_queries

from conftest import SEED


def declared_terms() -> set[str]:
    onto = named_graph("ontology")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    namespace = str(KGD._NS)
    return {
        str(s)[len(namespace) :]
        for kind in kinds
        for s in onto.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(namespace)
    }


def test_code_and_ontology_name_the_same_terms() -> None:
    in_code = set(KGD.__annotations__)
    assert in_code == declared_terms()


def test_every_concept_the_emitter_uses_is_in_the_vocabularies() -> None:
    vocab = named_graph("vocabularies")
    used = [*SIDES.values(), *CITATION_KINDS.values(), *CONFIDENCE.values()]
    schema = annotation_schema()["properties"]["claims"]["items"]["properties"]
    used += [KGV[kind] for kind in schema["kind"]["enum"]]
    used += [KGV[kind] for kind in schema["cites"]["items"]["properties"]["evidence"]["enum"]]
    for concept in used:
        assert (concept, RDF.type, SKOS.Concept) in vocab, concept


def test_ontology_and_queries_load_through_the_package() -> None:
    assert resources.files("kgdebate").joinpath("_ontology", "kgdebate.ttl").is_file()
    assert len(ontology_graph()) > 500
    assert "uses-of-a-figure" in named_queries()


def test_schema_is_valid_and_the_seed_follows_it() -> None:
    Draft202012Validator.check_schema(annotation_schema())
    errors = list(
        Draft202012Validator(annotation_schema()).iter_errors(
            yaml.safe_load(SEED.read_text("utf-8"))
        )
    )
    assert errors == []
