"""Entity pages (Flask's test client): Cool URIs, negotiation, panels, debate map, hostile data."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from kgdebate.exports.debate import load_debate
from kgdebate.exports.document import find_document
from kgdebate.namespaces import KGD, SKOS
from kgdebate.store import OxigraphStore
from kgdebate.web import create_app, describe, panels

from conftest import BASE, SEED_ID, make_settings

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
PUBLIC = "https://kgdebate.example/app/"
UKRAINE = BASE + "id/actor/ukraine"
CLAIM = f"claim/{SEED_ID}/c42"  # rebuts c36
HOSTILE = BASE + "id/actor/hostile"
HOSTILE_TTL = f"""
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <http://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
<{BASE}graph/hostile> {{
  <{HOSTILE}> a <{BASE}def/kgdebate#State> ;
    rdfs:label "<script>alert(1)</script>"@en ;
    skos:altLabel "\\"><img src=x onerror=alert(1)>" ;
    dcterms:description "</script><script>alert(2)</script>" ;
    skos:editorialNote "\\u202Eevil reversed" ;
    schema:url <javascript:alert(3)> ;
    owl:sameAs <data:text/html,boo> .
}}
"""


def _app(store_dir: Path) -> Flask:
    return create_app(make_settings(store_dir.parent, data_dir=store_dir, public_url=PUBLIC))


@pytest.fixture(scope="module")
def app_settings() -> dict[str, object]:
    return {"public_url": PUBLIC}


@pytest.fixture(scope="module")
def hostile_app(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """A copy of the store with hostile literals and IRIs loaded (security.md 3b-20)."""
    tmp = tmp_path_factory.mktemp("web-hostile")
    writable = OxigraphStore(tmp / "writable")
    built.backup(tmp / "copy")
    copy = OxigraphStore(tmp / "copy")
    copy.load(io.BytesIO(HOSTILE_TTL.encode()), ox.RdfFormat.TRIG)
    copy.backup(tmp / "store")
    del copy, writable
    return _app(tmp / "store")


def html(client: FlaskClient, url: str) -> str:
    response = client.get(url, headers={"Accept": BROWSER})
    assert response.status_code == 200, url
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


# --- Cool URIs ---------------------------------------------------------------------------------


def test_id_answers_303_to_the_configured_document_url_whatever_the_host(
    client: FlaskClient,
) -> None:
    response = client.get(
        "/id/actor/ukraine",
        headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == PUBLIC + "doc/actor/ukraine"


def test_concepts_dereference_like_entities(client: FlaskClient) -> None:
    response = client.get("/vocab/for-motion")
    assert response.status_code == 303
    assert response.headers["Location"] == PUBLIC + "doc/vocab/for-motion"
    assert "for the motion" in html(client, "/doc/vocab/for-motion")


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (BROWSER, "text/html"),
        ("*/*", "text/turtle"),
        ("", "text/turtle"),
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/json;q=0.5, application/n-triples", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
    ],
)
def test_document_negotiates(client: FlaskClient, accept: str, media_type: str) -> None:
    response = client.get("/doc/actor/ukraine", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]
    link = response.headers["Link"]
    for suffix, kind in (
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("rdf", "application/rdf+xml"),
    ):
        assert f'<{PUBLIC}doc/actor/ukraine.{suffix}>; rel="alternate"; type="{kind}"' in link


def test_plain_json_is_not_acceptable(client: FlaskClient) -> None:
    response = client.get("/doc/actor/ukraine", headers={"Accept": "application/json"})
    assert response.status_code == 406
    assert response.get_json()["code"] == "not-acceptable"


@pytest.mark.parametrize(
    ("suffix", "media_type"),
    [
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("nt", "application/n-triples"),
        ("rdf", "application/rdf+xml"),
        ("html", "text/html"),
    ],
)
def test_suffix_pins_the_format(client: FlaskClient, suffix: str, media_type: str) -> None:
    response = client.get(f"/doc/actor/ukraine.{suffix}", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.mimetype == media_type


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        ("ttl", ox.RdfFormat.TURTLE),
        ("jsonld", ox.RdfFormat.JSON_LD),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("rdf", ox.RdfFormat.RDF_XML),
    ],
)
def test_rdf_parses_and_describes_the_entity(
    client: FlaskClient, suffix: str, fmt: ox.RdfFormat
) -> None:
    body = client.get(f"/doc/actor/ukraine.{suffix}").data
    triples = [q.triple for q in ox.parse(body, format=fmt)]
    ukraine = ox.NamedNode(UKRAINE)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert ox.Triple(ukraine, label, ox.Literal("Ukraine", language="en")) in triples
    assert any(t.object == ukraine for t in triples)  # in-links too
    assert any(t.predicate.value.endswith("#metonym") for t in triples)


def test_rdf_xml_holds_the_same_triples_as_turtle(client: FlaskClient) -> None:
    for path in (f"document/{SEED_ID}", CLAIM, "statistic/ukrainians-support-fighting-84"):
        turtle = ox.parse(client.get(f"/doc/{path}.ttl").data, format=ox.RdfFormat.TURTLE)
        xml = ox.parse(client.get(f"/doc/{path}.rdf").data, format=ox.RdfFormat.RDF_XML)
        assert {q.triple for q in xml} == {q.triple for q in turtle}, path


def test_the_page_offers_every_format_in_its_list(client: FlaskClient) -> None:
    page = html(client, "/doc/actor/ukraine")
    formats = re.search(r'<p class="formats">This page as(.*?)</p>', page, re.S)
    assert formats is not None
    for suffix, name in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples")):
        assert f'href="{PUBLIC}doc/actor/ukraine.{suffix}"' in formats.group(1), name
    assert f'href="{PUBLIC}doc/actor/ukraine.rdf" type="application/rdf+xml">RDF/XML</a>' in (
        formats.group(1)
    )
    assert (
        f'<link rel="alternate" href="{PUBLIC}doc/actor/ukraine.rdf" type="application/rdf+xml">'
        in page
    )
    external = html(client, "/doc/external?iri=http://www.wikidata.org/entity/Q212")
    assert "format=rdf" in external and ">RDF/XML</a>" in external


def test_claim_rdf_includes_its_quote_selectors(client: FlaskClient) -> None:
    body = client.get(f"/doc/{CLAIM}.nt").data
    exact = [
        q
        for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        if q.predicate.value.endswith("oa#exact")
    ]
    assert exact and exact[0].object.value.startswith("Therefore, the Biden administration")


@pytest.mark.parametrize(
    "path",
    [
        "/doc/actor/no-such-actor",
        "/id/actor/no-such-actor",
        "/doc/actor/",
        "/doc/actor/ukraine/",
        "/doc/actor/..%2F..%2Fetc%2Fpasswd",
        "/doc/actor/ukraine%252F",
        "/doc/actor/Ukraine",
        "/doc/actor/ukraine;params",
        "/doc/actor/%E2%80%AEukraine",
        "/doc/nothing/ukraine",
        "/doc/external?iri=http://evil.example/",
        "/doc/external?iri=//evil.example",
        "/doc/external?iri=not%20an%20iri",
        "/id/vocab/for-motion",
    ],
)
def test_unknown_or_tricky_identifiers_get_the_same_404(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.get_json() == {"error": "not found", "code": "not-found"}
    assert "Location" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/doc/actor/ukraine%00",
        "/id/actor/ukraine%0d%0aSet-Cookie:%20x=1",
        "/doc/external?iri=http://www.wikidata.org/entity/Q212%0d%0aX:1",
    ],
)
def test_control_characters_are_a_400(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert "Set-Cookie" not in response.headers


def test_overlong_identifier_is_refused(client: FlaskClient) -> None:
    response = client.get("/doc/actor/" + "a" * 2000)
    assert response.status_code == 414


def test_external_iri_in_the_graph_gets_a_page_never_a_redirect(client: FlaskClient) -> None:
    page = html(client, "/doc/external?iri=http://www.wikidata.org/entity/Q212")
    assert "Ukraine" in page
    turtle = client.get("/doc/external?iri=http://www.wikidata.org/entity/Q212&format=ttl")
    assert turtle.mimetype == "text/turtle"
    own = client.get(f"/doc/external?iri={UKRAINE}")
    assert own.status_code == 301 and own.headers["Location"] == PUBLIC + "doc/actor/ukraine"


def test_head_options_and_post(client: FlaskClient) -> None:
    get = client.get("/doc/actor/ukraine", headers={"Accept": BROWSER})
    head = client.head("/doc/actor/ukraine", headers={"Accept": BROWSER})
    assert head.status_code == 200 and head.data == b""
    assert head.headers["Content-Type"] == get.headers["Content-Type"]
    options = client.options("/doc/actor/ukraine")
    assert options.status_code == 204 and "GET" in options.headers["Allow"]
    post = client.post("/doc/actor/ukraine")
    assert post.status_code == 405 and "GET" in post.headers["Allow"]


# --- pages by kind -----------------------------------------------------------------------------


def test_actor_page(client: FlaskClient) -> None:
    page = html(client, "/doc/actor/ukraine")
    assert "<h1><bdi>Ukraine</bdi></h1>" in page
    assert 'href="http://www.wikidata.org/entity/Q212"' in page  # wikidataId linked via sameAs
    for panel in ("claims-about", "actor-events", "actor-positions", "actor-memberships"):
        assert f'id="panel-{panel}"' in page
    assert "against the motion" in page and "for the motion" in page
    assert "Istanbul talks" in page and "negotiating party" in page
    assert "Volodymyr Zelenskyy" in page  # a position held in it
    assert "kgd:metonym" in page  # properties as CURIEs
    assert "Pointing here" in page


def test_poland_memberships_and_claims(client: FlaskClient) -> None:
    page = html(client, "/doc/actor/poland")
    assert "North Atlantic Treaty Organization" in page or "NATO" in page
    assert f"/doc/claim/{SEED_ID}/c09" in page  # cited as an illustration


def test_event_page(client: FlaskClient) -> None:
    page = html(client, "/doc/event/istanbul-talks-2022")
    for panel in ("event-facts", "event-participants", "event-timeline", "claims-about"):
        assert f'id="panel-{panel}"' in page
    assert "2022-03-29" in page
    assert "Turkey" in page and "host" in page
    assert "Bennett" in page  # it follows Bennett's mediation
    assert "same year" in page


@pytest.mark.parametrize(
    ("path", "panel"),
    [
        ("/doc/actor/poland", "claims-about"),
        ("/doc/event/istanbul-talks-2022", "cited-by"),
        ("/doc/statistic/ukrainians-support-fighting-84", "statistic-citations"),
    ],
)
def test_claims_listed_on_a_page_show_their_exact_words(
    client: FlaskClient, built: OxigraphStore, path: str, panel: str
) -> None:
    page = html(client, path)
    section = page[page.index(f'id="panel-{panel}"') :]
    section = section[: section.index("</section>")]
    assert 'value="words" checked' in section and 'value="paraphrase"' in section  # the toggle
    cells = re.findall(r'<a href="/doc/(claim/[^"]+)">(.*?)</a>', section)
    assert cells
    for claim, cell in cells:
        exact = next(
            built.query(
                "SELECT ?w WHERE { ?c <http://www.w3.org/ns/oa#hasSelector> ?s . "
                f"<{BASE}id/{claim}> <{KGD.quote}> ?c . ?s <http://www.w3.org/ns/oa#exact> ?w }}"
            )
        )["w"].value
        assert f'<q class="words"><bdi>{escape(exact)}</bdi></q>' in cell
        assert '<span class="paraphrase">' in cell


def test_claim_page_shows_quote_in_context_and_rebuttal(client: FlaskClient) -> None:
    page = html(client, f"/doc/{CLAIM}")
    assert "<mark><bdi>Therefore, the Biden administration should not push" in page
    assert "decide for itself what is best." in page  # the prefix around it
    assert "against the motion" in page and "Temporal Considerations Matter" in page
    assert "kgd:rebuts" in page and f"/doc/claim/{SEED_ID}/c36" in page
    assert "show SPARQL" in page


def test_document_page_draws_the_debate_map(client: FlaskClient) -> None:
    page = html(client, f"/doc/document/{SEED_ID}")
    boxes = re.findall(r'<article class="claim claim-box" id="(c\d\d)">', page)
    assert len(boxes) == len(set(boxes)) == 42
    assert "<svg" in page and "arrow-rebuts" in page
    assert '→ rebuts <a href="#c36">c36</a>' in page
    assert '← rebuts: by <a href="#c42">c42</a>' in page
    for theme in (
        "The U.S. Must Play an Integral Role",
        "No Good Faith by Russia in Negotiations",
        "Moral Imperative Remains Central",
        "Temporal Considerations Matter",
    ):
        assert theme in page
    assert "For the motion" in page and "Against the motion" in page
    assert "Belfer Center" in page  # how to cite it
    assert "<dt>how to cite</dt>" in page and "<dt>howToCite</dt>" not in page  # in words
    scripts = re.findall(r"<script[^>]*>", page)  # the CSP allows files of this app only
    assert scripts == ['<script src="/static/debatemap.js" defer>'] and "style=" not in page
    for panel in ("document-claims", "document-relations", "document-citations"):
        assert f"?panel={panel}&amp;format=csv" in page


def test_the_debate_map_lays_out_the_debate_the_exports_build(
    client: FlaskClient, built: OxigraphStore
) -> None:
    """One debate model: every relation the exports know is on the map, restatements too."""
    debate = load_debate(built, find_document(built, BASE, SEED_ID))
    page = html(client, f"/doc/document/{SEED_ID}")
    inside = [r for r in debate.relations if r.target in debate.claims]
    assert len(re.findall(r'<path class="arrow arrow-', page)) == len(inside)
    assert any(r.kind == "restates" for r in inside)
    for relation in debate.relations:
        source, target = debate.claim_id(relation.source), relation.target.rsplit("/", 1)[-1]
        assert f'→ {relation.kind} <a href="#{target}">{target}</a>' in page, (source, target)


def test_the_debate_map_places_claims_of_neither_side_and_of_none_apart(
    client: FlaskClient,
) -> None:
    """A claim and its response (no side), a framing sentence (neither side) and two sides: each
    claim is listed under its side and drawn in a place of its own, none stacked on another."""
    from kgdebate.exports.debate import SIDE_ORDER, Claim, Debate, Relation, Theme
    from kgdebate.exports.document import Document
    from kgdebate.mint import Minter
    from kgdebate.web.debatemap import build_map

    neither = "https://w3id.org/kgdebate/vocab/neither-side"
    sides = [*SIDE_ORDER, SIDE_ORDER[0], neither, "", "", ""]
    claims = [
        Claim(
            f"{BASE}id/claim/d/c0{i}",
            f"claim {i}",
            "fact",
            side,
            "for neither side" * (side == neither),
        )
        for i, side in enumerate(sides, 1)
    ]
    theme = Theme(f"{BASE}id/theme/d/main", "Main")
    for claim in claims:
        theme.sides.setdefault(claim.side, []).append(claim)
    document = Document("d", f"{BASE}id/document/d", f"{BASE}graph/d", Minter(BASE))
    rebuttal = Relation(claims[6].iri, "rebuts", claims[5].iri)
    debate = Debate(document, {c.iri: c for c in claims}, [theme], [rebuttal], {})
    with client.application.test_request_context():
        drawn = build_map(debate, [], "/")
    assert drawn.sides == SIDE_ORDER and drawn.listed == (*SIDE_ORDER, neither, "")
    assert drawn.side_titles[neither] == "For neither side"
    assert drawn.side_titles[""] == "Without a side"
    assert [len(drawn.themes[0].cells[side]) for side in drawn.listed] == [2, 1, 1, 3]
    places = {(box.x, box.y) for box in drawn.claims.values()}
    assert len(places) == len(claims)  # each in a place of its own
    assert all(0 <= box.x + drawn.box_width <= drawn.width for box in drawn.claims.values())
    assert all(box.y + 26 <= drawn.height for box in drawn.claims.values())
    assert len(drawn.arrows) == 1


def test_an_article_s_claims_are_listed_without_the_sides_of_a_debate(
    client: FlaskClient,
) -> None:
    """A news article or a report has claims, but no motion and no sides: no "For the motion"
    and "Against the motion" columns, no "(no theme)"."""
    from kgdebate.exports.debate import NO_THEME, Claim, Debate, Theme
    from kgdebate.exports.document import Document
    from kgdebate.mint import Minter
    from kgdebate.web.debatemap import build_map

    claims = [Claim(f"{BASE}id/claim/n/c0{i}", f"claim {i}", "fact", "", "") for i in (1, 2, 3)]
    theme = Theme("", NO_THEME, {"": claims})
    document = Document("n", f"{BASE}id/document/n", f"{BASE}graph/n", Minter(BASE))
    with client.application.test_request_context():
        drawn = build_map(Debate(document, {c.iri: c for c in claims}, [theme], [], {}), [], "/")
    assert drawn.sides == () and drawn.listed == ("",)
    assert drawn.side_titles[""] == "Its claims, in the order of the text"
    assert [row.label for row in drawn.themes] == ["Claims"]
    assert len({(box.x, box.y) for box in drawn.claims.values()}) == 3


def test_poll_page_says_citation_needed_and_shows_the_attribution(client: FlaskClient) -> None:
    page = html(client, "/doc/statistic/ukrainians-support-fighting-84")
    assert '<span class="citation-needed">citation needed</span>' in page
    assert "KIIS" in page and "confidence" in page and "kgdebate curators" in page
    assert "against the motion" in page
    assert f"/doc/claim/{SEED_ID}/c06" in page and f"/doc/claim/{SEED_ID}/c26" in page


def test_what_points_here_without_a_label_is_named_by_its_path_not_its_whole_iri(
    client: FlaskClient,
) -> None:
    """A citation and an ingest's warning have no label: each is shown by its path under
    `id/` (linked to its page), not by its whole IRI (a newcomer read a column of raw IRIs)."""
    page = html(client, "/doc/statistic/ukrainians-support-fighting-84")
    pointing = page.split('id="in-links"')[1].split("</section>")[0]
    assert f"<bdi>citation/{SEED_ID}/c06-1</bdi>" in pointing
    assert "<bdi>https://" not in pointing


def _panel(page: str, name: str) -> str:
    found = re.search(rf'<section class="panel" id="panel-{name}">(.*?)</section>', page, re.S)
    assert found is not None, name
    return found.group(1)


def _source_entries(panel: str) -> list[str]:
    return re.findall(r'<dl class="facts source">(.*?)</dl>', panel, re.S)


def _own_page(entry: str) -> str:
    return entry.split("<dt>its own page</dt>")[1].split("</dd>")[0]


def _seen_at(entry: str) -> str:
    return (
        entry.split("<dt>copy seen at</dt>")[1].split("</dd>")[0] if "copy seen at" in entry else ""
    )


def test_issue_13_a_figure_s_source_is_its_primary_source_and_the_copy_is_apart(
    client: FlaskClient,
) -> None:
    """The UNHCR report is UNHCR's, not the news site's where a report on it was seen."""
    page = html(client, "/doc/statistic/ukrainian-refugees-abroad-6m")
    [entry] = _source_entries(_panel(page, "statistic-source"))
    assert "<dt>primary source</dt>" in entry
    assert "UNHCR Global Trends report" in entry and "<bdi>UNHCR</bdi>" in entry
    assert "v4na.com" not in _own_page(entry) and "not known" in _own_page(entry)
    assert 'href="https://v4na.com/en/hundreds-of-millions' in _seen_at(entry)
    page = html(client, "/doc/statistic/ukrainian-idps-5m")  # IOM's own page is its link
    [entry] = _source_entries(_panel(page, "statistic-source"))
    assert 'href="https://dtm.iom.int/fr/node/26206"' in _own_page(entry) and not _seen_at(entry)


def test_issue_13_an_event_s_sources_name_their_publishers_and_keep_copies_apart(
    client: FlaskClient,
) -> None:
    """The Istanbul talks rest on the LCIL timeline and on news reports, each by its publisher;
    pages on sites that copy others' reports are where a copy was seen, never a source's link."""
    entries = _source_entries(_panel(html(client, "/doc/event/istanbul-talks-2022"), "sources"))
    assert len(entries) == 7
    lcil = next(e for e in entries if "Key events and dates" in e)
    assert "Lauterpacht Centre for International Law" in lcil
    assert 'href="https://www.lcil.cam.ac.uk/' in _own_page(lcil) and not _seen_at(lcil)
    copied = [e for e in entries if _seen_at(e)]
    hosts = {host for e in copied for host in re.findall(r'href="https?://([^/"]+)', _seen_at(e))}
    assert hosts == {"pledgetimes.com", "18world.ru"}
    assert all("not identified" in e and "not known" in _own_page(e) for e in copied)


def test_issue_13_a_person_s_wikipedia_source_is_wikipedia_seen_in_a_mirror(
    client: FlaskClient,
) -> None:
    entries = _source_entries(_panel(html(client, "/doc/actor/karen-donfried"), "sources"))
    wikipedia = next(e for e in entries if "kiwix" in e)
    assert "<bdi>Wikipedia</bdi>" in wikipedia and "Karen Donfried" in wikipedia
    assert "kiwix" not in _own_page(wikipedia) and "kiwix" in _seen_at(wikipedia)
    page = html(client, "/doc/source/wikipedia-karen-donfried")
    [entry] = _source_entries(_panel(page, "source-record"))
    assert "kiwix.haohe.fun" in _seen_at(entry)


def test_panel_downloads(client: FlaskClient) -> None:
    as_csv = client.get("/doc/actor/ukraine?panel=claims-about&format=csv")
    assert as_csv.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(as_csv.get_data(as_text=True))))
    assert len(rows) >= 20 and {"claim", "sideLabel", "how"} <= set(rows[0])
    as_json = client.get("/doc/actor/ukraine?panel=claims-about&format=json")
    data = json.loads(as_json.data)
    assert len(data["results"]["bindings"]) == len(rows)
    assert client.get("/doc/actor/ukraine?panel=claim-quote&format=csv").status_code == 404
    assert client.get("/doc/actor/ukraine?panel=claims-about&format=xls").status_code == 400


def test_blank_nodes_pointing_at_a_term_are_listed_unlabelled(client: FlaskClient) -> None:
    """kgd:State is a member of owl:unionOf lists: blank nodes point at it."""
    page = html(client, "/doc/external?" + urlencode({"iri": f"{BASE}def/kgdebate#State"}))
    pointing = re.findall(r'<section class="panel" id="in-links">.*?</section>', page, re.S)[0]
    assert "rdf:first" in pointing and "nothing points here" not in pointing


@pytest.mark.usefixtures("uncached")
def test_in_links_paginate(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(describe, "IN_LINKS_PER_PAGE", 5)
    first, second = (
        html(client, "/doc/vocab/for-motion"),
        html(client, "/doc/vocab/for-motion?in=1"),
    )
    section = re.compile(r'<section class="panel" id="in-links">.*?</section>', re.S)
    rows_first = re.findall(r"<tr>", section.findall(first)[0])
    assert len(rows_first) == 5 and "next →" in first and "← previous" not in first
    assert "← previous" in second and section.findall(first) != section.findall(second)
    assert client.get("/doc/actor/ukraine?in=abc", headers={"Accept": BROWSER}).status_code == 400


@pytest.mark.usefixtures("uncached")
def test_rdf_in_links_come_a_page_at_a_time_linked_next_and_prev(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor has as many in-links as claims about it: its RDF pages them like its HTML."""
    monkeypatch.setattr(describe, "IN_LINKS_PER_PAGE", 5)
    ukraine = ox.NamedNode(UKRAINE)
    every = {
        q.triple for q in ox.parse(rdf_in_links_everywhere(client), format=ox.RdfFormat.N_TRIPLES)
    }
    seen: list[ox.Triple] = []
    url: str | None = f"{PUBLIC}doc/actor/ukraine.nt"
    pages = 0
    while url is not None:
        answer = client.get(url.removeprefix(PUBLIC.rstrip("/")).replace("/app", "", 1))
        assert answer.status_code == 200
        triples = [q.triple for q in ox.parse(answer.data, format=ox.RdfFormat.N_TRIPLES)]
        pointing = [t for t in triples if t.object == ukraine]
        assert len(pointing) <= 5 and any(t.subject == ukraine for t in triples)
        seen += pointing
        links = answer.headers.getlist("Link")
        assert (pages > 0) == any('rel="prev"' in link for link in links)
        url = next((link[1 : link.index(">")] for link in links if 'rel="next"' in link), None)
        pages += 1
    assert pages > 2 and len(seen) == len(set(seen)) and set(seen) == every


