"""The exports as users get them: ``kgdebate export --format … --document …`` and the web app's
``/exports/document/<slug>.<suffix>`` downloads, linked from the document page."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

from kgdebate.cli import cli
from kgdebate.exports.formats import DOCUMENT_FORMATS, export_document
from kgdebate.exports.tables import TABLES
from kgdebate.store import OxigraphStore

from conftest import BASE, SEED_ID
from test_exports import AIF_SCHEMA, claim_labels, parse_argdown, parse_jsonld

DOWNLOADS = {
    ".aif.json": "application/json",
    ".schema.jsonld": "application/ld+json",
    ".argdown": "text/plain; charset=utf-8",
    ".csv.zip": "application/zip",
    **{f".{table}.csv": "text/csv; charset=utf-8" for table in TABLES},
}


@pytest.fixture(scope="module")
def data_dir(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot of the built store for the command line to open read-only."""
    target = tmp_path_factory.mktemp("cli-exports") / "store"
    built.backup(target)
    return target


def run(data_dir: Path, *args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "export", *args])
    return result.exit_code, result.stdout_bytes, result.stderr


# ---------------------------------------------------------------- command line


@pytest.mark.parametrize("fmt", ["aif", "schema-jsonld", "argdown"])
def test_cli_writes_a_document_export_to_stdout(
    data_dir: Path, built: OxigraphStore, fmt: str
) -> None:
    code, out, err = run(data_dir, "--format", fmt, "--document", SEED_ID)
    assert code == 0, err
    assert out == export_document(built, BASE, SEED_ID, fmt).body


def test_cli_aif_and_argdown_read_back(data_dir: Path, built: OxigraphStore) -> None:
    _, out, _ = run(data_dir, "-f", "aif", "--document", SEED_ID)
    aif = json.loads(out)
    Draft202012Validator(AIF_SCHEMA).validate(aif)
    claims = {c.rsplit("/", 1)[-1]: text for c, text in claim_labels(built, SEED_ID).items()}
    assert {n["nodeID"]: n["text"] for n in aif["nodes"] if n["type"] == "I"} == claims
    _, out, _ = run(data_dir, "-f", "argdown", "--document", SEED_ID)
    parsed = parse_argdown(out.decode("utf-8"))
    assert parsed["errors"] == [] and set(parsed["statements"]) == set(claims)


