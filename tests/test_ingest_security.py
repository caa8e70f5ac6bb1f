"""security.md 3a, the rows that apply to annotation files, texts and reference data.

Each hostile input gets a clear error naming the file (and line or field where there is one),
and the store stays byte-for-byte the same (a canonical N-Quads dump before and after).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.errors import InputError, KgdebateError, ShapeViolation, StoreError
from kgdebate.ingest.pipeline import ingest_files
from kgdebate.store import OxigraphStore

from conftest import BASE, DATA, canonical_dump
from test_ingest import MINIMAL, edited


def refused_unchanged(
    path: Path, store: OxigraphStore, settings: Settings, error: type[KgdebateError] = InputError
) -> str:
    before = canonical_dump(store)
    [outcome] = ingest_files([path], store, settings)
    assert isinstance(outcome.error, error), outcome.error
    assert canonical_dump(store) == before
    return str(outcome.error)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("url: https://example.org/a-short-debate", "url: javascript:alert(1)", "document.url"),
        ("url: https://example.org/a-short-debate", "url: file:///etc/passwd", "document.url"),
        ("url: https://example.org/a-short-debate", 'url: "https://ex.org/a b"', "document.url"),
        ('title: "A short debate"', 'title: "a\\0b"', "control characters"),
        ('title: "A short debate"', "title: !!python/object/apply:os.system ['true']", "tags"),
        ('title: "A short debate"', 'title: "A short debate"\n  title: "twice"', "duplicate key"),
        ("value: 50", "value: .nan", "statistics[test-figure].value"),
        ("value: 50", "value: " + "9" * 5000, "number too long"),
        ('date: "2023-11-16"', 'date: "2023-13-45"', "document.date"),
        ("language: en", "language: en-", "document.language"),
    ],
)
def test_hostile_annotation_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings, old: str, new: str, words: str
) -> None:
    message = refused_unchanged(edited(tmp_path, old, new), store, settings)
    assert "minimal.yaml" in message and words in message


def test_markup_in_text_is_stored_verbatim(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    """3a-16: <script> is data; escaping is the renderer's job (tested with the web app)."""
    hostile = '<script>alert(1)</script>"><img onerror=x>\u202e'
    path = edited(tmp_path, 'title: "Trust"', f"title: '{hostile}'")
    [outcome] = ingest_files([path], store, settings)
    assert outcome.error is None, str(outcome.error)
    assert bool(store.query(f'ASK {{ ?t ?p "{hostile}"@en }}'.replace('"><', '\\"><')))


def test_oversized_annotation_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "# A small", "#" + " " * 2000 + "\n# A small")
    small = dataclasses.replace(settings, max_annotation_bytes=1000)
    assert "over 1000 bytes" in refused_unchanged(path, store, small)


@pytest.mark.parametrize("content", ["/etc/passwd", "http://127.0.0.1:9/annotation.yaml"])
def test_a_location_is_not_followed(
    tmp_path: Path, store: OxigraphStore, settings: Settings, content: str
) -> None:
    """3a-24: a path or URL as the *content* is read as YAML text, never opened or fetched."""
    path = tmp_path / "location.yaml"
    path.write_text(content, "utf-8")
    message = refused_unchanged(path, store, settings)
    assert "root:" not in message and "an annotation is a mapping" in message


def test_non_utf8_annotation_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.read_text("utf-8").replace("A short", "Débat").encode("latin-1"))
    assert "not UTF-8" in refused_unchanged(path, store, settings)


def test_utf16_text_is_refused_not_guessed(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "text: minimal.txt", "text: minimal.txt")
    text = (MINIMAL.parent / "minimal.txt").read_text("utf-8")
    (tmp_path / "minimal.txt").write_bytes(text.encode("utf-16-le"))
    assert "not UTF-8" in refused_unchanged(path, store, settings)


def test_bom_is_accepted_in_annotations(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "# A small", "# A small")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    [outcome] = ingest_files([path], store, settings)
    assert outcome.error is None, str(outcome.error)


def test_second_writer_gets_a_clear_error(settings: Settings, store: OxigraphStore) -> None:
    """3a-21: one writer at a time; the second is told, not corrupted."""
    with pytest.raises(StoreError, match="only one kgdebate process may write"):
        OxigraphStore(settings.data_dir)


