"""Federated queries: ``SERVICE <endpoint> { … }`` answered through kgdebate's own remote client.

pyoxigraph 0.5 evaluates ``SERVICE`` itself (a POST of the inner pattern), but with no time limit
and taking a Virtuoso ``206`` partial answer as complete (both observed). So a query with
``SERVICE`` blocks runs in two steps here:

1. each block's pattern goes to its endpoint as ``SELECT * WHERE { pattern }`` (with the query's
   prefixes) through :mod:`kgdebate.remote`: time limit, User-Agent, partial answers refused;
2. the block is replaced by a ``VALUES`` block of the rows that came back, and the query runs
   on our store.

This is the Federated Query spec's semantics (the pattern is evaluated at the endpoint and its
solutions joined with the rest), and Oxigraph's: the pattern is sent on its own, without the
bindings of the rest of the query, so it must be selective by itself. Only constant IRIs on the
allowlist are called (:mod:`kgdebate.sparql_guard`); ``SERVICE SILENT`` turns a failed call
into one empty solution, as the spec says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgdebate.config import Settings
from kgdebate.errors import QueryError, RemoteError
from kgdebate.remote import Endpoint, select
from kgdebate.sparql_guard import DEFAULT_LIMITS, Limits, blank_opaque, check_query
from kgdebate.sparql_values import values_block

_SERVICE = re.compile(r"(?<![?$\w:])SERVICE(\s+SILENT)?(?![\w:])", re.I)
_FORM = re.compile(r"(?<![?$\w:])(SELECT|CONSTRUCT|ASK|DESCRIBE)(?![\w:])", re.I)


@dataclass(frozen=True)
class Federation:
    """Which endpoints a query may call, and how long each call may take."""

    allowlist: tuple[str, ...]
    timeout_s: float
    max_rows: int = 10_000
    limits: Limits = DEFAULT_LIMITS
    """What the query guard allows (settings ``query_max_*``)."""

    @classmethod
    def of(cls, settings: Settings) -> Federation:
        """The federation the settings allow (``service_allowlist``, ``remote_timeout_s``…)."""
        return cls(
            settings.service_allowlist,
            settings.remote_timeout_s,
            settings.max_rows,
            settings.query_limits,
        )


@dataclass(frozen=True)
class ServiceBlock:
    start: int  # offset of the SERVICE keyword
    end: int  # offset just after the block's closing brace
    endpoint: str
    pattern: str
    silent: bool


def service_blocks(query: str) -> list[ServiceBlock]:
    """The outermost ``SERVICE`` blocks of ``query``, in order, with their offsets."""
    masked = blank_opaque(query)
    blocks: list[ServiceBlock] = []
    position = 0
    while match := _SERVICE.search(masked, position):
        after = query[match.end() :]
        iri_start = match.end() + len(after) - len(after.lstrip())  # the IRI is blank in masked
        if query[iri_start : iri_start + 1] != "<":
            raise QueryError("SERVICE needs its endpoint written as a full IRI, <https://…>")
        iri_end = query.index(">", iri_start) + 1
        open_brace = masked.find("{", iri_end)
        if open_brace < 0 or masked[iri_end:open_brace].strip():
            raise QueryError("SERVICE <…> must be followed by a { … } group")
        close_brace = _matching_brace(masked, open_brace)
        blocks.append(
            ServiceBlock(
                match.start(),
                close_brace + 1,
                query[iri_start + 1 : iri_end - 1],
                query[open_brace + 1 : close_brace],
                bool(match.group(1)),
            )
        )
        position = close_brace + 1
    return blocks


def answer_services(query: str, federation: Federation) -> str:
    """The query with each SERVICE block answered remotely and replaced by its rows (VALUES).

    Only the block's own variables are taken from an answer (an endpoint must not bind others
    of the query), and at most ``federation.max_rows`` rows: more is an incomplete answer.
    """
    check_query(query, federation.allowlist, federation.limits)
    blocks = service_blocks(query)
    for block in blocks:  # the guard's lexer and this one must agree; never call off the list
        if block.endpoint not in federation.allowlist:
            raise QueryError(
                "SERVICE is allowed only to a constant IRI on the allowlist", hint="service-refused"
            )
    form = _FORM.search(blank_opaque(query))
    prologue = query[: form.start()] if form else ""
    local = query
    for block in reversed(blocks):  # from the end, so earlier offsets stay valid
        endpoint = Endpoint(block.endpoint, federation.timeout_s)
        try:
            names, rows = select(endpoint, f"{prologue}SELECT * WHERE {{{block.pattern}}}")
        except RemoteError:
            if not block.silent:
                raise
            names, rows = [], [{}]
        if len(rows) > federation.max_rows:
            raise RemoteError(
                f"{block.endpoint} answered more than {federation.max_rows} rows for a SERVICE "
                "block: make its pattern more selective"
            )
        names = [name for name in names if _mentions(block.pattern, name)]
        values = values_block(names, [[row.get(name) for name in names] for row in rows])
        local = f"{local[: block.start]}{{ {values} }}{local[block.end :]}"
    return local


def _mentions(pattern: str, name: str) -> bool:
    """Whether ``?name`` or ``$name`` occurs as a variable in the pattern (outside strings)."""
    return re.search(rf"[?$]{re.escape(name)}(?![\w])", blank_opaque(pattern)) is not None


def _matching_brace(masked: str, open_brace: int) -> int:
    depth = 0
    for offset in range(open_brace, len(masked)):
        if masked[offset] == "{":
            depth += 1
        elif masked[offset] == "}":
            depth -= 1
            if depth == 0:
                return offset
    raise QueryError("a SERVICE block is not closed")
