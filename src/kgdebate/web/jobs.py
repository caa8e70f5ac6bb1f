"""Running a query job for a request: in a killable worker, within the client's budget.

Every query whose cost grows with the collection goes through here: users' queries at
``/sparql``, the named queries of ``/queries`` and the full-row downloads of entity panels. Each
runs in a worker process of :mod:`kgdebate.query_pool`, under the time limit that really stops
it; the request gets 503 at the limit or when every worker stays busy, while the server goes on
answering. A worker's heap is capped (``query_memory_mb``), and each client has a budget of
query-seconds per minute (:mod:`kgdebate.web.budget`; 429 past it). Entity pages themselves stay
in-process: their queries are bound to one IRI and paged.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, Response, current_app, request

from kgdebate.query_jobs import Job, Outcome
from kgdebate.query_pool import (
    EngineCrashed,
    PoolBusy,
    PoolHolder,
    QueryOutOfMemory,
    QueryTimeout,
    WorkerLost,
)
from kgdebate.sparql_store import RemoteRunner, SparqlStore
from kgdebate.web.budget import OverBudget, QueryBudget
from kgdebate.web.client_address import client_address
from kgdebate.web.context import context
from kgdebate.web.errors import Refused

_POOL = "kgdebate.query_pool"
_BUDGET = "kgdebate.query_budget"


def init_app(app: Flask) -> None:
    view = app.extensions["kgdebate"]
    settings = view.settings
    if isinstance(view.store, SparqlStore):  # the store's server runs the queries
        app.extensions[_POOL] = RemoteRunner(view.store)
        app.extensions[_BUDGET] = QueryBudget(settings.client_query_seconds)
        return
    app.extensions[_POOL] = PoolHolder(
        settings.data_dir,
        settings.query_workers,
        settings.query_timeout_s,
        settings.query_queue_wait_s,
        settings.query_memory_mb,
    )
    app.extensions[_BUDGET] = QueryBudget(settings.client_query_seconds)


def query_pool_holder(app: Flask) -> PoolHolder | RemoteRunner:
    """The app's pool holder (tests stop it with ``.stop()``)."""
    holder: PoolHolder | RemoteRunner = app.extensions[_POOL]
    return holder


@contextmanager
def metered() -> Iterator[None]:
    """Work charged to the requesting client's budget of query-seconds: 429 when it is spent."""
    settings = context().settings
    budget: QueryBudget = current_app.extensions[_BUDGET]
    client = client_address(
        request.remote_addr, request.headers.get("X-Forwarded-For"), settings.trusted_proxies
    )
    try:
        budget.check(client)
    except OverBudget as exc:
        raise Refused(
            429,
            "over-budget",
            f"this client used its {settings.client_query_seconds:g} query-seconds a minute; "
            f"retry after {exc.retry_after_s} s",
            {"Retry-After": str(exc.retry_after_s)},
        ) from None
    started = time.monotonic()
    try:
        yield
    finally:
        budget.charge(client, time.monotonic() - started)


def run_job(job: Job) -> Outcome:
    """``job``'s outcome from a worker, metered: 503 at the time limit, the memory cap, or when
    every worker stays busy."""
    settings = context().settings
    with metered():
        try:
            job = dataclasses.replace(job, generation=context().generation.number)
            return query_pool_holder(current_app).get().run(job)
        except QueryTimeout:
            raise Refused(
                503,
                "query-timeout",
                f"query timeout: stopped after {settings.query_timeout_s:g} s",
            ) from None
        except PoolBusy:
            wait = max(1, round(settings.query_queue_wait_s))
            raise Refused(
                503, "busy", "all query workers are busy; retry shortly", {"Retry-After": str(wait)}
            ) from None
        except QueryOutOfMemory:
            raise Refused(
                503,
                "query-memory",
                f"the query needed more than {settings.query_memory_mb} MB and was stopped",
            ) from None
        except EngineCrashed:
            raise Refused(
                500,
                "engine-crashed",
                "the query engine failed on this query (a defect of the engine); it was stopped "
                "and the server goes on. Rewriting the query may avoid it.",
            ) from None
        except WorkerLost:
            raise Refused(503, "worker-lost", "the query worker stopped; try again") from None


def result_response(outcome: Outcome, content_type: str) -> Response:
    """The body of a successful outcome; a result cut at the row cap is 206, and says so."""
    response = Response(outcome.body, content_type=content_type)
    if outcome.truncated:
        response.status_code = 206
        response.headers["X-Result-Truncated"] = "true"
        response.headers["X-Result-Row-Limit"] = str(context().settings.max_rows)
    return response
