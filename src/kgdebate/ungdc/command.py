"""``kgdebate import ungdc``: the corpus → reference data and annotations → the ingest gate.

Nothing reaches the store but through the files: the import writes the reference data it needs
(``reference/ungdc.ttl``) and one annotation per speech, then stores them the way ``build`` and
``ingest`` do, so every speech passes the strict loader, the schema, the quote check and SHACL.
A second run over the same corpus writes and stores the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.errors import InputError
from kgdebate.ingest.pipeline import Outcome, ingest_files
from kgdebate.mint import Minter
from kgdebate.namespaces import DEFAULT_BASE, new_graph
from kgdebate.stance.classify import read_speech
from kgdebate.store import TripleStore
from kgdebate.ungdc.actors import cast
from kgdebate.ungdc.annotate import render, speech_annotation, write_annotation
from kgdebate.ungdc.corpus import Skipped, Speaker, read_speakers, speech_files

REFERENCE_FILE = "ungdc.ttl"
ANNOTATIONS = "ungdc"
REFERENCE_HEADER = """\
# kgdebate reference data written by `kgdebate import ungdc`: the states, organisations, speakers,
# posts and UN memberships that the UN General Debate Corpus needs and the curated files lack.
# Do not edit: a new import rewrites this file. To curate an entity (a Wikidata QID, a better
# label), move it to actors.ttl; the import then uses that one and stops writing it here.

"""


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # curated since the last import
    skipped: list[Skipped] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)


def import_ungdc(
    corpus: Path,
    speakers_sheet: Path | None,
    data_dir: Path,
    store: TripleStore | None,
    settings: Settings,
) -> ImportReport:
    """Write the files; store them too when ``store`` is given."""
    report = ImportReport()
    speeches, report.skipped = speech_files(corpus, settings.max_text_bytes)
    if not speeches:
        raise InputError(
            f"{corpus}: no readable speech (<CODE>_<session>_<year>.txt) here",
            hint="pass the corpus folder, such as ../shared/corpus/ungdc",
        )
    speakers: dict[tuple[int, str], Speaker] = {}
    if speakers_sheet is not None:
        speakers, unread = read_speakers(speakers_sheet, {s.session for s in speeches})
        report.skipped += unread
        files = {(s.session, s.code) for s in speeches}
        report.skipped += [
            Skipped(
                f"{speakers_sheet}: session {session}, {code}", "a speaker row with no speech file"
            )
            for session, code in sorted(set(speakers) - files)
        ]
    reference_dir = data_dir / "reference"
    minter = Minter(DEFAULT_BASE)
    voices = cast(speeches, speakers, _curated(reference_dir), minter)
    report.skipped += voices.skipped
    _write_reference(reference_dir / REFERENCE_FILE, voices.graph)
    paths = []
    for speech in speeches:
        voice = voices.voices.get((speech.session, speech.code))
        if voice is None:
            continue
        path = (
            data_dir / "annotations" / ANNOTATIONS / str(speech.year) / f"{speech.path.stem}.yaml"
        )
        data = speech_annotation(speech, voice, read_speech(speech.source.text))
        status = write_annotation(path, render(data))
        getattr(report, status).append(path)
        paths.append(path)
    if store is not None:
        settings = replace(settings, reference_dir=reference_dir, texts_dir=corpus)
        load_trusted(store, settings)
        report.outcomes = ingest_files(paths, store, settings)
    return report


def _curated(reference_dir: Path) -> Graph:
    graph = new_graph()
    for path in sorted(reference_dir.glob("*.ttl")):
        if path.name != REFERENCE_FILE:
            graph.parse(data=path.read_bytes(), format="turtle", publicID=DEFAULT_BASE)
    return graph


def _write_reference(path: Path, graph: Graph) -> None:
    for prefix in ("actor", "position", "membership"):
        graph.bind(prefix, f"{DEFAULT_BASE}id/{prefix}/")
    content = REFERENCE_HEADER + graph.serialize(format="turtle")
    if path.exists() and path.read_text("utf-8") == content:
        return
    temporary = path.with_suffix(".ttl.tmp")
    temporary.write_text(content, "utf-8")
    temporary.replace(path)
