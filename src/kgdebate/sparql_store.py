"""A SPARQL 1.1 server as the store: the SPARQL 1.1 Protocol for queries, SPARQL 1.1 Update for
writes, over HTTP (README, "A SPARQL server as the store").

Chosen by the setting ``store = "sparql"`` with ``store_query_url`` and ``store_update_url``;
credentials come only from ``KGDEBATE_STORE_USER`` and ``KGDEBATE_STORE_PASSWORD`` and are sent
only when the server asks (Digest or Basic), never logged. Every request goes through
:func:`kgdebate.remote.exchange`: one time limit for the whole exchange, no redirect followed,
an answer cut short by the server (206, Virtuoso's ``X-SQL-State``) an error, never a result.

A document's graphs change in **one** update operation (:meth:`SparqlStore.replace_graphs`):
all or nothing on any server that runs an operation as one transaction, Virtuoso included, whose
HTTP endpoint commits each operation of a request on its own (measured with SIGKILL:
``tests/test_sparql_store.py``). Each write is also recorded until it ends;
:meth:`SparqlStore.interrupted_writes` names those that did not, and ``kgdebate`` warns about them
on every command until they are written again.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import IO, Any
from urllib.parse import urlencode

import pyoxigraph as ox

from kgdebate.config import Settings
from kgdebate.errors import InputError, StoreError
from kgdebate.namespaces import PROV, RDF, XSD
from kgdebate.query_jobs import Job, Outcome, outcome_of
from kgdebate.query_pool import QueryTimeout
from kgdebate.remote import USER_AGENT, Credentials, exchange, is_http_url
from kgdebate.sparql_tokens import tokens
from kgdebate.sparql_values import bind_first
from kgdebate.store import QueryResult, Term, term_text

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"
USER_ENV, PASSWORD_ENV = "KGDEBATE_STORE_USER", "KGDEBATE_STORE_PASSWORD"


class ServerTimeout(StoreError):
    """The store's server did not answer within the time limit."""


class QueryRefused(StoreError):
    """The store's server refused a request as bad (HTTP 400: its syntax, or its limits)."""


def credentials_from(env: Mapping[str, str]) -> Credentials | None:
    """The store's credentials, from the environment only (never a settings file)."""
    user = env.get(USER_ENV)
    if not user:
        return None
    return Credentials(user, env.get(PASSWORD_ENV, ""))


SIDE_BY_SIDE = 8
"""Requests one process sends a server at once for one page (:meth:`SparqlStore.query_all`)."""


@cache
def _threads_of(pid: int) -> ThreadPoolExecutor:
    """One pool per process: a server's workers are forked, and threads do not survive a fork."""
    return ThreadPoolExecutor(SIDE_BY_SIDE, thread_name_prefix=f"kgdebate-store-{pid}")


