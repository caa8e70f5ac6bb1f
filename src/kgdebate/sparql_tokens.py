"""SPARQL 1.1 read by its grammar's own terminals (SPARQL 1.1 Query, §19.8 "Grammar").

The query guard decides what a query may do from these tokens, so they must never hide from it
what the engine sees. What can hide text is an *opaque* token: a string, an IRI or a comment.
The rules that keep them honest:

- A prefixed name is read whole, with its escapes (``ex:a\\#``, ``ex:a\\'`` are PN_LOCAL_ESC) and
  ``%hh`` (PLX): a ``#`` or a quote inside it starts no comment and no string. Any other backslash
  outside a string takes the next character with it, so a ``#`` or quote behind one is never
  opaque either (the engine refuses such a query; the guard reads on).
- Name characters are a superset of the grammar's (every non-ASCII character): SPARQL gives
  non-ASCII characters no meaning outside names, strings and IRIs.
- Where the grammar allows an IRI but the engine reads ``<`` as "less than" (``?a<?b&&?c>?d``),
  the "IRI" cannot hold white space, braces, quotes or ``<``: no keyword with its group can hide
  in it. Brackets can, so the guard counts brackets inside IRIs too, and caps an IRI's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

Kind = Literal["iri", "string", "comment", "space", "var", "bnode", "pname", "word", "other"]

_NAME_START = "A-Za-z\u0080-\U0010ffff"
_NAME = f"{_NAME_START}_0-9\\-"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PREFIX = f"[{_NAME_START}](?:[{_NAME}.]*[{_NAME}])?"
_LOCAL = f"(?:[{_NAME_START}_:0-9]|{_PLX})(?:(?:[{_NAME}.:]|{_PLX})*(?:[{_NAME}:]|{_PLX}))?"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

_TOKEN = re.compile(
    rf"""
    (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
      | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
      | '(?:[^'\\\n\r]|\\.)*'
      | "(?:[^"\\\n\r]|\\.)*")
  | (?P<comment>\#[^\n\r]*)
  | (?P<space>\s+)
  | (?P<var>[?$][{_NAME}]+)
  | (?P<bnode>_:[{_NAME}.]*)
  | (?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<other>\|\||&&|!=|<=|>=|\^\^|\\.|[0-9]+|.)
    """,
    re.VERBOSE | re.DOTALL,
)

OPAQUE: frozenset[Kind] = frozenset({"iri", "string", "comment"})


class Token(NamedTuple):  # a tuple: a 100 kB query has some 30,000 tokens
    kind: Kind
    text: str
    start: int

    @property
    def upper(self) -> str:
        return self.text.upper()


def tokens(query: str) -> Iterator[Token]:
    """Every token of ``query`` in order; together they spell the query exactly."""
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        assert kind is not None  # the last alternative matches any character
        yield Token(kind, match.group(), match.start())  # type: ignore[arg-type]


def significant(query: str) -> list[Token]:
    """The tokens that are not white space or comments."""
    return [t for t in tokens(query) if t.kind not in ("space", "comment")]


_ESCAPE = re.compile(_UCHAR)


def iri_value(token: Token) -> str:
    """The IRI an ``iri`` token spells, its ``\\u`` escapes decoded."""
    return _ESCAPE.sub(lambda m: chr(int(m.group()[2:], 16)), token.text[1:-1])


_LOCAL_ESCAPE = re.compile(r"\\(.)")


def pname_parts(token: Token) -> tuple[str, str]:
    """The prefix and the local part of a prefixed name, the local part's escapes removed."""
    prefix, _, local = token.text.partition(":")
    return prefix, _LOCAL_ESCAPE.sub(r"\1", local)
