"""Cross-document identity: what recurs across documents is one node, or explicitly linked.

Two small documents (``tests/data/identity/``, each with its text and verified quotes) share the
seed's poll figure and the Istanbul talks, and the second restates a claim of the first. Their
expectations come from the annotation files themselves, read here as plain YAML.
"""

from __future__ import annotations

import collections
import dataclasses
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.errors import InputError, UnresolvedReference
from kgdebate.ingest.pipeline import Outcome, ingest_files
from kgdebate.store import OxigraphStore

from conftest import BASE, SEED, SEED_ID, canonical_dump, snapshot_app

IDENTITY = Path(__file__).parent / "data" / "identity"
ONE, TWO = IDENTITY / "identity-one.yaml", IDENTITY / "identity-two.yaml"
KGD = f"{BASE}def/kgdebate#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
STAT_ID = "ukrainians-support-fighting-84"
STAT = f"{BASE}id/statistic/{STAT_ID}"
STAT_GRAPH = f"{BASE}graph/statistic/{STAT_ID}"


def annotation(path: Path) -> dict:  # type: ignore[type-arg]
    data: dict = yaml.safe_load(path.read_text("utf-8"))  # type: ignore[type-arg]
    return data


def doc_id(path: Path) -> str:
    return str(annotation(path)["document"]["id"])


def doc_graph(path: Path) -> str:
    return f"{BASE}graph/document/{doc_id(path)}"


def stored(store: OxigraphStore, settings: Settings, *paths: Path) -> list[Outcome]:
    outcomes = ingest_files(list(paths), store, settings)
    assert all(o.stored for o in outcomes), [str(o.error) for o in outcomes]
    return outcomes


def rows(store: OxigraphStore, sparql: str) -> list[tuple[str, ...]]:
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    return [tuple(term.value for term in row) for row in result]  # type: ignore[union-attr]


def quads_about(store: OxigraphStore, iri: str) -> list[tuple[str, str, str]]:
    """(graph, predicate, object) of every quad whose subject is ``iri``, in any named graph."""
    found = rows(store, f"SELECT ?g ?p ?o WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}")
    return [(g, p, o) for g, p, o in found]


def definers(store: OxigraphStore, graph: str) -> set[str]:
    query = f"SELECT ?d WHERE {{ GRAPH ?p {{ <{graph}> <{PROV_DERIVED}> ?d }} }}"
    return {d for (d,) in rows(store, query)}


def without_provenance(store: OxigraphStore) -> list[bytes]:
    """The dataset minus provenance graphs (which hold the time of each ingest)."""
    return [q for q in canonical_dump(store).splitlines() if b"/graph/provenance/" not in q]


