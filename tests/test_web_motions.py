"""``/motions/<slug>``: the stance matrix over the seed and a small corpus of speeches written for
these tests (``ungdc_sample``), with its filters, orders, map and the same rows as JSON and CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.ingest.pipeline import ingest_files
from kgdebate.store import OxigraphStore
from kgdebate.ungdc.command import import_ungdc
from kgdebate.web import create_app
from kgdebate.web.jobs import query_pool_holder
from kgdebate.web.worldmap import country_paths
from ungdc_sample import ROWS, SPEECHES, write_corpus

from conftest import DATA, make_settings

MORE = {
    "NOR_78_2023.txt": "We call for a ceasefire in Ukraine and for negotiations now.\n",
    "POL_77_2022.txt": "We condemn the Russian aggression against Ukraine.\n",
}
MORE_ROWS = [
    (2023, 78, "NOR", "Norway", "Jonas Gahr Støre", "Prime Minister"),
    (2022, 77, "POL", "Poland", "Andrzej Duda", "President"),
]
URL = "/motions/negotiate-now"


@pytest.fixture(scope="module")
def app(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder = tmp_path_factory.mktemp("motions")
    built.backup(folder / "store")
    data = folder / "data"
    shutil.copytree(DATA / "reference", data / "reference")
    corpus = write_corpus(folder / "ungdc", SPEECHES | MORE, ROWS + MORE_ROWS)
    settings = make_settings(folder, data_dir=folder / "store")
    store = OxigraphStore(settings.data_dir)
    report = import_ungdc(corpus, corpus / "speakers.xlsx", data, store, settings)
    assert [o.error for o in report.outcomes] == [None] * 6
    store.backup(folder / "served")  # served from a copy, as a server reads a published store
    app = create_app(dataclasses.replace(settings, data_dir=folder / "served"))
    yield app
    query_pool_holder(app).stop()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def rows_of(html: str) -> dict[str, list[str]]:
    """Each matrix row's id and the positions in its cells, in column order ("—" for none)."""
    table = html.split('<table class="rows matrix">')[1].split("</table>")[0]
    found = {}
    for row_id, body in re.findall(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', table, re.S):
        found[row_id] = [position(cell) for cell in re.findall(r"<td>(.*?)</td>", body, re.S)]
    return found


def position(cell: str) -> str:
    match = re.search(r'class="pos pos-([a-z-]+)"', cell)
    return match.group(1) if match else "—"


def test_the_matrix_has_a_row_per_actor_and_a_column_per_year_and_debate(
    client: FlaskClient,
) -> None:
    page = client.get(URL)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "The war should end through a ceasefire and negotiations now" in html
    rows = rows_of(html)
    assert rows["NOR"] == ["against", "for-talks-now", "—"]
    assert rows["BRA"] == ["for-talks-now", "—", "—"]
    assert rows["FJI"] == ["silent", "—", "—"]
    assert rows["RUS"] == ["pro-russia", "—", "—"]
    assert rows["POL"] == ["against", "—", "—"]
    teams = {k: v for k, v in rows.items() if k.startswith("team-")}
    assert teams == {
        "team-against-the-motion": ["—", "—", "against"],
        "team-for-the-motion": ["—", "—", "for-talks-now"],
    }
    assert 'class="machine"' in html  # the rules' stances are marked as such
    assert "We condemn the invasion of Ukraine." in html  # the words, a click away


def test_filters_and_orders_are_addresses(client: FlaskClient) -> None:
    europe = rows_of(client.get(f"{URL}?region=Europe").get_data(as_text=True))
    assert set(europe) == {"NOR", "RUS", "POL"}
    nato = rows_of(client.get(f"{URL}?member=nato").get_data(as_text=True))
    assert set(nato) == {"POL"}
    changed = client.get(f"{URL}?sort=change").get_data(as_text=True)
    assert list(rows_of(changed))[0] == "NOR"  # the one state whose position changed
    listed = changed.split('id="changed"')[1]
    assert "Norway" in listed and "Brazil" not in listed
    for bad in ("sort=size", "member=Atlantis", "region=Mars", "year=1999"):
        assert client.get(f"{URL}?{bad}").status_code == 400
    assert client.get("/motions/no-such-motion").status_code == 404
    assert client.get("/motions/Not%20A%20Slug").status_code == 404


def test_the_rows_as_json_and_csv(client: FlaskClient) -> None:
    answer = json.loads(client.get(f"{URL}.json").get_data())
    names = answer["head"]["vars"]
    assert names[:12] == [
        "iso3", "actor", "speaker", "year", "document", "stance", "overall", "quote", "start",
        "end", "confidence", "curated",
    ]  # fmt: skip
    table = list(csv.DictReader(io.StringIO(client.get(f"{URL}.csv").get_data(as_text=True))))
    assert len(table) == len(answer["results"]["bindings"])
    brazil = [r for r in table if r["iso3"] == "BRA"]
    assert [(r["stance"], r["overall"], r["curated"]) for r in brazil] == [
        ("calls-for-talks", "for-talks-now", "false")
    ]
    assert client.get(f"{URL}.xml").status_code == 404


@pytest.mark.skipif(country_paths() is None, reason="world-atlas not installed (make vendor)")
def test_each_country_on_the_map_links_to_its_row_with_the_same_position(
    client: FlaskClient,
) -> None:
    for year in ("2022", "2023"):
        html = client.get(f"{URL}?year={year}").get_data(as_text=True)
        rows = rows_of(html)
        column = 0 if year == "2022" else 1
        svg = html.split('<svg class="worldmap"')[1].split("</svg>")[0]
        linked = re.findall(
            r'<a href="#([A-Z]{3})" class="country" aria-label="[^"]*: ([a-z-]+)"', svg
        )
        assert linked, "no country on the map links to the table"
        for iso3, position in linked:
            assert rows[iso3][column] == position
        on_map = {iso for iso, cells in rows.items() if len(iso) == 3 and cells[column] != "—"}
        assert {iso3 for iso3, _ in linked} == on_map


def test_the_reading_view_highlights_each_stance_in_the_text(
    app: Flask, tmp_path_factory: pytest.TempPathFactory
) -> None:
    texts = tmp_path_factory.mktemp("texts")
    for name, text in (SPEECHES | MORE).items():
        (texts / name).write_text(text, "utf-8")
    reader = create_app(make_settings(texts, data_dir=app_data_dir(app), texts_dir=texts))
    try:
        html = reader.test_client().get("/read/ungdc-77-nor").get_data(as_text=True)
        assert '<p id="p2">' in html  # paragraphs numbered
        assert re.search(
            r'<span id="w-s01"></span><a class="quote tone-condemns-russia machine-found" '
            r'href="#claim-s01"[^>]*>We condemn the invasion of Ukraine.</a>',
            html,
        )
        assert '<li id="claim-s01"><a href="#w-s01"' in html
        assert "Orphans" not in html
        blank = create_app(make_settings(texts, data_dir=app_data_dir(app), texts_dir=texts / "x"))
        html = blank.test_client().get("/read/ungdc-77-nor").get_data(as_text=True)
        assert "This server has no copy of the text" in html
        query_pool_holder(blank).stop()
    finally:
        query_pool_holder(reader).stop()
    assert app.test_client().get("/read/no-such-document").status_code == 404


def test_a_quote_that_is_not_at_its_offsets_is_an_orphan(
    store: OxigraphStore, settings: Settings, tmp_path: Path
) -> None:
    """A document stored without its text was never checked against it: when the server has
    the text, a quote that is not at its offsets is listed as an orphan, never re-anchored."""
    corpus = write_corpus(tmp_path / "ungdc")
    data = tmp_path / "data"
    shutil.copytree(DATA / "reference", data / "reference")
    import_ungdc(corpus, corpus / "speakers.xlsx", data, None, settings)
    annotation = data / "annotations" / "ungdc" / "2022" / "NOR_77_2022.yaml"
    moved = annotation.read_text("utf-8").replace("start: 11", "start: 12")
    annotation.write_text(moved, "utf-8")
    nowhere = dataclasses.replace(
        settings, texts_dir=tmp_path / "no-texts", reference_dir=data / "reference"
    )
    load_trusted(store, nowhere)
    [outcome] = ingest_files([annotation], store, nowhere)
    assert outcome.stored and any("quotes were not verified" in w for w in outcome.warnings)
    served = tmp_path / "served"
    store.backup(served)  # the server reads a copy: the test still holds the store open for writes
    reader = create_app(dataclasses.replace(settings, data_dir=served, texts_dir=corpus))
    try:
        html = reader.test_client().get("/read/ungdc-77-nor").get_data(as_text=True)
    finally:
        query_pool_holder(reader).stop()
    text, claims = html.split("<aside")
    assert "We condemn the invasion of Ukraine." in text
    assert 'href="#claim-s01"' not in text  # its words are not highlighted anywhere
    assert "s01" in claims.split("Orphans")[1]


def app_data_dir(app: Flask) -> Path:
    from kgdebate.web.context import context

    with app.app_context():
        return context().settings.data_dir
