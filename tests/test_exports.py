"""The per-document exports, each read back with a reader of its format and compared with the
store: AIF JSON (validated against AIFdb's documented format), schema.org JSON-LD (parsed by
rdflib), Argdown (parsed by @argdown/core under node) and CSV (read by the csv module)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import warnings
import zipfile
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from jsonschema import Draft202012Validator
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kgdebate.build import load_trusted
from kgdebate.exports.argdown import argdown_text, escape
from kgdebate.exports.debate import load_debate
from kgdebate.exports.document import Document, UnknownDocument, find_document
from kgdebate.exports.formats import DOCUMENT_FORMATS, export_document
from kgdebate.exports.tables import TABLES, neutralise, tables_zip
from kgdebate.namespaces import KGD, OA, PROV, RDF, RDFS, SCHEMA, SKOS
from kgdebate.store import OxigraphStore

from conftest import BASE, ROOT, SEED_ID, make_settings

ARGDOWN_CORE = Path(
    os.environ.get("KGDEBATE_ARGDOWN_CORE", ROOT / "build/argdown/node_modules/@argdown/core")
)
AIF_SCHEMA = json.loads((Path(__file__).parent / "data/aifdb.schema.json").read_text("utf-8"))
RELATIONS = {
    str(KGD.supports): "supports",
    str(KGD.attacks): "attacks",
    str(KGD.rebuts): "rebuts",
    str(KGD.restates): "restates",
}
INGESTED = "2026-03-01T14:35:50+01:00"
HOSTILE_TITLE = "=cmd|' /C calc'!A0"
MARKUP = "[c1]: #tag *bold* _it_ <arg> U.S. 3.5 :y: .x. // no comment {a: b} \\ @[x] (p)"

# Two documents written as a curator never would: texts that start like spreadsheet formulas
# or are full of Argdown markup, a claim with no theme, relations (and a restatement) into another
# document, a relation that is no kind the exports know, and a person as publisher.
MIXED_TRIG = f"""
@prefix kgd: <{KGD._NS}> .
@prefix kgv: <{BASE}vocab/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix doc: <{BASE}id/document/> .
@prefix claim: <{BASE}id/claim/> .
<{BASE}graph/document/other> {{
  doc:other a kgd:SourceDocument ; dcterms:title "Other"@en .
  claim:other\\/c1 a kgd:Claim ; kgd:inDocument doc:other ; kgd:side kgv:for-motion ;
    rdfs:label "A claim made elsewhere."@en .
}}
<{BASE}graph/provenance/hostile> {{
  <{BASE}graph/document/hostile> prov:wasGeneratedBy <{BASE}id/ingest/hostile> .
  <{BASE}id/ingest/hostile> prov:endedAtTime "{INGESTED}"^^xsd:dateTime .
}}
<{BASE}graph/document/hostile> {{
  doc:hostile a kgd:SourceDocument ; dcterms:title {json.dumps(HOSTILE_TITLE)}@en ;
    dcterms:publisher <{BASE}id/actor/joe-biden> .
  claim:hostile\\/c1 a kgd:Claim ; kgd:inDocument doc:hostile ; kgd:side kgv:against-motion ;
    rdfs:label "=HYPERLINK(\\"http://evil.example\\")"@en ;
    kgd:theme <{BASE}id/theme/hostile/t1> ;
    kgd:mentions <{BASE}id/actor/ukraine> ;
    kgd:attacks claim:other\\/c1 ;
    kgd:hasCitation <{BASE}id/citation/hostile/c1-1> .
  <{BASE}id/theme/hostile/t1> a kgd:Theme ; rdfs:label "@theme"@en .
  <{BASE}id/citation/hostile/c1-1> a kgd:Citation ;
    kgd:citingClaim claim:hostile\\/c1 ;
    kgd:citedEntity <{BASE}id/event/istanbul-talks-2022> ;
    kgd:citationKind kgv:as-evidence .
  claim:hostile\\/c2 a kgd:Claim ; kgd:inDocument doc:hostile ; kgd:side kgv:for-motion ;
    rdfs:label {json.dumps(MARKUP)}@en ;
    kgd:rebuts claim:hostile\\/c1 ; kgd:supports claim:hostile\\/c3 .
  claim:hostile\\/c3 a kgd:Claim ; kgd:inDocument doc:hostile ; kgd:side kgv:for-motion ;
    rdfs:label "-5% since 2022, +3 in\\tall"@en ;
    kgd:restates claim:other\\/c1, claim:hostile\\/c1 ;
    kgd:contradicts claim:hostile\\/c2 .
}}
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """Ontology, vocabularies and reference data, plus the two documents of MIXED_TRIG."""
    tmp = tmp_path_factory.mktemp("exports-mixed")
    store = OxigraphStore(tmp / "store")
    load_trusted(store, make_settings(tmp))
    store.load(io.BytesIO(MIXED_TRIG.encode("utf-8")), ox.RdfFormat.TRIG)
    return store


