"""A small corpus in the UN General Debate Corpus's layout, written for the tests (not taken
from the corpus): four speeches of 2022 that take each kind of stance, and the speaker sheet."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from kgdebate.ungdc.corpus import SPEAKER_COLUMNS

SPEECHES = {
    "NOR_77_2022.txt": "Thank you.\nWe condemn the invasion of Ukraine. Russia must withdraw.\n",
    "BRA_77_2022.txt": "We call for a ceasefire in Ukraine and for negotiations without delay.\n",
    "FJI_77_2022.txt": "Climate change is our greatest threat.\nWe need finance now.\n",
    "RUS_77_2022.txt": "The eastward expansion of NATO provoked the crisis in Ukraine.\n",
}
ROWS = [
    (2022, 77, "NOR", "Norway ", "Jonas Gahr Støre", "Prime Minister "),
    (2022, 77, "BRA", "Brazil", "Jair Messias Bolsonaro", "President"),
    (2022, 77, "FJI", "Fiji", "Josaia Voreqe Bainimarama", "Prime Minister"),
    (2022, 77, "RUS", "Russia ", "Sergei Lavrov", "Minister of Foreign Affairs "),
    (2022, 77, "ZZZ", "Nowhere", "Nobody", "President"),
]


def write_sheet(path: Path, rows: list[tuple[object, ...]], header: tuple[str, ...]) -> Path:
    book = Workbook()
    book.active.title = "Sheet1"
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.create_sheet("Sheet2")  # the corpus ships empty extra sheets
    book.save(path)
    return path


def write_corpus(
    folder: Path,
    speeches: dict[str, str] = SPEECHES,
    rows: list[tuple[object, ...]] = ROWS,
) -> Path:
    """The speeches under ``folder/<year>/`` and the sheet as ``folder/speakers.xlsx``."""
    for name, text in speeches.items():
        year = folder / name.rsplit("_", 1)[1].removesuffix(".txt")
        year.mkdir(parents=True, exist_ok=True)
        (year / name).write_text(text, "utf-8")
    write_sheet(folder / "speakers.xlsx", rows, SPEAKER_COLUMNS)
    return folder
