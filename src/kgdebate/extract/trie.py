"""One regular expression for many words, shaped as a trie.

Python's engine tries an alternation's branches one by one, and a case-blind branch cannot be
skipped by its first letter: "km|kilometres|…|pensioners" costs a try per word at every place
it is tried. As a trie, a shared prefix is tried once and a branch fails at its first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def one_of(words: Iterable[str]) -> str:
    """A pattern that matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches
    (the words taken literally), trying them in the same order: where a shorter word ends
    inside a longer one the longer is tried first, and words that share no prefix cannot both
    match at one place. In a case-blind pattern, the words must be in one case (else "A" and
    "aB" would be two branches that both match "ab")."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