# ---------------------------------------------------------------- what the store says


def doc_triples(store: OxigraphStore, slug: str) -> list[ox.Triple]:
    return list(store.triples(f"{BASE}graph/document/{slug}"))


def claim_labels(store: OxigraphStore, slug: str) -> dict[str, str]:
    triples = doc_triples(store, slug)
    claims = {t.subject.value for t in triples if t.predicate.value == str(RDF.type)}
    claims &= {t.subject.value for t in triples if t.object.value == str(KGD.Claim)}
    return {
        t.subject.value: t.object.value
        for t in triples
        if t.subject.value in claims and t.predicate.value == str(RDFS.label)
    }


def relations(store: OxigraphStore, slug: str) -> set[tuple[str, str, str]]:
    return {
        (t.subject.value, RELATIONS[t.predicate.value], t.object.value)
        for t in doc_triples(store, slug)
        if t.predicate.value in RELATIONS
    }


def objects(store: OxigraphStore, slug: str, predicate: URIRef) -> set[tuple[str, str]]:
    return {
        (t.subject.value, t.object.value)
        for t in doc_triples(store, slug)
        if t.predicate.value == str(predicate)
    }


def objects_of(store: OxigraphStore, subject: str) -> list[tuple[str, ox.NamedNode | ox.Literal]]:
    """(property, value) of ``subject`` in any graph."""
    result = store.query(f"SELECT ?p ?o WHERE {{ <{subject}> ?p ?o }}")
    assert isinstance(result, ox.QuerySolutions)
    found = []
    for row in result:
        predicate, value = row["p"], row["o"]
        assert isinstance(predicate, ox.NamedNode)
        if isinstance(value, ox.NamedNode | ox.Literal):
            found.append((predicate.value, value))
    return found


def label_of(store: OxigraphStore, iri: str) -> str:
    labels = [v for p, v in objects_of(store, iri) if p == str(RDFS.label)]
    return min(
        label.value
        for label in labels
        if isinstance(label, ox.Literal) and (label.language or "en") == "en"
    )


def slug_of(claim: str) -> str:
    """``c13`` for a seed claim; ``other/c1`` for a claim of the document ``other``."""
    return "/".join(claim.split("/")[-2:]) if "/claim/other/" in claim else claim.split("/")[-1]


def seed(store: OxigraphStore) -> Document:
    return find_document(store, BASE, SEED_ID)


# ---------------------------------------------------------------- AIF


def aif_of(store: OxigraphStore, slug: str) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(export_document(store, BASE, slug, "aif").body)
    return parsed


