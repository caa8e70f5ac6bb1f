"""The proposals file: what `kgdebate link` proposes, in YAML a curator reads and edits.

One entry per entity: its IRI and label, the ``proposed`` QID (or null), every candidate with its
score and evidence, and ``decision``, which only the curator fills in: a candidate's QID to accept
it (whatever its score), ``none`` to accept nothing, or null to leave ``proposed`` to
`kgdebate link --accept` (which takes it only if it still reaches the threshold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kgdebate.errors import InputError
from kgdebate.ingest.yamlstrict import load_strict
from kgdebate.linking.propose import Proposal

QID = re.compile(r"^Q[1-9][0-9]*$")
HEADER = """\
# Wikidata links proposed by `kgdebate link`. Nothing here is in the graph yet.
# For each entity, set `decision` to one of its candidates' QIDs to accept it, or to `none`;
# leave it empty to accept `proposed` (only if it still reaches the threshold). Then run
#   kgdebate link --accept THIS_FILE --curator "Your Name"
"""


def dump_proposals(proposals: list[Proposal], endpoint: str, threshold: float, created: str) -> str:
    entries = [
        {
            "entity": p.entity.iri,
            "label": p.entity.label,
            "proposed": p.proposed,
            "decision": None,
            "candidates": [
                {"qid": c.qid, "label": c.label, "score": c.score, "evidence": c.evidence}
                for c in p.candidates
            ],
        }
        for p in proposals
    ]
    document = {
        "endpoint": endpoint,
        "created": created,
        "threshold": threshold,
        "proposals": entries,
    }
    return HEADER + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


@dataclass(frozen=True)
class Decision:
    """One QID to accept for one entity, and why."""

    entity: str
    qid: str
    score: float
    chosen_by_curator: bool
    evidence: tuple[str, ...]
    line: int  # of the entity's entry in the reviewed file


@dataclass(frozen=True)
class Reviewed:
    path: Path
    endpoint: str
    decisions: list[Decision]


def read_decisions(path: Path, threshold: float) -> Reviewed:
    """The QIDs to accept from a reviewed proposals file; errors name the file and line."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the proposals file ({exc})") from None
    loaded = load_strict(text, str(path))
    data = loaded.data

    def fail(where: tuple[str | int, ...], message: str) -> InputError:
        return InputError(f"{path}:{loaded.line(where)}: {message}")

    if not isinstance(data, dict) or not isinstance(data.get("proposals"), list):
        raise fail((), "not a proposals file from `kgdebate link` (no `proposals` list)")
    endpoint = data.get("endpoint")
    if not isinstance(endpoint, str):
        raise fail(("endpoint",), "`endpoint` must name the SPARQL endpoint asked")
    decisions = []
    seen: dict[str, int] = {}  # entity -> line of its entry
    for index, entry in enumerate(data["proposals"]):
        here: tuple[str | int, ...] = ("proposals", index)
        if not isinstance(entry, dict) or not isinstance(entry.get("entity"), str):
            raise fail(here, "each proposal needs an `entity` IRI")
        if entry["entity"] in seen:
            raise fail(
                here,
                f"{entry['entity']} has a second entry (the first is on line "
                f"{seen[entry['entity']]}): keep one, with the decision you mean",
            )
        seen[entry["entity"]] = loaded.line(here)
        candidates = _candidates(entry.get("candidates"), f"{path}:{loaded.line(here)}: ")
        decision = entry.get("decision")
        if decision == "none":
            continue
        if decision is None:
            proposed = entry.get("proposed")
            if proposed is None:
                continue
            if proposed not in candidates:
                raise fail((*here, "proposed"), f"{proposed!r} is not one of the candidates")
            qid, chosen = proposed, False
            if candidates[qid][0] < threshold:  # never accepted without a person choosing it
                continue
        elif isinstance(decision, str) and decision in candidates:
            qid, chosen = decision, True
        else:
            raise fail(
                (*here, "decision"),
                f"decision {decision!r}: write one of the candidates' QIDs, `none`, or leave empty",
            )
        score, evidence = candidates[qid]
        line = loaded.line(here)
        decisions.append(Decision(entry["entity"], qid, score, chosen, evidence, line))
    return Reviewed(path, endpoint, decisions)


def _candidates(raw: Any, where: str) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Each candidate's score and evidence by QID; ``where`` ("file:line: ") starts errors."""
    if not isinstance(raw, list):
        raise InputError(f"{where}`candidates` must be a list")
    found = {}
    for candidate in raw:
        qid = candidate.get("qid") if isinstance(candidate, dict) else None
        score = candidate.get("score") if isinstance(candidate, dict) else None
        if not isinstance(qid, str) or not QID.match(qid) or not isinstance(score, int | float):
            raise InputError(f"{where}each candidate needs a `qid` like Q212 and a numeric `score`")
        evidence = candidate.get("evidence") or []
        found[qid] = (float(score), tuple(str(e) for e in evidence))
    return found
