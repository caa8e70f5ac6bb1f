"""How well a Wikidata candidate fits one of our entities, from 0 to 1, with its evidence.

* name: 0.5 when one of our labels is its label, 0.4 when the match goes through an alias;
* corroboration: +0.3 when its instance-of (P31) fits our class (a state: country or sovereign
  state; a person: human), +0.3 when its ISO 3166-1 alpha-2 code (P297) is ours, +0.3 when its
  start time (P580, or point in time P585) is our start date, +0.2 when its end time (P582) is
  our end date;
* contradiction: -0.4 when it has instance-of values and none fits our class, -0.6 for another
  ISO code, -0.4 for another start or end date.

So a name alone never reaches the default threshold (0.8): a proposal needs at least one
corroboration and no contradiction. The best candidate is proposed only when it reaches the
threshold and no other candidate comes within 0.1 of it; the curator decides (``curate.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kgdebate.linking.unlinked import Entity
from kgdebate.namespaces import KGD
from kgdebate.remote import Row

EXPECTED_TYPES = {  # Wikidata classes (P31 values) that fit our classes
    str(KGD.State): {"Q6256", "Q3624078"},  # country, sovereign state
    str(KGD.Person): {"Q5"},  # human
}
NAME_LABEL, NAME_ALIAS = 0.5, 0.4
TYPE_FITS, TYPE_CLASHES = 0.3, -0.4
CODE_SAME, CODE_DIFFERS = 0.3, -0.6
START_SAME, END_SAME, DATE_DIFFERS = 0.3, 0.2, -0.4
AMBIGUITY_MARGIN = 0.1


@dataclass
class Candidate:
    qid: str
    label: str
    score: float
    evidence: list[str]


def winner(candidates: list[Candidate], threshold: float) -> str | None:
    """The QID to propose among ``candidates`` (best first), if one is clearly best."""
    if not candidates or candidates[0].score < threshold:
        return None
    if len(candidates) > 1 and candidates[1].score > candidates[0].score - AMBIGUITY_MARGIN:
        return None  # two candidates too close to call: the curator chooses
    return candidates[0].qid


def _values(rows: list[Row], name: str) -> set[str]:
    return {row[name].value for row in rows if name in row}


def score(entity: Entity, qid: str, rows: list[Row]) -> Candidate:
    """The candidate ``qid`` scored against ``entity`` (see the module's docstring)."""
    evidence: list[str] = []
    matched: dict[ox.Literal, bool] = {}  # each name that matched: label to label?
    for row in rows:
        name = row.get("name")
        if isinstance(name, ox.Literal):
            to_label = row.get("via") == ox.Literal("label") and entity.names.get(name) == "label"
            matched[name] = matched.get(name, False) or to_label
    by_label = any(matched.values())
    total = NAME_LABEL if by_label else NAME_ALIAS
    shown = ", ".join(sorted(str(n) for n in matched))
    evidence.append(f"{'label' if by_label else 'alias'} match: {shown}")
    expected = set().union(*(EXPECTED_TYPES.get(c, set()) for c in entity.classes))
    types = {t.rsplit("/", 1)[-1] for t in _values(rows, "type")}
    if expected and types:
        if types & expected:
            total += TYPE_FITS
            evidence.append(f"instance of {', '.join(sorted(types & expected))} fits our class")
        else:
            total += TYPE_CLASHES
            evidence.append(f"instance of {', '.join(sorted(types))}: not our kind of thing")
    codes = _values(rows, "alpha2")
    if entity.alpha2 and codes:
        if entity.alpha2 in codes:
            total += CODE_SAME
            evidence.append(f"ISO 3166-1 alpha-2 {entity.alpha2} is the same")
        else:
            total += CODE_DIFFERS
            evidence.append(f"ISO 3166-1 alpha-2 {', '.join(sorted(codes))}, ours {entity.alpha2}")
    starts = {d[:10] for d in _values(rows, "start") | _values(rows, "point")}
    total += _date(entity.start, starts, "start", START_SAME, evidence)
    total += _date(entity.end, {d[:10] for d in _values(rows, "end")}, "end", END_SAME, evidence)
    labels = sorted(_values(rows, "label"))
    return Candidate(
        qid, labels[0] if labels else qid, round(min(1.0, max(0.0, total)), 2), evidence
    )


def _date(ours: str | None, theirs: set[str], what: str, weight: float, notes: list[str]) -> float:
    if ours is None or not theirs:
        return 0.0
    if ours in theirs:
        notes.append(f"{what} {ours} is the same")
        return weight
    notes.append(f"{what} {', '.join(sorted(theirs))}, ours {ours}")
    return DATE_DIFFERS
