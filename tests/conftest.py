"""Shared fixtures: a real on-disk store built from data/, and helpers to compare stores."""

from __future__ import annotations

import atexit
import dataclasses
import io
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgdebate.build import build
from kgdebate.config import Settings
from kgdebate.query_jobs import Job, Outcome
from kgdebate.store import OxigraphStore
from kgdebate.web import create_app
from kgdebate.web.jobs import query_pool_holder

ROOT = Path(__file__).resolve().parents[1]
FULL_DATA = ROOT / "data"
"""The data folder `make run` builds: the seed and the UN General Debate corpus."""
SEED_ID = "belfer-2023-11-16-pressure-ukraine-to-negotiate"
CORPUS_REFERENCE = "ungdc.ttl"


def _seed_data() -> Path:
    """A copy of data/ with the seed document alone and the curated reference data: what most
    tests build. The corpus's 345 speeches and 190 states are built by the tests of the corpus
    (``corpus`` fixture), once, not by every test that needs a store."""
    folder = Path(tempfile.mkdtemp(prefix="kgdebate-seed-data-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    (folder / "annotations").mkdir()
    shutil.copy(FULL_DATA / "annotations" / f"{SEED_ID}.yaml", folder / "annotations")
    shutil.copytree(
        FULL_DATA / "reference",
        folder / "reference",
        ignore=shutil.ignore_patterns(CORPUS_REFERENCE),
    )
    return folder


DATA = _seed_data()
SEED = DATA / "annotations" / f"{SEED_ID}.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_TEXT = CORPUS / f"{SEED_ID}.txt"
BASE = "https://w3id.org/kgdebate/"


def make_settings(tmp: Path, **changes: object) -> Settings:
    return dataclasses.replace(
        Settings(data_dir=tmp / "store", texts_dir=CORPUS, reference_dir=DATA / "reference"),
        **changes,  # type: ignore[arg-type]
    )


# Full texts are not redistributed: a plain clone has none, and its tests then check everything
# but the quotes (the build warns that they were not verified).
NO_TEXTS = "no full text of the seed in ../shared/corpus beside the repository: quotes unchecked"


def texts_option() -> list[str]:
    """``--texts DIR`` for a build when the full texts are beside the repository."""
    return ["--texts", str(CORPUS)] if SEED_TEXT.is_file() else []


def seed_text_option() -> list[str]:
    """``--text FILE`` for the seed when its full text is beside the repository."""
    return ["--text", str(SEED_TEXT)] if SEED_TEXT.is_file() else []


@pytest.fixture(scope="session")
def seed_text() -> Path:
    """The seed's full text; tests of the quotes themselves skip without it."""
    if not SEED_TEXT.is_file():
        pytest.skip(NO_TEXTS)
    return SEED_TEXT


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    """The store `make run` builds, on disk; shared read-only by tests that only query."""
    tmp = tmp_path_factory.mktemp("built")
    settings = make_settings(tmp)
    store = OxigraphStore(settings.data_dir)
    summary = build(DATA, store, settings)
    assert all(o.error is None for o in summary.outcomes), [str(o.error) for o in summary.outcomes]
    yield store


@pytest.fixture(scope="session")
def corpus_built(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The store `make run` builds from data/ (the seed and the 345 UN General Debate speeches),
    with its named queries answered as `kgdebate build` answers them; shared read-only."""
    from kgdebate.answers import write_answers

    tmp = tmp_path_factory.mktemp("corpus-built")
    settings = make_settings(tmp, reference_dir=FULL_DATA / "reference")
    store = OxigraphStore(settings.data_dir)
    summary = build(FULL_DATA, store, settings)
    assert all(o.error is None for o in summary.outcomes), [str(o.error) for o in summary.outcomes]
    store.flush()
    write_answers(store, settings.data_dir, settings.max_rows)
    return store


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture(scope="session")
def trusted(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """The trusted graphs (ontology, vocabularies, reference) loaded and validated once."""
    from kgdebate.build import load_trusted

    template = OxigraphStore(tmp_path_factory.mktemp("trusted") / "store")
    load_trusted(template, make_settings(tmp_path_factory.mktemp("trusted-settings")))
    return template


@pytest.fixture
def store(settings: Settings, trusted: OxigraphStore) -> OxigraphStore:
    """A fresh on-disk store with the trusted graphs only: a copy (Oxigraph's backup) of
    ``trusted``, so that each test pays milliseconds instead of a SHACL run of the reference."""
    trusted.backup(settings.data_dir)
    return OxigraphStore(settings.data_dir)


def snapshot_app(built: OxigraphStore, factory: pytest.TempPathFactory, **changes: object) -> Flask:
    """The web app over a fresh snapshot of ``built``, opened read-only as the server does."""
    target = factory.mktemp("web") / "store"
    built.backup(target)
    return create_app(make_settings(target.parent, data_dir=target, **changes))


@pytest.fixture(scope="module")
def app_settings() -> dict[str, object]:
    """Settings by which a module's ``app`` differs from the defaults (a module overrides it)."""
    return {}


@pytest.fixture(scope="module")
def app(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory, app_settings: dict[str, object]
) -> Iterator[Flask]:
    """The web app over a snapshot of the built store, its query workers stopped at the end."""
    app = snapshot_app(built, tmp_path_factory, **app_settings)
    yield app
    query_pool_holder(app).stop()


@pytest.fixture
def worker_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every query the named-query pages send to a query worker."""
    from kgdebate.web import catalogue

    sent: list[str] = []
    original = catalogue.run_job

    def counted(job: Job) -> Outcome:
        sent.append(job.query)
        return original(job)

    monkeypatch.setattr(catalogue, "run_job", counted)
    return sent


@pytest.fixture
def uncached(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """The module's app renders every page for this test: it changes what pages show."""
    monkeypatch.setitem(app.extensions, "kgdebate.page_cache", None)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Flask's test client for the module's ``app`` fixture."""
    return app.test_client()


def canonical_dump(store: OxigraphStore) -> bytes:
    """The whole dataset as sorted N-Quads: equal bytes means an unchanged store."""
    buffer = io.BytesIO()
    store.dump(buffer, ox.RdfFormat.N_QUADS)
    return b"\n".join(sorted(buffer.getvalue().splitlines()))
