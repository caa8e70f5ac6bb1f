"""`kgdebate link` against a real SPARQL endpoint on 127.0.0.1 serving a Wikidata-shaped fixture.

The endpoint is kgdebate's own server over a store loaded with ``fixtures/wikidata-fixture.ttl``.
Our reference data is copied with the QIDs of a few entities removed; `link` must propose those
QIDs again, and nothing for the decoy (Georgia, whose only namesake in the fixture is the U.S.
state).
"""

from __future__ import annotations

import copy
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kgdebate.build import load_trusted, read_reference
from kgdebate.cli import cli
from kgdebate.errors import RemoteError
from kgdebate.linking.propose import MAX_CANDIDATE_ROWS, candidate_rows, propose
from kgdebate.linking.unlinked import unlinked_entities
from kgdebate.namespaces import KGD, OWL, PROV, RDF, WD
from kgdebate.remote import Endpoint
from kgdebate.store import OxigraphStore

from conftest import BASE, DATA, canonical_dump, make_settings
from live_server import free_port
from wikidata_endpoint import wikidata_endpoint

STRIPPED = {  # entity -> the QID the reference data gives it
    "actor/russia": "Q159",
    "actor/poland": "Q36",
    "actor/united-states": "Q30",
    "actor/joe-biden": "Q6279",
    "event/black-sea-grain-initiative": "Q113295397",
}
DECOY = "actor/georgia"


def reference_without_qids(target: Path, entities: set[str]) -> None:
    """A copy of data/reference/ in ``target`` with the QIDs of ``entities`` taken out."""
    target.mkdir()
    for path in sorted((DATA / "reference").glob("*.ttl")):
        graph = Graph()
        graph.parse(data=path.read_bytes(), format="turtle", publicID=BASE)
        for slug in entities:
            subject = URIRef(BASE + "id/" + slug)
            graph.remove((subject, KGD.wikidataId, None))
            graph.remove((subject, OWL.sameAs, None))
        (target / path.name).write_text(graph.serialize(format="turtle"), "utf-8")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with wikidata_endpoint(tmp_path_factory.mktemp("wikidata-fixture")) as server:
        yield server.base_url + "sparql"


@pytest.fixture(scope="module")
def unlinked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of our reference data with the QIDs of STRIPPED and of the decoy removed."""
    tmp = tmp_path_factory.mktemp("unlinked")
    reference_without_qids(tmp / "reference", {*STRIPPED, DECOY})
    settings = make_settings(tmp, reference_dir=tmp / "reference")
    store = OxigraphStore(settings.data_dir)
    load_trusted(store, settings)
    store.flush()
    return tmp


def link(tmp: Path, *args: str, **env: str) -> tuple[int, str, str]:
    environment = {"KGDEBATE_REFERENCE_DIR": str(tmp / "reference"), **env}
    result = CliRunner().invoke(
        cli, ["--data-dir", str(tmp / "store"), "link", *args], env=environment
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def proposals(endpoint: str, unlinked: Path) -> dict[str, dict[str, object]]:
    out = unlinked / "proposals.yaml"
    before = canonical_dump(OxigraphStore(unlinked / "store", read_only=True))
    code, _, err = link(unlinked, "--endpoint", endpoint, "--out", str(out))
    assert code == 0, err
    assert canonical_dump(OxigraphStore(unlinked / "store", read_only=True)) == before
    document = yaml.safe_load(out.read_text("utf-8"))
    assert document["endpoint"] == endpoint
    return {entry["entity"][len(BASE + "id/") :]: entry for entry in document["proposals"]}


def test_link_proposes_the_removed_qids(proposals: dict[str, dict[str, object]]) -> None:
    for slug, qid in STRIPPED.items():
        assert proposals[slug]["proposed"] == qid, proposals[slug]
        best = proposals[slug]["candidates"][0]  # type: ignore[index]
        assert best["qid"] == qid and best["score"] >= 0.8 and best["evidence"]


def test_link_proposes_nothing_for_the_decoy(proposals: dict[str, dict[str, object]]) -> None:
    decoy = proposals[DECOY]
    assert decoy["proposed"] is None
    assert [c["qid"] for c in decoy["candidates"]] == ["Q99000003"]  # type: ignore[union-attr]
    assert decoy["candidates"][0]["score"] < 0.8  # type: ignore[index]


def test_link_scores_a_namesake_below_the_right_item(
    proposals: dict[str, dict[str, object]],
) -> None:
    scores = {c["qid"]: c["score"] for c in proposals["actor/russia"]["candidates"]}  # type: ignore[union-attr]
    assert set(scores) == {"Q159", "Q99000001"} and scores["Q99000001"] < 0.8 <= scores["Q159"]
    grain = {c["qid"]: c for c in proposals["event/black-sea-grain-initiative"]["candidates"]}  # type: ignore[union-attr]
    assert grain["Q99000005"]["score"] < 0.8  # same alias, other date
    assert any("start 2022-07-22 is the same" in e for e in grain["Q113295397"]["evidence"])


def test_link_asks_only_about_entities_without_a_qid(
    proposals: dict[str, dict[str, object]],
) -> None:
    reference = read_reference(DATA / "reference", BASE)
    linked = {str(s)[len(BASE + "id/") :] for s in reference.subjects(KGD.wikidataId, None)}
    asked = set(proposals)
    assert asked.isdisjoint(linked - {*STRIPPED, DECOY})
    assert {*STRIPPED, DECOY, "actor/baltic-states", "actor/karen-donfried"} <= asked


def proposals_to_review(endpoint: str, unlinked: Path, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the reference data to accept links into, and `link`'s proposals (YAML)."""
    reference = tmp_path / "reference"
    shutil.copytree(unlinked / "reference", reference)
    code, out, err = link(unlinked, "--endpoint", endpoint)
    assert code == 0, err
    return reference, out


