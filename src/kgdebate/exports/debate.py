"""The debate of one document, the model that AIF and Argdown render: its claims by theme and
side, and how claims relate — support, attack, rebuttal and restatement — also to claims of
other documents.

It is built from this package's own queries (``claims.rq``, ``relations.rq``): every row, bound
to the document's graph, so an export always holds the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kgdebate.exports.document import Document, Row, export_rows
from kgdebate.namespaces import KGD, KGV
from kgdebate.store import TripleStore, term_text

RELATION_KINDS = {
    str(KGD.supports): "supports",
    str(KGD.attacks): "attacks",
    str(KGD.rebuts): "rebuts",
    str(KGD.restates): "restates",
}
SIDE_ORDER = (str(KGV["for-motion"]), str(KGV["against-motion"]))
NO_THEME = "(no theme)"


@dataclass(frozen=True)
class Claim:
    iri: str
    label: str  # the claim in the curator's words
    kind: str  # the label of its kind ("fact"), or ""
    side: str  # the side's IRI, or ""
    side_label: str
    quote: str = ""  # the claim in the document's own words (its quote's exact text)


@dataclass(frozen=True)
class Relation:
    source: str  # the claim of this document that supports, attacks, rebuts or restates
    kind: str  # supports | attacks | rebuts | restates
    target: str  # the other claim, of this document or of another


@dataclass
class Theme:
    iri: str
    label: str
    sides: dict[str, list[Claim]] = field(default_factory=dict)  # side IRI → claims

    def by_side(self) -> list[tuple[str, list[Claim]]]:
        """(side IRI, claims): for the motion, against it, then any other side."""
        rank = {side: index for index, side in enumerate(SIDE_ORDER)}
        return sorted(self.sides.items(), key=lambda item: (rank.get(item[0], 2), item[0]))


@dataclass(frozen=True)
class Debate:
    document: Document
    claims: dict[str, Claim]  # IRI → claim, in the document's order
    themes: list[Theme]
    relations: list[Relation]
    outside: dict[str, str]  # claims of other documents that claims here relate to: IRI → text

    def claim_id(self, iri: str) -> str:
        """``c13`` for a claim of this document, ``<document>/<claim>`` for another's."""
        slugs = self.document.minter.slugs_of("claim", iri)
        if slugs is None:
            return iri
        return slugs[-1] if slugs[:-1] == (self.document.slug,) else "/".join(slugs)

    def outgoing(self, iri: str) -> list[Relation]:
        return [relation for relation in self.relations if relation.source == iri]


def load_debate(store: TripleStore, document: Document) -> Debate:
    return debate_of(
        document, export_rows(store, "claims", document), export_rows(store, "relations", document)
    )


def debate_of(document: Document, claim_rows: list[Row], relation_rows: list[Row]) -> Debate:
    """The debate from the rows of ``claims.rq`` and ``relations.rq`` for the document."""
    claims: dict[str, Claim] = {}
    themes: dict[str, Theme] = {}
    for row in claim_rows:
        iri = term_text(row["claim"])
        if iri in claims:  # a second value of some property: the first row stands
            continue
        claims[iri] = claim = Claim(
            iri,
            term_text(row["text"]),
            term_text(row["kindLabel"]),
            term_text(row["side"]),
            term_text(row["sideLabel"]),
            term_text(row["quote"]),
        )
        theme_iri = term_text(row["theme"])
        theme = themes.setdefault(
            theme_iri, Theme(theme_iri, term_text(row["themeLabel"]) or NO_THEME)
        )
        theme.sides.setdefault(claim.side, []).append(claim)
    relations, outside = claim_relations(relation_rows, claims)
    return Debate(document, claims, list(themes.values()), relations, outside)


def claim_relations(
    rows: list[Row], claims: dict[str, Claim] | None = None
) -> tuple[list[Relation], dict[str, str]]:
    """The relations of the document's claims (``relations.rq`` rows), and the text of each
    claim of another document they point to (when ``claims``, the document's own, is given)."""
    relations: dict[Relation, None] = {}  # in the query's order, each once
    outside: dict[str, str] = {}
    for row in rows:
        kind = RELATION_KINDS.get(term_text(row["relation"]))
        if kind is None:  # relations.rq asks for the four kinds above only
            continue
        relation = Relation(term_text(row["from"]), kind, term_text(row["to"]))
        relations[relation] = None
        if claims is not None and relation.target not in claims:
            outside.setdefault(relation.target, term_text(row["toLabel"]) or relation.target)
    return list(relations), outside
