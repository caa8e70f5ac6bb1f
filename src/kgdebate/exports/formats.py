"""The per-document export formats by name: what each renders, its media type and file name.

The CLI (``kgdebate export --format NAME --document SLUG``) and the web app
(``/exports/document/<slug><file suffix>``) both go through :func:`export_document`, so every
format the one offers, the other offers too.
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
from kgdebate.exports.tables import MEDIA_TYPE as CSV_MEDIA_TYPE
from kgdebate.exports.tables import TABLES, table_csv, tables_zip
from kgdebate.store import TripleStore


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class DocumentFormat:
    name: str
    label: str  # what a link to the download says
    media_type: str
    file_suffix: str  # the download is named <slug><file_suffix>
    render: Callable[[TripleStore, Document], bytes]


def _aif(store: TripleStore, document: Document) -> bytes:
    return _json(aif_json(load_debate(store, document)))


def _schema_org(store: TripleStore, document: Document) -> bytes:
    return _json(schema_org_jsonld(store, document))


def _argdown(store: TripleStore, document: Document) -> bytes:
    return argdown_text(load_debate(store, document)).encode("utf-8")


def _table(table: str) -> Callable[[TripleStore, Document], bytes]:
    def render(store: TripleStore, document: Document) -> bytes:
        return table_csv(store, document, table).encode("utf-8")

    return render


DOCUMENT_FORMATS = {
    f.name: f
    for f in (
        DocumentFormat("aif", "AIF JSON", "application/json", ".aif.json", _aif),
        DocumentFormat(
            "schema-jsonld",
            "schema.org JSON-LD",
            "application/ld+json",
            ".schema.jsonld",
            _schema_org,
        ),
        DocumentFormat("argdown", "Argdown", "text/plain; charset=utf-8", ".argdown", _argdown),
        DocumentFormat("csv", "CSV tables (zip)", "application/zip", ".csv.zip", tables_zip),
        *(
            DocumentFormat(
                f"{table}-csv", f"{table} CSV", CSV_MEDIA_TYPE, f".{table}.csv", _table(table)
            )
            for table in TABLES
        ),
    )
}


@dataclass(frozen=True)
class Export:
    body: bytes
    media_type: str
    filename: str


def export_document(store: TripleStore, base: str, slug: str, name: str) -> Export:
    """Document ``slug`` in format ``name``; UnknownDocument if the store has no such document."""
    fmt = DOCUMENT_FORMATS[name]
    document = find_document(store, base, slug)
    return Export(fmt.render(store, document), fmt.media_type, slug + fmt.file_suffix)
