"""Snapshots for replicas: consistent copies of the store that servers elsewhere follow.

``kgdebate snapshot OUT`` writes ``OUT/<generation>-<time>/``: ``store/`` (Oxigraph's backup, a
consistent copy even while the store is written), its stored answers and its generation file, in
a hidden folder first; then it points ``OUT/current`` at it, by replacing a symbolic link, which is
atomic. ``kgdebate serve --follow OUT`` serves ``OUT/current/store``: the generation file it
watches is then the newest snapshot's, so a server switches to a new snapshot exactly as it
switches to a new generation of its own store (:mod:`kgdebate.generation`), and its query
workers reopen the store behind the link.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kgdebate.answers import STORE_MARK
from kgdebate.errors import InputError
from kgdebate.generation import current, write_generation
from kgdebate.store import OxigraphStore, answers_dir

CURRENT = "current"
KEEP = 3
"""Snapshots kept besides the newest: a server still reading an older one has time to switch."""


def followed_store(folder: Path) -> Path:
    """The store a server following ``folder`` opens: the newest snapshot's, through the link."""
    return folder / CURRENT / "store"


def take(store: OxigraphStore, data_dir: Path, out: Path) -> Path:
    """A complete snapshot of the store at ``data_dir`` in ``out``, published as its newest."""
    out.mkdir(parents=True, exist_ok=True)
    generation = current(data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{generation.number:08d}-{stamp}"
    partial = out / f".{name}.partial"
    partial.mkdir()
    try:
        store.backup(partial / "store")
        mark = data_dir / STORE_MARK
        if mark.is_file() and answers_dir(data_dir).is_dir():  # the answers, if they are current
            shutil.copyfile(mark, partial / "store" / STORE_MARK)
            shutil.copytree(answers_dir(data_dir), answers_dir(partial / "store"))
        if generation.number:  # its number and time; a snapshot is its own checkpoint
            write_generation(partial / "store", replace(generation, checkpoint=""))
        final = out / name
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _point_current_at(out, final)
    _prune(out, keep=final)
    return final


def _point_current_at(out: Path, snapshot: Path) -> None:
    link = out / CURRENT
    if link.exists() and not link.is_symlink():
        raise InputError(
            f"{link} is not a link to a snapshot",
            hint="give snapshot a folder of its own, where only snapshots are written",
        )
    temporary = out / f".{CURRENT}.{os.getpid()}"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(snapshot.name)
    temporary.replace(link)  # rename(2): a follower sees the old target or the new one


def _prune(out: Path, keep: Path) -> None:
    snapshots = sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in snapshots[: -KEEP - 1]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)
