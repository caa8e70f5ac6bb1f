"""The ingest pipeline of design.md §2, one annotation file at a time.

read → strict YAML → JSON Schema and references → quotes against the text → RDF in a scratch
graph → what it shares with stored documents → SHACL gate → one atomic write of the document
graph, its provenance and the shared graphs it (re)defines. Any failure before the write leaves
the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kgdebate import __version__
from kgdebate.config import Settings
from kgdebate.errors import (
    InputError,
    KgdebateError,
    ShapeViolation,
    StoreError,
    UnresolvedReference,
)
from kgdebate.files import read_plain_file
from kgdebate.ingest.emit import FIELDS, REFERENCE_DATA_KINDS, Emitted, emit
from kgdebate.ingest.shared import SharedWrites, plan_shared
from kgdebate.ingest.structure import check_structure
from kgdebate.ingest.text import check_quotes, find_text, read_text
from kgdebate.ingest.yamlstrict import Loaded, load_strict
from kgdebate.invisible import found_in, mark, name
from kgdebate.mint import Minter
from kgdebate.namespaces import KGD, PROV, RDF, RDFS, SH, XSD, new_graph
from kgdebate.store import TripleStore, to_oxigraph
from kgdebate.validate import Finding, Report, validate_graph

log = logging.getLogger(__name__)


@dataclass
class Prepared:
    """A document that passed every check up to (and including) SHACL, ready to store."""

    filename: str
    loaded: Loaded
    emitted: Emitted
    shared: SharedWrites
    report: Report
    annotation_sha256: str
    text_verified: bool
    warnings: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """What happened to one file: stored (with warnings) or refused (with errors)."""

    file: str
    stored: bool
    document: str | None = None
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    error: KgdebateError | None = None


def prepare(
    path: Path, store: TripleStore, settings: Settings, text: Path | None = None
) -> Prepared:
    """Every check of an annotation; raises :class:`InputError` or :class:`ShapeViolation`."""
    return prepare_text(
        _read_annotation(path, settings.max_annotation_bytes), path, store, settings, text
    )


def prepare_text(
    raw: str, path: Path, store: TripleStore, settings: Settings, text: Path | None = None
) -> Prepared:
    """:func:`prepare` of an annotation's content ``raw``, as if read from ``path``."""
    filename = str(path)
    loaded = load_strict(raw, filename, settings.max_yaml_nodes)
    if not isinstance(loaded.data, dict):
        raise InputError(f"{filename}:1: an annotation is a mapping with a `document:` key")
    check_structure(loaded, filename)
    if "draft" in loaded.data:
        _refuse_draft_over_curation(loaded.data["document"]["id"], store, settings, filename)
    warnings = [
        f"{filename}:{loaded.line(where)}: {loaded.field(where)}: holds {name(char)}, a "
        "character that changes how text looks without being seen; stored as written, "
        f"pages show it as {mark(char)}"
        for where, char in found_in(loaded.data)
    ]
    text_path = find_text(text, path, loaded.data, settings.texts_dir)
    if text_path is not None:
        check_quotes(read_text(text_path, settings.max_text_bytes), loaded, filename)
    elif "text" in loaded.data["document"]:
        warnings.append(
            f"{filename}: text {loaded.data['document']['text']!r} not found next to "
            f"the annotation or in {settings.texts_dir}; quotes were not verified"
        )
    minter = Minter(settings.base_iri)
    emitted = emit(loaded.data, minter)
    data_graph = _with_context(emitted, store, minter, loaded, filename)
    shared = plan_shared(emitted, store, minter, loaded, filename)
    warnings += shared.warnings
    report = validate_graph(data_graph, focus=emitted.origins)
    located = [_locate(finding, emitted, loaded, filename) for finding in report.findings]
    warnings += [
        line
        for line, finding in zip(located, report.findings, strict=True)
        if finding.severity != "violation"
    ]
    if not report.conforms:
        problems = [
            line
            for line, finding in zip(located, report.findings, strict=True)
            if finding.severity == "violation"
        ]
        raise ShapeViolation(
            f"{filename}: {len(problems)} SHACL violation(s); nothing was stored:\n  "
            + "\n  ".join(problems),
            hint="each line names the YAML line, the field and the shape that refused it",
        )
    return Prepared(
        filename,
        loaded,
        emitted,
        shared,
        report,
        hashlib.sha256(raw.encode()).hexdigest(),
        text_path is not None,
        warnings,
    )


def store_prepared(prepared: Prepared, store: TripleStore, settings: Settings) -> int:
    """Replace the document graph, its provenance and its shared graphs in one atomic update."""
    minter = Minter(settings.base_iri)
    slug = prepared.loaded.data["document"]["id"]
    document = to_oxigraph(prepared.emitted.graph)
    provenance = to_oxigraph(_provenance(prepared, minter, slug))
    store.replace_graphs(
        {
            str(minter.document_graph(slug)): document,
            str(minter.provenance_graph(slug)): provenance,
            **prepared.shared.graphs,
        }
    )
    return len(document) + sum(len(triples) for triples in prepared.shared.graphs.values())


def ingest_files(
    paths: Iterable[Path],
    store: TripleStore,
    settings: Settings,
    text: Path | None = None,
    dry_run: bool = False,
) -> list[Outcome]:
    """Ingest each file on its own: a refused file never stops, or half-stores, another.

    A file that names a statistic, statement, source or claim defined by a later file of the
    same batch is tried again after the others, until a round stores nothing new.
    """
    files: list[Path] = []
    outcomes: list[Outcome] = []
    for path in paths:  # lazily: ``paths`` may be a progress bar
        files.append(path)
        outcomes.append(_ingest_one(path, store, settings, text, dry_run))
    while not dry_run:
        waiting = [i for i, o in enumerate(outcomes) if isinstance(o.error, UnresolvedReference)]
        for index in waiting:
            outcomes[index] = _ingest_one(files[index], store, settings, text, dry_run)
        if not any(outcomes[index].stored for index in waiting):
            break
    return outcomes


