"""The front page: what the graph holds, and where to go from here."""

from __future__ import annotations

from flask import Blueprint, render_template

from kgdebate.stats import collect_stats
from kgdebate.web import context

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    ctx = context()
    return render_template("home.html", stats=collect_stats(ctx.store, ctx.settings))
