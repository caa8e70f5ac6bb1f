"""Store generations: each write publishes a new one, and servers switch to it between requests.

A command that writes the store (``build``, ``ingest``, ``restore``) ends, once the store is
flushed and its named queries answered, by writing ``<store>.generation``: a number one higher than
before and the time. The file is replaced whole (a reader sees the old one or the new one), so a
server that finds a new number knows the store behind it is complete. Servers look at the file at
most once a second (one ``stat``), and only then read it.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kgdebate.files import write_atomically

CHECK_EVERY_S = 1.0


@dataclass(frozen=True)
class Generation:
    number: int
    written: str
    """When it was published (ISO 8601, UTC); empty for a store never published."""


NONE = Generation(0, "")


def generation_file(data_dir: Path) -> Path:
    return data_dir.with_name(data_dir.name + ".generation")


def current(data_dir: Path) -> Generation:
    """The store's published generation (0 when none was)."""
    try:
        found = json.loads(generation_file(data_dir).read_text("utf-8"))
        return Generation(int(found["generation"]), str(found["written"]))
    except (OSError, ValueError, KeyError, TypeError):
        return NONE


def publish(data_dir: Path) -> Generation:
    """Announce that the store's content changed: the next generation, written atomically."""
    written = datetime.now(UTC).isoformat(timespec="seconds")
    new = Generation(current(data_dir).number + 1, written)
    body = json.dumps({"generation": new.number, "written": new.written}) + "\n"
    write_atomically(generation_file(data_dir), body.encode())
    return new


class Watcher:
    """Tells a server process, cheaply and at most once a second, whether a newer generation
    than the one it serves was published."""

    def __init__(self, data_dir: Path, serving: Generation) -> None:
        self._file = generation_file(data_dir)
        self._data_dir = data_dir
        self._serving = serving
        self._checked = time.monotonic()
        self._seen = self._stamp()
        self._lock = threading.Lock()

    def newer(self) -> Generation | None:
        """The generation to switch to, or None (most calls return at once, without a stat)."""
        now = time.monotonic()
        with self._lock:
            if now - self._checked < CHECK_EVERY_S:
                return None
            self._checked = now
            stamp = self._stamp()
            if stamp == self._seen:
                return None
            self._seen = stamp
            found = current(self._data_dir)
            if found.number <= self._serving.number:
                return None
            self._serving = found
            return found

    def _stamp(self) -> tuple[int, int]:
        try:
            status = self._file.stat()
        except OSError:
            return (0, 0)
        return (status.st_mtime_ns, status.st_ino)
