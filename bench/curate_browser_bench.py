"""The curation workbench on a 100-page document, as a curator meets it: in Chromium.

`kgdebate curate` runs on a draft of extract_bench's 100-page text (a store holding the
reference data only); Playwright drives Debian's Chromium: how long until the page shows the
text and every claim, how long the whole file's check runs in the background, and, once it has
ended, how long an edit takes from the browser's request to the page redrawn (and its two
parts). Figures are printed, never asserted.

    python bench/curate_browser_bench.py              # run from the project folder
    python bench/curate_browser_bench.py --pages 62   # about 1,500 claims
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extract_bench import synthetic
from playwright.sync_api import sync_playwright

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.store import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
KGDEBATE = str(Path(sys.executable).with_name("kgdebate"))
EDIT = """async (k) => {
  const started = performance.now();
  const value = k % 2 ? 'fact' : 'moral';
  const body = {version: state.version, op: 'set',
                args: {claim: state.claims[20 + k].id, field: 'kind', value}};
  const answer = await fetch('edit', {method: 'POST', body: JSON.stringify(body),
    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}});
  const fresh = await answer.json();
  const answered = performance.now();
  state = {...fresh, text: state.text};
  render();
  return [answered - started, performance.now() - answered];
}"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    pages = parser.parse_args().pages
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        settings = Settings(data_dir=tmp / "store", reference_dir=ROOT / "data" / "reference")
        store = OxigraphStore(settings.data_dir)
        load_trusted(store, settings)
        del store
        text = tmp / "bench.txt"
        text.write_text(synthetic(pages), "utf-8")
        draft = tmp / "bench.yaml"
        run = [KGDEBATE, "--data-dir", str(settings.data_dir)]
        subprocess.run([*run, "extract", str(text), "-o", str(draft)], check=True, cwd=ROOT)
        log = tmp / "curate.log"
        with log.open("wb") as out:
            workbench = subprocess.Popen(
                [*run, "curate", str(draft)],
                stdout=out,
                stderr=out,
                cwd=ROOT,
                start_new_session=True,
            )
        try:
            measure(_url(log), pages)
        finally:
            os.killpg(workbench.pid, signal.SIGTERM)
            workbench.wait(timeout=20)


def _url(log: Path) -> str:
    for _ in range(600):
        found = re.search(r"open (http://127\.0\.0\.1:\d+/curate/\?token=\S+)", log.read_text())
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise SystemExit(f"no URL from kgdebate curate: {log.read_text()}")


def measure(url: str, pages: int) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector('body[data-loaded="true"]', timeout=120_000)
        shown = time.perf_counter() - started
        cards = page.locator("#claims .card").count()
        print(f"{pages} pages, {cards:,} claims: the page shows in {shown:.2f} s   target < 2 s")
        while "checking" in (page.locator("#todo").text_content() or ""):
            time.sleep(0.2)
        print(f"the whole file's check ends {time.perf_counter() - started:.1f} s after opening")
        times = [page.evaluate(EDIT, k) for k in range(10)]
        answered = [a for a, _ in times]
        drawn = [a + b for a, b in times]
        print(
            f"an edit from the browser: answered in {statistics.median(answered):.0f} ms, "
            f"redrawn in {statistics.median(drawn):.0f} ms (medians of {len(times)}; "
            f"slowest {max(drawn):.0f} ms)"
        )
        browser.close()


if __name__ == "__main__":
    main()
