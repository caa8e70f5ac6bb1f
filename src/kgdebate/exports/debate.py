"""The debate of one document as the web app draws it: the same page queries, the same model.

AIF and Argdown are two more renderings of the debate map (:mod:`kgdebate.web.debatemap`):
themes by sides, claims, support/attack/rebuttal. Claims of other documents that a claim here
relates to get their text from one small query each (bound by the claim's IRI).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kgdebate.exports.document import Document, export_query, text
from kgdebate.store import OxigraphStore
from kgdebate.web.debatemap import DebateMap, build_map
from kgdebate.web.panels import BY_NAME, run_panel

MAP_PANELS = ("document-claims", "document-relations", "document-citations")


@dataclass(frozen=True)
class Debate:
    document: Document
    map: DebateMap
    outside: dict[str, str]  # claims of other documents that claims here relate to: IRI → text

    @property
    def relations(self) -> list[tuple[str, str, str]]:
        """(from claim, relation, to claim) in the map's order: supports | attacks | rebuts."""
        return [
            (box.iri, relation.relation, relation.other)
            for box in self.map.claims.values()
            for relation in box.outgoing
        ]


def load_debate(store: OxigraphStore, document: Document) -> Debate:
    claims, relations, citations = (run_panel(store, BY_NAME[n], document.iri) for n in MAP_PANELS)
    debate_map = build_map(claims, relations, citations)
    outside = {
        relation.other: _claim_text(store, relation.other)
        for box in debate_map.claims.values()
        for relation in box.outgoing
        if relation.other not in debate_map.claims
    }
    return Debate(document, debate_map, outside)


def _claim_text(store: OxigraphStore, iri: str) -> str:
    result = store.query(export_query("claim-label"), substitutions={"_iri": ox.NamedNode(iri)})
    assert isinstance(result, ox.QuerySolutions)
    return next((text(row["label"]) for row in result), iri)
