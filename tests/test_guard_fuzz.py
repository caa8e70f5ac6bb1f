"""10,000 random queries from the grammar (tests/sparql_fuzz.py, a fixed seed) through /sparql:
each is answered or refused with 400, never a connection to the canary, and no worker crash but
the engine's own known defect (below).

The queries reach both sides of every limit, and the ones the guard lets through are evaluated by
the engine in the query workers, as any client's would be. ``bench/guard_fuzz.py`` runs longer
over the real HTTP server and prints the figures.

pyoxigraph 0.5.13 aborts on some ``ORDER BY`` over literals ("comparison function does not
correctly implement a total order", a Rust panic): that answer is 500 ``engine-crashed``, the
worker is replaced, and the server goes on. This test lets exactly that defect through, and
checks that it is that defect: any other crash fails it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from canary import Canary, running_canary
from kgdebate.query_jobs import Job
from kgdebate.query_pool import EngineCrashed, QueryPool
from kgdebate.store import OxigraphStore
from kgdebate.web.jobs import query_pool_holder
from sparql_fuzz import queries

from conftest import snapshot_app

pytestmark = pytest.mark.slow
SEED = 20261203
COUNT = 10_000
LIMITS = {"too-deep", "too-many-operators", "too-many-patterns", "path-too-long"}
ANSWERS = {
    200: {""},
    400: {"service-refused", "syntax-error", "query-failed", "query-too-long", *LIMITS},
    500: {"engine-crashed"},
}
KNOWN_DEFECT = "does not correctly implement a total order"


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    with running_canary() as canary:
        yield canary


def test_every_fuzzed_query_is_answered_or_refused(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory, canary: Canary
) -> None:
    app = snapshot_app(built, tmp_path_factory, client_query_seconds=1e9, query_timeout_s=10)
    client = app.test_client()
    seen: Counter[tuple[int, str]] = Counter()
    crashed = []
    try:
        for query in queries(SEED, COUNT, canary.url):
            response = client.post("/sparql", data={"query": query})
            code = "" if response.status_code == 200 else response.get_json()["code"]
            seen[response.status_code, code] += 1
            if code == "engine-crashed":
                crashed.append(query)
    finally:
        query_pool_holder(app).stop()
    assert canary.connections == 0
    assert {code for _, code in seen} >= LIMITS | {"service-refused", ""}, seen
    for status, code in seen:
        assert code in ANSWERS.get(status, set()), seen
    assert seen[200, ""] > COUNT / 3, seen  # most get through and are real queries
    data_dir = app.extensions["kgdebate"].settings.data_dir
    assert all(_crashes_with_the_known_defect(query, data_dir) for query in crashed)


def _crashes_with_the_known_defect(query: str, data_dir: Path) -> bool:
    pool = QueryPool(data_dir, 1, timeout_s=10, wait_s=10)
    try:
        pool.run(Job(query, result_type="application/sparql-results+json"))
    except EngineCrashed as crash:
        return KNOWN_DEFECT in str(crash)
    finally:
        pool.stop()
    return False
