"""Sorted spans of a text, searched by bisection: extraction stays linear in the document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanIndex:
    """Spans merged where they overlap: which one holds an offset, does any overlap a range."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.spans = merged
        self.starts = [start for start, _ in merged]

    def holding(self, offset: int) -> tuple[int, int] | None:
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset < self.spans[index][1]:
            return self.spans[index]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end) - 1  # the last span that starts before ``end``
        return index >= 0 and self.spans[index][1] > start
