"""The UN General Debate corpus as `make run` builds it: every speech stored with its quotes
verified, the committed annotations exactly what the import writes, and the stance table over
the corpus and the seed debate together. Needs the corpus beside the repository
(../shared/corpus/ungdc), as CI has it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kgdebate.queries import named_queries, run_named
from kgdebate.store import OxigraphStore, term_text
from kgdebate.ungdc.command import import_ungdc

from conftest import CORPUS, FULL_DATA, make_settings

pytestmark = pytest.mark.slow
UNGDC = CORPUS / "ungdc"
SPEECHES = sorted(UNGDC.rglob("*_*_*.txt")) if UNGDC.is_dir() else []


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not SPEECHES:
        pytest.skip("no UN General Debate corpus in ../shared/corpus/ungdc beside the repository")
    return UNGDC


def stance_rows(store: OxigraphStore, **parameters: str) -> list[dict[str, str]]:
    result = run_named(store, named_queries()["stances"], parameters)
    return [{v.value: term_text(row[v.value]) for v in result.variables} for row in result]


def test_every_speech_is_stored_with_its_quotes_verified(
    corpus: Path, corpus_built: OxigraphStore
) -> None:
    rows = corpus_built.query(
        """PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#>
        SELECT ?graph ?verified WHERE { ?graph kgd:textVerified ?verified }"""
    )
    verified = {term_text(r["graph"]): term_text(r["verified"]) for r in rows}
    speeches = {g: v for g, v in verified.items() if "/ungdc-" in g}
    assert len(speeches) == len(SPEECHES) == 345
    assert set(speeches.values()) == {"true"}


def test_the_committed_annotations_are_what_the_import_writes(corpus: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FULL_DATA / "reference", data / "reference")
    shutil.copytree(FULL_DATA / "annotations" / "ungdc", data / "annotations" / "ungdc")
    report = import_ungdc(
        corpus, corpus / "Speakers_by_session.xlsx", data, None, make_settings(tmp_path)
    )
    assert (len(report.written), len(report.kept)) == (0, 0), report.written[:3]
    assert len(report.unchanged) == 345
    assert (data / "reference" / "ungdc.ttl").read_bytes() == (
        FULL_DATA / "reference" / "ungdc.ttl"
    ).read_bytes()
    skipped = {s.why for s in report.skipped}
    assert skipped == {"a speaker row with no speech file"}  # the 40 speeches kept aside


def test_the_stance_table_holds_the_corpus_and_the_seed_debate(
    corpus: Path, corpus_built: OxigraphStore
) -> None:
    rows = stance_rows(corpus_built)
    seed = {
        (r["actor"], r["stance"], r["overall"]) for r in rows if r["document"].startswith("belfer")
    }
    assert seed == {
        ("Team for the motion", "for", "for-talks-now"),
        ("Team against the motion", "against", "against"),
    }
    by_document = {r["document"] for r in rows if r["document"].startswith("ungdc-")}
    assert len(by_document) == 345  # silent speeches too, one row each
    years = {r["year"] for r in rows}
    assert years == {"2022", "2023"}
    assert {r["overall"] for r in rows} <= {
        "silent",
        "pro-russia",
        "both",
        "for-talks-now",
        "against",
        "effects-only",
    }
    assert stance_rows(corpus_built, year="2023") == [r for r in rows if r["year"] == "2023"]


def test_silent_is_never_a_speech_that_names_ukraine(
    corpus: Path, corpus_built: OxigraphStore
) -> None:
    texts = {path.stem.lower(): path.read_text("utf-8") for path in SPEECHES}
    silent = [r["document"] for r in stance_rows(corpus_built) if r["overall"] == "silent"]
    assert silent
    for document in silent:
        code, session = document.split("-")[2], document.split("-")[1]
        year = "2022" if session == "77" else "2023"
        text = texts[f"{code}_{session}_{year}"]
        assert not re.search(r"ukrain", text, re.IGNORECASE), document


def test_every_quote_is_the_text_at_its_offsets(corpus: Path, corpus_built: OxigraphStore) -> None:
    texts = {path.name: path.read_text("utf-8") for path in SPEECHES}
    checked = 0
    for row in stance_rows(corpus_built):
        if not row["document"].startswith("ungdc-") or not row["stance"]:
            continue
        _, session, code = row["document"].split("-")
        name = f"{code.upper()}_{session}_{2022 if session == '77' else 2023}.txt"
        assert texts[name][int(row["start"]) : int(row["end"])] == row["quote"]
        checked += 1
    assert checked > 300
