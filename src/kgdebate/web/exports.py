"""Downloads of one document in the formats other tools read: ``/exports/document/<file>``.

The file name is the download's name, ``<slug>.<format suffix>``: ``.aif.json`` (AIFdb JSON),
``.schema.jsonld`` (schema.org), ``.argdown``, ``.csv.zip`` (the four tables) and one table
alone as ``.claims.csv``, ``.citations.csv``, ``.actors.csv`` or ``.events.csv``. An unknown
document or suffix gets the app's one generic 404. Document pages link here
(:func:`document_exports`).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, request

from kgdebate.exports.document import UnknownDocument, find_document
from kgdebate.exports.formats import DOCUMENT_FORMATS, Export, export_document
from kgdebate.exports.tables import MEDIA_TYPE as CSV_MEDIA_TYPE
from kgdebate.exports.tables import TABLES, table_csv
from kgdebate.web import context
from kgdebate.web.linked_data import answer_options_with_204

bp = Blueprint("exports", __name__)
answer_options_with_204(bp)

BY_SUFFIX = {f.file_suffix: f.name for f in DOCUMENT_FORMATS.values()}
DOCUMENT_PATH = "id/document/"
LINKS = (
    ("AIF JSON", ".aif.json"),
    ("schema.org JSON-LD", ".schema.jsonld"),
    ("Argdown", ".argdown"),
    ("CSV tables (zip)", ".csv.zip"),
    *((f"{table} CSV", f".{table}.csv") for table in TABLES),
)


@bp.get("/exports/document/<name>")
def download(name: str) -> Response:
    """``<slug><suffix>``: slugs have no dots, so the first dot starts the suffix."""
    slug, dot, rest = name.partition(".")
    suffix = dot + rest
    ctx = context()
    try:
        if suffix in BY_SUFFIX:
            exported = export_document(ctx.store, ctx.settings.base_iri, slug, BY_SUFFIX[suffix])
        elif suffix.endswith(".csv") and suffix[1:-4] in TABLES:
            document = find_document(ctx.store, ctx.settings.base_iri, slug)
            body = table_csv(ctx.store, document, suffix[1:-4]).encode("utf-8")
            exported = Export(body, CSV_MEDIA_TYPE, name)
        else:
            abort(404)
    except UnknownDocument:
        abort(404)
    response = Response(exported.body, content_type=exported.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


def document_exports(iri: str) -> list[tuple[str, str]]:
    """(label, URL) of each download of a document, for its page; none for other entities."""
    base = context().settings.base_iri
    if not iri.startswith(base + DOCUMENT_PATH):
        return []
    slug = iri[len(base + DOCUMENT_PATH) :]
    root = request.script_root
    return [(label, f"{root}/exports/document/{slug}{suffix}") for label, suffix in LINKS]


@bp.app_context_processor
def export_links() -> dict[str, object]:
    return {"document_exports": document_exports}
