"""Search over names (labels, aliases, metonyms) and claim text (claim labels, quoted words).

The index is built once per app from two fixed page queries (the store is read-only while the app
runs) and searched in Python: both sides are folded the same way (Unicode NFKD, combining marks
dropped, case-folded), so "turkiye" finds "Türkiye" and "kyiv" finds "Kyiv". Several words
combine (every one must be found, in the entity's names or words), "quoted words" stay one
term, and the terms are marked in what is shown. The user's words never reach SPARQL or a
regular expression; they are only substrings to look for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, abort, render_template, request
from rdflib import URIRef

from kgdebate.ontology import superclasses
from kgdebate.queries import short
from kgdebate.store import Term, TripleStore
from kgdebate.web.context import context
from kgdebate.web.describe import better_label, page_query
from kgdebate.web.linked_data import answer_options_with_204, reject_control_characters
from kgdebate.web.terms import page_href

bp = Blueprint("search", __name__)
answer_options_with_204(bp)

MAX_QUERY_CHARS = 200
MIN_QUERY_CHARS = 2
MAX_HITS = 200
SHOWN_CHARS = 200
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
    rank: tuple[int, int, int]
    terms: tuple[str, ...] = ()

    def marked(self) -> list[tuple[str, bool]]:
        """The matched text in pieces, each found term marked (for <mark> on the page); a long
        text is cut to the words around the first term found."""
        text = self.matched
        if len(text) > SHOWN_CHARS:
            pieces = marked(text, self.terms)
            first = next((i for i, (_, found) in enumerate(pieces) if found), 0)
            start = max(0, sum(len(p) for p, _ in pieces[:first]) - SHOWN_CHARS // 3)
            text = ("…" if start else "") + text[start : start + SHOWN_CHARS] + "…"
        return marked(text, self.terms)

    def marked_label(self) -> list[tuple[str, bool]]:
        return marked(self.label, self.terms)


def terms_of(words: str) -> tuple[str, ...]:
    """The folded terms of a query: each "quoted phrase", then each other word."""
    phrases = re.findall(r'"([^"]+)"', words)
    rest = re.sub(r'"[^"]*"?', " ", words).split()
    return tuple(dict.fromkeys(f for f in (fold(t).strip() for t in [*phrases, *rest]) if f))


def marked(text: str, terms: tuple[str, ...]) -> list[tuple[str, bool]]:
    folded, where = [], []  # the folded text, and the original offset of each of its characters
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            where.append(index)
    haystack = "".join(folded)
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = haystack.find(term)
        while at >= 0 and term:
            spans.append((where[at], where[at + len(term) - 1] + 1))
            at = haystack.find(term, at + len(term))
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor:
            start = cursor
        if start >= end:
            continue
        pieces += [(text[cursor:start], False), (text[start:end], True)]
        cursor = end
    pieces.append((text[cursor:], False))
    return [piece for piece in pieces if piece[0]]


@dataclass
class SearchIndex:
    entries: list[Entry]
    labels: dict[str, str]
    groups: dict[str, str]

    def search(self, words: str) -> list[Hit]:
        """Entities whose names or words hold every term of the query (words combine with
        AND; "quoted words" are one term). The entry shown is the one holding most terms;
        the whole query as one phrase ranks first, then a name that begins with it."""
        terms = terms_of(words)
        if not terms:
            return []
        phrase = fold(" ".join(words.replace('"', " ").split()))
        every = (1 << len(terms)) - 1
        found: dict[str, int] = {}
        best: dict[str, Hit] = {}
        for entry in self.entries:
            held = 0
            for bit, term in enumerate(terms):
                if term in entry.folded:
                    held |= 1 << bit
            if not held:
                continue
            found[entry.entity] = found.get(entry.entity, 0) | held
            position = entry.folded.find(phrase)
            exact = (
                0 if entry.folded == phrase else 1 if position == 0 else 2 if position > 0 else 3
            )
            rank = (-bin(held).count("1"), exact, len(entry.folded))
            hit = best.get(entry.entity)
            if hit is None or rank < hit.rank:
                best[entry.entity] = Hit(
                    entry.entity,
                    self.labels.get(entry.entity, entry.text),
                    self.groups.get(entry.entity, "other"),
                    entry.text,
                    entry.field,
                    rank,
                    terms,
                )
        hits = [hit for entity, hit in best.items() if found[entity] == every]
        return sorted(hits, key=lambda h: (h.group, h.rank[1:], h.label))[:MAX_HITS]


def build_index(store: TripleStore) -> SearchIndex:
    entries = [
        Entry(fold(row["text"].value), row["entity"].value, row["text"].value, row["field"].value)
        for row in _solutions(store, "search-index")
    ]
    labels: dict[str, ox.Literal | None] = {}
    types: dict[str, set[Term]] = {}
    for row in _solutions(store, "search-types"):
        entity = row["entity"].value
        labels[entity] = better_label(labels.get(entity), row["label"])
        types.setdefault(entity, set()).add(row["type"])
    groups = {entity: _main_type(terms) for entity, terms in types.items()}
    return SearchIndex(entries, {k: v.value for k, v in labels.items() if v}, groups)


def _main_type(types: set[Term]) -> str:
    """The project's own class when there is one (kgd:State rather than schema:Country), the
    narrowest of them (kgd:State rather than kgd:Actor, which the store adds to every actor)."""
    broader = {
        ox.NamedNode(c)
        for t in types
        if isinstance(t, ox.NamedNode)
        for c in superclasses().get(URIRef(t.value), ())
    }
    names = sorted(short(t) for t in types - broader)
    own = [name for name in names if name.startswith("kgd:")]
    return (own or names)[0]


def _solutions(store: TripleStore, name: str) -> ox.QuerySolutions:
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
