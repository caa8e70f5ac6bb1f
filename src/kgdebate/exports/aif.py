"""A document's debate as AIFdb JSON, the exchange format of AIFdb and OVA.

The Argument Interchange Format models arguments as a graph of information nodes (I: a
claim's content) and scheme applications between them: RA (rule application: inference, here
``supports``) and CA (conflict application, here ``attacks`` and ``rebuts``). AIFdb's JSON is
``{"nodes": [{"nodeID", "text", "type"}], "edges": [{"edgeID", "fromID", "toID"}],
"locutions": []}``; an argument ``a supports b`` is the edges a → RA → b. Locutions (who said
what, when) are left empty: the document names no speaker for its claims.

Node IDs are stable: a claim's slug (``c13``), or ``<document>/<claim>`` for a claim of
another document, and ``<from>-<relation>-<to>`` for a scheme node, so re-exporting gives the
same IDs and an edited document keeps the IDs of the claims it kept.
"""

from __future__ import annotations

from typing import Any

from kgdebate.exports.debate import Debate

SCHEME_NODES = {
    "supports": ("RA", "Default Inference"),
    "attacks": ("CA", "Default Conflict"),
    "rebuts": ("CA", "Default Conflict"),
}


def node_id(debate: Debate, claim: str) -> str:
    """``c13`` for a claim of this document, ``<document>/<claim>`` for another's."""
    prefix = debate.document.iri.replace("/id/document/", "/id/claim/") + "/"
    if claim.startswith(prefix):
        return claim[len(prefix) :]
    return claim.rsplit("/", 2)[-2] + "/" + claim.rsplit("/", 1)[-1]


def aif_json(debate: Debate) -> dict[str, Any]:
    """The AIFdb JSON object for ``debate``."""
    nodes: list[dict[str, str]] = [
        {"nodeID": node_id(debate, box.iri), "text": box.label, "type": "I"}
        for box in debate.map.claims.values()
    ]
    nodes += [
        {"nodeID": node_id(debate, iri), "text": label, "type": "I"}
        for iri, label in sorted(debate.outside.items())
    ]
    edges: list[dict[str, str]] = []
    for source, relation, target in debate.relations:
        kind, scheme_text = SCHEME_NODES[relation]
        start, end = node_id(debate, source), node_id(debate, target)
        scheme = f"{start}-{relation}-{end}"
        nodes.append({"nodeID": scheme, "text": scheme_text, "type": kind})
        edges.append({"edgeID": f"{scheme}/from", "fromID": start, "toID": scheme})
        edges.append({"edgeID": f"{scheme}/to", "fromID": scheme, "toID": end})
    return {"nodes": nodes, "edges": edges, "locutions": []}
