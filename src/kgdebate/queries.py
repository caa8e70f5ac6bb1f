"""Named queries (``queries/*.rq`` with a ``#+`` YAML header) and running any read-only query.

A header names the query and its parameters, grlc-style::

    #+ title: Every use of a figure
    #+ description: Claims citing the statistic, with side and theme.
    #+ parameters:
    #+   statistic: {type: iri, class: kgd:Statistic, description: the statistic, default: "https://…"}
    #+ columns:
    #+   claim: {title: Claim, label: statement}
    #+   exact: The words that carry it
    #+   end: {hidden: true}

A parameter ``name`` is the variable ``?_name``. Its value becomes a validated RDF term, bound first
in the WHERE clause by the store (``store.bind_first``); the request's text never enters the query.
An IRI parameter may name its ``class`` (a CURIE of the project's prefixes or an IRI): people may
then give a slug or a name instead of the IRI (:mod:`kgdebate.names`). ``columns`` gives a
variable's title in tables, which other variable holds its label (shown as one linked cell) or, for
a claim, its exact words (``quote``: shown in the claim's cell, the page toggling paraphrase and
words), and whether the page's table leaves it out (``hidden``; the API keeps it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from kgdebate.errors import ParameterError, QueryError
from kgdebate.federation import Federation, answer_services, service_blocks
from kgdebate.namespaces import DEFAULT_BASE, PREFIXES, curie
from kgdebate.sparql_guard import check_query
from kgdebate.sparql_values import bind_first
from kgdebate.store import QueryResult, Term, TripleStore

THINGS = DEFAULT_BASE + "id/"
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str = "iri"  # iri | literal
    description: str = ""
    default: str | None = None
    rdf_class: str | None = None
    """The class (an IRI) of the things an IRI parameter names, when the header says."""


@dataclass(frozen=True)
class Column:
    """What the header says of a result variable: its title in tables, its label's variable."""

    title: str | None = None
    label: str | None = None
    quote: str | None = None
    """The variable holding a claim's exact words, shown in the claim's cell (with a toggle)."""
    hidden: bool = False
    """Left out of the page's table (the API keeps every variable)."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    columns: Mapping[str, Column] = field(default_factory=dict)


def parse_named_query(name: str, text: str) -> NamedQuery:
    header = "\n".join(line[2:] for line in text.splitlines() if line.startswith("#+"))
    try:
        meta = yaml.safe_load(header) or {}
    except yaml.YAMLError:
        raise QueryError(f"{name}: the #+ header is not valid YAML") from None
    if not isinstance(meta, dict) or "title" not in meta:
        raise QueryError(f"{name}: the #+ header needs at least a title")
    params = tuple(
        _parameter(key, spec or {}) for key, spec in (meta.get("parameters") or {}).items()
    )
    columns = {
        key: Column(**spec) if isinstance(spec, dict) else Column(str(spec))
        for key, spec in (meta.get("columns") or {}).items()
    }
    description = str(meta.get("description", "")).strip()
    return NamedQuery(name, str(meta["title"]), description, text, params, columns)


def _parameter(name: str, spec: dict[str, Any]) -> Parameter:
    fields = {k: str(v) for k, v in spec.items() if k != "class"}
    if "class" in spec:
        prefix, _, local = str(spec["class"]).partition(":")
        fields["rdf_class"] = PREFIXES[prefix] + local if prefix in PREFIXES else str(spec["class"])
    return Parameter(name, **fields)


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """The catalogue: every ``*.rq`` of ``folder`` (default: the packaged ``queries/``)."""
    root: Any = folder if folder is not None else resources.files("kgdebate").joinpath("_queries")
    found = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = parse_named_query(name, entry.read_text("utf-8"))
    return found


@cache
def packaged_query(package: str, *path: str) -> str:
    """The text of a query file shipped inside ``package`` (``kgdebate.exports``, say)."""
    return resources.files(package).joinpath(*path).read_text("utf-8")


def read_query(argument: str) -> str:
    """A query from a ``.rq`` file, or the argument itself."""
    if argument.endswith(".rq") or _names_a_file(argument):
        try:
            return Path(argument).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{argument}: cannot read the query: {exc}") from None
    return argument


def _names_a_file(argument: str) -> bool:
    try:
        return len(argument) < 4096 and Path(argument).is_file()
    except (OSError, ValueError):  # a query longer than a file name may be, or holding NUL
        return False


def bind(parameters: Mapping[str, str], declared: tuple[Parameter, ...] = ()) -> dict[str, Term]:
    """Parameter values → RDF terms for ``?_name``: IRIs checked by Oxigraph, else literals."""
    kinds = {p.name: p.type for p in declared}
    terms: dict[str, Term] = {}
    for name, value in parameters.items():
        is_iri = kinds.get(name) == "iri" or (value.startswith("<") and value.endswith(">"))
        try:
            terms[f"_{name}"] = ox.NamedNode(value.strip("<>")) if is_iri else ox.Literal(value)
        except ValueError:
            raise ParameterError(name, "not a valid IRI") from None
    return terms


def with_defaults(query: NamedQuery, parameters: Mapping[str, str]) -> dict[str, str]:
    """The given parameter values, plus the header's defaults for the others."""
    unknown = sorted(set(parameters) - {p.name for p in query.parameters})
    if unknown:
        known = ", ".join(p.name for p in query.parameters) or "none"
        raise QueryError(
            f"{query.name}: unknown parameter(s): {', '.join(unknown)}",
            hint=f"its parameters: {known}",
        )
    merged = {p.name: p.default for p in query.parameters if p.default is not None}
    merged.update(parameters)
    return merged


