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

from kgdebate.exports.document import Document, Row, select, text
from kgdebate.store import OxigraphStore

CONTEXT = {"@vocab": "http://schema.org/", "url": {"@type": "@id"}}


def schema_org_jsonld(store: OxigraphStore, document: Document) -> dict[str, Any]:
    """The JSON-LD object: the document, then each of its claims."""
    work: dict[str, Any] = {"@id": document.iri, "@type": "Article", "name": document.title}
    if document.url:
        work["url"] = document.url
    if document.date:
        work["datePublished"] = document.date
    if document.language:
        work["inLanguage"] = document.language
    if document.publisher:
        work["publisher"] = {"@id": document.publisher, "@type": "Organization"}
        if document.publisher_label:
            work["publisher"]["name"] = document.publisher_label
    mentions = _mentions(select(store, "mentions", document))
    claims: dict[str, dict[str, Any]] = {}
    for row in select(store, "claims", document):
        iri = text(row["claim"])
        if iri in claims:
            continue
        claim: dict[str, Any] = {"@id": iri, "@type": "Claim", "text": text(row["text"])}
        claim["appearance"] = {"@id": document.iri}
        if iri in mentions:
            claim["mentions"] = mentions[iri]
        claims[iri] = claim
    return {"@context": CONTEXT, "@graph": [work, *claims.values()]}


def _mentions(rows: list[Row]) -> dict[str, list[dict[str, str]]]:
    """Claim IRI → the things it mentions, each with its English (or untagged) name."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        mentioned = found.setdefault(text(row["claim"]), {})
        entry = mentioned.setdefault(text(row["mentioned"]), {"@id": text(row["mentioned"])})
        if row["label"] is not None and "name" not in entry:
            entry["name"] = text(row["label"])
    return {claim: list(things.values()) for claim, things in found.items()}
