"""A claim's statement from the exact words of its quote."""

from __future__ import annotations

import re

MARKDOWN_MARKS = (  # what Markdown adds to words, and the words it keeps
    (re.compile(r"!?\[([^\]\n]+)\]\([^)\s]+\)"), r"\1"),  # "[the report](https://…)"
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # "**bold**"
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # "*stress*"
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # "`code`"
    (re.compile(r"^>\s*", re.M), ""),  # a quotation's "> "
)


ANY_MARK = re.compile(r"[*_\[`>]")


def plain_words(exact: str) -> str:
    """A claim's statement from its exact words: on one line, without Markdown's marks (the
    quote keeps them: it is what the text says, character for character)."""
    if ANY_MARK.search(exact):  # most sentences have none: no pattern is tried
        for pattern, kept in MARKDOWN_MARKS:
            exact = pattern.sub(kept, exact)
    return " ".join(exact.split())
