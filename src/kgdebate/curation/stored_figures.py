"""The statistics the store has already with a draft figure's value: the same figure, maybe, as
another document gives it, for the curator to cite instead of recording it a second time.

A statistic is one node however many documents cite it; a second document that records "nearly
18 million people" under a new id makes a duplicate, and under the stored id it is refused (its
own wording differs from the stored `value_text`). Citing the stored one is the way, and these are
the candidates: every stored statistic whose value is the figure's, with its label and unit.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kgdebate.extract.figures import STATISTIC_KINDS
from kgdebate.ingest.emit import canonical_decimal
from kgdebate.namespaces import XSD
from kgdebate.queries import packaged_query
from kgdebate.sparql_values import first_in_where, values_block
from kgdebate.store import TripleStore

DECIMAL = ox.NamedNode(str(XSD.decimal))


def stored_matches(
    figures: list[dict[str, Any]], store: TripleStore, base: str
) -> dict[int, list[dict[str, str]]]:
    """For each draft figure (by its index) of a percentage, a count or a sum of money, the
    stored statistics of the same value and, where the draft has one, the same unit."""
    values: dict[str, list[int]] = {}
    for index, figure in enumerate(figures):
        value = figure.get("value")
        if figure.get("kind") in STATISTIC_KINDS and isinstance(value, int | float):
            values.setdefault(canonical_decimal(value), []).append(index)
    if not values:
        return {}
    block = values_block(["value"], [[ox.Literal(v, datatype=DECIMAL)] for v in values])
    query = packaged_query("kgdebate.curation", "queries", "same-value.rq")
    rows = store.query(first_in_where(query, block))
    assert isinstance(rows, ox.QuerySolutions)
    prefix = f"{base}id/statistic/"
    matches: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        iri, value = row["statistic"], row["value"]
        if not isinstance(iri, ox.NamedNode) or not iri.value.startswith(prefix):
            continue
        unit = row["unit"].value if isinstance(row["unit"], ox.Literal) else ""
        label = row["label"].value if isinstance(row["label"], ox.Literal) else ""
        for index in values.get(value.value if isinstance(value, ox.Literal) else "", []):
            wanted = figures[index].get("unit")
            if unit and wanted and wanted != unit:
                continue  # 84 percent is not 84 people
            found = {"id": iri.value[len(prefix) :], "label": label, "unit": unit}
            matches.setdefault(index, []).append(found)
    return matches
