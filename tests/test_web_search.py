"""Search (issue 13, item 10), with Flask's test client: words combine, phrases, kinds and
their facets, records folded into what they belong to, marks, JSON, hostile input."""

from __future__ import annotations

import io
import re
from html import unescape
from typing import Any

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgdebate.store import OxigraphStore
from kgdebate.web import create_app
from kgdebate.web.search_index import KIND_NAMES, fold, marked, terms_of

from conftest import BASE, SEED_ID, make_settings

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ANNEXATION = "/doc/event/annexation-of-crimea-2014"
RECORDS = ("/participation/", "/membership/", "/position/", "/citation/", "/attribution/", "#")


def page(client: FlaskClient, **params: str) -> str:
    response = client.get("/search", query_string=params, headers={"Accept": BROWSER})
    assert response.status_code == 200 and response.mimetype == "text/html"
    return response.get_data(as_text=True)


def answer(client: FlaskClient, **params: str) -> dict[str, Any]:
    response = client.get("/search.json", query_string=params)
    assert response.status_code == 200 and response.mimetype == "application/json"
    found: dict[str, Any] = response.get_json()
    return found


def every_result(client: FlaskClient, words: str) -> list[dict[str, Any]]:
    """All the results of a query: a kind at a time (the page without a kind shows a few)."""
    kinds = answer(client, q=words)["kinds"]
    results = [r for k in kinds for r in answer(client, q=words, kind=k["kind"])["results"]]
    assert len(results) == sum(k["count"] for k in kinds)
    return results


def section(html: str, kind: str) -> str:
    found = re.search(
        rf'<section class="hits" aria-labelledby="kind-{kind}">.*?</section>', html, re.S
    )
    assert found, f"no {kind} section"
    return found.group()


def hrefs(html: str) -> list[str]:
    return re.findall(r'<li><a href="([^"]+)">', html)


# --- words, phrases ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Kyiv", "/doc/actor/ukraine"),
        ("kyiv", "/doc/actor/ukraine"),
        ("turkiye", "/doc/actor/turkey"),
        ("TÜRKIYE", "/doc/actor/turkey"),
        ("grain deal", "/doc/event/black-sea-grain-initiative"),
        ("not in a position to overrule", f"/doc/claim/{SEED_ID}/c27"),
        ("no good faith", f"/doc/theme/{SEED_ID}/good-faith"),
    ],
)
def test_search_finds_names_aliases_and_claim_text(
    client: FlaskClient, words: str, expected: str
) -> None:
    assert expected in hrefs(page(client, q=words))


def test_fold_is_case_and_diacritic_insensitive() -> None:
    assert fold("Türkiye") == fold("turkiye") == "turkiye"
    assert fold("KYIV") == "kyiv"
    assert terms_of('  "Black   Sea" grain "" "unclosed') == ("black sea", "grain", "unclosed")


def test_issue_13_crimea_2014_finds_the_annexation_and_the_claims_saying_both(
    client: FlaskClient,
) -> None:
    """Issue 13, 10: "Crimea 2014" found nothing, each word being taken as one phrase. Now the
    event (its label says Crimea, its dates 2014) and the claims saying both."""
    html = page(client, q="Crimea 2014")
    events = section(html, "event")
    assert hrefs(events)[0] == ANNEXATION  # the best-fitting event first
    assert re.search(r"Annexation of <mark>Crimea</mark> by", events)
    assert re.search(r'<span class="field">start:</span> <bdi><mark>2014</mark>-02-27', events)
    claims = hrefs(section(html, "claim"))
    assert f"/doc/claim/{SEED_ID}/c17" in claims  # "…of Georgia in 2008 and of Crimea in 2014."
    for result in every_result(client, "Crimea 2014"):  # each shows where both words are
        shown = fold(" ".join([result["label"], *(t["text"] for t in result["texts"])]))
        assert "crimea" in shown and "2014" in shown, result["href"]


def test_words_combine_with_and(client: FlaskClient) -> None:
    """Each word narrows: the results of two words are those found by both, never more."""
    crimea = {r["href"] for r in every_result(client, "Crimea")}
    year = {r["href"] for r in every_result(client, "2014")}
    both = {r["href"] for r in every_result(client, "Crimea 2014")}
    assert both and both < crimea and both < year
    assert both == crimea & year
    assert re.search(r"\b0 results", page(client, q="Crimea zzzz"))  # every word must be found


