"""One document to export: found by its slug, with the metadata every format states.

The queries of this package are files beside it (``*.rq``); each binds ``?_iri`` (the
document) and ``?_graph`` (its named graph) first, as the page queries of the web app do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyoxigraph as ox

from kgdebate.errors import KgdebateError
from kgdebate.mint import SLUG, Minter
from kgdebate.store import OxigraphStore, Term

Row = dict[str, Term | None]


class UnknownDocument(KgdebateError):
    """No document with this slug is in the store."""


@dataclass(frozen=True)
class Document:
    slug: str
    iri: str
    graph: str
    title: str
    url: str | None = None
    date: str | None = None
    language: str | None = None
    publisher: str | None = None
    publisher_label: str | None = None
    motion: str | None = None


@cache
def export_query(name: str) -> str:
    """The text of ``exports/<name>.rq`` (packaged with the code)."""
    return resources.files("kgdebate.exports").joinpath(f"{name}.rq").read_text("utf-8")


def text(term: Term | None) -> str:
    """A literal's lexical form or an IRI; empty for nothing (and for blank nodes)."""
    return term.value if isinstance(term, ox.Literal | ox.NamedNode) else ""


def select(store: OxigraphStore, name: str, document: Document) -> list[Row]:
    """Rows of ``exports/<name>.rq`` for ``document``, as dicts of variable → term."""
    bindings: dict[str, Term] = {
        "_iri": ox.NamedNode(document.iri),
        "_graph": ox.NamedNode(document.graph),
    }
    result = store.query(export_query(name), substitutions=bindings)
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    return [{name: solution[name] for name in names} for solution in result]


def find_document(store: OxigraphStore, base: str, slug: str) -> Document:
    """The document ``<base>id/document/<slug>`` with its metadata; UnknownDocument if absent."""
    if not SLUG.match(slug):
        raise UnknownDocument(
            f"not a document slug: {slug!r}", hint="a slug is lower-case letters, digits and '-'"
        )
    minter = Minter(base)
    found = Document(
        slug, str(minter.thing("document", slug)), str(minter.document_graph(slug)), ""
    )
    rows = select(store, "document", found)
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
        text(row["title"]) or slug,
        text(row["url"]) or None,
        text(row["date"]) or None,
        text(row["language"]) or None,
        text(row["publisher"]) or None,
        text(row["publisherLabel"]) or None,
        text(row["motion"]) or None,
    )
