"""The full text behind an annotation: find it, check its hash, check every quote against it.

A mismatch is an error, never a silent re-anchoring: a quote that moved means the annotation and
the text disagree, and only a curator can say which is right.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgdebate.anchor import anchors
from kgdebate.errors import InputError
from kgdebate.files import read_plain_file
from kgdebate.ingest.yamlstrict import Loaded


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    sha256: str


def find_text(
    explicit: Path | None, annotation: Path, data: dict[str, Any], texts_dir: Path
) -> Path | None:
    """``--text`` wins; else ``document.text`` next to the annotation or in the texts folder.

    ``document.text`` is a file name, never a path: an annotation cannot reach out of those two
    folders (``../``, ``/etc/…``).
    """
    if explicit is not None:
        return explicit
    name: str | None = data["document"].get("text")
    if name is None:
        return None
    if name in ("", ".", "..") or Path(name).name != name or "\\" in name:
        raise InputError(
            f"{annotation}: document.text {name!r} must be a file name, not a path",
            hint="put the text next to the annotation or in the texts folder, and name it alone",
        )
    for folder in (annotation.parent, texts_dir):
        candidate = folder / name
        if candidate.exists() or candidate.is_symlink():  # a link or a pipe is refused when read
            return candidate
    return _in_subfolders(texts_dir, name, annotation)


def _in_subfolders(texts_dir: Path, name: str, annotation: Path) -> Path | None:
    """A corpus keeps its texts in folders of its own (``ungdc/2022/…``): found by name, which
    must then be unique, or the annotation would not say which text it means."""
    found = sorted(texts_dir.rglob(name)) if texts_dir.is_dir() else []
    if len(found) > 1:
        raise InputError(
            f"{annotation}: document.text {name!r} is in more than one folder of "
            f"{texts_dir}: {', '.join(str(path.relative_to(texts_dir)) for path in found)}",
            hint="rename one of the texts, or pass the one meant with --text",
        )
    return found[0] if found else None


def read_text(path: Path, max_bytes: int) -> SourceText:
    """Read a UTF-8 text (a BOM is dropped); anything else is refused, never guessed."""
    raw = read_plain_file(path, max_bytes, "text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: the text is not UTF-8 (bad byte at offset {exc.start})",
            hint="convert it to UTF-8 first, e.g. iconv -f latin1 -t utf-8",
        ) from None
    if "\x00" in text:
        raise InputError(
            f"{path}: the text contains NUL characters: it is probably UTF-16, not UTF-8",
            hint="convert it to UTF-8 first, e.g. iconv -f utf-16 -t utf-8",
        )
    return SourceText(path, text, hashlib.sha256(raw).hexdigest())


def check_quotes(source: SourceText, loaded: Loaded, filename: str) -> None:
    """Every quote's offsets, exact, prefix and suffix agree with the text; the hash matches."""
    data = loaded.data
    problems: list[str] = []
    expected = data["document"]["sha256"]
    if source.sha256 != expected:
        problems.append(
            f"{filename}:{loaded.line(('document', 'sha256'))}: document.sha256: the text "
            f"{source.path.name} has sha256 {source.sha256}, the annotation says {expected}"
        )
    text = source.text
    for index, claim in enumerate(data.get("claims", [])):
        quote = claim.get("quote")
        if quote is None:
            continue
        path = ("claims", index, "quote")
        where = f"{filename}:{loaded.line(path)}: {loaded.field(path)}"
        start, end = quote["start"], quote["end"]
        if not 0 <= start < end <= len(text):
            problems.append(f"{where}: offsets {start}-{end} are outside the text (0-{len(text)})")
            continue
        if text[start:end] != quote["exact"]:
            moved = _moved(text, quote["exact"])
            problems.append(f"{where}: the text at {start}-{end} is not the quote's exact{moved}")
            continue
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        if prefix and text[max(0, start - len(prefix)) : start] != prefix:
            expected = json.dumps(text[max(0, start - len(prefix)) : start], ensure_ascii=False)
            problems.append(f"{where}: prefix does not match the text before {start} ({expected})")
        if suffix and text[end : end + len(suffix)] != suffix:
            expected = json.dumps(text[end : end + len(suffix)], ensure_ascii=False)
            problems.append(f"{where}: suffix does not match the text after {end} ({expected})")
    if problems:
        raise InputError(
            f"{filename}: the annotation does not match its text:\n  " + "\n  ".join(problems),
            hint="fix the annotation (or the text); quotes are never re-anchored silently. "
            '`kgdebate anchor TEXT_FILE "exact words"` prints a quote\'s selectors',
        )


def _moved(text: str, exact: str) -> str:
    """Where the exact words are now, with the selectors to write (``kgdebate anchor`` too)."""
    found = anchors(text, exact)
    if not found:
        return "; the exact words are nowhere in the text"
    first = found[0]
    prefix, suffix = (json.dumps(v, ensure_ascii=False) for v in (first.prefix, first.suffix))
    others = f" (and {len(found) - 1} more time(s))" if len(found) > 1 else ""
    return (
        f"; the exact words are at start {first.start}, end {first.end}{others}, "
        f"prefix {prefix}, suffix {suffix}"
    )
