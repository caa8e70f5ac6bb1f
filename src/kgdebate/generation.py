"""Store generations: each write publishes a new one, and servers switch to it between requests.

A command that writes the store (``build``, ``ingest``, ``restore``) ends, once the store is
flushed and its named queries answered, by taking a checkpoint of it, ``<store>.generations/<n>``
(Oxigraph's backup: hard links to the store's immutable files, a few milliseconds), then writing
``<store>.generation``: the number, one higher than before, the time and the checkpoint's name. The
file is replaced whole (a reader sees the old one or the new one). Servers look at it at most once
a second (one ``stat``), and only then read it.

Readers open the checkpoint, never the store being written: RocksDB's read-only open of a folder a
live writer is compacting can fail ("No such file or directory" for a file compacted away while
it opened), and would see whatever the next write had committed so far. A checkpoint is never
written again, so a view of it is exactly its generation. The newest few are kept; a reader
opened on an older one keeps its files open, and switches at its next check.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kgdebate.files import write_atomically

if TYPE_CHECKING:
    from kgdebate.store import OxigraphStore

CHECK_EVERY_S = 1.0
KEEP = 3
"""Checkpoints kept besides the newest: a server still reading an older one has time to switch."""


@dataclass(frozen=True)
class Generation:
    number: int
    written: str
    """When it was published (ISO 8601, UTC); empty for a store never published."""
    checkpoint: str = ""
    """The folder of ``<store>.generations`` that holds it; empty when there is none (a store
    never published, or a replica's snapshot, which is itself never written again)."""

    def readable(self, data_dir: Path) -> Path:
        """The folder a reader opens for this generation: its checkpoint, or the store itself."""
        if self.checkpoint:
            folder = checkpoints_dir(data_dir) / self.checkpoint
            if folder.is_dir():
                return folder
        return data_dir


NONE = Generation(0, "")


def generation_file(data_dir: Path) -> Path:
    return data_dir.with_name(data_dir.name + ".generation")


def checkpoints_dir(data_dir: Path) -> Path:
    return data_dir.with_name(data_dir.name + ".generations")


def current(data_dir: Path) -> Generation:
    """The store's published generation (0 when none was)."""
    try:
        found = json.loads(generation_file(data_dir).read_text("utf-8"))
        checkpoint = str(found.get("checkpoint", ""))
        return Generation(int(found["generation"]), str(found["written"]), checkpoint)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return NONE


def readable_store(data_dir: Path) -> Path:
    """The folder a reader of the store at ``data_dir`` opens: its latest generation's."""
    return current(data_dir).readable(data_dir)


def publish(data_dir: Path, store: OxigraphStore) -> Generation:
    """Announce that the store's content changed: a checkpoint of ``store`` (open on
    ``data_dir``, flushed) as the next generation, then the generation file, written atomically."""
    written = datetime.now(UTC).isoformat(timespec="seconds")
    number = current(data_dir).number + 1
    folder = checkpoints_dir(data_dir) / f"{number:08d}"
    shutil.rmtree(folder, ignore_errors=True)  # left by a write that failed before publishing
    folder.parent.mkdir(parents=True, exist_ok=True)
    store.backup(folder)
    new = Generation(number, written, folder.name)
    write_generation(data_dir, new)
    _prune(checkpoints_dir(data_dir), keep=folder)
    return new


def write_generation(data_dir: Path, generation: Generation) -> None:
    body = {"generation": generation.number, "written": generation.written}
    if generation.checkpoint:
        body["checkpoint"] = generation.checkpoint
    write_atomically(generation_file(data_dir), (json.dumps(body) + "\n").encode())


def _prune(folder: Path, keep: Path) -> None:
    checkpoints = sorted(p for p in folder.iterdir() if p.is_dir())
    for old in checkpoints[: -KEEP - 1]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


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
