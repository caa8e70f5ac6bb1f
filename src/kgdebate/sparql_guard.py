"""Checks on a SPARQL query before any engine sees it (design.md §5, security.md 3b).

Refused: over-long queries, bracket nesting deeper than ``max_depth`` (about 5,000 levels crash
Oxigraph), updates and ``LOAD`` (this is a read-only service), and ``SERVICE`` unless its IRI is a
constant on the allowlist (``SERVICE ?var`` is always refused: its target is only known at run
time). The query is lexed just enough to skip strings, IRIs and comments.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from kgdebate.errors import QueryError

MAX_QUERY_CHARS = 100_000
MAX_DEPTH = 128

_LEX = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*"
    r"|[^\"'<#]+"
    r"|.",
    re.DOTALL,
)
_UPDATE = re.compile(
    r"(?<![?$\w:])(LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:])", re.I
)
# No space is needed before the target: ``SERVICE<http://…>{…}`` and ``SERVICE SILENT<…>`` too.
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE(?![\w:])\s*(?:SILENT(?![\w:])\s*)?(\S+)", re.I)
_PREFIX = re.compile(r"(?<![?$\w:])PREFIX\s+([\w.-]*):\s*(\x00\d+\x00)", re.I)
_FROM = re.compile(r"(?<![?$\w:])FROM(?![\w:])", re.I)
_WINDOW = re.compile(r"(?<![?$\w:])(LIMIT|OFFSET)(?![\w:])", re.I)
_WHERE = re.compile(r"(?<![?$\w:])WHERE\s*\{", re.I)
_FIRST_BRACE = re.compile(r"\{")
_PNAME = re.compile(r"^([\w.-]*):(\S*)$")


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def check_query(query: str, service_allowlist: Collection[str] = ()) -> None:
    """Raise :class:`QueryError` (with a stable ``code`` in ``hint``) if the query is refused."""
    refusal = find_refusal(query, service_allowlist)
    if refusal is not None:
        raise QueryError(refusal.message, hint=refusal.code)


def find_refusal(query: str, service_allowlist: Collection[str] = ()) -> Refusal | None:
    if len(query) > MAX_QUERY_CHARS:
        return Refusal("query-too-long", f"query longer than {MAX_QUERY_CHARS} characters")
    masked, iris = _mask(query)
    depth = deepest = 0
    for char in masked:
        if char in "({[":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return Refusal("too-deep", f"query too deeply nested (limit {MAX_DEPTH} levels)")
        elif char in ")}]":
            depth -= 1
    if _UPDATE.search(masked):
        return Refusal(
            "update-refused", "updates and LOAD are not allowed: this store is read-only"
        )
    prefixes = {
        m.group(1): iris[int(m.group(2).strip("\x00"))][1:-1] for m in _PREFIX.finditer(masked)
    }
    for match in _SERVICE.finditer(masked):
        target = _service_iri(match.group(1), iris, prefixes)
        if target is None or target not in service_allowlist:
            return Refusal(
                "service-refused", "SERVICE is allowed only to a constant IRI on the allowlist"
            )
    return None


@lru_cache(maxsize=4096)  # the app binds the same few page queries on every request
def where_clause_start(query: str) -> int | None:
    """The offset just inside the ``{`` that opens the query's WHERE clause, or None.

    Strings, IRIs and comments are skipped; a query without the WHERE keyword (``ASK { … }``)
    opens its clause at its first brace.
    """
    masked = blank_opaque(query)
    where = _WHERE.search(masked) or _FIRST_BRACE.search(masked)
    return None if where is None else where.end()


def blank_opaque(query: str) -> str:
    """The query with its strings, IRIs and comments blanked out; offsets are unchanged."""
    return "".join(
        token if not _is_opaque(token) else " " * len(token) for token in _LEX.findall(query)
    )


def _is_opaque(token: str) -> bool:
    """A string, an IRI or a comment: text whose content is not SPARQL syntax."""
    return (
        token.startswith("#")
        or (token[:1] in ("'", '"') and len(token) > 1)
        or (token.startswith("<") and len(token) > 1 and token.endswith(">"))
    )


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (``FROM``/``FROM NAMED`` outside strings).

    Such a query keeps its dataset: the union default graph must not replace it (as Oxigraph's
    server does).
    """
    return bool(_FROM.search(_mask(query)[0]))


def has_window(query: str) -> bool:
    """Whether the query has a ``LIMIT`` or ``OFFSET`` of its own anywhere (outside strings)."""
    return bool(_WINDOW.search(_mask(query)[0]))


def _mask(query: str) -> tuple[str, list[str]]:
    """Replace IRIs by ``\\x00n\\x00`` and strings and comments by blanks, keeping the rest."""
    parts: list[str] = []
    iris: list[str] = []
    for token in _LEX.findall(query):
        if not _is_opaque(token):
            parts.append(token)
        elif token.startswith("<"):
            parts.append(f"\x00{len(iris)}\x00")
            iris.append(token)
        else:
            parts.append(" ")
    return "".join(parts), iris


def _service_iri(token: str, iris: list[str], prefixes: dict[str, str]) -> str | None:
    if token.startswith("\x00"):
        number = token.strip("\x00").split("\x00")[0]
        return iris[int(number)][1:-1] if number.isdigit() else None
    match = _PNAME.match(token.rstrip("{"))
    if match and match.group(1) in prefixes:
        return prefixes[match.group(1)] + match.group(2)
    return None  # a variable, or something that is not a constant IRI