def test_double_quoted_words_are_one_phrase(client: FlaskClient) -> None:
    words = {r["href"] for r in every_result(client, "talks Belarus")}
    phrase = {r["href"] for r in every_result(client, '"talks in Belarus"')}
    reversed_ = {r["href"] for r in every_result(client, '"Belarus talks"')}
    assert "/doc/event/belarus-talks-2022" in phrase
    assert phrase < words  # the phrase is narrower than its words
    assert "/doc/event/belarus-talks-2022" not in reversed_  # never written in that order
    html = page(client, q='"talks in Belarus"')
    assert "Russia–Ukraine <mark>talks in Belarus</mark>" in html  # marked whole
    assert 'href="/doc/event/istanbul-talks-2022"' not in page(client, q='"talks Istanbul"')


# --- records folded into what they belong to --------------------------------------------------


def test_talks_gives_claims_and_events_never_records(client: FlaskClient) -> None:
    """Issue 13, 10: most hits for "talks" were participation records; a participation is
    folded into its event, a quote into its claim, and neither is ever a result itself."""
    results = every_result(client, "talks")
    kinds = {r["kind"] for r in results}
    assert {"claim", "event"} <= kinds and kinds <= set(KIND_NAMES)
    found = [r["href"] for r in results]
    assert not [href for href in found if any(record in href for record in RECORDS)]
    assert len(found) == len(set(found))  # each thing once
    assert found.count("/doc/event/istanbul-talks-2022") == 1


def test_a_hit_on_a_participation_shows_its_event_once(client: FlaskClient) -> None:
    """ "Turkey host" is said by Turkey's participation in the Istanbul talks (its role: host):
    the event is found, once, with the participation shown as its text."""
    [event] = [r for r in every_result(client, "Turkey host") if r["kind"] == "event"]
    assert event["href"] == "/doc/event/istanbul-talks-2022"
    assert [t["field"] for t in event["texts"]] == ["participation"]
    assert event["texts"][0]["text"] == "Turkey in Istanbul talks: host"


def test_a_hit_on_a_quote_shows_its_claim(client: FlaskClient) -> None:
    """c01's quoted words differ from its statement (its label): found by them, the claim is the
    result, its quote the text shown."""
    [claim] = every_result(client, '"can guarantee Ukraine"')
    assert claim["href"] == f"/doc/claim/{SEED_ID}/c01" and claim["kind"] == "claim"
    [quote] = claim["texts"]
    assert quote["field"] == "quote" and quote["text"].startswith("The U.S. government is")
    assert [quote["text"][a:b] for a, b in quote["marks"]] == ["can guarantee Ukraine"]


# --- kinds and facets --------------------------------------------------------------------------


def test_results_are_grouped_by_kind_with_a_facet_per_kind(client: FlaskClient) -> None:
    html = page(client, q="ukrain")
    headings = re.findall(r'<h2 id="kind-([a-z]+)">', html)
    assert headings[:2] == ["claim", "actor"] and len(headings) > 2  # in KINDS order
    facet = re.search(r'<nav class="facets" aria-label="Kinds of results">.*?</nav>', html, re.S)
    assert facet
    counts = dict(
        re.findall(
            r'<a href="/search\?q=ukrain&amp;kind=([a-z]+)">[^<]+</a> \((\d+)\)', facet.group()
        )
    )
    data = answer(client, q="ukrain")
    assert counts == {k["kind"]: str(k["count"]) for k in data["kinds"]}
    assert f"all ({data['total']})" in facet.group()
    assert "kgd:State" in section(html, "actor")  # each result says its type
    claims = section(html, "claim")  # more claims than a page shows: a link to all, keeping q
    assert len(hrefs(claims)) == 10 < int(counts["claim"])
    assert f'<a href="/search?q=ukrain&amp;kind=claim">All {counts["claim"]} claims</a>' in claims


def test_the_kind_facet_filters_and_keeps_the_words(client: FlaskClient) -> None:
    everything = answer(client, q="talks")
    events = answer(client, q="talks", kind="event")
    assert events["kind"] == "event" and events["results"]
    assert {r["kind"] for r in events["results"]} == {"event"}
    assert len(events["results"]) == next(
        k["count"] for k in everything["kinds"] if k["kind"] == "event"
    )
    assert events["kinds"] == everything["kinds"]  # the counts stay those of every kind
    html = page(client, q="talks", kind="event")
    assert re.findall(r'<h2 id="kind-([a-z]+)">', html) == ["event"]
    assert '<span aria-current="true">Events (' in html
    assert '<a href="/search?q=talks">all (' in html  # back to every kind, the words kept
    assert '<a href="/search?q=talks&amp;kind=claim">Claims</a>' in html
    assert answer(client, q="talks", kind="figure")["results"] == []
    refused = client.get("/search.json", query_string={"q": "talks", "kind": "participation"})
    assert refused.status_code == 400 and refused.get_json()["code"] == "unknown-kind"


