"""How an RDF term is shown on a page: its text, and where (if anywhere) it links.

Our own IRIs link to their ``/doc/`` page, ontology terms to their anchor on ``/def/kgdebate``,
other http(s) IRIs to their page here (``/doc/external?iri=…``) plus an outbound link; any other
scheme (``javascript:``, ``data:``, ``urn:``) is text only. A :class:`TermView` renders itself as
escaped HTML (``__html__``), text wrapped in ``<bdi>`` so bidi overrides stay inside it. A typed
literal shows its value (``8``, ``2023-11-16``), its datatype only on hover (``title``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
from flask import request
from markupsafe import Markup, escape

from kgdebate.invisible import visible
from kgdebate.namespaces import KGD, XSD, curie
from kgdebate.store import Term
from kgdebate.web.linked_data import path_for_iri

ONTOLOGY_NS = str(KGD._NS)
STRING = str(XSD.string)
UNBROKEN = {  # values never wrapped: 2023-11-16, not "2023-/11-16"
    str(XSD[name])
    for name in ("date", "dateTime", "gYear", "gYearMonth", "integer", "decimal", "double")
}


@dataclass(frozen=True)
class TermView:
    text: str
    href: str | None = None
    outbound: str | None = None
    note: str = ""
    title: str = ""
    """Shown on hover: the datatype of a typed literal (its value is the text)."""
    nowrap: bool = False
    """A date or a number: never wrapped (at a date's hyphens, say)."""
    words: str = ""
    """A claim's exact words beside its paraphrase (the text): the page's toggle shows either."""

    def __html__(self) -> str:
        attributes = f' title="{escape(self.title)}"' if self.title else ""
        attributes += ' class="nowrap"' if self.nowrap else ""
        text = f"<bdi{attributes}>{escape(visible(self.text))}</bdi>"
        if self.words:
            text = (
                f'<span class="paraphrase">{text}</span> '
                f'<q class="words"><bdi>{escape(visible(unquoted(self.words)))}</bdi></q>'
            )
        if self.href:
            text = f'<a href="{escape(self.href)}">{text}</a>'
        if self.outbound:
            text += (
                f' <a class="outbound" href="{escape(self.outbound)}" '
                'rel="nofollow noopener noreferrer" title="the IRI itself">↗</a>'
            )
        if self.note:
            text += f' <span class="note">{escape(visible(self.note))}</span>'
        return Markup(text)


def is_web_iri(iri: str) -> bool:
    return iri.startswith(("http://", "https://"))


def page_href(base: str, iri: str) -> str | None:
    """Where this app shows the IRI, or None when it does not (non-http(s) IRIs)."""
    path = _page_path(base, iri)
    return None if path is None else request.script_root + path


@lru_cache(maxsize=65_536)
def _page_path(base: str, iri: str) -> str | None:
    # A page links the same documents, sides and themes row after row: worth remembering.
    whole, hash_mark, fragment = iri.partition("#")
    path = path_for_iri(base, whole)
    if path is not None:
        return f"/doc/{path}{hash_mark}{fragment}"
    if iri.startswith(ONTOLOGY_NS):
        return f"/def/kgdebate#{iri[len(ONTOLOGY_NS) :]}"
    if is_web_iri(iri) and "#" not in iri:
        return f"/doc/external?{urlencode({'iri': iri})}"
    return None


def view_property(base: str, predicate: ox.NamedNode) -> TermView:
    """A property: its CURIE, linked to our ontology page when it is ours, else outbound."""
    iri = predicate.value
    if iri.startswith(ONTOLOGY_NS):
        return TermView(curie(iri), page_href(base, iri))
    return TermView(curie(iri), None, iri if is_web_iri(iri) else None)


def view(
    base: str, term: Term | None, label: Term | None = None, words: Term | None = None
) -> TermView:
    """How ``term`` is shown: with its ``label`` as text, and a claim with its exact ``words``."""
    if term is None:
        return TermView("")
    if isinstance(term, ox.Literal):  # its value; a type is shown on hover, a language said
        note = f"@{term.language}" if term.language not in (None, "en") else ""
        datatype = term.datatype.value
        typed = "" if term.language or datatype == STRING else curie(datatype)
        return TermView(term.value, note=note, title=typed, nowrap=datatype in UNBROKEN)
    if isinstance(term, ox.NamedNode):
        text = label.value if isinstance(label, ox.Literal) else _unlabelled(base, term.value)
        external = is_web_iri(term.value) and not term.value.startswith(base)
        quoted = words.value if isinstance(words, ox.Literal) else ""
        return TermView(
            text, page_href(base, term.value), term.value if external else None, words=quoted
        )
    return TermView(str(term))


def _unlabelled(base: str, iri: str) -> str:
    """A term with no label: one of this dataset by its path ("citation/<document>/c06-1", an
    ingest's "ingest/<document>#warning-5"), not its whole IRI; any other as a CURIE."""
    ours = f"{base}id/"
    return iri[len(ours) :] if iri.startswith(ours) and len(iri) > len(ours) else curie(iri)


def web_link(base: str, term: Term | None) -> TermView | None:
    """A web address shown by its host (the whole address on hover), linked to its page here and
    outbound; None for anything that is not an http(s) IRI, which is never a link."""
    if not isinstance(term, ox.NamedNode) or not is_web_iri(term.value):
        return None
    host = urlsplit(term.value).hostname or term.value
    return TermView(host, page_href(base, term.value), term.value, title=term.value)


def web_links(base: str, term: Term | None) -> list[TermView]:
    """The http(s) addresses in a literal of space-separated IRIs (a ``GROUP_CONCAT`` of them),
    each as :func:`web_link` shows it; anything else in it is dropped."""
    if not isinstance(term, ox.Literal):
        return []
    found = []
    for text in sorted(set(term.value.split())):
        try:
            node = ox.NamedNode(text)
        except ValueError:
            continue
        shown = web_link(base, node)
        if shown is not None:
            found.append(shown)
    return found


QUOTED = re.compile(r"^[\"“„«‘'](?P<inside>[^\"“”„«»‘’]*)[\"”»’']$")
OPENED = re.compile(r"^[“„«](?P<inside>[^”»]*)$")  # a quotation that goes on after the words
CLOSED = re.compile(r"^(?P<inside>[^“„«]*)[”»]$")  # one that began before them


def unquoted(words: str) -> str:
    """Words a page sets in ``<q>`` (which adds its own marks) without the quotation marks
    that enclose them ("“The corridor works.”"), or that open or close a quotation the words
    hold only part of; a quotation that ends inside them ("“It works,” he said") keeps its
    own."""
    stripped = words.strip()
    for pattern in (QUOTED, OPENED, CLOSED):
        quoted = pattern.match(stripped)
        if quoted:
            return quoted["inside"]
    return words


def code_spans(message: str) -> Markup:
    """A message written for the command line ("give `source:`") as a page shows it: its
    backquoted words as code, the rest escaped."""
    parts = str(message).split("`")
    if len(parts) % 2 == 0:  # an unpaired backquote: no code spans, as it is
        return Markup.escape(message)
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if index % 2 else Markup.escape(part)
        for index, part in enumerate(parts)
    )
