"""A document's claims, citations, actors and events as CSV tables for spreadsheet users.

Four tables, each UTF-8 with a header row, IRIs beside their labels, one row per thing:
``claims.csv``, ``citations.csv``, ``actors.csv`` (the actors its claims mention or cite) and
``events.csv`` (the events its claims mention or cite). Together they come as one zip.
A claim's ``restates`` cell lists the claims it restates (IRIs, space-separated, also of other
documents). Where a claim has two values of one property, its first row in the query's order
(which breaks every tie) gives its cells.

A cell that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) gets a leading ``'``, as OWASP's CSV injection advice says: a text
such as ``-5% since 2022`` then shows as text instead of running as a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable

from kgdebate.exports.debate import claim_relations
from kgdebate.exports.document import Document, export_rows
from kgdebate.store import TripleStore, term_text

MEDIA_TYPE = "text/csv; charset=utf-8"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TABLES: dict[str, tuple[str, ...]] = {
    "claims": (
        "claim",
        "text",
        "side",
        "sideLabel",
        "theme",
        "themeLabel",
        "kind",
        "kindLabel",
        "paragraph",
        "asOf",
        "quote",
        "restates",
    ),
    "citations": (
        "citation",
        "claim",
        "cited",
        "citedLabel",
        "citationKind",
        "citationKindLabel",
        "evidenceKind",
        "evidenceKindLabel",
    ),
    "actors": ("actor", "label", "kinds", "wikidataId"),
    "events": (
        "event",
        "label",
        "kind",
        "kindLabel",
        "startDate",
        "endDate",
        "places",
        "wikidataId",
    ),
}


def neutralise(cell: str) -> str:
    """The cell, with a leading ``'`` if a spreadsheet would otherwise read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def table_rows(store: TripleStore, document: Document, table: str) -> list[list[str]]:
    """The rows of one table (header not included): one per thing, the first label kept."""
    columns = TABLES[table]
    computed = {"restates": _restated(store, document)} if table == "claims" else {}
    rows: dict[str, list[str]] = {}
    for row in export_rows(store, table, document):
        key = term_text(row[columns[0]])
        if key not in rows:
            rows[key] = [
                " ".join(computed[column].get(key, ()))
                if column in computed
                else term_text(row[column])
                for column in columns
            ]
    return list(rows.values())


def _restated(store: TripleStore, document: Document) -> dict[str, list[str]]:
    """Claim IRI → the IRIs of the claims it restates."""
    relations, _ = claim_relations(export_rows(store, "relations", document))
    restated: dict[str, list[str]] = {}
    for relation in relations:
        if relation.kind == "restates":
            restated.setdefault(relation.source, []).append(relation.target)
    return restated


def write_csv(rows: Iterable[list[str]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def table_csv(store: TripleStore, document: Document, table: str) -> str:
    """One table as CSV text (RFC 4180: CRLF line ends, a header row)."""
    return write_csv(table_rows(store, document, table), TABLES[table])


def tables_zip(store: TripleStore, document: Document) -> bytes:
    """The four tables as ``<slug>/<table>.csv`` in one zip (fixed timestamps: same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            entry = zipfile.ZipInfo(f"{document.slug}/{table}.csv", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, table_csv(store, document, table).encode("utf-8"))
    return buffer.getvalue()
