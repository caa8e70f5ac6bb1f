"""What the store holds: triples, graphs, entities per class, open warnings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import pyoxigraph as ox

from kgdebate.config import Settings
from kgdebate.namespaces import KGD, SH
from kgdebate.queries import short
from kgdebate.store import TripleStore

_CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class . FILTER(STRSTARTS(STR(?class), STR(kgd:)))
} GROUP BY ?class ORDER BY DESC(?n) ?class
"""
_WARNINGS = """
SELECT (COUNT(?w) AS ?n) WHERE {
  ?w sh:resultSeverity sh:Warning .
}
"""
# The dataset's graphs only: a SPARQL server as the store has graphs of its own.
_GRAPHS = """
SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{base}")) }}
GROUP BY ?g ORDER BY ?g
"""


@dataclass
class Stats:
    triples: int
    graphs: dict[str, int]
    entities: dict[str, int]
    open_warnings: int


def collect_stats(store: TripleStore, settings: Settings) -> Stats:
    prefixes = f"PREFIX kgd: <{KGD._NS}>\nPREFIX sh: <{SH}>\n"

    def pairs(sparql: str) -> dict[str, int]:
        result = store.query(prefixes + sparql)
        assert isinstance(result, ox.QuerySolutions)
        return {short(row[0]): int(row[1].value) for row in result}

    graphs = {
        name.replace(settings.base_iri, "", 1): n
        for name, n in pairs(_GRAPHS.format(base=settings.base_iri + "graph/")).items()
    }
    warnings = store.query(prefixes + _WARNINGS)
    assert isinstance(warnings, ox.QuerySolutions)
    open_warnings = int(next(iter(warnings))[0].value)
    return Stats(len(store), graphs, pairs(_CLASSES), open_warnings)


def format_stats(stats: Stats, as_json: bool = False) -> str:
    if as_json:
        return json.dumps(asdict(stats), indent=2)
    lines = [
        f"triples: {stats.triples}",
        f"open warnings: {stats.open_warnings}",
        f"graphs ({len(stats.graphs)}):",
    ]
    lines += [f"  {n:>8}  {name}" for name, n in stats.graphs.items()]
    lines.append("entities by class:")
    lines += [f"  {n:>8}  {name}" for name, n in stats.entities.items()]
    return "\n".join(lines)
