"""The corpus as it ships: ``<CODE>_<session>_<year>.txt`` files and the speaker sheet.

Everything that cannot be read is reported with the file (and row) and skipped; the rest goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kgdebate.errors import InputError
from kgdebate.ingest.text import SourceText, read_text

FILE_NAME = re.compile(r"^(?P<code>[A-Z]{2,3})_(?P<session>[0-9]{1,3})_(?P<year>[0-9]{4})\.txt$")
SPEAKER_COLUMNS = ("Year", "Session", "ISO Code", "Country", "Name of Person Speaking", "Post")


@dataclass(frozen=True)
class Skipped:
    """Something the import left out, where it is, and why."""

    where: str
    why: str


@dataclass(frozen=True)
class SpeechFile:
    path: Path
    code: str  # ISO 3166-1 alpha-3, or the corpus's own code (``EU``)
    session: int
    year: int
    source: SourceText


@dataclass(frozen=True)
class Speaker:
    name: str
    post: str
    country: str


def speech_files(folder: Path, max_bytes: int) -> tuple[list[SpeechFile], list[Skipped]]:
    """Every readable speech under ``folder``; the unreadable ones, each with its reason."""
    speeches: list[SpeechFile] = []
    skipped: list[Skipped] = []
    for path in sorted(folder.rglob("*.txt")):
        match = FILE_NAME.match(path.name)
        if match is None:
            skipped.append(Skipped(str(path), "the name is not <CODE>_<session>_<year>.txt"))
            continue
        try:
            source = read_text(path, max_bytes)
        except InputError as exc:
            skipped.append(Skipped(str(path), exc.message))
            continue
        if not source.text.strip():
            skipped.append(Skipped(str(path), "the file is empty"))
            continue
        speeches.append(
            SpeechFile(path, match["code"], int(match["session"]), int(match["year"]), source)
        )
    return speeches, skipped


def read_speakers(
    path: Path, sessions: set[int]
) -> tuple[dict[tuple[int, str], Speaker], list[Skipped]]:
    """The sheet's rows for ``sessions``, keyed by (session, code); stray spaces are dropped.

    The sheet is the workbook's first sheet with every column of ``SPEAKER_COLUMNS`` in its
    first row (the corpus ships empty extra sheets); without one, nothing can be matched.
    """
    from openpyxl import load_workbook  # here: only this command reads spreadsheets

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds of error on bad files
        raise InputError(
            f"{path}: not a readable .xlsx workbook ({type(exc).__name__})",
            hint="pass the corpus's Speakers_by_session.xlsx, or leave --speakers out",
        ) from None
    try:
        sheet_name, columns = _speaker_sheet(path, workbook)
        rows = workbook[sheet_name].iter_rows(min_row=2, values_only=True)
        speakers: dict[tuple[int, str], Speaker] = {}
        skipped: list[Skipped] = []
        for number, row in enumerate(rows, start=2):
            cells = {name: _cell(row, index) for name, index in columns.items()}
            if not any(cells.values()):
                continue
            where = f"{path}: sheet {sheet_name!r} row {number}"
            try:
                session = int(cells["Session"])
            except ValueError:
                skipped.append(Skipped(where, f"Session {cells['Session']!r} is not a number"))
                continue
            if session not in sessions:
                continue
            if not cells["ISO Code"] or not cells["Name of Person Speaking"]:
                skipped.append(Skipped(where, "no ISO Code or no Name of Person Speaking"))
                continue
            speakers[(session, cells["ISO Code"])] = Speaker(
                cells["Name of Person Speaking"], cells["Post"], cells["Country"]
            )
        return speakers, skipped
    finally:
        workbook.close()


def _speaker_sheet(path: Path, workbook: object) -> tuple[str, dict[str, int]]:
    found = []
    for name in workbook.sheetnames:  # type: ignore[attr-defined]
        header = next(workbook[name].iter_rows(max_row=1, values_only=True), ())  # type: ignore[index]
        titles = [str(cell).strip() if cell is not None else "" for cell in header]
        columns = {title: titles.index(title) for title in SPEAKER_COLUMNS if title in titles}
        if len(columns) == len(SPEAKER_COLUMNS):
            return name, columns
        found.append((name, [title for title in SPEAKER_COLUMNS if title not in columns]))
    described = "; ".join(f"sheet {name!r} lacks {', '.join(missing)}" for name, missing in found)
    raise InputError(
        f"{path}: no sheet has the speaker columns ({described})",
        hint=f"the first row of the sheet must name the columns {', '.join(SPEAKER_COLUMNS)}",
    )


def _cell(row: tuple[object, ...], index: int) -> str:
    value = row[index] if index < len(row) else None
    return "" if value is None else " ".join(str(value).split())
