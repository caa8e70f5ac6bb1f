"""Entity mentions from the store's own names: one compiled pattern, never a guess.

Every English label, alias and metonym of an actor, event or place becomes a branch of a single
character trie compiled into one regular expression, matched against a folded copy of the text
(case, diacritics, curly apostrophes and dashes folded; offsets mapped back to the original).
Matching is leftmost-longest. A name that fits one entity is linked; a name that fits several is
listed with its candidates; a metonym ("Moscow", "the Kremlin") wins over the place of the same
name. Events are also recognised from a place and a year ("Crimea in 2014") or a place and a
negotiation cue in the sentence ("talks … in Istanbul"), again only when exactly one event fits.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from kgdebate.extract.names import COMPANY_ENDINGS, DEMONYM
from kgdebate.extract.spans import SpanIndex
from kgdebate.extract.trie import one_of
from kgdebate.mint import last_slug
from kgdebate.queries import packaged_query
from kgdebate.store import TripleStore

ACRONYM = re.compile(r"^[A-Z]{2,5}$")
NAME_GOES_ON = re.compile(r" (?!Jr\b|Sr\b)[A-Z][a-z]")  # (not "Whipps Jr.")
NON_ASCII_OR_ASCII = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-", "‐": "-", "\u00a0": " "})
# Words in a sentence that say an event is a negotiation, and the event kinds they point to.
CUES = {
    "talks": ("negotiations", "negotiation-round", "mediation"),
    "negotiat": ("negotiations", "negotiation-round", "mediation"),
    "mediat": ("mediation", "negotiations", "negotiation-round"),
}

# A mediation named by its mediator: "Naftali Bennett's mediation".
HIS_MEDIATION = re.compile(r"['’]s (?:mediation|mediating)\b")
# A meeting named by its place: "talks in Belarus", "the negotiations in Istanbul".
CUE_IN = re.compile(r"\b(?:talks|negotiations|mediation|meeting|summit|round)\s+in\s+$", re.I)
# Where a city's name is the city, not its state: "met Putin in Moscow", "flew to Moscow".
GONE_TO = (  # where one goes ("flew to Moscow"), never its government ("officials in Kyiv")
    r"near|outside|visited|(?:flew|flown|travelled|traveled|went|gone|came|returned|taken"
    r"|brought|moved|sent|transferred|evacuated|deported) to"
)
THERE = re.compile(rf"\b(?:in|at|{GONE_TO})\s+(?:[A-Z][\w-]+ (?:and|or) )?$")
# Who, in a capital, stand for its state: "officials in Kyiv", "many in Washington"
RULED_THERE = re.compile(
    r"\b(?:officials?|leaders?|government|authorities|ministers?|politicians|policy-?makers"
    r"|lawmakers|legislators|decision-makers|administration|establishment|elites?|hawks|doves"
    r"|critics|sceptics|skeptics|many|some|someone|anyone|everyone|those|few|friends|partners"
    r"|allies|debates?|voices|mood|thinking|view) in\s+(?:[A-Z][\w-]+ (?:and|or) )?$",
    re.IGNORECASE,
)
# A hyphen and the capitalised words before it: "Interfax-" before "Ukraine"
HYPHENED_NAME = re.compile(r"(?<![\w-])((?:[A-Z][\w]* ){0,3}[A-Z][\w]*)-$")
# Or the city itself by what follows it: "the Kyiv region", a dateline ("KYIV, March 3 (…) –").
REGION_AFTER = re.compile(r" (?:region|oblast|province|district)\b")
DATELINE_AFTER = re.compile(r", (?:\d{1,2} )?[A-Z][a-z]{2,8}\.? \d")
ADDRESSED_AFTER = re.compile(  # a body's name of two words or more, then the city (not "Second,")
    r"(?<![\w-])[A-Z][\w&’'.-]* (?:(?:[A-Z][\w&’'.-]*|of|for|the|and) ){0,5}[A-Z][\w&’'.-]*, $"
)
ADDRESS_ENDS = re.compile(r"[ \t]*(?:\n(?![ \t]*[a-z])|$)|, D\.C\.")  # (not "Kyiv\nwas never …")
A_COMPANY_BEFORE = re.compile(rf"\b(?:{COMPANY_ENDINGS})\.?, $")
SENTENCE_ENDS = re.compile(r"\.(?:\s|$)")
DASH_AFTER = re.compile(r"(?: \([^)\n]{1,40}\))? [–—-] ")  # "KYIV –", "KYIV (Reuters) -"
# What makes "Crimea in 2014" an event: a word for one before it in its sentence ("the
# invasions of Georgia in 2008 and Crimea in 2014", "the talks Türkiye hosted in Istanbul in
# 2022"); "seized Crimea in 2014" is the place.
EVENT_OF = re.compile(
    r"\b(?:invasions?|annexations?|wars?|occupations?|conflicts?|seizures?|crisis|crises"
    r"|attacks?|events|incursions?|talks|negotiations|mediation|summit|deal|agreement"
    r"|exchanges?|swaps?|hosted|held)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Entity:
    kind: str  # actor | event | place
    slug: str
    type: str = ""  # the class's local name, e.g. ThinkTank
    iri: str = ""


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity: Entity
    how: str


@dataclass(frozen=True)
class Ambiguous:
    start: int
    end: int
    text: str
    candidates: tuple[Entity, ...]


@dataclass
class Found:
    mentions: list[Mention] = field(default_factory=list)
    ambiguous: list[Ambiguous] = field(default_factory=list)


def fold(text: str) -> tuple[str, list[int] | None]:
    """The matching form of ``text`` and, for each of its characters, the original offset
    (``None`` when every character keeps its place, as in most texts).

    Lower-cased; other than ASCII characters decomposed, their accents dropped, and folded
    (which may change lengths: "ß" is "ss"). Only the runs of such characters are looked at
    one by one: a whole-text ``str.translate`` cost more than all the rest.
    """
    runs = {run: "".join(map(_fold_char, run)) for run in set(NON_ASCII.findall(text))}
    if all(len(folded) == len(run) for run, folded in runs.items()):  # each in its place
        if runs:
            text = NON_ASCII.sub(lambda run: runs[run.group()], text)
        return text.encode().lower().decode(), None  # bytes lower ASCII letters only
    out: list[str] = []
    where: list[int] = []
    for run in NON_ASCII_OR_ASCII.finditer(text):
        start, chunk = run.start(), run.group()
        if chunk.isascii():
            out.append(chunk.lower())
            where.extend(range(start, run.end()))
            continue
        for offset, char in enumerate(chunk, start):
            folded = _fold_char(char)
            out.append(folded)
            where.extend([offset] * len(folded))
    return "".join(out), where


def _fold_char(char: str) -> str:
    """One character other than ASCII: a typographic quote or dash as ASCII's, else without
    its accents, case-folded."""
    char = char.translate(FOLD)
    if char.isascii():
        return char
    return "".join(
        part.casefold()
        for part in unicodedata.normalize("NFKD", char)
        if not unicodedata.combining(part)
    )


class Gazetteer:
    """The names of a store's actors, events and places, compiled for fast matching."""

    def __init__(self, names: Iterable[tuple[Entity, str, str]], events: EventFacts) -> None:
        self.by_form: dict[str, dict[Entity, str]] = defaultdict(dict)
        self.case_sensitive: set[str] = set()  # acronyms: "US", never "us"
        self.capitalised: set[str] = set()  # surnames: "Rice", never "rice"
        names = list(names)
        for entity, name, how in names + _surnames(names) + _dotted(names):
            form, _ = fold(name.strip())
            if not form:
                continue
            previous = self.by_form[form].get(entity)
            if previous != "metonym":
                self.by_form[form][entity] = how
            if ACRONYM.match(name.strip()):
                self.case_sensitive.add(form)
            if how == "surname":
                self.capitalised.add(form)
        self.events = events
        pattern = one_of(self.by_form)
        self.pattern = re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)") if pattern else None
        self.entities = {(e.kind, e.slug): e for found in self.by_form.values() for e in found}
        self.adjectives = _adjectives(names)

    @classmethod
    def from_store(cls, store: TripleStore) -> Gazetteer:
        names = []
        for row in _rows(store, "names"):
            kind, iri, rdf_type = row["kind"].value, row["entity"].value, row["type"].value
            entity = Entity(kind, last_slug(iri), _local(rdf_type), iri)
            names.append((entity, row["name"].value, row["how"].value))
        facts = EventFacts()
        for row in _rows(store, "event-facts"):
            facts.add(row["event"].value, row["fact"].value, row["value"].value)
        # An entity has several types (State and Actor): keep the most specific name per slug.
        best: dict[tuple[str, str], Entity] = {}
        for entity, _name, _how in names:
            key = (entity.kind, entity.slug)
            if key not in best or best[key].type == entity.kind.capitalize():
                best[key] = entity
        return cls(((best[(e.kind, e.slug)], n, h) for e, n, h in names), facts)

    def find(self, text: str, sentences: list[tuple[int, int]]) -> Found:
        """Every name in ``text``, then events recognised from places, years and cues."""
        found = Found()
        if self.pattern is None:
            return found
        folded, where = fold(WRAPPED_NAME.sub(" ", text))  # (the same length: offsets hold)
        unnamed = unnamed_spans(text)
        for match in self.pattern.finditer(folded):
            start, end = match.span()
            if where is not None:
                start, end = where[start], where[end - 1] + 1
            if _inside(unnamed, start, end):  # "example.org/ukraine", "`--country Ukraine`"
                continue
            form = match.group()
            if form in self.case_sensitive and not text[start:end].isupper():
                continue
            if form in self.capitalised and (
                not text[start].isupper() or NAME_GOES_ON.match(text, end)
            ):
                continue  # "rice"; "Martin Griffiths": a surname alone is no first name
            if text.startswith("$", end):  # "US$5.6 billion": a currency, not a country
                continue
            if self._joined_to_a_name(text, start):  # "Interfax-Ukraine": an agency's name
                continue
            candidates = self.by_form[form]
            if "metonym" in candidates.values():  # "Moscow" means Russia, not the city,
                there = _the_place_meant(text, start, end)  # unless one goes there
                places = {e: h for e, h in candidates.items() if (h == "metonym") != bool(there)}
                if (
                    not places
                    and there
                    and not text.startswith(("the ", "The "), start)  # "in the Kremlin": no city
                    and not RULED_THERE.search(text, max(0, start - 40), start)
                ):
                    continue  # "flew to Kyiv", "our embassy in Kyiv": the city, which the store
                    # lacks (a new name); not "officials in Kyiv", its government
                candidates = places or candidates
            if len(candidates) == 1:
                ((entity, how),) = candidates.items()
                found.mentions.append(Mention(start, end, text[start:end], entity, how))
            else:
                ordered = tuple(sorted(candidates, key=lambda e: (e.kind, e.slug)))
                found.ambiguous.append(Ambiguous(start, end, text[start:end], ordered))
        events = self._events_from_context(text, found.mentions, sentences)
        named_in = {m.end: m.start for m in events.mentions if m.how == "place-and-cue"}
        # "Naftali Bennett's mediation" is the event, the person's name a part of its name
        owners = {(m.start, m.end) for m in events.mentions if HIS_MEDIATION.search(m.text)}
        found.mentions = [
            m
            for m in found.mentions
            if not any(start == m.start and m.end < end for start, end in owners)
        ]
        found.mentions = [  # "the talks in Belarus": the place is part of the event's name
            m for m in found.mentions if not named_in.get(m.end, m.start) < m.start
        ]
        found.mentions = _of_its_parties(text, found.mentions + events.mentions, self.events)
        found.ambiguous += events.ambiguous
        found.mentions.sort(key=lambda m: (m.start, m.end, m.entity.kind))
        return found

    def _joined_to_a_name(self, text: str, start: int) -> bool:
        """Whether a name is the end of a longer one, joined by a hyphen to a capitalised word
        that is no name the store knows, no acronym and no adjective ("Interfax-Ukraine",
        "Al-Sharif"; not "Russia-Ukraine", "EU-Ukraine", "United States-China",
        "Palestinian-Israeli")."""
        before = HYPHENED_NAME.search(text, max(0, start - 60), start)
        if before is None:
            return False
        words = before.group(1).split()
        return not any(
            fold(" ".join(words[at:]))[0] in self.by_form for at in range(len(words))
        ) and not (words[-1].isupper() or words[-1] in self.adjectives or DEMONYM.match(words[-1]))

    def _events_from_context(
        self, text: str, mentions: list[Mention], sentences: list[tuple[int, int]]
    ) -> Found:
        """Events a place or a person stands for here: "Crimea in 2014", "talks … in Istanbul"."""
        found = Found()
        index = SpanIndex(sentences)
        named = {  # the events each sentence already names: none named twice
            (index.holding(m.start), m.entity) for m in mentions if m.entity.kind == "event"
        }
        cues: dict[tuple[int, int], set[str]] = {}
        for mention in list(mentions):
            if mention.entity.kind == "event":
                continue
            held = index.holding(mention.start) or (mention.start, mention.start)
            start = mention.start
            if held not in cues:  # once per sentence, however long it is
                lowered = text[held[0] : held[1]].lower()
                cues[held] = {cue for cue in CUES if cue in lowered}
            year = re.match(r"\s+in\s+((?:19|20)\d\d)\b", text[mention.end : mention.end + 12])
            if year and EVENT_OF.search(text, held[0], mention.start):
                fits = self.events.at(mention.entity.slug, year=year.group(1))
                end, how = mention.end + year.end(), "place-and-year"
            elif re.search(r"\bin\s+$", text[max(0, mention.start - 4) : mention.start]):
                kinds = {kind for cue in cues[held] for kind in CUES[cue]}
                fits = self.events.at(mention.entity.slug, kinds=kinds) if kinds else []
                end, how = mention.end, "place-and-cue"
                named_by = CUE_IN.search(text, max(held[0], mention.start - 30), mention.start)
                if named_by:  # "the talks in Belarus" is the event's name, the place in it
                    start = named_by.start()
            elif mention.entity.type == "Person" and "mediat" in cues[held]:
                fits = self.events.with_participant(mention.entity.slug, ("mediation",))
                owned = HIS_MEDIATION.match(text, mention.end)  # "Naftali Bennett's mediation"
                end, how = (owned.end() if owned else mention.end), "participant-and-cue"
            else:
                continue
            entities = tuple(self.entities.get(("event", s), Entity("event", s)) for s in fits)
            words = text[start:end]
            if len(entities) == 1 and (index.holding(mention.start), entities[0]) not in named:
                found.mentions.append(Mention(start, end, words, entities[0], how))
            elif len(entities) > 1:
                found.ambiguous.append(Ambiguous(start, end, words, entities))
        return found


