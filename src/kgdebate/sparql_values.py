"""``VALUES`` blocks written from pyoxigraph terms, placed first in a query's WHERE clause.

The terms are validated pyoxigraph terms written in their N-Triples form by pyoxigraph itself (as
``store.bind_first`` does for one row), so no text from a request or a remote answer is spliced
into a query unescaped. ``None`` is written as ``UNDEF``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from kgdebate.errors import QueryError
from kgdebate.sparql_guard import where_clause_start

Value = ox.NamedNode | ox.Literal | None


def values_block(names: Sequence[str], rows: Sequence[Sequence[Value]]) -> str:
    """``VALUES (?a ?b) { (<x> "y") (UNDEF "z") }``; no rows gives a block that matches nothing."""
    for name in names:
        ox.Variable(name)  # raises ValueError on anything that is not a variable name
    head = " ".join(f"?{name}" for name in names)
    body = " ".join(
        "(" + " ".join("UNDEF" if term is None else str(term) for term in row) + ")" for row in rows
    )
    return f"VALUES ({head}) {{ {body} }}"


def first_in_where(query: str, block: str) -> str:
    """``query`` with ``block`` just inside the ``{`` that opens its WHERE clause."""
    start = where_clause_start(query)
    if start is None:
        raise QueryError("the query has no WHERE clause to put values in")
    return f"{query[:start]} {block} {query[start:]}"
