"""Every IRI the code names: vocabularies, the project's own terms, and the minting rule.

No other module spells an IRI. Terms come from ``ontology/kgdebate.ttl``; a test checks that
this list and the ontology agree, so a typo fails loudly (``_fail = True``).
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD, DefinedNamespace

__all__ = [
    "AIF",
    "AMO",
    "CITO",
    "DCTERMS",
    "FABIO",
    "FOAF",
    "KGD",
    "KGV",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SD",
    "SEM",
    "SH",
    "SIOCA",
    "SKOS",
    "VANN",
    "VOID",
    "WD",
    "WIKIDATA",
    "WIKIDATA_SPARQL",
    "CC_BY_4",
    "LOCAL_URL",
    "XSD",
    "DEFAULT_BASE",
    "KGDSH",
    "ONTOLOGY_IRI",
    "PREFIXES",
    "curie",
    "new_graph",
]

DEFAULT_BASE = "https://w3id.org/kgdebate/"
ONTOLOGY_IRI = URIRef(DEFAULT_BASE + "def/kgdebate")

SCHEMA = Namespace("http://schema.org/")
CITO = Namespace("http://purl.org/spar/cito/")
FABIO = Namespace("http://purl.org/spar/fabio/")
AMO = Namespace("http://purl.org/spar/amo/")
SIOCA = Namespace("http://rdfs.org/sioc/argument#")
AIF = Namespace("http://www.arg.dundee.ac.uk/aif#")
OA = Namespace("http://www.w3.org/ns/oa#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")
WIKIDATA = URIRef("http://www.wikidata.org/")
"""Wikidata as a dataset (its home page), as VoID linksets name it."""
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
"""Wikidata's SPARQL endpoint (the default of the ``link_endpoint`` setting)."""
CC_BY_4 = URIRef("https://creativecommons.org/licenses/by/4.0/")
"""The default licence of the dataset (setting ``data_license``)."""
LOCAL_URL = "http://127.0.0.1:5000/"
"""Where ``kgdebate serve`` answers by default (setting ``public_url``)."""
JSON_SCHEMA_DRAFT_7 = "http://json-schema.org/draft-07/schema#"
"""JSON Schema draft 7, as which the annotation schema is also compiled (ingest/structure.py)."""
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
UNGDC = URIRef("https://doi.org/10.7910/DVN/0TJX8Y")
"""The UN General Debate Corpus (Harvard Dataverse): where the speeches' texts come from."""
KGV = Namespace(DEFAULT_BASE + "vocab/")
KGDSH = Namespace(DEFAULT_BASE + "def/shapes#")


