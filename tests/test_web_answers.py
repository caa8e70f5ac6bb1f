"""Named queries answered when the store is written: served from files, as live, never stale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from kgdebate import answers, generation
from kgdebate.answers import MANIFEST, STORE_MARK, StoredAnswers, write_answers
from kgdebate.cli import cli
from kgdebate.generation import current
from kgdebate.store import OxigraphStore, answers_dir
from kgdebate.web import catalogue, create_app

from conftest import DATA, SEED, make_settings, seed_text_option, texts_option

WHOLE = "unanswered-claims"  # reads the whole collection; 34 rows for the seed


def answered_store(built: OxigraphStore, folder: Path, max_rows: int = 10_000) -> Path:
    """A snapshot of the built store with its named queries answered, as `kgdebate build` does."""
    target = folder / "store"
    built.backup(target)
    write_answers(OxigraphStore(target, read_only=True), target, max_rows)
    return target


def app_over(store: Path, **changes: Any) -> Flask:
    return create_app(make_settings(store.parent, data_dir=store, page_cache_mb=0, **changes))


def test_build_answers_every_named_query_that_needs_no_remote_endpoint(tmp_path: Path) -> None:
    store = tmp_path / "store"
    built = CliRunner().invoke(cli, ["--data-dir", str(store), "build", str(DATA), *texts_option()])
    assert built.exit_code == 0, built.output
    manifest = json.loads((answers_dir(store) / MANIFEST).read_text("utf-8"))
    local = {name for name, q in catalogue.named_queries().items() if "SERVICE" not in q.text}
    assert set(manifest["queries"]) == local and manifest["queries"][WHOLE]["rows"] == 34
    for name in local:
        assert (answers_dir(store) / f"{name}.json").stat().st_size > 0
        assert (answers_dir(store) / f"{name}.csv").stat().st_size > 0


def test_stored_answers_are_the_live_answers_byte_for_byte(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str]
) -> None:
    store = answered_store(built, tmp_path)
    stored = app_over(store).test_client()
    names = sorted(json.loads((answers_dir(store) / MANIFEST).read_text("utf-8"))["queries"])
    answers = {(n, f): stored.get(f"/queries/{n}.{f}") for n in names for f in ("json", "csv")}
    assert worker_runs == []  # every answer came from the files
    shutil.rmtree(answers_dir(store))
    live = app_over(store).test_client()
    for (name, fmt), answer in answers.items():
        fresh = live.get(f"/queries/{name}.{fmt}")
        assert answer.status_code == fresh.status_code == 200
        assert answer.data == fresh.data and answer.mimetype == fresh.mimetype, (name, fmt)
    assert len(worker_runs) == len(answers)


def test_pages_of_a_stored_answer_walk_the_same_rows_as_live(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogue, "ROWS_PER_PAGE", 4)
    store = answered_store(built, tmp_path)
    stored = [page.data for page in walk(app_over(store).test_client(), WHOLE)]
    assert len(stored) == 9 and worker_runs == []  # 34 rows, 4 a page
    shutil.rmtree(answers_dir(store))
    assert [page.data for page in walk(app_over(store).test_client(), WHOLE)] == stored


def walk(client: FlaskClient, name: str) -> list[Any]:
    pages, number = [], 0
    while True:
        page = client.get(f"/queries/{name}?page={number}")
        assert page.status_code == 200
        pages.append(page)
        if "next →" not in page.get_data(as_text=True):
            return pages
        number += 1


def test_other_parameter_values_run_live(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str]
) -> None:
    client = app_over(answered_store(built, tmp_path)).test_client()
    query = "/queries/claims-about-an-actor.json"
    default = client.get(query)
    assert default.status_code == 200 and worker_runs == []
    russia = client.get(query, query_string={"actor": "https://w3id.org/kgdebate/id/actor/russia"})
    assert russia.status_code == 200 and len(worker_runs) == 1 and russia.data != default.data


def test_a_capped_answer_says_so_and_pages_past_the_cap_run_live(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogue, "ROWS_PER_PAGE", 4)
    client = app_over(answered_store(built, tmp_path, max_rows=10), max_rows=10).test_client()
    api = client.get(f"/queries/{WHOLE}.json")
    assert api.status_code == 206 and api.headers["X-Result-Truncated"] == "true"
    assert len(api.get_json()["results"]["bindings"]) == 10 and worker_runs == []
    assert client.get(f"/queries/{WHOLE}?page=1").status_code == 200  # rows 5-9 of the 10 kept
    assert worker_runs == []
    assert "next →" in client.get(f"/queries/{WHOLE}?page=2").get_data(as_text=True)
    assert len(worker_runs) == 1  # rows 9-13: past what was kept


def test_answers_of_another_row_cap_are_not_used(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str]
) -> None:
    client = app_over(answered_store(built, tmp_path, max_rows=10)).test_client()
    answer = client.get(f"/queries/{WHOLE}.json")
    assert answer.status_code == 200 and len(worker_runs) == 1


def test_a_write_drops_the_answers_and_a_running_server_never_reads_newer_ones(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server's view and the answers it serves are of one generation: until it switches to
    the new generation, it runs the query live rather than read answers of a newer store."""
    monkeypatch.setattr(generation, "CHECK_EVERY_S", 3600.0)  # the running view stays, for now
    store = answered_store(built, tmp_path)
    running = app_over(store).test_client()
    assert running.get(f"/queries/{WHOLE}.json").status_code == 200 and worker_runs == []
    command = ["--data-dir", str(store), "ingest", str(SEED), *seed_text_option()]
    ingested = subprocess.run([sys.executable, "-m", "kgdebate", *command], capture_output=True)
    assert ingested.returncode == 0, ingested.stderr
    assert (answers_dir(store) / MANIFEST).exists()  # answered again after the write
    assert running.get(f"/queries/{WHOLE}.json").status_code == 200
    assert len(worker_runs) == 1  # the answers it started with are gone: it asks the store
    monkeypatch.setattr(generation, "CHECK_EVERY_S", 0.0)  # now it looks, and switches
    assert running.get("/health").get_json()["generation"] == current(store).number
    assert running.get(f"/queries/{WHOLE}.json").status_code == 200
    assert len(worker_runs) == 1  # the new view's own answers
    writable = OxigraphStore(store)
    writable.replace_graphs({})  # nothing to write: the answers stay
    assert answers_dir(store).exists()
    writable.replace_graphs({"https://w3id.org/kgdebate/graph/scratch": []})
    assert not answers_dir(store).exists()


def test_answers_of_a_changed_query_another_release_or_another_store_are_not_used(
    built: OxigraphStore, tmp_path: Path, worker_runs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = answered_store(built, tmp_path)
    shipped = catalogue.named_queries()
    changed = replace(shipped[WHOLE], text=shipped[WHOLE].text.replace("ORDER BY", "# ORDER BY"))
    monkeypatch.setattr(answers, "named_queries", lambda: {**shipped, WHOLE: changed})
    client = app_over(store).test_client()
    client.get("/queries/restated-claims.json")
    assert worker_runs == []  # unchanged: stored
    client.get(f"/queries/{WHOLE}.json")
    assert len(worker_runs) == 1  # changed since it was answered: live
    monkeypatch.undo()
    monkeypatch.setattr(answers, "__version__", "0.0.0+other")
    assert StoredAnswers.found(store, 10_000) is None
    monkeypatch.undo()
    assert StoredAnswers.found(store, 10_000) is not None
    (store / STORE_MARK).write_text("the answers of another store", "utf-8")
    assert StoredAnswers.found(store, 10_000) is None
