"""Entity pages and named queries over HTTP, against the same queries on the engine in-process.

For each store size (triples) a child process builds an on-disk store: the seed (reference data
and the curated annotation) plus synthetic documents shaped like it (bench/ingest_bench.py's
``synthetic``: one emitted document copied under other slugs), written as N-Quads and bulk
loaded with ``OxigraphStore.restore``; the named queries are then answered for the server, as
``kgdebate restore`` does (:mod:`kgdebate.answers`; its time is printed). Then the real
server (``kgdebate serve``: gunicorn, two worker processes) serves it on a free port of
127.0.0.1 and is driven with 1, 4 and 8 concurrent keep-alive clients (threads with
``http.client``), a bounded number of requests each; the same page and named queries also run
in this process on a read-only store (named queries live), so the app's overhead is a
difference of two measurements. Each row is served twice, by a server with its page cache off
(every request renders: "cold") and by one with it on (a process renders a page once, then
answers it from memory: "warm"); warm figures hold for pages a process has already served.
Figures are printed, never asserted.

    python bench/web_bench.py                           # 100k, 1M and 10M triples
    python bench/web_bench.py --sizes 100000 --requests 200     # a quick run
"""

from __future__ import annotations

import argparse
import dataclasses
import http.client
import io
import itertools
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from queue import Empty, Queue
from typing import IO

import pyoxigraph as ox
from ingest_bench import synthetic

from kgdebate.answers import write_answers
from kgdebate.build import build
from kgdebate.config import Settings
from kgdebate.federation import service_blocks
from kgdebate.ingest.emit import emit
from kgdebate.mint import Minter
from kgdebate.queries import NamedQuery, named_queries, run_named
from kgdebate.store import OxigraphStore, to_oxigraph
from kgdebate.web.describe import IN_LINKS_PER_PAGE, describe, select
from kgdebate.web.indexes import INDEXES
from kgdebate.web.panels import panels_for, run_panel

ROOT = Path(__file__).resolve().parents[1]
LOCAL = "127.0.0.1"
SEED_ID = "belfer-2023-11-16-pressure-ukraine-to-negotiate"
BASE = Settings().base_iri
# (label, identifier under <base>id/): a claim, an actor, an event, the seed's document, a figure.
PAGES = (
    ("claim page", f"claim/{SEED_ID}/c01"),
    ("actor page", "actor/ukraine"),
    ("event page", "event/istanbul-talks-2022"),
    ("document page", f"document/{SEED_ID}"),
    ("statistic page", "statistic/ukrainians-support-fighting-84"),
)
CONCURRENCY = (1, 4, 8)
# Each row is served twice: every request rendered ("cold": the page cache off) and answered
# from the page cache each server process keeps ("warm": after the first request per process).
WARM: dict[str, str] = {}
SERVER_MODES = {
    "cold (page cache off)": {"KGDEBATE_PAGE_CACHE_MB": "0"},
    "warm (page cache on)": WARM,
}
COPY_SLUGS = re.compile(r"(bench-(?:figure-|source-)?)0\b")
SLOW_MS = 1000  # a row slower than this over HTTP is reported once, not loaded
CELL_S = 8.0  # at most this long per row and concurrency
TARGETS = (
    "targets: the app adds <= 1 ms at p50 over the engine (1 client);",
    "         entity pages at 1M triples p50 <= 3 ms, p99 <= 10 ms, >= 1,200 requests/s;",
    "         at 10M p99 <= 25 ms; every query at 1M within 100x of its time at 100k;",
    "         index pages at 1M cold p50 <= 15 ms, p99 <= 50 ms at 4 clients.",
)
# Index pages and the timeline over HTTP only: their rows are read once per view of the store, in
# a query worker, and kept (in both modes); a request filters, orders and slices them. A
# filtered, ordered page of the largest index is measured too.
INDEX_PAGES = (
    *((f"{name} index", f"/{name}") for name in INDEXES),
    ("claims index, filtered", "/claims?side=against+the+motion&sort=-document&page=1"),
    ("timeline", "/timeline"),
)


