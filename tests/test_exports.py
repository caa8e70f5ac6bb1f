"""The per-document exports, each read back with a reader of its format and compared with the
store: AIF JSON (schema-validated), schema.org JSON-LD (parsed by rdflib), Argdown (parsed by
@argdown/core under node) and CSV (read by the csv module)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import warnings
import zipfile
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
from kgdebate.namespaces import KGD, OA, RDF, RDFS, SCHEMA
from kgdebate.store import OxigraphStore
from kgdebate.web.debatemap import SIDE_TITLES

from conftest import BASE, ROOT, SEED_ID, make_settings

ARGDOWN_CORE = Path(
    os.environ.get("KGDEBATE_ARGDOWN_CORE", ROOT / "build/argdown/node_modules/@argdown/core")
)
AIF_SCHEMA = json.loads((Path(__file__).parent / "data/aifdb.schema.json").read_text("utf-8"))
RELATIONS = {str(KGD.supports): "supports", str(KGD.attacks): "attacks", str(KGD.rebuts): "rebuts"}
HOSTILE_TITLE = "=cmd|' /C calc'!A0"
MARKUP = "[c1]: #tag *bold* _it_ <arg> U.S. 3.5 :y: .x. // no comment {a: b} \\ @[x] (p)"

# Two documents written as a curator never would: texts that start like spreadsheet formulas
# or are full of Argdown markup, a claim with no theme, and relations into another document.
MIXED_TRIG = f"""
@prefix kgd: <{KGD._NS}> .
@prefix kgv: <{BASE}vocab/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix doc: <{BASE}id/document/> .
@prefix claim: <{BASE}id/claim/> .
<{BASE}graph/document/other> {{
  doc:other a kgd:SourceDocument ; dcterms:title "Other"@en .
  claim:other\\/c1 a kgd:Claim ; kgd:inDocument doc:other ; kgd:side kgv:for-motion ;
    rdfs:label "A claim made elsewhere."@en .
}}
<{BASE}graph/document/hostile> {{
  doc:hostile a kgd:SourceDocument ; dcterms:title {json.dumps(HOSTILE_TITLE)}@en .
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
    rdfs:label "-5% since 2022, +3 in\\tall"@en .
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
    for scheme in (n for n in nodes.values() if n["type"] in ("RA", "CA")):
        into = [e["fromID"] for e in aif["edges"] if e["toID"] == scheme["nodeID"]]
        out_of = [e["toID"] for e in aif["edges"] if e["fromID"] == scheme["nodeID"]]
        assert len(into) == 1 and len(out_of) == 1, scheme
        assert nodes[into[0]]["type"] == nodes[out_of[0]]["type"] == "I"
        found.add((into[0], scheme["type"], out_of[0]))
    kinds = {"supports": "RA", "attacks": "CA", "rebuts": "CA"}
    stated = {(slug_of(f), kinds[r], slug_of(t)) for f, r, t in relations(store, slug)}
    assert found == stated and len(found) == len(relations(store, slug))
    assert {e["fromID"] for e in aif["edges"]} | {e["toID"] for e in aif["edges"]} <= set(nodes)


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
        statements[title] = texts[0].split(" #(")[0]
    assert statements == labels
    kinds = {"supports": "support", "attacks": "attack", "rebuts": "attack"}
    stated = {(slug_of(f), kinds[r], slug_of(t)) for f, r, t in relations(store, slug)}
    assert {tuple(r) for r in parsed["relations"]} == stated


def test_argdown_places_each_claim_under_its_theme_and_side(built: OxigraphStore) -> None:
    parsed = parse_argdown(argdown_text(load_debate(built, seed(built))))
    themes = dict(objects(built, SEED_ID, KGD.theme))
    sides = dict(objects(built, SEED_ID, KGD.side))
    for claim in claim_labels(built, SEED_ID):
        side_title, theme_title = parsed["placed"][slug_of(claim)]
        assert side_title == SIDE_TITLES[sides[claim]]
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