def reference_copy(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "reference"
    shutil.copytree(DATA / "reference", folder)
    (folder / "zz-extra.ttl").write_text(extra, "utf-8")
    return folder


PREFIXES = (
    "@prefix kgd: <https://w3id.org/kgdebate/def/kgdebate#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
)


@pytest.mark.parametrize(
    ("extra", "error", "words"),
    [
        # 3a-1: valid Turtle whose last line is broken: nothing of it is stored
        (
            PREFIXES
            + '<https://w3id.org/kgdebate/id/place/x> a kgd:Place ;\n rdfs:label "x"@en .\n'
            "<https://w3id.org/kgdebate/id/place/y> a kgd:Place ; rdfs:label",
            InputError,
            "Turtle",
        ),
        # 3a-13: an IRI with a space
        (
            PREFIXES
            + '<https://w3id.org/kgdebate/id/place/a b> a kgd:Place ; rdfs:label "x"@en .\n',
            InputError,
            "not valid N-Triples",
        ),
        # 3a-18: an ill-typed literal is a SHACL violation
        (
            PREFIXES + "<https://w3id.org/kgdebate/id/event/russo-ukrainian-war> "
            'kgd:endDate "2024-13-45"^^xsd:date .\n',
            ShapeViolation,
            "endDate",
        ),
    ],
)
def test_bad_reference_data_is_refused_whole(
    tmp_path: Path,
    settings: Settings,
    store: OxigraphStore,
    extra: str,
    error: type[KgdebateError],
    words: str,
) -> None:
    before = canonical_dump(store)
    bad = dataclasses.replace(settings, reference_dir=reference_copy(tmp_path, extra))
    with pytest.raises(error) as caught:
        load_trusted(store, bad)
    assert words in str(caught.value)
    assert canonical_dump(store) == before


def test_data_cannot_add_shapes_or_axioms(
    tmp_path: Path, settings: Settings, store: OxigraphStore
) -> None:
    """3a-19: a shape or an axiom in data stays data; shapes load only from the package."""
    poison = (
        PREFIXES + "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://w3id.org/kgdebate/id/place/poison> a sh:NodeShape ; "
        "sh:targetClass kgd:Claim ; sh:property [ sh:path kgd:side ; sh:maxCount 0 ] .\n"
        "kgd:Claim rdfs:subClassOf owl:Nothing .\n"
        "<https://w3id.org/kgdebate/id/place/x> owl:imports <http://127.0.0.1:9/x.ttl> .\n"
    )
    poisoned = dataclasses.replace(settings, reference_dir=reference_copy(tmp_path, poison))
    load_trusted(store, poisoned)
    [outcome] = ingest_files([MINIMAL], store, poisoned)
    assert outcome.error is None, str(outcome.error)  # the data's shape forbids any side
    kept_as_data = (
        f"ASK {{ GRAPH <{BASE}graph/reference> {{ ?s a <http://www.w3.org/ns/shacl#NodeShape> }} }}"
    )
    assert bool(store.query(kept_as_data))


def test_relative_iris_resolve_against_a_fixed_base(
    tmp_path: Path, settings: Settings, store: OxigraphStore
) -> None:
    """3a-14: never against the file system (no file: IRIs leak a path)."""
    extra = (
        PREFIXES + '<id/place/relative-test> a kgd:Place ; rdfs:label "r"@en ; '
        '<http://www.w3.org/2004/02/skos/core#prefLabel> "r"@en .\n'
    )
    good = dataclasses.replace(settings, reference_dir=reference_copy(tmp_path, extra))
    load_trusted(store, good)
    dump = canonical_dump(store).decode()
    assert "<https://w3id.org/kgdebate/id/place/relative-test>" in dump
    assert "file:" not in dump


# --- files that are links, paths or pipes (issue 10, 6) -----------------------------------------

SECRET = "a secret of 37 bytes nobody may read\n"


def _secret(tmp_path: Path) -> Path:
    secret = tmp_path.parent / f"{tmp_path.name}-elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, "utf-8")
    return secret


def _reveals_nothing(message: str, secret: Path) -> None:
    # The test's own folders are named in the message (pytest-378/...): only what follows counts.
    message = message.replace(str(secret.parents[1]), "<tmp>")
    for leak in (
        str(secret),
        secret.parent.name,
        "37",
        hashlib.sha256(SECRET.encode()).hexdigest(),
    ):
        assert leak not in message, leak


def test_a_text_that_is_a_link_is_refused_saying_nothing_of_its_target(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(
        tmp_path, "text: minimal.txt", "text: minimal.txt"
    )  # an unchanged copy, with its text beside it
    secret = _secret(tmp_path)
    (tmp_path / "minimal.txt").unlink()
    (tmp_path / "minimal.txt").symlink_to(secret)
    message = refused_unchanged(path, store, settings)
    assert "minimal.txt" in message and "symbolic link" in message
    _reveals_nothing(message, secret)


def test_an_annotation_that_is_a_link_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    real = edited(tmp_path, "text: minimal.txt", "text: minimal.txt")
    link = tmp_path / "linked.yaml"
    link.symlink_to(real)
    assert "symbolic link" in refused_unchanged(link, store, settings)


@pytest.mark.parametrize("name", ["../secret.txt", "/etc/passwd", "sub/minimal.txt", ".."])
def test_a_text_named_by_a_path_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings, name: str
) -> None:
    path = edited(tmp_path, "text: minimal.txt", f'text: "{name}"')
    secret = _secret(tmp_path)
    message = refused_unchanged(path, store, settings)
    assert "document.text" in message
    _reveals_nothing(message, secret)


def test_a_named_pipe_as_text_is_refused_without_waiting(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "text: minimal.txt", "text: minimal.txt")
    (tmp_path / "minimal.txt").unlink()
    os.mkfifo(tmp_path / "minimal.txt")  # a reader would wait for a writer that never comes
    assert "not a regular file" in refused_unchanged(path, store, settings)