class SparqlStore:
    """The store on a remote SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, QLever...)."""

    def __init__(
        self,
        query_url: str,
        update_url: str,
        graph_base: str,
        timeout_s: float = 30.0,
        credentials: Credentials | None = None,
    ) -> None:
        for setting, url in (("store_query_url", query_url), ("store_update_url", update_url)):
            if not is_http_url(url):
                raise InputError(
                    f"setting {setting}: {url!r} is not an http(s) URL",
                    hint="give the SPARQL server's endpoint (Virtuoso's is /sparql)",
                )
        self.query_url, self.update_url = query_url, update_url
        self.graph_base = graph_base
        """Graphs of this dataset start with it; a server's own graphs are not the dataset's."""
        self.timeout_s = timeout_s
        self._credentials = credentials
        system = graph_base.removesuffix("graph/") + "system/"
        self._marks = ox.NamedNode(system + "writes")
        """Not a graph of the dataset: the graphs being written (their start times)."""
        self._staged_base = system + "staged/"
        """Where a write's new triples wait, IRIs prefixed with it, until they are swapped in."""

    @classmethod
    def from_settings(cls, settings: Settings, env: Mapping[str, str] | None = None) -> SparqlStore:
        return cls(
            settings.store_query_url,
            settings.store_update_url or settings.store_query_url,
            settings.base_iri + "graph/",
            settings.query_timeout_s,
            credentials_from(os.environ if env is None else env),
        )

    # -- the protocol ---------------------------------------------------------------------------

    def _send(self, setting: str, url: str, form: dict[str, Any], accept: str) -> tuple[str, bytes]:
        """The media type and body of the server's answer to one form-encoded POST."""
        where = f"the store's SPARQL server ({setting} = {url})"
        body = urlencode(form, doseq=True).encode()
        headers = {"Content-Type": FORM, "Accept": accept, "User-Agent": USER_AGENT}
        try:
            status, answer_headers, answer = exchange(
                url, self.timeout_s, body, headers, self._credentials
            )
        except TimeoutError:
            raise ServerTimeout(
                f"{where} did not answer within {self.timeout_s:g} s; nothing was used",
                hint="a server under load or a query too broad: try again, or raise "
                "query_timeout_s",
            ) from None
        except OSError as exc:
            raise StoreError(
                f"{where} cannot be reached ({exc.strerror or type(exc).__name__})",
                hint=f"start the server, or check {setting}",
            ) from None
        if 300 <= status < 400:
            raise StoreError(
                f"{where} answered with a redirect (HTTP {status}) to "
                f"{(answer_headers.get('Location') or 'nowhere')[:200]}; it was not followed",
                hint=f"set {setting} to the final URL",
            )
        if status in (401, 403):
            raise StoreError(
                f"{where} refused the request (HTTP {status})",
                hint=f"set {USER_ENV} and {PASSWORD_ENV} to a user allowed to "
                + ("update" if setting == "store_update_url" else "query"),
            )
        if status >= 400:
            said = answer[:300].decode("utf-8", "replace").strip()
            refused = QueryRefused if status == 400 else StoreError
            raise refused(f"{where} answered HTTP {status}: {said}")
        if status == 206 or answer_headers.get("X-SQL-State"):
            raise StoreError(
                f"{where} sent an incomplete answer (HTTP {status}, X-SQL-State "
                f"{answer_headers.get('X-SQL-State') or '-'}): it cut the result at its limits; "
                "nothing was used",
                hint="raise the server's own limits (Virtuoso: ResultSetMaxRows, "
                "MaxQueryExecutionTime)",
            )
        media_type = (answer_headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return media_type, answer

    def _update(self, operations: str) -> None:
        self._send("store_update_url", self.update_url, {"update": operations}, "*/*")

    def _update_all(self, operations: list[str]) -> None:
        """``operations`` in as few requests as the server takes (Virtuoso refuses one over
        10 MB); for operations whose order matters, not whether they run together."""
        batch: list[str] = []
        size = 0
        for operation in operations:
            if batch and size + len(operation) > REQUEST_BYTES:
                self._update(" ;\n".join(batch))
                batch, size = [], 0
            batch.append(operation)
            size += len(operation)
        if batch:
            self._update(" ;\n".join(batch))

    def query(
        self,
        sparql: str,
        substitutions: Mapping[str, Term] | None = None,
        graphs: Iterable[str] | None = None,
    ) -> QueryResult:
        """Run ``sparql`` on the server; ``substitutions`` bind variables first in the WHERE
        clause, as the embedded store binds them."""
        if substitutions:
            sparql = bind_first(sparql, substitutions)
        return self._read(*self._ask(sparql, graphs))

    def query_all(self, queries: Sequence[str]) -> list[QueryResult]:
        """Side by side, each on a connection of its own (at most :data:`SIDE_BY_SIDE` at once):
        a page's lookups cost about one round trip, not one each. The first error is raised.
        Only the exchanges run in other threads: pyoxigraph's results belong to the thread that
        made them, so the answers are read here."""
        if len(queries) < 2:
            return [self.query(sparql) for sparql in queries]
        answers = list(_threads_of(os.getpid()).map(self._ask, queries))
        return [self._read(media_type, answer) for media_type, answer in answers]

    def _ask(self, sparql: str, graphs: Iterable[str] | None = None) -> tuple[str, bytes]:
        form: dict[str, Any] = {"query": _graphs_named(sparql)}
        if graphs is not None:
            form["default-graph-uri"] = form["named-graph-uri"] = list(graphs)
        graph = _query_form(sparql) in ("CONSTRUCT", "DESCRIBE")
        # One type each: a server free to choose would answer a CONSTRUCT in a JSON of its own.
        accept = f"{N_TRIPLES}, text/plain;q=0.5" if graph else RESULTS_JSON
        return self._send("store_query_url", self.query_url, form, accept)

    def _read(self, media_type: str, answer: bytes) -> QueryResult:
        if media_type in (RESULTS_JSON, "application/json"):
            return _results(answer, self.query_url)
        if media_type in (N_TRIPLES, "text/plain", "text/ntriples"):
            try:
                triples = [q.triple for q in ox.parse(answer, format=ox.RdfFormat.N_TRIPLES)]
            except SyntaxError as exc:
                raise StoreError(
                    f"{self.query_url} sent N-Triples that do not parse: {exc}"
                ) from None
            return iter(triples)  # type: ignore[return-value]
        raise StoreError(
            f"the store's SPARQL server ({self.query_url}) answered {media_type or 'no type'}, "
            "not SPARQL results",
            hint="store_query_url must be the SPARQL endpoint itself, not a web page",
        )

    def _rows(self, sparql: str) -> list[dict[str, Term]]:
        result = self.query(sparql)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [{n: row[n] for n in names if row[n] is not None} for row in result]

    # -- what kgdebate asks of a store ----------------------------------------------------------

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple]]) -> None:
        """Replace each named graph by its new triples, all or nothing, on any server that runs
        one update operation as one transaction (Virtuoso over HTTP does, though not a request
        of several operations: openlink/virtuoso-opensource#608).

        What changes waits beside the dataset first, in two staging graphs per graph (triples
        to add, triples to remove), every IRI prefixed so that no query of the dataset matches
        them (:func:`_hidden`); then **one** operation (:func:`_swap`) applies them, and the
        staging graphs are dropped. A server stopped before that operation ends comes back with
        every graph as it was; what was staged is dropped by the next write of those graphs.

        Only what changes is written: a triple deleted and inserted again in one write can be
        lost when Virtuoso replays its transaction log after a crash (measured:
        ``tests/test_sparql_store.py``). Triples are compared as the server keeps them (it may
        write a literal otherwise than it was given), so the new ones are staged, read back,
        and those already there taken out of the staging graph again."""
        if not graphs:
            return
        olds = self._graphs_read([ox.NamedNode(name) for name in graphs])
        changes = {
            name: self._change(name, list(triples), old)
            for (name, triples), old in zip(graphs.items(), olds, strict=True)
        }
        drops = [f"DROP SILENT GRAPH {g}" for c in changes.values() for g in (c.adds, c.removes)]
        staged = [
            op
            for change in changes.values()
            for op in _inserts(change.adds, [_hidden(t, self._staged_base) for t in change.new])
        ]
        self._update_all([self._mark(graphs), *drops, *staged])
        compared = [change for change in changes.values() if change.old]
        staged_back = self._graphs_read([change.adds for change in compared])
        self._update_all(
            [
                op
                for c, back in zip(compared, staged_back, strict=True)
                for op in self._compare(c, back)
            ]
        )
        self._update(_swap(list(changes.values()), self._staged_base))
        self._update_all([self._unmark(graphs), *drops])

    def _graphs_read(self, graphs: list[ox.NamedNode]) -> list[list[ox.Triple]]:
        """Each graph's triples, asked side by side (:meth:`query_all`)."""
        asked = [f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}" for g in graphs]
        return [list(result) for result in self.query_all(asked)]  # type: ignore[arg-type]

    def _change(self, graph: str, new: list[ox.Triple], held: list[ox.Triple]) -> _Change:
        adds, removes = (
            ox.NamedNode(f"{self._staged_base}{kind}/{graph}") for kind in ("add", "remove")
        )
        old = {t for t in held if not _has_blank_node(t)}
        return _Change(graph, adds, removes, new, old, len(old) < len(held), _shapes(new))

    def _compare(self, change: _Change, staged: list[ox.Triple]) -> list[str]:
        """Operations that take out of the staging graph what the graph already holds, and
        stage what it holds and will not, compared as the server keeps them (``staged``: the
        staging graph read back)."""
        cut = len(self._staged_base)

        def shown(term: Any) -> Any:
            return ox.NamedNode(term.value[cut:]) if isinstance(term, ox.NamedNode) else term

        old = change.old
        new = {
            ox.Triple(shown(t.subject), shown(t.predicate), shown(t.object))
            for t in staged
            if not _has_blank_node(t)
        }
        gone = old - new
        change.removed_shapes = _shapes(gone)
        return [
            *_deletes(change.adds, [_hidden(t, self._staged_base) for t in new & old]),
            *_inserts(change.removes, [_hidden(t, self._staged_base) for t in gone]),
        ]

    def _mark(self, graphs: Iterable[str]) -> str:
        """The operation that records a write of ``graphs`` as begun: a write that never ends
        (the server stopped, the network failed) is named by :meth:`interrupted_writes` until
        those graphs are written again."""
        now = ox.Literal(_now(), datatype=DATE_TIME)
        marks = "\n".join(f"{ox.NamedNode(g)} {STARTED} {now} ." for g in graphs)
        return f"INSERT DATA {{ GRAPH {self._marks} {{\n{marks}\n}} }}"

    def _unmark(self, graphs: Iterable[str]) -> str:
        done = " ".join(str(ox.NamedNode(g)) for g in graphs)
        return (
            f"DELETE {{ GRAPH {self._marks} {{ ?g {STARTED} ?t }} }} "
            f"WHERE {{ VALUES ?g {{ {done} }} GRAPH {self._marks} {{ ?g {STARTED} ?t }} }}"
        )

    def interrupted_writes(self) -> list[str]:
        """Graphs whose last write did not end: write their documents again."""
        rows = self._rows(f"SELECT DISTINCT ?g {{ GRAPH {self._marks} {{ ?g {STARTED} ?t }} }}")
        return sorted(term_text(row["g"]) for row in rows)

    def has_graph(self, name: str) -> bool:
        result = self.query(f"ASK {{ GRAPH {ox.NamedNode(name)} {{ ?s ?p ?o }} }}")
        return bool(result)

    def triples(self, graph: str) -> Iterator[ox.Triple]:
        """The graph's triples, asked as N-Triples (Virtuoso answers them six times faster
        than the same rows in SPARQL results)."""
        yield from self._graphs_read([ox.NamedNode(graph)])[0]

    def graphs_naming(self, iri: str) -> set[str]:
        node = ox.NamedNode(iri)
        rows = self._rows(
            f"SELECT DISTINCT ?g {{ {{ GRAPH ?g {{ {node} ?p ?o }} }} "
            f"UNION {{ GRAPH ?g {{ ?s ?p {node} }} }} }}"
        )
        return {term_text(row["g"]) for row in rows if isinstance(row.get("g"), ox.NamedNode)}

    def objects(self, subject: str, predicate: str) -> list[tuple[Term, str]]:
        s, p = ox.NamedNode(subject), ox.NamedNode(predicate)
        rows = self._rows(f"SELECT ?o ?g {{ GRAPH ?g {{ {s} {p} ?o }} }}")
        return [(row["o"], term_text(row["g"])) for row in rows]

    def subjects(self, predicate: str, obj: str | None, graph: str) -> set[str]:
        o = "?o" if obj is None else str(ox.NamedNode(obj))
        p, g = ox.NamedNode(predicate), ox.NamedNode(graph)
        rows = self._rows(f"SELECT DISTINCT ?s {{ GRAPH {g} {{ ?s {p} {o} }} }}")
        return {row["s"].value for row in rows if isinstance(row["s"], ox.NamedNode)}

    def types_of(self, iri: str) -> list[ox.NamedNode]:
        rdf_type = ox.NamedNode(str(RDF.type))
        rows = self._rows(
            f"SELECT DISTINCT ?t {{ GRAPH ?g {{ {ox.NamedNode(iri)} {rdf_type} ?t }} }}"
        )
        found = [row["t"] for row in rows if isinstance(row["t"], ox.NamedNode)]
        return sorted(found, key=lambda node: node.value)

    def graph_names(self) -> list[str]:
        rows = self._rows(
            f"SELECT DISTINCT ?g {{ GRAPH ?g {{ ?s ?p ?o }} "
            f'FILTER(STRSTARTS(STR(?g), "{self.graph_base}")) }}'
        )
        return sorted(term_text(row["g"]) for row in rows)

    def dump(self, output: IO[bytes], fmt: ox.RdfFormat, graph: str | None = None) -> None:
        """The dataset's graphs (or one) in ``fmt``, a server's own graphs left out."""
        names = self.graph_names() if graph is None else [graph]
        quads = [
            ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name))
            for name in names
            for t in self.triples(name)
        ]
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            ox.serialize(quads, output, format=fmt)
        else:
            ox.serialize([q.triple for q in quads], output, format=fmt)

    def load(self, data: IO[bytes], fmt: ox.RdfFormat) -> None:
        """Load a dataset dump (N-Quads or TriG): parsed whole first (a dump that does not parse
        writes nothing), then written a few graphs per update request (a server compiles a
        request as one query: Virtuoso refuses one of hundreds of graphs)."""
        graphs: dict[str, list[ox.Triple]] = {}
        try:
            for quad in ox.parse(data, format=fmt):
                if isinstance(quad.graph_name, ox.NamedNode):
                    graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
        except SyntaxError as exc:
            raise InputError(f"not valid {fmt.name}: {exc}") from None
        batch: dict[str, list[ox.Triple]] = {}
        for name, triples in graphs.items():
            batch[name] = triples
            if len(batch) >= LOAD_GRAPHS or sum(map(len, batch.values())) >= LOAD_TRIPLES:
                self.replace_graphs(batch)
                batch = {}
        if batch:
            self.replace_graphs(batch)

    def __len__(self) -> int:
        rows = self._rows(
            f"SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?s ?p ?o }} "
            f'FILTER(STRSTARTS(STR(?g), "{self.graph_base}")) }}'
        )
        return int(term_text(rows[0]["n"])) if rows else 0

    def flush(self) -> None:
        """Nothing to do: the server commits each update request."""


