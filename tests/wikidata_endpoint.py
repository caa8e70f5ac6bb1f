"""A Wikidata-shaped SPARQL endpoint on 127.0.0.1: kgdebate's own server over the fixture."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from live_server import LiveServer

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata-fixture.ttl"
WIKIDATA_QUERY_SERVICE = "https://query.wikidata.org/sparql"


@contextmanager
def wikidata_endpoint(tmp: Path, **settings: str) -> Iterator[LiveServer]:
    """`kgdebate serve` over a store holding only ``fixtures/wikidata-fixture.ttl``."""
    store = ox.Store(str(tmp / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store  # the server opens it read-only
    with LiveServer(tmp / "store", tmp / "server.log", **settings).serving() as server:
        yield server
