"""Live updates under load: ingests into the store a server is serving, while clients browse.

The real server (``kgdebate serve``: gunicorn, two processes) serves a store built from ``data/``;
four clients request entity pages without pause while ``kgdebate ingest`` stores a document ten
times in a row (a new generation each time). Printed: requests, failed and 5xx requests, and for
each ingest the time from its end until ``/health`` had named the new generation twelve times in
a row (both processes switched). Figures are printed, never asserted.

    python bench/live_update_bench.py
    python bench/live_update_bench.py --ingests 20 --clients 8
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from guard_fuzz import build_store  # noqa: E402 - a sibling bench script
from web_bench import free_port, start_server, stop_server  # noqa: E402

DOCUMENT = ROOT / "tests" / "data" / "minimal.yaml"
PAGES = ["doc/actor/ukraine", "doc/event/istanbul-talks-2022", "", "doc/actor/russia"]


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


class Browsing:
    """Clients requesting entity pages without pause, spread over ``bases`` in turn (as a load
    balancer would), counting requests, failed ones and 5xx answers until stopped."""

    def __init__(self, bases: list[str], clients: int) -> None:
        self.counts = {"requests": 0, "failed": 0, "5xx": 0}
        self._bases = bases
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._browse, args=(i,), daemon=True) for i in range(clients)
        ]
        for thread in self._threads:
            thread.start()

    def _browse(self, turn: int) -> None:
        while not self._stop.is_set():
            for page in PAGES:
                turn += 1
                try:
                    status = status_of(self._bases[turn % len(self._bases)] + page)
                except OSError:
                    status = -1
                with self._lock:
                    self.counts["requests"] += 1
                    self.counts["failed"] += status < 0
                    self.counts["5xx"] += status >= 500

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)


def served_generation(base: str) -> int:
    with urllib.request.urlopen(base + "health", timeout=30) as response:
        return int(json.loads(response.read())["generation"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ingests", type=int, default=10)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp))
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        server = start_server(store, port, {})
        browsing = Browsing([base], args.clients)
        switch_s = []
        kgdebate = str(Path(sys.executable).with_name("kgdebate"))
        try:
            for _ in range(args.ingests):
                ingest = [kgdebate, "--data-dir", str(store), "ingest", str(DOCUMENT)]
                subprocess.run(ingest, check=True, capture_output=True)
                ended = time.monotonic()
                streak = 0
                while streak < 12 and time.monotonic() - ended < 30:
                    streak = (
                        streak + 1 if status_of(base + "doc/document/test-minimal") == 200 else 0
                    )
                switch_s.append(time.monotonic() - ended)
        finally:
            browsing.stop()
            stop_server(server)
        counts = browsing.counts
    print(f"live updates: {args.ingests} ingests under {args.clients} browsing clients")
    print(f"  requests {counts['requests']}, failed {counts['failed']}, 5xx {counts['5xx']}")
    print(
        f"  served by every process after the ingest's end: median "
        f"{statistics.median(switch_s):.2f} s, max {max(switch_s):.2f} s"
    )


if __name__ == "__main__":
    main()