def _adjectives(names: list[tuple[Entity, str, str]]) -> frozenset[str]:
    """What a text makes of the name of a country or place to speak of its people and things
    ("Kenya" → "Kenyan", "Morocco" → "Moroccan", "Paraguay" → "Paraguayan"): adjectives, never
    names of their own. The other endings ("-ian", "-ese", "-i") are
    :data:`kgdebate.extract.names.DEMONYM`'s. Not the plurals: "the Latvians" are a people,
    an entity of their own."""
    forms = set()
    for entity, name, _how in names:
        name = name.strip()
        if entity.type not in ("State", "Place") or not name[-1:].isalpha():
            continue
        if name.endswith(("a", "y")):
            forms.add(name + ("n" if name.endswith("a") else "an"))
        elif name.endswith("o"):
            forms.add(name[:-1] + "an")
    return frozenset(forms)


def _dotted(names: list[tuple[Entity, str, str]]) -> list[tuple[Entity, str, str]]:
    """An acronym of two or three letters as American papers write it: "U.N." for "UN", as
    "U.S." is "US" (a dotted form the store does not name already)."""
    known = {name for _, name, _ in names}
    return [
        (entity, dotted, how)
        for entity, name, how in names
        if re.fullmatch(r"[A-Z]{2,3}", name)
        and (dotted := "".join(f"{letter}." for letter in name)) not in known
    ]


