"""Extraction throughput on synthetic documents of 1, 10 and 100 pages, and on real speeches.

A page is about 450 words (2.6 KB): eight paragraphs under a heading, written like the seed
(actors, metonyms, events named by label, by place and year, by place and cue, figures, relative
dates, and names the store does not know). The gazetteer is built once from a store holding the
reference data (as `kgdebate extract` does per run); each document is then read, laid out, matched,
drafted, and written as `kgdebate extract` writes it: rendered as YAML, its data checked as
ingest's strict loader and schema check what they read, and saved. Each row says how much of its
time the writing took. The synthetic pages are denser in names, figures and dates than real prose
(every sentence holds several), so they are the slow case; the last rows time every UN General
Debate speech of 2022 and 2023 in `../shared/corpus/ungdc/` (real text, about 5 MB), when it is
there, drafted one at a time and then as `kgdebate extract FILE...` drafts them, one process per
processor (the command's own and its workers, made before the store is opened, as the command
makes them, and their start-up counted). Figures are printed, never asserted.

    python bench/extract_bench.py                # 1, 10, 100 pages, and the speeches
    python bench/extract_bench.py --pages 10     # one size, and the speeches
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.extract import extract_all
from kgdebate.extract.draft import make_draft
from kgdebate.extract.gazetteer import Gazetteer
from kgdebate.extract.reading import read_source
from kgdebate.extract.writing import write_draft
from kgdebate.store import OxigraphStore

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import Synchronized

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPHS = [
    "Pressuring Ukraine to negotiate would require the Biden administration to keep supporting "
    "Kyiv, while Moscow and the Kremlin weigh the cost of a longer war. Analysts at the Example "
    "Forum argue that Poland and the Baltic states rely on deterrence. According to polls, 84% "
    "of Ukrainians support continuing to fight for their country's sovereignty.",
    "Russia and Ukraine came close to an agreement in the talks in Istanbul, and the grain deal "
    "showed that verification can work. History also recalls the invasions of Georgia in 2008 "
    "and Crimea in 2014. Over the past 20 months, 6 million people have been displaced abroad "
    "and hundreds of thousands have died.",
    "Foreign Minister Lavrov said that Russia would continue its invasion of Ukraine until the "
    "end. Washington benefits from the erosion of Russian military capacity, and NATO's members "
    "spend about 2% of their output on defence. The UN's appeal asked for $5.6 billion in 2023.",
    "Negotiations should not happen within the next 12 months, in the view of the team that "
    "opposed the motion. The Black Sea Grain Initiative and the prisoner swaps suggest that room "
    "to negotiate exists. Türkiye hosted the Istanbul talks at Dolmabahce Palace on 29 March 2022.",
]


def synthetic(pages: int) -> str:
    lines = [
        "Analysis & Opinions - Belfer Center for Science and International Affairs",
        "",
        "Should the West Press for Talks Now?",
        "",
        "| Nov. 16, 2023",
        "",
    ]
    for page in range(pages):
        lines += [f"Theme {page + 1} of the Debate", ""]
        lines += [paragraph + "\n" for paragraph in PARAGRAPHS * 2]
    return "\n".join(lines)


def measure(pages: int, gazetteer: Gazetteer, folder: Path, settings: Settings) -> None:
    path = folder / f"bench-{pages}-pages.txt"
    path.write_text(synthetic(pages), "utf-8")
    size = path.stat().st_size
    runs, writing, started = 0, 0.0, time.perf_counter()
    while runs < 3 or time.perf_counter() - started < 2.0:
        draft = make_draft(read_source(path, settings.max_text_bytes), gazetteer)
        drafted = time.perf_counter()
        write_draft(draft, folder / "draft.yaml", settings.max_yaml_nodes)
        writing += time.perf_counter() - drafted
        runs += 1
    elapsed = time.perf_counter() - started
    print(
        f"{pages:>4} page(s) {size / 1e6:7.3f} MB: {runs / elapsed:8.2f} documents/s, "
        f"{runs * size / 1e6 / elapsed:6.3f} MB/s, {100 * writing / elapsed:.0f}% of it writing "
        f"({runs} runs)"
    )


def measure_speeches(corpus: Path, gazetteer: Gazetteer, folder: Path, settings: Settings) -> None:
    paths = sorted(corpus.glob("20*/*.txt"))
    if not paths:
        print(f"speeches: none in {corpus.name}/ (it sits beside the repository): row skipped")
        return
    size, drafting, writing = 0, 0.0, 0.0
    for path in paths:
        started = time.perf_counter()
        source = read_source(path, settings.max_text_bytes)
        draft = make_draft(source, gazetteer, when=f"{path.parent.name}-09")  # the session
        drafted = time.perf_counter()
        write_draft(draft, folder / "draft.yaml", settings.max_yaml_nodes)
        drafting += drafted - started
        writing += time.perf_counter() - drafted
        size += path.stat().st_size
    spent = drafting + writing
    print(
        f"UN General Debate speeches: {len(paths)} documents, {size / 1e6:.3f} MB, one at a time: "
        f"{len(paths) / spent:8.2f} documents/s, {size / 1e6 / spent:6.3f} MB/s, "
        f"{100 * writing / spent:.0f}% of it writing",
        flush=True,
    )
    # As the command runs, once per session: in a process of its own that opens the store only
    # once its workers are made (copies of it, ready at once); this one has the store open.
    spawn = multiprocessing.get_context("spawn")
    jobs, spent = len(os.sched_getaffinity(0)), spawn.Value("d")
    for year in sorted({path.parent.name for path in paths}):
        copies = [path for path in paths if path.parent.name == year]
        command = spawn.Process(
            target=time_command, args=(copies, folder / year, settings, jobs, spent)
        )
        command.start()
        command.join()
    print(
        f"UN General Debate speeches, `kgdebate extract FILE...` with {jobs} process(es), "
        f"the workers' start-up included: {len(paths) / spent.value:8.2f} documents/s, "
        f"{size / 1e6 / spent.value:6.3f} MB/s"
    )


def time_command(
    paths: list[Path], folder: Path, settings: Settings, jobs: int, spent: Synchronized[float]
) -> None:
    """Add to ``spent`` the time `kgdebate extract` takes to draft ``paths``, their drafts
    written into ``folder``, after its imports."""
    folder.mkdir()
    copies = [Path(shutil.copyfile(path, folder / path.name)) for path in paths]
    opened = partial(OxigraphStore, settings.data_dir, read_only=True)
    started = time.perf_counter()
    outcomes = extract_all(copies, opened, settings, when=f"{folder.name}-09", jobs=jobs)
    spent.value += time.perf_counter() - started
    failed = [outcome for outcome in outcomes if not isinstance(outcome, list)]
    if failed:
        print(f"{len(failed)} speeches of {folder.name} not drafted: {failed[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[1, 10, 100])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = Settings(data_dir=folder / "store", reference_dir=ROOT / "data" / "reference")
        store = OxigraphStore(settings.data_dir)
        load_trusted(store, settings)
        started = time.perf_counter()
        gazetteer = Gazetteer.from_store(store)
        print(
            f"gazetteer: {len(gazetteer.by_form)} names of {len(gazetteer.entities)} entities "
            f"in {1000 * (time.perf_counter() - started):.0f} ms"
        )
        for pages in args.pages:
            measure(pages, gazetteer, folder, settings)
        measure_speeches(ROOT.parent / "shared" / "corpus" / "ungdc", gazetteer, folder, settings)


if __name__ == "__main__":
    main()
