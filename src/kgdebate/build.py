"""Build a store from a data folder: ontology, vocabularies, reference data, then annotations."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kgdebate.codes import derived_codes, unknown_alpha2, unknown_cameo_event_codes
from kgdebate.config import Settings
from kgdebate.errors import InputError, ShapeViolation
from kgdebate.ingest.pipeline import Outcome, ingest_files
from kgdebate.mint import Minter
from kgdebate.namespaces import DEFAULT_BASE, new_graph
from kgdebate.ontology import named_graph, with_superclass_types
from kgdebate.store import TripleStore, to_oxigraph
from kgdebate.validate import validate_graph

log = logging.getLogger(__name__)


@dataclass
class BuildSummary:
    reference_triples: int
    outcomes: list[Outcome]


def read_reference(folder: Path, base_iri: str) -> Graph:
    """Parse every ``*.ttl`` in ``folder`` (with a fixed base, never the file system's)."""
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError(
            f"{folder}: no reference data (*.ttl) here",
            hint="set reference_dir, or run from the project folder",
        )
    graph = new_graph()
    for path in files:
        part = new_graph()
        try:
            part.parse(data=path.read_bytes(), format="turtle", publicID=DEFAULT_BASE)
        except Exception as exc:  # noqa: BLE001 - rdflib's parser raises many kinds of error
            raise InputError(f"{path}: not valid Turtle ({type(exc).__name__})") from None
        check_cameo_event_codes(path, part)
        graph += part
    unknown = unknown_alpha2(graph)
    if unknown:
        raise InputError(f"{folder}: unknown ISO 3166 alpha-2 code(s): {', '.join(unknown)}")
    for triple in list(derived_codes(graph)):
        graph.add(triple)
    return rebase(graph, DEFAULT_BASE, base_iri)


def check_cameo_event_codes(path: Path, part: Graph) -> None:
    """Every CAMEO event code in one reference file must be in the CAMEO codebook."""
    unknown = unknown_cameo_event_codes(part)
    if unknown:
        listed = ", ".join(f'<{event}> kgd:cameoEventCode "{code}"' for event, code in unknown)
        raise InputError(
            f"{path}: CAMEO event code(s) that the CAMEO codebook does not know: {listed}",
            hint="take the code from the CAMEO event codebook (two to four digits, leading zeros "
            'kept, such as "046"), or remove kgd:cameoEventCode from the event',
        )


def rebase(graph: Graph, old: str, new: str) -> Graph:
    """The same graph with IRIs under ``old`` moved under ``new`` (for a non-default base)."""
    if old == new:
        return graph

    def move(term: object) -> object:
        if isinstance(term, URIRef) and str(term).startswith(old + "id/"):
            return URIRef(new + str(term)[len(old) :])
        return term

    moved = new_graph()
    for s, p, o in graph:
        moved.add((move(s), p, move(o)))  # type: ignore[arg-type]
    return moved


def load_trusted(store: TripleStore, settings: Settings) -> int:
    """Replace the ontology, vocabulary and reference graphs; the reference data must conform."""
    minter = Minter(settings.base_iri)
    reference = read_reference(settings.reference_dir, settings.base_iri)
    to_oxigraph(reference)  # strict IRIs and text before anything else
    check = new_graph()
    check += reference
    report = validate_graph(check)
    if not report.conforms:
        lines = [f"{v.focus} {v.path or ''}: {v.message} ({v.shape})" for v in report.violations]
        raise ShapeViolation(
            f"{settings.reference_dir}: the reference data breaks "
            f"{len(lines)} shape constraint(s):\n  " + "\n  ".join(lines)
        )
    graphs = {
        str(minter.graph(name)): to_oxigraph(named_graph(name))
        for name in ("ontology", "vocabularies")
    }
    for warning in report.warnings:
        log.warning("reference data: %s: %s", warning.focus, warning.message)
    graphs[str(minter.graph("reference"))] = to_oxigraph(with_superclass_types(reference))
    store.replace_graphs(graphs)
    return len(reference)


def build(data_dir: Path, store: TripleStore, settings: Settings) -> BuildSummary:
    """Load the trusted graphs, then ingest every ``annotations/*.yaml`` of ``data_dir``."""
    reference_triples = load_trusted(store, settings)
    annotations = sorted((data_dir / "annotations").rglob("*.yaml"))
    log.info("ingesting %d annotation file(s) from %s", len(annotations), data_dir)
    return BuildSummary(reference_triples, ingest_files(annotations, store, settings))