def _surnames(names: list[tuple[Entity, str, str]]) -> list[tuple[Entity, str, str]]:
    """A person's last name alone ("Lavrov", "Bennett"), where no other name of the store is
    that word and no other person has it; matched only capitalised ("Rice", not "rice")."""
    known = {fold(name.strip())[0] for _, name, _ in names}
    persons: dict[str, set[Entity]] = defaultdict(set)
    for entity, name, how in names:
        words = name.split()
        if entity.type == "Person" and how == "label" and len(words) > 1 and len(words[-1]) > 3:
            persons[words[-1]].add(entity)
    return [
        (entity, surname, "surname")
        for surname, entities in persons.items()
        if len(entities) == 1 and fold(surname)[0] not in known
        for entity in entities
    ]


ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"  # a URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|edu|gov|int|info|io|eu|ua|ru|uk)\b(?:/\S*)?",
    re.IGNORECASE,
)
"""URLs, e-mail addresses and bare domain names: the words in them are no mentions."""
# What every address holds: it is looked for only in the run of non-space characters around one.
# Its first character first, the rest after it: the scan then skips to the next of those few
# characters (twice as fast as a case-blind search that tries every character).
ADDRESS_MARK = re.compile(
    r"[:@.wW](?:(?<=:)//|(?<=[wW])(?i:ww)\.|(?<=@)"
    r"|(?<=\.)(?i:org|com|net|edu|gov|int|info|io|eu|ua|ru|uk)\b)"
)
SPACE = re.compile(r"[ \t\n]")


