"""Quote selectors computed from the text, never typed by hand.

A claim's quote is anchored as the Web Annotation model does it (``oa:TextQuoteSelector`` with
``oa:TextPositionSelector``): the exact words, 32 characters before and after them, and their
start and end offsets in characters of the text. :func:`anchors` finds every occurrence;
``kgdebate anchor`` prints them ready to paste into an annotation, and the ingest's quote check
uses the same rule to say where a quote that moved is now.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

CONTEXT = 32
"""Characters of prefix and suffix: enough to tell two occurrences of a phrase apart."""


@dataclass(frozen=True)
class Anchor:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def line_in(self, text: str) -> int:
        """The 1-based line of the text where the quote starts."""
        return text.count("\n", 0, self.start) + 1

    def as_yaml(self, indent: str = "") -> str:
        """The ``quote:`` block of an annotation (JSON strings are YAML double-quoted strings)."""
        fields = [
            f"exact: {json.dumps(self.exact, ensure_ascii=False)}",
            f"prefix: {json.dumps(self.prefix, ensure_ascii=False)}",
            f"suffix: {json.dumps(self.suffix, ensure_ascii=False)}",
            f"start: {self.start}",
            f"end: {self.end}",
        ]
        return f"{indent}quote:\n" + "".join(f"{indent}  {line}\n" for line in fields)


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The selectors of ``text[start:end]``."""
    return Anchor(
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
        start,
        end,
    )


def anchors(text: str, exact: str) -> list[Anchor]:
    """Every occurrence of ``exact`` in ``text``, in order (overlapping ones too)."""
    if not exact:
        return []
    found, start = [], text.find(exact)
    while start >= 0:
        found.append(anchor_at(text, start, start + len(exact)))
        start = text.find(exact, start + 1)
    return found


_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def near_misses(text: str, exact: str) -> list[Anchor]:
    """Where the words occur once white space and typographic quotes and dashes are ignored:
    what a curator most often got wrong when ``exact`` is not in the text as written."""
    words = [re.escape(word.translate(_QUOTES)) for word in _SPACES.split(exact.strip()) if word]
    if not words:
        return []
    pattern = re.compile(r"\s+".join(words))
    folded = text.translate(_QUOTES)  # same length: offsets carry over to the text
    return [anchor_at(text, m.start(), m.end()) for m in pattern.finditer(folded)]
