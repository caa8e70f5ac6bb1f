"""A document's debate map as Argdown text (https://argdown.org), for Argdown's tools.

One heading per theme, one sub-heading per side of the motion, one statement per claim:
``[c13]: <the claim in the curator's words> #(fact)``, titled with the claim's slug and tagged
with its kind, followed by its outgoing relations indented beneath it: ``+> [c12]`` (supports)
and ``-> [c12]`` (attacks; Argdown has no separate rebuttal, so ``rebuts`` is an attack too).

Argdown has no relation for a restatement: its relations (``+>``, ``->``, ``><``, ``_>`` and
their reverses) are support, attack, contradiction and undercut, and two statements are the
same only when they share a title (an "equivalence class"), which would merge the two claims.
So a claim that restates others says so in its data: ``[c13]: … {restates: ["c06"]}``.

Claims of other documents that a claim here relates to are defined at the end. Every character
that Argdown gives a meaning to is escaped with ``\\`` in texts.
"""

from __future__ import annotations

import json
import re

from kgdebate.exports.debate import Claim, Debate

ARROWS = {"supports": "+>", "attacks": "->", "rebuts": "->"}
# Markup characters (lexer.js of @argdown/core): mentions, tags, bold/italic, links, comments,
# data; "." and ":" only before a non-space, where they could open a shortcode (".x." or ":x:").
SPECIAL = re.compile(r"([\\@#*_\[\]<>/(){}]|[.:](?=\S))")


def escape(value: str) -> str:
    """Text safe in a statement, heading or tag: one line, Argdown's markup characters escaped."""
    return SPECIAL.sub(r"\\\1", " ".join(value.split()))


def side_title(claim: Claim) -> str:
    """The side's label as a heading: "For the motion"."""
    label = " ".join(claim.side_label.split()) or "No side"
    return label[:1].upper() + label[1:]


def argdown_text(debate: Debate) -> str:
    document = debate.document
    front = {"title": document.title, "url": document.url or document.iri}
    lines = ["===", *(f"{key}: {json.dumps(value)}" for key, value in front.items()), "==="]
    if document.motion:
        lines += ["", f"// Motion: {' '.join(document.motion.split())}"]
    for theme in debate.themes:
        lines += ["", f"# {escape(theme.label)}"]
        for _, claims in theme.by_side():
            lines += ["", f"## {escape(side_title(claims[0]))}"]
            for claim in claims:
                lines += ["", *_statement(debate, claim)]
    if debate.outside:
        lines += ["", "# Claims of other documents"]
        for iri, label in sorted(debate.outside.items()):
            lines += ["", f"[{debate.claim_id(iri)}]: {escape(label)}"]
    return "\n".join(lines) + "\n"


def _statement(debate: Debate, claim: Claim) -> list[str]:
    tag = f" #({escape(claim.kind)})" if claim.kind else ""
    outgoing = debate.outgoing(claim.iri)
    restated = [debate.claim_id(r.target) for r in outgoing if r.kind == "restates"]
    data = f" {{restates: {json.dumps(restated)}}}" if restated else ""
    lines = [f"[{debate.claim_id(claim.iri)}]: {escape(claim.label)}{tag}{data}"]
    for relation in outgoing:
        if relation.kind in ARROWS:
            lines.append(f"  {ARROWS[relation.kind]} [{debate.claim_id(relation.target)}]")
    return lines
