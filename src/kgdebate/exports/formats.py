"""The per-document export formats by name: what each renders, its media type and file name.

The CLI (``kgdebate export --format NAME --document SLUG``) and the web app
(``/exports/document/<slug>/…``) both go through :func:`export_document`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kgdebate.exports.aif import aif_json
from kgdebate.exports.argdown import argdown_text
from kgdebate.exports.debate import load_debate
from kgdebate.exports.document import Document, find_document
from kgdebate.exports.schema_org import schema_org_jsonld
from kgdebate.exports.tables import tables_zip
from kgdebate.store import OxigraphStore


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class DocumentFormat:
    name: str
    media_type: str
    file_suffix: str  # the download is named <slug><file_suffix>
    render: Callable[[OxigraphStore, Document], bytes]


def _aif(store: OxigraphStore, document: Document) -> bytes:
    return _json(aif_json(load_debate(store, document)))


def _schema_org(store: OxigraphStore, document: Document) -> bytes:
    return _json(schema_org_jsonld(store, document))


def _argdown(store: OxigraphStore, document: Document) -> bytes:
    return argdown_text(load_debate(store, document)).encode("utf-8")


DOCUMENT_FORMATS = {
    f.name: f
    for f in (
        DocumentFormat("aif", "application/json", ".aif.json", _aif),
        DocumentFormat("schema-jsonld", "application/ld+json", ".schema.jsonld", _schema_org),
        DocumentFormat("argdown", "text/plain; charset=utf-8", ".argdown", _argdown),
        DocumentFormat("csv", "application/zip", ".csv.zip", tables_zip),
    )
}


@dataclass(frozen=True)
class Export:
    body: bytes
    media_type: str
    filename: str


def export_document(store: OxigraphStore, base: str, slug: str, name: str) -> Export:
    """Document ``slug`` in format ``name``; UnknownDocument if the store has no such document."""
    fmt = DOCUMENT_FORMATS[name]
    document = find_document(store, base, slug)
    return Export(fmt.render(store, document), fmt.media_type, slug + fmt.file_suffix)
