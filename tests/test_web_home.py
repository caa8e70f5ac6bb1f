"""The app factory, the front page and the one error shape (Flask's test client)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from kgdebate import __version__
from kgdebate.namespaces import KGD
from kgdebate.store import OxigraphStore

from conftest import BASE, SEED_ID


def test_front_page_shows_the_graph(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "kgd:Claim" in response.get_data(as_text=True)
    assert response.headers["Content-Security-Policy"] == "default-src 'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_every_page_names_its_icon_and_the_icon_is_served(client: FlaskClient) -> None:
    """Browsers asked for /favicon.ico on every page (a 404 each time) without one named."""
    page = client.get("/").get_data(as_text=True)
    icon = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)">', page)
    assert icon is not None
    with client.get(icon.group(1)) as served:
        assert served.status_code == 200 and served.mimetype == "image/svg+xml"


def test_unknown_path_gets_the_one_error_shape(client: FlaskClient) -> None:
    response = client.get("/no/such/page<script>")
    assert response.status_code == 404
    assert response.get_json() == {"error": "not found", "code": "not-found"}
    assert b"<script>" not in response.data


def test_front_page_leads_to_the_documents_and_everything_else(
    client: FlaskClient, built: OxigraphStore
) -> None:
    document = f"{BASE}id/document/{SEED_ID}"
    expected_claims = sum(
        1 for _ in built.query(f"SELECT ?c {{ ?c {KGD.inDocument.n3()} <{document}> }}")
    )
    expected_warnings = built.query(
        f"SELECT (COUNT(?w) AS ?n) {{ GRAPH <{BASE}graph/provenance/{SEED_ID}> "
        "{ ?w <http://www.w3.org/ns/shacl#resultSeverity> <http://www.w3.org/ns/shacl#Warning> } }"
    )
    page = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    documents = page[page.index('id="documents"') : page.index('id="explore"')]
    assert f'href="/doc/document/{SEED_ID}"' in documents
    claims, warnings = re.search(r"<td>(\d+)</td><td>(\d+)</td></tr>", documents).groups()
    warnings_in_store = int(next(iter(expected_warnings))["n"].value)
    assert (int(claims), int(warnings)) == (
        expected_claims,
        warnings_in_store,
    ) and warnings_in_store
    assert '<td class="date">2023-11-16</td>' in documents
    for link in ("/queries", "/sparql", "/search", "/dump.trig", "/dump.nq", "/.well-known/void"):
        assert f'href="{link}"' in page, link
    for suffix in ("ttl", "jsonld", "nt", "rdf"):  # the VoID description in each of its formats
        assert f'href="/.well-known/void?format={suffix}"' in page, suffix
    open_warnings = page[page.index('id="warnings"') : page.index('id="contents"')]
    assert "citation needed" in open_warnings and "Should the Biden Administration" in open_warnings
    assert "<code>source:</code>" in open_warnings and "`" not in open_warnings  # as code
    assert f"kgdebate {__version__}" in page


def test_a_large_series_is_one_line_that_opens_to_its_documents() -> None:
    from kgdebate.web.home import SERIES_SHOWN_WHOLE, _series

    def document(series: str) -> dict[str, object]:
        return {"series": series, "claims": 1, "warnings": 0}

    documents = [document("")] + [document("big")] * (SERIES_SHOWN_WHOLE + 1) + [document("small")]
    groups = dict(_series(documents))
    assert list(groups) == ["", "big"]
    assert len(groups[""]) == 2 and len(groups["big"]) == SERIES_SHOWN_WHOLE + 1


def test_a_message_s_backquoted_words_are_code_and_the_rest_is_escaped() -> None:
    from kgdebate.web.terms import code_spans

    assert str(code_spans("give `source:` or <b>`x`")) == (
        "give <code>source:</code> or &lt;b&gt;<code>x</code>"
    )
    assert str(code_spans("one ` alone <i>")) == "one ` alone &lt;i&gt;"
