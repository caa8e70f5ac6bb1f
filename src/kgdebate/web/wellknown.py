"""Dataset-level documents: ``/.well-known/void``, the dumps, and the ontology at its IRI.

VoID is Turtle by default and negotiates JSON-LD, N-Triples and RDF/XML; the dumps stream every
graph (TriG, N-Quads) in batches, never building the whole dataset in memory; the ontology
(``/def/kgdebate``) negotiates Turtle, HTML, JSON-LD, N-Triples and RDF/XML, the HTML being a
plain rendering of its classes and properties with labels and definitions.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request

from kgdebate.namespaces import DCTERMS, KGD, OWL, RDF, RDFS, SKOS
from kgdebate.ontology import read_ontology_file
from kgdebate.queries import short
from kgdebate.store import Term, TripleStore
from kgdebate.web.context import context
from kgdebate.web.linked_data import (
    FORMATS,
    answer_options_with_204,
    negotiate,
    negotiated_headers,
    public,
    rdf_response,
)
from kgdebate.web.void import cached_void

bp = Blueprint("wellknown", __name__)
answer_options_with_204(bp)

VOID_FORMATS = tuple(f for f in FORMATS if f.oxigraph is not None)  # every RDF format, no HTML
ONTOLOGY_FORMATS = FORMATS
DUMPS = {"trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}
DUMP_BATCH = 5_000
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
TERM_KINDS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
)


@bp.get("/.well-known/void")
def void() -> Response:
    suffix = request.args.get("format")
    if suffix is not None and suffix not in {f.suffix for f in VOID_FORMATS}:
        abort(404)
    fmt = negotiate(suffix, VOID_FORMATS)
    response = rdf_response(cached_void(), fmt)
    url = public(context().settings.public_url, ".well-known/void")
    negotiated_headers(
        response, {f.suffix: f"{url}?format={f.suffix}" for f in VOID_FORMATS}, VOID_FORMATS
    )
    return response


@bp.get("/dump.<suffix>")
def dump(suffix: str) -> Response:
    if suffix not in DUMPS:
        abort(404)
    fmt = DUMPS[suffix]
    response = Response(_stream_quads(context().store, fmt), mimetype=fmt.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="kgdebate.{suffix}"'
    return response


def _stream_quads(store: TripleStore, fmt: ox.RdfFormat) -> Iterator[bytes]:
    """Every quad of every named graph, serialized a batch at a time (TriG repeats graph blocks,
    which TriG allows)."""
    result = store.query(ALL_QUADS)
    assert isinstance(result, ox.QuerySolutions)
    rows = iter(result)
    while batch := list(itertools.islice(rows, DUMP_BATCH)):
        quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in batch]
        yield ox.serialize(quads, format=fmt) or b""


@bp.get("/def/kgdebate", defaults={"suffix": None})
@bp.get("/def/kgdebate.<suffix>")
def ontology(suffix: str | None) -> Response:
    by_suffix = {f.suffix: f for f in ONTOLOGY_FORMATS}
    if suffix is not None and suffix not in by_suffix:
        abort(404)
    fmt = by_suffix[suffix] if suffix else negotiate(None, ONTOLOGY_FORMATS)
    if fmt.oxigraph is None:
        response = Response(
            render_template("ontology.html", **ontology_page()), mimetype="text/html"
        )
    else:
        response = rdf_response(list(ontology_triples()), fmt)
    url = public(context().settings.public_url, "def/kgdebate")
    negotiated_headers(
        response, {f.suffix: f"{url}.{f.suffix}" for f in ONTOLOGY_FORMATS}, ONTOLOGY_FORMATS
    )
    return response


@cache
def ontology_triples() -> tuple[ox.Triple, ...]:
    data = read_ontology_file("kgdebate.ttl")
    return tuple(q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE))


@cache
def ontology_page() -> dict[str, object]:
    """Header, then each kind of term (classes, properties) with label, definition, axioms."""
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in ontology_triples())
    ns = str(KGD._NS)

    def values(subject: ox.NamedNode, predicate: str) -> list[Term]:
        return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]

    def first(subject: ox.NamedNode, predicate: str) -> str:
        found = [t.value for t in values(subject, predicate) if isinstance(t, ox.Literal)]
        return min(found) if found else ""

    sections = []
    for title, kind in TERM_KINDS:
        subjects = sorted(
            (
                q.subject
                for q in store.quads_for_pattern(
                    None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(kind))
                )
                if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(ns)
            ),
            key=lambda s: s.value,
        )
        terms = [
            {
                "name": s.value[len(ns) :],
                "label": first(s, str(RDFS.label)),
                "definition": first(s, str(SKOS.definition)),
                "parents": [
                    short(t)
                    for t in values(s, str(RDFS.subClassOf)) + values(s, str(RDFS.subPropertyOf))
                    if isinstance(t, ox.NamedNode)
                ],
                "domain": [
                    short(t) for t in values(s, str(RDFS.domain)) if isinstance(t, ox.NamedNode)
                ],
                "range": [
                    short(t) for t in values(s, str(RDFS.range)) if isinstance(t, ox.NamedNode)
                ],
            }
            for s in subjects
        ]
        sections.append((title, terms))
    header = ox.NamedNode(ns.rstrip("#"))
    return {
        "iri": header.value,
        "title": first(header, str(DCTERMS.title)),
        "description": first(header, str(DCTERMS.description)),
        "sections": sections,
    }
