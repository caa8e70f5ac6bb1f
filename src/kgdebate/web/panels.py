"""The panels of entity pages: which query each runs (a page query, or for a document's debate
the exports' own), for which kinds of entity.

A panel's rows are shown as a table whose columns are the query's variables, titled in words; a
variable ``x`` with a sibling ``xLabel`` is one column (the label, linked to ``x``), a claim ``x``
with a sibling ``xQuote`` shows its exact words there too (the panel toggles them), and cells
repeated down a run of rows are shown once (:mod:`kgdebate.web.tables`). Every panel shows its
query and offers its rows as SPARQL CSV and JSON (``?panel=NAME&format=csv|json``).

Sources are shown as their primary source (title, publisher, date, and a link to their own
address: a variable ``url`` or ``…Url``) and, apart from it, where a copy or a report on them was
seen (``seenAt`` or ``…SeenAt``: the addresses, space-separated, that a ``GROUP_CONCAT`` of
``kgd:retrievedFrom`` gives). Both become links a page shows by their host.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Response, abort

from kgdebate.exports.document import document_of
from kgdebate.queries import packaged_query
from kgdebate.query_jobs import Job
from kgdebate.sparql_values import bind_first, windowed
from kgdebate.store import Term, TripleStore
from kgdebate.web.context import context
from kgdebate.web.errors import Refused
from kgdebate.web.jobs import result_response, run_job
from kgdebate.web.page_sparql import bound_query, select_all
from kgdebate.web.tables import Cell, columns_of, grouped, title_of
from kgdebate.web.terms import TermView, view, web_link, web_links

DOWNLOADS = {"csv": "text/csv", "json": "application/sparql-results+json"}


@dataclass(frozen=True)
class Panel:
    name: str
    title: str
    kinds: frozenset[str]
    group_by: str | None = None
    template: str = "panel_table.html"
    page_size: int | None = None
    """Set for edge lists that grow with the collection: their query is unordered and paged."""
    export: str | None = None
    """The query is the exports' ``exports/<export>.rq``, bound to the document and its graph:
    the page's debate map and the AIF and Argdown exports read the same rows."""


PAGE_SIZE = 25


def _panel(name: str, title: str, *kinds: str, **options: Any) -> Panel:
    return Panel(name, title, frozenset(kinds), **options)


PANELS: tuple[Panel, ...] = (
    _panel("claim-quote", "Quote in context", "claim", template="panel_quote.html"),
    _panel("claim-facets", "Side, theme, kind, stance", "claim", template="panel_facts.html"),
    _panel("claim-citations", "What it cites", "claim", group_by="citationKindLabel"),
    _panel("claim-relations", "Relations to other claims", "claim", group_by="direction"),
    _panel(
        "document-metadata",
        "The document and how to cite it",
        "document",
        template="panel_facts.html",
    ),
    _panel(
        "document-claims", "Claims", "document", template="panel_debatemap.html", export="claims"
    ),
    _panel("document-relations", "Relations between its claims", "document", export="relations"),
    _panel("document-citations", "What its claims cite", "document", export="citations"),
    _panel("statistic-source", "Source", "statistic", template="panel_source.html"),
    _panel(
        "source-record", "Primary source and copies seen", "source", template="panel_sources.html"
    ),
    _panel("sources", "Sources", "actor", "event", template="panel_sources.html"),
    _panel(
        "statistic-citations",
        "Claims citing it, by document",
        "statistic",
        group_by="documentLabel",
        page_size=PAGE_SIZE,
    ),
    _panel("cited-by", "Claims citing it", "event", group_by="sideLabel", page_size=PAGE_SIZE),
    _panel(
        "claims-about",
        "Claims about it",
        "actor",
        "event",
        group_by="sideLabel",
        page_size=PAGE_SIZE,
    ),
    _panel("event-facts", "When and where", "event", template="panel_facts.html"),
    _panel("event-participants", "Participants", "event"),
    _panel("event-timeline", "Timeline", "event"),
    _panel("actor-events", "Events it took part in", "actor"),
    _panel("actor-positions", "Positions over time", "actor"),
    _panel("actor-memberships", "Memberships", "actor", page_size=PAGE_SIZE),
    _panel(
        "actor-stances",
        "Positions on motions",
        "actor",
        group_by="motionLabel",
        page_size=PAGE_SIZE,
    ),
)
BY_NAME = {panel.name: panel for panel in PANELS}


