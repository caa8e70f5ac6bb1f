"""Live updates (issue 15, 1): a write publishes a new store generation; a running server switches
to it between requests, its query workers too, and never serves a page of the old one after."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgdebate import generation
from kgdebate.generation import Watcher, current, publish, readable_store
from kgdebate.snapshots import followed_store
from kgdebate.store import OxigraphStore

from conftest import BASE
from live_server import LiveServer, fetch

MINIMAL = Path(__file__).parent / "data" / "minimal.yaml"
NEW_DOCUMENT = "doc/document/test-minimal"
ASK_NEW = "sparql?query=" + "ASK%7B%3C" + BASE.replace(":", "%3A").replace("/", "%2F")
ASK_NEW += "id%2Fdocument%2Ftest-minimal%3E%20%3Fp%20%3Fo%7D"


def test_each_publication_is_the_next_generation(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    assert current(path).number == 0
    first, second = publish(path, store), publish(path, store)
    assert (first.number, second.number) == (1, 2) and current(path) == second
    body = json.loads((tmp_path / "store.generation").read_text())
    assert body == {"generation": 2, "written": second.written, "checkpoint": "00000002"}
    assert readable_store(path) == tmp_path / "store.generations" / "00000002"


def test_readers_open_the_published_checkpoint_not_the_store_being_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store"
    writer = OxigraphStore(path)
    a, p = ox.NamedNode("urn:a"), ox.NamedNode("urn:p")
    writer.replace_graphs({"urn:g": [ox.Triple(a, p, ox.Literal("published"))]})
    writer.flush()
    publish(path, writer)
    writer.replace_graphs({"urn:g": [ox.Triple(a, p, ox.Literal("being written"))]})
    reader = OxigraphStore(readable_store(path), read_only=True)
    assert [obj.value for obj, _ in reader.objects("urn:a", "urn:p")] == ["published"]


def test_only_the_newest_checkpoints_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store = OxigraphStore(path)
    for _ in range(7):
        publish(path, store)
    kept = sorted(p.name for p in (tmp_path / "store.generations").iterdir())
    assert kept == [f"{n:08d}" for n in range(7 - generation.KEEP, 8)]


def test_a_watcher_reports_only_a_newer_generation_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generation, "CHECK_EVERY_S", 0.0)
    store = tmp_path / "store"
    writer = OxigraphStore(store)
    watcher = Watcher(store, publish(store, writer))
    assert watcher.newer() is None
    time.sleep(0.01)  # a new modification time
    newer = publish(store, writer)
    assert watcher.newer() == newer
    assert watcher.newer() is None


def _published_copy(built: OxigraphStore, path: Path) -> None:
    """A copy of the built store, published as its first generation, as `build` leaves one."""
    built.backup(path)
    publish(path, OxigraphStore(path))  # the writer is closed when this returns


@pytest.fixture
def server(built: OxigraphStore, tmp_path: Path) -> Iterator[LiveServer]:
    _published_copy(built, tmp_path / "store")
    with LiveServer(tmp_path / "store", tmp_path / "server.log").serving() as live:
        yield live


def _ingest(server: LiveServer) -> None:
    command = [str(Path(sys.executable).with_name("kgdebate")), "--data-dir", str(server.store)]
    done = subprocess.run(
        [*command, "ingest", str(MINIMAL)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def _generation(server: LiveServer) -> int:
    status, body = fetch(server.base_url + "health")
    assert status == 200
    return int(json.loads(body)["generation"])


def _served(server: LiveServer, number: int, within_s: float = 15) -> bool:
    """Whether the server says it serves generation ``number`` within the time (polled)."""
    deadline = time.monotonic() + within_s
    while _generation(server) < number:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_an_ingest_is_served_without_a_restart(server: LiveServer) -> None:
    assert fetch(server.base_url + NEW_DOCUMENT)[0] == 404
    assert b'"boolean":false' in fetch(server.base_url + ASK_NEW)[1]
    _ingest(server)
    assert _served(server, 2)
    # Every process has switched once each has seen a request after its once-a-second check.
    time.sleep(1.1)
    pages = [fetch(server.base_url + NEW_DOCUMENT)[0] for _ in range(12)]
    assert pages == [200] * 12
    assert b'"boolean":true' in fetch(server.base_url + ASK_NEW)[1]  # the query workers too


def test_requests_during_ingests_never_fail(server: LiveServer) -> None:
    failures: list[str] = []
    stop = threading.Event()

    def browse() -> None:
        while not stop.is_set():
            for path in ("doc/actor/ukraine", "doc/event/istanbul-talks-2022", "", "search?q=Kyiv"):
                try:
                    status, _ = fetch(server.base_url + path, timeout=20)
                except OSError as exc:
                    failures.append(f"{path}: {exc}")
                    continue
                if status != 200:
                    failures.append(f"{path}: {status}")

    clients = [threading.Thread(target=browse, daemon=True) for _ in range(4)]
    for client in clients:
        client.start()
    for _ in range(3):
        _ingest(server)
    stop.set()
    for client in clients:
        client.join(timeout=60)
    assert failures == [], server.log_text()[-4000:]
    assert _served(server, 4)


def _kgdebate(*arguments: str) -> None:
    command = [str(Path(sys.executable).with_name("kgdebate")), *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_a_replica_serves_each_new_snapshot_without_a_restart(
    built: OxigraphStore, tmp_path: Path
) -> None:
    """`kgdebate serve --follow OUT` serves OUT's newest snapshot (the store behind OUT/current)
    and switches, query workers too, when `kgdebate snapshot OUT` publishes a newer one."""
    source, out = tmp_path / "source", tmp_path / "snapshots"
    _published_copy(built, source)
    _kgdebate("--data-dir", str(source), "snapshot", str(out))
    with LiveServer(followed_store(out), tmp_path / "replica.log").serving() as replica:
        assert _generation(replica) == 1
        assert fetch(replica.base_url + NEW_DOCUMENT)[0] == 404
        _kgdebate("--data-dir", str(source), "ingest", str(MINIMAL))  # the writer, elsewhere
        _kgdebate("--data-dir", str(source), "snapshot", str(out))
        assert _served(replica, 2, within_s=5)
        time.sleep(1.1)  # every process has made its once-a-second check
        assert [fetch(replica.base_url + NEW_DOCUMENT)[0] for _ in range(8)] == [200] * 8
        assert b'"boolean":true' in fetch(replica.base_url + ASK_NEW)[1]
    snapshots = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert len(snapshots) == 3 and snapshots[-1] == "current"
    assert (out / "current").resolve().name == snapshots[1]


def test_following_a_folder_without_snapshots_says_what_to_do(tmp_path: Path) -> None:
    command = [str(Path(sys.executable).with_name("kgdebate")), "serve", "--follow", str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "no store at" in done.stderr and "kgdebate snapshot" in done.stderr