def test_accept_records_who_and_when_and_the_build_loads_it(
    endpoint: str, unlinked: Path, tmp_path: Path
) -> None:
    reference, out = proposals_to_review(endpoint, unlinked, tmp_path)
    reviewed = tmp_path / "reviewed.yaml"
    document = yaml.safe_load(out)
    for entry in document["proposals"]:  # the curator picks the decoy by hand, refuses Poland
        if entry["entity"].endswith(DECOY):
            entry["decision"] = "Q99000003"
        elif entry["entity"].endswith("actor/poland"):
            entry["decision"] = "none"
    reviewed.write_text(yaml.safe_dump(document, sort_keys=False), "utf-8")
    env = {"KGDEBATE_REFERENCE_DIR": str(reference)}
    code, _, err = link(unlinked, "--accept", str(reviewed), **env)
    assert code == 2 and "--curator" in err
    assert not (reference / "wikidata-links.ttl").exists()
    code, _, err = link(unlinked, "--accept", str(reviewed), "--curator", "A. Curator", **env)
    assert code == 0, err
    links = Graph().parse(reference / "wikidata-links.ttl", format="turtle")
    accepted = {
        str(s)[len(BASE + "id/") :]: str(o)[len(str(WD)) :] for s, o in links[: OWL.sameAs :]
    }
    expected = {slug: qid for slug, qid in STRIPPED.items() if slug != "actor/poland"}
    assert accepted == {**expected, DECOY: "Q99000003"}
    activities = list(links.subjects(RDF.type, PROV.Activity))
    assert len(activities) == len(accepted)
    for activity in activities:
        assert links.value(activity, PROV.endedAtTime) is not None
        person = links.value(activity, PROV.wasAssociatedWith)
        assert str(links.value(person, URIRef("http://xmlns.com/foaf/0.1/name"))) == "A. Curator"
    graph = read_reference(reference, BASE)  # the build reads it, and the shapes accept it
    assert (URIRef(BASE + "id/actor/russia"), KGD.wikidataId, None) in graph
    code, _, err = link(unlinked, "--accept", str(reviewed), "--curator", "A. Curator", **env)
    assert code == 2 and "already has Wikidata ID" in err  # a second acceptance changes nothing


def test_below_threshold_is_not_accepted_without_a_decision(
    endpoint: str, unlinked: Path, tmp_path: Path
) -> None:
    reference, out = proposals_to_review(endpoint, unlinked, tmp_path)
    reviewed = tmp_path / "reviewed.yaml"
    document = yaml.safe_load(out)
    for entry in document["proposals"]:  # what a careless edit might do: propose the best one
        if entry["candidates"]:
            entry["proposed"] = entry["candidates"][0]["qid"]
    reviewed.write_text(yaml.safe_dump(document), "utf-8")
    env = {"KGDEBATE_REFERENCE_DIR": str(reference)}
    code, _, err = link(unlinked, "--accept", str(reviewed), "--curator", "A. Curator", **env)
    assert code == 0, err
    links = Graph().parse(reference / "wikidata-links.ttl", format="turtle")
    assert (URIRef(BASE + "id/" + DECOY), OWL.sameAs, None) not in links
    assert len(set(links[: OWL.sameAs :])) == len(STRIPPED)


