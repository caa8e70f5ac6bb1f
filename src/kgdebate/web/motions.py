"""``/motions/<slug>``: the stance matrix of a motion — actors as rows, years (and the debates
on narrower motions) as columns, each cell an overall position with its words a click away.

The rows are the named query ``stances`` (the table ``kgdebate stances`` prints), run in a query
worker and kept per store generation; ``/motions/<slug>.json`` and ``.csv`` give them as they
are. Filters and orders are query-string parameters, so a filtered matrix has an address and
works without JavaScript.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Flask, Response, abort, render_template, request

from kgdebate.mint import Minter, last_slug
from kgdebate.namespaces import RDFS
from kgdebate.queries import answer_and_bind_named, named_queries
from kgdebate.query_jobs import Outcome
from kgdebate.stance.table import rows_of
from kgdebate.store import term_text
from kgdebate.web import worldmap
from kgdebate.web.catalogue import API_FORMATS, run_in_worker, stored_answer
from kgdebate.web.context import context
from kgdebate.web.jobs import result_response
from kgdebate.web.page_cache import cached
from kgdebate.web.page_sparql import page_query
from kgdebate.web.terms import page_href

bp = Blueprint("motions", __name__)
# The overall positions in the order of the rule that derives them (vocabulary overall-positions).
POSITIONS = ("silent", "pro-russia", "both", "for-talks-now", "against", "effects-only")
SORTS = ("name", "change")


@dataclass
class Cell:
    """One actor's overall position in one column, with the first words of each stance."""

    overall: str
    document: str
    href: str | None
    stances: list[dict[str, str]] = field(default_factory=list)

    @property
    def machine(self) -> bool:
        return any(row["curated"] != "true" and row["stance"] for row in self.stances)


@dataclass
class Row:
    actor: str
    iri: str
    iso3: str
    numeric: str  # ISO 3166-1 numeric, the map's key
    region: str
    href: str | None
    cells: dict[str, Cell] = field(default_factory=dict)
    organisations: set[str] = field(default_factory=set)  # slugs

    def changed(self, before: str, after: str) -> bool:
        a, b = self.cells.get(before), self.cells.get(after)
        return a is not None and b is not None and a.overall != b.overall


def init_app(app: Flask) -> None:
    """Read the country shapes and compile the page's template when the server starts, not on
    the page's first request."""
    worldmap.country_paths()
    app.jinja_env.get_template("motion.html")


@bp.get("/motions/<slug>", defaults={"fmt": None})
@bp.get("/motions/<slug>.<fmt>")
@cached
def motion(slug: str, fmt: str | None) -> Response | str:
    settings = context().settings
    try:
        iri = str(Minter(settings.base_iri).thing("motion", slug))
    except ValueError:
        abort(404)
    label = _label(iri)
    if label is None:
        abort(404)
    if fmt is not None:
        if fmt not in API_FORMATS:
            abort(404)
        return result_response(_stance_rows(iri, fmt), API_FORMATS[fmt])
    rows = rows_of(_stance_rows(iri, "json").body)
    matrix, columns = _matrix(rows, settings.base_iri)
    names = _add_memberships(matrix)
    organisations = sorted(
        ((slug, names[slug]) for slug in {o for row in matrix.values() for o in row.organisations}),
        key=lambda pair: pair[1].casefold(),
    )
    regions = sorted({row.region for row in matrix.values() if row.region})
    years = [c for c in columns if c.isdigit()]
    chosen = {
        "member": request.args.get("member", ""),
        "region": request.args.get("region", ""),
        "sort": request.args.get("sort", "name"),
        "year": request.args.get("year", years[-1] if years else ""),
    }
    if (
        chosen["sort"] not in SORTS
        or (chosen["member"] and chosen["member"] not in names)
        or (chosen["region"] and chosen["region"] not in regions)
        or (years and chosen["year"] not in years)
    ):
        abort(400)
    before, after = (years[0], years[-1]) if len(years) > 1 else ("", "")
    shown = [
        row
        for row in matrix.values()
        if (not chosen["member"] or chosen["member"] in row.organisations)
        and (not chosen["region"] or row.region == chosen["region"])
    ]
    shown.sort(key=lambda row: row.actor.casefold())
    if chosen["sort"] == "change":
        shown.sort(key=lambda row: not row.changed(before, after))
    counts = {
        column: Counter(row.cells[column].overall for row in shown if column in row.cells)
        for column in columns
    }
    changed = [row for row in shown if row.changed(before, after)]
    return render_template(
        "motion.html",
        slug=slug,
        label=label,
        columns=columns,
        rows=shown,
        total=len(matrix),
        counts=counts,
        positions=POSITIONS,
        changed=changed,
        before=before,
        after=after,
        organisations=organisations,
        regions=regions,
        chosen=chosen,
        years=years,
        countries=_map(shown, chosen["year"]),
        map_height=worldmap.HEIGHT,
    )