def test_cli_writes_csv_tables_as_a_zip(
    data_dir: Path, built: OxigraphStore, tmp_path: Path
) -> None:
    target = tmp_path / "tables.zip"
    code, out, err = run(data_dir, "-f", "csv", "--document", SEED_ID, "-o", str(target))
    assert code == 0 and out == b"" and str(target) in err
    with zipfile.ZipFile(target) as archive:
        claims = archive.read(f"{SEED_ID}/claims.csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(claims, newline="")))
    assert {row["claim"]: row["text"] for row in rows} == claim_labels(built, SEED_ID)


@pytest.mark.parametrize("table", list(TABLES))
def test_cli_writes_each_table_alone_as_the_web_does(
    data_dir: Path, client: FlaskClient, table: str
) -> None:
    code, out, err = run(data_dir, "-f", f"{table}-csv", "--document", SEED_ID)
    assert code == 0, err
    assert out == client.get(f"/exports/document/{SEED_ID}.{table}.csv").data
    header = next(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    assert tuple(header) == TABLES[table]


def test_cli_writes_other_formats_to_a_file_too(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "seed.jsonld"
    code, out, _ = run(data_dir, "-f", "schema-jsonld", "--document", SEED_ID, "-o", str(target))
    assert code == 0 and out == b""
    assert len(parse_jsonld(target.read_bytes())) > 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "aif", "--document", "no-such-document"], "no document 'no-such-document'"),
        (["-f", "argdown", "--document", "Not A Slug"], "not a document slug"),
        (["-f", "argdown"], "add --document SLUG"),
        (["-f", "csv", "--document", SEED_ID], "add --output FILE.zip"),
        (["-f", "trig", "--document", SEED_ID], "drop --document"),
        (["-f", "aif", "--document", SEED_ID, "--graph", BASE + "graph/reference"], "drop --graph"),
    ],
)
def test_cli_refuses_with_a_clear_error(
    data_dir: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    code, out, err = run(data_dir, *args)
    assert code == 2 and out == b""
    assert message in err


def test_cli_writes_a_dataset_dump_to_a_file(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "dataset.nq"
    code, out, err = run(data_dir, "-f", "nquads", "-o", str(target))
    assert code == 0 and out == b"", err
    assert target.read_bytes() == run(data_dir, "-f", "nquads")[1]


def test_cli_writes_no_file_for_an_unknown_document(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "tables.zip"
    code, _, err = run(data_dir, "-f", "csv", "--document", "no-such-document", "-o", str(target))
    assert code == 2 and "no document" in err
    assert not target.exists()


def test_cli_help_names_every_format(data_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    for name in DOCUMENT_FORMATS:
        assert name in result.output


# ---------------------------------------------------------------- web


@pytest.mark.parametrize("suffix", list(DOWNLOADS))
def test_each_download_has_its_media_type_and_file_name(client: FlaskClient, suffix: str) -> None:
    response = client.get(f"/exports/document/{SEED_ID}{suffix}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == DOWNLOADS[suffix]
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="{SEED_ID}{suffix}"'
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_web_downloads_are_the_cli_exports(client: FlaskClient, built: OxigraphStore) -> None:
    for fmt in DOCUMENT_FORMATS.values():
        response = client.get(f"/exports/document/{SEED_ID}{fmt.file_suffix}")
        assert response.data == export_document(built, BASE, SEED_ID, fmt.name).body


def test_web_downloads_read_back(client: FlaskClient, built: OxigraphStore) -> None:
    labels = claim_labels(built, SEED_ID)
    graph = parse_jsonld(client.get(f"/exports/document/{SEED_ID}.schema.jsonld").data)
    assert {str(s) for s in graph.subjects()} >= set(labels)
    aif = client.get(f"/exports/document/{SEED_ID}.aif.json").get_json()
    Draft202012Validator(AIF_SCHEMA).validate(aif)
    text = client.get(f"/exports/document/{SEED_ID}.argdown").get_data(as_text=True)
    assert parse_argdown(text)["errors"] == []
    claims = client.get(f"/exports/document/{SEED_ID}.claims.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(claims, newline="")))
    assert {row["claim"]: row["text"] for row in rows} == labels


@pytest.mark.parametrize(
    "path",
    [
        "/exports/document/no-such-document.aif.json",
        f"/exports/document/{SEED_ID}.pdf",
        f"/exports/document/{SEED_ID}",
        f"/exports/document/{SEED_ID}.secrets.csv",
        "/exports/document/..%2F..%2Fetc%2Fpasswd.argdown",
        "/exports/document/Bad%20Slug.argdown",
    ],
)
def test_unknown_documents_and_formats_get_the_generic_404(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    unknown_entity = client.get("/doc/document/no-such-document")
    assert response.status_code == unknown_entity.status_code == 404
    assert response.get_json() == unknown_entity.get_json()


def test_head_and_options(client: FlaskClient) -> None:
    head = client.head(f"/exports/document/{SEED_ID}.aif.json")
    assert head.status_code == 200 and head.data == b""
    options = client.options(f"/exports/document/{SEED_ID}.aif.json")
    assert options.status_code == 204 and "GET" in options.headers["Allow"]
    post = client.post(f"/exports/document/{SEED_ID}.aif.json")
    assert post.status_code == 405


def test_document_page_links_every_download(client: FlaskClient) -> None:
    page = client.get(f"/doc/document/{SEED_ID}.html").get_data(as_text=True)
    links = set(re.findall(r'href="(/exports/document/[^"]+)"', page))
    assert links == {f"/exports/document/{SEED_ID}{suffix}" for suffix in DOWNLOADS}
    for link in links:
        assert client.get(link).status_code == 200


def test_download_links_follow_the_mount_point(client: FlaskClient) -> None:
    """Behind a proxy that mounts the app under /kg, the links carry the prefix."""
    page = client.get(f"/doc/document/{SEED_ID}.html", base_url="http://localhost/kg").get_data(
        as_text=True
    )
    links = set(re.findall(r'href="(/kg/exports/document/[^"]+)"', page))
    assert links == {f"/kg/exports/document/{SEED_ID}{suffix}" for suffix in DOWNLOADS}


def test_other_pages_offer_no_downloads(client: FlaskClient) -> None:
    page = client.get("/doc/actor/ukraine.html").get_data(as_text=True)
    assert "/exports/" not in page