@pytest.mark.parametrize("slug", [SEED_ID, "hostile"])
def test_aif_is_aifdb_json_stating_the_claims_and_relations_of_the_store(
    built: OxigraphStore, mixed: OxigraphStore, slug: str
) -> None:
    store = built if slug == SEED_ID else mixed
    aif = aif_of(store, slug)
    Draft202012Validator(AIF_SCHEMA).validate(aif)
    nodes = {node["nodeID"]: node for node in aif["nodes"]}
    assert len(nodes) == len(aif["nodes"]), "node IDs are unique"
    texts = {i: n["text"] for i, n in nodes.items() if n["type"] == "I"}
    expected = {slug_of(c): text for c, text in claim_labels(store, slug).items()}
    outside = {slug_of(to) for _, _, to in relations(store, slug)} - set(expected)
    expected |= {name: label_of(store, f"{BASE}id/claim/{name}") for name in outside}
    assert texts == expected
    found = set()
    for scheme in (n for n in nodes.values() if n["type"] in ("RA", "CA", "MA")):
        into = [e["fromID"] for e in aif["edges"] if e["toID"] == scheme["nodeID"]]
        out_of = [e["toID"] for e in aif["edges"] if e["fromID"] == scheme["nodeID"]]
        assert len(into) == 1 and len(out_of) == 1, scheme
        assert nodes[into[0]]["type"] == nodes[out_of[0]]["type"] == "I"
        found.add((into[0], scheme["type"], out_of[0]))
    kinds = {"supports": "RA", "attacks": "CA", "rebuts": "CA"}
    stated = {
        (slug_of(f), kinds[r], slug_of(t)) for f, r, t in relations(store, slug) if r in kinds
    }
    # A rephrase runs from the earlier wording (the claim restated) to the later one.
    stated |= {
        (slug_of(t), "MA", slug_of(f)) for f, r, t in relations(store, slug) if r == "restates"
    }
    assert found == stated and len(found) == len(relations(store, slug))
    assert {e["fromID"] for e in aif["edges"]} | {e["toID"] for e in aif["edges"]} <= set(nodes)


def test_aif_states_restatements_as_rephrase_nodes(built: OxigraphStore) -> None:
    restated = [(f, t) for f, r, t in relations(built, SEED_ID) if r == "restates"]
    assert restated, "the seed restates some of its claims"
    nodes = {n["nodeID"]: n for n in aif_of(built, SEED_ID)["nodes"]}
    for later, earlier in restated:
        rephrase = nodes[f"{slug_of(later)}-restates-{slug_of(earlier)}"]
        assert (rephrase["type"], rephrase["text"]) == ("MA", "Default Rephrase")


def ingest_time(store: OxigraphStore, slug: str) -> datetime:
    """When the ingest that stored the document's graph ended, read from its provenance."""
    activity = next(
        o.value
        for p, o in objects_of(store, f"{BASE}graph/document/{slug}")
        if p == str(PROV.wasGeneratedBy)
    )
    ended = next(o.value for p, o in objects_of(store, activity) if p == str(PROV.endedAtTime))
    return datetime.fromisoformat(ended).astimezone(UTC)


@pytest.mark.parametrize("slug", [SEED_ID, "hostile"])
def test_aif_timestamps_are_when_the_document_was_stored(
    built: OxigraphStore, mixed: OxigraphStore, slug: str
) -> None:
    store = built if slug == SEED_ID else mixed
    stamps = {node["timestamp"] for node in aif_of(store, slug)["nodes"]}
    assert stamps == {ingest_time(store, slug).strftime("%Y-%m-%d %H:%M:%S")}
    assert all(edge["formEdgeID"] is None for edge in aif_of(store, slug)["edges"])


def test_aif_node_ids_are_stable_across_exports(built: OxigraphStore) -> None:
    first, second = aif_of(built, SEED_ID), aif_of(built, SEED_ID)
    assert first == second
    rebuttal = next(n for n in first["nodes"] if n["nodeID"].split("-")[1:2] == ["rebuts"])
    assert rebuttal["type"] == "CA"


# ---------------------------------------------------------------- schema.org JSON-LD


def parse_jsonld(body: bytes) -> Graph:
    """The JSON-LD read by rdflib, checked against a second processor (Oxigraph's) as well."""
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser goes through ConjunctiveGraph
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph = Graph().parse(data=body.decode("utf-8"), format="json-ld")
    quads = ox.parse(body, format=ox.RdfFormat.JSON_LD)
    triples = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    assert isomorphic(graph, Graph().parse(data=triples, format="nt"))
    return graph


