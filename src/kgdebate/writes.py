"""What every command that wrote the store does last: answer the named queries for the server,
then publish the new generation, which running servers switch to (README, "Live updates")."""

from __future__ import annotations

import logging
import time

from kgdebate.answers import write_answers
from kgdebate.config import Settings
from kgdebate.generation import Generation, publish
from kgdebate.store import OxigraphStore, TripleStore

log = logging.getLogger(__name__)


def finish_write(store: TripleStore, settings: Settings) -> Generation | None:
    """Flush ``store`` (open on ``settings.data_dir``), answer the named queries from its final
    content, and publish it as the next generation. A SPARQL server as the store commits each
    write itself, and its readers ask it: nothing is kept beside it."""
    if not isinstance(store, OxigraphStore):
        return None
    store.flush()  # readers (the server) then open it without replaying the write-ahead log
    started = time.perf_counter()
    answered = write_answers(store, settings.data_dir, settings.max_rows)
    seconds = time.perf_counter() - started
    log.info("answered %d named queries for the server in %.1f s", len(answered), seconds)
    generation = publish(settings.data_dir, store)
    log.info("published generation %d of the store", generation.number)
    return generation