@dataclass(frozen=True)
class Figures:
    p50_ms: float
    p99_ms: float
    per_s: float
    count: int
    failed: int = 0


def percentiles(seconds: list[float], wall: float, failed: int = 0) -> Figures:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    per_s = len(ordered) / wall if wall else 0.0
    return Figures(statistics.median(ordered) * 1000, p99 * 1000, per_s, len(ordered), failed)


# ── building a store ──────────────────────────────────────────────────────────


def bench_settings(folder: Path) -> Settings:
    return Settings(
        data_dir=folder / "store",
        reference_dir=ROOT / "data" / "reference",
        texts_dir=ROOT.parent / "shared" / "corpus",
    )


def build_store(folder: Path, triples: int) -> dict[str, float]:
    """The seed plus synthetic documents up to ``triples``, bulk loaded into a new store."""
    started = time.perf_counter()
    settings = bench_settings(folder)
    seed = OxigraphStore(None)
    summary = build(ROOT / "data", seed, replace(settings, data_dir=folder / "unused"))
    refused = [str(o.error) for o in summary.outcomes if o.error is not None]
    if refused:
        raise SystemExit(f"the seed does not build: {refused[0][:500]}")
    dump = folder / "all.nq"
    with dump.open("wb") as out:
        seed.dump(out, ox.RdfFormat.N_QUADS)
        documents = write_synthetic(out, settings, triples - len(seed))
    store = OxigraphStore(settings.data_dir)
    with dump.open("rb") as data:
        count = store.restore(data, ox.RdfFormat.N_QUADS)
    dump.unlink()
    store.flush()
    loaded = time.perf_counter()
    write_answers(store, settings.data_dir, settings.max_rows)  # as `kgdebate restore` does
    return {
        "triples": count,
        "documents": documents,
        "build_s": loaded - started,
        "answers_s": time.perf_counter() - loaded,
    }


