"""The annotation schema, checked two ways: compiled to Python for speed (fastjsonschema, as
draft 7) and by jsonschema (draft 2020-12) for the messages. They must accept exactly the same
files, or a broken file could pass the fast check unexplained."""

from __future__ import annotations

import copy
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
import yaml

from kgdebate.config import Settings
from kgdebate.errors import InputError
from kgdebate.extract import extract
from kgdebate.ingest.structure import (
    SAME_IN_DRAFT_7,
    _accepts,
    _const_as_enum,
    _validator,
    annotation_schema,
    check_structure,
)
from kgdebate.ingest.yamlstrict import load_strict
from kgdebate.store import OxigraphStore

from conftest import SEED

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ROOT / "tests" / "data" / "documents"
ODD_VALUES: list[Any] = [
    None, True, 0, -1, 1.5, 10**12, "", "x", "x" * 3000, "2023-02-30", "https://example.org/a",
    [], [1], {}, {"zz": 1},
]  # fmt: skip


def keywords(schema: Any) -> Iterator[str]:
    """Every keyword the schema uses (the keys of its schema objects, not of `properties`)."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            yield key
            if key == "properties":
                for inner in value.values():
                    yield from keywords(inner)
            elif key != "enum" and key != "const":
                yield from keywords(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from keywords(item)


def paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


def broken(document: dict[str, Any], rng: random.Random, count: int) -> Iterator[Any]:
    """``count`` copies of ``document``, each with one value replaced, removed or added."""
    every = list(paths(document))
    for _ in range(count):
        where = rng.choice(every)
        changed = copy.deepcopy(document)
        parent = changed
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        move = rng.random()
        if move < 0.15 and isinstance(parent, dict):
            del parent[last]  # a required field, or an optional one
        elif move < 0.3 and isinstance(parent, dict):
            parent["unknown_field"] = "x"
        elif move < 0.4 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))  # a repeated item
        else:
            parent[last] = copy.deepcopy(rng.choice(ODD_VALUES))
        yield changed


def test_the_schema_uses_only_keywords_that_mean_the_same_in_draft_7() -> None:
    used = set(keywords(annotation_schema()))
    assert used - SAME_IN_DRAFT_7 == set(), (
        "a keyword new to the schema: check that draft 7 reads it as 2020-12 does, then add it"
    )


@pytest.mark.slow  # fuzzing: 600 broken files, each through both checks
def test_both_checks_accept_exactly_the_same_files(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    annotations = sorted((ROOT / "data" / "annotations" / "ungdc").rglob("*.yaml"))[:2] + [SEED]
    documents = [yaml.safe_load(path.read_text("utf-8")) for path in annotations]
    for source in sorted(DOCUMENTS.glob("[dr]*.*"))[:2]:  # drafts: the long `draft:` lists
        shutil.copyfile(source, tmp_path / source.name)
        written = extract(tmp_path / source.name, store, settings, when="2023-11-16")
        documents.append(yaml.safe_load(written[-1].read_text("utf-8")))
    rng = random.Random(20261205)
    verdicts = {True: 0, False: 0}
    for document in documents:
        assert _fast(document) and not list(_validator().iter_errors(document))
        for variant in broken(document, rng, 120):
            slow = not list(_validator().iter_errors(variant))
            assert _fast(variant) == slow, f"the checks disagree on {variant!r:.300}"
            verdicts[slow] += 1
    assert len(documents) == 5
    assert verdicts[False] > 300 and verdicts[True] > 50  # both answers were put to the test


def test_the_fast_check_holds_every_const_of_the_schema() -> None:
    """Compiled with each ``const`` as a one-value ``enum`` (fastjsonschema cannot compile a
    ``const`` without its exceptions' details): each still refuses any other value."""
    seed = yaml.safe_load(SEED.read_text("utf-8"))
    assert _fast(seed) and seed["statistics"][0]["source_given"] is False
    for path, other in ((("kgdebate",), "annotation/2"), (("statistics", 0, "source_given"), 0)):
        changed = copy.deepcopy(seed)
        parent = changed
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = other
        assert not _fast(changed), path
        assert list(_validator().iter_errors(changed)), path
    # in a debate, a claim for neither side (`side: none`) alone may have no theme
    claim = next(claim for claim in seed["claims"] if "theme" in claim)
    del claim["theme"]
    for side, accepted in (("none", True), ("for", False), ("against", False)):
        claim["side"] = side
        assert _fast(seed) is accepted, side
        assert (not list(_validator().iter_errors(seed))) is accepted, side


def test_const_as_enum_rewrites_keywords_never_the_names_of_properties() -> None:
    schema = {
        "properties": {"const": {"const": 1}, "enum": {"enum": [1, 2], "const": 2}},
        "items": [{"not": {"const": "x"}}],
    }
    assert _const_as_enum(schema) == {
        "properties": {"const": {"enum": [1]}, "enum": {"enum": [1, 2], "allOf": [{"enum": [2]}]}},
        "items": [{"not": {"enum": ["x"]}}],
    }


def test_an_invalid_file_is_still_explained_line_by_line(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8").replace("side: for", "side: maybe", 1)
    with pytest.raises(InputError, match=r"seed.yaml:39: debate.teams.0.side: must be one of"):
        check_structure(load_strict(text, "seed.yaml"), "seed.yaml")


def _fast(document: Any) -> bool:
    try:
        _accepts()(document)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
