"""``/read/<document>``: a document's full text with every claim's words highlighted — by side
for a debate, by stance for a speech — paragraphs numbered, and the claims beside it, each
linking to its words and back. Read-only; shown only when the server has the text.

A quote whose words are not at its offsets is listed as an orphan and never re-anchored: only a
curator can say whether the annotation or the text is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, abort, render_template

from kgdebate.mint import Minter, last_slug
from kgdebate.namespaces import DCTERMS, KGD
from kgdebate.store import term_text
from kgdebate.web.context import context
from kgdebate.web.page_cache import cached
from kgdebate.web.page_sparql import select
from kgdebate.web.terms import page_href
from kgdebate.web.texts import text_of

bp = Blueprint("reading", __name__)


@dataclass(frozen=True)
class Claim:
    slug: str
    statement: str
    start: int
    end: int
    tone: str  # the side or stance it is highlighted by
    machine: bool
    href: str | None


@dataclass
class Segment:
    text: str
    claims: list[Claim] = field(default_factory=list)  # the claims whose words these are
    starts: list[str] = field(default_factory=list)  # the claims whose words begin here


@dataclass
class Paragraph:
    number: int
    segments: list[Segment]


@bp.get("/read/<slug>")
@cached
def read(slug: str) -> str:
    settings = context().settings
    store = context().store
    try:
        iri = str(Minter(settings.base_iri).thing("document", slug))
    except ValueError:
        abort(404)
    if not store.types_of(iri):
        abort(404)
    hashes = [term_text(term) for term, _ in store.objects(iri, str(KGD.sha256))]
    text = text_of(hashes[0], settings.texts_dir, settings.max_text_bytes) if hashes else None
    titles = [term_text(term) for term, _ in store.objects(iri, str(DCTERMS.title))]
    anchored, orphans = _claims(iri, text or "")
    return render_template(
        "reading.html",
        title=titles[0] if titles else slug,
        document_href=page_href(settings.base_iri, iri),
        has_text=text is not None,
        paragraphs=_paragraphs(text, anchored) if text is not None else [],
        claims=anchored,
        orphans=orphans,
    )


def _claims(iri: str, text: str) -> tuple[list[Claim], list[Claim]]:
    anchored: list[Claim] = []
    orphans: list[Claim] = []
    base = context().settings.base_iri
    for row in select(context().store, "reading-claims", iri):
        claim = Claim(
            last_slug(term_text(row["claim"])),
            term_text(row["statement"]),
            int(term_text(row["start"])),
            int(term_text(row["end"])),
            term_text(row["stance"]) or term_text(row["side"]) or "none",
            term_text(row["machine"]) == "true",
            page_href(base, term_text(row["claim"])),
        )
        words = row["exact"]
        exact = words.value if isinstance(words, ox.Literal) else ""
        (anchored if text and text[claim.start : claim.end] == exact else orphans).append(claim)
    return anchored, orphans


def _paragraphs(text: str, claims: list[Claim]) -> list[Paragraph]:
    """The text's lines as numbered paragraphs, cut where a claim's words begin or end."""
    paragraphs = []
    offset = 0
    number = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        number += 1
        inside = [c for c in claims if c.start < end and c.end > start]
        cuts = sorted(
            {start, end, *(max(start, min(end, p)) for c in inside for p in (c.start, c.end))}
        )
        segments = [
            Segment(
                text[a:b],
                [c for c in inside if c.start <= a and c.end >= b],
                [c.slug for c in inside if c.start == a],
            )
            for a, b in zip(cuts, cuts[1:], strict=False)
            if b > a
        ]
        paragraphs.append(Paragraph(number, segments))
    return paragraphs
