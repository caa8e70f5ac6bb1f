"""CAMEO event codes: chosen by curators, checked against the codebook gdelt-py ships, named."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from py_gdelt.lookups.cameo import CAMEOCodes
from rdflib import Graph, Literal, URIRef

from kgdebate.build import load_trusted, read_reference
from kgdebate.config import Settings
from kgdebate.errors import InputError, ShapeViolation
from kgdebate.namespaces import KGD
from kgdebate.store import OxigraphStore

from conftest import BASE, DATA, canonical_dump

CODEBOOK = CAMEOCodes()
EVENTS = DATA / "reference" / "events.ttl"


def curated_codes() -> dict[URIRef, str]:
    """Every event's CAMEO event code as the curators typed it in events.ttl."""
    graph = Graph().parse(data=EVENTS.read_bytes(), format="turtle")
    return {
        subject: str(code)
        for subject, code in graph.subject_objects(KGD.cameoEventCode)
        if isinstance(subject, URIRef)
    }


def unknown_code() -> str:
    """A code of the right shape (three digits) that the codebook does not have."""
    return next(code for code in (f"{n:03d}" for n in range(1000)) if code not in CODEBOOK)


def reference_with(tmp_path: Path, *changes: tuple[URIRef, URIRef, Literal]) -> Path:
    """A copy of the reference data whose events.ttl has each (event, property) set to a value."""
    folder = tmp_path / "reference"
    shutil.copytree(DATA / "reference", folder)
    events = Graph().parse(data=EVENTS.read_bytes(), format="turtle")
    for triple in changes:
        events.set(triple)
    (folder / EVENTS.name).write_text(events.serialize(format="turtle"), "utf-8")
    return folder


def test_curators_chose_codes_that_the_codebook_knows() -> None:
    codes = curated_codes()
    assert codes, "events.ttl carries no CAMEO event code"
    assert all(code in CODEBOOK for code in codes.values())


def test_the_build_stores_the_codebook_name_beside_each_code() -> None:
    reference = read_reference(DATA / "reference", BASE)
    for event, code in curated_codes().items():
        names = list(reference.objects(event, KGD.cameoEventName))
        assert names == [Literal(CODEBOOK[code].name, lang="en")], event
    assert set(reference.subjects(KGD.cameoEventName, None)) == set(curated_codes())


def test_an_unknown_code_is_refused_and_the_store_kept(
    tmp_path: Path, settings: Settings, store: OxigraphStore
) -> None:
    event = sorted(curated_codes())[0]
    bad = unknown_code()
    folder = reference_with(tmp_path, (event, KGD.cameoEventCode, Literal(bad)))
    before = canonical_dump(store)
    with pytest.raises(InputError) as caught:
        load_trusted(store, dataclasses.replace(settings, reference_dir=folder))
    message = str(caught.value)
    assert f'<{event}> kgd:cameoEventCode "{bad}"' in message
    assert message.startswith(str(tmp_path / "reference" / EVENTS.name)) and "hint:" in message
    assert canonical_dump(store) == before


def test_a_typed_name_that_differs_from_the_codebook_is_refused(
    tmp_path: Path, settings: Settings, store: OxigraphStore
) -> None:
    event = sorted(curated_codes())[0]
    typed = Literal("Something else", lang="en")
    folder = reference_with(tmp_path, (event, KGD.cameoEventName, typed))
    before = canonical_dump(store)
    with pytest.raises(ShapeViolation) as caught:
        load_trusted(store, dataclasses.replace(settings, reference_dir=folder))
    assert "CAMEO event name" in str(caught.value)
    assert canonical_dump(store) == before
