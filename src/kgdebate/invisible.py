"""Characters that change how text looks without being seen: bidi controls and zero-width ones.

A title, statement or label holding them can read differently from what it is ("Trojan
Source", CVE-2021-42574): a right-to-left override turns ``"cod\\u202eexe.fdp"`` into something
else on screen, a zero-width space makes two labels that look the same differ. They also occur
legitimately (a quoted Arabic or Persian passage, a joiner in an Indic name), so they are not
refused: an annotation holding them is stored as written, with a warning naming the field and
the character, and every page shows them as a visible mark (``U+202E``), never raw.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

CODE_POINTS = (
    [0x061C, 0x200E, 0x200F]  # ARABIC LETTER MARK, LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
    + list(range(0x202A, 0x202F))  # embeddings and overrides, POP DIRECTIONAL FORMATTING
    + list(range(0x2066, 0x206A))  # isolates, POP DIRECTIONAL ISOLATE
    + [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E]  # zero-width characters
)
PATTERN = re.compile("[" + "".join(chr(c) for c in CODE_POINTS) + "]")


def name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


def mark(char: str) -> str:
    """The visible stand-in pages show: ``U+202E``."""
    return f"U+{ord(char):04X}"


def found_in(
    data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each string of a loaded annotation holding such characters: its path and the first one."""
    if isinstance(data, str):
        match = PATTERN.search(data)
        if match:
            yield path, match.group()
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from found_in(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from found_in(value, (*path, index))


def visible(text: str) -> str:
    """``text`` with each such character replaced by its visible mark, ``⟨U+202E⟩``."""
    return PATTERN.sub(lambda found: f"⟨{mark(found.group())}⟩", text)
