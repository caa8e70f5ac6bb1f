"""The store a command works on: the embedded Oxigraph store, or a SPARQL 1.1 server (setting
``store``). Both speak :class:`kgdebate.store.TripleStore`."""

from __future__ import annotations

import logging

from kgdebate.config import Settings
from kgdebate.errors import StoreError
from kgdebate.generation import readable_store
from kgdebate.sparql_store import SparqlStore
from kgdebate.store import OxigraphStore, TripleStore

log = logging.getLogger(__name__)


def open_store(settings: Settings, read_only: bool = False) -> TripleStore:
    """The store of ``settings``; read-only, the embedded one's latest published generation
    (never a store being written)."""
    if settings.store == "sparql":
        store = SparqlStore.from_settings(settings)
        unfinished = store.interrupted_writes()
        if unfinished:
            log.warning(
                "a write of %d graph(s) did not end (%s): they are as they were before it or "
                "as it wrote them; ingest their documents again",
                len(unfinished),
                ", ".join(unfinished[:5]) + (" …" if len(unfinished) > 5 else ""),
            )
        return store
    if read_only and not settings.data_dir.exists():
        raise StoreError(f"no store at {settings.data_dir}", hint="run `kgdebate build` first")
    if read_only:
        return OxigraphStore(readable_store(settings.data_dir), read_only=True)
    return OxigraphStore(settings.data_dir)
