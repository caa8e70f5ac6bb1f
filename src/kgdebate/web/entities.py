"""Entity pages: ``/id/…`` → 303 → ``/doc/…``, negotiated as HTML, Turtle, JSON-LD, N-Triples
and RDF/XML.

External IRIs that occur in the graph (a Wikidata item, a source URL) have a page at
``/doc/external?iri=…``; the app never redirects to them. Unknown and malformed identifiers get
the one generic 404 (control characters a 400), and nothing here reads a file named by a request.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request
from rdflib import URIRef
from werkzeug.wrappers import Response as BaseResponse

from kgdebate.exports.debate import debate_of
from kgdebate.exports.document import document_of
from kgdebate.namespaces import KGD, OWL, RDFS, SKOS
from kgdebate.ontology import ontology_graph
from kgdebate.web.context import context
from kgdebate.web.debatemap import build_map
from kgdebate.web.describe import Link, describe, exists, kinds_of, rdf_of
from kgdebate.web.errors import moved
from kgdebate.web.exports import document_exports
from kgdebate.web.linked_data import (
    BY_SUFFIX,
    FORMATS,
    VOCAB,
    alternates,
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
from kgdebate.web.panels import (
    BY_NAME,
    DOWNLOADS,
    download,
    panel_view,
    panels_for,
    run_panel,
)
from kgdebate.web.terms import view, view_property

bp = Blueprint("entities", __name__)
answer_options_with_204(bp)

IDENTIFIER_PROPERTIES = [
    str(KGD[name])
    for name in (
        "wikidataId",
        "iso3166Alpha2",
        "iso3166Alpha3",
        "iso3166Numeric",
        "cowCode",
        "cowAbbreviation",
        "gwCode",
        "cameoCode",
        "cameoEventCode",
    )
]
# The property that holds a code's name in its codebook, stored beside the code at build.
CODE_NAMES = {str(KGD.cameoEventCode): str(KGD.cameoEventName)}
SAME_AS = {str(OWL.sameAs), str(SKOS.exactMatch), str(SKOS.closeMatch)}
MAX_PAGE = 10_000


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
        return _panel_download(iri)
    fmt = negotiate(suffix)
    if fmt.oxigraph is not None:
        in_page = _page_number("in")
        triples, more_in = rdf_of(context().store, iri, in_page)
        response = rdf_response(triples, fmt)
        negotiated_headers(response, links)
        _link_in_pages(response, in_page, more_in)
    else:
        response = Response(_render_page(iri, links), mimetype="text/html")
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


def _page_number(name: str) -> int:
    """The page asked for a paged list (``?in=2``, ``?claims-about=3``); 0 when absent."""
    raw = request.args.get(name, "0")
    if not raw.isdigit() or int(raw) > MAX_PAGE:
        abort(400)
    return int(raw)


def _render_page(iri: str, links: dict[str, str]) -> str:
    ctx = context()
    base = ctx.settings.base_iri
    description = describe(ctx.store, iri, _page_number("in"))
    panels = [
        run_panel(ctx.store, panel, iri, _page_number(panel.name) if panel.page_size else 0)
        for panel in panels_for(description.kinds)
    ]
    by_name = {rows.panel.name: rows for rows in panels}
    debate_map = None
    if "document-claims" in by_name:
        debate = debate_of(
            document_of(iri, base),
            by_name["document-claims"].rows,
            by_name["document-relations"].rows,
        )
        debate_map = build_map(debate, by_name["document-citations"].rows, base)
    return render_template(
        "entity.html",
        d=description,
        types=[view(base, link.term, link.label) for link in description.types],
        downloads=document_exports(iri) if "document" in description.kinds else [],
        panels=[panel_view(rows, base) for rows in panels],
        debate_map=debate_map,
        identifiers=_identifiers(description.out),
        alternates=alternates(links),
        out_rows=[
            (view_property(base, k.predicate), view(base, k.term, k.label)) for k in description.out
        ],
        in_rows=[
            (view(base, k.term, k.label), view_property(base, k.predicate))
            for k in description.in_links
        ],
    )


def _identifiers(out: list[Link]) -> list[tuple[str, str, str | None, str | None]]:
    """(scheme, code, link, name) for every code; a code links where a same-as IRI ends with it.

    Only Wikidata IDs have such IRIs (``owl:sameAs wd:Q…``); ISO 3166-1, Correlates of War,
    Gleditsch-Ward and CAMEO codes have none, so they are shown as values. The scheme's name is
    the property's label in the ontology; a CAMEO event code also shows its name in the codebook.
    """
    same = [
        link.term.value
        for link in out
        if link.predicate.value in SAME_AS and isinstance(link.term, ox.NamedNode)
    ]
    values = {
        link.predicate.value: link.term.value for link in out if isinstance(link.term, ox.Literal)
    }
    codes = sorted(
        (IDENTIFIER_PROPERTIES.index(link.predicate.value), link.predicate.value, link.term.value)
        for link in out
        if link.predicate.value in IDENTIFIER_PROPERTIES and isinstance(link.term, ox.Literal)
    )
    found: list[tuple[str, str, str | None, str | None]] = []
    for _, predicate, code in codes:
        match = next((s for s in same if s.rsplit("/", 1)[-1] == code), None)
        name = values.get(CODE_NAMES.get(predicate, ""))
        found.append((_scheme(predicate), code, match, name))
    return found


def _scheme(iri: str) -> str:
    label = ontology_graph().value(URIRef(iri), RDFS.label)
    return str(label) if label is not None else iri.rsplit("#", 1)[-1]


def _panel_download(iri: str) -> Response:
    panel = BY_NAME.get(request.args.get("panel", ""))
    fmt = request.args.get("format", "csv")
    kinds = kinds_of(context().store, iri)
    if panel is None or not panel.kinds.intersection(kinds):
        abort(404)
    if fmt not in DOWNLOADS:
        abort(400)
    return download(panel, iri, fmt)
