"""The page queries: fixed, trusted files under ``page_queries/``, each named for what it shows,
with the same ``#+`` header as the named queries. An entity's page binds its IRI first in the
WHERE clause (``?_iri``) and, for lists that grow with the collection, appends a window.
"""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from kgdebate.queries import packaged_query
from kgdebate.sparql_values import bind_first, windowed
from kgdebate.store import Term, TripleStore


@cache
def page_query(name: str) -> str:
    """The text of ``page_queries/<name>.rq`` (packaged with the app)."""
    return packaged_query("kgdebate.web", "page_queries", f"{name}.rq")


def select(
    store: TripleStore, name: str, iri: str, limit: int | None = None, offset: int = 0
) -> ox.QuerySolutions:
    """Rows of a page query for ``iri``; ``limit``/``offset`` page the queries left unordered."""
    result = store.query(bound_query(name, iri, limit, offset))
    assert isinstance(result, ox.QuerySolutions)
    return result


def select_all(store: TripleStore, queries: list[str]) -> list[ox.QuerySolutions]:
    """The rows of each SELECT of a page, asked of the store together (:meth:`query_all`)."""
    results = store.query_all(queries)
    assert all(isinstance(result, ox.QuerySolutions) for result in results)
    return results  # type: ignore[return-value]


def bound_query(name: str, iri: str, limit: int | None = None, offset: int = 0) -> str:
    """A page query as it runs, and as the page shows it: its window appended, the IRI bound
    by a VALUES block first in its WHERE clause (pasted into /sparql, it gives the same rows)."""
    return bind_first(windowed(page_query(name), limit, offset), _bound(iri))


def _bound(iri: str) -> dict[str, Term]:
    return {"_iri": ox.NamedNode(iri)}
