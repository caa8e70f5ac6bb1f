"""Per-document exports (kgdebate.exports) at growing store sizes, in-process.

For each size a store is built as web_bench.py builds it (the seed plus synthetic documents,
bulk loaded on disk); then every format of ``kgdebate export --document`` runs for the seed
and for one synthetic document, read-only. An export's queries are bound by its document, so
its time should follow the document, not the store. Figures are printed, never asserted.

    python bench/export_bench.py                        # 100k, 1M and 10M triples
    python bench/export_bench.py --sizes 1000000 --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from web_bench import BASE, SEED_ID, build_store

from kgdebate.exports.formats import DOCUMENT_FORMATS, export_document
from kgdebate.store import OxigraphStore

SYNTHETIC_ID = "bench-1000000"


def measure(folder: Path, triples: int, runs: int) -> None:
    built = build_store(folder, triples)
    store = OxigraphStore(folder / "store", read_only=True)
    print(f"\n{built['triples']:,} triples, {built['documents']:,} synthetic documents")
    print(f"  {'document':<14} {'format':<14} {'p50 ms':>8} {'max ms':>8}")
    for slug in (SEED_ID, SYNTHETIC_ID):
        for name in DOCUMENT_FORMATS:
            seconds = []
            for _ in range(runs):
                started = time.perf_counter()
                export_document(store, BASE, slug, name)
                seconds.append(time.perf_counter() - started)
            p50, worst = statistics.median(seconds) * 1000, max(seconds) * 1000
            print(f"  {slug[:14]:<14} {name:<14} {p50:>8.2f} {worst:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    for triples in sorted(args.sizes):
        with tempfile.TemporaryDirectory(prefix="export-bench-", ignore_cleanup_errors=True) as tmp:
            measure(Path(tmp), triples, args.runs)


if __name__ == "__main__":
    main()