@dataclass(frozen=True)
class Country:
    path: str
    row: Row | None
    cell: Cell | None


def _map(rows: list[Row], year: str) -> list[Country] | None:
    """The map's countries, each with its row and its cell of ``year`` when it has them."""
    paths = worldmap.country_paths()
    if paths is None:
        return None
    by_number = {row.numeric: row for row in rows if row.numeric and year in row.cells}
    return [
        Country(
            path,
            by_number.get(number),
            by_number[number].cells[year] if number in by_number else None,
        )
        for number, path in sorted(paths.items())
    ]


def _stance_rows(iri: str, suffix: str) -> Outcome:
    """The named query's rows for this motion: as answered when the store was written (for the
    default motion), else evaluated now in a query worker."""
    query = named_queries()["stances"]
    parameters = {"motion": iri}
    stored = stored_answer(query, parameters, suffix)
    if stored is not None:
        return stored
    prepared = answer_and_bind_named(query, parameters)
    return run_in_worker(prepared, API_FORMATS[suffix], context().settings.max_rows)


def _label(iri: str) -> str | None:
    store = context().store
    if not store.types_of(iri):
        return None
    labels = [term_text(term) for term, _ in store.objects(iri, str(RDFS.label))]
    return labels[0] if labels else iri


def _matrix(rows: list[dict[str, str]], base: str) -> tuple[dict[str, Row], list[str]]:
    """Rows by actor; columns are the years of speeches, then each debate (by its document)."""
    matrix: dict[str, Row] = {}
    columns: list[str] = []
    for item in rows:
        from_debate = item["fromDebate"] == "true"
        column = f"{item['year']} debate: {item['title']}" if from_debate else item["year"]
        if column not in columns:
            columns.append(column)
        row = matrix.setdefault(
            item["actorIri"],
            Row(
                item["actor"],
                item["actorIri"],
                item["iso3"],
                item["numeric"],
                item["region"],
                page_href(base, item["actorIri"]),
            ),
        )
        cell = row.cells.setdefault(
            column, Cell(item["overall"], item["title"], page_href(base, item["documentIri"]))
        )
        cell.stances.append(item)
    years = sorted(c for c in columns if c.isdigit())
    return matrix, years + [c for c in columns if not c.isdigit()]


def _add_memberships(matrix: dict[str, Row]) -> dict[str, str]:
    """Which organisations each actor belongs to, by slug (the UN is left out: every state is
    in it); returns each organisation's name."""
    result = context().store.query(page_query("memberships"))
    assert isinstance(result, ox.QuerySolutions)
    names = {}
    for solution in result:
        actor, organisation, label = solution["actor"], solution["organisation"], solution["label"]
        if actor is None or organisation is None or label is None or actor.value not in matrix:
            continue
        slug = last_slug(organisation.value)
        if slug != "united-nations":
            matrix[actor.value].organisations.add(slug)
            names[slug] = label.value
    return names
