"""The front page (what the graph holds, and where to go from here) and a health check."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template

from kgdebate.stats import Stats, collect_stats
from kgdebate.web.context import context

bp = Blueprint("home", __name__)
_STATS = "kgdebate.stats"


@bp.get("/")
def index() -> str:
    return render_template("home.html", stats=_stats())


@bp.get("/health")
def health() -> Response:
    """For load balancers: answered in-process, never queued behind users' queries."""
    context().store.query("ASK {}")
    return jsonify(status="ok")


def _stats() -> Stats:
    """Counted once per process: the app serves a frozen view of the store (counting 10M
    triples on every visit to the front page would take seconds)."""
    found: Stats | None = current_app.extensions.get(_STATS)
    if found is None:
        ctx = context()
        found = current_app.extensions[_STATS] = collect_stats(ctx.store, ctx.settings)
    return found
