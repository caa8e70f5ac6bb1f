"""A document's debate as AIFdb JSON, the exchange format of AIFdb and OVA.

The Argument Interchange Format models arguments as a graph of information nodes (I: a
claim's content) and scheme applications between them: RA (rule application: inference, here
``supports``), CA (conflict application, here ``attacks`` and ``rebuts``) and MA (rephrase, here
``restates``). AIFdb's JSON, as AIFdb's web services document it
(http://www.arg.dundee.ac.uk/?page_id=749), is ``{"nodes": [{"nodeID", "text", "type",
"timestamp"}], "edges": [{"edgeID", "fromID", "toID", "formEdgeID"}], "locutions": []}``.
An argument ``a supports b`` is the edges a → RA → b; a restatement ``b restates a`` is the
edges a → MA → b (from the earlier wording to its rephrase). Scheme nodes carry the texts OVA
gives default schemes: "Default Inference", "Default Conflict", "Default Rephrase".

A node's ``timestamp`` is when it was added to the database: here, when the ingest that stored
the document ended (its provenance), in AIFdb's ``YYYY-MM-DD HH:MM:SS`` (UTC); a document
stored without provenance has none. ``formEdgeID`` is null, as AIFdb writes it for edges that
fulfil no form edge. Locutions (who said what, when) are left empty: the documents name no
speaker for their claims.

Node IDs are stable: a claim's slug (``c13``), or ``<document>/<claim>`` for a claim of
another document, and ``<from>-<relation>-<to>`` for a scheme node, so re-exporting gives the
same IDs and an edited document keeps the IDs of the claims it kept.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kgdebate.exports.debate import Debate

SCHEME_NODES = {
    "supports": ("RA", "Default Inference"),
    "attacks": ("CA", "Default Conflict"),
    "rebuts": ("CA", "Default Conflict"),
    "restates": ("MA", "Default Rephrase"),
}


def aif_timestamp(date_time: str | None) -> str | None:
    """An xsd:dateTime as AIFdb writes timestamps (``2012-01-10 14:35:50``, UTC)."""
    if date_time is None:
        return None
    moment = datetime.fromisoformat(date_time)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def aif_json(debate: Debate) -> dict[str, Any]:
    """The AIFdb JSON object for ``debate``."""
    timestamp = aif_timestamp(debate.document.ingested)
    stamp = {} if timestamp is None else {"timestamp": timestamp}
    nodes: list[dict[str, str]] = [
        {"nodeID": debate.claim_id(claim.iri), "text": claim.label, "type": "I", **stamp}
        for claim in debate.claims.values()
    ]
    nodes += [
        {"nodeID": debate.claim_id(iri), "text": label, "type": "I", **stamp}
        for iri, label in sorted(debate.outside.items())
    ]
    edges: list[dict[str, str | None]] = []
    for relation in debate.relations:
        kind, scheme_text = SCHEME_NODES[relation.kind]
        source, target = debate.claim_id(relation.source), debate.claim_id(relation.target)
        scheme = f"{source}-{relation.kind}-{target}"
        # Premise → scheme → conclusion; a rephrase runs from the earlier wording to the later.
        start, end = (target, source) if kind == "MA" else (source, target)
        nodes.append({"nodeID": scheme, "text": scheme_text, "type": kind, **stamp})
        edges.append(_edge(f"{scheme}/from", start, scheme))
        edges.append(_edge(f"{scheme}/to", scheme, end))
    return {"nodes": nodes, "edges": edges, "locutions": []}


def _edge(edge_id: str, start: str, end: str) -> dict[str, str | None]:
    return {"edgeID": edge_id, "fromID": start, "toID": end, "formEdgeID": None}
