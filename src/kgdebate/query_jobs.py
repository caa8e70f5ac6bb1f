"""Evaluate one user query on a pyoxigraph store and serialize at most ``max_rows`` of its result.

Pure functions over a store, no processes and no Flask: :mod:`kgdebate.query_pool` runs them
in a worker process that can be killed. The row cap is applied while iterating, so a huge result
never sits in memory; a capped SELECT is written as SPARQL JSON here (a small, exact format) and,
for XML, CSV and TSV, parsed back and serialized by pyoxigraph, so every format is the engine's own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pyoxigraph as ox

from kgdebate.media_types import GRAPH_TYPES, RESULT_TYPES
from kgdebate.namespaces import PREFIXES, XSD

_XSD_STRING = str(XSD.string)


@dataclass(frozen=True)
class Job:
    """One query as the protocol received it, after the guard and content negotiation."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    union_default_graph: bool = True
    """Default graph = union of all graphs; off when the query names its own dataset (FROM)."""
    result_type: str | None = None
    """Media type for SELECT/ASK, or None when the client accepts none of them."""
    graph_type: str | None = None
    """Media type for CONSTRUCT/DESCRIBE, or None."""
    max_rows: int = 10_000
    base_iri: str | None = None
    """What relative IRIs in the query resolve against: the endpoint's own IRI."""
    generation: int = 0
    """The store generation the request reads: a worker on an older view reopens the store."""


@dataclass(frozen=True)
class Outcome:
    """What comes back: a body, or a stable error code (never the parser's message)."""

    status: str  # "ok" | "syntax-error" | "not-acceptable" | "failed"
    body: bytes = b""
    media_type: str = ""
    rows: int = 0
    truncated: bool = False
    detail: str = ""
    """The parser's message of a syntax error, for the command line (the server never shows it)."""


def evaluate(store: ox.Store, job: Job) -> Outcome:
    """Run ``job`` on ``store``; every failure becomes an error code, never an exception."""
    try:
        result = _query(store, job)
    except SyntaxError as exc:
        return Outcome("syntax-error", detail=str(exc))
    except (ValueError, OSError):
        return Outcome("failed")
    return outcome_of(result, job)


def outcome_of(
    result: ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple], job: Job
) -> Outcome:
    """A query's result (solutions, a boolean, or triples: from this engine or a SPARQL
    server) written as ``job`` asks."""
    try:
        if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
            return _results(result, job)
        return _graph(result, job)
    except (SyntaxError, ValueError, OSError):  # evaluation errors surface while iterating
        return Outcome("failed")


def _query(store: ox.Store, job: Job) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    if not job.default_graphs and not job.named_graphs:
        return store.query(
            job.query, base_iri=job.base_iri, use_default_graph_as_union=job.union_default_graph
        )
    # The protocol's dataset replaces the query's FROM/FROM NAMED; unknown graphs are empty.
    return store.query(
        job.query,
        base_iri=job.base_iri,
        default_graph=[ox.NamedNode(g) for g in job.default_graphs],
        named_graphs=[ox.NamedNode(g) for g in job.named_graphs],
    )


def _results(result: ox.QuerySolutions | ox.QueryBoolean, job: Job) -> Outcome:
    if job.result_type is None:
        return Outcome("not-acceptable")
    fmt = RESULT_TYPES[job.result_type]
    if isinstance(result, ox.QueryBoolean):
        return Outcome("ok", result.serialize(format=fmt) or b"", job.result_type, rows=1)
    variables = [v.value for v in result.variables]
    rows = list(islice(result, job.max_rows + 1))
    truncated = len(rows) > job.max_rows
    rows = rows[: job.max_rows]
    document = {
        "head": {"vars": variables},
        "results": {"bindings": [_binding(row, variables) for row in rows]},
    }
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    if fmt != ox.QueryResultsFormat.JSON:
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=fmt) or b""
    return Outcome("ok", body, job.result_type, len(rows), truncated)


def _graph(result: Iterable[ox.Triple], job: Job) -> Outcome:
    if job.graph_type is None:
        return Outcome("not-acceptable")
    triples = list(islice(result, job.max_rows + 1))
    truncated = len(triples) > job.max_rows
    triples = triples[: job.max_rows]
    body = ox.serialize(triples, format=GRAPH_TYPES[job.graph_type], prefixes=PREFIXES) or b""
    return Outcome("ok", body, job.graph_type, len(triples), truncated)


def _binding(row: ox.QuerySolution, variables: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in variables:
        term = row[name]
        if term is not None:
            found[name] = term_json(term)
    return found


def term_json(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict[str, Any]:
    """One RDF term in SPARQL 1.1 Results JSON (with the RDF-star ``triple`` extension)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: term_json(v) for k, v in parts.items()}}
    found: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        found["datatype"] = term.datatype.value
    return found
