"""`kgdebate import ungdc` on a small corpus written for these tests: what is imported, what is
skipped and why, that nothing half-imported is stored, and that a second run changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kgdebate.config import Settings
from kgdebate.errors import InputError
from kgdebate.fingerprint import is_untouched
from kgdebate.namespaces import KGD
from kgdebate.store import OxigraphStore
from kgdebate.ungdc.annotate import FINGERPRINT
from kgdebate.ungdc.command import import_ungdc
from kgdebate.ungdc.corpus import SPEAKER_COLUMNS
from ungdc_sample import ROWS, write_corpus, write_sheet

from conftest import DATA, canonical_dump


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "ungdc")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA / "reference", target / "reference")
    return target


def run(corpus: Path, data: Path, store: OxigraphStore | None, settings: Settings):  # noqa: ANN201
    return import_ungdc(corpus, corpus / "speakers.xlsx", data, store, settings)


def test_each_speech_is_a_stored_document_with_its_speaker_state_and_stances(
    corpus: Path, data: Path, store: OxigraphStore, settings: Settings
) -> None:
    report = run(corpus, data, store, settings)
    assert [o.error for o in report.outcomes] == [None] * 4
    assert all("quotes were not verified" not in w for o in report.outcomes for w in o.warnings)
    rows = store.query(
        """PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?doc ?state ?speaker ?label WHERE {
          ?doc a kgd:Speech ; kgd:onBehalfOf ?state ; dcterms:creator ?speaker .
          OPTIONAL { ?s kgd:inDocument ?doc ; kgd:stanceLabel/skos:notation ?label }
        }"""
    )
    found = {
        (r["doc"].value.rsplit("/", 1)[1], r["label"].value if r["label"] else None) for r in rows
    }
    assert ("ungdc-77-nor", "condemns-russia") in found
    assert ("ungdc-77-nor", "withdrawal-or-territorial-integrity") in found
    assert ("ungdc-77-bra", "calls-for-talks") in found
    assert ("ungdc-77-fji", None) in found  # silent: a speech with no stance
    assert ("ungdc-77-rus", "blames-west-or-sanctions") in found


def test_known_speakers_are_the_reference_nodes_and_new_ones_are_minted_without_qid(
    corpus: Path, data: Path, settings: Settings
) -> None:
    run(corpus, data, None, settings)
    written = (data / "reference" / "ungdc.ttl").read_text("utf-8")
    assert 'actor:sergey-lavrov skos:altLabel "Sergei Lavrov"@en' in written
    assert "actor:sergei-lavrov" not in written  # the same person, not a second node
    assert "actor:jonas-gahr-store a kgd:Person" in written
    assert "wikidataId" not in written and "owl:sameAs" not in written
    assert 'kgd:iso3166Alpha2 "NO"' in written
    assert "membership:norway-united-nations" in written


def test_what_cannot_be_imported_is_named_and_the_rest_is_stored_whole(
    corpus: Path, data: Path, store: OxigraphStore, settings: Settings, tmp_path: Path
) -> None:
    clean = tmp_path / "clean-store"
    store.backup(clean)
    good = run(corpus, data, OxigraphStore(clean), settings)
    assert len(good.outcomes) == 4

    year = corpus / "2022"
    (year / "ARG_77_2022.txt").write_bytes("Se\xf1or Presidente".encode("latin-1"))
    (year / "AUT_77_2022.txt").write_text("", "utf-8")
    (year / "XXX_77_2022.txt").write_text("We condemn the invasion of Ukraine.", "utf-8")
    (year / "notes.txt").write_text("a file that is not a speech", "utf-8")
    with (year / "BEL_77_2022.txt").open("wb") as big:
        big.truncate(50 * 2**20)  # 50 MB
    report = run(corpus, data, store, settings)

    why = {Path(s.where).name: s.why for s in report.skipped if "row" not in s.where}
    assert "not UTF-8" in why["ARG_77_2022.txt"]
    assert why["AUT_77_2022.txt"] == "the file is empty"
    assert "unknown country code 'XXX'" in why["XXX_77_2022.txt"]
    assert "<CODE>_<session>_<year>.txt" in why["notes.txt"]
    assert "BEL_77_2022.txt" in why and "bytes" in why["BEL_77_2022.txt"]
    rows = [s for s in report.skipped if "speakers.xlsx" in s.where]
    assert [s.why for s in rows] == ["a speaker row with no speech file"]
    assert "ZZZ" in rows[0].where
    assert [o.error for o in report.outcomes] == [None] * 4
    assert without_times(canonical_dump(store)) == without_times(
        canonical_dump(OxigraphStore(clean))
    )


def test_a_second_run_changes_nothing_and_a_curated_file_is_kept(
    corpus: Path, data: Path, store: OxigraphStore, settings: Settings
) -> None:
    first = run(corpus, data, store, settings)
    assert len(first.written) == 4
    before = without_times(canonical_dump(store))
    files = {p: p.read_bytes() for p in (data / "annotations").rglob("*.yaml")}
    reference = (data / "reference" / "ungdc.ttl").read_bytes()

    again = run(corpus, data, store, settings)
    assert (len(again.written), len(again.unchanged), again.kept) == (0, 4, [])
    assert {p: p.read_bytes() for p in files} == files
    assert (data / "reference" / "ungdc.ttl").read_bytes() == reference
    assert without_times(canonical_dump(store)) == before

    curated = data / "annotations" / "ungdc" / "2022" / "BRA_77_2022.yaml"
    content = curated.read_text("utf-8")
    assert is_untouched(content, FINGERPRINT)
    confirmed = content.replace("  extracted:\n    by:", "  x_extracted:\n    by:", 1)
    confirmed = "\n".join(
        line for line in confirmed.splitlines() if not line.startswith("# kgdebate import")
    )
    curated.write_text(_drop_block(confirmed, "  x_extracted:"), "utf-8")
    third = run(corpus, data, store, settings)
    assert third.kept == [curated]
    claims = yaml.safe_load(curated.read_text("utf-8"))["claims"]
    assert "extracted" not in claims[0]  # the curator's confirmation, kept
    confirmed_claim = "https://w3id.org/kgdebate/id/claim/ungdc-77-bra/s01"
    assert store.objects(confirmed_claim, str(KGD.extractedBy)) == []
    assert store.objects(confirmed_claim, str(KGD.stanceLabel)) != []


def test_a_speaker_sheet_without_the_columns_is_refused_naming_the_sheet(
    corpus: Path, data: Path, settings: Settings, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "bad.xlsx", ROWS, ("Year", "Session", "Country", "Post"))
    with pytest.raises(
        InputError,
        match=r"bad\.xlsx: no sheet has the speaker columns "
        r"\(sheet 'Sheet1' lacks ISO Code, Name of Person Speaking; sheet 'Sheet2'",
    ):
        import_ungdc(corpus, sheet, data, None, settings)


def test_a_bad_row_is_skipped_with_its_row_number(
    corpus: Path, data: Path, settings: Settings, tmp_path: Path
) -> None:
    rows = [*ROWS[:4], ("2022", "seventy-seven", "NOR", "Norway", "X", "Y")]
    sheet = write_sheet(tmp_path / "rows.xlsx", rows, SPEAKER_COLUMNS)
    report = import_ungdc(corpus, sheet, data, None, settings)
    assert [(s.where.rsplit(": ", 1)[1], s.why) for s in report.skipped] == [
        ("sheet 'Sheet1' row 6", "Session 'seventy-seven' is not a number")
    ]


def test_the_command_reports_and_exits_0(corpus: Path, data: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    kgdebate(["--data-dir", store, "build", str(data)])
    result = kgdebate(
        [
            "--data-dir",
            store,
            "import",
            "ungdc",
            str(corpus),
            "--speakers",
            str(corpus / "speakers.xlsx"),
            "--data",
            str(data),
        ]
    )
    assert "4 annotation(s) written, 0 unchanged, 0 kept, 1 skipped" in result.stderr
    assert "4 stored, 0 warning(s), 0 refused" in result.stderr
    header, *lines = kgdebate(["--data-dir", store, "stances", "-f", "csv"]).stdout.splitlines()
    assert header == (
        "iso3,actor,speaker,year,document,stance,overall,quote,start,end,confidence,curated"
    )
    assert any(
        line.startswith(
            "BRA,Brazil,Jair Messias Bolsonaro,2022,ungdc-77-bra,calls-for-talks,for-talks-now,"
        )
        for line in lines
    )
    assert any(line.startswith("FJI,Fiji,") and ",silent," in line for line in lines)


def kgdebate(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, as a user runs it (each opens the store itself)."""
    result = subprocess.run(
        [sys.executable, "-m", "kgdebate", *arguments], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result


def without_times(dump: bytes) -> bytes:
    """The dump without the ingest times that provenance records, and without the ontology's
    graph, which each import reloads with new blank nodes for its OWL class expressions."""
    return b"\n".join(
        line
        for line in dump.splitlines()
        if b"endedAtTime" not in line and not line.endswith(b"/graph/ontology> .")
    )


def _drop_block(text: str, key: str) -> str:
    """``text`` without the first YAML block that starts at the line ``key`` (and its body)."""
    lines = text.splitlines()
    start = lines.index(key)
    end = start + 1
    while end < len(lines) and lines[end].startswith(" " * (len(key) - len(key.lstrip()) + 2)):
        end += 1
    return "\n".join(lines[:start] + lines[end:]) + "\n"
