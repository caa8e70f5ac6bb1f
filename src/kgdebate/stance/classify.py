"""Classify a speech's passages about the war with the stance labels, and derive its overall
position toward the motion.

A sentence is about the war when it names the war (lexicon.WAR), or when the paragraph named it
and the sentence follows at once or points back at it: speeches often name Ukraine once and go on
with "this war", "the conflict" or "the parties".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kgdebate.extract.layout import sentences
from kgdebate.stance.lexicon import (
    ANAPHOR,
    CALLS_FOR_TALKS,
    EFFECTS,
    EFFECTS_ONLY,
    LABELS,
    OTHER_CONFLICTS,
    WAR,
)

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
    previous_named = False
    for start, end in _paragraphs(text):
        spans = sentences(text, start, end)
        named = [bool(WAR.search(text[a:b])) for a, b in spans]
        mentions_war = mentions_war or any(named)
        # A paragraph that opens by pointing back ("the conflict") goes on with the war the one
        # before it named: speeches give a topic several paragraphs.
        opening = text[spans[0][0] : spans[0][1]] if spans else ""
        carried = previous_named and _points_back(opening)
        previous_named = any(named) or carried
        since_named: int | None = 0 if carried else None  # sentences since the war was named
        for (s_start, s_end), names_war in zip(spans, named, strict=True):
            sentence = text[s_start:s_end]
            if names_war:
                since_named = 0
            elif OTHER_CONFLICTS.search(sentence):
                since_named = None  # the paragraph has turned to another conflict
            elif since_named is not None:
                since_named += 1
            if names_war or _about_the_war(sentence, since_named, any(named)):
                confidence = "high" if names_war else "medium"
                found = _labelled(sentence, s_start, s_end, confidence)
                passages += found
                if not found and names_war:
                    cues = tuple(m.group() for m in EFFECTS.finditer(sentence))
                    effects.append(
                        Passage(EFFECTS_ONLY, s_start, s_end, cues or ("the war named",), "low")
                    )
    if not passages and effects:
        passages = effects[:1] + [p for p in effects[1:] if p.cues != ("the war named",)][:2]
    return Reading(tuple(passages), mentions_war)


def _points_back(sentence: str) -> bool:
    return bool(ANAPHOR.search(sentence)) and not OTHER_CONFLICTS.search(sentence)


def _about_the_war(sentence: str, since_named: int | None, paragraph_names_war: bool) -> bool:
    """A sentence that does not name the war is about it when its paragraph names it and the
    sentence calls for talks (a paragraph keeps its topic), or when the paragraph named it
    earlier and the sentence follows at once or points back at it ("the conflict", "the
    parties"); never when it names another conflict."""
    if OTHER_CONFLICTS.search(sentence):
        return False
    if paragraph_names_war and CALLS_FOR_TALKS.patterns.search(sentence):
        return True
    return since_named is not None and (since_named == 1 or bool(ANAPHOR.search(sentence)))


def _labelled(sentence: str, start: int, end: int, confidence: str) -> list[Passage]:
    found: list[Passage] = []
    for label in LABELS:
        cues = tuple(match.group() for match in label.patterns.finditer(sentence))
        if not cues:
            continue
        if label.refuted_by is not None and label.refuted_by.search(sentence):
            continue
        if label.needs is not None and not label.needs.search(sentence):
            continue
        if any(passage.label == label.notation for passage in found):
            continue  # one label found by two lists of cues
        found.append(Passage(label.notation, start, end, cues, confidence))
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The text's paragraphs, one a line; a line that starts in lower case continues the one
    before it (the corpus's texts come from PDFs, which break some paragraphs mid-sentence)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            if spans and line.lstrip()[:1].islower():
                spans[-1] = (spans[-1][0], offset + len(line))
            else:
                spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans
