"""A last comment line that tells a file a tool wrote, untouched, from one a person has edited.

``kgdebate extract`` and ``kgdebate import`` write annotations that curators then correct: the
tool may replace its own untouched file, and must never replace a curation.

>>> written = fingerprinted("a: 1\\n", "# tool: untouched ")
>>> is_untouched(written, "# tool: untouched ")
True
>>> is_untouched(written.replace("1", "2"), "# tool: untouched ")
False
"""

from __future__ import annotations

import hashlib


def fingerprinted(body: str, mark: str) -> str:
    """``body`` (ending in a newline) and a last line: ``mark`` and the SHA-256 of ``body``."""
    return body + mark + hashlib.sha256(body.encode()).hexdigest() + "\n"


def is_untouched(content: str, mark: str) -> bool:
    """True if ``content`` is exactly as :func:`fingerprinted` wrote it with this ``mark``."""
    body, _, last = content.rstrip("\n").rpartition("\n")
    if not last.startswith(mark):
        return False
    return hashlib.sha256((body + "\n").encode()).hexdigest() == last[len(mark) :]
