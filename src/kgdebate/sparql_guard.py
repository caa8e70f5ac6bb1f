"""Checks on a SPARQL query before any engine sees it (design.md §5, security.md 3b).

The query is read by the SPARQL grammar's own terminals (:mod:`kgdebate.sparql_tokens`), never by
a hand lexer that a ``\\#`` in a prefixed name could fool. Refused: over-long queries and IRIs;
updates and ``LOAD`` (this is a read-only service); ``SERVICE`` unless its target is a constant IRI
on the allowlist (``SERVICE ?var`` is always refused: its target is only known at run time); and
queries shaped to crash or stall the engine. Measured on pyoxigraph 0.5.13 (``bench/guard_fuzz.py``
prints it again): about 5,000 nested brackets, 5,000-8,000 chained ``+`` or ``UNION`` and
8,000-12,000 chained ``||`` or ``|`` kill the process (SIGSEGV); a 500-step property path runs
8.6 s, and planning a join grows with the cube of its triple patterns (200: 0.5 s, 400: 3.5 s,
600: 10.5 s, even over no data). The default limits stay 5-40 times below the crashes and keep
the planning of the largest allowed query under a second.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kgdebate.errors import QueryError
from kgdebate.sparql_tokens import OPAQUE, Token, iri_value, pname_parts, significant, tokens

MAX_QUERY_CHARS = 100_000
MAX_IRI_CHARS = 2_048


@dataclass(frozen=True)
class Limits:
    """How much structure a query may have (settings ``query_max_*``)."""

    depth: int = 128
    """Bracket nesting, ``(`` ``{`` ``[`` together."""
    operators: int = 1_000
    """Expression and path operators (``+``, ``||``, ``/``, ``|``, ``!``, ``IN`` …)."""
    patterns: int = 256
    """Triple patterns and group combinators (``.`` ``;`` ``,`` ``{`` ``UNION`` ``OPTIONAL``…)."""
    path_steps: int = 64
    """Steps of the longest property path (``<a>/<b>|<c>`` has three)."""


DEFAULT_LIMITS = Limits()

_UPDATES = frozenset(
    {"LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
_OPERATORS = frozenset(
    {"||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "!", "^", "|", "IN"}
)
_PATTERNS = frozenset({".", ";", ",", "{", "UNION", "OPTIONAL", "MINUS", "GRAPH", "SERVICE"})
_PATH_TERMS = frozenset({"iri", "pname"})
_BRACKETS = {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}
_BRACKET_CHARS = frozenset(_BRACKETS)
_PATH_GLUE = frozenset({"/", "|", "^", "(", ")", "*", "+", "?"})


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def check_query(
    query: str, service_allowlist: Collection[str] = (), limits: Limits = DEFAULT_LIMITS
) -> None:
    """Raise :class:`QueryError` (with a stable ``code`` in ``hint``) if the query is refused."""
    refusal = find_refusal(query, service_allowlist, limits)
    if refusal is not None:
        raise QueryError(refusal.message, hint=refusal.code)


def find_refusal(
    query: str,
    service_allowlist: Collection[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Refusal | None:
    """Why ``query`` may not run, or None."""
    if len(query) > MAX_QUERY_CHARS:
        return Refusal("query-too-long", f"query longer than {MAX_QUERY_CHARS} characters")
    found = significant(query)
    return (
        _too_long_iri(found)
        or _too_big(found, limits)
        or _update(found)
        or _service(found, service_allowlist)
    )


def _too_long_iri(found: Sequence[Token]) -> Refusal | None:
    if any(t.kind == "iri" and len(t.text) > MAX_IRI_CHARS for t in found):
        return Refusal("iri-too-long", f"an IRI in the query is longer than {MAX_IRI_CHARS}")
    return None


def _too_big(found: Sequence[Token], limits: Limits) -> Refusal | None:
    depth = deepest = operators = patterns = path = longest_path = 0
    previous: Token | None = None
    for token in found:
        kind, text = token.kind, token.text
        if kind == "other" and text in _BRACKETS:
            depth += _BRACKETS[text]
            deepest = max(deepest, depth)
        elif kind == "iri" and _BRACKET_CHARS.intersection(text):
            # Brackets inside an "IRI" count too: where the engine reads its "<" as "less than"
            # (``?a<((1))>?b``) they are real brackets.
            for char in text:
                depth += _BRACKETS.get(char, 0)
                deepest = max(deepest, depth)
        word = token.upper if kind == "word" else text
        operators += kind == "other" and word in _OPERATORS or word == "IN"
        patterns += kind in ("other", "word") and word in _PATTERNS
        if kind in _PATH_TERMS or word == "a":
            joined = previous is not None and previous.text in ("/", "|")
            path = path + 1 if joined else 1
            longest_path = max(longest_path, path)
        elif text not in _PATH_GLUE:
            path = 0
        previous = token
    if deepest > limits.depth:
        return Refusal("too-deep", f"query too deeply nested (limit {limits.depth} levels)")
    if operators > limits.operators:
        return Refusal("too-many-operators", f"more than {limits.operators} operators")
    if patterns > limits.patterns:
        return Refusal("too-many-patterns", f"more than {limits.patterns} patterns and groups")
    if longest_path > limits.path_steps:
        return Refusal("path-too-long", f"a property path longer than {limits.path_steps} steps")
    return None


def _update(found: Sequence[Token]) -> Refusal | None:
    if any(t.kind == "word" and t.upper in _UPDATES for t in found):
        return Refusal(
            "update-refused", "updates and LOAD are not allowed: this store is read-only"
        )
    return None


def _service(found: Sequence[Token], allowlist: Collection[str]) -> Refusal | None:
    """Every SERVICE target must be an absolute IRI on the allowlist, written plainly.

    The engine reads keywords without a word boundary (``SERVICEex:x`` and ``SERVICE SILENTex:x``
    call ``ex:x``, measured), so any name that merely starts with SERVICE or SILENT is refused, and
    so is a prologue that is not plain ``PREFIX name: <IRI>`` and ``BASE <IRI>`` declarations.
    Relative targets are refused rather than resolved: the engine's resolution is the one that
    would count, and it is not ours to guess.
    """
    prefixes, body = _prologue(found)
    if prefixes is None:
        return _SERVICE_REFUSED if any(_names_service(t) for t in found) else None
    for at in range(body, len(found)):
        token = found[at]
        if not _names_service(token):
            continue
        if token.upper != "SERVICE":
            return _SERVICE_REFUSED
        target = found[at + 1] if at + 1 < len(found) else None
        if target is not None and target.upper.startswith("SILENT"):
            if target.upper != "SILENT":
                return _SERVICE_REFUSED
            target = found[at + 2] if at + 2 < len(found) else None
        resolved = _constant_iri(target, prefixes)
        if resolved is None or resolved not in allowlist:
            return _SERVICE_REFUSED
    return None


_SERVICE_REFUSED = Refusal(
    "service-refused", "SERVICE is allowed only to a constant IRI on the allowlist"
)
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_FORMS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})


def _names_service(token: Token) -> bool:
    return token.kind in ("word", "pname") and token.upper.startswith("SERVICE")


def _prologue(found: Sequence[Token]) -> tuple[dict[str, str] | None, int]:
    """The absolute prefix IRIs declared before the query form, and where the form starts.

    None when the prologue is anything but plain declarations (or declares a prefix twice with
    different IRIs): the guard does not guess what the engine makes of it.
    """
    prefixes: dict[str, str] = {}
    at = 0
    while at < len(found) and not (found[at].kind == "word" and found[at].upper in _FORMS):
        token, following = found[at], found[at + 1 : at + 3]
        if token.kind == "word" and token.upper == "BASE" and following[:1]:
            if following[0].kind != "iri":
                return None, at
            at += 2
        elif token.kind == "word" and token.upper == "PREFIX" and len(following) == 2:
            name, iri = following
            if name.kind != "pname" or not name.text.endswith(":") or iri.kind != "iri":
                return None, at
            value = iri_value(iri)
            if prefixes.get(name.text[:-1], value) != value:
                return None, at
            if _ABSOLUTE.match(value):
                prefixes[name.text[:-1]] = value
            at += 3
        else:
            return None, at
    return prefixes, at


def _constant_iri(token: Token | None, prefixes: dict[str, str]) -> str | None:
    if token is None:
        return None
    if token.kind == "iri":
        value = iri_value(token)
        return value if _ABSOLUTE.match(value) else None
    if token.kind == "pname":
        prefix, local = pname_parts(token)
        return prefixes[prefix] + local if prefix in prefixes else None
    return None  # a variable, or something that is not a constant IRI


@lru_cache(maxsize=4096)  # the app binds the same few page queries on every request
def where_clause_start(query: str) -> int | None:
    """The offset just inside the ``{`` that opens the query's WHERE clause, or None.

    A query without the WHERE keyword (``ASK { … }``) opens its clause at its first brace.
    """
    found = significant(query)
    for at, token in enumerate(found):
        if token.kind == "word" and token.upper == "WHERE":
            if at + 1 < len(found) and found[at + 1].text == "{":
                return found[at + 1].start + 1
    brace = next((t for t in found if t.text == "{"), None)
    return None if brace is None else brace.start + 1


def blank_opaque(query: str) -> str:
    """The query with its strings, IRIs and comments blanked out; offsets are unchanged."""
    return "".join(" " * len(t.text) if t.kind in OPAQUE else t.text for t in tokens(query))


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (``FROM``/``FROM NAMED`` outside strings).

    Such a query keeps its dataset: the union default graph must not replace it (as Oxigraph's
    server does).
    """
    return _has_word(query, "FROM")


def has_window(query: str) -> bool:
    """Whether the query has a ``LIMIT`` or ``OFFSET`` of its own anywhere (outside strings)."""
    return _has_word(query, "LIMIT") or _has_word(query, "OFFSET")


def _has_word(query: str, word: str) -> bool:
    return any(t.kind == "word" and t.upper == word for t in significant(query))
