"""The ingester: strict input, anchored quotes, the SHACL gate and atomic, repeatable writes."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgdebate.config import Settings
from kgdebate.errors import InputError, ShapeViolation, StoreError
from kgdebate.ingest.pipeline import ingest_files, prepare
from kgdebate.store import OxigraphStore

from conftest import BASE, SEED, SEED_ID, canonical_dump

MINIMAL = Path(__file__).parent / "data" / "minimal.yaml"


def graph_nquads(store: OxigraphStore, graph: str) -> list[str]:
    return sorted(f"{t.subject} {t.predicate} {t.object} ." for t in store.triples(graph))


def edited(tmp_path: Path, old: str, new: str, source: Path = MINIMAL) -> Path:
    """A copy of an annotation with one exact edit (the edit must apply exactly once)."""
    text = source.read_text("utf-8")
    assert text.count(old) == 1, f"edit {old!r} applies {text.count(old)} times"
    target = tmp_path / source.name
    target.write_text(text.replace(old, new), "utf-8")
    if source == MINIMAL:
        (tmp_path / "minimal.txt").write_bytes((MINIMAL.parent / "minimal.txt").read_bytes())
    return target


def test_seed_ingests_with_every_quote_verified(
    store: OxigraphStore, settings: Settings, seed_text: Path
) -> None:
    [outcome] = ingest_files([SEED], store, settings, text=seed_text)
    assert outcome.error is None, str(outcome.error)
    assert outcome.stored and outcome.triples > 1000
    provenance = f"{BASE}graph/provenance/{SEED_ID}"
    verified = store.query(
        f"ASK {{ GRAPH <{provenance}> {{ ?g <{BASE}def/kgdebate#textVerified> true }} }}"
    )
    assert bool(verified)


def test_seed_warns_citation_needed_for_each_unsourced_figure(
    store: OxigraphStore, settings: Settings
) -> None:
    [outcome] = ingest_files([SEED], store, settings)
    needed = [w for w in outcome.warnings if "citation needed" in w]
    assert len(needed) == 5, outcome.warnings  # the seed cites no source for any of its figures
    assert all(f"{SEED}:" in w for w in needed)


def test_reingest_gives_the_same_document_graph(store: OxigraphStore, settings: Settings) -> None:
    graph = f"{BASE}graph/document/{SEED_ID}"
    ingest_files([SEED], store, settings)
    first = graph_nquads(store, graph)
    ingest_files([SEED], store, settings)
    assert graph_nquads(store, graph) == first
    assert not any(line.startswith("_:") for line in first), "no blank nodes: IRIs are minted"


def test_text_hash_mismatch_is_an_error(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "sha256: bb60", "sha256: 0b60")
    with pytest.raises(InputError, match=r"minimal.yaml:11: document.sha256"):
        prepare(path, store, settings)


def test_moved_quote_is_an_error_not_reanchored(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "start: 17\n      end: 57", "start: 18\n      end: 58")
    with pytest.raises(InputError) as caught:
        prepare(path, store, settings)
    assert "claims[c1].quote" in str(caught.value)
    # Where the words are now, with both offsets and the context to write: nothing is guessed.
    where = 'at start 17, end 57, prefix "A short debate.\\n\\n", suffix " Talks'
    assert where in str(caught.value)


def test_wrong_suffix_is_an_error(tmp_path: Path, store: OxigraphStore, settings: Settings) -> None:
    path = edited(
        tmp_path,
        'suffix: " Talks cannot be trusted.\\n\\nTalks"',
        'suffix: " Talks can be trusted."',
    )
    with pytest.raises(InputError, match="suffix does not match"):
        prepare(path, store, settings)


def test_unknown_reference_names_line_and_slug(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "actors: [russia]", "actors: [rusia]")
    with pytest.raises(
        InputError,
        match=r"minimal.yaml:\d+: claims\[c1\].mentions.actors.0: no "
        r"actor 'rusia'",
    ):
        prepare(path, store, settings)


def test_schema_errors_name_line_and_field(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(
        tmp_path, "    kind: forecast\n    paragraph: 1", "    kind: prophecy\n    paragraph: 1"
    )
    with pytest.raises(InputError, match=r"minimal.yaml:\d+: claims\[c2\].kind: must be one of"):
        prepare(path, store, settings)


def test_coerced_scalar_in_text_field_is_refused(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, 'title: "A short debate"', "title: NO")
    assert prepare(path, store, settings)  # NO stays the string "NO" (YAML 1.2 core)
    path = edited(tmp_path, 'date: "2023-11-16"', "date: 1.10")
    with pytest.raises(InputError, match="document.date: must be text: put the value in quotes"):
        prepare(path, store, settings)


def test_shacl_violation_names_shape_and_line(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, "led_by: karen-donfried", "led_by: russia")
    before = canonical_dump(store)
    with pytest.raises(ShapeViolation) as caught:
        prepare(path, store, settings)
    message = str(caught.value)
    assert "minimal.yaml:15: debate.led_by" in message
    assert "kgdsh:Debate-ledBy" in message and "ClassConstraintComponent" in message
    assert canonical_dump(store) == before


def test_nfc_normalisation_of_text_fields(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    decomposed = unicodedata.normalize("NFD", "Négociations")
    path = edited(tmp_path, 'title: "Trust"', f'title: "{decomposed}"')
    [outcome] = ingest_files([path], store, settings)
    assert outcome.error is None, str(outcome.error)
    found = store.query(
        f"SELECT ?t WHERE {{ <{BASE}id/theme/test-minimal/trust> "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?t }"
    )
    assert isinstance(found, ox.QuerySolutions)
    assert [row[0].value for row in found] == ["Négociations"]  # type: ignore[union-attr]


def test_batch_is_per_document_with_explicit_report(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    """security.md 3a-2: ten documents, the seventh breaks SHACL: six+three stored, one refused."""
    source = MINIMAL.read_text("utf-8")
    paths = []
    for number in range(10):
        text = source.replace("id: test-minimal", f"id: test-batch-{number}")
        if number == 6:
            text = text.replace("led_by: karen-donfried", "led_by: russia")
        path = tmp_path / f"doc-{number}.yaml"
        path.write_text(text, "utf-8")
        paths.append(path)
    (tmp_path / "minimal.txt").write_bytes((MINIMAL.parent / "minimal.txt").read_bytes())
    outcomes = ingest_files(paths, store, settings)
    assert [o.stored for o in outcomes] == [True] * 6 + [False] + [True] * 3
    assert isinstance(outcomes[6].error, ShapeViolation)
    graphs = store.graph_names()
    assert f"{BASE}graph/document/test-batch-6" not in graphs
    assert f"{BASE}graph/document/test-batch-9" in graphs


def test_nothing_is_written_when_any_check_fails(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    ingest_files([MINIMAL], store, settings)
    before = canonical_dump(store)
    bad = edited(tmp_path, "led_by: karen-donfried", "led_by: russia")
    [outcome] = ingest_files([bad], store, settings)
    assert not outcome.stored
    assert canonical_dump(store) == before  # the old version of the same document is intact


def test_ingest_needs_reference_data(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "empty")
    with pytest.raises(StoreError, match="run `kgdebate build` first"):
        prepare(MINIMAL, OxigraphStore(settings.data_dir), dataclasses.replace(settings))


def test_a_statistic_cannot_both_give_a_source_and_say_none_is_given(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(
        tmp_path,
        "    population: ukrainians\n",
        "    population: ukrainians\n    source_given: false\n    source: unhcr-2023\n",
    )
    [outcome] = ingest_files([path], store, settings)
    assert isinstance(outcome.error, InputError) and "statistics[test-figure]" in str(outcome.error)
    assert "not together with `source:`" in str(outcome.error)


def test_a_background_sentence_of_a_debate_is_for_neither_side_and_needs_no_theme(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    """Issue 11, 3: `side: none` keeps a framing sentence; a debate claim still needs a side."""
    path = edited(
        tmp_path,
        "    side: for\n    theme: trust\n    kind: forecast\n",
        "    side: none\n    kind: forecast\n",
    )
    [outcome] = ingest_files([path], store, settings)
    assert outcome.stored, outcome.error
    sides = store.query(
        "SELECT ?side WHERE { GRAPH ?g { ?c <https://w3id.org/kgdebate/def/kgdebate#side> ?side ;"
        ' <http://www.w3.org/2000/01/rdf-schema#label> "Negotiations can work."@en } }'
    )
    assert [str(row["side"].value) for row in sides] == [
        "https://w3id.org/kgdebate/vocab/neither-side"
    ]
    sideless = edited(
        tmp_path, "    side: for\n    theme: trust\n    kind: forecast\n", "    kind: forecast\n"
    )
    [refused] = ingest_files([sideless], store, settings)
    assert not refused.stored and "side: none" in str(refused.error)


def test_a_date_known_only_approximately_or_as_a_bound_says_so(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    """Issue 11, 7: "on or before 13 Nov", "approximately" are stored with the date."""
    path = edited(
        tmp_path, '  date: "2023-11-16"\n', '  date: "2023-11"\n  date_qualifier: on-or-before\n'
    )
    text = path.read_text("utf-8").replace(
        "    paragraph: 2\n    supports: [c4]\n",
        "    paragraph: 2\n    supports: [c4]\n"
        "    as_of: '2022'\n    date_qualifier: approximately\n",
    )
    path.write_text(text, "utf-8")
    [outcome] = ingest_files([path], store, settings)
    assert outcome.stored, outcome.error
    rows = store.query(
        "PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#> "
        "SELECT ?label ?q WHERE { GRAPH ?g { ?x kgd:dateQualifier ?q . "
        "OPTIONAL { ?x <http://www.w3.org/2000/01/rdf-schema#label> ?label } } }"
    )
    found = sorted((str(r["label"].value) if r["label"] else "", r["q"].value) for r in rows)
    vocab = "https://w3id.org/kgdebate/vocab/"
    assert ("The Istanbul talks came close to an agreement.", vocab + "approximately") in found
    # Claims dated by the document hold as its date does: on or before.
    assert ("Negotiations can work.", vocab + "on-or-before") in found
    wrong = edited(
        tmp_path, '  date: "2023-11-16"\n', '  date: "2023-11-16"\n  date_qualifier: soon\n'
    )
    [refused] = ingest_files([wrong], store, settings)
    assert not refused.stored and "date_qualifier" in str(refused.error)


def test_a_figure_given_as_a_bound_is_stored_as_one(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    """ "less than 10 percent" is at most 10, not about 10: `value_qualifier` is stored as
    kgd:valueQualifier, a concept of the value qualifiers, and no other word is taken."""
    path = edited(
        tmp_path, "    unit: percent\n", "    unit: percent\n    value_qualifier: at-most\n"
    )
    [outcome] = ingest_files([path], store, settings)
    assert outcome.stored, outcome.error
    found = store.query(
        "SELECT ?q WHERE { GRAPH ?g { ?s <https://w3id.org/kgdebate/def/kgdebate#valueQualifier>"
        " ?q } }"
    )
    assert [str(row["q"].value) for row in found] == ["https://w3id.org/kgdebate/vocab/at-most"]
    wrong = edited(
        tmp_path, "    unit: percent\n", "    unit: percent\n    value_qualifier: below\n"
    )
    [refused] = ingest_files([wrong], store, settings)
    assert not refused.stored and "value_qualifier" in str(refused.error)
