"""The store: Oxigraph on disk, behind the small interface a remote SPARQL store will implement.

One named graph per document, plus graphs for the ontology, the vocabularies, the reference data
and each document's provenance. Writes replace whole graphs in one SPARQL update, which Oxigraph
applies all-or-nothing: a reader never sees half a document. The default graph of a query is the
union of all graphs, as users of Fuseki and Oxigraph's server expect.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Protocol

import pyoxigraph as ox
from rdflib import Graph

from kgdebate.errors import InputError, StoreError
from kgdebate.namespaces import RDF
from kgdebate.sparql_values import bind_first

QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def term_text(term: Term | None) -> str:
    """A literal's lexical form or an IRI; empty for nothing (and for blank nodes)."""
    return term.value if isinstance(term, ox.Literal | ox.NamedNode) else ""


class TripleStore(Protocol):
    """What the rest of kgdebate needs from a store: the ingest pipeline and the build are typed
    against this, so a remote store (SPARQL 1.1 Protocol and Graph Store) can stand in."""

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple]]) -> None: ...

    def has_graph(self, name: str) -> bool: ...

    def triples(self, graph: str) -> Iterator[ox.Triple]: ...

    def graphs_naming(self, iri: str) -> set[str]: ...

    def objects(self, subject: str, predicate: str) -> list[tuple[Term, str]]: ...

    def subjects(self, predicate: str, obj: str | None, graph: str) -> set[str]: ...

    def types_of(self, iri: str) -> list[ox.NamedNode]: ...

    def query(
        self,
        sparql: str,
        substitutions: Mapping[str, Term] | None = None,
        graphs: Iterable[str] | None = None,
    ) -> QueryResult: ...

    def query_all(self, queries: Sequence[str]) -> list[QueryResult]:
        """The answers of independent queries, in order: a remote store sends them side by
        side, so a page's lookups cost one round trip rather than one each."""
        ...

    def graph_names(self) -> list[str]: ...

    def dump(self, output: IO[bytes], fmt: ox.RdfFormat, graph: str | None = None) -> None: ...

    def load(self, data: IO[bytes], fmt: ox.RdfFormat) -> None: ...

    def flush(self) -> None: ...

    def __len__(self) -> int: ...


