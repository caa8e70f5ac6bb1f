"""The HTML page of an entity: what the store says of it (out and in), the panels of its kinds
(a document's with its debate map and export downloads) and its codes in the field's schemes.

The page's data is finished here, as plain views, before the template runs.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import abort, render_template, request

from kgdebate.exports.debate import debate_of
from kgdebate.exports.document import document_of
from kgdebate.namespaces import KGD, OWL, SKOS
from kgdebate.ontology import ontology_label
from kgdebate.web.context import context
from kgdebate.web.debatemap import build_map
from kgdebate.web.describe import Link, describe
from kgdebate.web.exports import document_exports
from kgdebate.web.linked_data import alternates
from kgdebate.web.panels import panel_view, panels_for, run_panels
from kgdebate.web.terms import view, view_property

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


def page_number(name: str) -> int:
    """The page asked for a paged list (``?in=2``, ``?claims-about=3``); 0 when absent."""
    raw = request.args.get(name, "0")
    if not raw.isdigit() or int(raw) > MAX_PAGE:
        abort(400)
    return int(raw)


def entity_page(iri: str, links: dict[str, str]) -> str:
    """The HTML page of ``iri``: its description, the panels of its kinds (a document's with its
    debate map and downloads), its codes; ``links`` are its RDF formats' URLs."""
    ctx = context()
    base = ctx.settings.base_iri
    description = describe(ctx.store, iri, page_number("in"))
    asked = [
        (panel, page_number(panel.name) if panel.page_size else 0)
        for panel in panels_for(description.kinds)
    ]
    panels = run_panels(ctx.store, asked, iri)
    document = document_of(iri, base) if "document" in description.kinds else None
    debate_map = None
    if document is not None:  # the debate the exports build, from the rows of its panels
        rows = {panel.panel.name: panel.rows for panel in panels}
        debate = debate_of(document, rows["document-claims"], rows["document-relations"])
        debate_map = build_map(debate, rows["document-citations"], base)
    return render_template(
        "entity.html",
        d=description,
        types=[view(base, link.term, link.label) for link in description.types],
        downloads=document_exports(document) if document else [],
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
    return ontology_label(iri) or iri.rsplit("#", 1)[-1]
