"""`kgdebate extract`: a raw document in, a draft annotation out (design.md §2).

read (reading.py) → layout (layout.py) → mentions (gazetteer.py) and figures (figures.py) →
draft annotation (draft.py) → YAML (writing.py), never written over a curation.
`kgdebate review` (review.py) then lists what a curator must decide.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from kgdebate.config import Settings
from kgdebate.errors import InputError, KgdebateError, StoreError
from kgdebate.extract.draft import document_id, make_draft
from kgdebate.extract.gazetteer import Gazetteer
from kgdebate.extract.reading import read_source
from kgdebate.extract.writing import write_draft
from kgdebate.mint import Minter
from kgdebate.store import TripleStore


def extract(
    path: Path,
    store: TripleStore,
    settings: Settings,
    output: Path | None = None,
    encoding: str | None = None,
    slug: str | None = None,
    when: str | None = None,
) -> list[Path]:
    """Write the draft annotation of ``path`` (default: ``<stem>.yaml`` beside it)."""
    gazetteer = _gazetteer(store, settings)
    return _draft(path, gazetteer, settings, output, encoding, slug, when)


def extract_all(
    paths: list[Path],
    open_store: Callable[[], TripleStore],
    settings: Settings,
    encoding: str | None = None,
    when: str | None = None,
    jobs: int = 1,
) -> list[list[Path] | KgdebateError]:
    """Draft each of ``paths`` beside it, ``jobs`` at a time; per path, what was written or
    why nothing was (one bad document stops no other). The gazetteer is built once, from the
    store ``open_store`` opens, after the workers are made (see :func:`_workers`)."""
    _one_draft_each(paths)
    if jobs < 2 or len(paths) < 2:
        batch = _Batch(_gazetteer(open_store(), settings), settings, encoding, when)
        return [batch.draft(path) for path in paths]
    with _workers(jobs - 1) as pool:
        for _ in range(jobs - 1):  # a worker is made on the first task; it starts while
            pool.submit(_ready)  # this process opens the store and builds the gazetteer
        batch = _Batch(_gazetteer(open_store(), settings), settings, encoding, when)
        return _draft_together(paths, batch, jobs, pool)


def _workers(count: int) -> ProcessPoolExecutor:
    """``count`` worker processes: copies of this one (fork) where it runs no other thread, as
    the command does before it opens the store; else new interpreters (spawn). A copy is ready at
    once, every module imported and every pattern compiled, where a new interpreter takes most
    of a second to get there. A copy of a process with other threads could hang on a lock one of
    them held (an open store runs three, and keeps them once closed)."""
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context(_start_method()))


def _start_method() -> str:
    try:
        alone = len(os.listdir("/proc/self/task")) == 1  # every thread, the store's included
    except OSError:  # no /proc: no way to count them
        alone = False
    return "fork" if alone else "spawn"


def _ready() -> None:
    """Nothing: running it makes the pool make its workers."""


def _draft_together(
    paths: list[Path], batch: _Batch, jobs: int, pool: ProcessPoolExecutor
) -> list[list[Path] | KgdebateError]:
    """``jobs`` processes draft from one queue: this one and ``jobs - 1`` workers of ``pool``.
    This one is ready at once; a worker may not be (a new interpreter takes most of a second),
    so this one drafts from the queue's end while the workers take from its front, and no
    processor waits for another.

    The queue runs from the longest document to the shortest. This process then drafts the
    short ones and comes back often to hand out more (it can hand out nothing while it drafts),
    and at the end nobody waits for a long one. In the queue's order of the paths, with two
    documents in hand per worker, a worker sat idle for an eighth of the time; now for a
    thirtieth. (The run is only a little faster: with both processors busy, each is slower.)"""
    outcomes: dict[int, list[Path] | KgdebateError] = {}
    queue = deque(sorted(enumerate(paths), key=lambda item: -_size(item[1])))
    # The batch goes with every path, pickled once (0.1 MB, the gazetteer), and a worker reads it
    # once. Not as the workers' initargs: the workers are made before the gazetteer is built.
    shipped = pickle.dumps(batch)
    handed: dict[Future[list[Path] | KgdebateError], int] = {}
    while queue or handed:
        while queue and len(handed) < 4 * (jobs - 1):  # one drafting, three waiting, each
            index, path = queue.popleft()
            handed[pool.submit(_draft_in_worker, path, shipped)] = index
        if queue:
            index, path = queue.pop()
            outcomes[index] = batch.draft(path)
        else:
            wait(handed, return_when=FIRST_COMPLETED)
        for future in [future for future in handed if future.done()]:
            outcomes[handed.pop(future)] = future.result()
    return [outcomes[index] for index in range(len(paths))]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # drafting it will say why
        return 0


def _one_draft_each(paths: list[Path]) -> None:
    """Refuse, before anything is drafted, documents whose drafts would be one file ("a.txt"
    and "a.html" both give "a.yaml"): one would silently replace the other."""
    by_draft: dict[Path, list[Path]] = {}
    for path in paths:
        by_draft.setdefault(path.parent.resolve() / f"{document_id(path)}.yaml", []).append(path)
    clashes = [same for same in by_draft.values() if len(same) > 1]
    if clashes:
        raise InputError(
            "these documents would have the same draft: "
            + "; ".join(" and ".join(map(str, same)) for same in clashes),
            hint="give each once, or draft one of them on its own with -o",
        )


def _gazetteer(store: TripleStore, settings: Settings) -> Gazetteer:
    if not store.has_graph(str(Minter(settings.base_iri).graph("reference"))):
        raise StoreError(
            "the store has no reference data: extract links names to its actors and events",
            hint="run `kgdebate build` first",
        )
    return Gazetteer.from_store(store)


def _draft(
    path: Path,
    gazetteer: Gazetteer,
    settings: Settings,
    output: Path | None = None,
    encoding: str | None = None,
    slug: str | None = None,
    when: str | None = None,
) -> list[Path]:
    source = read_source(path, settings.max_text_bytes, encoding)
    draft = make_draft(source, gazetteer, slug, when)
    target = output or path.with_name(f"{draft.data['document']['id']}.yaml")
    return write_draft(draft, target, settings.max_yaml_nodes)


@dataclass(frozen=True)
class _Batch:
    """What every document of a batch is drafted with."""

    gazetteer: Gazetteer
    settings: Settings
    encoding: str | None
    when: str | None

    def draft(self, path: Path) -> list[Path] | KgdebateError:
        try:
            return _draft(path, self.gazetteer, self.settings, None, self.encoding, None, self.when)
        except KgdebateError as exc:
            return exc


_batch: tuple[bytes, _Batch] | None = None  # in a worker process: the batch, and as it came


def _draft_in_worker(path: Path, shipped: bytes) -> list[Path] | KgdebateError:
    global _batch
    if _batch is None or _batch[0] != shipped:  # (the same bytes every time: read once)
        _batch = (shipped, pickle.loads(shipped))
    return _batch[1].draft(path)
