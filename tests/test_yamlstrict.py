"""The strict YAML loader refuses what security.md 3a rows 7–12 and 16 describe."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from kgdebate.errors import InputError
from kgdebate.ingest.yamlstrict import Loaded, compose_strict, load_strict


def refused(text: str) -> str:
    with pytest.raises(InputError) as caught:
        load_strict(text, "doc.yaml")
    return str(caught.value)


def test_yaml_1_1_coercions_stay_strings() -> None:
    loaded = load_strict("a: NO\nb: 2024-01-02\nc: 0o17\nd: yes\ne: '1.10'\n", "doc.yaml")
    assert loaded.data == {"a": "NO", "b": "2024-01-02", "c": "0o17", "d": "yes", "e": "1.10"}


def test_core_schema_types() -> None:
    loaded = load_strict("a: true\nb: ~\nc: 42\nd: 1.5\ne: null\n", "doc.yaml")
    assert loaded.data == {"a": True, "b": None, "c": 42, "d": 1.5, "e": None}


def test_lines_point_at_keys() -> None:
    loaded = load_strict("a:\n  b:\n    - x\n    - y: 1\n", "doc.yaml")
    assert loaded.line(("a", "b", 1, "y")) == 4
    assert loaded.line(("a", "b", 0)) == 3
    assert loaded.line(("a", "missing")) == 1


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: &x 1\nb: 2\n", "anchors"),
        ("a: 1\nb: *x\n", "aliases"),
        ("title: a\ntitle: b\n", "duplicate key 'title'"),
        ("a: !!python/object/apply:os.system ['true']\n", "tags"),
        ("a: !custom x\n", "tags"),
        ('a: "nul \\0 here"\n', "control characters"),
        ('a: "\\ud800"\n', "lone surrogates|invalid Unicode"),  # libyaml refuses it itself
        ("a: " + "9" * 5000 + "\n", "number too long"),
        ("a: [\n", "not valid YAML"),
        ("", "empty"),
    ],
)
def test_refusals_name_file_and_problem(text: str, words: str) -> None:
    message = refused(text)
    assert message.startswith("doc.yaml")
    assert re.search(words, message)


def test_duplicate_key_names_its_line() -> None:
    assert refused("document:\n  title: a\n  title: b\n").startswith("doc.yaml:3:")


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    started = time.perf_counter()
    assert "anchors" in refused(bomb)
    assert time.perf_counter() - started < 1.0


def test_node_count_is_capped() -> None:
    with pytest.raises(InputError, match="too many values"):
        load_strict("[" + ", ".join(["1"] * 500) + "]", "doc.yaml", max_nodes=100)


ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = next((ROOT / "data" / "annotations").glob("*.yaml")).read_text("utf-8")
ONE_PROBLEM_EACH = [
    "a: 1\n---\nb: 2\n",  # two documents
    "? [a, b]\n: 1\n",  # a key that is no word
    "a:\n  - b: 1\n    b: 2\n",
    "a: !!str 1\n",
    "a: ! [1]\nb: ! x\n",  # a collection's "!" is a tag; a scalar's is plain text
    "- &x a\n- *x\n",
    "a: 'tab\there'\nb: \"bell \\a\"\n",
    "a: [1, 2\n",
    "# only a comment\n",
    "---\n",
    "[" + ", ".join(["1"] * 150) + "]",
]


@pytest.mark.parametrize(
    ("text", "cap"),
    [(path.read_text("utf-8"), 200_000) for path in sorted((ROOT / "data").rglob("*.yaml"))[:40]]
    + [(text, 100) for text in ONE_PROBLEM_EACH]
    + [(SEED_TEXT, 300)],  # the cap met midway
)
def test_the_one_pass_loader_reads_as_the_composing_one_does(text: str, cap: int) -> None:
    """load_strict builds from the parser's events; compose_strict (which the curation editor
    needs for its node tree) from the composed tree: the same values, lines and refusals."""
    try:
        composed: Loaded | str = compose_strict(text, "doc.yaml", max_nodes=cap)[1]
    except InputError as exc:
        composed = str(exc)
    try:
        loaded: Loaded | str = load_strict(text, "doc.yaml", max_nodes=cap)
    except InputError as exc:
        loaded = str(exc)
    if isinstance(composed, str):
        assert loaded == composed
    else:
        assert isinstance(loaded, Loaded)
        assert (loaded.data, loaded.lines) == (composed.data, composed.lines)