def rdf_in_links_everywhere(client: FlaskClient) -> bytes:
    """Every triple pointing at Ukraine, by the SPARQL endpoint (no paging there)."""
    query = f"CONSTRUCT {{ ?s ?p <{UKRAINE}> }} WHERE {{ ?s ?p <{UKRAINE}> }}"
    answer = client.get(
        "/sparql", query_string={"query": query}, headers={"Accept": "application/n-triples"}
    )
    assert answer.status_code == 200
    return answer.data


@pytest.fixture(scope="module")
def multilingual_app(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """A copy of the store where the sides have a French label too: two rows per claim."""
    tmp = tmp_path_factory.mktemp("web-multilingual")
    built.backup(tmp / "copy")
    copy = OxigraphStore(tmp / "copy")
    sides = [row["side"] for row in copy.query(f"SELECT DISTINCT ?side {{ ?c <{KGD}side> ?side }}")]
    labels = "".join(f'{side} <{SKOS}prefLabel> "côté"@fr .\n' for side in sides)
    copy.load(io.BytesIO(f"<{BASE}graph/french> {{ {labels} }}".encode()), ox.RdfFormat.TRIG)
    copy.backup(tmp / "store")
    del copy
    return _app(tmp / "store")


@pytest.mark.parametrize("labels", ["one", "two languages"])
def test_claims_about_an_actor_page_through_every_claim(
    app: Flask, multilingual_app: Flask, monkeypatch: pytest.MonkeyPatch, labels: str
) -> None:
    client = (app if labels == "one" else multilingual_app).test_client()
    monkeypatch.setitem(client.application.extensions, "kgdebate.page_cache", None)
    size = 5
    paged = [replace(p, page_size=size) if p.page_size else p for p in panels.PANELS]
    monkeypatch.setattr(panels, "PANELS", tuple(paged))
    download = client.get("/doc/actor/ukraine?panel=claims-about&format=csv")
    every = {(r["claim"], r["how"]) for r in csv.DictReader(io.StringIO(download.text))}
    assert len(every) > 2 * size
    section = re.compile(r'<section class="panel" id="panel-claims-about">.*?</section>', re.S)
    seen: list[tuple[str, str]] = []
    page_number = 0
    while True:
        page = section.findall(html(client, f"/doc/actor/ukraine?claims-about={page_number}"))[0]
        rows = re.findall(
            r'<tr><td><a href="[^"]*/doc/claim/([^"]+)".*?<td><bdi>(mentions|cites)</bdi></td>',
            page,
        )
        assert 0 < len(rows) <= size
        on_page = [(f"{BASE}id/claim/{claim}", how) for claim, how in rows]
        assert set(on_page) <= rows_of_shown_query(client, page)
        seen += on_page
        if "next →" not in page:
            break
        page_number += 1
        assert page_number <= len(every), "the pages never end"
    assert page_number >= 1 and "← previous" in page
    assert set(seen) == every
    if labels == "one":  # with two rows a claim, one may straddle two pages
        assert len(seen) == len(set(seen))


def rows_of_shown_query(client: FlaskClient, panel: str) -> set[tuple[str, str]]:
    """(claim, how) of each row the panel's shown SPARQL gives at /sparql (window included)."""
    shown = unescape(re.findall(r'<pre class="sparql">(.*?)</pre>', panel, re.S)[0])
    assert re.search(r"LIMIT \d+ OFFSET \d+\s*$", shown) and "VALUES (?_iri)" in shown
    answer = client.get(
        "/sparql",
        query_string={"query": shown},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.status_code == 200 and answer.json is not None
    return {(b["claim"]["value"], b["how"]["value"]) for b in answer.json["results"]["bindings"]}


def test_every_page_query_runs(app: Flask) -> None:
    from importlib import resources

    store = app.extensions["kgdebate"].store
    folder = resources.files("kgdebate.web").joinpath("page_queries")
    names = [e.name[:-3] for e in folder.iterdir() if e.name.endswith(".rq")]
    assert len(names) > 20
    for name in names:
        text = describe.page_query(name)
        assert text.startswith("#+ title:") and "PREFIX" in text, name
        if "?_iri" in text:
            assert isinstance(describe.select(store, name, UKRAINE), ox.QuerySolutions)


# --- hostile data (security.md 3b-20) ----------------------------------------------------------


def test_hostile_literals_and_iris_render_inert(hostile_app: Flask) -> None:
    client = hostile_app.test_client()
    page = html(client, "/doc/actor/hostile")
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("/", "#", "?", "http://", "https://")) for h in hrefs)
    assert "javascript:alert(3)" in page  # shown as text, not a link
    assert "<bdi>⟨U+202E⟩evil reversed</bdi>" in page  # the override shown, never obeyed
    assert "\u202e" not in page
    response = client.get("/doc/actor/hostile", headers={"Accept": BROWSER})
    assert response.headers["Content-Security-Policy"] == "default-src 'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        ("“The corridor works.”", "The corridor works."),
        ('"The corridor works"', "The corridor works"),
        ("“It works,” he said.", "“It works,” he said."),  # the quotation ends inside
        ("“A quotation that goes on", "A quotation that goes on"),
        ("He said “yes” twice.", "He said “yes” twice."),
    ],
)
def test_words_set_in_q_lose_the_quotation_marks_q_adds(words: str, shown: str) -> None:
    """<q> adds its own marks: "“"The corridor works…" showed them twice."""
    from kgdebate.web.terms import unquoted

    assert unquoted(words) == shown
