"""Named queries answered when the store is written, and served from files.

A named query reads the whole collection: 2 s at 1M triples, past the 30 s time limit at 10M.
The server serves a frozen view of the store, so each named query's answer at its default
parameters is computed offline, right after ``build``, ``ingest`` or ``restore`` wrote the store,
by the evaluation the query workers run (:func:`kgdebate.query_jobs.evaluate`, same row cap, same
bytes), and kept beside the store: ``<store>.answers/`` holds ``manifest.json`` and, per query,
its SPARQL JSON and CSV answers.

They are not served stale: the store deletes the folder before every write (``store.py``); a
server uses only the set it found when it started (each read checks the manifest's id), only if
the store's folder names that set (a store moved in without its answers does not) and only the
answers of queries whose text is still the one answered, by the same release. Federated queries
are not answered here (a remote endpoint may answer differently tomorrow), nor other parameter
values than the defaults: those run live.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kgdebate import __version__
from kgdebate.federation import service_blocks
from kgdebate.files import replacing
from kgdebate.queries import answer_and_bind_named, named_queries
from kgdebate.query_jobs import Job, evaluate
from kgdebate.store import OxigraphStore, answers_dir

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
STORE_MARK = "kgdebate-answers-id"
"""A file in the store's folder naming its answers: a store moved or swapped in without them
(or with another store's) does not match, and its named queries run live."""
FORMATS = {"json": "application/sparql-results+json", "csv": "text/csv"}


@dataclass(frozen=True)
class Answered:
    """One stored answer: its rows (at most the row cap) and whether the cap cut it."""

    name: str
    rows: int
    truncated: bool
    seconds: float = 0.0
    query: str = ""
    """The SHA-256 of the query text it answers: a changed query (a new release) is not."""


def write_answers(store: OxigraphStore, data_dir: Path, max_rows: int) -> list[Answered]:
    """Answer every named query that runs on the store alone; replace the answers folder."""
    folder = answers_dir(data_dir)
    staging = folder.with_name(folder.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    answered: list[Answered] = []
    for name, text in sorted(_answerable().items()):
        started = time.perf_counter()
        job = Job(text, result_type=FORMATS["json"], max_rows=max_rows)
        outcome = evaluate(store.engine, job)
        if outcome.status != "ok":
            log.warning("named query %s: %s; it will be answered live", name, outcome.status)
            continue
        as_csv = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
        bodies = {"json": outcome.body, "csv": as_csv.serialize(format=ox.QueryResultsFormat.CSV)}
        for suffix, body in bodies.items():
            (staging / f"{name}.{suffix}").write_bytes(body or b"")
        seconds = time.perf_counter() - started
        answered.append(Answered(name, outcome.rows, outcome.truncated, seconds, _digest(text)))
    identity = uuid.uuid4().hex
    manifest = {
        "id": identity,
        "version": __version__,
        "max_rows": max_rows,
        "queries": {
            a.name: {"rows": a.rows, "truncated": a.truncated, "query": a.query} for a in answered
        },
    }
    with replacing(staging / MANIFEST) as out:
        out.write(json.dumps(manifest, indent=1).encode())
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    with replacing(data_dir / STORE_MARK) as out:
        out.write(identity.encode())
    return answered


def _answerable() -> dict[str, str]:
    """Each named query that runs on the store alone, as it runs at its default parameters."""
    return {
        name: answer_and_bind_named(query)
        for name, query in named_queries().items()
        if not service_blocks(query.text)
    }


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class StoredAnswers:
    """The answers folder a server found at start; reads give None once it has been replaced."""

    def __init__(self, folder: Path, identity: str, answered: dict[str, Answered]) -> None:
        self.folder = folder
        self.identity = identity
        self.answered = answered

    @classmethod
    def found(cls, data_dir: Path, max_rows: int) -> StoredAnswers | None:
        """The answers of this store computed by this release with this row cap, if any: only
        those of queries whose text is still the one answered."""
        folder = answers_dir(data_dir)
        manifest = _manifest(folder)
        try:
            mark = (data_dir / STORE_MARK).read_text("utf-8")
        except OSError:
            return None
        if manifest is None or (mark, __version__, max_rows) != (
            manifest.get("id"),
            manifest.get("version"),
            manifest.get("max_rows"),
        ):
            return None
        digests = {name: _digest(text) for name, text in _answerable().items()}
        answered = {
            name: Answered(name, int(entry["rows"]), bool(entry["truncated"]))
            for name, entry in manifest["queries"].items()
            if digests.get(name) == entry.get("query")
        }
        return cls(folder, mark, answered)

    def body(self, name: str, suffix: str) -> bytes | None:
        """The stored answer as ``suffix`` (json, csv); None if absent or no longer this set."""
        if name not in self.answered or suffix not in FORMATS:
            return None
        try:
            body = (self.folder / f"{name}.{suffix}").read_bytes()
        except OSError:
            return None
        manifest = _manifest(self.folder)  # read after the body: a body of another set is caught
        return body if manifest is not None and manifest.get("id") == self.identity else None


def _manifest(folder: Path) -> dict[str, Any] | None:
    try:
        found = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None
