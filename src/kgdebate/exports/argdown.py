"""A document's debate map as Argdown text (https://argdown.org), for Argdown's tools.

One heading per theme, one sub-heading per side of the motion, one statement per claim:
``[c13]: <the claim in the curator's words> #(fact)``, titled with the claim's slug and tagged
with its kind, followed by its outgoing relations indented beneath it: ``+> [c12]`` (supports)
and ``-> [c12]`` (attacks; Argdown has no separate rebuttal, so ``rebuts`` is an attack too).
Claims of other documents that a claim here relates to are defined at the end. Every character
that Argdown gives a meaning to is escaped with ``\\`` in texts.
"""

from __future__ import annotations

import json
import re

from kgdebate.exports.aif import node_id
from kgdebate.exports.debate import Debate
from kgdebate.web.debatemap import ClaimBox

ARROWS = {"supports": "+>", "attacks": "->", "rebuts": "->"}
# Markup characters (lexer.js of @argdown/core): mentions, tags, bold/italic, links, comments,
# data; "." and ":" only before a non-space, where they could open a shortcode (".x." or ":x:").
SPECIAL = re.compile(r"([\\@#*_\[\]<>/(){}]|[.:](?=\S))")


def escape(value: str) -> str:
    """Text safe in a statement, heading or tag: one line, Argdown's markup characters escaped."""
    return SPECIAL.sub(r"\\\1", " ".join(value.split()))


def argdown_text(debate: Debate) -> str:
    document = debate.document
    front = {"title": document.title, "url": document.url or document.iri}
    lines = ["===", *(f"{key}: {json.dumps(value)}" for key, value in front.items()), "==="]
    if document.motion:
        lines += ["", f"// Motion: {' '.join(document.motion.split())}"]
    for theme in debate.map.themes:
        lines += ["", f"# {escape(theme.label)}"]
        for side in debate.map.sides:
            boxes = theme.cells.get(side, [])
            if boxes:
                lines += ["", f"## {escape(debate.map.side_titles[side])}"]
                for box in boxes:
                    lines += ["", *_statement(debate, box)]
    if debate.outside:
        lines += ["", "# Claims of other documents"]
        for iri, label in sorted(debate.outside.items()):
            lines += ["", f"[{node_id(debate, iri)}]: {escape(label)}"]
    return "\n".join(lines) + "\n"


def _statement(debate: Debate, box: ClaimBox) -> list[str]:
    tag = f" #({escape(box.kind)})" if box.kind else ""
    lines = [f"[{node_id(debate, box.iri)}]: {escape(box.label)}{tag}"]
    for relation in box.outgoing:
        lines.append(f"  {ARROWS[relation.relation]} [{node_id(debate, relation.other)}]")
    return lines
