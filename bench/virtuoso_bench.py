"""Entity pages, indexes and named queries served from a SPARQL server as the store (Virtuoso 7,
Debian's virtuoso-opensource, started from deploy/virtuoso/virtuoso.ini) beside the same pages
from the embedded store, over HTTP (``kgdebate serve``, two worker processes), cold (no page
kept: a server on a SPARQL store keeps none), at 1 and 4 clients.

The data is web_bench's: the seed plus synthetic documents shaped like it, built into an on-disk
Oxigraph store, then loaded into Virtuoso graph by graph through SPARQL Update (its load time is
printed). Figures are printed, never asserted.

    python bench/virtuoso_bench.py                          # 100k and 1M triples
    python bench/virtuoso_bench.py --sizes 100000 --requests 100
    python bench/virtuoso_bench.py --sizes 1000000 --only page,index   # some rows only
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from web_bench import Figures, build_store, drive, free_port, start_server, stop_server, targets

from kgdebate.remote import Credentials
from kgdebate.sparql_store import SparqlStore
from kgdebate.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from virtuoso import PASSWORD, USER, Virtuoso  # noqa: E402 - the tests' server, as they start it

CLIENTS = (1, 4)


def load_into(server: Virtuoso, store: OxigraphStore, base: str) -> tuple[int, float]:
    """The store's dump into the server (``SparqlStore.load``: a few graphs per request)."""
    credentials = Credentials(USER, PASSWORD)
    remote = SparqlStore(server.query_url, server.update_url, base + "graph/", 600, credentials)
    dump = io.BytesIO()
    store.dump(dump, ox.RdfFormat.N_QUADS)
    dump.seek(0)
    started = time.perf_counter()
    remote.load(dump, ox.RdfFormat.N_QUADS)
    return len(remote), time.perf_counter() - started


def serve_rows(
    store: Path, env: dict[str, str], requests: int, only: str = ""
) -> dict[str, dict[int, Figures]]:
    port = free_port()
    server = start_server(store, port, {"KGDEBATE_PAGE_CACHE_MB": "0", **env})
    rows: dict[str, dict[int, Figures]] = {}
    try:
        for name, path in targets(only):
            drive(port, path, 2, 4, 30)  # each worker reads what it keeps per generation
            rows[name] = {c: drive(port, path, c, requests, 20) for c in CLIENTS}
    finally:
        stop_server(server)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--requests", type=int, default=200, help="per row and concurrency")
    parser.add_argument("--only", default="", help="rows whose name holds one of these, a,b")
    args = parser.parse_args()
    if not Virtuoso.installed():
        print("virtuoso bench: virtuoso-t is not installed (apt-get install virtuoso-opensource)")
        return
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            built = build_store(Path(folder), size)
            server = Virtuoso(Path(folder) / "virtuoso")
            server.start()
            try:
                store = OxigraphStore(Path(folder) / "store", read_only=True)
                count, seconds = load_into(server, store, "https://w3id.org/kgdebate/")
                del store
                env = {
                    **server.env(),
                    "KGDEBATE_REFERENCE_DIR": str(ROOT / "data" / "reference"),
                }
                embedded = serve_rows(Path(folder) / "store", {}, args.requests, args.only)
                remote = serve_rows(Path(folder) / "store", env, args.requests, args.only)
            finally:
                server.stop()
        print(
            f"\n## {built['triples']:,} triples: loaded into Virtuoso in {seconds:.0f} s "
            f"({count:,} triples, {count / seconds:,.0f}/s through SPARQL Update)"
        )
        print(
            f"{'cold, ms':<30} {'embedded c=1':>12} {'c=4 p50':>8} {'p99':>7} {'req/s':>6}"
            f" {'virtuoso c=1':>13} {'c=4 p50':>8} {'p99':>7} {'req/s':>6}"
        )
        for name in embedded:
            line = f"  {name:<28}"
            for rows in (embedded, remote):
                one, four = rows[name][1], rows[name][4]
                failed = one.failed + four.failed
                line += (
                    f" {one.p50_ms:>12.2f} {four.p50_ms:>8.2f} {four.p99_ms:>7.1f} "
                    f"{four.per_s:>6.0f}" + (f" ({failed} failed)" if failed else "")
                )
            print(line)


if __name__ == "__main__":
    main()
