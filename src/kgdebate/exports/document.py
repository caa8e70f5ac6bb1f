"""One document to export: found by its slug, with the metadata every format states.

The queries of this package are files beside it (``*.rq``); each binds ``?_iri`` (the
document) and ``?_graph`` (its named graph) first, as the page queries of the web app do.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kgdebate.errors import KgdebateError
from kgdebate.mint import SLUG, Minter
from kgdebate.queries import packaged_query
from kgdebate.store import Term, TripleStore, term_text

Row = dict[str, Term | None]


class UnknownDocument(KgdebateError):
    """No document with this slug is in the store."""


@dataclass(frozen=True)
class Document:
    slug: str
    iri: str
    graph: str
    minter: Minter  # the store's IRI base: claims of this and other documents by their slugs
    title: str = ""
    url: str | None = None
    date: str | None = None
    language: str | None = None
    publisher: str | None = None
    publisher_label: str | None = None
    motion: str | None = None
    ingested: str | None = None  # xsd:dateTime the ingest that stored the graph ended


def export_rows(store: TripleStore, name: str, document: Document) -> list[Row]:
    """Every row of ``exports/<name>.rq`` for ``document`` (unpaged), as variable → term."""
    bindings: dict[str, Term] = {
        "_iri": ox.NamedNode(document.iri),
        "_graph": ox.NamedNode(document.graph),
    }
    query = packaged_query("kgdebate.exports", f"{name}.rq")
    result = store.query(query, substitutions=bindings)
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [{name: solution[name] for name in names} for solution in result]


def document_of(iri: str, base: str) -> Document:
    """The document ``iri`` names under ``base``, with no metadata read (its graph is the
    document graph its slug names; an IRI that is no document's names no graph and no rows)."""
    minter = Minter(base)
    slugs = minter.slugs_of("document", iri)
    slug = slugs[0] if slugs else ""
    return Document(slug, iri, str(minter.document_graph(slug)) if slug else iri, minter)


def find_document(store: TripleStore, base: str, slug: str) -> Document:
    """The document ``<base>id/document/<slug>`` with its metadata; UnknownDocument if absent."""
    if not SLUG.match(slug):
        raise UnknownDocument(
            f"not a document slug: {slug!r}", hint="a slug is lower-case letters, digits and '-'"
        )
    minter = Minter(base)
    found = Document(
        slug, str(minter.thing("document", slug)), str(minter.document_graph(slug)), minter
    )
    rows = export_rows(store, "document", found)
    if not rows:
        raise UnknownDocument(
            f"no document {slug!r} in the store",
            hint="a document's slug ends its graph's name in `kgdebate stats`",
        )
    row = rows[0]
    return Document(
        slug,
        found.iri,
        found.graph,
        minter,
        term_text(row["title"]) or slug,
        term_text(row["url"]) or None,
        term_text(row["date"]) or None,
        term_text(row["language"]) or None,
        term_text(row["publisher"]) or None,
        term_text(row["publisherLabel"]) or None,
        term_text(row["motion"]) or None,
        term_text(row["ingested"]) or None,
    )
