"""The minting rule for the project's own IRIs.

``<base>id/<type>/<slug>`` for things and ``<base>graph/<kind>/<slug>`` for named graphs. Slugs are
chosen by curators (lower-case ASCII words joined by hyphens) and never derived from free text,
so two runs over the same annotation always mint the same IRIs.

>>> Minter("https://w3id.org/kgdebate/").thing("actor", "ukraine")
rdflib.term.URIRef('https://w3id.org/kgdebate/id/actor/ukraine')
>>> Minter("https://w3id.org/kgdebate/").thing("claim", "doc", "c01")
rdflib.term.URIRef('https://w3id.org/kgdebate/id/claim/doc/c01')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from rdflib import URIRef

SLUG: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN: Final = SLUG.pattern

THING_TYPES: Final = frozenset(
    {
        "actor",
        "event",
        "place",
        "document",
        "debate",
        "theme",
        "claim",
        "citation",
        "statistic",
        "statement",
        "source",
        "attribution",
        "position",
        "membership",
        "participation",
        "motion",
        "team",
        "software",
        "ingest",
    }
)


@dataclass(frozen=True)
class Minter:
    """Mints IRIs under one base (a setting; the default is ``https://w3id.org/kgdebate/``)."""

    base: str

    def thing(self, kind: str, *slugs: str) -> URIRef:
        if kind not in THING_TYPES:
            raise ValueError(f"unknown IRI type {kind!r}")
        for slug in slugs:
            if not SLUG.match(slug):
                raise ValueError(f"not a slug: {slug!r}")
        return URIRef(f"{self.base}id/{kind}/{'/'.join(slugs)}")

    def slugs_of(self, kind: str, iri: str) -> tuple[str, ...] | None:
        """The slugs that :meth:`thing` minted ``iri`` from; None for any other IRI.

        >>> Minter("https://w3id.org/kgdebate/").slugs_of(
        ...     "claim", "https://w3id.org/kgdebate/id/claim/doc/c01")
        ('doc', 'c01')
        """
        prefix = f"{self.base}id/{kind}/"
        if kind not in THING_TYPES or not iri.startswith(prefix):
            return None
        slugs = tuple(iri[len(prefix) :].split("/"))
        return slugs if all(SLUG.match(slug) for slug in slugs) else None

    def graph(self, kind: str, slug: str | None = None) -> URIRef:
        return URIRef(f"{self.base}graph/{kind}" + (f"/{slug}" if slug else ""))

    def document_graph(self, doc: str) -> URIRef:
        return self.graph("document", doc)

    def provenance_graph(self, doc: str) -> URIRef:
        return self.graph("provenance", doc)

    def shared_graph(self, thing: URIRef) -> URIRef:
        """The graph of a thing stored once for all documents (a statistic, statement, source).

        >>> Minter("https://w3id.org/kgdebate/").shared_graph(
        ...     URIRef("https://w3id.org/kgdebate/id/statistic/poll-84"))
        rdflib.term.URIRef('https://w3id.org/kgdebate/graph/statistic/poll-84')
        """
        return URIRef(self.graph(str(thing).removeprefix(f"{self.base}id/")))

    def thing_of_graph(self, graph: str) -> URIRef:
        """The thing a shared graph holds (the inverse of :meth:`shared_graph`)."""
        return URIRef(f"{self.base}id/" + graph.removeprefix(f"{self.base}graph/"))


def last_slug(iri: str) -> str:
    """The last segment of an IRI's path, as curators name things.

    >>> last_slug("https://w3id.org/kgdebate/id/actor/ukraine")
    'ukraine'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1]


# Letters that Unicode does not decompose into a base letter and a mark.
UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)


def slugify(text: str) -> str:
    """A slug for a name, when a tool must choose one: ASCII words joined by hyphens.

    >>> slugify("Côte d'Ivoire"), slugify("Jonas Gahr Støre")
    ('cote-d-ivoire', 'jonas-gahr-store')
    """
    folded = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED))
    ascii_text = folded.encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))
