"""One annotation per speech: who spoke for whom, where, and the stances the rules found.

The file is what a curator will correct, so it is written as a curator writes one, and a last
comment line fingerprints it: an import may replace a file still as it wrote it, never one a
curator has touched (the same rule as ``kgdebate extract``'s drafts).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kgdebate import __version__
from kgdebate.anchor import anchor_at
from kgdebate.extract.writing import block_yaml
from kgdebate.fingerprint import fingerprinted, is_untouched
from kgdebate.namespaces import DEFAULT_BASE, UNGDC
from kgdebate.stance.classify import Reading
from kgdebate.ungdc.actors import Voice
from kgdebate.ungdc.corpus import SpeechFile

MOTION = "negotiate-now"
TOOL = f"kgdebate {__version__} stance rules"
CORPUS = (
    "UN General Debate Corpus (UNGDC), version 12, Harvard Dataverse, doi:10.7910/DVN/0TJX8Y, "
    "CC0: the UN's English verbatim record of the speech"
)
FINGERPRINT = "# kgdebate import ungdc: untouched import "
HEADER = (
    f"# yaml-language-server: $schema={DEFAULT_BASE}schema/annotation.schema.json\n"
    "# Written by `kgdebate import ungdc`. Stances under `claims:` were found by rules: confirm\n"
    "# one by deleting its `extracted:` block, correct its label, or delete it. Once edited, this\n"
    "# file is a curation, and a new import keeps it.\n"
)
# What each stance label says, in the words of a claim's statement, and its claim kind.
STATEMENTS = {
    "calls-for-talks": (
        "calls for a ceasefire, talks or a negotiated end of the war",
        "recommendation",
    ),
    "withdrawal-or-territorial-integrity": (
        "demands Russian withdrawal, Ukraine's territorial integrity or a just peace under the "
        "UN Charter",
        "recommendation",
    ),
    "condemns-russia": ("condemns Russia's war against Ukraine", "moral"),
    "blames-west-or-sanctions": (
        "blames the West or sanctions, or presents Russia's case",
        "causal",
    ),
    "effects-only": ("speaks of the war's effects", "fact"),
}


def document_id(speech: SpeechFile) -> str:
    return f"ungdc-{speech.session}-{speech.code.lower()}"


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def speech_annotation(speech: SpeechFile, voice: Voice, reading: Reading) -> dict[str, Any]:
    session = (
        f"the General Debate of the {ordinal(speech.session)} session of the UN General Assembly"
    )
    speaker = (
        f"{voice.speaker_name} ({voice.post}, {voice.actor_label})"
        if voice.speaker
        else voice.actor_label
    )
    document: dict[str, Any] = {
        "id": document_id(speech),
        "title": f"{voice.actor_label} at {session}, {speech.year}",
        "publisher": "united-nations",
    }
    if voice.speaker:
        document["creator"] = [voice.speaker]
    document |= {
        "series": f"General Debate, {ordinal(speech.session)} session",
        "date": f"{speech.year}-09",
        "url": str(UNGDC),
        "language": "en",
        "citation": f"{speaker}, statement in {session}, September {speech.year}. {CORPUS}.",
        "sha256": speech.source.sha256,
        "text": speech.path.name,
    }
    text = speech.source.text
    claims = []
    for number, passage in enumerate(reading.passages, start=1):
        words, kind = STATEMENTS[passage.label]
        anchor = anchor_at(text, passage.start, passage.end)
        claims.append(
            {
                "id": f"s{number:02d}",
                "statement": f"{voice.actor_label} {words}.",
                "quote": {
                    "exact": anchor.exact,
                    "prefix": anchor.prefix,
                    "suffix": anchor.suffix,
                    "start": anchor.start,
                    "end": anchor.end,
                },
                "kind": kind,
                "paragraph": text.count("\n", 0, passage.start) + 1,
                "by": voice.actor,
                "stance": {"motion": MOTION, "label": passage.label},
                "extracted": {
                    "by": TOOL,
                    "confidence": passage.confidence,
                    "cues": list(dict.fromkeys(passage.cues)),
                },
            }
        )
    return {
        "kgdebate": "annotation/1",
        "document": document,
        "speech": {"event": f"un-general-debate-{speech.session}", "on_behalf_of": voice.actor},
        "claims": claims,
    }


def render(data: dict[str, Any]) -> str:
    return fingerprinted(HEADER + block_yaml(data), FINGERPRINT)


def write_annotation(path: Path, content: str) -> str:
    """``written``, ``unchanged`` or ``kept`` (a curated file, never overwritten)."""
    if path.exists():
        current = path.read_text("utf-8", errors="replace")
        if current == content:
            return "unchanged"
        if not is_untouched(current, FINGERPRINT):
            return "kept"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".yaml.tmp")
    temporary.write_text(content, "utf-8")
    temporary.replace(path)  # never a half-written annotation
    return "written"
