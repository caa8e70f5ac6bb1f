"""``kgdebate query``: a user's query run as the server runs it, in a worker that can be killed.

The same guard and limits as ``/sparql`` (settings ``query_max_*``), the same time limit, memory cap
and row cap, and a worker without a network: a query that crashes the engine (SIGSEGV) or runs
past the limit ends the worker, never ``kgdebate`` itself, and the user gets a clear error and
exit code 2.
"""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from kgdebate.config import Settings
from kgdebate.errors import QueryError
from kgdebate.media_types import GRAPH_TYPES, RESULT_TYPES
from kgdebate.queries import GRAPH_FORMATS, RESULT_FORMATS, table
from kgdebate.query_jobs import Job, Outcome, outcome_of
from kgdebate.query_pool import (
    EngineCrashed,
    QueryOutOfMemory,
    QueryPool,
    QueryTimeout,
    WorkerLost,
)

# The `-f` names of queries.py, each with the media type the worker writes for it.
FORMATS = {
    name: media_type
    for names, types in ((RESULT_FORMATS, RESULT_TYPES), (GRAPH_FORMATS, GRAPH_TYPES))
    for name, fmt in names.items()
    for media_type, same in types.items()
    if same == fmt
}
_JSON = "application/sparql-results+json"


def run_in_worker(settings: Settings, prepared: str, fmt: str) -> Outcome:
    """The outcome of ``prepared`` (already guarded, parameters bound) written as ``fmt``."""
    media_type = FORMATS.get(fmt, _JSON)  # "table" is drawn from the JSON rows
    job = Job(
        prepared,
        result_type=media_type if media_type in RESULT_TYPES else None,
        graph_type=media_type if media_type in GRAPH_TYPES else None,
        max_rows=settings.max_rows,
        base_iri=settings.endpoint_iri,
    )
    if settings.store == "sparql":  # the server runs it, under the same time limit
        from kgdebate.sparql_store import SparqlStore

        result = SparqlStore.from_settings(settings).query(prepared)
        return _checked(outcome_of(result, job), fmt, settings)
    pool = QueryPool(settings.data_dir, 1, settings.query_timeout_s, 0, settings.query_memory_mb)
    try:
        return _checked(pool.run(job), fmt, settings)
    except QueryTimeout:
        raise QueryError(
            f"query timeout: stopped after {settings.query_timeout_s:g} s",
            hint="make the query more selective, or raise KGDEBATE_QUERY_TIMEOUT_S",
        ) from None
    except QueryOutOfMemory:
        raise QueryError(
            f"the query needed more than {settings.query_memory_mb} MB and was stopped",
            hint="make the query more selective, or raise KGDEBATE_QUERY_MEMORY_MB",
        ) from None
    except EngineCrashed:
        raise QueryError(
            "the query engine crashed on this query (a defect of the engine); nothing was answered",
            hint="rewriting the query may avoid it",
        ) from None
    except WorkerLost:
        raise QueryError("the query worker stopped; nothing was answered; try again") from None
    finally:
        pool.stop()


def _checked(outcome: Outcome, fmt: str, settings: Settings) -> Outcome:
    if outcome.status == "syntax-error":
        raise QueryError(f"SPARQL syntax error: {outcome.detail}")
    if outcome.status == "not-acceptable":
        graph = ", ".join(f for f, t in FORMATS.items() if t in GRAPH_TYPES)
        rows = ", ".join(["table", *(f for f, t in FORMATS.items() if t in RESULT_TYPES)])
        wanted = graph if fmt in rows.split(", ") else rows
        raise QueryError(f"this query's result is written as {wanted}, not {fmt}")
    if outcome.status != "ok":
        raise QueryError("the query cannot run (an evaluation error)")
    return outcome


def write_outcome(outcome: Outcome, fmt: str, out: IO[bytes], err: IO[str]) -> None:
    """The body as asked for (a table drawn from the rows), and a warning when it was cut."""
    if fmt == "table":
        parsed = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
        out.write(table(parsed).encode("utf-8"))
    else:
        out.write(outcome.body)
    if outcome.truncated:
        err.write(
            f"warning: the result was cut at {outcome.rows} rows (setting max_rows, "
            "KGDEBATE_MAX_ROWS)\n"
        )