STARTED = ox.NamedNode(str(PROV.startedAtTime))
DATE_TIME = ox.NamedNode(str(XSD.dateTime))


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


LOAD_GRAPHS, LOAD_TRIPLES = 50, 20_000
"""Graphs and triples per update request when a whole dump is loaded."""
REQUEST_BYTES = 4_000_000
"""Operations per update request, by size, where they need not be one request."""
CHUNK_TRIPLES = 1_000
"""Triples per INSERT operation: Virtuoso's SPARQL parser runs out of stack near 5,000."""


def _chunks(triples: list[ox.Triple]) -> Iterator[list[ox.Triple]]:
    """The triples in operations of at most CHUNK_TRIPLES, the triples of blank nodes that meet
    kept in one (a blank node's label means one node only within its operation)."""
    parent: dict[str, str] = {}

    def root(label: str) -> str:
        while parent.setdefault(label, label) != label:
            label = parent[label]
        return label

    for t in triples:
        labels = [n.value for n in (t.subject, t.object) if isinstance(n, ox.BlankNode)]
        for other in labels[1:]:
            parent[root(other)] = root(labels[0])
    groups: dict[str, list[ox.Triple]] = {}
    plain: list[ox.Triple] = []
    for t in triples:
        node = t.subject if isinstance(t.subject, ox.BlankNode) else t.object
        if isinstance(node, ox.BlankNode):
            groups.setdefault(root(node.value), []).append(t)
        else:
            plain.append(t)
    chunk: list[ox.Triple] = []
    for group in [*groups.values(), *([t] for t in plain)]:
        if chunk and len(chunk) + len(group) > CHUNK_TRIPLES:
            yield chunk
            chunk = []
        chunk.extend(group)
    if chunk:
        yield chunk


