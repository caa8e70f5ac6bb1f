"""`kgdebate extract`: a raw document in, a draft annotation out (design.md §2).

read (reading.py) → layout (layout.py) → mentions (gazetteer.py) and figures (figures.py) →
draft annotation (draft.py) → YAML (writing.py), never written over a curation.
`kgdebate review` (review.py) then lists what a curator must decide.
"""

from __future__ import annotations

from pathlib import Path

from kgdebate.config import Settings
from kgdebate.errors import StoreError
from kgdebate.extract.draft import make_draft
from kgdebate.extract.gazetteer import Gazetteer
from kgdebate.extract.reading import read_source
from kgdebate.extract.writing import write_draft
from kgdebate.mint import Minter
from kgdebate.store import TripleStore


def extract(
    path: Path,
    store: TripleStore,
    settings: Settings,
    output: Path | None = None,
    encoding: str | None = None,
    slug: str | None = None,
    when: str | None = None,
) -> list[Path]:
    """Write the draft annotation of ``path`` (default: ``<stem>.yaml`` beside it)."""
    if not store.has_graph(str(Minter(settings.base_iri).graph("reference"))):
        raise StoreError(
            "the store has no reference data: extract links names to its actors and events",
            hint="run `kgdebate build` first",
        )
    source = read_source(path, settings.max_text_bytes, encoding)
    draft = make_draft(source, Gazetteer.from_store(store), slug, when)
    target = output or path.with_name(f"{draft.data['document']['id']}.yaml")
    return write_draft(draft, target, settings.max_yaml_nodes)
