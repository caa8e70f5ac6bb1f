"""Replicas under load: two servers follow the snapshots of one writer while clients browse both.

A writer's store (built from ``data/``) is snapshotted (``kgdebate snapshot``); two servers
(``kgdebate serve --follow``, two processes each) serve the snapshots; four clients request
entity pages from both without pause, as a load balancer would send them, while the writer
ingests a document and publishes a new snapshot five times. Printed: requests, failed and 5xx
requests, and for each snapshot the time from its publication until both replicas named its
generation on /health. Figures are printed, never asserted. Target (issue 15): zero failed
requests, both replicas on the new snapshot within 5 s.

    python bench/replica_bench.py [--snapshots 5] [--clients 4]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from guard_fuzz import build_store  # noqa: E402 - sibling bench scripts
from live_update_bench import DOCUMENT, Browsing, served_generation  # noqa: E402
from web_bench import free_port, start_server, stop_server  # noqa: E402

from kgdebate.generation import current  # noqa: E402
from kgdebate.snapshots import followed_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshots", type=int, default=5)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    kgdebate = str(Path(sys.executable).with_name("kgdebate"))
    with tempfile.TemporaryDirectory() as tmp:
        store, out = build_store(Path(tmp)), Path(tmp) / "snapshots"
        subprocess.run([kgdebate, "--data-dir", str(store), "snapshot", str(out)], check=True,
                       capture_output=True)  # fmt: skip
        ports = [free_port(), free_port()]
        bases = [f"http://127.0.0.1:{port}/" for port in ports]
        replicas = [start_server(followed_store(out), port, {}) for port in ports]
        browsing = Browsing(bases, args.clients)
        switch_s = []
        try:
            for _ in range(args.snapshots):
                ingest = [kgdebate, "--data-dir", str(store), "ingest", str(DOCUMENT)]
                subprocess.run(ingest, check=True, capture_output=True)
                snapshot = [kgdebate, "--data-dir", str(store), "snapshot", str(out)]
                subprocess.run(snapshot, check=True, capture_output=True)
                published = time.monotonic()
                wanted = current(store).number  # the generation the snapshot carries
                while time.monotonic() - published < 30:
                    # /health answers in-process: a few calls reach each worker of a replica
                    if all(
                        min(served_generation(base) for _ in range(6)) >= wanted for base in bases
                    ):
                        break
                    time.sleep(0.05)
                switch_s.append(time.monotonic() - published)
        finally:
            browsing.stop()
            for replica in replicas:
                stop_server(replica)
        counts = browsing.counts
    print(f"replicas: 2 servers following snapshots, {args.snapshots} new snapshots under "
          f"{args.clients} browsing clients")  # fmt: skip
    print(f"  requests {counts['requests']}, failed {counts['failed']}, 5xx {counts['5xx']}")
    print(
        f"  both replicas on the new snapshot after its publication: median "
        f"{sorted(switch_s)[len(switch_s) // 2]:.2f} s, max {max(switch_s):.2f} s (target 5 s)"
    )


if __name__ == "__main__":
    main()
