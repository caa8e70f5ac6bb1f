"""/timeline: every event across the years, with participants and the claims citing it (issue 13,
item 3), as a page and as the same rows in JSON and CSV."""

from __future__ import annotations

import csv
import io
import re

from flask.testing import FlaskClient

from kgdebate.namespaces import KGD, RDF
from kgdebate.store import OxigraphStore


def _events(built: OxigraphStore) -> set[str]:
    found = built.query(f"SELECT ?e {{ ?e <{RDF.type}> <{KGD.Event}> }}")
    return {row["e"].value for row in found}


def test_the_timeline_lists_every_event_by_year_in_order(
    client: FlaskClient, built: OxigraphStore
) -> None:
    page = client.get("/timeline", headers={"Accept": "text/html"}).get_data(as_text=True)
    events = _events(built)
    anchors = re.findall(r'<tr id="([a-z0-9-]+)">', page)
    assert sorted(anchors) == sorted(iri.rsplit("/", 1)[-1] for iri in events)
    years = re.findall(r'<section class="panel" id="year-([^"]+)">', page)
    dated = [y for y in years if y.isdigit()]
    assert dated == sorted(dated) and years[-1] == "date unknown"  # undated events come last
    dates = re.findall(r'<td class="date">(\d{4}-\d\d-\d\d)', page)
    assert dates == sorted(dates)
    istanbul = page[page.index('<tr id="istanbul-talks-2022">') :].split("</tr>")[0]
    assert 'href="/doc/event/istanbul-talks-2022"' in istanbul
    assert "Turkey" in istanbul and "Ukraine" in istanbul and "Russia" in istanbul


def test_the_same_rows_as_json_and_csv(client: FlaskClient, built: OxigraphStore) -> None:
    as_json = client.get("/timeline.json").get_json()["results"]["bindings"]
    as_csv = list(csv.DictReader(io.StringIO(client.get("/timeline.csv").get_data(as_text=True))))
    events = _events(built)
    assert {row["event"]["value"] for row in as_json} == events
    assert [row["event"] for row in as_csv] == [row["event"]["value"] for row in as_json]
    assert client.get("/timeline.xml").status_code == 404


def test_an_event_page_links_to_its_row_of_the_timeline(client: FlaskClient) -> None:
    page = client.get("/doc/event/istanbul-talks-2022", headers={"Accept": "text/html"})
    assert 'href="/timeline#istanbul-talks-2022"' in page.get_data(as_text=True)