def test_unreachable_endpoint_is_a_clear_error(unlinked: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    code, out, err = link(unlinked, "--endpoint", url, "--out", str(unlinked / "none.yaml"))
    assert code == 2 and out == ""
    assert f"SPARQL endpoint {url} cannot be reached" in err and "Traceback" not in err
    assert not (unlinked / "none.yaml").exists()


def test_a_decision_that_is_not_a_candidate_names_its_line(
    endpoint: str, unlinked: Path, tmp_path: Path
) -> None:
    reference, out = proposals_to_review(endpoint, unlinked, tmp_path)
    lines = out.splitlines()
    poland = next(i for i, line in enumerate(lines) if line.endswith("/actor/poland"))
    decision = next(i for i in range(poland, len(lines)) if "decision:" in lines[i])
    lines[decision] = "  decision: Q42"  # a QID nobody proposed
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text("\n".join(lines) + "\n", "utf-8")
    env = {"KGDEBATE_REFERENCE_DIR": str(reference)}
    code, _, err = link(unlinked, "--accept", str(reviewed), "--curator", "A. Curator", **env)
    assert code == 2 and f"{reviewed}:{decision + 1}: decision 'Q42'" in err
    assert not (reference / "wikidata-links.ttl").exists()  # nothing half-written


def test_a_cut_answer_is_incomplete_not_a_result(
    unlinked: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Our own server cuts results at max_rows with 206, as Virtuoso does: link stops there."""
    with wikidata_endpoint(tmp_path_factory.mktemp("cutting"), max_rows="1") as server:
        out = unlinked / "cut.yaml"
        code, _, err = link(unlinked, "--endpoint", server.base_url + "sparql", "--out", str(out))
    assert code == 2 and "incomplete answer (HTTP 206" in err and "Traceback" not in err
    assert not out.exists()


def test_an_answer_that_may_be_cut_stops_the_run(endpoint: str, unlinked: Path) -> None:
    """The row limit is one past what is accepted: reaching it means the answer may be cut."""
    store = OxigraphStore(unlinked / "store", read_only=True)
    russia = next(e for e in unlinked_entities(store, BASE) if e.iri.endswith("actor/russia"))
    remote = Endpoint(endpoint, 10)
    whole = len(candidate_rows(russia, remote, MAX_CANDIDATE_ROWS))
    assert whole > 1
    assert propose([russia], remote, 0.8, max_rows=whole)[0].proposed == STRIPPED["actor/russia"]
    with pytest.raises(RemoteError, match=f"more than {whole - 1} candidate rows") as cut:
        propose([russia], remote, 0.8, max_rows=whole - 1)
    assert russia.iri in str(cut.value) and "nothing was proposed" in str(cut.value)
    assert cut.value.hint and "by hand" in cut.value.hint


def entry_line(text: str, slug: str, nth: int = 0) -> int:
    """The line (from 1) of the ``nth`` proposals entry for ``slug`` in a YAML text."""
    starts = [i for i, line in enumerate(text.splitlines(), 1) if line.endswith(f"id/{slug}")]
    return starts[nth]


def test_two_entries_for_one_entity_are_refused(
    endpoint: str, unlinked: Path, tmp_path: Path
) -> None:
    reference, out = proposals_to_review(endpoint, unlinked, tmp_path)
    document = yaml.safe_load(out)
    russia = next(e for e in document["proposals"] if e["entity"].endswith("actor/russia"))
    document["proposals"].append({**copy.deepcopy(russia), "decision": "Q99000001"})
    reviewed = tmp_path / "reviewed.yaml"
    text = yaml.safe_dump(document, sort_keys=False)
    reviewed.write_text(text, "utf-8")
    env = {"KGDEBATE_REFERENCE_DIR": str(reference)}
    code, _, err = link(unlinked, "--accept", str(reviewed), "--curator", "A. Curator", **env)
    first, second = entry_line(text, "actor/russia"), entry_line(text, "actor/russia", 1)
    assert code == 2 and f"{reviewed}:{second}: {russia['entity']} has a second entry" in err
    assert f"the first is on line {first}" in err
    assert not (reference / "wikidata-links.ttl").exists()


def test_a_links_file_outside_the_reference_data_is_checked_too(
    endpoint: str, unlinked: Path, tmp_path: Path
) -> None:
    reference, out = proposals_to_review(endpoint, unlinked, tmp_path)
    target = tmp_path / "elsewhere" / "links.ttl"
    document = yaml.safe_load(out)
    entries = {e["entity"].rsplit("id/", 1)[1]: e for e in document["proposals"]}
    env = {"KGDEBATE_REFERENCE_DIR": str(reference)}

    def accept_only(entry: dict[str, object], name: str) -> tuple[int, str, Path]:
        reviewed = tmp_path / name
        text = yaml.safe_dump({**document, "proposals": [entry]}, sort_keys=False)
        reviewed.write_text(text, "utf-8")
        args = ("--accept", str(reviewed), "--curator", "A. Curator", "--to", str(target))
        code, _, err = link(unlinked, *args, **env)
        return code, err, reviewed

    code, err, _ = accept_only(entries["actor/russia"], "first.yaml")
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # readable like the rest of the data
    accepted = target.read_bytes()
    second = {**entries["actor/russia"], "decision": "Q99000001"}
    code, err, reviewed = accept_only(second, "second.yaml")
    line = entry_line(reviewed.read_text("utf-8"), "actor/russia")
    assert code == 2 and f"{reviewed}:{line}: " in err
    assert f"already has Wikidata ID {STRIPPED['actor/russia']} in {target}" in err
    assert target.read_bytes() == accepted
    target.chmod(0o640)
    code, err, _ = accept_only(entries["actor/poland"], "third.yaml")
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps the mode it was given
    links = Graph().parse(target, format="turtle")
    assert {str(o) for o in links.objects(None, OWL.sameAs)} == {
        str(WD) + STRIPPED[slug] for slug in ("actor/russia", "actor/poland")
    }