def _inserts(graph: ox.NamedNode, triples: list[ox.Triple]) -> list[str]:
    """Operations inserting ``triples`` into ``graph``, :data:`CHUNK_TRIPLES` at most each."""
    operations = []
    for chunk in _chunks(triples):
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in chunk)
        if any(_has_blank_node(t) for t in chunk):
            # Virtuoso refuses blank nodes in INSERT DATA; in a template each label is one new
            # node, as in the graph given (a node's triples share a chunk).
            operations.append(f"INSERT {{ GRAPH {graph} {{\n{body}\n}} }} WHERE {{}}")
        else:
            operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    return operations


def _deletes(graph: ox.NamedNode, triples: list[ox.Triple]) -> list[str]:
    """Operations deleting ``triples`` (no blank node) from ``graph``."""
    operations = []
    for chunk in _chunks(triples):
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in chunk)
        operations.append(f"DELETE DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    return operations


def _hidden(t: ox.Triple, prefix: str) -> ox.Triple:
    """The triple as it waits in a staging graph: every IRI prefixed, so that no query that
    names an IRI of the dataset (or a property, or a class) matches it."""

    def hidden(term: Any) -> Any:
        return ox.NamedNode(prefix + term.value) if isinstance(term, ox.NamedNode) else term

    return ox.Triple(hidden(t.subject), hidden(t.predicate), hidden(t.object))


@dataclass
class _Change:
    """A graph's write, staged: its new triples, what it held (and whether blank nodes), and
    the kinds of triples (:func:`_shapes`) staged to be added and removed."""

    graph: str
    adds: ox.NamedNode
    removes: ox.NamedNode
    new: list[ox.Triple]
    old: set[ox.Triple]
    """What the graph held that the write may hold again: not its blank nodes' triples (a blank
    node written again is a new node)."""
    old_blank_nodes: bool
    added_shapes: set[tuple[bool, bool]]
    removed_shapes: set[tuple[bool, bool]] = field(default_factory=set)


def _shapes(triples: Iterable[ox.Triple]) -> set[tuple[bool, bool]]:
    """Whether subject and object are IRIs, for each kind of triple among ``triples``."""
    return {
        (isinstance(t.subject, ox.NamedNode), isinstance(t.object, ox.NamedNode)) for t in triples
    }


def _swap(changes: list[_Change], prefix: str) -> str:
    """One update operation that applies the staged changes to each graph: the old triples with
    a blank node go (a blank node written again is a new node), the staged removals go, the
    staged additions come. No step looks a computed term up, so the server only scans the
    staging graphs and the old blank nodes. Each group is a sub-select of its own, written
    only for the kinds of triples there are: Virtuoso 7's compiler fails on a UNION of filtered
    groups that share variables ("SP031 … sparp_gp_deprecate()"), on a VALUES block inside
    one, and runs out of stack on a few hundred groups."""
    groups = []
    for change in changes:
        graph = ox.NamedNode(change.graph)
        if change.old_blank_nodes:
            groups.append(
                f"{{ GRAPH {graph} {{ ?os ?op ?oo }} FILTER(isBlank(?os) || isBlank(?oo)) "
                f"BIND({graph} AS ?old) }}"
            )
        for shape in sorted(change.removed_shapes):
            groups.append(_unstaged(change.removes, shape, f"BIND({graph} AS ?old)", "o", prefix))
        for shape in sorted(change.added_shapes):
            groups.append(_unstaged(change.adds, shape, f"BIND({graph} AS ?into)", "", prefix))
    union = "\n  UNION ".join(f"{{ SELECT * WHERE {group} }}" for group in groups)
    return f"""DELETE {{ GRAPH ?old {{ ?os ?op ?oo }} }}
INSERT {{ GRAPH ?into {{ ?s ?p ?o }} }}
WHERE {{
  {union or "FILTER(false)"}
}}"""


def _unstaged(
    stage: ox.NamedNode, shape: tuple[bool, bool], target: str, name: str, prefix: str
) -> str:
    """A group binding ``?{name}s ?{name}p ?{name}o`` to each triple of the staging graph of
    that shape, its IRIs as in the dataset, and ``target``. Blank nodes and literals are bound
    as they are, never through an expression: Virtuoso makes a blank node that went through
    ``IF`` a subject it cannot write."""
    subject_is_iri, object_is_iri = shape
    s = "?ws" if subject_is_iri else f"?{name}s"
    o = "?wo" if object_is_iri else f"?{name}o"
    tests = [
        f"isIRI({s})" if subject_is_iri else f"isBlank({s})",
        f"isIRI({o})" if object_is_iri else f"!isIRI({o})",
    ]
    shown = [("wp", f"?{name}p")]
    shown += [("ws", f"?{name}s")] if subject_is_iri else []
    shown += [("wo", f"?{name}o")] if object_is_iri else []
    start = len(prefix) + 1
    binds = " ".join(f"BIND(IRI(SUBSTR(STR(?{w}), {start})) AS {v})" for w, v in shown)
    return f"{{ GRAPH {stage} {{ {s} ?wp {o} }} FILTER({' && '.join(tests)}) {binds} {target} }}"


def _has_blank_node(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def _query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's first such keyword (as a token, never
    inside an IRI, a string or a comment)."""
    for token in tokens(sparql):
        if token.kind == "word" and token.upper in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return token.upper
    return "SELECT"


_ONE_ROW = re.compile(
    r"VALUES \((?P<names>(?:[?$]\w+ ?)+)\) \{ \((?P<terms>(?:<[^<>\s]*> ?)+)\) \}"
)


def _graphs_named(sparql: str) -> str:
    """A variable that a one-row VALUES block of ours binds to an IRI and that serves only as a
    GRAPH name is written as that IRI instead: Virtuoso 7's compiler fails on such a query
    ("SP031 Internal error: ssg_print_rvr_fixed_val()"). The rows are the same."""
    found = _ONE_ROW.search(sparql)
    if found is None:
        return sparql
    names = [n[1:] for n in found["names"].split()]
    terms = found["terms"].split()
    before, after = sparql[: found.start()], sparql[found.end() :]
    kept: list[tuple[str, str]] = []
    for name, term in zip(names, terms, strict=True):
        as_graph = re.compile(rf"\bGRAPH\s+[?$]{name}\b", re.IGNORECASE)
        uses = re.findall(rf"[?$]{name}\b", before + after)
        if uses and len(uses) == len(as_graph.findall(before + after)):
            before, after = (as_graph.sub(f"GRAPH {term}", part) for part in (before, after))
        else:
            kept.append((name, term))
    block = ""
    if kept:
        heads = " ".join(f"?{name}" for name, _ in kept)
        block = f"VALUES ({heads}) {{ ({' '.join(term for _, term in kept)}) }}"
    return before + block + after


class RemoteRunner:
    """Query jobs (users' queries, named queries, indexes) for a server whose store is a SPARQL
    server: the server evaluates them, under the same time limit; the query guard has already
    run. In the shape of :class:`kgdebate.query_pool.PoolHolder`."""

    def __init__(self, store: SparqlStore) -> None:
        self._store = store

    def get(self) -> RemoteRunner:
        return self

    def run(self, job: Job) -> Outcome:
        graphs = job.default_graphs or None
        try:
            result = self._store.query(job.query, graphs=graphs)
        except ServerTimeout:
            raise QueryTimeout from None
        except QueryRefused:
            return Outcome("syntax-error", detail="the store's server refused the query")
        return outcome_of(result, job)

    def stop(self) -> None:
        """Nothing to stop: no worker process is started."""


def _results(answer: bytes, where: str) -> QueryResult:
    """SPARQL JSON results as pyoxigraph's; Virtuoso's older forms are made standard first
    (``typed-literal``, blank nodes named ``nodeID://…``, which no parser takes as a label)."""
    try:
        data = json.loads(answer)
        for binding in data.get("results", {}).get("bindings", []):
            for value in binding.values():
                if value["type"] == "typed-literal":
                    value["type"] = "literal"
                elif value["type"] == "bnode":
                    label = value["value"].removeprefix("nodeID://").removeprefix("_:")
                    value["value"] = re.sub(r"\W", "_", label)
        return ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON)
    except (ValueError, KeyError, TypeError, AttributeError, SyntaxError):
        raise StoreError(f"{where} sent an answer that is not valid SPARQL JSON") from None
