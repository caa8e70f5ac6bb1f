"""The ontology, vocabularies and SHACL shapes: parsing, coverage, valid and invalid cases, QC.

Valid cases are the example graphs in ``ontology/examples/``; invalid cases are the files in
``tests/shapes/invalid/``, each validated together with all the examples. An invalid file starts
with comment lines naming the result it must produce::

    # expect-shape: kgdsh:ClaimShape
    # expect-constraint: sh:MinCountConstraintComponent
    # expect-path: kgd:side            (optional)
    # expect-severity: sh:Warning      (optional; default sh:Violation)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS
from rdflib.query import ResultRow
from rdflib.term import Node

ROOT = Path(__file__).parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kgdebate.ttl"
VOCABULARIES_FILE = ONTOLOGY_DIR / "vocabularies.ttl"
SHAPES_FILES = sorted((ONTOLOGY_DIR / "shapes").glob("*.ttl"))
EXAMPLE_FILES = sorted((ONTOLOGY_DIR / "examples").glob("*.ttl"))
INVALID_FILES = sorted((ROOT / "tests" / "shapes" / "invalid").glob("*.ttl"))
QC_FILES = sorted((ONTOLOGY_DIR / "qc").glob("*.rq"))

KGD = Namespace("https://w3id.org/kgdebate/def/kgdebate#")
KGDSH = Namespace("https://w3id.org/kgdebate/def/shapes#")

OA = Namespace("http://www.w3.org/ns/oa#")

# Prefixes the expect-* headers of invalid cases may use.
CURIE_PREFIXES: dict[str, str] = {
    "kgd": str(KGD),
    "kgdsh": str(KGDSH),
    "sh": str(SH),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
    "schema": "http://schema.org/",
    "oa": str(OA),
    "org": "http://www.w3.org/ns/org#",
}
EXPECT_LINE = re.compile(r"^#\s*expect-(shape|constraint|path|severity):\s*(\S+)\s*$")


def parse_turtle(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


def curie(value: str) -> URIRef:
    prefix, _, local = value.partition(":")
    if prefix not in CURIE_PREFIXES or not local:
        raise ValueError(f"unknown CURIE {value!r}; known prefixes: {sorted(CURIE_PREFIXES)}")
    return URIRef(CURIE_PREFIXES[prefix] + local)


@dataclass(frozen=True)
class Expectation:
    shape: URIRef
    constraint: URIRef
    severity: URIRef
    path: URIRef | None


def read_expectation(path: Path) -> Expectation:
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = EXPECT_LINE.match(line)
        if match:
            found[match.group(1)] = match.group(2)
    assert "shape" in found and "constraint" in found, (
        f"{path.name} must start with '# expect-shape:' and '# expect-constraint:' lines"
    )
    return Expectation(
        shape=curie(found["shape"]),
        constraint=curie(found["constraint"]),
        severity=curie(found.get("severity", "sh:Violation")),
        path=curie(found["path"]) if "path" in found else None,
    )


@dataclass(frozen=True)
class Report:
    conforms: bool
    graph: Graph

    def results(self) -> list[Node]:
        """Top-level results (nested sh:detail results of sh:node are left out)."""
        report = self.graph.value(predicate=RDF.type, object=SH.ValidationReport)
        return list(self.graph.objects(report, SH.result))

    def value(self, result: Node, predicate: URIRef) -> Node | None:
        return self.graph.value(result, predicate)


class Shacl:
    """The shapes graph and ontology graph, parsed once per test module."""

    def __init__(self) -> None:
        self.ontology = parse_turtle(ONTOLOGY_FILE)
        self.vocabularies = parse_turtle(VOCABULARIES_FILE)
        self.shapes = parse_turtle(*SHAPES_FILES)
        self.ont_graph = self.ontology + self.vocabularies

    def validate(self, data: Graph) -> Report:
        conforms, report_graph, _ = validate(
            data,
            shacl_graph=self.shapes,
            ont_graph=self.ont_graph,
            inference="none",
            allow_warnings=True,
        )
        assert isinstance(report_graph, Graph)
        return Report(conforms=bool(conforms), graph=report_graph)

    def owner(self, source_shape: Node | None) -> Node | None:
        """The node shape a result's source shape belongs to (itself, or its sh:property parent)."""
        if source_shape is None:
            return None
        parent = self.shapes.value(predicate=SH.property, object=source_shape)
        return parent if parent is not None else source_shape