def editable_text(query: NamedQuery, parameters: Mapping[str, str] | None = None) -> str:
    """The query's text, header and all, with its parameters (the given values, else the
    defaults) bound first in its WHERE clause: it runs as it is in a SPARQL editor. SERVICE blocks
    stay as written (the endpoint answers them where its allowlist lets it)."""
    values = with_defaults(query, parameters or {})
    return bind_first(query.text, bind(values, query.parameters)) if values else query.text


def run_named(
    store: TripleStore,
    query: NamedQuery,
    parameters: Mapping[str, str] | None = None,
    federation: Federation | None = None,
) -> QueryResult:
    parameters = with_defaults(query, parameters or {})
    return run_query(store, query.text, parameters, query.parameters, federation)


def answer_and_bind_named(
    query: NamedQuery,
    parameters: Mapping[str, str] | None = None,
    federation: Federation | None = None,
) -> str:
    """A named query as the store runs it, with its defaults (see :func:`answer_and_bind`)."""
    parameters = with_defaults(query, parameters or {})
    return answer_and_bind(query.text, parameters, query.parameters, federation)


def run_query(
    store: TripleStore,
    text: str,
    parameters: Mapping[str, str] | None = None,
    declared: tuple[Parameter, ...] = (),
    federation: Federation | None = None,
) -> QueryResult:
    """Run a read-only query; ``SERVICE`` only to the federation's allowlist, else refused."""
    prepared = answer_and_bind(text, parameters, declared, federation)
    try:
        return store.query(prepared)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except RuntimeError as exc:
        raise QueryError(f"the query cannot run: {exc}") from None


def answer_and_bind(
    text: str,
    parameters: Mapping[str, str] | None = None,
    declared: tuple[Parameter, ...] = (),
    federation: Federation | None = None,
) -> str:
    """The text the store runs: checked, each SERVICE block answered by its (allowlisted) remote
    endpoint — network calls, each under ``federation.timeout_s`` — and parameters bound first
    in the WHERE clause as validated terms (``sparql_values.bind_first``)."""
    if federation is None:
        check_query(text)
    else:
        check_query(text, federation.allowlist, federation.limits)
    bindings = bind(parameters or {}, declared)
    if federation is not None and service_blocks(text):
        text = answer_services(text, federation)
    return bind_first(text, bindings) if bindings else text


def short(term: Term | None) -> str:
    """A term for people: a CURIE where a prefix fits, the lexical form of a literal."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        shown = curie(term.value)
        if shown != term.value:
            return shown
        if term.value.startswith(THINGS):  # our own things, by their path: id/actor/ukraine
            return term.value[len(DEFAULT_BASE) :]
        return term.value
    return str(term)


def rows(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in result.variables]
    return names, [[short(solution[name]) for name in names] for solution in result]


def table(result: QueryResult) -> str:
    if isinstance(result, ox.QueryBoolean):
        return f"{bool(result)}\n"
    assert isinstance(result, ox.QuerySolutions)
    names, body = rows(result)
    widths = [min(60, max([len(n), *(len(r[i]) for r in body)])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(_clip(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in body)]
    return "\n".join(out) + f"\n({len(body)} row{'s' if len(body) != 1 else ''})\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