def _ingest_one(
    path: Path, store: TripleStore, settings: Settings, text: Path | None, dry_run: bool
) -> Outcome:
    try:
        prepared = prepare(path, store, settings, text)
        count = (
            len(prepared.emitted.data_graph())
            if dry_run
            else store_prepared(prepared, store, settings)
        )
        return Outcome(
            str(path), not dry_run, str(prepared.emitted.document), count, prepared.warnings
        )
    except KgdebateError as exc:
        return Outcome(str(path), False, error=exc)


def _read_annotation(path: Path, max_bytes: int) -> str:
    raw = read_plain_file(path, max_bytes, "annotation")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 (bad byte at offset {exc.start})",
            hint="save the annotation as UTF-8",
        ) from None


def _refuse_draft_over_curation(
    slug: str, store: TripleStore, settings: Settings, filename: str
) -> None:
    """A draft never replaces a curated document of the same id (``kgdebate extract`` drafts)."""
    types = {
        t.value for t in store.types_of(str(Minter(settings.base_iri).thing("document", slug)))
    }
    if str(KGD.SourceDocument) in types and str(KGD.DraftDocument) not in types:
        raise InputError(
            f"{filename}: document {slug!r} is stored as a curated annotation; "
            "a draft would replace it",
            hint="give the draft another `id:`, or finish curating it (delete `draft:`) first",
        )


def _with_context(
    emitted: Emitted, store: TripleStore, minter: Minter, loaded: Loaded, filename: str
) -> Graph:
    """The document, the shared things it defines, and the types of what it names outside.

    What it names outside must exist: reference entities in the reference data; statistics,
    statements, sources, documents and claims of other documents in the store.
    """
    if not store.has_graph(str(minter.graph("reference"))):
        raise StoreError("the store has no reference data", hint="run `kgdebate build` first")
    data = emitted.data_graph()
    missing = []
    for iri, (kind, path) in sorted(emitted.references.items()):
        types = store.types_of(str(iri))
        if not types:
            where = (
                "the reference data" if kind in REFERENCE_DATA_KINDS else "this file or the store"
            )
            name = str(iri).removeprefix(str(minter.thing(kind)))
            missing.append(
                f"{filename}:{loaded.line(path)}: {loaded.field(path)}: "
                f"no {kind} {name!r} in {where}"
            )
        for rdf_type in types:
            data.add((iri, RDF.type, URIRef(rdf_type.value)))
    if missing:
        raise UnresolvedReference(
            f"{filename}: {len(missing)} unknown reference(s):\n  " + "\n  ".join(missing),
            hint="check the slug's spelling; add a missing actor, event or place to "
            "data/reference/; define a statistic, statement or source in this file, or ingest "
            "the document that defines it (or the claim) first",
        )
    return data


def _locate(finding: Finding, emitted: Emitted, loaded: Loaded, filename: str) -> str:
    """``file:line: field: [severity] message (shape, constraint)`` for one SHACL result."""
    origin = emitted.origins.get(URIRef(finding.focus))
    where = filename
    if origin is not None:
        key = FIELDS.get(URIRef(finding.path_iri)) if finding.path_iri else None
        path = (*origin, key) if key and (*origin, key) in loaded.lines else origin
        where = f"{filename}:{loaded.line(path)}: {loaded.field(path)}"
    field_name = f" {finding.path}" if finding.path else ""
    return (
        f"{where}:{field_name} [{finding.severity}] {finding.message} "
        f"({finding.shape}, {finding.constraint})"
    )


def _provenance(prepared: Prepared, minter: Minter, slug: str) -> Graph:
    """Who made the document graph, from what, when, and the warnings it was stored with."""
    graph = new_graph()
    named = minter.document_graph(slug)
    activity = minter.thing("ingest", slug)
    software = minter.thing("software", "kgdebate")
    now = Literal(datetime.now(UTC).isoformat(timespec="seconds"), datatype=XSD.dateTime)
    graph.add((named, RDF.type, PROV.Entity))
    graph.add((named, PROV.wasDerivedFrom, prepared.emitted.document))
    graph.add((named, PROV.wasGeneratedBy, activity))
    graph.add((named, KGD.annotationFile, Literal(Path(prepared.filename).name)))
    graph.add((named, KGD.annotationSha256, Literal(prepared.annotation_sha256)))
    graph.add((named, KGD.textVerified, Literal(prepared.text_verified)))
    for shared in prepared.shared.defined:  # which document defined what, for the next ingest
        graph.add((shared, RDF.type, PROV.Entity))
        graph.add((shared, PROV.wasDerivedFrom, prepared.emitted.document))
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, Literal(f"kgdebate ingest of {slug}", lang="en")))
    graph.add((activity, PROV.endedAtTime, now))
    graph.add((activity, PROV.wasAssociatedWith, software))
    graph.add((activity, KGD.toolVersion, Literal(__version__)))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal("kgdebate", lang="en")))
    report = URIRef(f"{activity}#report")
    graph.add((activity, PROV.generated, report))
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(prepared.report.conforms)))
    for number, finding in enumerate(prepared.report.warnings, start=1):
        result = URIRef(f"{activity}#warning-{number}")
        graph.add((report, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.resultSeverity, SH.Warning))
        graph.add((result, SH.resultMessage, Literal(finding.message)))
        graph.add((result, SH.focusNode, URIRef(finding.focus)))
        if finding.path_iri:
            graph.add((result, SH.resultPath, URIRef(finding.path_iri)))
    return graph
