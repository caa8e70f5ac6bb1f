"""Indexes in the Datasette manner: one table per kind of thing, with facets, an order by any
column and pages, and the same page as ``.json`` and ``.csv`` (SPARQL results) at the same URL
with a suffix.

- ``/documents``: every document with its date, publisher, kind, claims and open warnings.
- ``/actors``: every actor with its kind, the claims that mention or cite it by side of the
  motion, and the positions it holds.
- ``/events``: every event with its kind, dates, places, participants and the claims citing it.
- ``/claims``: every claim with its document, side, theme, kind and quoted words.
- ``/figures``: every statistic and poll in each document that cites it, with its source or
  "no source given".

The query string: a value per facet (``?kind=state``), ``sort=COLUMN`` (``-COLUMN`` descending),
``page=N`` (from 0) and ``size=N`` (rows a page, 100 unless asked, at most 1,000). Anything else
is refused with 400, a facet value that no row has with 404.

An index's query reads every row of its kind (seconds at 1M triples), so it runs once per view of
the store, in a query worker, and its rows are kept with the view (``derived``): a request only
filters, counts, sorts and slices them in memory, and never reads the store.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request, url_for

from kgdebate.query_jobs import term_json
from kgdebate.store import Term, term_text
from kgdebate.web.catalogue import API_FORMATS, run_in_worker
from kgdebate.web.context import context
from kgdebate.web.errors import Refused
from kgdebate.web.linked_data import reject_control_characters
from kgdebate.web.page_cache import cached
from kgdebate.web.page_sparql import page_query
from kgdebate.web.terms import TermView, view

bp = Blueprint("indexes", __name__)
Row = dict[str, Term | None]
Texts = dict[str, str]
"""A row's text of each variable (a literal's lexical form, an IRI), which orders read."""
Packed = tuple[str, ...]
"""A term as plain strings: an IRI's value, or a literal's value, language and datatype. A table
of pyoxigraph terms (which the garbage collector follows) made its pauses 80-200 ms at 1M."""
Entry = tuple[tuple[str, ...], tuple[Packed | None, ...]]
"""A row as kept: the text of each of its facets, and its terms packed (variables in order)."""
Cell = TermView | str | int
Key = Callable[[Texts], object]
"""A row's place in an order; None puts it last in either direction."""

PAGE_SIZE = 100
MAX_PAGE_SIZE = 1_000
MAX_PAGE = 1_000_000
MAX_INDEX_ROWS = 200_000
"""The rows an index keeps per view of the store (25,600 claims at 1M triples)."""
FACET_VALUES_SHOWN = 30
"""A facet shows its most frequent values; the chosen one is always shown."""


@dataclass(frozen=True)
class Column:
    key: str
    """Its name in ``?sort=``."""
    title: str
    shown: Callable[[str, Row], Cell]
    """The cell of a row (given the IRI base)."""
    order: Key | None = None
    date: bool = False
    """A date: never broken across lines."""


def text(key: str, title: str, name: str, date: bool = False) -> Column:
    return Column(key, title, lambda base, row: term_text(row[name]), _text_key(name), date)


def number(key: str, title: str, name: str) -> Column:
    return Column(key, title, lambda base, row: int(term_text(row[name]) or 0), _number_key(name))


def linked(key: str, title: str, name: str) -> Column:
    """A link to the term's page, shown and ordered by its label (``?<name>Label``)."""
    return Column(
        key,
        title,
        lambda base, row: view(base, row[name], row.get(name + "Label")),
        lambda texts: _text_key(name + "Label")(texts) or _text_key(name)(texts),
    )


def _text_key(name: str) -> Key:
    return lambda texts: texts.get(name, "").casefold() or None


def _number_key(name: str) -> Key:
    def key(texts: Texts) -> float | None:
        try:
            return float(texts[name])
        except ValueError:
            return None

    return key


@dataclass(frozen=True)
class Index:
    name: str
    title: str
    about: str
    query: str
    columns: tuple[Column, ...]
    facets: tuple[tuple[str, str], ...] = ()
    """(parameter, variable): a facet filters the rows on a variable's text."""
    sorts: dict[str, tuple[str, Key]] = field(default_factory=dict)
    """Orders besides the columns' and the query's own ("as listed"): key → (label, key)."""

    def order(self, key: str) -> Key | None:
        """The key function of ``?sort=key`` (without its ``-``), None if there is none."""
        if key in self.sorts:
            return self.sorts[key][1]
        return next((c.order for c in self.columns if c.key == key and c.order), None)


