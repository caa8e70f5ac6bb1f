"""From an IRI to what its page shows: existence, RDF, properties out and in, kinds.

Every query is a page query (:mod:`kgdebate.web.page_sparql`) run on the read-only store; the
IRI, a validated term, is bound first in the WHERE clause by the store (``?iri`` in ASK/CONSTRUCT,
``?_iri`` in SELECT), never formatted from request text. Labels come with the rows (one query per
direction, not one per link).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kgdebate.namespaces import KGD, RDF, curie
from kgdebate.sparql_values import first_in_where, values_block
from kgdebate.store import Term, TripleStore
from kgdebate.web.page_sparql import bound_query, page_query, select, select_all

IN_LINKS_PER_PAGE = 50
KIND_CLASSES = {
    str(KGD.Claim): "claim",
    str(KGD.Actor): "actor",
    str(KGD.Event): "event",
    str(KGD.SourceDocument): "document",
    str(KGD.Statistic): "statistic",
    str(KGD.Poll): "statistic",
    str(KGD.Motion): "motion",
    str(KGD.ExternalSource): "source",
}
LABEL_LANGUAGES = ("en", "")


def exists(store: TripleStore, iri: str) -> bool:
    """True when the IRI is the subject or the object of a triple in any graph."""
    result = store.query(page_query("exists"), substitutions={"iri": ox.NamedNode(iri)})
    return bool(result)


def rdf_of(store: TripleStore, iri: str, in_page: int = 0) -> tuple[list[ox.Triple], bool]:
    """The entity's triples, its fragment resources' triples and one page of the triples
    pointing at it (the page's in-links, as the HTML page lists them); True if more follow."""
    node = ox.NamedNode(iri)
    result = store.query(page_query("describe"), substitutions={"iri": node})
    assert not isinstance(result, ox.QuerySolutions | ox.QueryBoolean)  # triples (any store)
    in_links, more = in_links_page(store, iri, in_page, labelled=False)
    pointing = [
        ox.Triple(link.term, link.predicate, node)
        for link in in_links
        if not isinstance(link.term, ox.Literal)  # never: a subject is not a literal
    ]
    return [*result, *pointing], more


def in_links_page(
    store: TripleStore, iri: str, page: int, labelled: bool = True
) -> tuple[list[Link], bool]:
    """The ``page``-th window of links pointing at the entity, unordered in the store (a sort
    would read them all), sorted for reading and labelled if asked; True when more follow."""
    return _in_links(store, select(store, "in", *_in_window(iri, page)), labelled)


def _in_window(iri: str, page: int) -> tuple[str, int, int]:
    return iri, IN_LINKS_PER_PAGE + 1, page * IN_LINKS_PER_PAGE


def _in_links(
    store: TripleStore, window: Iterable[ox.QuerySolution], labelled: bool
) -> tuple[list[Link], bool]:
    links = [Link(row["p"], row["s"]) for row in window]
    shown, more = links[:IN_LINKS_PER_PAGE], len(links) > IN_LINKS_PER_PAGE
    if labelled:  # blank nodes (of owl:unionOf lists) cannot go in a VALUES block: IRIs only
        labels = labels_of(store, {k.term for k in shown if isinstance(k.term, ox.NamedNode)})
        for link in shown:
            link.label = labels.get(link.term)
    shown.sort(key=lambda link: (curie(link.predicate.value), str(link.term)))
    return shown, more


def labels_of(store: TripleStore, terms: set[ox.NamedNode]) -> dict[Term, ox.Literal]:
    """The best label of each term that has one (English, then untagged, then any)."""
    if not terms:
        return {}
    block = values_block(["s"], [[term] for term in sorted(terms, key=str)])
    best: dict[Term, ox.Literal] = {}
    rows = store.query(first_in_where(page_query("labels"), block))
    assert isinstance(rows, ox.QuerySolutions)
    for row in rows:
        term = row["s"]
        label = better_label(best.get(term), row["label"])
        if label is not None:
            best[term] = label
    return best


def better_label(current: ox.Literal | None, candidate: Term | None) -> ox.Literal | None:
    """Prefer English, then untagged, then anything (deterministically, the smallest)."""
    if not isinstance(candidate, ox.Literal):
        return current
    if current is None:
        return candidate

    def rank(label: ox.Literal) -> tuple[int, str]:
        language = label.language or ""
        order = LABEL_LANGUAGES.index(language) if language in LABEL_LANGUAGES else 9
        return order, label.value

    return candidate if rank(candidate) < rank(current) else current


def kinds_of(store: TripleStore, iri: str) -> list[str]:
    """The page kinds (claim, actor, event, document, statistic, motion, source) of the entity."""
    return sorted({KIND_CLASSES[row["class"].value] for row in select(store, "kinds", iri)})


def kinds_among(types: Iterable[Term]) -> list[str]:
    """The page kinds of an entity of ``types``, as :func:`kinds_of` finds them in the store but
    with no query: beside every type of ours the store holds one to each of our superclasses
    (:func:`kgdebate.ontology.with_superclass_types`), so the hierarchy is already followed."""
    named = {t.value for t in types if isinstance(t, ox.NamedNode)}
    return sorted({KIND_CLASSES[t] for t in named if t in KIND_CLASSES})


@dataclass
class Link:
    """One row of the out or in table: a property and a term, with the term's label if any."""

    predicate: ox.NamedNode
    term: Term
    label: ox.Literal | None = None


@dataclass
class Description:
    iri: str
    label: str
    types: list[Link]
    kinds: list[str]
    out: list[Link]
    in_links: list[Link]
    in_page: int
    more_in: bool
    labels: dict[str, str] = field(default_factory=dict)


def collect_links(rows: Iterable[ox.QuerySolution], term_var: str) -> list[Link]:
    """Rows of (property, term, label?) → one Link per (property, term), best label kept."""
    found: dict[tuple[str, str], Link] = {}
    for row in rows:
        predicate, term = row["p"], row[term_var]
        assert isinstance(predicate, ox.NamedNode) and term is not None
        key = (predicate.value, str(term))
        link = found.setdefault(key, Link(predicate, term))
        link.label = better_label(link.label, row["label"])
    return list(found.values())


def describe(store: TripleStore, iri: str, in_page: int = 0) -> Description:
    asked = [bound_query("out", iri), bound_query("in", *_in_window(iri, in_page))]
    out_rows, in_rows = select_all(store, asked)
    out = collect_links(out_rows, "o")
    out.sort(key=lambda link: (curie(link.predicate.value), str(link.term)))
    in_links, more_in = _in_links(store, in_rows, labelled=True)
    types = [link for link in out if link.predicate.value == str(RDF.type)]
    own_label = None
    for link in out:
        if link.predicate.value.endswith(("#label", "#prefLabel")):
            own_label = better_label(own_label, link.term)
    kinds = kinds_among(link.term for link in types)
    return Description(
        iri,
        own_label.value if own_label else curie(iri),
        types,
        kinds,
        out,
        in_links,
        in_page,
        more_in,
    )
