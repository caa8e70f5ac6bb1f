"""The date a figure describes, its as-of date: the one its sentence gives it, else the
document's date as the latest it can describe.

"As of February 2023, almost 6 million people" is as of February 2023; "84% in July 2022" as of
July 2022; "10,000 killed since February 2022" and "over the past 20 months, 6 million" count up
to the document's date; "more than 1,000 voyages", with no date beside it, were made on or before
the day the document was written. Each as-of date says how it was found, for the curator.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kgdebate.extract.figures import BACK_IN_TIME, COMPARED_WITH, STATISTIC_KINDS, Figure
from kgdebate.extract.spans import SpanIndex

DATE_KINDS = ("date", "relative-date", "year")
# A year that is part of a name ("the 2030 Agenda"): no date of a figure's.
IN_A_NAME = re.compile(r"(?<=\bthe )\d{4}(?= [A-Z])")
# A date a period counts from ("since February 2022"): the figure is as of the period's end.
SINCE = re.compile(r"\bsince $", re.I)
CLAUSE_BREAK = re.compile(r"[;]")
# An aside the date is in, before the figure: the date is its subject's ("The deal, signed on 22
# July 2022, enabled more than 1,000 voyages"; "Signed in Istanbul on 22 July 2022, it allowed
# …"; "The war, which began in 2014, has displaced …").
ASIDE_OPENING = re.compile(r"(?:,\s+|^)(?:which|who|\w+ed)\b[^,;]*$")


@dataclass(frozen=True)
class AsOf:
    date: str
    qualifier: str | None
    why: str


class FigureDates:
    """The as-of date of each figure of one text, given its sentences, every figure found in it
    (the dates among them) and the document's date (a day, a month or a year)."""

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        figures: list[Figure],
        document_date: str | None,
    ) -> None:
        self.text = text
        self.sentences = SpanIndex(sentences)
        self.dates = sorted(
            (
                f
                for f in figures
                if f.kind in DATE_KINDS
                and (f.date or f.until)
                and not (f.kind == "year" and IN_A_NAME.match(text, f.start))
            ),
            key=lambda f: f.start,
        )
        self.starts = [f.start for f in self.dates]  # to find a sentence's dates by bisection
        self.document_date = document_date

    def of(self, figure: Figure) -> AsOf | None:
        if figure.kind not in STATISTIC_KINDS:
            return None
        sentence = self.sentences.holding(figure.start)
        if sentence is not None:
            dated = self._in_its_clause(figure, sentence)
            nearest = min(dated, key=lambda d: _distance(figure, d), default=None)
            if nearest is not None:
                return self._as_of(nearest)
        if self.document_date is None:
            return None
        return AsOf(
            self.document_date,
            "on-or-before",
            "its sentence gives it no date: on or before the document's date",
        )

    def _in_its_clause(self, figure: Figure, sentence: tuple[int, int]) -> list[Figure]:
        """The dates of the figure's sentence that no semicolon parts from it."""
        kept = []
        first, last = (bisect_left(self.starts, edge) for edge in sentence)
        for dated in self.dates[first:last]:
            if dated.start < figure.end <= dated.end:
                continue
            before = dated.end <= figure.start
            between = (dated.end, figure.start) if before else (figure.end, dated.start)
            if CLAUSE_BREAK.search(self.text, *between):
                continue
            if self._compared_before(figure, dated, sentence[0]):
                continue  # "31 fixtures, against 24 the week before": the 24 only
            if HORIZON.search(self.text, max(0, dated.start - 20), dated.start) and self._ahead(
                dated
            ):
                continue  # "€50 billion … through 2027": the plan's end, not the figure's date
            if (
                before
                and "," in self.text[slice(*between)]
                and ASIDE_OPENING.search(self.text[sentence[0] : dated.start])
            ):
                continue
            kept.append(dated)
        return kept

    def _compared_before(self, figure: Figure, dated: Figure, opens: int) -> bool:
        """Whether ``dated`` is the time of what another figure than ``figure`` is compared
        with: the one between the comparison's word and the date, or told after it ("rates
        averaged $11,400, down from $17,900 a year earlier": $17,900's, not $11,400's; "fell from
        a year earlier, when it stood at 26%": the 26%'s; "fell 14% from a year earlier, to $212
        million": neither's)."""
        if not EARLIER.search(dated.text):
            return False
        cue = COMPARED_WITH.search(self.text, max(opens, dated.start - 50), dated.start)
        if cue is None or cue.start() <= figure.start < dated.start:
            return False
        return figure.end <= cue.start() or bool(TO_NOW.search(self.text, dated.end, figure.start))

    def _ahead(self, dated: Figure) -> bool:
        """Whether the date is after the document's (to the precision both give)."""
        day, document = dated.date or dated.until or "", self.document_date or ""
        shared = min(len(day), len(document))
        return bool(document) and day[:shared] > document[:shared]

    def _as_of(self, dated: Figure) -> AsOf:
        if SINCE.search(self.text, max(0, dated.start - 6), dated.start) and self.document_date:
            return AsOf(
                self.document_date, None, f"counted since {dated.text}, up to the document's date"
            )
        if dated.until:  # "over the past 20 months", "May–June": the period's end
            return AsOf(dated.until, None, f"the end of {dated.text!r}")
        assert dated.date is not None
        return AsOf(dated.date, None, f"{dated.text!r}, in its sentence")


TO_NOW = re.compile(r",\s+to\s")
"""What a change runs to, after what it runs from: "from a year earlier, to $212 million"."""
EARLIER = re.compile(rf"\b(?:{'|'.join(BACK_IN_TIME)})\b", re.I)
"""A date before another: "a year earlier", "the week before", "the previous year"."""
HORIZON = re.compile(r"\b(?:through|until|till)(?: the end of)?\s+$", re.I)
"""What opens the end of a period a plan runs to: "through 2027", "until the end of 2025"."""


def _distance(figure: Figure, dated: Figure) -> tuple[int, int]:
    """Characters between them; at equal distance the date after the figure, where English puts
    a figure's time ("from $6.2 billion in 2016 to $4.1 billion in 2018")."""
    if dated.end <= figure.start:
        return figure.start - dated.end, 1
    return dated.start - figure.end, 0
