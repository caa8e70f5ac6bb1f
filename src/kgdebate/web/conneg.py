"""Media types ↔ pyoxigraph formats, and content negotiation through werkzeug's ``best_match``.

The one place that names a media type. Offers are listed machine default first: werkzeug breaks a
tie (``*/*``) by the server's offer order, so ``*/*`` gets SPARQL JSON for a SELECT and Turtle for a
graph. Accept headers are never parsed by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from werkzeug.datastructures import MIMEAccept

from kgdebate.media_types import GRAPH_TYPES, RESULT_TYPES

_ALIASES = {
    "application/json": "application/sparql-results+json",  # what many JSON clients ask for
    "application/turtle": "text/turtle",  # SPARQLWrapper's first choice for TURTLE
}

HTML = "text/html"
MAX_ACCEPT_CHARS = 4096
"""A longer Accept header is refused (431) rather than parsed."""


def result_offers() -> list[str]:
    return [*RESULT_TYPES, *(a for a, t in _ALIASES.items() if t in RESULT_TYPES)]


def graph_offers() -> list[str]:
    return [*GRAPH_TYPES, *(a for a, t in _ALIASES.items() if t in GRAPH_TYPES)]


def negotiate(accept: MIMEAccept, offers: Sequence[str]) -> str | None:
    """The canonical media type to answer with, or ``None`` for 406.

    A missing or empty header, or one with no usable entry (``,,,;;;``, or only invalid q-values,
    which werkzeug drops), gets the first offer, as RFC 9110 says; a header whose entries all miss
    gets ``None``.
    """
    if not any("/" in value for value, _quality in accept):
        return offers[0]
    chosen = accept.best_match(offers)
    return None if chosen is None else _ALIASES.get(chosen, chosen)


def supported_types() -> list[str]:
    """Every media type the endpoint can answer with, for a 406 body."""
    return [*RESULT_TYPES, *GRAPH_TYPES, HTML]


def content_type(media_type: str) -> str:
    """The Content-Type header for a media type we serve (all our text formats are UTF-8)."""
    textual = media_type.startswith("text/") or media_type.endswith(("+xml", "+json"))
    return f"{media_type}; charset=utf-8" if textual else media_type
