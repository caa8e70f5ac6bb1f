"""The full texts the server has (the ``texts_dir`` setting and its folders), found by the
SHA-256 a document records, so that a page shows exactly the text its quote offsets count in.

Texts are never redistributed by the project: a server without them shows no reading view.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from kgdebate.errors import InputError
from kgdebate.ingest.text import read_text


@cache
def texts_by_hash(folder: Path, max_bytes: int) -> dict[str, Path]:
    """Every readable ``*.txt`` under ``folder`` by the SHA-256 of its UTF-8 bytes (once per
    server process: a text added later is seen after a restart)."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.rglob("*.txt")):
        try:
            if path.is_file() and path.stat().st_size <= max_bytes:
                found[hashlib.sha256(path.read_bytes()).hexdigest()] = path
        except OSError:
            continue
    return found


def text_of(sha256: str, folder: Path, max_bytes: int) -> str | None:
    """The text whose hash a document records, or None when the server has none."""
    path = texts_by_hash(folder, max_bytes).get(sha256)
    if path is None:
        return None
    try:
        source = read_text(path, max_bytes)
    except InputError:
        return None
    return source.text if source.sha256 == sha256 else None  # changed since it was indexed
