"""Wikidata candidates for our actors and events that have no QID, scored, as proposals.

For each such entity (:mod:`kgdebate.linking.unlinked`) the endpoint is asked for items whose
label or alias is one of the entity's names (``candidates.rq``); :mod:`kgdebate.linking.scoring`
scores each item. The answer is asked for with a row limit one past ``MAX_CANDIDATE_ROWS``: an
answer that reaches it may have been cut, and a cut answer would drop candidates and change
scores, so it stops the run (a partial answer is never used).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kgdebate.errors import RemoteError
from kgdebate.linking.scoring import Candidate, score, winner
from kgdebate.linking.unlinked import Entity
from kgdebate.namespaces import WD
from kgdebate.queries import packaged_query
from kgdebate.remote import Endpoint, Row, select
from kgdebate.sparql_values import first_in_where, values_block, windowed

WIKIDATA_ITEM = str(WD)
MAX_CANDIDATE_ROWS = 1000


@dataclass
class Proposal:
    entity: Entity
    candidates: list[Candidate]
    proposed: str | None


def propose(
    entities: Iterable[Entity],
    endpoint: Endpoint,
    threshold: float,
    max_rows: int = MAX_CANDIDATE_ROWS,
) -> list[Proposal]:
    """Ask the endpoint for each entity's candidates; score them; propose the clear winners."""
    proposals = []
    for entity in entities:
        rows = candidate_rows(entity, endpoint, max_rows)
        candidates = sorted(
            (score(entity, qid, item_rows) for qid, item_rows in _by_item(rows).items()),
            key=lambda c: (-c.score, c.qid),
        )
        proposals.append(Proposal(entity, candidates, winner(candidates, threshold)))
    return proposals


def candidate_rows(entity: Entity, endpoint: Endpoint, max_rows: int) -> list[Row]:
    """The endpoint's whole answer about the items named as ``entity`` is, or an error."""
    names = values_block(["name"], [[name] for name in sorted(entity.names, key=str)])
    candidates = first_in_where(packaged_query("kgdebate.linking", "candidates.rq"), names)
    query = windowed(candidates, max_rows + 1)
    _, rows = select(endpoint, query)
    if len(rows) > max_rows:
        raise RemoteError(
            f"SPARQL endpoint {endpoint.url} has more than {max_rows} candidate rows for "
            f"{entity.label} ({entity.iri}); a cut answer would change the scores, "
            "so nothing was proposed",
            hint="give it its QID in the reference data by hand, or remove a name of it that "
            "many items share, then run `kgdebate link` again",
        )
    return rows


def _by_item(rows: list[Row]) -> dict[str, list[Row]]:
    items: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        item = row.get("item")
        if isinstance(item, ox.NamedNode) and item.value.startswith(WIKIDATA_ITEM + "Q"):
            items[item.value[len(WIKIDATA_ITEM) :]].append(row)
    return items