class KGD(DefinedNamespace):
    """The kgdebate ontology (``ontology/kgdebate.ttl``)."""

    _NS = Namespace(DEFAULT_BASE + "def/kgdebate#")
    _fail = True

    # classes
    SourceDocument: URIRef
    DraftDocument: URIRef
    ExternalSource: URIRef
    Debate: URIRef
    Team: URIRef
    Theme: URIRef
    Claim: URIRef
    Quote: URIRef
    Citation: URIRef
    Statistic: URIRef
    Poll: URIRef
    Statement: URIRef
    SourceAttribution: URIRef
    Actor: URIRef
    State: URIRef
    Government: URIRef
    Person: URIRef
    InternationalOrganization: URIRef
    Alliance: URIRef
    GroupOfStates: URIRef
    Population: URIRef
    ThinkTank: URIRef
    University: URIRef
    StudyGroup: URIRef
    NewsOrganization: URIRef
    Company: URIRef
    Place: URIRef
    Position: URIRef
    Membership: URIRef
    Event: URIRef
    Participation: URIRef
    Motion: URIRef
    Stance: URIRef
    Speech: URIRef
    # properties
    metonym: URIRef
    series: URIRef
    sha256: URIRef
    guessedProperty: URIRef
    retrievedOn: URIRef
    retrievedFrom: URIRef
    records: URIRef
    motion: URIRef
    hasTheme: URIRef
    hasTeam: URIRef
    partOfSeries: URIRef
    ledBy: URIRef
    heldOn: URIRef
    recordedIn: URIRef
    side: URIRef
    teamSize: URIRef
    order: URIRef
    themeOf: URIRef
    quote: URIRef
    theme: URIRef
    claimKind: URIRef
    asOf: URIRef
    dateQualifier: URIRef
    inDocument: URIRef
    inDebate: URIRef
    paragraph: URIRef
    mentions: URIRef
    supports: URIRef
    attacks: URIRef
    rebuts: URIRef
    restates: URIRef
    cites: URIRef
    hasCitation: URIRef
    citingClaim: URIRef
    citedEntity: URIRef
    citationKind: URIRef
    evidenceKind: URIRef
    value: URIRef
    valueText: URIRef
    unit: URIRef
    approximate: URIRef
    valueQualifier: URIRef
    measures: URIRef
    population: URIRef
    source: URIRef
    attribution: URIRef
    speaker: URIRef
    words: URIRef
    statedOn: URIRef
    attributedSource: URIRef
    confidence: URIRef
    governmentOf: URIRef
    basedIn: URIRef
    partOfOrganization: URIRef
    holder: URIRef
    positionTitle: URIRef
    inOrganization: URIRef
    startDate: URIRef
    endDate: URIRef
    eventKind: URIRef
    place: URIRef
    hasParticipation: URIRef
    participant: URIRef
    partOf: URIRef
    follows: URIRef
    role: URIRef
    locatedIn: URIRef
    wikidataId: URIRef
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    iso3166Numeric: URIRef
    cowCode: URIRef
    cowAbbreviation: URIRef
    gwCode: URIRef
    unRegion: URIRef
    cameoCode: URIRef
    cameoEventCode: URIRef
    cameoEventName: URIRef
    annotationSha256: URIRef
    annotationFile: URIRef
    toolVersion: URIRef
    textVerified: URIRef
    onMotion: URIRef
    broaderMotion: URIRef
    claimant: URIRef
    towardMotion: URIRef
    stanceLabel: URIRef
    extractedBy: URIRef
    extractionCue: URIRef
    deliveredAt: URIRef
    onBehalfOf: URIRef


PREFIXES: dict[str, str] = {
    "kgd": str(KGD._NS),
    "kgv": str(KGV),
    "kgdsh": str(KGDSH),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "sh": str(SH),
    "schema": str(SCHEMA),
    "cito": str(CITO),
    "fabio": str(FABIO),
    "amo": str(AMO),
    "sioca": str(SIOCA),
    "aif": str(AIF),
    "oa": str(OA),
    "sem": str(SEM),
    "org": str(ORG),
    "foaf": str(FOAF),
    "vann": str(VANN),
    "wd": str(WD),
}
"""The one prefix map: Turtle bindings, SPARQL prologues and (later) the JSON-LD context."""
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


@lru_cache(maxsize=65_536)
def curie(iri: str) -> str:
    """``kgd:Claim`` where a prefix of :data:`PREFIXES` fits, else the IRI itself.

    The longest namespace wins, and the rest must be a plain local name (no ``/`` or ``#``), so
    ``kgd:`` never hides a path: ``https://w3id.org/kgdebate/id/actor/ukraine`` stays whole.

    >>> curie("https://w3id.org/kgdebate/def/kgdebate#Claim")
    'kgd:Claim'
    >>> curie("http://www.w3.org/2004/02/skos/core#")
    'http://www.w3.org/2004/02/skos/core#'
    """
    for prefix, namespace in _BY_LENGTH:
        rest = iri[len(namespace) :]
        if iri.startswith(namespace) and rest and "/" not in rest and "#" not in rest:
            return f"{prefix}:{rest}"
    return iri


def new_graph() -> Graph:
    """A graph with the project's prefixes and no others (rdflib's defaults would leak)."""
    graph = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
    return graph