@pytest.fixture(scope="module")
def shacl() -> Shacl:
    return Shacl()


@pytest.fixture(scope="module")
def examples() -> Graph:
    return parse_turtle(*EXAMPLE_FILES)


@pytest.fixture(scope="module")
def examples_report(shacl: Shacl, examples: Graph) -> Report:
    return shacl.validate(examples)


def describe(report: Report) -> str:
    lines = []
    for result in report.results():
        fields = (SH.focusNode, SH.resultPath, SH.sourceShape, SH.sourceConstraintComponent)
        lines.append(" | ".join(str(report.value(result, f)) for f in fields))
        lines.append(f"    {report.value(result, SH.resultMessage)}")
    return "\n".join(lines) or "(no results)"


def kgd_classes(ontology: Graph) -> list[URIRef]:
    return sorted(
        c
        for c in ontology.subjects(RDF.type, OWL.Class)
        if isinstance(c, URIRef) and c.startswith(str(KGD))
    )


def select(graph: Graph, query: str) -> list[tuple[Node, ...]]:
    return [tuple(row) for row in graph.query(query) if isinstance(row, ResultRow)]


def kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


# (a) parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [ONTOLOGY_FILE, VOCABULARIES_FILE, *SHAPES_FILES], ids=lambda p: p.name
)
def test_file_parses(path: Path) -> None:
    assert len(parse_turtle(path)) > 0


def test_ontology_header(shacl: Shacl) -> None:
    ontology = URIRef("https://w3id.org/kgdebate/def/kgdebate")
    assert (ontology, RDF.type, OWL.Ontology) in shacl.ontology
    version_iri = shacl.ontology.value(ontology, OWL.versionIRI)
    version_info = shacl.ontology.value(ontology, OWL.versionInfo)
    assert version_iri == URIRef(f"{ontology}/{version_info}")


# (b) coverage --------------------------------------------------------------------------------


def test_every_class_has_a_shape_named_after_it(shacl: Shacl) -> None:
    classes = kgd_classes(shacl.ontology)
    assert len(classes) >= 28
    missing = [
        c
        for c in classes
        if (KGDSH[f"{c.removeprefix(str(KGD))}Shape"], SH.targetClass, c) not in shacl.shapes
    ]
    assert not missing, f"classes without a kgdsh:<Class>Shape targeting them: {missing}"


def test_every_targeted_class_is_declared(shacl: Shacl) -> None:
    declared = set(shacl.ontology.subjects(RDF.type, OWL.Class))
    undeclared = [
        c
        for c in shacl.shapes.objects(None, SH.targetClass)
        if c not in declared and c not in (OA.TextQuoteSelector, OA.TextPositionSelector)
    ]
    assert not undeclared


def test_every_class_has_an_example_file(shacl: Shacl) -> None:
    names = {p.stem for p in EXAMPLE_FILES}
    missing = [
        c for c in kgd_classes(shacl.ontology) if kebab(c.removeprefix(str(KGD))) not in names
    ]
    assert not missing, f"classes without ontology/examples/<class>.ttl: {missing}"


def test_every_targeted_shape_has_an_invalid_case() -> None:
    tripped = {read_expectation(p).shape for p in INVALID_FILES}
    shapes = parse_turtle(*SHAPES_FILES)
    targeted = set(shapes.subjects(SH.targetClass, None))
    assert not targeted - tripped, (
        f"shapes without an invalid case: {sorted(map(str, targeted - tripped))}"
    )


# (c) and (d) valid cases ---------------------------------------------------------------------


