"""The curation workbench on a 100-page document (issue 11): how long it takes to open, and to
write and re-check one edit.

A synthetic 100-page text (extract_bench's pages, about 260k characters) is drafted by `extract`
against a store holding the reference data; the workbench then opens the draft (reading it and
showing it, as the page's first request does, while the whole file's check runs in the
background) and makes edits one after another, each written to the file and followed by the
checks the page shows (the ingest pipeline on the claims the edit changed, `review`'s decisions
on the whole file). Figures are printed, never asserted.

    python bench/curate_bench.py               # 100 pages, 40 edits
    python bench/curate_bench.py --pages 10
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from extract_bench import synthetic

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.curation.workbench import Workbench
from kgdebate.extract import extract
from kgdebate.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--edits", type=int, default=40)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        settings = Settings(data_dir=tmp / "store", reference_dir=ROOT / "data" / "reference")
        settings = replace(settings, texts_dir=tmp)
        store = OxigraphStore(settings.data_dir)
        load_trusted(store, settings)
        text = tmp / "bench.txt"
        text.write_text(synthetic(options.pages), "utf-8")
        draft = tmp / "bench.yaml"
        extract(text, store, settings, output=draft)

        started = time.perf_counter()
        workbench = Workbench(draft, text, settings)
        state = workbench.state(store)
        opened = time.perf_counter() - started
        workbench.wait_until_checked()
        whole = time.perf_counter() - started
        claims = [c["id"] for c in state["claims"]]
        print(
            f"{options.pages} pages, {len(workbench.text or ''):,} characters, "
            f"{len(claims):,} claims, {draft.stat().st_size / 1e6:.1f} MB of YAML"
        )
        print(f"open (read, the page's first state): {opened * 1000:.0f} ms   target < 2,000 ms")
        print(f"whole-file check, in the background: {whole:.1f} s")

        written, checked = [], []
        for number in range(options.edits):
            claim = claims[(number * 37) % len(claims)]
            kind = ("fact", "forecast")[number % 2]
            version = workbench.read()[1]
            started = time.perf_counter()
            workbench.apply(version, "set", {"claim": claim, "field": "kind", "value": kind}, store)
            middle = time.perf_counter()
            workbench.state(store)
            ended = time.perf_counter()
            written.append(middle - started)
            checked.append(ended - started)
        for name, times in (("write one edit", written), ("edit + re-check", checked)):
            ordered = sorted(times)
            p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
            print(
                f"{name}: p50 {statistics.median(times) * 1000:.0f} ms, "
                f"p95 {p95 * 1000:.0f} ms ({len(times)} edits)"
                + ("   target p95 < 300 ms" if name.startswith("edit") else "")
            )


if __name__ == "__main__":
    main()
