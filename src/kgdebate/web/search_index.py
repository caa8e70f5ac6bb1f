"""The search index: each findable thing of the store, its kind, and the words it is found by.

Built once per view of the store (:func:`kgdebate.web.search.cached_index`) from two page
queries, and searched in Python. The words of a thing are its names, its own text, its dates, and
the text of the records that belong to it (a claim's quote, an event's participations, a person's
positions, a figure's source attribution: ``search-index.rq``); a record is never a result of its
own: a thing is found only if it is of a kind (:data:`KINDS`). Both sides are folded the same way
(Unicode NFKD, combining marks dropped, case-folded), so "turkiye" finds "Türkiye".

A query's terms are its words and its "double-quoted phrases"; a thing is found when every term
is in its words (AND), each term within one of its texts. The user's words never reach SPARQL or
a regular expression: they are only substrings to look for.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import partial
from itertools import groupby, islice

import pyoxigraph as ox

from kgdebate.namespaces import KGD, OWL, SKOS
from kgdebate.ontology import superclasses
from kgdebate.queries import short
from kgdebate.store import Term, TripleStore
from kgdebate.web.describe import better_label
from kgdebate.web.page_sparql import page_query

MAX_HITS = 200
SHOWN_CHARS = 200
SHOWN_TEXTS = 3
FIELD_ORDER = (
    "label",
    "title",
    "alias",
    "metonym",
    "quote",
    "words",
    "value",
    "motion",
    "start",
    "end",
)
"""Which text of a thing is shown when several hold the same terms (then any other)."""


@dataclass(frozen=True)
class Kind:
    """A kind of result: the facet value (``?kind=claim``), its heading, the classes it holds."""

    name: str
    title: str
    classes: tuple[str, ...]


KINDS = (
    Kind("claim", "Claims", (str(KGD.Claim),)),
    Kind("actor", "Actors", (str(KGD.Actor),)),
    Kind("event", "Events", (str(KGD.Event),)),
    Kind("figure", "Figures", (str(KGD.Statistic),)),
    Kind("statement", "Statements", (str(KGD.Statement),)),
    Kind("document", "Documents", (str(KGD.SourceDocument),)),
    Kind("source", "Cited sources", (str(KGD.ExternalSource),)),
    Kind("place", "Places", (str(KGD.Place),)),
    Kind(
        "debate",
        "Debates, motions, themes",
        (str(KGD.Debate), str(KGD.Motion), str(KGD.Theme), str(KGD.Team)),
    ),
    Kind(
        "term",
        "Vocabulary",
        (
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
            OWL.AnnotationProperty,
            SKOS.Concept,
            SKOS.ConceptScheme,
        ),
    ),
)
KIND_NAMES = tuple(kind.name for kind in KINDS)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: NFKD, combining marks dropped, case-folded.

    >>> fold("Türkiye") == fold("TURKIYE")
    True
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def terms_of(words: str) -> tuple[str, ...]:
    """The folded terms of a query: each "quoted phrase", then each other word (the words
    after a quote left open too).

    >>> terms_of('Crimea "the Black Sea" 2014 "Kyiv')
    ('the black sea', 'crimea', '2014', 'kyiv')
    """
    phrases = re.findall(r'"([^"]+)"', words)
    rest = re.sub(r'"[^"]*"', " ", words).replace('"', " ").split()
    found = (" ".join(fold(term).split()) for term in [*phrases, *rest])
    return tuple(dict.fromkeys(term for term in found if term))


def marked(text: str, terms: tuple[str, ...]) -> list[tuple[str, bool]]:
    """``text`` in pieces, each piece where a term is found flagged (a ``<mark>`` on the page).

    >>> marked("Annexation of Crimea, 2014", ("crimea", "2014"))
    [('Annexation of ', False), ('Crimea', True), (', ', False), ('2014', True)]
    """
    haystack, where = _folded_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = haystack.find(term)
        while at >= 0:
            spans.append((where[at], where[at + len(term) - 1] + 1))
            at = haystack.find(term, at + len(term))
    pieces, cursor = [], 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if start >= end:
            continue
        pieces += [(text[cursor:start], False), (text[start:end], True)]
        cursor = end
    pieces.append((text[cursor:], False))
    return [piece for piece in pieces if piece[0]]


def _folded_with_offsets(text: str) -> tuple[str, list[int] | range]:
    """The folded text, and the offset in ``text`` of each of its characters (folding may
    drop a combining mark or turn one character into two)."""
    if text.isascii():
        return text.lower(), range(len(text))
    folded, where = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            where.append(index)
    return "".join(folded), where


Rank = tuple[int, int, int, int, str]
"""How well a thing fits a query, smaller first (:func:`_rank`)."""


@dataclass(frozen=True)
class Text:
    """One text a thing is found by, and which of its fields it is (label, quote, start…)."""

    folded: str
    text: str
    field: str


@dataclass(frozen=True)
class Thing:
    """A findable thing: its IRI, label, kind, main type, and every text it is found by."""

    entity: str
    label: str
    kind: str
    type: str
    texts: tuple[Text, ...]
    folded_label: str
    folded: str
    """Every text, folded, one a line: a term never spans two of them."""

    @classmethod
    def of(cls, entity: str, label: str, kind: str, type_: str, texts: list[Text]) -> Thing:
        ordered = tuple(sorted(texts, key=_field_order))
        folded = "\n".join(text.folded for text in ordered)
        return cls(entity, label, kind, type_, ordered, fold(label), folded)


def snippet(text: str, terms: tuple[str, ...]) -> str:
    """``text``, a long one cut to the words around the first of ``terms`` found in it."""
    if len(text) <= SHOWN_CHARS:
        return text
    pieces = marked(text, terms)
    first = next((i for i, (_, found) in enumerate(pieces) if found), 0)
    start = max(0, sum(len(p) for p, _ in pieces[:first]) - SHOWN_CHARS // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0  # at a word's start
    end = start + SHOWN_CHARS
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@dataclass(frozen=True)
class Shown:
    """A text of a hit as shown: its field, its words (cut if long), and them in marked pieces."""

    field: str
    text: str
    pieces: list[tuple[str, bool]]


@dataclass
class Hit:
    """A thing found, how well it fits, and the texts of it that show where the terms are."""

    entity: str
    label: str
    kind: str
    type: str
    rank: Rank
    terms: tuple[str, ...]
    texts: tuple[Text, ...]
    """Beside the label, the texts holding the terms it lacks (a few, most terms first)."""
    missing: tuple[str, ...]
    """The terms the label lacks: a long text is cut around one of them."""

    def marked_label(self) -> list[tuple[str, bool]]:
        return marked(self.label, self.terms)

    def shown(self) -> list[Shown]:
        shown = []
        for text in self.texts:
            cut = snippet(text.text, tuple(t for t in self.missing if t in text.folded))
            shown.append(Shown(text.field, cut, marked(cut, self.terms)))
        return shown


@dataclass(frozen=True)
class Found:
    """What a query found: its terms, the hits shown, and how many things of each kind match."""

    terms: tuple[str, ...]
    hits: list[Hit]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class SearchIndex:
    things: list[Thing]

    def find(self, words: str, kind: str | None = None, per_kind: int = MAX_HITS) -> Found:
        """The things holding every term of ``words`` (``kind``'s only, if given): the best
        ``per_kind`` of each kind, kinds in :data:`KINDS` order; the counts are of them all."""
        terms = terms_of(words)
        if not terms:
            return Found(terms, [], {})
        matching = [t for t in self.things if all(term in t.folded for term in terms)]
        counts = Counter(thing.kind for thing in matching)
        order = {name: number for number, name in enumerate(KIND_NAMES)}
        phrase = " ".join(fold(words.replace('"', " ")).split())
        ranked = sorted(
            (order[thing.kind], _rank(thing, terms, phrase), thing.entity, thing)
            for thing in matching
            if kind in (None, thing.kind)
        )  # the IRI settles ties: things are never compared
        by_kind = groupby(ranked, lambda found: found[0])
        kept = [
            _hit(thing, terms, rank)
            for _, same in by_kind
            for _, rank, _, thing in islice(same, per_kind)
        ]
        ordered = {name: counts[name] for name in KIND_NAMES if counts[name]}
        return Found(terms, kept, ordered)

    def search(self, words: str) -> list[Hit]:
        """The things found, of every kind, best first (curation's search-as-you-type)."""
        hits = self.find(words).hits
        return sorted(hits, key=lambda hit: hit.rank)[:MAX_HITS]


def _rank(thing: Thing, terms: tuple[str, ...], phrase: str) -> Rank:
    """How well a thing holding every term fits, best first: the whole query as its label, at
    the label's start, in it, every term in it, or not; then more terms in the label, more texts
    holding them all, the shorter label."""
    label = thing.folded_label
    in_label = sum(term in label for term in terms)
    if label == phrase:
        fit = 0
    elif label.startswith(phrase):
        fit = 1
    elif phrase in label:
        fit = 2
    else:
        fit = 3 if in_label == len(terms) else 4
    holding = sum(all(term in text.folded for term in terms) for text in thing.texts)
    return fit, -in_label, -holding, len(label), thing.label


def _hit(thing: Thing, terms: tuple[str, ...], rank: Rank) -> Hit:
    """The hit for a thing: beside its label, the texts holding the terms the label lacks, and
    a claim's quote (the words its source used)."""
    missing = tuple(term for term in terms if term not in thing.folded_label)
    texts = _covering(thing, missing)
    quote = next((text for text in thing.texts if text.field == "quote"), None)
    if quote and quote not in texts and quote.text != thing.label:
        texts += (quote,)
    return Hit(thing.entity, thing.label, thing.kind, thing.type, rank, terms, texts, missing)


def _covering(thing: Thing, missing: tuple[str, ...]) -> tuple[Text, ...]:
    """Texts of ``thing`` that hold the ``missing`` terms: each time the one holding most of
    those still missing (names first, then the shortest), at most :data:`SHOWN_TEXTS`."""
    chosen: list[Text] = []
    while missing and len(chosen) < SHOWN_TEXTS:
        best = min(thing.texts, key=partial(_coverage, missing))
        chosen.append(best)
        missing = tuple(term for term in missing if term not in best.folded)
    return tuple(chosen)


def build_index(store: TripleStore) -> SearchIndex:
    """Every thing of a kind that has a text, with its texts (each once, as its first field in
    :data:`FIELD_ORDER`: a label that is also a title is a label)."""
    texts: dict[str, dict[str, Text]] = {}
    for row in _solutions(store, "search-index"):
        text = row["text"].value
        entry = Text(fold(text), text, row["field"].value)
        known = texts.setdefault(row["entity"].value, {})
        if text not in known or _field_order(entry) < _field_order(known[text]):
            known[text] = entry
    labels: dict[str, ox.Literal | None] = {}
    types: dict[str, set[Term]] = {}
    for row in _solutions(store, "search-types"):
        entity = row["entity"].value
        labels[entity] = better_label(labels.get(entity), row["label"])
        types.setdefault(entity, set()).add(row["type"])
    things = []
    for entity, found in texts.items():
        kind = _kind(types.get(entity, set()))
        if kind is None:
            continue  # a record (participation, quote, citation…) or a thing of no kind
        label = labels.get(entity)
        shown = label.value if label else next(iter(found))
        type_ = _main_type(types[entity], kind)
        things.append(Thing.of(entity, shown, kind, type_, [*found.values()]))
    return SearchIndex(things)


def _coverage(terms: tuple[str, ...], text: Text) -> tuple[int, tuple[int, str], int]:
    """Ordering texts: more of ``terms`` first, then names, then the shorter."""
    return -sum(term in text.folded for term in terms), _field_order(text), len(text.text)


def _field_order(text: Text) -> tuple[int, str]:
    """Its rank in :data:`FIELD_ORDER`, then its field's name: the same text in two fields of no
    rank (an event's start and end on one day) is the same field whatever order the rows came in."""
    rank = FIELD_ORDER.index(text.field) if text.field in FIELD_ORDER else len(FIELD_ORDER)
    return rank, text.field


def _kind(types: set[Term]) -> str | None:
    """The first kind one of the types (or a superclass of ours) belongs to."""
    classes = {t.value for t in types if isinstance(t, ox.NamedNode)}
    classes |= {c for t in list(classes) for c in superclasses().get(t, ())}
    return next((kind.name for kind in KINDS if classes.intersection(kind.classes)), None)


def _main_type(types: set[Term], kind: str) -> str:
    """The project's own class when there is one (kgd:State rather than schema:Country), the
    narrowest of them (kgd:State rather than kgd:Actor, which the store adds to every actor);
    else one of its kind's classes (skos:Concept rather than owl:NamedIndividual)."""
    broader = {
        ox.NamedNode(c)
        for t in types
        if isinstance(t, ox.NamedNode)
        for c in superclasses().get(t.value, ())
    }
    narrowest = types - broader
    names = sorted(short(t) for t in narrowest)
    own = [name for name in names if name.startswith("kgd:")]
    classes = {ox.NamedNode(c) for c in next(k for k in KINDS if k.name == kind).classes}
    of_kind = sorted(short(t) for t in narrowest & classes)
    return (own or of_kind or names)[0]


def _solutions(store: TripleStore, name: str) -> ox.QuerySolutions:
    result = store.query(page_query(name))
    assert isinstance(result, ox.QuerySolutions)
    return result