def write_synthetic(out: io.BufferedWriter, settings: Settings, triples: int) -> int:
    """Copies of one emitted synthetic document under other slugs, as N-Quads; their count.

    Each copy has its own statistic and source too, written here into the copy's graph (ingest
    keeps them in graphs of their own; queries over the union default graph see the same)."""
    template = to_oxigraph(emit(synthetic(0), Minter(settings.base_iri)).data_graph())
    lines = "".join(f"{t.subject} {t.predicate} {t.object} <GRAPH> .\n" for t in template)
    documents = max(0, triples // len(template))
    for number in range(1_000_000, 1_000_000 + documents):
        graph = f"<{settings.base_iri}graph/document/bench-{number}>"
        copy = COPY_SLUGS.sub(lambda m, n=number: f"{m.group(1)}{n}", lines)
        out.write(copy.replace("<GRAPH>", graph).encode())
    return documents


# ── the server and its clients ────────────────────────────────────────────────


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOCAL, 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(store: Path, port: int, settings: dict[str, str]) -> subprocess.Popen[bytes]:
    """``kgdebate serve`` (gunicorn, settings.server_workers=2), answering within a minute."""
    url = f"http://{LOCAL}:{port}/"
    env = {**os.environ, **settings, "KGDEBATE_PUBLIC_URL": url, "KGDEBATE_SERVER_WORKERS": "2"}
    # One client asks for everything here: its budget of query-seconds would turn the named
    # queries into 429s, which measures the budget, not the queries.
    env["KGDEBATE_CLIENT_QUERY_SECONDS"] = "1e9"
    command = [str(Path(sys.executable).with_name("kgdebate")), "--data-dir", str(store)]
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:  # a static file: the front page counts the whole store
            with urllib.request.urlopen(f"{url}static/kgdebate.css", timeout=2):
                return server
        except OSError:
            time.sleep(0.1)
    stop_server(server)
    raise SystemExit("the server did not start")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def drive(port: int, path: str, clients: int, requests: int, max_s: float) -> Figures:
    """``requests`` GETs of ``path`` from ``clients`` keep-alive connections (or ``max_s``)."""
    tickets = itertools.count()
    lock = threading.Lock()
    stop_at = time.perf_counter() + max_s
    failed = [0]

    def client() -> list[float]:
        connection = http.client.HTTPConnection(LOCAL, port, timeout=60)
        seconds: list[float] = []
        while time.perf_counter() < stop_at:
            with lock:
                if next(tickets) >= requests:
                    break
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status in (200, 206)  # 206: an answer cut at the row cap
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(LOCAL, port, timeout=60)
                ok = False
            seconds.append(time.perf_counter() - started)
            failed[0] += not ok
        connection.close()
        return seconds

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        runs = [pool.submit(client) for _ in range(clients)]
        seconds = [s for run in runs for s in run.result()]
    return percentiles(seconds, time.perf_counter() - started, failed[0])


# ── the same work in-process ──────────────────────────────────────────────────


def page(store: OxigraphStore, iri: str) -> object:
    """What an entity page computes: its description and every panel for its kinds."""
    description = describe(store, iri)
    return [run_panel(store, panel, iri) for panel in panels_for(description.kinds)]


def page_queries(store: OxigraphStore) -> dict[str, Callable[[], object]]:
    """Each query behind each measured page as the page runs it (the first page of a list)."""
    calls: dict[str, Callable[[], object]] = {}
    for _label, identifier in PAGES:
        iri, kind = f"{BASE}id/{identifier}", identifier.split("/")[0]
        calls[f"{kind}: out"] = lambda i=iri: list(select(store, "out", i))
        calls[f"{kind}: in"] = lambda i=iri: list(select(store, "in", i, IN_LINKS_PER_PAGE + 1))
        calls[f"{kind}: kinds"] = lambda i=iri: list(select(store, "kinds", i))
        for panel in panels_for([kind]):
            calls[f"{kind}: {panel.name}"] = lambda p=panel, i=iri: run_panel(store, p, i)
    return calls


def time_calls(call: Callable[[], object], runs: int, max_s: float) -> Figures:
    call()  # warm
    seconds: list[float] = []
    stop_at = time.perf_counter() + max_s
    for _ in range(runs):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
        if time.perf_counter() > stop_at:
            break
    return percentiles(seconds, sum(seconds))


def local_named_queries() -> dict[str, NamedQuery]:
    """The named queries that run on our store alone (federated ones time a remote endpoint)."""
    return {name: q for name, q in named_queries().items() if not service_blocks(q.text)}


def run_and_serialize(store: OxigraphStore, query: NamedQuery) -> None:
    result = run_named(store, query)  # rows: every named query here is a SELECT
    assert isinstance(result, ox.QuerySolutions)
    result.serialize(io.BytesIO(), format=ox.QueryResultsFormat.JSON)


def engine_calls(store: OxigraphStore) -> list[tuple[str, Callable[[], object], float]]:
    """(row name, call, seconds to spend) for every page, named query and page query."""
    calls: list[tuple[str, Callable[[], object], float]] = []
    for label, identifier in PAGES:
        iri = f"{BASE}id/{identifier}"
        calls.append((label, lambda i=iri: page(store, i), 5.0))
    for name, query in sorted(local_named_queries().items()):
        calls.append((name, lambda q=query: run_and_serialize(store, q), 5.0))
    calls += [(name, call, 5.0) for name, call in page_queries(store).items()]
    return calls


def engine_child(store_dir: Path, start: int, runs: int) -> None:
    """Child process: one JSON line as each row starts and one with its figures."""
    store = OxigraphStore(store_dir, read_only=True)
    for index, (name, call, max_s) in enumerate(engine_calls(store)[start:], start):
        print(json.dumps({"start": name, "index": index}), flush=True)
        figures = time_calls(call, runs, max_s)
        print(json.dumps({"name": name, **dataclasses.asdict(figures)}), flush=True)
    print(json.dumps({"end": True}), flush=True)


def engine_figures(store_dir: Path, runs: int, limit_s: float) -> dict[str, Figures]:
    """Every row in-process, in a child that is killed when one row passes ``limit_s``
    (an Oxigraph query cannot be interrupted otherwise); such a row gets ``count=0``."""
    figures: dict[str, Figures] = {}
    start = 0
    while start >= 0:
        command = [sys.executable, __file__, "--engine", str(store_dir), "--start", str(start)]
        child = subprocess.Popen([*command, "--runs", str(runs)], stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        start = read_engine_rows(child.stdout, figures, limit_s)
        child.kill()
        child.wait(timeout=30)
    return figures


def read_engine_rows(lines: IO[str], figures: dict[str, Figures], limit_s: float) -> int:
    """Collect rows until the child ends (-1) or a row overruns (the index to go on from)."""
    queue: Queue[str] = Queue()
    threading.Thread(target=lambda: [queue.put(line) for line in lines], daemon=True).start()
    current: dict[str, object] = {}
    deadline = time.monotonic() + limit_s
    while True:
        try:
            line = queue.get(timeout=max(0.0, deadline - time.monotonic()))
        except Empty:
            name, index = str(current["start"]), int(current["index"])  # type: ignore[call-overload]
            figures[name] = Figures(limit_s * 1000, limit_s * 1000, 0.0, 0)
            print(f"  {name}: over {limit_s:.0f} s in-process, stopped", file=sys.stderr)
            return index + 1
        row = json.loads(line)
        if row.get("end"):
            return -1
        if "start" in row:
            current, deadline = row, time.monotonic() + limit_s
        else:
            name = row.pop("name")
            figures[name] = Figures(**row)


def targets(only: str = "") -> list[tuple[str, str]]:
    """(row name, URL path) of every page and named query the server is asked for."""
    rows = [(label, f"/doc/{identifier}.html") for label, identifier in PAGES]
    rows += [(name, f"/queries/{name}.json") for name in sorted(local_named_queries())]
    wanted = only.split(",")
    return [row for row in rows + list(INDEX_PAGES) if any(w in row[0] for w in wanted)]


def measure(
    folder: Path, triples: int, requests: int, runs: int, only: str = ""
) -> dict[str, object]:
    built = build_store(folder, triples)
    print(f"built {built['triples']:,} triples in {built['build_s']:.0f} s", file=sys.stderr)
    print(f"named queries answered in {built['answers_s']:.1f} s", file=sys.stderr)
    engine = engine_figures(folder / "store", runs, limit_s=30) if runs else {}
    http_rows = {
        mode: serve_and_drive(folder / "store", mode, requests, only) for mode in SERVER_MODES
    }
    return {"built": built, "engine": engine, "http": http_rows}


def serve_and_drive(
    store: Path, mode: str, requests: int, only: str = ""
) -> dict[str, dict[int, Figures]]:
    """Every row over HTTP from a server started for ``mode`` (its page cache on or off)."""
    port = free_port()
    server = start_server(store, port, SERVER_MODES[mode])
    http_rows: dict[str, dict[int, Figures]] = {}
    try:
        for name, path in targets(only):
            probe = drive(port, path, 1, 1, 1)
            for _worker in range(2):  # each worker renders it (warm) or reads an index once
                if probe.p50_ms <= SLOW_MS:
                    break
                probe = drive(port, path, 1, 1, 1)
            if probe.p50_ms > SLOW_MS or probe.failed:
                print(f"  {mode}: {name}: {probe.p50_ms:,.0f} ms, not loaded", file=sys.stderr)
                http_rows[name] = {c: probe for c in CONCURRENCY}
                continue
            drive(port, path, 2, 20, 10)  # warm both workers (and, if on, their page caches)
            http_rows[name] = {c: drive(port, path, c, requests, CELL_S) for c in CONCURRENCY}
            print(f"  {mode}: {name}: measured over HTTP", file=sys.stderr)
    finally:
        stop_server(server)
    return http_rows


# ── the report ────────────────────────────────────────────────────────────────


def fmt(figures: Figures | None, field: str, spec: str = ">7.2f") -> str:
    return f"{getattr(figures, field):{spec}}" if figures is not None else f"{'-':>7}"


def print_size(triples: int, result: dict[str, object]) -> None:
    built: dict[str, float] = result["built"]  # type: ignore[assignment]
    engine: dict[str, Figures | None] = result["engine"]  # type: ignore[assignment]
    by_mode: dict[str, dict[str, dict[int, Figures]]] = result["http"]  # type: ignore[assignment]
    print(
        f"\n## {built['triples']:,} triples ({built['documents']:,} synthetic documents, "
        f"built in {built['build_s']:.0f} s; asked for {triples:,}; named queries answered "
        f"for the server in {built['answers_s']:.1f} s)"
    )
    for mode, http_rows in by_mode.items():
        print_http_rows(mode, http_rows, engine)
    print("page queries, in-process only:   p50     p99 (ms)")
    shown = {name for rows in by_mode.values() for name in rows}
    for name, figures in engine.items():
        if name not in shown and figures is not None:
            print(f"  {name:<28} {figures.p50_ms:>7.2f} {figures.p99_ms:>7.2f}")


def print_http_rows(
    mode: str, http_rows: dict[str, dict[int, Figures]], engine: dict[str, Figures | None]
) -> None:
    head = f"{mode:<28} {'engine':>7} {'c=1':>7} {'app+':>7}"
    for c in CONCURRENCY[1:]:
        head += f" {f'c={c} p50':>9} {'p99':>7} {'req/s':>7}"
    print(head + "   (ms; engine = in-process p50; app+ = c=1 p50 minus engine)")
    print("  (named queries: served from the answers stored at build in both modes; engine: live)")
    for name, by_clients in http_rows.items():
        one, mine = by_clients[1], engine.get(name)
        extra = f"{one.p50_ms - mine.p50_ms:>7.2f}" if mine is not None else f"{'-':>7}"
        line = f"  {name:<26} {fmt(mine, 'p50_ms')} {one.p50_ms:>7.2f} {extra}"
        for c in CONCURRENCY[1:]:
            f = by_clients[c]
            line += f" {f.p50_ms:>9.2f} {f.p99_ms:>7.2f} {f.per_s:>7.0f}"
        failed = sum(f.failed for f in set(by_clients.values()))  # a slow row: one probe
        print(line + (f"   {failed} non-200" if failed else ""))


def print_growth(results: dict[int, dict[str, object]]) -> None:
    """Flag a query whose in-process time grows more than 100x from one size to the next."""
    sizes = sorted(results)
    for small, large in itertools.pairwise(sizes):
        low: dict[str, Figures | None] = results[small]["engine"]  # type: ignore[assignment]
        high: dict[str, Figures | None] = results[large]["engine"]  # type: ignore[assignment]
        print(f"\ngrowth of the in-process p50 from {small:,} to {large:,} triples:")
        for name in low:
            a, b = low[name], high.get(name)
            if a is None or b is None:
                continue
            ratio = b.p50_ms / a.p50_ms if a.p50_ms else float("inf")
            flag = "  <-- PATHOLOGICAL (> 100x)" if ratio > 100 else ""
            print(f"  {name:<28} {a.p50_ms:>8.2f} -> {b.p50_ms:>8.2f} ms  x{ratio:,.1f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--requests", type=int, default=400, help="per row and concurrency")
    parser.add_argument("--runs", type=int, default=100, help="in-process runs (0: none)")
    parser.add_argument("--build-only", action="store_true", help="time the store builds only")
    parser.add_argument("--engine", type=Path, help=argparse.SUPPRESS)  # child: in-process rows
    parser.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", default="", help="HTTP rows whose names hold one of these comma-separated texts"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the server on the way out
    if args.engine is not None:
        engine_child(args.engine, args.start, args.runs)
        return
    if args.build_only:
        for triples in sorted(args.sizes):
            with tempfile.TemporaryDirectory(prefix="web-bench-") as tmp:
                print(f"{triples:,} triples asked: {build_store(Path(tmp), triples)}")
        return
    print("\n".join(TARGETS))
    results: dict[int, dict[str, object]] = {}
    for triples in sorted(args.sizes):
        with tempfile.TemporaryDirectory(prefix="web-bench-", ignore_cleanup_errors=True) as tmp:
            results[triples] = measure(Path(tmp), triples, args.requests, args.runs, args.only)
        print_size(triples, results[triples])
        sys.stdout.flush()
    print_growth(results)


if __name__ == "__main__":
    main()
