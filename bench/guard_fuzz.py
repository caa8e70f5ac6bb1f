"""The query guard under fuzzing, and how far its limits stay from where the engine crashes.

1. Where the engine dies: each shape (nested brackets, chained ``+``, ``UNION``, ``||``, path
   ``|`` and ``/``) is evaluated at growing sizes in a fresh process, with no guard; the first size
   that kills the process (or runs past 30 s) is printed beside the guard's limit and the margin.
2. Fuzzing: random queries from the grammar (``tests/sparql_fuzz.py``) POSTed to the real server
   (``kgdebate serve`` on a built seed store, empty SERVICE allowlist) while a loopback canary
   counts connections. Printed: answers by status and code, latency, worker crashes, canary hits.

Figures are printed, never asserted.

    python bench/guard_fuzz.py                       # 10,000 queries
    python bench/guard_fuzz.py --count 50000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from canary import running_canary  # noqa: E402 - a test helper, found through the path above
from kgdebate.sparql_guard import DEFAULT_LIMITS  # noqa: E402
from sparql_fuzz import queries  # noqa: E402

SHAPES = {
    "nested brackets": (DEFAULT_LIMITS.depth, lambda n: f"ASK {{ FILTER({'(' * n}1{')' * n}) }}"),
    "chained +": (
        DEFAULT_LIMITS.operators,
        lambda n: f"SELECT * {{ BIND({'1+' * n}1 AS ?x) }}",
    ),
    "chained ||": (
        DEFAULT_LIMITS.operators,
        lambda n: f"SELECT * {{ BIND({'?a||' * n}?a AS ?x) }}",
    ),
    "chained UNION": (
        DEFAULT_LIMITS.patterns,
        lambda n: "ASK {" + " UNION ".join(["{}"] * n) + "}",
    ),
    "path |": (
        DEFAULT_LIMITS.path_steps,
        lambda n: "ASK { ?s " + "|".join(["<http://e/p>"] * n) + " ?o }",
    ),
    "path /": (
        DEFAULT_LIMITS.path_steps,
        lambda n: "ASK { ?s " + "/".join(["<http://e/p>"] * n) + " ?o }",
    ),
}
SIZES = [100, 200, 500, 1_000, 2_000, 5_000, 8_000, 12_000, 20_000]
CHILD = "import sys, pyoxigraph as ox; ox.Store().query(sys.stdin.read())"


def first_failure(build: object) -> tuple[int | None, str]:
    for size in SIZES:
        query = build(size)  # type: ignore[operator]
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, "-c", CHILD],
                input=query,
                text=True,
                capture_output=True,
                timeout=30,
                env={**os.environ, "RUST_BACKTRACE": "0"},
                check=False,
            )
        except subprocess.TimeoutExpired:
            return size, "over 30 s"
        if done.returncode < 0:
            return size, f"killed by {signal.Signals(-done.returncode).name}"
        if done.returncode != 0 and "SyntaxError" not in done.stderr:
            return size, f"exit {done.returncode}"
        if time.monotonic() - started > 10:
            return size, f"{time.monotonic() - started:.1f} s"
    return None, "never"


def margins() -> None:
    print("where the engine fails, and the guard's limit (default settings)")
    print(f"{'shape':18} {'limit':>6} {'fails at':>9}  {'how':18} {'margin':>7}")
    for name, (limit, build) in SHAPES.items():
        size, how = first_failure(build)
        margin = f"{size / limit:.0f}x" if size else "-"
        print(f"{name:18} {limit:>6} {size or '-':>9}  {how:18} {margin:>7}")


def build_store(folder: Path) -> Path:
    store = folder / "store"
    kgdebate = str(Path(sys.executable).with_name("kgdebate"))
    texts = ROOT.parent / "shared" / "corpus"
    command = [kgdebate, "--data-dir", str(store), "build", str(ROOT / "data")]
    if texts.is_dir():
        command += ["--texts", str(texts)]
    subprocess.run(command, check=True, capture_output=True)
    return store


def fuzz(count: int, seed: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from web_bench import free_port, start_server, stop_server

    with tempfile.TemporaryDirectory() as tmp, running_canary() as canary:
        store = build_store(Path(tmp))
        port = free_port()
        server = start_server(store, port, {"KGDEBATE_QUERY_TIMEOUT_S": "10"})
        seen: Counter[tuple[int, str]] = Counter()
        latencies = []
        started = time.monotonic()
        try:
            for query in queries(seed, count, canary.url):
                began = time.monotonic()
                status, code = post(f"http://127.0.0.1:{port}/sparql", query)
                latencies.append(time.monotonic() - began)
                seen[status, code] += 1
        finally:
            stop_server(server)
        elapsed = time.monotonic() - started
    print(f"\n{count} fuzzed queries (seed {seed}) in {elapsed:.0f} s over HTTP")
    for (status, code), n in sorted(seen.items()):
        print(f"  {status} {code or '(answered)':22} {n:>6}")
    cut = statistics.quantiles(latencies, n=100)
    p50, p95 = cut[49] * 1000, cut[94] * 1000
    print(f"  latency p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.2f} s")
    crashes = sum(n for (_, code), n in seen.items() if code in ("engine-crashed", "worker-lost"))
    print(f"  worker crashes {crashes}; 5xx {sum(n for (s, _), n in seen.items() if s >= 500)}")
    print(f"  canary connections {canary.connections}")


def post(url: str, query: str) -> tuple[int, str]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    request.add_header("Accept", "application/sparql-results+json, text/turtle")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status, ""
    except urllib.error.HTTPError as error:
        try:
            return error.code, str(json.loads(error.read())["code"])
        except (ValueError, KeyError):
            return error.code, "(not our JSON)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--skip-margins", action="store_true")
    args = parser.parse_args()
    if not args.skip_margins:
        margins()
    fuzz(args.count, args.seed)


if __name__ == "__main__":
    main()
