"""Accepting reviewed proposals: the links go into reference data, with who accepted them and when.

Each accepted QID becomes ``kgd:wikidataId "Q…"`` and ``owl:sameAs wd:Q…`` on the entity, in a
Turtle file of the reference folder (by default ``wikidata-links.ttl``, so the next build loads
it), with an editorial note in words and a PROV-O record: one ``prov:Activity`` per acceptance,
associated with the curator (``prov:Person`` with ``foaf:name``), ended at the time of
acceptance, using the endpoint, and generating the ``owl:sameAs`` statement (an
``rdf:Statement``). The file is written whole or not at all; an entity that already has a QID
(in the reference data or in the target file, wherever it is), or is not in the reference data,
stops the acceptance before anything is written, with the reviewed file's line.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kgdebate.build import read_reference
from kgdebate.errors import InputError
from kgdebate.files import write_atomically
from kgdebate.linking.proposals import Decision, Reviewed
from kgdebate.namespaces import (
    DEFAULT_BASE,
    FOAF,
    KGD,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    WD,
    XSD,
    new_graph,
)

LINKS_FILE = "wikidata-links.ttl"


def accept(
    reviewed: Reviewed,
    curator: str,
    reference_dir: Path,
    target: Path,
    when: datetime,
    base_iri: str = DEFAULT_BASE,
) -> int:
    """Write the accepted links to ``target``; the number of links written.

    Entities are named in the proposals as the store names them (under ``base_iri``) and are
    written as reference data names them (under the default base).
    """
    if not curator.strip():
        raise InputError("an acceptance needs the curator's name (--curator)")
    _check_iri(reviewed.endpoint, "endpoint")
    reference = read_reference(reference_dir, DEFAULT_BASE)
    decisions = [
        replace(d, entity=DEFAULT_BASE + d.entity[len(base_iri) :])
        if d.entity.startswith(base_iri + "id/")
        else d
        for d in reviewed.decisions
    ]
    links = new_graph()
    if target.exists():
        try:
            links.parse(data=target.read_bytes(), format="turtle", publicID=DEFAULT_BASE)
        except Exception as exc:  # noqa: BLE001 - rdflib's parser raises many kinds of error
            raise InputError(f"{target}: not valid Turtle ({type(exc).__name__})") from None
    for decision in decisions:
        where = f"{reviewed.path}:{decision.line}: "
        _check_iri(decision.entity, where + "entity")
        _check_described(reference, decision, where)
        _check_unlinked(reference, decision, where, "the reference data")
        _check_unlinked(links, decision, where, str(target))
    stamp = Literal(when.isoformat(timespec="seconds"), datatype=XSD.dateTime)
    for decision in decisions:
        _add(links, decision, curator.strip(), reviewed.endpoint, stamp)
    write_atomically(target, links.serialize(format="longturtle"))
    return len(decisions)


def _check_iri(iri: str, what: str) -> None:
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise InputError(f"{what} {iri!r} is not a valid IRI") from None


def _check_described(reference: Graph, decision: Decision, where: str) -> None:
    if (URIRef(decision.entity), RDF.type, None) not in reference:
        raise InputError(
            f"{where}{decision.entity}: not in the reference data",
            hint="run `kgdebate link` again on the current data",
        )


def _check_unlinked(graph: Graph, decision: Decision, where: str, named: str) -> None:
    """No QID for ``decision``'s entity in ``graph`` yet: an entity has one QID."""
    entity = URIRef(decision.entity)
    existing = {str(q) for q in graph.objects(entity, KGD.wikidataId)}
    existing |= {
        str(item)[len(WD) :]
        for item in graph.objects(entity, OWL.sameAs)
        if str(item).startswith(str(WD))
    }
    if existing:
        raise InputError(
            f"{where}{decision.entity} already has Wikidata ID {', '.join(sorted(existing))} "
            f"in {named}; {decision.qid} was not accepted",
            hint=f"remove the old ID from {named} first if it is wrong",
        )


def _add(links: Graph, decision: Decision, curator: str, endpoint: str, stamp: Literal) -> None:
    entity, item = URIRef(decision.entity), WD[decision.qid]
    links.add((entity, KGD.wikidataId, Literal(decision.qid)))
    links.add((entity, OWL.sameAs, item))
    how = "chosen by the curator" if decision.chosen_by_curator else "proposed by `kgdebate link`"
    note = (
        f"Wikidata QID {decision.qid} accepted by {curator} on {stamp}: {how} from {endpoint}, "
        f"score {decision.score:.2f} ({'; '.join(decision.evidence)})."
    )
    links.add((entity, SKOS.editorialNote, Literal(note, lang="en")))
    activity, person, statement = BNode(), BNode(), BNode()
    links.add((activity, RDF.type, PROV.Activity))
    links.add((activity, RDFS.label, Literal(f"{curator} accepts {decision.qid}", lang="en")))
    links.add((activity, PROV.wasAssociatedWith, person))
    links.add((activity, PROV.endedAtTime, stamp))
    links.add((activity, PROV.used, URIRef(endpoint)))
    links.add((activity, PROV.generated, statement))
    links.add((person, RDF.type, PROV.Person))
    links.add((person, FOAF.name, Literal(curator)))
    links.add((statement, RDF.type, RDF.Statement))
    links.add((statement, RDF.subject, entity))
    links.add((statement, RDF.predicate, OWL.sameAs))
    links.add((statement, RDF.object, item))
