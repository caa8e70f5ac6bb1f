"""Downloads of one document in the formats other tools read: ``/exports/document/<file>``.

The file name is the download's name, ``<slug><file suffix>``, one per format of
:data:`~kgdebate.exports.formats.DOCUMENT_FORMATS` (the formats of ``kgdebate export
--document``): ``.aif.json`` (AIFdb JSON), ``.schema.jsonld`` (schema.org), ``.argdown``,
``.csv.zip`` (the four tables) and one table alone as ``.claims.csv``, ``.citations.csv``,
``.actors.csv`` or ``.events.csv``. An unknown document or suffix gets the app's one generic
404. Document pages link here (:func:`document_exports`).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, url_for

from kgdebate.exports.document import Document, UnknownDocument
from kgdebate.exports.formats import DOCUMENT_FORMATS, export_document
from kgdebate.web.context import context
from kgdebate.web.linked_data import answer_options_with_204

bp = Blueprint("exports", __name__)
answer_options_with_204(bp)

BY_SUFFIX = {f.file_suffix: f.name for f in DOCUMENT_FORMATS.values()}


@bp.get("/exports/document/<name>")
def download(name: str) -> Response:
    """``<slug><suffix>``: slugs have no dots, so the first dot starts the suffix."""
    slug, dot, rest = name.partition(".")
    fmt = BY_SUFFIX.get(dot + rest)
    if fmt is None:
        abort(404)
    ctx = context()
    try:
        exported = export_document(ctx.store, ctx.settings.base_iri, slug, fmt)
    except UnknownDocument:
        abort(404)
    response = Response(exported.body, content_type=exported.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


def document_exports(document: Document) -> list[tuple[str, str]]:
    """(label, URL) of each download of a document, for its page."""
    if not document.slug:
        return []
    return [
        (f.label, url_for("exports.download", name=document.slug + f.file_suffix))
        for f in DOCUMENT_FORMATS.values()
    ]
