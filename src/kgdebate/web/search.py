"""``/search``: things found by their words, grouped by kind, with a facet per kind.

``?q=`` holds the words (each must be found; "double-quoted words" are one phrase), ``?kind=`` a
kind to keep (:data:`~kgdebate.web.search_index.KINDS`). Without a kind the page shows the best
few of each kind, with a link to all of them; each facet link keeps the words. The found terms
are marked in what is shown. The same answer as JSON at ``/search.json`` or for
``Accept: application/json``. The index (:mod:`kgdebate.web.search_index`) is built at the first
search of a view of the store and kept with it, so a new generation gets a new index.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, abort, render_template, request, url_for

from kgdebate.web.context import context
from kgdebate.web.errors import Refused
from kgdebate.web.linked_data import answer_options_with_204, reject_control_characters
from kgdebate.web.search_index import (
    KIND_NAMES,
    KINDS,
    MAX_HITS,
    Found,
    Hit,
    SearchIndex,
    build_index,
)
from kgdebate.web.terms import page_href

bp = Blueprint("search", __name__)
answer_options_with_204(bp)

MAX_QUERY_CHARS = 200
MIN_QUERY_CHARS = 2
PER_KIND = 10
"""Without a kind chosen, the page shows this many of each kind (and links to the rest)."""
CACHE_KEY = "kgdebate.search"
JSON = "application/json"
HTML = "text/html"


def cached_index() -> SearchIndex:
    """The search index of the view this request reads, built at its first use."""
    ctx = context()
    return ctx.derive(CACHE_KEY, lambda: build_index(ctx.store))


@dataclass(frozen=True)
class Group:
    """A kind's hits as the page shows them, how many there are, and the link to all."""

    name: str
    title: str
    hits: list[Hit]
    count: int
    more: str | None


@bp.get("/search", defaults={"fmt": None})
@bp.get("/search.<any(json):fmt>")
def search(fmt: str | None) -> Response | str:
    words, kind = _asked()
    found = _found(words, kind)
    as_json = fmt == "json" or request.accept_mimetypes.best_match([HTML, JSON]) == JSON
    response = _json(words, kind, found) if as_json else Response(_html(words, kind, found))
    if fmt is None:
        response.vary.add("Accept")
        alternate = _link(words, kind, "json")
        response.headers["Link"] = f'<{alternate}>; rel="alternate"; type="{JSON}"'
    return response


def _asked() -> tuple[str, str | None]:
    """The request's words (whitespace collapsed) and kind, or 400."""
    words = request.args.get("q", "")
    reject_control_characters(words)
    words = " ".join(words.split())
    if len(words) > MAX_QUERY_CHARS:
        abort(400)
    kind = request.args.get("kind") or None
    if kind is not None and kind not in KIND_NAMES:
        raise Refused(400, "unknown-kind", "kind must be one of: " + ", ".join(KIND_NAMES))
    return words, kind


def _found(words: str, kind: str | None) -> Found:
    if len(words) < MIN_QUERY_CHARS:
        return Found((), [], {})
    return cached_index().find(words, kind, per_kind=MAX_HITS if kind else PER_KIND)


def _link(words: str, kind: str | None, fmt: str | None = None) -> str:
    """This page's URL (or its JSON's) with the words and a kind: what facet links lead to."""
    params: dict[str, Any] = {"q": words, **({"kind": kind} if kind else {})}
    return url_for("search.search", fmt=fmt, **params)


def _groups(words: str, kind: str | None, found: Found) -> list[Group]:
    groups = []
    for each in KINDS:
        hits = [hit for hit in found.hits if hit.kind == each.name]
        if hits:
            count = found.counts[each.name]
            more = _link(words, each.name) if count > len(hits) and kind is None else None
            groups.append(Group(each.name, each.title, hits, count, more))
    return groups


def _html(words: str, kind: str | None, found: Found) -> str:
    base = context().settings.base_iri
    facets = [
        (each.name, each.title, found.counts.get(each.name, 0), _link(words, each.name))
        for each in KINDS
        if found.counts.get(each.name) or each.name == kind
    ]
    return render_template(
        "search.html",
        q=words,
        kind=kind,
        kind_title=next((each.title for each in KINDS if each.name == kind), None),
        total=found.total,
        count=found.counts.get(kind, 0) if kind else found.total,
        facets=facets,
        every=_link(words, None),
        groups=_groups(words, kind, found),
        hrefs={hit.entity: page_href(base, hit.entity) for hit in found.hits},
        json_link=_link(words, kind, "json"),
    )


def _json(words: str, kind: str | None, found: Found) -> Response:
    """The page's answer as JSON: each result with the offsets ([start, end), in code points) of
    the terms found in its label and in the text shown."""
    base = context().settings.base_iri
    document: dict[str, Any] = {
        "query": words,
        "terms": list(found.terms),
        "kind": kind,
        "total": found.total,
        "kinds": [
            {
                "kind": each.name,
                "title": each.title,
                "count": found.counts[each.name],
                "href": _link(words, each.name, "json"),
            }
            for each in KINDS
            if each.name in found.counts
        ],
        "results": [_result(base, hit) for hit in found.hits],
    }
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return Response(body, mimetype=JSON)


def _result(base: str, hit: Hit) -> dict[str, Any]:
    return {
        "iri": hit.entity,
        "href": page_href(base, hit.entity),
        "label": hit.label,
        "labelMarks": _offsets(hit.marked_label()),
        "kind": hit.kind,
        "type": hit.type,
        "texts": [
            {"field": shown.field, "text": shown.text, "marks": _offsets(shown.pieces)}
            for shown in hit.shown()
        ],
    }


def _offsets(pieces: list[tuple[str, bool]]) -> list[list[int]]:
    spans, at = [], 0
    for piece, found in pieces:
        if found:
            spans.append([at, at + len(piece)])
        at += len(piece)
    return spans