def address_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``ADDRESS`` in ``text``, in order: the same as scanning all of it (an
    address holds no space), at a tenth of the cost on a text that holds none."""
    spans: list[tuple[int, int]] = []
    scanned = 0
    for mark in ADDRESS_MARK.finditer(text):
        if mark.start() < scanned:
            continue  # in the run just scanned
        start = max(text.rfind(space, scanned, mark.start()) for space in " \t\n") + 1
        after = SPACE.search(text, mark.end())
        end = after.start() if after else len(text)
        spans += [m.span() for m in ADDRESS.finditer(text, max(start, scanned), end)]
        scanned = end
    return spans


INLINE_CODE = re.compile(r"`[^`\n]+`")
# A line break inside a sentence (after a word, not a stop): a name runs on across it, as prose
# is wrapped ("Russia's invasion of\nUkraine", "the Black Sea Grain\nInitiative")
WRAPPED_NAME = re.compile(r"\n(?<=[\w,'’]\n)(?=[A-Za-z])")  # the break first: see layout.WRAPPED


def unnamed_spans(text: str) -> list[tuple[int, int]]:
    """Where no name is: URLs, e-mail addresses and code in backticks ("`UKRAINE_DATA`")."""
    spans = address_spans(text)
    if "`" in text:
        spans = SpanIndex(spans + [match.span() for match in INLINE_CODE.finditer(text)]).spans
    return spans


def _of_its_parties(text: str, mentions: list[Mention], events: EventFacts) -> list[Mention]:
    """``mentions`` without an event said to be of a place or an actor that is none of its
    participants or places: "Russia's full-scale invasion of Georgia in 2008" is not the
    invasion of Ukraine the store knows by that name."""
    by_start = {m.start: m for m in mentions if m.entity.kind != "event"}
    kept = []
    for mention in mentions:
        facts = events.facts.get(mention.entity.slug) if mention.entity.kind == "event" else None
        of = OF_A_PARTY.match(text, mention.end) if facts else None
        party = by_start.get(of.end()) if of else None
        if facts and party and party.entity.slug not in facts["participant"] | facts["place"]:
            continue
        kept.append(mention)
    return kept


OF_A_PARTY = re.compile(r" of (?:the )?")


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    at = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


@dataclass
class EventFacts:
    """Kinds, start days and years, places (with what contains them), participants and parents
    of events."""

    facts: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def add(self, event: str, fact: str, value: str) -> None:
        self.facts.setdefault(last_slug(event), defaultdict(set))[fact].add(
            value if fact in ("year", "start", "end") else last_slug(value)
        )

    def day(self, event: str, edge: str) -> date | None:
        """The day an event began (``edge="start"``) or ended (``"end"``), when the store gives
        one day."""
        days = self.facts.get(event, {}).get(edge, set())
        try:
            return date.fromisoformat(next(iter(days))) if len(days) == 1 else None
        except ValueError:  # a month or a year ("2022-02"): no day to count from
            return None

    def at(self, place: str, year: str | None = None, kinds: Iterable[str] = ()) -> list[str]:
        wanted = set(kinds)
        fits = [
            event
            for event, facts in self.facts.items()
            if place in facts["place"]
            and (year is None or year in facts["year"])
            and (not wanted or facts["kind"] & wanted)
        ]
        return self._outermost(fits)

    def began(self, when: str, kinds: Iterable[str]) -> list[str]:
        """The events of these kinds that began on ``when``: a day, or any day of a month."""
        wanted = set(kinds)
        fits = [
            event
            for event, facts in self.facts.items()
            if facts["kind"] & wanted and any(start.startswith(when) for start in facts["start"])
        ]
        return self._outermost(fits)

    def with_participant(self, actor: str, kinds: Iterable[str]) -> list[str]:
        wanted = set(kinds)
        fits = [
            event
            for event, facts in self.facts.items()
            if actor in facts["participant"] and facts["kind"] & wanted
        ]
        return self._outermost(fits)

    def _outermost(self, events: list[str]) -> list[str]:
        """Drop an event whose parent also fits: "talks in Belarus" is the series, not a round."""
        chosen = set(events)
        return sorted(e for e in chosen if not self.facts[e]["part-of"] & chosen)


def _rows(store: TripleStore, name: str) -> ox.QuerySolutions:
    result = store.query(packaged_query("kgdebate.extract", "queries", f"{name}.rq"))
    assert isinstance(result, ox.QuerySolutions)
    return result


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _the_place_meant(text: str, start: int, end: int) -> bool:
    """Whether a city's name at ``start``-``end`` is the city, not its state: one goes there
    ("flew to Moscow", "flown to Moscow"), a region named by it ("the Kyiv region"), a
    dateline ("KYIV, March 3 (Example Wire) –" opening a line, or in capitals before a dash:
    "KYIV –", "KYIV (Reuters) -"), or an address's city: after a body's name, ending its line
    ("Example Centre for Prisoner Advocacy, Kyiv", not a sentence that goes on in the next
    line) or before "D.C." ("The White House, Washington, D.C."), or after a company's ending
    its sentence ("Example Polar Tankers LLC, Moscow."; not "…, and the European Commission,
    Moscow.", where a verb is left out)."""
    if THERE.search(text, max(0, start - 40), start) or REGION_AFTER.match(text, end):
        return True
    before = max(0, start - 60)
    if ADDRESSED_AFTER.search(text, before, start) and ADDRESS_ENDS.match(text, end):
        return True
    if A_COMPANY_BEFORE.search(text, before, start) and SENTENCE_ENDS.match(text, end):
        return True
    opens_a_line = start == 0 or text[start - 1] == "\n"
    return opens_a_line and (
        DATELINE_AFTER.match(text, end) is not None
        or (text[start:end].isupper() and DASH_AFTER.match(text, end) is not None)
    )
