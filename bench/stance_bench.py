"""Stance extraction on the labelled UN General Debate speeches (bench/ungdc/gold.yaml).

Prints, per year: overall-position accuracy, precision and recall per stance label, how often a
speech that names Ukraine was called silent;
then the time to import and extract the whole corpus (files only). The labels were made by
reading the speeches before the rules existed; the rules were tuned on the 2022 part only, so
the 2023 part measures speeches the tuning never saw.

    python bench/stance_bench.py [CORPUS]      (default: ../shared/corpus/ungdc)
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

from kgdebate.config import Settings
from kgdebate.stance.classify import OVERALL, read_speech
from kgdebate.stance.lexicon import LABELS

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "ungdc" / "gold.yaml"
LABEL_NAMES = [label.notation for label in LABELS] + ["effects-only"]
UKRAINE = re.compile(r"\bUkrain", re.IGNORECASE)


def evaluate(corpus: Path, entries: list[dict], title: str) -> None:
    right = 0
    counts = {name: Counter() for name in LABEL_NAMES}
    confusion: Counter[tuple[str, str]] = Counter()
    silent_but_named = 0
    for entry in entries:
        text = (corpus / entry["file"]).read_text("utf-8")
        reading = read_speech(text)
        gold_labels, found = set(entry["labels"]), reading.labels
        right += reading.overall == entry["overall"]
        confusion[(entry["overall"], reading.overall)] += 1
        for name in LABEL_NAMES:
            counts[name]["tp"] += name in gold_labels and name in found
            counts[name]["fp"] += name not in gold_labels and name in found
            counts[name]["fn"] += name in gold_labels and name not in found
        silent_but_named += reading.overall == "silent" and bool(UKRAINE.search(text))
    n = len(entries)
    print(f"\n{title}: {n} speeches")
    print(f"  overall position accuracy: {right}/{n} = {right / n:.0%}   (target >= 85%)")
    for name in LABEL_NAMES:
        c = counts[name]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        target = "   (target P >= 90%, R >= 80%)" if name == "calls-for-talks" else ""
        print(
            f"  {name:38} P {p:5.0%}  R {r:5.0%}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})"
            f"{target}"
        )
    print(f"  silent while naming Ukraine: {silent_but_named}   (target 0)")
    wrong = {pair: k for pair, k in confusion.items() if pair[0] != pair[1]}
    if wrong:
        print(
            "  confusions (gold -> found): "
            + ", ".join(
                f"{g}->{f} x{k}" for (g, f), k in sorted(wrong.items(), key=lambda x: -x[1])
            )
        )


def throughput(corpus: Path) -> None:
    from kgdebate.ungdc.command import import_ungdc

    sheet = corpus / "Speakers_by_session.xlsx"
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        (data / "reference").mkdir(parents=True)
        for path in (ROOT / "data" / "reference").glob("*.ttl"):
            if path.name != "ungdc.ttl":
                (data / "reference" / path.name).write_bytes(path.read_bytes())
        settings = Settings(data_dir=Path(folder) / "store")
        started = time.perf_counter()
        report = import_ungdc(corpus, sheet if sheet.exists() else None, data, None, settings)
        seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    print(
        f"\nimport and extract (files only, no store): {len(report.written)} speeches, "
        f"{size / 1e6:.1f} MB in {seconds:.1f} s"
    )


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "ungdc"
    if not GOLD.exists() or not corpus.is_dir():
        print(f"stance bench: needs {GOLD.relative_to(ROOT)} and the corpus folder; skipped")
        return
    gold = yaml.safe_load(GOLD.read_text("utf-8"))
    assert set(OVERALL) >= {entry["overall"] for entry in gold}
    for year in ("2022", "2023"):
        part = [e for e in gold if e["file"].startswith(year)]
        tuned = "tuned on" if year == "2022" else "never tuned on"
        evaluate(corpus, part, f"{year} (rules {tuned})")
    evaluate(corpus, gold, "all")
    throughput(corpus)


if __name__ == "__main__":
    main()
