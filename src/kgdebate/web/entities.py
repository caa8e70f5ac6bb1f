"""Entity pages: ``/id/…`` → 303 → ``/doc/…``, negotiated as HTML, Turtle, JSON-LD, N-Triples
and RDF/XML.

External IRIs that occur in the graph (a Wikidata item, a source URL) have a page at
``/doc/external?iri=…``; the app never redirects to them. Unknown and malformed identifiers get
the one generic 404 (control characters a 400), and nothing here reads a file named by a request.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request
from werkzeug.wrappers import Response as BaseResponse

from kgdebate.web.context import context
from kgdebate.web.describe import exists, kinds_of, rdf_of
from kgdebate.web.entity_page import entity_page, page_number
from kgdebate.web.errors import moved
from kgdebate.web.linked_data import (
    BY_SUFFIX,
    FORMATS,
    VOCAB,
    answer_options_with_204,
    iri_for_path,
    negotiate,
    negotiated_headers,
    path_for_iri,
    public,
    rdf_response,
    reject_control_characters,
    split_suffix,
)
from kgdebate.web.page_cache import cached
from kgdebate.web.panels import panel_download

bp = Blueprint("entities", __name__)
answer_options_with_204(bp)


@bp.before_app_request
def refuse_control_characters_in_identifiers() -> None:
    """CR/LF in a path never reach a route (Werkzeug's ``path`` stops at them): 400 here."""
    if request.path.startswith(("/id/", "/doc/", "/vocab/")):
        reject_control_characters(request.path)


def _see_other(path: str) -> BaseResponse:
    reject_control_characters(path)
    settings = context().settings
    iri = iri_for_path(settings.base_iri, path)
    if iri is None or not exists(context().store, iri):
        abort(404)
    return moved(public(settings.public_url, "doc/" + path), 303)


@bp.get("/id/<path:path>")
def identifier(path: str) -> BaseResponse:
    if path.startswith(VOCAB + "/"):
        abort(404)
    return _see_other(path)


@bp.get("/vocab/<path:path>")
def concept(path: str) -> BaseResponse:
    return _see_other(f"{VOCAB}/{path}")


@bp.get("/doc/<path:path>")
@cached
def document(path: str) -> BaseResponse:
    reject_control_characters(path)
    settings = context().settings
    stem, suffix = split_suffix(path)
    iri = iri_for_path(settings.base_iri, stem)
    if iri is None or not exists(context().store, iri):
        abort(404)
    doc_url = public(settings.public_url, "doc/" + stem)
    links = {f.suffix: f"{doc_url}.{f.suffix}" for f in FORMATS}
    return _entity_response(iri, suffix, links)


@bp.get("/doc/external")
@cached
def external() -> BaseResponse:
    raw = request.args.get("iri", "")
    reject_control_characters(raw)
    settings = context().settings
    try:
        iri = ox.NamedNode(raw).value
    except ValueError:
        abort(404)
    own = path_for_iri(settings.base_iri, iri)
    if own is not None:
        return moved(public(settings.public_url, "doc/" + own), 301)
    if not exists(context().store, iri):
        abort(404)
    suffix = request.args.get("format")
    if suffix is not None and suffix not in BY_SUFFIX:
        abort(404)
    page = public(settings.public_url, "doc/external")
    links = {f.suffix: f"{page}?{urlencode({'iri': iri, 'format': f.suffix})}" for f in FORMATS}
    return _entity_response(iri, suffix, links)


def _entity_response(iri: str, suffix: str | None, links: dict[str, str]) -> BaseResponse:
    if "panel" in request.args:
        kinds = kinds_of(context().store, iri)
        return panel_download(iri, kinds, request.args["panel"], request.args.get("format", "csv"))
    fmt = negotiate(suffix)
    if fmt.oxigraph is not None:
        in_page = page_number("in")
        triples, more_in = rdf_of(context().store, iri, in_page)
        response = rdf_response(triples, fmt)
        negotiated_headers(response, links)
        _link_in_pages(response, in_page, more_in)
    else:
        response = Response(entity_page(iri, links), mimetype="text/html")
        negotiated_headers(response, links)
    return response


def _link_in_pages(response: Response, page: int, more: bool) -> None:
    """``Link: rel="next"``/``"prev"`` between the RDF pages of in-links (``?in=N``)."""
    here = public(context().settings.public_url, request.path.lstrip("/"))
    for rel, number in (("prev", page - 1 if page else None), ("next", page + 1 if more else None)):
        if number is not None:
            kept = {k: v for k, v in request.args.items() if k in ("iri", "format")}
            url = f"{here}?{urlencode({**kept, 'in': number})}"
            response.headers.add("Link", f'<{url}>; rel="{rel}"')