# --- JSON --------------------------------------------------------------------------------------


def test_json_at_the_same_url_and_by_accept(client: FlaskClient) -> None:
    suffixed = answer(client, q="Crimea 2014")
    negotiated = client.get("/search?q=Crimea+2014", headers={"Accept": "application/json"})
    assert negotiated.mimetype == "application/json" and negotiated.get_json() == suffixed
    assert "Accept" in negotiated.headers["Vary"]
    browser = client.get("/search?q=Crimea+2014", headers={"Accept": BROWSER})
    assert browser.mimetype == "text/html" and "Accept" in browser.headers["Vary"]
    assert (
        browser.headers["Link"]
        == '</search.json?q=Crimea+2014>; rel="alternate"; type="application/json"'
    )
    assert suffixed["query"] == "Crimea 2014" and suffixed["terms"] == ["crimea", "2014"]
    [event] = [r for r in suffixed["results"] if r["href"] == ANNEXATION]
    assert event["iri"] == BASE + "id/event/annexation-of-crimea-2014"
    assert event["kind"] == "event" and event["type"] == "kgd:Event"
    start, end = event["labelMarks"][0]
    assert event["label"][start:end] == "Crimea"
    [shown] = event["texts"]
    assert [shown["text"][a:b] for a, b in shown["marks"]] == ["2014"]


# --- marks, escaping, limits -------------------------------------------------------------------


def test_marks_follow_the_folded_words() -> None:
    assert marked("Türkiye and TURKIYE", ("turkiye",)) == [
        ("Türkiye", True),
        (" and ", False),
        ("TURKIYE", True),
    ]
    assert marked("talks Istanbul", ("stanb", "talks istanbul")) == [("talks Istanbul", True)]


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory, built: OxigraphStore) -> FlaskClient:
    """The built store and an actor whose label and description are markup."""
    tmp = tmp_path_factory.mktemp("search-hostile")
    built.backup(tmp / "copy")
    copy = OxigraphStore(tmp / "copy")
    copy.load(io.BytesIO(HOSTILE.encode()), ox.RdfFormat.TRIG)
    copy.backup(tmp / "store")
    del copy
    app: Flask = create_app(make_settings(tmp, data_dir=tmp / "store"))
    return app.test_client()


HOSTILE = f"""
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<{BASE}graph/hostile> {{
  <{BASE}id/actor/hostile> a <{BASE}def/kgdebate#State> ;
    rdfs:label "<script>alert(1)</script> Atlantis"@en ;
    dcterms:description "Atlantis <img src=x onerror=alert(2)> & co" .
}}
"""


def test_marks_are_escaped_and_hostile_words_inert(hostile_client: FlaskClient) -> None:
    """security.md 3b-20/21: a mark inside hostile data, and hostile words, stay text."""
    html = page(hostile_client, q="script Atlantis onerror")
    assert hrefs(html) == ["/doc/actor/hostile"]
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert (
        "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>Atlantis</mark>"
        in html
    )
    assert "&lt;img src=x <mark>onerror</mark>=alert(2)&gt; &amp; co" in html
    words = '<script>alert(3)</script> "><img src=x onerror=alert(4)>'
    hostile = page(hostile_client, q=words)
    assert "<script>" not in hostile and "<img" not in hostile
    assert unescape(re.search(r'name="q" value="([^"]*)"', hostile).group(1)) == words  # type: ignore[union-attr]
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in hostile
    data = answer(hostile_client, q="script")
    [result] = data["results"]
    assert result["label"] == "<script>alert(1)</script> Atlantis"  # JSON is data, as stored


def test_limits_and_odd_input(client: FlaskClient) -> None:
    assert client.get("/search", query_string={"q": "a" * 500}).status_code == 400
    assert client.get("/search", query_string={"q": "(a+)+$"}).status_code == 200
    assert client.get("/search", query_string={"q": "a\x00b"}).status_code == 400
    assert answer(client, q="a")["results"] == []  # one character is not searched
    assert answer(client, q='""')["results"] == []
    assert "<h1>Search</h1>" in page(client)  # the empty form
