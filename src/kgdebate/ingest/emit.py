"""Annotation → RDF: a pure function from a checked annotation to the document's triples.

No I/O here. Besides the document's graph, the emitter returns the shared things the annotation
defines (statistics, statements and sources, each with triples of its own, stored once however
many documents define or cite it), where each subject came from (the YAML path of the item that
made it), so a SHACL result on a node can name the line to edit, and what the document points at
outside itself (reference entities, shared things it does not define, other documents and their
claims), so the ingester can check that they exist. Every type of ours comes with our
superclasses of it (``ontology.with_superclass_types``: a poll is a ``kgd:Statistic`` too).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kgdebate.ingest.yamlstrict import Path_
from kgdebate.mint import Minter
from kgdebate.namespaces import (
    DCTERMS,
    KGD,
    KGV,
    OA,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    new_graph,
)
from kgdebate.ontology import with_superclass_types

QUALIFIERS = {name: KGV[name] for name in ("approximately", "on-or-before", "on-or-after")}
VALUE_QUALIFIERS = {name: KGV[name] for name in ("at-most", "at-least")}
SIDES = {"for": KGV["for-motion"], "against": KGV["against-motion"], "none": KGV["neither-side"]}
CITATION_KINDS = {
    "evidence": KGV["as-evidence"],
    "precedent": KGV["as-precedent"],
    "disputes": KGV["disputes"],
    "illustration": KGV["as-illustration"],
}
CONFIDENCE = {level: KGV[f"confidence-{level}"] for level in ("high", "medium", "low")}
FIELDS = {  # the YAML key each predicate comes from, so a SHACL result can name its line
    DCTERMS.title: "title",
    DCTERMS.publisher: "publisher",
    DCTERMS.creator: "creator",
    KGD.series: "series",
    DCTERMS.date: "date",
    SCHEMA.url: "url",
    DCTERMS.language: "language",
    DCTERMS.bibliographicCitation: "citation",
    KGD.sha256: "sha256",
    KGD.retrievedOn: "retrieved",
    KGD.retrievedFrom: "retrieved_from",
    KGD.motion: "motion",
    KGD.partOfSeries: "series",
    KGD.ledBy: "led_by",
    KGD.heldOn: "held_on",
    KGD.teamSize: "size",
    RDFS.label: "statement",
    KGD.side: "side",
    KGD.theme: "theme",
    KGD.claimKind: "kind",
    KGD.asOf: "as_of",
    KGD.dateQualifier: "date_qualifier",
    KGD.paragraph: "paragraph",
    KGD.mentions: "mentions",
    KGD.supports: "supports",
    KGD.attacks: "attacks",
    KGD.rebuts: "rebuts",
    KGD.cites: "cites",
    KGD.quote: "quote",
    OA.exact: "exact",
    OA.prefix: "prefix",
    OA.suffix: "suffix",
    OA.start: "start",
    OA.end: "end",
    KGD.value: "value",
    KGD.valueText: "value_text",
    KGD.unit: "unit",
    KGD.approximate: "approximate",
    KGD.valueQualifier: "value_qualifier",
    KGD.measures: "measures",
    KGD.population: "population",
    KGD.source: "source",
    KGD.attribution: "attribution",
    KGD.speaker: "speaker",
    KGD.words: "words",
    KGD.statedOn: "stated_on",
    KGD.attributedSource: "source",
    KGD.confidence: "confidence",
    SKOS.editorialNote: "note",
    DCTERMS.description: "description",
    KGD.restates: "restates",
    KGD.claimant: "by",
    KGD.towardMotion: "motion",
    KGD.stanceLabel: "label",
    KGD.extractedBy: "extracted",
    KGD.extractionCue: "extracted",
    KGD.deliveredAt: "event",
    KGD.onBehalfOf: "on_behalf_of",
    KGD.onMotion: "broader_motion",
    KGD.broaderMotion: "broader_motion",
}
GUESSABLE = {  # the document fields a draft may list under `draft: guessed:`
    "title": DCTERMS.title,
    "date": DCTERMS.date,
    "publisher": DCTERMS.publisher,
    "series": KGD.series,
    "url": SCHEMA.url,
    "language": DCTERMS.language,
    "citation": DCTERMS.bibliographicCitation,
}
REFERENCE_KINDS = ("actor", "event", "place")  # what a claim may mention
REFERENCE_DATA_KINDS = (*REFERENCE_KINDS, "motion")  # what only the reference data defines
DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}  # by length: the precision given
CITABLE = ("event", "statistic", "statement", "actor", "document", "source")
SHARED_KINDS = ("statistic", "statement", "source")  # stored once, in a graph of their own


@dataclass
class Definition:
    """A shared thing the annotation defines: its kind, slug, YAML path and its own triples."""

    kind: str
    slug: str
    path: Path_
    graph: Graph


@dataclass
class Emitted:
    """The document's graph, the shared things it defines, and what it points at outside."""

    graph: Graph
    document: URIRef
    origins: dict[Node, Path_] = field(default_factory=dict)
    references: dict[URIRef, tuple[str, Path_]] = field(default_factory=dict)
    definitions: dict[URIRef, Definition] = field(default_factory=dict)

    def data_graph(self) -> Graph:
        """The document's triples and those of every shared thing it defines (what SHACL sees)."""
        data = new_graph()
        data += self.graph
        for definition in self.definitions.values():
            data += definition.graph
        return data


