"""`kgdebate anchor`: quote selectors computed from the text, never typed by hand (issue 11, 6)."""

from __future__ import annotations

import random
from pathlib import Path

from click.testing import CliRunner

from kgdebate.anchor import CONTEXT, anchor_at, anchors, near_misses
from kgdebate.cli import cli
from kgdebate.ingest.yamlstrict import load_strict

README = Path(__file__).parent.parent / "README.md"
MINIMAL_TEXT = Path(__file__).parent / "data" / "minimal.txt"


def test_a_thousand_random_spans_anchor_back_to_themselves() -> None:
    text = README.read_text("utf-8")
    rng = random.Random(11)
    for _ in range(1000):
        start = rng.randrange(len(text) - 1)
        end = min(len(text), start + rng.randint(1, 200))
        found = anchor_at(text, start, end)
        assert text[found.start : found.end] == found.exact
        assert text[: found.start].endswith(found.prefix) and len(found.prefix) <= CONTEXT
        assert text[found.end :].startswith(found.suffix) and len(found.suffix) <= CONTEXT
        # exact with its prefix and suffix names one place: the one it was taken from
        places = [a for a in anchors(text, found.exact) if a.prefix == found.prefix]
        assert found in places and all(a.suffix != found.suffix or a == found for a in places)
        # what the command prints, the strict loader reads back as the same quote
        loaded = load_strict(found.as_yaml(), "quote.yaml", 1000).data["quote"]
        assert loaded == {
            "exact": found.exact,
            "prefix": found.prefix,
            "suffix": found.suffix,
            "start": found.start,
            "end": found.end,
        }


def test_near_misses_forgive_white_space_quotes_and_dashes_only() -> None:
    text = "As Russia’s invasion of\nUkraine reaches a stalemate — talks?"
    [near] = near_misses(text, "As Russia's invasion of  Ukraine")
    assert near.exact == "As Russia’s invasion of\nUkraine" and near.start == 0
    assert near_misses(text, "As Russia's invasion of Poland") == []


def _anchor(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["anchor", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_command_prints_one_quote_block() -> None:
    text = MINIMAL_TEXT.read_text("utf-8")
    exact = text.split("\n")[2][:20]
    code, out, _ = _anchor(str(MINIMAL_TEXT), exact)
    assert code == 0 and out.startswith("quote:\n  exact: ")
    start = text.index(exact)
    assert f"  start: {start}\n  end: {start + len(exact)}\n" in out


def test_ambiguous_words_list_every_occurrence_and_one_can_be_chosen(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Talks now.\nTalks later.\nNo talks.\n", "utf-8")
    code, out, _ = _anchor(str(text), "Talks")
    assert code == 1
    assert "# occurrence 1 of 2, line 1" in out and "# occurrence 2 of 2, line 2" in out
    code, out, _ = _anchor(str(text), "Talks", "--occurrence", "2")
    assert code == 0 and "start: 11\n" in out and "# occurrence" not in out
    code, _, err = _anchor(str(text), "Talks", "--occurrence", "3")
    assert code == 2 and "occur 2 time(s), not 3" in err


def test_words_not_in_the_text_say_where_nearly_the_same_words_are(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("The “grain deal” ended —\nin July.\n", "utf-8")
    code, _, err = _anchor(str(text), 'The "grain deal" ended - in July.')
    assert code == 2 and "line 1 (0-33)" in err and "“grain deal”" in err
    code, _, err = _anchor(str(text), "a treaty")
    assert code == 2 and "not in the text" in err
