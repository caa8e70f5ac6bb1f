"""The front page (what the graph holds, and where to go from here) and a health check."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, render_template

from kgdebate import __version__
from kgdebate.stats import Stats, collect_stats
from kgdebate.store import term_text as _text
from kgdebate.web.context import WebContext, context
from kgdebate.web.page_sparql import page_query
from kgdebate.web.terms import TermView, view

bp = Blueprint("home", __name__)
_STATS = "kgdebate.stats"
_FRONT = "kgdebate.front"


@bp.get("/")
def index() -> str:
    ctx = context()
    documents, warnings = ctx.derive(_FRONT, lambda: _front(ctx))
    return render_template(
        "home.html",
        stats=_stats(),
        generation=ctx.generation,
        version=__version__,
        documents=documents,
        series=_series(documents),
        warnings=warnings,
    )


SERIES_SHOWN_WHOLE = 10
"""A series with more documents than this (a session of the UN General Debate) is one line of the
front page that opens to its documents, so that the debates and analyses stay in view."""


def _series(documents: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The documents in groups: first the ones shown whole (no series, or a small one), then
    each large series, newest first as the documents are."""
    counts: dict[str, int] = {}
    for document in documents:
        counts[document["series"]] = counts.get(document["series"], 0) + 1
    groups: dict[str, list[dict[str, Any]]] = {"": []}
    for document in documents:
        large = document["series"] and counts[document["series"]] > SERIES_SHOWN_WHOLE
        groups.setdefault(document["series"] if large else "", []).append(document)
    return list(groups.items())


def _front(ctx: WebContext) -> tuple[list[dict[str, Any]], list[tuple[TermView, str, TermView]]]:
    """The documents and the open warnings, once per view of the store (the counts read every
    claim and every stored warning)."""
    base = ctx.settings.base_iri
    documents = [
        {
            "title": view(base, row["document"], row["title"]),
            "date": row["date"].value if row["date"] else "",
            "series": row["series"].value if row["series"] else "",
            "publisher": view(base, row["publisher"], row["publisherLabel"]),
            "draft": row["draft"] is not None and row["draft"].value == "true",
            "claims": int(row["claims"].value) if row["claims"] else 0,
            "warnings": int(row["warnings"].value) if row["warnings"] else 0,
        }
        for row in _rows("home-documents")
    ]
    warnings = [
        (
            view(base, row["focus"], row["focusLabel"]),
            _text(row["message"]),
            view(base, row["document"], row["documentTitle"]),
        )
        for row in _rows("home-warnings")
    ]
    return documents, warnings


def _rows(name: str) -> list[ox.QuerySolution]:
    result = context().store.query(page_query(name))
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


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
    return ctx.derive(_STATS, lambda: collect_stats(ctx.store, ctx.settings))