def emit(data: dict[str, Any], minter: Minter) -> Emitted:
    """Build the RDF of one annotation (already structurally checked)."""
    return _Emitter(data, minter).run()


class _Emitter:
    def __init__(self, data: dict[str, Any], minter: Minter) -> None:
        self.data = data
        self.mint = minter
        self.doc_slug: str = data["document"]["id"]
        self.lang: str = data["document"]["language"]
        self.out = Emitted(new_graph(), minter.thing("document", self.doc_slug))

    def run(self) -> Emitted:
        self.document()
        if "debate" in self.data:
            self.debate()
        for index, item in enumerate(self.data.get("sources", [])):
            self.source(item, ("sources", index))
        for index, item in enumerate(self.data.get("statistics", [])):
            self.statistic(item, ("statistics", index))
        for index, item in enumerate(self.data.get("statements", [])):
            self.statement(item, ("statements", index))
        for index, item in enumerate(self.data.get("claims", [])):
            self.claim(item, ("claims", index))
        for graph in (self.out.graph, *(d.graph for d in self.out.definitions.values())):
            with_superclass_types(graph)  # a poll is a kgd:Statistic too, in its own graph
        return self.out

    # helpers ---------------------------------------------------------------------------------

    def add(
        self, subject: URIRef, predicate: URIRef, obj: Node | None, into: Graph | None = None
    ) -> None:
        """Add a triple to the document's graph (or to ``into``, a shared thing's graph)."""
        if obj is not None:
            (self.out.graph if into is None else into).add((subject, predicate, obj))

    def origin(
        self, subject: URIRef, path: Path_, rdf_type: URIRef, into: Graph | None = None
    ) -> URIRef:
        self.out.origins[subject] = path
        self.add(subject, RDF.type, rdf_type, into)
        return subject

    def define(self, kind: str, slug: str, path: Path_) -> tuple[URIRef, Graph]:
        """A shared thing this annotation defines, and the graph its own triples go to."""
        iri = self.mint.thing(kind, slug)
        definition = Definition(kind, slug, path, new_graph())
        self.out.definitions[iri] = definition
        return iri, definition.graph

    def shared(self, kind: str, slug: str, path: Path_) -> URIRef:
        """A shared thing; one this file does not define must already be in the store."""
        iri = self.mint.thing(kind, slug)
        if iri not in self.out.definitions:
            self.out.references.setdefault(iri, (kind, path))
        return iri

    def text(self, value: str | None, lang: bool = True) -> Literal | None:
        """Human text: NFC-normalised (one form for one string), tagged with the language."""
        if value is None:
            return None
        value = unicodedata.normalize("NFC", value)
        return Literal(value, lang=self.lang) if lang else Literal(value)

    def ref(self, kind: str, slug: str | None, path: Path_) -> URIRef | None:
        """A reference entity (actor, event, place), recorded so its existence is checked."""
        if slug is None:
            return None
        iri = self.mint.thing(kind, slug)
        self.out.references.setdefault(iri, (kind, path))
        return iri

    @staticmethod
    def date(value: str | None) -> Literal | None:
        """A day, a month (``2022-09``) or a year, typed by the precision the file gives."""
        return None if value is None else Literal(value, datatype=DATE_TYPES[len(value)])

    # sections --------------------------------------------------------------------------------

    def document(self) -> None:
        meta = self.data["document"]
        doc = self.origin(self.out.document, ("document",), KGD.SourceDocument)
        self.add(doc, DCTERMS.title, self.text(meta["title"]))
        self.add(doc, RDFS.label, self.text(meta["title"]))
        self.add(
            doc,
            DCTERMS.publisher,
            self.ref("actor", meta.get("publisher"), ("document", "publisher")),
        )
        for index, creator in enumerate(meta.get("creator", [])):
            self.add(
                doc, DCTERMS.creator, self.ref("actor", creator, ("document", "creator", index))
            )
        self.add(doc, KGD.series, self.text(meta.get("series"), lang=False))
        self.add(doc, DCTERMS.date, self.date(meta["date"]))
        self.add(doc, KGD.dateQualifier, QUALIFIERS.get(meta.get("date_qualifier", "")))
        self.add(doc, SCHEMA.url, URIRef(meta["url"]) if "url" in meta else None)
        self.add(doc, DCTERMS.language, Literal(meta["language"]))
        self.add(doc, DCTERMS.bibliographicCitation, self.text(meta.get("citation"), lang=False))
        self.add(doc, KGD.sha256, Literal(meta["sha256"]))
        self.add(doc, KGD.retrievedOn, self.date(meta.get("retrieved")))
        if "speech" in self.data:
            speech = self.data["speech"]
            self.add(doc, RDF.type, KGD.Speech)
            self.add(doc, KGD.deliveredAt, self.ref("event", speech["event"], ("speech", "event")))
            self.add(
                doc,
                KGD.onBehalfOf,
                self.ref("actor", speech["on_behalf_of"], ("speech", "on_behalf_of")),
            )
        if "draft" in self.data:  # extracted, not yet curated: say so, and which fields are guesses
            self.add(doc, RDF.type, KGD.DraftDocument)
            for name in self.data["draft"].get("guessed", []):
                self.add(doc, KGD.guessedProperty, GUESSABLE[name])

    def debate(self) -> None:
        meta = self.data["debate"]
        debate = self.origin(self.mint.thing("debate", self.doc_slug), ("debate",), KGD.Debate)
        self.add(self.out.document, KGD.records, debate)
        self.add(debate, KGD.recordedIn, self.out.document)
        self.add(debate, RDFS.label, self.text(meta["motion"]))
        self.add(debate, KGD.motion, self.text(meta["motion"], lang=False))
        # The motion as a thing of its own, so that a broader motion can carry its sides.
        motion = self.origin(self.mint.thing("motion", self.doc_slug), ("debate",), KGD.Motion)
        self.add(debate, KGD.onMotion, motion)
        self.add(motion, RDFS.label, self.text(meta["motion"]))
        self.add(
            motion,
            KGD.broaderMotion,
            self.ref("motion", meta.get("broader_motion"), ("debate", "broader_motion")),
        )
        self.add(
            debate, KGD.partOfSeries, self.ref("actor", meta.get("series"), ("debate", "series"))
        )
        self.add(debate, KGD.ledBy, self.ref("actor", meta.get("led_by"), ("debate", "led_by")))
        self.add(debate, KGD.heldOn, self.date(meta.get("held_on")))
        self.add(debate, SKOS.editorialNote, self.text(meta.get("note")))
        for index, team in enumerate(meta.get("teams", [])):
            iri = self.origin(
                self.mint.thing("team", self.doc_slug, team["side"]),
                ("debate", "teams", index),
                KGD.Team,
            )
            self.add(debate, KGD.hasTeam, iri)
            self.add(iri, RDFS.label, Literal(f"Team {team['side']} the motion", lang="en"))
            self.add(iri, KGD.side, SIDES[team["side"]])
            size = team.get("size")
            self.add(
                iri, KGD.teamSize, None if size is None else Literal(size, datatype=XSD.integer)
            )
        for index, theme in enumerate(meta["themes"]):
            iri = self.origin(self.theme_iri(theme["id"]), ("debate", "themes", index), KGD.Theme)
            self.add(debate, KGD.hasTheme, iri)
            self.add(iri, KGD.themeOf, debate)
            self.add(iri, SKOS.prefLabel, self.text(theme["title"]))
            self.add(iri, RDFS.label, self.text(theme["title"]))
            self.add(iri, KGD.order, Literal(index + 1, datatype=XSD.integer))

    def theme_iri(self, slug: str) -> URIRef:
        return self.mint.thing("theme", self.doc_slug, slug)

    def claim_iri(self, slug: str) -> URIRef:
        return self.mint.thing("claim", self.doc_slug, slug)

    def claim(self, item: dict[str, Any], path: Path_) -> None:
        claim = self.origin(self.claim_iri(item["id"]), path, KGD.Claim)
        self.add(claim, RDFS.label, self.text(item["statement"]))
        # A draft's candidate claim may lack side, theme or kind (shapes allow it in drafts only).
        self.add(claim, KGD.side, SIDES.get(item.get("side", "")))
        self.add(claim, KGD.theme, self.theme_iri(item["theme"]) if "theme" in item else None)
        self.add(claim, KGD.claimKind, KGV[item["kind"]] if "kind" in item else None)
        self.add(claim, KGD.inDocument, self.out.document)
        if "debate" in self.data:
            self.add(claim, KGD.inDebate, self.mint.thing("debate", self.doc_slug))
        as_of = item.get("as_of", self.data["document"]["date"])
        self.add(claim, KGD.asOf, self.date(as_of))
        # A claim dated by its document holds as the document's date does.
        inherited = "" if "as_of" in item else self.data["document"].get("date_qualifier", "")
        self.add(claim, KGD.dateQualifier, QUALIFIERS.get(item.get("date_qualifier", inherited)))
        if "paragraph" in item:
            self.add(claim, KGD.paragraph, Literal(item["paragraph"], datatype=XSD.positiveInteger))
        for kind in REFERENCE_KINDS:
            for index, slug in enumerate(item.get("mentions", {}).get(kind + "s", [])):
                self.add(
                    claim,
                    KGD.mentions,
                    self.ref(kind, slug, (*path, "mentions", kind + "s", index)),
                )
        for relation, predicate in (
            ("supports", KGD.supports),
            ("attacks", KGD.attacks),
            ("rebuts", KGD.rebuts),
        ):
            for index, target in enumerate(item.get(relation, [])):
                if "/" in target:  # a claim of another document (or of this one, in full)
                    target_iri = self.restated(target, (*path, relation, index))
                else:
                    target_iri = self.claim_iri(target)
                self.add(claim, predicate, target_iri)
        for index, target in enumerate(item.get("restates", [])):
            self.add(claim, KGD.restates, self.restated(target, (*path, "restates", index)))
        self.add(claim, KGD.claimant, self.ref("actor", item.get("by"), (*path, "by")))
        if "stance" in item:
            self.stance(claim, item["stance"], (*path, "stance"))
        if "extracted" in item:
            self.extracted(claim, item["extracted"])
        if "quote" in item:
            self.quote(claim, item["quote"], (*path, "quote"))
        for index, cited in enumerate(item.get("cites", [])):
            self.citation(claim, item["id"], index, cited, (*path, "cites", index))

    def stance(self, claim: URIRef, stance: dict[str, str], path: Path_) -> None:
        self.add(claim, RDF.type, KGD.Stance)
        self.add(claim, KGD.towardMotion, self.ref("motion", stance["motion"], (*path, "motion")))
        self.add(claim, KGD.stanceLabel, KGV[f"stance-{stance['label']}"])

    def extracted(self, claim: URIRef, machine: dict[str, Any]) -> None:
        """A claim a tool found: which tool, how sure, and the words that made it say so."""
        self.add(claim, KGD.extractedBy, Literal(machine["by"]))
        self.add(claim, KGD.confidence, CONFIDENCE.get(machine.get("confidence", "")))
        for cue in machine.get("cues", []):
            self.add(claim, KGD.extractionCue, Literal(cue))

    def quote(self, claim: URIRef, quote: dict[str, Any], path: Path_) -> None:
        anchor = self.origin(URIRef(f"{claim}#quote"), path, KGD.Quote)
        self.add(claim, KGD.quote, anchor)
        self.add(anchor, OA.hasSource, self.out.document)
        by_quote = self.origin(URIRef(f"{claim}#text-quote"), path, OA.TextQuoteSelector)
        by_position = self.origin(URIRef(f"{claim}#text-position"), path, OA.TextPositionSelector)
        self.add(anchor, OA.hasSelector, by_quote)
        self.add(anchor, OA.hasSelector, by_position)
        self.add(by_quote, OA.exact, Literal(quote["exact"]))  # verbatim: never normalised
        for key in ("prefix", "suffix"):
            if key in quote:
                self.add(by_quote, OA[key], Literal(quote[key]))
        for key in ("start", "end"):
            self.add(by_position, OA[key], Literal(quote[key], datatype=XSD.nonNegativeInteger))

    def citation(
        self, claim: URIRef, claim_id: str, index: int, cited: dict[str, Any], path: Path_
    ) -> None:
        iri = self.mint.thing("citation", self.doc_slug, f"{claim_id}-{index + 1}")
        self.origin(iri, path, KGD.Citation)
        kind = next(key for key in CITABLE if key in cited)
        target = self.cited_iri(kind, cited[kind], (*path, kind))
        self.add(claim, KGD.hasCitation, iri)
        self.add(claim, KGD.cites, target)
        self.add(iri, KGD.citingClaim, claim)
        self.add(iri, KGD.citedEntity, target)
        self.add(iri, KGD.citationKind, CITATION_KINDS[cited["as"]])
        if "evidence" in cited:
            self.add(iri, KGD.evidenceKind, KGV[cited["evidence"]])

    def cited_iri(self, kind: str, slug: str, path: Path_) -> URIRef:
        if kind in REFERENCE_KINDS:
            iri = self.ref(kind, slug, path)
            assert iri is not None
            return iri
        if kind == "document" and slug != self.doc_slug:
            self.out.references.setdefault(self.mint.thing(kind, slug), (kind, path))
        if kind in SHARED_KINDS:
            return self.shared(kind, slug, path)
        return self.mint.thing(kind, slug)

    def restated(self, target: str, path: Path_) -> URIRef:
        """``<document>/<claim>``: a claim of this file, or of a document already stored."""
        document, claim = target.split("/")
        iri = self.mint.thing("claim", document, claim)
        if document != self.doc_slug:
            self.out.references.setdefault(iri, ("claim", path))
        return iri

    # shared things: their own triples go to their own graph; curators' attributions of them
    # belong to the annotating document and stay in its graph

    def source(self, item: dict[str, Any], path: Path_) -> None:
        iri, graph = self.define("source", item["id"], path)
        self.origin(iri, path, KGD.ExternalSource, graph)
        self.add(iri, DCTERMS.title, self.text(item["title"]), graph)
        self.add(iri, RDFS.label, self.text(item["title"]), graph)
        self.add(iri, DCTERMS.publisher, self.text(item.get("publisher"), lang=False), graph)
        self.add(iri, DCTERMS.date, self.date(item.get("date")), graph)
        self.add(iri, SCHEMA.url, URIRef(item["url"]) if "url" in item else None, graph)
        for copy in item.get("retrieved_from", []):
            self.add(iri, KGD.retrievedFrom, URIRef(copy), graph)
        self.add(iri, DCTERMS.description, self.text(item.get("description")), graph)

    def statistic(self, item: dict[str, Any], path: Path_) -> None:
        iri, graph = self.define("statistic", item["id"], path)
        self.origin(iri, path, KGD.Poll if item.get("poll") else KGD.Statistic, graph)
        value = canonical_decimal(item["value"])
        label = item.get("value_text", value)
        self.add(iri, RDFS.label, self.text(f"{label}: {item['measures']}"), graph)
        self.add(iri, KGD.value, Literal(value, datatype=XSD.decimal), graph)
        self.add(iri, KGD.valueText, self.text(item.get("value_text"), lang=False), graph)
        self.add(iri, KGD.unit, KGV[item["unit"]], graph)
        if "approximate" in item:
            self.add(iri, KGD.approximate, Literal(item["approximate"]), graph)
        self.add(
            iri, KGD.valueQualifier, VALUE_QUALIFIERS.get(item.get("value_qualifier", "")), graph
        )
        self.add(iri, KGD.measures, self.text(item["measures"], lang=False), graph)
        population = self.ref("actor", item.get("population"), (*path, "population"))
        self.add(iri, KGD.population, population, graph)
        self.add(iri, KGD.asOf, self.date(item.get("as_of")), graph)
        self.add(iri, KGD.dateQualifier, QUALIFIERS.get(item.get("date_qualifier", "")), graph)
        if "source" in item:
            source = self.shared("source", item["source"], (*path, "source"))
            self.add(iri, KGD.source, source, graph)
        if "attribution" in item:
            self.attribution(
                iri, f"statistic-{item['id']}", item["attribution"], (*path, "attribution")
            )

    def statement(self, item: dict[str, Any], path: Path_) -> None:
        iri, graph = self.define("statement", item["id"], path)
        self.origin(iri, path, KGD.Statement, graph)
        self.add(iri, RDFS.label, self.text(item["words"]), graph)
        speaker = self.ref("actor", item["speaker"], (*path, "speaker"))
        self.add(iri, KGD.speaker, speaker, graph)
        self.add(iri, KGD.words, self.text(item["words"], lang=False), graph)
        self.add(iri, KGD.statedOn, self.date(item.get("stated_on")), graph)
        if "attribution" in item:
            self.attribution(
                iri, f"statement-{item['id']}", item["attribution"], (*path, "attribution")
            )

    def attribution(self, subject: URIRef, slug: str, item: dict[str, Any], path: Path_) -> None:
        iri = self.mint.thing("attribution", self.doc_slug, slug)
        self.origin(iri, path, KGD.SourceAttribution)
        self.add(subject, KGD.attribution, iri)
        source = self.shared("source", item["source"], (*path, "source"))
        self.add(iri, KGD.attributedSource, source)
        self.add(iri, KGD.confidence, CONFIDENCE[item["confidence"]])
        self.add(iri, SKOS.editorialNote, self.text(item.get("note")))
        self.add(iri, DCTERMS.creator, Literal(item["by"]))
        self.add(iri, DCTERMS.date, self.date(item.get("date")))


def canonical_decimal(value: int | float) -> str:
    """One lexical form per number (``84``, ``84.0`` and ``8.4e1`` are all ``"84"``).

    >>> canonical_decimal(84.0), canonical_decimal(6000000), canonical_decimal(0.5)
    ('84', '6000000', '0.5')
    """
    return format(Decimal(str(value)).normalize(), "f")
