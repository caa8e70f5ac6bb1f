"""Cool URIs for the project's IRIs: identifiers ↔ document URLs, and RDF by content negotiation.

``<base>id/<type>/<slug…>`` is served at ``/doc/<type>/<slug…>`` and ``<base>vocab/<slug>`` at
``/doc/vocab/<slug>`` (style.md §5.3), as HTML, Turtle, JSON-LD, N-Triples and RDF/XML. A path is
decoded once by Werkzeug, then checked here: control characters are a 400, anything that is not a
minted path (``..``, ``%2F`` tricks, upper case, ``;params``, a trailing slash) is the same 404 as
an unknown entity, and nothing ever touches the file system. URLs the app hands out (``Location``,
``Link``) are built from ``settings.public_url``, never from the Host header.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request

from kgdebate.mint import SLUG, THING_TYPES
from kgdebate.namespaces import PREFIXES

MAX_IDENTIFIER_CHARS = 1024
VOCAB = "vocab"


@dataclass(frozen=True)
class RdfFormat:
    suffix: str
    media_type: str
    oxigraph: ox.RdfFormat | None  # None: HTML
    name: str
    """What a page calls the format in its list of formats."""


# Machine default first: ties (``*/*``) go to the server's first offer (style.md §5.3).
FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("ttl", "text/turtle", ox.RdfFormat.TURTLE, "Turtle"),
    RdfFormat("html", "text/html", None, "HTML"),
    RdfFormat("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "JSON-LD"),
    RdfFormat("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "N-Triples"),
    RdfFormat("rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML, "RDF/XML"),
)
BY_SUFFIX = {f.suffix: f for f in FORMATS}
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}


def reject_control_characters(text: str) -> None:
    """400 for NUL, CR, LF and other control characters; 414 for an overlong identifier."""
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in text):
        abort(400)
    if len(text) > MAX_IDENTIFIER_CHARS:
        abort(414)


def split_suffix(path: str, formats: dict[str, RdfFormat] = BY_SUFFIX) -> tuple[str, str | None]:
    """``actor/ukraine.ttl`` → (``actor/ukraine``, ``ttl``); slugs never contain a dot."""
    stem, dot, suffix = path.rpartition(".")
    if dot and suffix in formats:
        return stem, suffix
    return path, None


def iri_for_path(base: str, path: str) -> str | None:
    """The IRI a ``/doc/`` path stands for, or None when the path is not a minted one."""
    segments = path.split("/")
    if len(segments) < 2 or not all(SLUG.match(s) for s in segments):
        return None
    if segments[0] == VOCAB:
        return f"{base}{VOCAB}/{'/'.join(segments[1:])}" if len(segments) == 2 else None
    if segments[0] not in THING_TYPES:
        return None
    return f"{base}id/{path}"


def path_for_iri(base: str, iri: str) -> str | None:
    """The ``/doc/`` path of one of our IRIs (no fragment), or None for anything else."""
    for prefix, keep in ((f"{base}id/", ""), (f"{base}{VOCAB}/", f"{VOCAB}/")):
        if iri.startswith(prefix):
            path = keep + iri[len(prefix) :]
            return path if iri_for_path(base, path) == iri else None
    return None


def public(settings_url: str, path: str) -> str:
    """An absolute URL under the configured public URL (``path`` without a leading slash)."""
    return settings_url.rstrip("/") + "/" + path.lstrip("/")


def negotiate(suffix: str | None, formats: Iterable[RdfFormat] = FORMATS) -> RdfFormat:
    """The format a suffix pins, else the best match for Accept (406 when nothing fits)."""
    offered = {f.media_type: f for f in formats}
    if suffix is not None:
        return BY_SUFFIX[suffix]
    if not request.headers.get("Accept", "").strip():
        return next(iter(offered.values()))
    best = request.accept_mimetypes.best_match(list(offered))
    if best is None:
        abort(406)
    return offered[best]


def rdf_response(triples: list[ox.Triple], fmt: RdfFormat) -> Response:
    assert fmt.oxigraph is not None
    prefixes = PREFIXES if fmt.oxigraph in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes)
    return Response(body, mimetype=fmt.media_type)


def negotiated_headers(
    response: Response, links: dict[str, str], formats: Iterable[RdfFormat] = FORMATS
) -> None:
    """``Vary: Accept`` and one ``Link: <…>; rel="alternate"`` per format (``links`` by suffix)."""
    response.vary.add("Accept")
    response.headers["Link"] = ", ".join(
        f'<{links[f.suffix]}>; rel="alternate"; type="{f.media_type}"' for f in formats
    )


def alternates(links: dict[str, str]) -> list[tuple[RdfFormat, str]]:
    """The RDF formats of a page with their URLs (``links`` by suffix), as its list offers them."""
    return [(f, links[f.suffix]) for f in FORMATS if f.oxigraph is not None and f.suffix in links]


def answer_options_with_204(blueprint: Blueprint) -> None:
    """OPTIONS gets 204 with ``Allow`` (Flask's automatic answer is a 200)."""

    @blueprint.after_request
    def options_no_content(response: Response) -> Response:
        if request.method == "OPTIONS" and response.status_code == 200:
            response.status_code = 204
            response.set_data(b"")
        return response