@pytest.mark.parametrize("slug", [SEED_ID, "hostile"])
def test_schema_org_jsonld_parses_back_to_the_claims_of_the_store(
    built: OxigraphStore, mixed: OxigraphStore, slug: str
) -> None:
    store = built if slug == SEED_ID else mixed
    body = export_document(store, BASE, slug, "schema-jsonld").body
    graph = parse_jsonld(body)
    document = URIRef(f"{BASE}id/document/{slug}")
    claims = set(graph.subjects(RDF.type, SCHEMA.Claim))
    assert {str(c) for c in claims} == set(claim_labels(store, slug))
    texts = {str(c): str(graph.value(c, SCHEMA.text)) for c in claims}
    assert texts == claim_labels(store, slug)
    assert all(set(graph.objects(c, SCHEMA.appearance)) == {document} for c in claims)
    assert graph.value(document, RDF.type) == SCHEMA.Article
    mentions = {(str(c), str(m)) for c, m in graph.subject_objects(SCHEMA.mentions)}
    assert mentions == objects(store, slug, KGD.mentions)
    assert SCHEMA.ClaimReview not in set(graph.objects(None, RDF.type))
    assert not set(graph.subject_objects(SCHEMA.reviewRating))


def test_schema_org_document_carries_url_date_and_publisher(built: OxigraphStore) -> None:
    body = export_document(built, BASE, SEED_ID, "schema-jsonld").body
    graph = parse_jsonld(body)
    document = URIRef(f"{BASE}id/document/{SEED_ID}")
    stored = {p: o.value for p, o in objects_of(built, str(document))}
    assert graph.value(document, SCHEMA.url) == URIRef(stored[str(SCHEMA.url)])
    assert (
        str(graph.value(document, SCHEMA.datePublished)) == stored["http://purl.org/dc/terms/date"]
    )
    publisher = graph.value(document, SCHEMA.publisher)
    assert str(publisher) == stored["http://purl.org/dc/terms/publisher"]
    assert str(graph.value(publisher, SCHEMA.name)) == label_of(built, str(publisher))


def schema_classes(store: OxigraphStore, iri: str) -> set[URIRef]:
    """The schema.org classes among the classes of ``iri`` and their superclasses."""
    found, todo = set(), [o.value for p, o in objects_of(store, iri) if p == str(RDF.type)]
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.add(cls)
            todo += [o.value for p, o in objects_of(store, cls) if p == str(RDFS.subClassOf)]
    return {URIRef(c) for c in found if c.startswith(str(SCHEMA))}


@pytest.mark.parametrize("slug", [SEED_ID, "hostile"])
def test_schema_org_publisher_is_typed_as_the_store_types_it(
    built: OxigraphStore, mixed: OxigraphStore, slug: str
) -> None:
    store = built if slug == SEED_ID else mixed
    graph = parse_jsonld(export_document(store, BASE, slug, "schema-jsonld").body)
    publisher = graph.value(URIRef(f"{BASE}id/document/{slug}"), SCHEMA.publisher)
    types = set(graph.objects(publisher, RDF.type))
    assert types == schema_classes(store, str(publisher)) and types
    if slug == "hostile":  # a person published it
        assert types == {SCHEMA.Person}


# ---------------------------------------------------------------- Argdown