def test_examples_conform_without_any_result(examples_report: Report) -> None:
    assert examples_report.conforms, describe(examples_report)
    assert not examples_report.results(), describe(examples_report)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_file(path: Path, shacl: Shacl, examples_report: Report) -> None:
    example = parse_turtle(path)
    subjects = set(example.subjects())
    # The file shows an instance of the class it is named after (abstract kgd:Actor: a subclass) ...
    local = "".join(part.capitalize() for part in path.stem.split("-"))
    cls = KGD[local]
    assert (cls, RDF.type, OWL.Class) in shacl.ontology, f"{path.name}: no class kgd:{local}"
    kinds = set(shacl.ontology.transitive_subjects(RDFS.subClassOf, cls))
    instances = [s for s, t in example.subject_objects(RDF.type) if t in kinds]
    assert instances, f"{path.name} has no instance of kgd:{local} or of a subclass"
    # ... and, validated together with the other examples, none of its nodes has a result.
    focus = {examples_report.value(r, SH.focusNode) for r in examples_report.results()}
    assert not subjects & focus, describe(examples_report)


# (e) invalid cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.stem)
def test_invalid_case(path: Path, shacl: Shacl, examples: Graph) -> None:
    expected = read_expectation(path)
    assert (expected.shape, RDF.type, SH.NodeShape) in shacl.shapes, f"no shape {expected.shape}"
    data = Graph()
    data += examples
    data.parse(path, format="turtle")
    report = shacl.validate(data)

    matches = [
        r
        for r in report.results()
        if shacl.owner(report.value(r, SH.sourceShape)) == expected.shape
        and report.value(r, SH.sourceConstraintComponent) == expected.constraint
        and report.value(r, SH.resultSeverity) == expected.severity
        and (expected.path is None or report.value(r, SH.resultPath) == expected.path)
    ]
    assert matches, f"{path.name}: expected result not reported; got:\n{describe(report)}"
    owners = {shacl.owner(report.value(r, SH.sourceShape)) for r in report.results()}
    assert owners == {expected.shape}, f"{path.name} trips other shapes too:\n{describe(report)}"
    if expected.severity == SH.Violation:
        assert not report.conforms
    for result in matches:
        message = report.value(result, SH.resultMessage)
        assert isinstance(message, Literal) and message.datatype is None, message
        assert message.language in (None, "en"), message
        assert str(message).strip(), f"{path.name}: empty sh:resultMessage"
        own_messages = set(shacl.shapes.objects(report.value(result, SH.sourceShape), SH.message))
        assert message in own_messages, f"{path.name}: message is not the shape's own: {message}"


@pytest.mark.parametrize(
    ("shape", "opening"),
    [
        ("Statistic-source-present", "citation needed:"),
        ("Claim-quote-present", "claim has no quote anchor"),
    ],
)
def test_required_warning_wording(shape: str, opening: str, shacl: Shacl) -> None:
    assert (KGDSH[shape], SH.severity, SH.Warning) in shacl.shapes
    messages = [str(m) for m in shacl.shapes.objects(KGDSH[shape], SH.message)]
    assert messages and all(m.startswith(opening) for m in messages)


# QC queries ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def qc_graph(shacl: Shacl) -> Graph:
    return shacl.ontology + shacl.vocabularies + shacl.shapes


@pytest.mark.parametrize("query", QC_FILES, ids=lambda p: p.stem)
def test_qc_query_finds_no_violation(query: Path, qc_graph: Graph) -> None:
    rows = select(qc_graph, query.read_text(encoding="utf-8"))
    assert not rows, f"{query.name}: " + "; ".join(" ".join(map(str, row)) for row in rows)


@pytest.mark.parametrize(
    "name",
    [
        "term-without-label-violation",
        "term-without-definition-violation",
        "term-without-isdefinedby-violation",
        "class-without-shape-violation",
    ],
)
def test_qc_query_catches_a_bare_class(name: str, qc_graph: Graph) -> None:
    graph = Graph()
    graph += qc_graph
    graph.add((KGD.Bare, RDF.type, OWL.Class))
    query = (ONTOLOGY_DIR / "qc" / f"{name}.rq").read_text(encoding="utf-8")
    assert [row for row in select(graph, query) if KGD.Bare in row]