def panels_for(kinds: list[str]) -> list[Panel]:
    return [panel for panel in PANELS if panel.kinds.intersection(kinds)]


@dataclass
class PanelRows:
    panel: Panel
    columns: list[str]
    rows: list[dict[str, Term | None]]
    query: str
    """The query exactly as it ran for this page of rows (shown under "show SPARQL")."""
    page: int = 0
    more: bool = False
    """True when a paged panel has rows after this page."""

    @property
    def shown_columns(self) -> list[str]:
        return [c for c in self.columns if c != self.panel.group_by]

    @property
    def has_words(self) -> bool:
        """Whether its claims come with their exact words (``claimQuote``) beside the paraphrase."""
        return any(c + "Quote" in row for c in self.columns for row in self.rows[:1])


@dataclass(frozen=True)
class PanelView:
    """A panel as its template shows it: every term already a view, every link already a URL,
    so the template calls nothing back (the page's data is finished before it renders)."""

    rows: PanelRows
    views: list[dict[str, TermView]]
    """Each row's values by column, as shown (a value with its sibling ``…Label``)."""
    titles: list[str]
    """The shown columns' titles."""
    groups: list[tuple[str, list[list[Cell | None]]]]
    """The shown columns of each row, grouped by the panel's ``group_by`` value (one group
    named "" when it has none), in query order, repeated cells joined (``tables.grouped``)."""
    facts: list[list[tuple[str, TermView]]]
    """Each row's recorded values as (name, view), for panels shown as facts."""
    links: list[dict[str, list[TermView]]]
    """Each row's web addresses by column (a source's own ``url``, where it was ``seenAt``), as
    links shown by their host; only http(s) addresses."""
    downloads: dict[str, str]
    previous: str | None = None
    next: str | None = None


def panel_view(rows: PanelRows, base: str) -> PanelView:
    """The panel ``rows`` laid out for its template."""
    name, key = rows.panel.name, rows.panel.group_by
    views = [
        {c: view(base, row[c], row.get(c + "Label"), row.get(c + "Quote")) for c in rows.columns}
        for row in rows.rows
    ]
    by_group: dict[str, list[list[TermView]]] = {}
    for row, shown in zip(rows.rows, views, strict=True):
        term = row.get(key) if key else None
        group = term.value if isinstance(term, ox.Literal) else ""
        by_group.setdefault(group, []).append([shown[c] for c in rows.shown_columns])
    facts = [
        [(title_of(c).lower(), shown[c]) for c in rows.columns if row[c] is not None]
        for row, shown in zip(rows.rows, views, strict=True)
    ]
    return PanelView(
        rows,
        views,
        [title_of(column) for column in rows.shown_columns],
        [(group, grouped(members)) for group, members in by_group.items()],
        facts,
        [_web_links(base, row, rows.columns) for row in rows.rows],
        {fmt: "?" + urlencode({"panel": name, "format": fmt}) for fmt in DOWNLOADS},
        _page_link(name, rows.page - 1) if rows.page > 0 else None,
        _page_link(name, rows.page + 1) if rows.more else None,
    )


def _web_links(
    base: str, row: dict[str, Term | None], columns: list[str]
) -> dict[str, list[TermView]]:
    found: dict[str, list[TermView]] = {}
    for column in columns:
        if column == "url" or column.endswith("Url"):
            link = web_link(base, row[column])
            found[column] = [] if link is None else [link]
        elif column == "seenAt" or column.endswith("SeenAt"):
            found[column] = web_links(base, row[column])
    return found


def _page_link(name: str, number: int) -> str:
    return "?" + urlencode({name: number}) + f"#panel-{name}"


def panel_query(panel: Panel, iri: str, limit: int | None = None, offset: int = 0) -> str:
    """The panel's query as it runs for ``iri``, bound (and windowed) in its text."""
    if panel.export is None:
        return bound_query(panel.name, iri, limit, offset)
    document = document_of(iri, context().settings.base_iri)
    text = packaged_query("kgdebate.exports", f"{panel.export}.rq")
    bindings = {"_iri": ox.NamedNode(document.iri), "_graph": ox.NamedNode(document.graph)}
    return bind_first(windowed(text, limit, offset), bindings)


