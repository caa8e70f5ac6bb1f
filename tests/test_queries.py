"""Every named query runs on the seed, and its rows match what the annotation itself says.

The expected rows are derived from the YAML by plain Python, a path independent of the RDF,
the store and SPARQL, so a wrong query, a wrong emitter or a wrong ontology term all fail here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import yaml

from kgdebate.config import Settings
from kgdebate.errors import QueryError
from kgdebate.federation import service_blocks
from kgdebate.ingest.pipeline import ingest_files
from kgdebate.queries import named_queries, parse_named_query, run_named, run_query
from kgdebate.store import OxigraphStore

from conftest import BASE, ROOT, SEED, SEED_ID

ANNOTATION: dict[str, Any] = yaml.safe_load(SEED.read_text("utf-8"))
CLAIMS = {claim["id"]: claim for claim in ANNOTATION["claims"]}
SIDE_LABEL = {"for": "for the motion", "against": "against the motion"}


def claim_iri(claim_id: str) -> str:
    return f"{BASE}id/claim/{SEED_ID}/{claim_id}"


def select(store: OxigraphStore, name: str, **params: str) -> list[dict[str, str]]:
    result = run_named(store, named_queries()[name], params)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def citing(kind: str, slug: str) -> set[str]:
    return {
        cid
        for cid, claim in CLAIMS.items()
        if any(cited.get(kind) == slug for cited in claim.get("cites", []))
    }


def test_every_query_file_has_a_header_and_runs(built: OxigraphStore) -> None:
    catalogue = named_queries(ROOT / "queries")
    assert len(catalogue) >= 5
    for query in catalogue.values():
        assert query.title and query.description
        assert "PREFIX" in query.text
        if service_blocks(query.text):  # federated: refused unless allowlisted (test_federation)
            with pytest.raises(QueryError, match="allowlist"):
                run_named(built, query)
        else:
            run_named(built, query)


def test_precedents_georgia_and_crimea(built: OxigraphStore) -> None:
    rows = select(built, "precedents-georgia-crimea")
    expected = {
        (claim_iri(c), slug)
        for slug in ("russo-georgian-war-2008", "annexation-of-crimea-2014")
        for c in citing("event", slug)
    }
    assert expected, "the seed cites both precedents"
    assert {(r["claim"], r["event"].rsplit("/", 1)[-1]) for r in rows} == expected
    for row in rows:
        claim = CLAIMS[row["claim"].rsplit("/", 1)[-1]]
        assert row["side"] == SIDE_LABEL[claim["side"]]
        theme = next(t for t in ANNOTATION["debate"]["themes"] if t["id"] == claim["theme"])
        assert row["theme"] == theme["title"]


def test_every_use_of_the_84_percent_figure(built: OxigraphStore) -> None:
    rows = select(built, "uses-of-a-figure")
    uses = citing("statistic", "ukrainians-support-fighting-84")
    assert len(uses) == 2
    assert {r["claim"] for r in rows} == {claim_iri(c) for c in uses}
    assert {r["side"] for r in rows} == {SIDE_LABEL[CLAIMS[c]["side"]] for c in uses}
    assert all("84%" in r["exact"] for r in rows)
    assert all("source" not in r for r in rows), "the document cites no source"
    assert all(r["confidence"] for r in rows), "the curator's attribution is shown"


def test_figures_without_source(built: OxigraphStore) -> None:
    rows = select(built, "figures-without-source")
    expected = {s["id"] for s in ANNOTATION["statistics"] if "source" not in s}
    assert {r["statistic"].rsplit("/", 1)[-1] for r in rows} == expected
    for row in rows:
        stat = row["statistic"].rsplit("/", 1)[-1]
        assert int(row["uses"]) == len(citing("statistic", stat))
        attributed = next(s for s in ANNOTATION["statistics"] if s["id"] == stat)
        assert ("attributedTo" in row) == ("attribution" in attributed)


def test_claims_restated(built: OxigraphStore) -> None:
    rows = select(built, "restated-claims")
    expected = {
        (claim_iri(cid), f"{BASE}id/claim/{target}")
        for cid, claim in CLAIMS.items()
        for target in claim.get("restates", [])
    }
    assert expected, "the seed restates claims"
    assert {(r["claim"], r["earlier"]) for r in rows} == expected
    for row in rows:
        claim = CLAIMS[row["claim"].rsplit("/", 1)[-1]]
        assert row["statement"] == claim["statement"]
        assert row["date"] == row["earlierDate"] == ANNOTATION["document"]["date"]


def test_events_of_2022_in_order(built: OxigraphStore) -> None:
    rows = select(built, "events-of-a-year", year="2022")
    starts = [r["start"] for r in rows]
    assert starts == sorted(starts) and all(s.startswith("2022-") for s in starts)
    events = {r["event"].rsplit("/", 1)[-1] for r in rows}
    assert {
        "russian-invasion-of-ukraine-2022",
        "belarus-talks-2022",
        "bennett-mediation-2022",
        "istanbul-talks-2022",
        "black-sea-grain-initiative",
    } <= events
    istanbul = {
        (r["participantLabel"], r["role"])
        for r in rows
        if r["event"].endswith("/istanbul-talks-2022") and "role" in r
    }
    assert {label for label, _ in istanbul} >= {"Russia", "Ukraine"}
    assert not any(r["start"].startswith("2014") for r in rows)
    keys = [(r["event"], r.get("participant"), r.get("role")) for r in rows]
    assert len(keys) == len(set(keys)), "one row per participation (English labels only)"


def test_claims_no_one_answered(built: OxigraphStore) -> None:
    rows = select(built, "unanswered-claims")
    answered = {
        target
        for claim in CLAIMS.values()
        for relation in ("rebuts", "attacks")
        for target in claim.get(relation, [])
        if CLAIMS[target]["side"] != claim["side"]
    }
    assert {r["claim"] for r in rows} == {claim_iri(c) for c in CLAIMS if c not in answered}


def test_event_and_the_claims_citing_it(built: OxigraphStore) -> None:
    rows = select(built, "event-and-claims")
    assert {r["start"] for r in rows} == {"2022-03-29"}
    assert {r["claim"] for r in rows if "claim" in r} == {
        claim_iri(c) for c in citing("event", "istanbul-talks-2022")
    }


def test_claims_about_poland(built: OxigraphStore) -> None:
    rows = select(built, "claims-about-an-actor", actor=f"{BASE}id/actor/poland")
    expected = {
        cid
        for cid, claim in CLAIMS.items()
        if "poland" in claim.get("mentions", {}).get("actors", [])
    } | citing("actor", "poland")
    assert expected
    assert {r["claim"] for r in rows} == {claim_iri(c) for c in expected}


def test_a_report_s_claims_are_found_though_they_have_no_side_or_theme(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    """A report or an article has no sides and no themes: its claims that cite a figure, an
    event or an actor are in the answers all the same (a newcomer's two reports were left out of
    "every use of a figure" and "what the collection says about an actor")."""
    data = ROOT / "tests" / "data"
    report = yaml.safe_load((data / "minimal.yaml").read_text("utf-8"))
    del report["debate"]  # no motion, no teams, no themes: no sides either, nor rebuttals
    for claim in report["claims"]:
        for key in ("side", "theme", "rebuts"):
            claim.pop(key, None)
    (tmp_path / "report.yaml").write_text(yaml.safe_dump(report, allow_unicode=True), "utf-8")
    shutil.copy(data / "minimal.txt", tmp_path)
    [outcome] = ingest_files([tmp_path / "report.yaml"], store, settings)
    assert outcome.stored, outcome.error
    claim = f"{BASE}id/claim/test-minimal/c3"
    uses = select(store, "uses-of-a-figure", statistic=f"{BASE}id/statistic/test-figure")
    assert [r["claim"] for r in uses] == [claim] and "side" not in uses[0]
    about = select(store, "claims-about-an-actor", actor=f"{BASE}id/actor/russia")
    assert f"{BASE}id/claim/test-minimal/c1" in {r["claim"] for r in about}
    cited = select(store, "event-and-claims", event=f"{BASE}id/event/istanbul-talks-2022")
    assert claim in {r.get("claim") for r in cited}


def test_parameters_are_bound_as_terms_not_spliced(built: OxigraphStore) -> None:
    hostile = '2022" } } DROP ALL #'
    rows = select(built, "events-of-a-year", year=hostile)
    assert rows == []


@pytest.mark.parametrize(
    "query",
    [
        "DROP ALL",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }",
        "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
        "SELECT * WHERE { ?s ?p }",
    ],
)
def test_hostile_queries_are_refused_before_the_engine(built: OxigraphStore, query: str) -> None:
    with pytest.raises(QueryError):
        run_query(built, query)


def test_bindings_go_first_in_the_where_clause() -> None:
    """Bound before planning (Oxigraph's own substitution binds after, and scans the store)."""
    from kgdebate.sparql_values import bind_first

    query = 'PREFIX a: <http://x/{>\nSELECT ?_y WHERE { ?s ?p "WHERE {" }'
    bound = bind_first(query, {"_y": ox.Literal('a"b } DROP ALL')})
    assert bound.index("VALUES") > bound.index("WHERE {") and bound.index("VALUES") < bound.index(
        "?s ?p"
    )
    assert 'VALUES (?_y) { ("a\\"b } DROP ALL") }' in bound  # escaped by pyoxigraph
    assert bind_first("ASK { ?s ?p ?o }", {"s": ox.NamedNode("http://e/x")}).startswith(
        "ASK { VALUES (?s) { (<http://e/x>) }"
    )


PACKAGED = sorted(
    path
    for folder in ("web/page_queries", "exports", "extract/queries", "linking", "names")
    for path in (ROOT / "src" / "kgdebate" / folder).glob("*.rq")
)


@pytest.mark.parametrize("path", PACKAGED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_packaged_query_has_the_named_queries_header(path: Path) -> None:
    """Page, export, extraction and linking queries say what they are the way named queries do
    (a ``#+`` title, and the parameters the code binds), so one reader serves them all."""
    query = parse_named_query(path.stem, path.read_text("utf-8"))
    assert query.title and len(query.title) <= 120
    bound = set(re.findall(r"\?_(\w+)", query.text))
    assert bound == {parameter.name for parameter in query.parameters}, "declare what is bound"
