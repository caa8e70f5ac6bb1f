"""The SHACL gate: pyshacl over one document's graph plus just the context its shapes need.

The cost follows the document, not the store: the data graph is the document's triples, the types
of the reference entities it points at, and the ontology with the vocabularies; only the document's
own nodes are focus nodes, so reference entities are looked at, never re-validated.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from kgdebate.namespaces import RDF, SH, curie
from kgdebate.ontology import shapes_graph, validation_context

SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True)
class Finding:
    """One SHACL result, in words: what, where, and which shape and constraint said so."""

    severity: str
    focus: str  # the focus node's IRI, in full
    path: str | None
    message: str
    shape: str
    constraint: str
    value: str | None = None
    path_iri: str | None = None


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def validate_graph(data: Graph, focus: Iterable[Node] | None = None) -> Report:
    """Validate ``data`` against the shapes, with the schema context beside it; ``data`` itself
    is left as it was (pyshacl works on a copy of both together)."""
    data = data + validation_context()
    focus_nodes: list[str | URIRef] | None = (
        None if focus is None else [node for node in focus if isinstance(node, URIRef)]
    )
    with warnings.catch_warnings():
        # pyshacl compares ill-typed literals (a violation it reports) through a deprecated path
        warnings.simplefilter("ignore", DeprecationWarning)
        report_graph = _run_pyshacl(data, focus_nodes)
    return _read_report(report_graph)


def _run_pyshacl(data: Graph, focus_nodes: list[str | URIRef] | None) -> Graph:
    # Imported here, not at the top: pyshacl costs a third of a second to import, and most
    # commands never validate (`query`, `export`, `extract` and its worker processes)
    from pyshacl import validate as shacl_validate

    _, report_graph, _ = shacl_validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=False,
        allow_warnings=True,
        inplace=True,
        focus_nodes=focus_nodes,
        do_owl_imports=False,
    )
    assert isinstance(report_graph, Graph)
    return report_graph


def _read_report(report: Graph) -> Report:
    findings = []
    # Only the report's own results: nested sh:detail results (from sh:node) repeat them.
    results = [
        r
        for node in report.subjects(RDF.type, SH.ValidationReport)
        for r in report.objects(node, SH.result)
    ]
    for result in results:

        def one(predicate: URIRef, node: Node = result) -> str | None:
            value = report.value(node, predicate)
            return None if value is None else shown(value)

        findings.append(
            Finding(
                severity=_severity(report.value(result, SH.resultSeverity)),
                focus=str(report.value(result, SH.focusNode) or ""),
                path=one(SH.resultPath),
                message=str(report.value(result, SH.resultMessage) or "no message"),
                shape=one(SH.sourceShape) or "",
                constraint=one(SH.sourceConstraintComponent) or "",
                value=one(SH.value),
                path_iri=_iri(report.value(result, SH.resultPath)),
            )
        )
    findings.sort(key=lambda f: (f.severity, f.focus, f.path or "", f.message))
    return Report(findings)


def _severity(node: Node | None) -> str:
    return SEVERITY.get(node, "violation") if isinstance(node, URIRef) else "violation"


def _iri(node: Node | None) -> str | None:
    return str(node) if isinstance(node, URIRef) else None


def shown(node: Node) -> str:
    """``kgd:side`` for a known namespace, the IRI itself otherwise (blank nodes as ``[]``)."""
    if isinstance(node, BNode):
        return "[]"
    return curie(str(node)) if isinstance(node, URIRef) else str(node)
