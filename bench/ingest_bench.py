"""Ingest and validation throughput, and dump loading, on synthetic documents.

Documents are shaped like the curated seed (a debate, themes, claims with quotes, citations of
reference events, a figure with a curator's attribution), about 250 triples each. For each store
size (claims already stored) a fresh process prefills an on-disk store, then ingests documents
through the whole pipeline (strict YAML, JSON Schema, RDF, SHACL, atomic write) and reports
documents/s, triples/s and its peak memory. Then the largest store is exported and loaded into an
empty store. Figures are printed, never asserted.

    python bench/ingest_bench.py                 # 1k, 10k, 100k claims
    python bench/ingest_bench.py --sizes 1000    # one size
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import yaml

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.ingest.emit import emit
from kgdebate.ingest.pipeline import ingest_files
from kgdebate.mint import Minter
from kgdebate.store import OxigraphStore, to_oxigraph

ROOT = Path(__file__).resolve().parents[1]
CLAIMS_PER_DOCUMENT = 7
EVENTS = [
    "istanbul-talks-2022",
    "annexation-of-crimea-2014",
    "black-sea-grain-initiative",
    "belarus-talks-2022",
    "russo-georgian-war-2008",
]
ACTORS = ["ukraine", "russia", "united-states", "poland", "baltic-states"]


def synthetic(number: int) -> dict[str, object]:
    """One document, shaped like the seed annotation (no full text: quotes are not verified)."""
    slug = f"bench-{number}"
    claims = []
    for index in range(CLAIMS_PER_DOCUMENT):
        side = "for" if index < CLAIMS_PER_DOCUMENT // 2 else "against"
        claim: dict[str, object] = {
            "id": f"c{index + 1:02d}",
            "statement": f"Synthetic claim {index + 1} of document {number}.",
            "quote": {
                "exact": f"Sentence {index + 1} of the text.",
                "prefix": "text. ",
                "suffix": " Next",
                "start": 40 * index + 6,
                "end": 40 * index + 32,
            },
            "side": side,
            "theme": "theme-a" if index % 2 else "theme-b",
            "kind": ["fact", "forecast", "recommendation", "moral", "causal"][index % 5],
            "paragraph": 1 + index // 3,
            "mentions": {"actors": [ACTORS[index % 5], ACTORS[(index + 1) % 5]]},
            "cites": [
                {"event": EVENTS[index % 5], "as": "evidence", "evidence": "diplomatic-record"}
            ],
        }
        if side == "against":
            claim["rebuts"] = [f"c{index - CLAIMS_PER_DOCUMENT // 2 + 1:02d}"]
        claims.append(claim)
    claims[0]["cites"] = [
        {"statistic": f"bench-figure-{number}", "as": "evidence", "evidence": "poll"}
    ]
    return {
        "kgdebate": "annotation/1",
        "document": {
            "id": slug,
            "title": f"Synthetic debate {number}",
            "publisher": "belfer-center",
            "date": "2023-11-16",
            "url": f"https://example.org/{slug}",
            "language": "en",
            "sha256": "0" * 64,
            "citation": f"Synthetic debate {number}. 2023.",
        },
        "debate": {
            "motion": "Synthetic motion.",
            "led_by": "karen-donfried",
            "teams": [{"side": "for", "size": 4}, {"side": "against", "size": 4}],
            "themes": [
                {"id": "theme-a", "title": "Theme A"},
                {"id": "theme-b", "title": "Theme B"},
            ],
        },
        "claims": claims,
        "statistics": [
            {
                "id": f"bench-figure-{number}",
                "poll": True,
                "value": 84,
                "value_text": "84%",
                "unit": "percent",
                "measures": "support",
                "population": "ukrainians",
                "attribution": {
                    "source": f"bench-source-{number}",
                    "confidence": "medium",
                    "by": "bench",
                },
            }
        ],
        "sources": [
            {
                "id": f"bench-source-{number}",
                "title": "A survey",
                "url": "https://example.org/survey",
                "date": "2023-06-09",
            }
        ],
    }


def prefill(store: OxigraphStore, settings: Settings, claims: int) -> float:
    """Store ``claims`` claims quickly: one emitted document, copied under other slugs."""
    # the document with its own statistic and source (which ingest keeps in graphs of their own)
    template = to_oxigraph(emit(synthetic(0), Minter(settings.base_iri)).data_graph())
    lines = "\n".join(f"{t.subject} {t.predicate} {t.object} <GRAPH> ." for t in template)
    started = time.perf_counter()
    documents = claims // CLAIMS_PER_DOCUMENT
    for chunk in range(0, documents, 2000):
        buffer = io.StringIO()
        for number in range(chunk + 1_000_000, min(chunk + 2000, documents) + 1_000_000):
            graph = f"<{settings.base_iri}graph/document/bench-{number}>"
            buffer.write(lines.replace("bench-0", f"bench-{number}").replace("<GRAPH>", graph))
            buffer.write("\n")
        store.load(io.BytesIO(buffer.getvalue().encode()), ox.RdfFormat.N_QUADS)
    return time.perf_counter() - started


def settings_for(folder: Path) -> Settings:
    return Settings(
        data_dir=folder / "store", reference_dir=ROOT / "data" / "reference", texts_dir=folder
    )


def build_store(folder: Path, claims: int) -> dict[str, float]:
    """Child process 1: the trusted graphs plus ``claims`` prefilled claims, on disk."""
    settings = settings_for(folder)
    store = OxigraphStore(settings.data_dir)
    load_trusted(store, settings)
    seconds = prefill(store, settings, claims)
    store.flush()  # else the next process replays the write-ahead log into memory at open
    return {"prefill_s": seconds}


def measure(folder: Path, claims: int, documents: int, dump: bool) -> dict[str, float]:
    """Child process 2: ingest ``documents`` into the prefilled store; its own peak memory."""
    settings = settings_for(folder)
    store = OxigraphStore(settings.data_dir)
    paths = []
    for number in range(documents):
        path = folder / f"bench-{number}.yaml"
        path.write_text(yaml.safe_dump(synthetic(number), sort_keys=False), "utf-8")
        paths.append(path)
    ingest_files(paths[:2], store, settings)  # warm caches (shapes, ontology)
    started = time.perf_counter()
    outcomes = ingest_files(paths, store, settings)
    seconds = time.perf_counter() - started
    failed = [str(o.error) for o in outcomes if o.error is not None]
    if failed:
        raise SystemExit(f"synthetic document refused: {failed[0]}")
    triples = sum(o.triples for o in outcomes)
    result = {
        "claims": claims,
        "store_triples": len(store),
        "docs": documents,
        "docs_per_s": documents / seconds,
        "triples_per_s": triples / seconds,
        "triples_per_doc": triples / documents,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if dump:
        result.update(load_dump(store))
    return result


def load_dump(store: OxigraphStore) -> dict[str, float]:
    """Export the store as N-Quads and TriG, and load each into an empty store."""
    figures: dict[str, float] = {}
    for name, fmt in (("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
        buffer = io.BytesIO()
        store.dump(buffer, fmt)
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
            empty = OxigraphStore(Path(tmp) / "copy")
            started = time.perf_counter()
            empty.restore(io.BytesIO(buffer.getvalue()), fmt)
            figures[f"load_{name}_triples_per_s"] = len(empty) / (time.perf_counter() - started)
    return figures


def child(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr[-2000:])
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)  # child: prefill here
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # child: ingest here
    parser.add_argument("--claims", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build is not None:
        print(json.dumps(build_store(args.build, args.claims)))
        return
    if args.measure is not None:
        print(json.dumps(measure(args.measure, args.claims, args.documents, args.dump)))
        return
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
            built = child("--build", tmp, "--claims", str(size))
            dump = ["--dump"] if size == max(args.sizes) else []
            row = child(
                "--measure", tmp, "--claims", str(size), "--documents", str(args.documents), *dump
            )
            rows.append({**built, **row})
        print(f"measured {size} claims", file=sys.stderr)
    print_table(rows)


def print_table(rows: list[dict[str, float]]) -> None:
    print(
        f"{'claims stored':>14} {'store triples':>14} {'docs/s':>8} {'triples/s':>10} "
        f"{'triples/doc':>12} {'peak RSS MB':>12}"
    )
    for row in rows:
        print(
            f"{row['claims']:>14,.0f} {row['store_triples']:>14,.0f} {row['docs_per_s']:>8.1f} "
            f"{row['triples_per_s']:>10,.0f} {row['triples_per_doc']:>12.0f} "
            f"{row['peak_rss_mb']:>12.0f}"
        )
    for row in rows:
        for key in ("load_nquads_triples_per_s", "load_trig_triples_per_s"):
            if key in row:
                print(
                    f"{key.replace('_', ' ')} (into an empty store, "
                    f"{row['store_triples']:,.0f} triples): {row[key]:,.0f}"
                )


if __name__ == "__main__":
    main()