def to_oxigraph(graph: Graph) -> list[ox.Triple]:
    """rdflib graph → Oxigraph triples, through strict N-Triples (bad IRIs and text fail here)."""
    try:
        data = graph.serialize(format="nt", encoding="utf-8")
        return [quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    except Exception as exc:  # noqa: BLE001 - rdflib raises a bare Exception for a bad IRI
        raise InputError(
            f"the document's RDF is not valid N-Triples: {type(exc).__name__}",
            hint="an IRI or a text has a character RDF does not allow",
        ) from None


def answers_dir(path: Path) -> Path:
    """Where answers computed from the store at ``path`` are kept (``kgdebate.answers``)."""
    return path.with_name(path.name + ".answers")


class OxigraphStore:
    """The embedded store, on disk (``path``) or in memory (``path=None``, for tests and tools).

    Files derived from an on-disk store's content (its answers folder) are deleted before every
    write: whatever exists of them was derived from the content as it is.
    """

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self._derived = None if path is None or read_only else answers_dir(path)
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {path}: {exc}",
                hint="only one kgdebate process may write to a store at a time",
            ) from None

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Triple]]) -> None:
        """Drop each named graph and insert its new triples, all in one atomic update."""
        operations: list[str] = []
        for name, triples in graphs.items():
            graph = ox.NamedNode(name)
            operations.append(f"DROP SILENT GRAPH {graph}")
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
            if body:
                operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        if operations:
            self._before_write()
            self._store.update(" ;\n".join(operations))

    def _before_write(self) -> None:
        if self._derived is not None:
            shutil.rmtree(self._derived, ignore_errors=True)

    def query(
        self,
        sparql: str,
        substitutions: Mapping[str, Term] | None = None,
        graphs: Iterable[str] | None = None,
    ) -> QueryResult:
        """Run ``sparql``; ``substitutions`` bind variables (``{"_iri": NamedNode(…)}``)."""
        if substitutions:
            sparql = bind_first(sparql, substitutions)
        if graphs is None:
            return self._store.query(sparql, use_default_graph_as_union=True)
        names: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
            ox.NamedNode(g) for g in graphs
        ]
        named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(g) for g in graphs]
        return self._store.query(sparql, default_graph=names, named_graphs=named)

    def query_all(self, queries: Sequence[str]) -> list[QueryResult]:
        """One after the other: in the process, a query costs no round trip."""
        return [self.query(sparql) for sparql in queries]

    def graph_names(self) -> list[str]:
        return sorted(
            node.value for node in self._store.named_graphs() if isinstance(node, ox.NamedNode)
        )

    def has_graph(self, name: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(name))

    def triples(self, graph: str) -> Iterator[ox.Triple]:
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            yield quad.triple

    def graphs_naming(self, iri: str) -> set[str]:
        """The named graphs in which ``iri`` is the subject or the object of a triple."""
        node = ox.NamedNode(iri)
        quads = itertools.chain(
            self._store.quads_for_pattern(node, None, None, None),
            self._store.quads_for_pattern(None, None, node, None),
        )
        return {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}

    def objects(self, subject: str, predicate: str) -> list[tuple[Term, str]]:
        """Each object of ``subject predicate ?o`` with the named graph that states it."""
        quads = self._store.quads_for_pattern(
            ox.NamedNode(subject), ox.NamedNode(predicate), None, None
        )
        return [
            (quad.object, quad.graph_name.value)
            for quad in quads
            if isinstance(quad.graph_name, ox.NamedNode)
        ]

    def subjects(self, predicate: str, obj: str | None, graph: str) -> set[str]:
        """The IRIs that are subjects of ``?s predicate obj`` (any object if None) in a graph."""
        quads = self._store.quads_for_pattern(
            None,
            ox.NamedNode(predicate),
            None if obj is None else ox.NamedNode(obj),
            ox.NamedNode(graph),
        )
        return {quad.subject.value for quad in quads if isinstance(quad.subject, ox.NamedNode)}

    def types_of(self, iri: str) -> list[ox.NamedNode]:
        """The rdf:type values of ``iri`` in any graph."""
        rdf_type = ox.NamedNode(str(RDF.type))
        found = {
            quad.object
            for quad in self._store.quads_for_pattern(ox.NamedNode(iri), rdf_type, None, None)
        }
        return sorted(
            (node for node in found if isinstance(node, ox.NamedNode)), key=lambda node: node.value
        )

    def dump(self, output: IO[bytes], fmt: ox.RdfFormat, graph: str | None = None) -> None:
        if graph is None:
            self._store.dump(output, format=fmt)
        else:
            self._store.dump(output, format=fmt, from_graph=ox.NamedNode(graph))

    def load(self, data: IO[bytes], fmt: ox.RdfFormat) -> None:
        """Load a dataset dump (N-Quads or TriG); all-or-nothing."""
        self._before_write()
        try:
            self._store.load(data, format=fmt)
        except SyntaxError as exc:
            raise InputError(f"not valid {fmt.name}: {exc}") from None

    def restore(self, data: IO[bytes], fmt: ox.RdfFormat) -> int:
        """Load a dataset dump into this store, which must be empty, at bulk-loading speed.

        The bulk loader is not transactional, so a dump that fails to parse part-way is undone
        by clearing the store (which was empty): all or nothing, as for every other write.
        """
        if len(self._store):
            raise StoreError("restore needs an empty store", hint="use a new --data-dir")
        self._before_write()
        try:
            self._store.bulk_load(data, format=fmt)
        except SyntaxError as exc:
            self._store.clear()
            raise InputError(f"not valid {fmt.name}: {exc}") from None
        return len(self._store)

    def __len__(self) -> int:
        return len(self._store)

    def backup(self, target: Path) -> None:
        """A consistent snapshot in ``target`` (a new folder) that can be opened read-only."""
        self._store.backup(str(target))

    @property
    def engine(self) -> ox.Store:
        """The pyoxigraph store beneath, for code that evaluates protocol jobs on it."""
        return self._store

    def flush(self) -> None:
        self._store.flush()
