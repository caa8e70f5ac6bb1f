"""Search over names (labels, aliases, metonyms) and claim text (claim labels, quoted words).

The index is built once per app from two fixed page queries (the store is read-only while the app
runs) and searched in Python: both sides are folded the same way (Unicode NFKD, combining marks
dropped, case-folded), so "turkiye" finds "Türkiye" and "kyiv" finds "Kyiv". The user's words
never reach SPARQL or a regular expression; they are only a substring to look for.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, abort, render_template, request

from kgdebate.queries import short
from kgdebate.store import OxigraphStore
from kgdebate.web.context import context
from kgdebate.web.describe import better_label, page_query
from kgdebate.web.linked_data import answer_options_with_204, reject_control_characters
from kgdebate.web.terms import page_href

bp = Blueprint("search", __name__)
answer_options_with_204(bp)

MAX_QUERY_CHARS = 200
MIN_QUERY_CHARS = 2
MAX_HITS = 200
CACHE_KEY = "kgdebate.search"


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: NFKD, combining marks dropped, case-folded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class Entry:
    folded: str
    entity: str
    text: str
    field: str


@dataclass
class Hit:
    entity: str
    label: str
    group: str
    matched: str
    field: str
    rank: tuple[int, int]


@dataclass
class SearchIndex:
    entries: list[Entry]
    labels: dict[str, str]
    groups: dict[str, str]

    def search(self, words: str) -> list[Hit]:
        needle = fold(words)
        best: dict[str, Hit] = {}
        for entry in self.entries:
            position = entry.folded.find(needle)
            if position < 0:
                continue
            exact = 0 if entry.folded == needle else 1 if position == 0 else 2
            rank = (exact, len(entry.folded))
            hit = best.get(entry.entity)
            if hit is None or rank < hit.rank:
                best[entry.entity] = Hit(
                    entry.entity,
                    self.labels.get(entry.entity, entry.text),
                    self.groups.get(entry.entity, "other"),
                    entry.text,
                    entry.field,
                    rank,
                )
        return sorted(best.values(), key=lambda h: (h.group, h.rank, h.label))[:MAX_HITS]


def build_index(store: OxigraphStore) -> SearchIndex:
    entries = [
        Entry(fold(row["text"].value), row["entity"].value, row["text"].value, row["field"].value)
        for row in _solutions(store, "search-index")
    ]
    labels: dict[str, ox.Literal | None] = {}
    types: dict[str, set[str]] = {}
    for row in _solutions(store, "search-types"):
        entity = row["entity"].value
        labels[entity] = better_label(labels.get(entity), row["label"])
        types.setdefault(entity, set()).add(short(row["type"]))
    groups = {entity: _main_type(names) for entity, names in types.items()}
    return SearchIndex(entries, {k: v.value for k, v in labels.items() if v}, groups)


def _main_type(names: set[str]) -> str:
    """The project's own class when there is one (kgd:State rather than schema:Country)."""
    own = sorted(name for name in names if name.startswith("kgd:"))
    return own[0] if own else sorted(names)[0]


def _solutions(store: OxigraphStore, name: str) -> ox.QuerySolutions:
    result = store.query(page_query(name))
    assert isinstance(result, ox.QuerySolutions)
    return result


def cached_index() -> SearchIndex:
    ctx = context()
    found: SearchIndex | None = ctx.derived.get(CACHE_KEY)
    if found is None:
        found = ctx.derived[CACHE_KEY] = build_index(ctx.store)
    return found


@bp.get("/search")
def search() -> str:
    words = request.args.get("q", "")
    reject_control_characters(words)
    words = " ".join(words.split())
    if len(words) > MAX_QUERY_CHARS:
        abort(400)
    hits = cached_index().search(words) if len(words) >= MIN_QUERY_CHARS else []
    base = context().settings.base_iri
    grouped: dict[str, list[Hit]] = {}
    for hit in hits:
        grouped.setdefault(hit.group, []).append(hit)
    return render_template(
        "search.html",
        q=words,
        groups=grouped,
        count=len(hits),
        hrefs={hit.entity: page_href(base, hit.entity) for hit in hits},
    )