@dataclass
class Table:
    """An index's rows as one view of the store holds them, in the query's order."""

    variables: list[str]
    entries: list[Entry]
    truncated: bool
    counts: list[Counter[str]]
    """Each facet's values over every row (a value no row has is a 404, not an empty page)."""
    orders: dict[str, list[Entry]] = field(default_factory=dict)
    """The rows in each order asked for so far: sorted once per view."""
    chosen: dict[tuple[str, int, str], list[Entry]] = field(default_factory=dict)
    """The rows of a facet's value in an order, once asked: the lists of one facet and order
    partition its rows, so all of them together hold each row once per facet and order."""
    narrowed_counts: dict[tuple[int, str], list[Counter[str]]] = field(default_factory=dict)
    """The facets' counts over the rows of one facet's value, once asked: as many as there are
    values (combinations of values are counted per request, or their number could explode)."""

    def counts_of(self, wanted: list[tuple[int, str]], entries: list[Entry]) -> list[Counter[str]]:
        """The facets' counts over ``entries``, the rows that have the ``wanted`` values."""
        if not wanted:
            return self.counts
        if len(wanted) > 1:
            return _counts(entries, len(self.counts))
        found = self.narrowed_counts.get(wanted[0])
        if found is None:
            found = self.narrowed_counts[wanted[0]] = _counts(entries, len(self.counts))
        return found

    def selected(self, index: Index, sort: str, wanted: list[tuple[int, str]]) -> list[Entry]:
        """The rows in ``sort`` order whose facets (by number) have the ``wanted`` values."""
        entries = self.ordered(index, sort)
        if not wanted:
            return entries
        (number, value), rest = wanted[0], wanted[1:]
        found = self.chosen.get((sort, number, value))
        if found is None:
            found = [entry for entry in entries if entry[0][number] == value]
            self.chosen[sort, number, value] = found
        return [e for e in found if all(e[0][n] == v for n, v in rest)] if rest else found

    def ordered(self, index: Index, sort: str) -> list[Entry]:
        found = self.entries if not sort else self.orders.get(sort)
        if found is None:
            key = index.order(sort.removeprefix("-"))
            assert key is not None
            found = self.orders[sort] = self._sorted(key, sort.startswith("-"))
        return found

    def _sorted(self, key: Key, descending: bool) -> list[Entry]:
        """Rows by ``key``, ties in their listed order, rows without a value last."""
        keyed = [(key(self.texts(entry)), entry) for entry in self.entries]
        known = [pair for pair in keyed if pair[0] is not None]
        known.sort(key=lambda pair: pair[0], reverse=descending)  # type: ignore[arg-type,return-value]
        return [entry for _, entry in known] + [entry for value, entry in keyed if value is None]

    def texts(self, entry: Entry) -> Texts:
        return {name: p[0] if p else "" for name, p in zip(self.variables, entry[1], strict=True)}

    def row(self, entry: Entry) -> Row:
        return {name: _unpack(p) for name, p in zip(self.variables, entry[1], strict=True)}


def _pack(term: Term | None) -> Packed | None:
    """An IRI or a literal as strings (an index's rows hold no blank nodes)."""
    if isinstance(term, ox.NamedNode):
        return (term.value,)
    if isinstance(term, ox.Literal):
        return (term.value, term.language or "", term.datatype.value)
    return None


def _unpack(packed: Packed | None) -> Term | None:
    if packed is None:
        return None
    if len(packed) == 1:
        return ox.NamedNode(packed[0])
    value, language, datatype = packed
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(datatype))


def _counts(entries: list[Entry], facets: int) -> list[Counter[str]]:
    texts = [texts for texts, _ in entries]
    return [Counter(map(itemgetter(number), texts)) for number in range(facets)]


@dataclass(frozen=True)
class Asked:
    """What a request asks of an index, validated."""

    chosen: dict[str, str]
    sort: str
    page: int
    size: int

    def at(self, page: int) -> str:
        """The link to another page of the same rows."""
        return self.link(page=str(page) if page else "")

    def link(self, **changes: str) -> str:
        """This request's query string with ``changes``; a new filter or order starts at page 0."""
        size = str(self.size) if self.size != PAGE_SIZE else ""
        wanted = {**self.chosen, "sort": self.sort, "size": size, "page": "", **changes}
        return "?" + urlencode({key: value for key, value in wanted.items() if value})


def _claims_of(texts: Texts) -> int:
    return sum(int(texts[n] or 0) for n in ("claimsFor", "claimsAgainst", "claimsOther"))