def parse_argdown(text: str) -> dict[str, Any]:
    """What @argdown/core (run by node) understands of ``text``."""
    if not (ARGDOWN_CORE / "package.json").is_file():
        pytest.fail(f"the Argdown parser is expected at {ARGDOWN_CORE}: run `make argdown`")
    script = Path(__file__).parent / "argdown" / "parse.mjs"
    done = subprocess.run(
        ["node", str(script), str(ARGDOWN_CORE)],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    parsed: dict[str, Any] = json.loads(done.stdout)
    return parsed


@pytest.mark.parametrize("slug", [SEED_ID, "hostile"])
def test_argdown_parses_with_argdown_into_the_debate_of_the_store(
    built: OxigraphStore, mixed: OxigraphStore, slug: str
) -> None:
    store = built if slug == SEED_ID else mixed
    document = find_document(store, BASE, slug)
    parsed = parse_argdown(argdown_text(load_debate(store, document)))
    assert parsed["errors"] == []
    assert parsed["frontMatter"]["title"] == document.title
    labels = {slug_of(c): " ".join(t.split()) for c, t in claim_labels(store, slug).items()}
    outside = {slug_of(to) for _, _, to in relations(store, slug)} - set(labels)
    labels |= {name: label_of(store, f"{BASE}id/claim/{name}") for name in outside}
    statements = {}
    for title, texts in parsed["statements"].items():
        assert len(texts) == 1, title
        statements[title] = texts[0].split(" #(")[0].rstrip(" ")  # the space before a tag or data
    assert statements == labels
    kinds = {"supports": "support", "attacks": "attack", "rebuts": "attack"}
    stated = {
        (slug_of(f), kinds[r], slug_of(t)) for f, r, t in relations(store, slug) if r in kinds
    }
    assert {tuple(r) for r in parsed["relations"]} == stated
    restated: dict[str, set[str]] = {}
    for f, r, t in relations(store, slug):
        if r == "restates":
            restated.setdefault(slug_of(f), set()).add(slug_of(t))
    assert restated, "both documents restate claims"
    data = {title: set(d["restates"]) for title, d in parsed["data"].items() if d}
    assert data == restated


def test_argdown_places_each_claim_under_its_theme_and_side(built: OxigraphStore) -> None:
    parsed = parse_argdown(argdown_text(load_debate(built, seed(built))))
    themes = dict(objects(built, SEED_ID, KGD.theme))
    sides = dict(objects(built, SEED_ID, KGD.side))
    for claim in claim_labels(built, SEED_ID):
        side_title, theme_title = parsed["placed"][slug_of(claim)]
        side = next(o.value for p, o in objects_of(built, sides[claim]) if p == str(SKOS.prefLabel))
        assert side_title == side[0].upper() + side[1:]
        assert theme_title == label_of(built, themes[claim])


@pytest.mark.parametrize(
    "text",
    [MARKUP, "U.S. and E.U.", "a/b // c /* d */", "<!-- x -->", "+> [c1]", "#(tag) and #tag", "\\"],
)
def test_escaped_text_reads_back_verbatim(text: str) -> None:
    parsed = parse_argdown(f"[a]: {escape(text)}\n")
    assert parsed["errors"] == []
    assert parsed["statements"] == {"a": [text]}
    assert parsed["relations"] == []


# ---------------------------------------------------------------- CSV


def read_tables(body: bytes, slug: str) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.namelist() == [f"{slug}/{table}.csv" for table in TABLES]
        tables = {}
        for table in TABLES:
            text = archive.read(f"{slug}/{table}.csv").decode("utf-8")
            reader = csv.DictReader(io.StringIO(text, newline=""))
            assert tuple(reader.fieldnames or ()) == TABLES[table]
            tables[table] = list(reader)
    return tables


def cell(value: str) -> str:
    """A cell as the store holds it: the formula guard's leading quote taken off."""
    return (
        value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value
    )


@pytest.mark.parametrize("slug", [SEED_ID, "hostile"])
def test_csv_tables_read_back_as_the_store(
    built: OxigraphStore, mixed: OxigraphStore, slug: str
) -> None:
    store = built if slug == SEED_ID else mixed
    tables = read_tables(tables_zip(store, find_document(store, BASE, slug)), slug)
    claims = {row["claim"]: row for row in tables["claims"]}
    assert {c: cell(row["text"]) for c, row in claims.items()} == claim_labels(store, slug)
    sides = {(c, side) for c, side in objects(store, slug, KGD.side) if c in claims}
    assert {(c, row["side"]) for c, row in claims.items()} == sides and sides
    exact = {
        t.subject.value.split("#")[0]: t.object.value
        for t in doc_triples(store, slug)
        if t.predicate.value == str(OA.exact)
    }
    assert {c: cell(row["quote"]) for c, row in claims.items() if row["quote"]} == exact
    restated = {c: set(row["restates"].split()) for c, row in claims.items() if row["restates"]}
    stated: dict[str, set[str]] = {}
    for f, r, t in relations(store, slug):
        if r == "restates":
            stated.setdefault(f, set()).add(t)
    assert restated == stated and stated
    citations = {(r["citation"], r["claim"], r["cited"]) for r in tables["citations"]}
    cited = objects(store, slug, KGD.citedEntity)
    citing = dict(objects(store, slug, KGD.citingClaim))
    assert citations == {(c, citing[c], entity) for c, entity in cited}
    referred = {o for _, o in objects(store, slug, KGD.mentions) | objects(store, slug, KGD.cites)}
    referred |= {entity for _, entity in cited}
    actors = {iri for iri in referred if is_a(store, iri, "Actor")}
    events = {iri for iri in referred if is_a(store, iri, "Event")}
    assert {row["actor"] for row in tables["actors"]} == actors and actors
    assert {row["event"] for row in tables["events"]} == events and events
    for row in tables["actors"] + tables["events"]:
        assert cell(row["label"]) == label_of(store, row.get("actor") or row["event"])


def is_a(store: OxigraphStore, iri: str, kind: str) -> bool:
    ask = (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        f"ASK {{ <{iri}> a/rdfs:subClassOf* <{KGD[kind]}> }}"
    )
    return bool(store.query(ask))


def test_csv_cells_that_look_like_formulas_are_neutralised(mixed: OxigraphStore) -> None:
    body = tables_zip(mixed, find_document(mixed, BASE, "hostile"))
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        claims = archive.read("hostile/claims.csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(claims, newline="")))
    texts = {row["text"] for row in rows}
    assert '\'=HYPERLINK("http://evil.example")' in texts
    assert "'-5% since 2022, +3 in\tall" in texts
    assert "'@theme" in {row["themeLabel"] for row in rows}
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_prefixes_formula_starts(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["", "84%", "a=b", "'quoted", "Kyiv - Moscow", " =1"])
def test_neutralise_leaves_other_text_alone(value: str) -> None:
    assert neutralise(value) == value


def test_zip_is_byte_for_byte_reproducible(built: OxigraphStore) -> None:
    assert tables_zip(built, seed(built)) == tables_zip(built, seed(built))


# ---------------------------------------------------------------- documents


@pytest.mark.parametrize("slug", ["no-such-document", "Bad Slug", "../etc", ""])
def test_unknown_document_is_a_clear_error(built: OxigraphStore, slug: str) -> None:
    with pytest.raises(UnknownDocument):
        find_document(built, BASE, slug)


def test_every_format_renders_the_seed(built: OxigraphStore) -> None:
    for name, fmt in DOCUMENT_FORMATS.items():
        exported = export_document(built, BASE, SEED_ID, name)
        assert exported.filename == SEED_ID + fmt.file_suffix and exported.body


def test_unknown_relation_kinds_are_left_out(mixed: OxigraphStore) -> None:
    """``kgd:contradicts`` is no relation the exports know: every format renders without it."""
    for name in DOCUMENT_FORMATS:
        assert b"contradicts" not in export_document(mixed, BASE, "hostile", name).body


def test_exports_do_not_load_the_web_app() -> None:
    """``kgdebate export`` needs no Flask: the export package imports nothing of kgdebate.web."""
    script = (
        "import sys, kgdebate.exports.formats, kgdebate.cli; "
        "loaded = sorted(m for m in sys.modules if m == 'flask' or m.startswith('kgdebate.web')); "
        "print(loaded)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", done.stdout


def test_every_export_query_starts_from_the_documents_graph() -> None:
    queries = list(resources.files("kgdebate.exports").iterdir())
    texts = {q.name: q.read_text("utf-8") for q in queries if q.name.endswith(".rq")}
    assert "relations.rq" in texts and "claims.rq" in texts
    for name, text in texts.items():
        where = text[text.index("WHERE {") :]
        assert where.split("\n")[1].strip().startswith("GRAPH ?_graph {"), name
        assert "LIMIT" not in text and "OFFSET" not in text, name