def expected_facts(definition: dict) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    """The (predicate, value) pairs a statistic definition must give, from its YAML."""
    value = definition["value"]
    facts = {
        (f"{KGD}value", str(int(value)) if float(value).is_integer() else str(value)),
        (f"{KGD}valueText", definition["value_text"]),
        (f"{KGD}unit", f"{BASE}vocab/{definition['unit']}"),
        (f"{KGD}approximate", str(definition["approximate"]).lower()),
        (f"{KGD}measures", definition["measures"]),
        (f"{KGD}population", f"{BASE}id/actor/{definition['population']}"),
        (
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            f"{KGD}Poll" if definition["poll"] else f"{KGD}Statistic",
        ),
    }
    if definition["poll"]:  # a poll is a statistic too: the store says so (ontology.py)
        facts.add(("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"{KGD}Statistic"))
    return facts


def seed_statistic() -> dict:  # type: ignore[type-arg]
    return next(s for s in annotation(SEED)["statistics"] if s["id"] == STAT_ID)


def assert_one_collection(store: OxigraphStore) -> None:
    """The statistic once, cited from both documents; the event once; the restatement linked."""
    facts = quads_about(store, STAT)
    wanted = expected_facts(seed_statistic())
    per_graph = collections.Counter(g for g, _, _ in facts)
    assert per_graph == {STAT_GRAPH: len(wanted) + 1}, "once, in its own graph (+label)"
    assert {(p, o) for _, p, o in facts if not p.endswith("#label")} == wanted

    citing = rows(
        store,
        f"SELECT ?g ?claim WHERE {{ GRAPH ?g {{ ?c <{KGD}citedEntity> <{STAT}> ; "
        f"<{KGD}citingClaim> ?claim }} }}",
    )
    expected = {
        (doc_graph(path), f"{BASE}id/claim/{doc_id(path)}/{claim['id']}")
        for path in (ONE, TWO)
        for claim in annotation(path)["claims"]
        if any(c.get("statistic") == STAT_ID for c in claim.get("cites", []))
    }
    assert len(expected) == 2 and set(citing) == expected, "two citations, one per document"

    event = f"{BASE}id/event/istanbul-talks-2022"
    assert {g for g, _, _ in quads_about(store, event)} == {f"{BASE}graph/reference"}
    cited_in = rows(store, f"SELECT ?g WHERE {{ GRAPH ?g {{ ?c <{KGD}citedEntity> <{event}> }} }}")
    assert {g for (g,) in cited_in} == {doc_graph(ONE), doc_graph(TWO)}

    [later] = [c for c in annotation(TWO)["claims"] if "restates" in c]
    [earlier] = later["restates"]
    link = (
        f"ASK {{ GRAPH <{doc_graph(TWO)}> {{ <{BASE}id/claim/{doc_id(TWO)}/{later['id']}> "
        f"<{KGD}restates> <{BASE}id/claim/{earlier}> }} }}"
    )
    assert bool(store.query(link))
    assert definers(store, STAT_GRAPH) == {f"{BASE}id/document/{doc_id(ONE)}"}


def copied(tmp_path: Path, source: Path, text: str) -> Path:
    """``text`` as an annotation named like ``source``, with the fixture's text beside it."""
    target = tmp_path / source.name
    target.write_text(text, "utf-8")
    text_name = source.with_suffix(".txt").name
    (tmp_path / text_name).write_bytes((IDENTITY / text_name).read_bytes())
    return target


def edited(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    """A copy of a fixture with one exact edit."""
    text = source.read_text("utf-8")
    assert text.count(old) == 1, f"edit {old!r} applies {text.count(old)} times"
    return copied(tmp_path, source, text.replace(old, new))


def refused(store: OxigraphStore, settings: Settings, path: Path) -> str:
    before = canonical_dump(store)
    [outcome] = ingest_files([path], store, settings)
    assert isinstance(outcome.error, InputError), outcome.error
    assert canonical_dump(store) == before, "a refused file changes nothing"
    return str(outcome.error)


def line_of(path: Path, text: str) -> int:
    [number] = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line]
    return number


def test_two_documents_hold_the_shared_figure_and_event_once(
    store: OxigraphStore, settings: Settings
) -> None:
    outcomes = stored(store, settings, ONE, TWO)
    assert all("quotes were not verified" not in w for o in outcomes for w in o.warnings)
    assert_one_collection(store)
    for again in (ONE, TWO, ONE):
        before = without_provenance(store)
        stored(store, settings, again)
        assert without_provenance(store) == before, f"re-ingesting {again.name} changed the data"
        assert_one_collection(store)


def test_an_identical_definition_in_another_file_is_the_same_figure(
    store: OxigraphStore, settings: Settings
) -> None:
    stored(store, settings, SEED)
    before = sorted(quads_about(store, STAT))
    stored(store, settings, ONE)  # the seed's facts, written another way, without attribution
    assert sorted(quads_about(store, STAT)) == before
    assert definers(store, STAT_GRAPH) == {
        f"{BASE}id/document/{SEED_ID}",
        f"{BASE}id/document/{doc_id(ONE)}",
    }
    attributions = rows(store, f"SELECT ?a WHERE {{ <{STAT}> <{KGD}attribution> ?a }}")
    assert attributions == [(f"{BASE}id/attribution/{SEED_ID}/statistic-{STAT_ID}",)]


def test_a_stored_statement_and_source_are_cited_by_id_from_another_document(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    seed = annotation(SEED)
    [statement] = seed["statements"]
    source = seed["sources"][0]
    cites = (
        f"      - {{statement: {statement['id']}, as: evidence, evidence: official-statement}}\n"
        f"      - {{source: {source['id']}, as: evidence}}\n"
    )
    path = edited(
        tmp_path, TWO, "as: disputes, evidence: diplomatic-record}\n", f"as: disputes}}\n{cites}"
    )
    stored(store, settings, SEED, ONE, path)
    for kind, thing in (("statement", statement), ("source", source)):
        iri = f"{BASE}id/{kind}/{thing['id']}"
        facts = {g for g, p, _ in quads_about(store, iri) if p != f"{KGD}attribution"}
        assert facts == {f"{BASE}graph/{kind}/{thing['id']}"}
        citing = rows(store, f"SELECT ?g WHERE {{ GRAPH ?g {{ ?c <{KGD}citedEntity> <{iri}> }} }}")
        assert (doc_graph(TWO),) in citing
    assert definers(store, f"{BASE}graph/statement/{statement['id']}") == {
        f"{BASE}id/document/{SEED_ID}"
    }
    attributed = f"{BASE}id/statement/{statement['id']}"
    assert {g for g, p, _ in quads_about(store, attributed) if p == f"{KGD}attribution"} == {
        f"{BASE}graph/document/{SEED_ID}"
    }, "a curator's attribution stays with the annotating document"


def test_a_conflicting_redefinition_is_refused_with_the_store_unchanged(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    stored(store, settings, ONE, TWO)
    statistics = (
        "statistics:\n  - id: ukrainians-support-fighting-84\n    poll: true\n    value: 85\n"
        '    value_text: "84%"\n    unit: percent\n    approximate: false\n'
        '    measures: "something else"\n    population: ukrainians\n'
    )
    path = copied(tmp_path, TWO, TWO.read_text("utf-8") + statistics)
    message = refused(store, settings, path)
    assert "already exists with other facts" in message
    for field, shown in (("value", "'85'"), ("measures", "'something else'")):
        line = line_of(path, f"    {field}: ")
        assert (
            f"identity-two.yaml:{line}: statistics[{STAT_ID}].{field}: statistic '{STAT_ID}'"
            in message
        )
        assert f"this file: {shown}" in message
    assert f"defined by {doc_id(ONE)}" in message
    assert "leave its definition out" in message and "choose a new id" in message


def test_the_only_definer_may_correct_the_figure_and_is_told_who_cites_it(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    stored(store, settings, ONE, TWO)
    corrected = edited(tmp_path, ONE, 'value_text: "84%"', 'value_text: "84 percent"')
    [outcome] = stored(store, settings, corrected)
    assert any(f"also used by document {doc_id(TWO)}" in w for w in outcome.warnings)
    assert (STAT_GRAPH, f"{KGD}valueText", "84 percent") in quads_about(store, STAT)
    assert [g for g, p, _ in quads_about(store, STAT) if p == f"{KGD}valueText"] == [STAT_GRAPH]


def test_a_definition_others_cite_cannot_be_dropped_but_an_unused_one_is(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    text = ONE.read_text("utf-8")
    bare = text[: text.index("statistics:")].replace(
        f"    cites:\n      - {{statistic: {STAT_ID}, as: evidence, evidence: poll}}\n",
        "",
    )
    stored(store, settings, ONE, TWO)
    path = copied(tmp_path, ONE, bare)
    message = refused(store, settings, path)
    assert f"'{STAT_ID}' is no longer defined here" in message
    assert f"document {doc_id(TWO)} use it" in message

    alone_settings = dataclasses.replace(settings, data_dir=tmp_path / "alone")
    fresh = OxigraphStore(alone_settings.data_dir)
    load_trusted(fresh, alone_settings)
    stored(fresh, alone_settings, ONE)
    assert fresh.has_graph(STAT_GRAPH)
    stored(fresh, alone_settings, path)
    assert not fresh.has_graph(STAT_GRAPH), "a figure nothing uses any more is dropped"
    assert quads_about(fresh, STAT) == []


def test_a_restated_claim_cannot_leave_its_document(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    stored(store, settings, ONE, TWO)
    path = edited(tmp_path, ONE, "  - id: c1\n", "  - id: c9\n")
    message = refused(store, settings, path)
    assert f"{BASE}id/claim/{doc_id(ONE)}/c1 is no longer in this file" in message
    assert f"document {doc_id(TWO)} point at it" in message


def test_an_unknown_restated_claim_is_named_and_a_batch_finds_it_later(
    store: OxigraphStore, settings: Settings
) -> None:
    [outcome] = ingest_files([TWO], store, settings)
    assert isinstance(outcome.error, UnresolvedReference)
    claim = next(c for c in annotation(TWO)["claims"] if "restates" in c)
    [target] = claim["restates"]
    line = line_of(TWO, "restates:")
    assert re.search(
        rf"identity-two.yaml:{line}: claims\[{claim['id']}\].restates.0: no claim '{target}' in "
        "this file or "
        "the store",
        str(outcome.error),
    )
    outcomes = stored(store, settings, TWO, ONE)  # two waits for one, in the same batch
    assert [o.file for o in outcomes] == [str(TWO), str(ONE)]
    assert_one_collection(store)


def test_a_claim_cannot_restate_itself(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(
        tmp_path, TWO, "restates: [test-identity-one/c1]", "restates: [test-identity-two/c1]"
    )
    message = refused(store, settings, path)
    assert (
        f"identity-two.yaml:{line_of(path, 'restates:')}: a claim cannot restate itself" in message
    )


def test_pages_show_the_figure_and_the_restatement_across_documents(
    store: OxigraphStore, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    stored(store, settings, ONE, TWO)
    store.flush()
    client = snapshot_app(store, tmp_path_factory).test_client()
    page = client.get(f"/doc/statistic/{STAT_ID}.html").get_data(as_text=True)
    section = page[page.index("Claims citing it, by document") :]
    for path in (ONE, TWO):
        meta = annotation(path)
        assert f"<h3>{meta['document']['title']} " in section
        assert f"/doc/claim/{doc_id(path)}/c1" in section
    [later] = [c for c in annotation(TWO)["claims"] if "restates" in c]
    [earlier] = later["restates"]
    earlier_page = client.get(f"/doc/claim/{earlier}.html").get_data(as_text=True)
    later_page = client.get(f"/doc/claim/{doc_id(TWO)}/{later['id']}.html").get_data(as_text=True)
    relations = "Relations to other claims"
    assert (
        f"/doc/claim/{doc_id(TWO)}/{later['id']}" in earlier_page[earlier_page.index(relations) :]
    )
    assert f"/doc/claim/{earlier}" in later_page[later_page.index(relations) :]
    assert "incoming" in earlier_page and "outgoing" in later_page
