"""The stance table (``kgdebate stances``, ``/motions/<slug>``): one row per document and stance.

The rows come from the named query ``stances`` (``queries/stances.rq``), so the command line,
the API and the SPARQL endpoint give the same table; this module only picks and writes columns.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

COLUMNS = (
    "iso3",
    "actor",
    "speaker",
    "year",
    "document",
    "stance",
    "overall",
    "quote",
    "start",
    "end",
    "confidence",
    "curated",
)


def rows_of(results_json: bytes) -> list[dict[str, str]]:
    """SPARQL JSON results as rows of plain strings ("" where a cell is unbound)."""
    parsed: dict[str, Any] = json.loads(results_json)
    names: list[str] = parsed["head"]["vars"]
    return [
        {name: binding[name]["value"] if name in binding else "" for name in names}
        for binding in parsed["results"]["bindings"]
    ]


def as_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([row.get(column, "") for column in COLUMNS] for row in rows)
    return out.getvalue()


def as_json(rows: list[dict[str, str]]) -> str:
    def typed(column: str, value: str) -> object:
        if value and column in ("year", "start", "end"):
            return int(value)
        if column == "curated":
            return value == "true"
        return value or None

    return json.dumps(
        [{column: typed(column, row.get(column, "")) for column in COLUMNS} for row in rows],
        ensure_ascii=False,
        indent=1,
    )
