"""A document's claims as schema.org JSON-LD: ``Claim`` nodes appearing in the document.

Each claim is a ``schema:Claim`` with its ``text`` (the claim in the curator's words), the
document it appears in (``appearance``: the document as an ``Article`` with its name, URL,
date, language and publisher) and what it ``mentions``. ``firstAppearance`` is not stated: a
debate repeats claims made elsewhere, and the data does not say where a claim first appeared.
No claim has an ``author``: the documents name none for their claims.

There is no ``ClaimReview``: a ClaimReview is a fact-check, a reviewer's verdict with a
``reviewRating``. A debate that rebuts a claim argues against it; it does not rate it, and
kgdebate records no verdicts. The context is inline (no remote context is ever fetched) and
uses ``http://schema.org/``, the namespace of the rest of the dataset.
"""

from __future__ import annotations

from typing import Any

from kgdebate.exports.document import Document, Row, export_rows
from kgdebate.namespaces import SCHEMA as SCHEMA_NS
from kgdebate.store import TripleStore, term_text

SCHEMA = str(SCHEMA_NS)
CONTEXT = {"@vocab": SCHEMA, "url": {"@type": "@id"}}


def schema_org_jsonld(store: TripleStore, document: Document) -> dict[str, Any]:
    """The JSON-LD object: the document, then each of its claims."""
    work: dict[str, Any] = {"@id": document.iri, "@type": "Article", "name": document.title}
    if document.url:
        work["url"] = document.url
    if document.date:
        work["datePublished"] = document.date
    if document.language:
        work["inLanguage"] = document.language
    if document.publisher:
        work["publisher"] = _publisher(store, document)
    mentions = _mentions(export_rows(store, "mentions", document))
    claims: dict[str, dict[str, Any]] = {}
    for row in export_rows(store, "claims", document):
        iri = term_text(row["claim"])
        if iri in claims:
            continue
        claim: dict[str, Any] = {"@id": iri, "@type": "Claim", "text": term_text(row["text"])}
        claim["appearance"] = {"@id": document.iri}
        if iri in mentions:
            claim["mentions"] = mentions[iri]
        claims[iri] = claim
    return {"@context": CONTEXT, "@graph": [work, *claims.values()]}


def _publisher(store: TripleStore, document: Document) -> dict[str, Any]:
    """The publisher typed as the store types it: the schema.org classes its own classes are
    aligned to (a person, a think tank, a government...); untyped if it has none."""
    publisher: dict[str, Any] = {"@id": document.publisher}
    types = [term_text(row["type"]) for row in export_rows(store, "publisher-types", document)]
    names = [iri.removeprefix(SCHEMA) for iri in types]
    if names:
        publisher["@type"] = names[0] if len(names) == 1 else names
    if document.publisher_label:
        publisher["name"] = document.publisher_label
    return publisher


def _mentions(rows: list[Row]) -> dict[str, list[dict[str, str]]]:
    """Claim IRI → the things it mentions, each with its English (or untagged) name."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        mentioned = found.setdefault(term_text(row["claim"]), {})
        iri = term_text(row["mentioned"])
        entry = mentioned.setdefault(iri, {"@id": iri})
        if row["label"] is not None and "name" not in entry:
            entry["name"] = term_text(row["label"])
    return {claim: list(things.values()) for claim, things in found.items()}