def run_panel(store: TripleStore, panel: Panel, iri: str, page: int = 0) -> PanelRows:
    return run_panels(store, [(panel, page)], iri)[0]


def run_panels(store: TripleStore, asked: list[tuple[Panel, int]], iri: str) -> list[PanelRows]:
    """Each (panel, page) of the page of ``iri``, their queries asked of the store together."""
    texts = [
        panel_query(panel, iri)
        if panel.page_size is None
        else panel_query(panel, iri, panel.page_size + 1, page * panel.page_size)
        for panel, page in asked
    ]
    results = select_all(store, texts)
    return [
        _panel_rows(panel, page, text, result)
        for (panel, page), text, result in zip(asked, texts, results, strict=True)
    ]


def _panel_rows(panel: Panel, page: int, text: str, result: ox.QuerySolutions) -> PanelRows:
    size = panel.page_size
    names = [v.value for v in result.variables]
    raw = [{name: _shown(solution[name]) for name in names} for solution in result]
    columns = [c.name for c in columns_of(names) if c.name != "_iri"]  # siblings in their cells
    if size is None:
        return PanelRows(panel, columns, _best_labelled(raw), text)
    # The window counts rows, and a thing with labels in two languages is two rows: whether
    # more follow is a question about rows (else such a pair would end the walk early), and
    # the pair may straddle two pages (shown on both) but is never lost.
    shown = _best_labelled(raw[:size])
    shown.sort(key=lambda row: _display_order(row, panel.group_by, columns))
    return PanelRows(panel, columns, shown, text, page, more=len(raw) > size)


def _shown(term: Term | None) -> Term | None:
    """A value as a page shows it: an empty text is none. (A GROUP_CONCAT of nothing is "" by
    the spec and unbound on some servers, Virtuoso's among them: the page is the same.)"""
    return None if isinstance(term, ox.Literal) and term.value == "" else term


def _display_order(
    row: dict[str, Term | None], group_by: str | None, columns: list[str]
) -> tuple[str, ...]:
    """A paged panel's rows come in index order; on the page, sort them by group, then as shown."""
    keys = [group_by] if group_by else []
    keys += [c + "Label" if c + "Label" in row else c for c in columns]
    return tuple("" if row.get(k) is None else str(row[k]) for k in keys)


def _best_labelled(rows: list[dict[str, Term | None]]) -> list[dict[str, Term | None]]:
    """One row per combination of non-label values: the one whose labels are English if any."""
    kept: dict[tuple[str, ...], dict[str, Term | None]] = {}
    for row in rows:
        key = tuple(str(v) for k, v in row.items() if not k.endswith("Label"))
        current = kept.get(key)
        if current is None or _label_rank(row) < _label_rank(current):
            kept[key] = row
    return list(kept.values())


def _label_rank(row: dict[str, Term | None]) -> int:
    labels = [v for k, v in row.items() if k.endswith("Label") and isinstance(v, ox.Literal)]
    return sum(0 if (label.language or "en") == "en" else 1 for label in labels)


def panel_download(iri: str, kinds: list[str], name: str, fmt: str) -> Response:
    """All of the rows of the panel ``name`` of the page of ``iri`` (an entity of ``kinds``) as
    SPARQL results (CSV or JSON), run in a killable query worker: unlike the page, a download is
    not paged, so its cost grows with the collection. A panel the page does not have is a 404, a
    format it is not offered in a 400."""
    panel = BY_NAME.get(name)
    if panel is None or not panel.kinds.intersection(kinds):
        abort(404)
    if fmt not in DOWNLOADS:
        abort(400)
    query, limit = panel_query(panel, iri), context().settings.max_rows
    job = Job(query, result_type=DOWNLOADS[fmt], max_rows=limit)
    outcome = run_job(job)
    if outcome.status != "ok":
        raise Refused(500, "query-failed", "the panel's query could not be evaluated")
    response = result_response(outcome, DOWNLOADS[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{panel.name}.{fmt}"'
    return response
