"""Classify a speech's passages about the war with the stance labels, and derive its overall
position toward the motion.

A sentence is about the war when it, or the sentence before it in the same paragraph, names the
war (lexicon.WAR): speeches often name Ukraine once and go on with "this war" or "the conflict".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kgdebate.extract.layout import sentences
from kgdebate.stance.lexicon import EFFECTS, EFFECTS_ONLY, LABELS, WAR

# The overall positions, the first that applies (see overall()).
OVERALL = ("silent", "pro-russia", "both", "for-talks-now", "against", "effects-only")


@dataclass(frozen=True)
class Passage:
    """One sentence with a stance label, the words that fired, and how sure the rule is."""

    label: str
    start: int
    end: int
    cues: tuple[str, ...]
    confidence: str  # high: the sentence names the war itself; medium: the one before does


@dataclass(frozen=True)
class Reading:
    """What the rules found in one speech."""

    passages: tuple[Passage, ...]
    mentions_war: bool

    @property
    def labels(self) -> set[str]:
        return {passage.label for passage in self.passages}

    @property
    def overall(self) -> str:
        return overall(self.labels, self.mentions_war)


def overall(labels: Iterable[str], mentions_war: bool) -> str:
    """The overall position from a speech's labels, by the first rule that applies."""
    found = set(labels)
    condemns = "condemns-russia" in found
    rejects = "withdrawal-or-territorial-integrity" in found or condemns
    if not mentions_war and not found:
        return "silent"
    if "blames-west-or-sanctions" in found and not condemns:
        return "pro-russia"
    if "calls-for-talks" in found and rejects:
        return "both"
    if "calls-for-talks" in found:
        return "for-talks-now"
    if rejects:
        return "against"
    return "effects-only"


def read_speech(text: str) -> Reading:
    """Every labelled sentence about the war; an effects sentence only when nothing else fires."""
    passages: list[Passage] = []
    effects: list[Passage] = []
    mentions_war = False
    for start, end in _paragraphs(text):
        previous_names_war = False
        for s_start, s_end in sentences(text, start, end):
            sentence = text[s_start:s_end]
            names_war = bool(WAR.search(sentence))
            mentions_war = mentions_war or names_war
            if names_war or previous_names_war:
                confidence = "high" if names_war else "medium"
                found = _labelled(sentence, s_start, s_end, confidence)
                passages += found
                if not found and names_war:
                    cues = tuple(m.group() for m in EFFECTS.finditer(sentence))
                    effects.append(
                        Passage(EFFECTS_ONLY, s_start, s_end, cues or ("the war named",), "low")
                    )
            previous_names_war = names_war
    if not passages and effects:
        passages = effects[:1] + [p for p in effects[1:] if p.cues != ("the war named",)][:2]
    return Reading(tuple(passages), mentions_war)


def _labelled(sentence: str, start: int, end: int, confidence: str) -> list[Passage]:
    found = []
    for label in LABELS:
        cues = tuple(match.group() for match in label.patterns.finditer(sentence))
        if not cues:
            continue
        if label.refuted_by is not None and label.refuted_by.search(sentence):
            continue
        found.append(Passage(label.notation, start, end, cues, confidence))
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans
