"""The front page (what the graph holds, and where to go from here) and a health check."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template

from kgdebate.stats import Stats, collect_stats
from kgdebate.web.context import context

bp = Blueprint("home", __name__)
_STATS = "kgdebate.stats"


@bp.get("/")
def index() -> str:
    return render_template("home.html", stats=_stats(), generation=context().generation)


@bp.get("/health")
def health() -> Response:
    """For load balancers: answered in-process, never queued behind users' queries."""
    ctx = context()
    ctx.store.query("ASK {}")
    return jsonify(
        status="ok", generation=ctx.generation.number, written=ctx.generation.written or None
    )


def _stats() -> Stats:
    """Counted once per view of the store (counting 10M triples on every visit to the front
    page would take seconds)."""
    ctx = context()
    found: Stats | None = ctx.derived.get(_STATS)
    if found is None:
        found = ctx.derived[_STATS] = collect_stats(ctx.store, ctx.settings)
    return found