INDEXES = {
    index.name: index
    for index in (
        Index(
            "documents",
            "Documents",
            "Every document of the graph with its date, publisher and kind, its claims and the "
            "warnings its last ingest left open, newest first.",
            "documents-index",
            (
                linked("document", "document", "document"),
                text("date", "date", "date", date=True),
                linked("publisher", "publisher", "publisher"),
                text("kind", "kind", "kindLabel"),
                number("claims", "claims", "claims"),
                number("warnings", "open warnings", "warnings"),
            ),
            facets=(("kind", "kindLabel"), ("year", "year"), ("publisher", "publisherLabel")),
        ),
        Index(
            "actors",
            "Actors",
            "Every actor of the graph with the claims that mention or cite it, by side of the "
            "motion, and the positions it holds.",
            "actors-index",
            (
                linked("actor", "actor", "actor"),
                text("kind", "kind", "kindLabel"),
                number("for", "claims for the motion", "claimsFor"),
                number("against", "claims against", "claimsAgainst"),
                number("other", "other claims", "claimsOther"),
                number("positions", "positions", "positions"),
            ),
            facets=(("kind", "kindLabel"),),
            sorts={"claims": ("most claims", lambda row: -_claims_of(row))},
        ),
        Index(
            "events",
            "Events",
            "Every event of the graph with its kind, its dates and places, how many actors took "
            "part and how many claims cite it, in order of its start.",
            "events-index",
            (
                linked("event", "event", "event"),
                text("kind", "kind", "kindLabel"),
                text("start", "start", "start", date=True),
                text("end", "end", "end", date=True),
                text("place", "place", "places"),
                number("participants", "participants", "participants"),
                number("claims", "claims citing it", "claims"),
            ),
            facets=(("kind", "kindLabel"), ("year", "year")),
        ),
        Index(
            "claims",
            "Claims",
            "Every claim of every document, with its side, theme and kind, and the words it "
            "quotes, in each document's order.",
            "claims-index",
            (
                linked("claim", "claim", "claim"),
                text("quote", "quoted words", "quote"),
                text("side", "side", "sideLabel"),
                text("theme", "theme", "themeLabel"),
                text("kind", "kind", "kindLabel"),
                linked("document", "document", "document"),
            ),
            facets=(("document", "documentLabel"), ("side", "sideLabel"), ("kind", "kindLabel")),
        ),
        Index(
            "figures",
            "Figures",
            "Every statistic and poll in each document that cites it: its value as worded, what "
            "it measures, the date it describes, and the source the document gives for it, or "
            "none (citation needed).",
            "figures-index",
            (
                Column(
                    "value",
                    "value",
                    lambda base, row: view(base, row["figure"], row["valueText"]),
                    _number_key("value"),
                ),
                text("unit", "unit", "unitLabel"),
                text("measures", "what it measures", "measures"),
                text("as-of", "as of", "asOf"),
                linked("document", "document", "document"),
                Column(
                    "source",
                    "source",
                    lambda base, row: (
                        view(base, row["source"], row["sourceLabel"])
                        if row["source"]
                        else TermView("no source given", note="citation needed")
                    ),
                    lambda row: _text_key("sourceLabel")(row) or _text_key("source")(row),
                ),
            ),
            facets=(
                ("source", "hasSource"),
                ("document", "documentLabel"),
                ("year", "year"),
            ),
        ),
    )
}
NAMES = "any(" + ", ".join(INDEXES) + ")"


@bp.get(f"/<{NAMES}:name>", defaults={"fmt": None})
@bp.get(f"/<{NAMES}:name>.<fmt>")
@cached
def index_page(name: str, fmt: str | None) -> Response | str:
    index = INDEXES[name]
    if fmt is not None and fmt not in API_FORMATS:
        abort(404)
    asked, table = _asked(index), _table(index)
    wanted = [(number, value) for number, value in enumerate(asked.chosen.values()) if value]
    if any(value not in table.counts[number] for number, value in wanted):
        abort(404)
    entries = table.selected(index, asked.sort, wanted)
    first = asked.page * asked.size
    if first and first >= len(entries):
        raise Refused(404, "no-such-page", "there are fewer pages: follow the links of the first")
    shown = [table.row(entry) for entry in entries[first : first + asked.size]]
    following = asked.at(asked.page + 1) if first + asked.size < len(entries) else None
    if fmt is not None:
        return _serialized(index, table, shown, fmt, following)
    counts = table.counts_of(wanted, entries)
    return _html(index, table, asked, (len(entries), counts), shown, following)


def _asked(index: Index) -> Asked:
    """The request's facet values, order and page, or 400 saying which rule it broke."""
    facets = {param for param, _ in index.facets}
    for param, value in request.args.items(multi=True):
        reject_control_characters(value)
        if param not in facets | {"sort", "page", "size"}:
            raise Refused(400, "bad-parameter", f"the {index.name} index takes no such parameter")
    sort = request.args.get("sort", "")
    if sort and index.order(sort.removeprefix("-")) is None:
        raise Refused(400, "bad-sort", "sort by one of the columns whose title is a link")
    page, size = request.args.get("page", "0"), request.args.get("size", str(PAGE_SIZE))
    if not (page.isdigit() and int(page) <= MAX_PAGE):
        raise Refused(400, "bad-page", "page is a whole number from 0")
    if not (size.isdigit() and 1 <= int(size) <= MAX_PAGE_SIZE):
        raise Refused(400, "bad-size", f"size is a whole number from 1 to {MAX_PAGE_SIZE}")
    chosen = {param: request.args.get(param, "") for param, _ in index.facets}
    return Asked(chosen, sort, int(page), int(size))


def _table(index: Index) -> Table:
    """The index's rows for this view of the store: read once, in a query worker."""
    return context().derive(f"kgdebate.index.{index.name}", lambda: _read(index))


def _read(index: Index) -> Table:
    outcome = run_in_worker(page_query(index.query), API_FORMATS["json"], MAX_INDEX_ROWS)
    result = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QuerySolutions)
    names = [variable.value for variable in result.variables]
    facets = [names.index(variable) for _, variable in index.facets]
    shared: dict[Packed, Packed] = {}  # one tuple per term: the same labels recur row after row
    entries = []
    for solution in result:
        packed = tuple(_one(shared, _pack(solution[name])) for name in names)
        entries.append((tuple(p[0] if p else "" for p in map(packed.__getitem__, facets)), packed))
    return Table(names, entries, outcome.truncated, _counts(entries, len(index.facets)))


def _one(shared: dict[Packed, Packed], packed: Packed | None) -> Packed | None:
    return None if packed is None else shared.setdefault(packed, packed)


def _html(
    index: Index,
    table: Table,
    asked: Asked,
    found: tuple[int, list[Counter[str]]],
    shown: list[Row],
    following: str | None,
) -> str:
    """The page: ``found`` is how many rows the filters keep and each facet's counts over them."""
    total, counts = found
    base = context().settings.base_iri
    return render_template(
        "index.html",
        index=index,
        indexes=INDEXES.values(),
        head=[_head(column, asked) for column in index.columns],
        cells=[[column.shown(base, row) for column in index.columns] for row in shown],
        dates=[column.date for column in index.columns],
        facets=[_facet(p, asked, n) for (p, _), n in zip(index.facets, counts, strict=True)],
        sorts=[
            (label, asked.link(sort=key), key == asked.sort)
            for key, label in [("", "as listed"), *((k, v[0]) for k, v in index.sorts.items())]
        ],
        total=total,
        first=asked.page * asked.size,
        previous=asked.at(asked.page - 1) if asked.page else None,
        following=following,
        truncated=table.truncated,
        formats={fmt: _api_link(index, fmt, asked.at(asked.page)) for fmt in API_FORMATS},
        query=page_query(index.query),
    )


def _head(column: Column, asked: Asked) -> tuple[str, str | None, str]:
    """A column's title, the link that orders by it (the other way if it is the order now) and
    its ``aria-sort``."""
    if column.order is None:
        return column.title, None, ""
    if asked.sort == column.key:
        return column.title, asked.link(sort="-" + column.key), "ascending"
    state = "descending" if asked.sort == "-" + column.key else ""
    return column.title, asked.link(sort=column.key), state


def _facet(
    param: str, asked: Asked, counts: Counter[str]
) -> tuple[str, str | None, list[tuple[str, int, str, bool]], int]:
    """A facet's counts over every row the request's filters keep (not just this page): its
    most frequent values, each with the link that chooses it; how many values are not shown."""
    chosen = asked.chosen[param]
    shown = counts.most_common(FACET_VALUES_SHOWN)
    if chosen and all(v != chosen for v, _ in shown):
        shown.append((chosen, counts[chosen]))
    values = [(v, n, asked.link(**{param: v}), v == chosen) for v, n in shown]
    clear = asked.link(**{param: ""}) if chosen else None
    return param, clear, values, len(counts) - len(shown)


def _api_link(index: Index, fmt: str, query: str) -> str:
    return url_for("indexes.index_page", name=index.name, fmt=fmt) + (query if query != "?" else "")


def _serialized(
    index: Index, table: Table, shown: list[Row], fmt: str, following: str | None
) -> Response:
    """The page's rows as SPARQL results (every variable of the query); the next page's URL in
    a ``Link`` header."""
    bindings = [
        {name: term_json(term) for name in table.variables if (term := row[name]) is not None}
        for row in shown
    ]
    document = {"head": {"vars": table.variables}, "results": {"bindings": bindings}}
    body = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    if fmt == "csv":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=ox.QueryResultsFormat.CSV) or b""
    response = Response(body, content_type=API_FORMATS[fmt])
    if table.truncated:
        response.headers["X-Result-Truncated"] = "true"
    if following is not None:
        response.headers["Link"] = f'<{_api_link(index, fmt, following)}>; rel="next"'
    return response
