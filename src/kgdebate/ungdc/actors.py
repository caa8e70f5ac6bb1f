"""Who speaks for whom: the states, the speakers and their posts, as reference data.

A state, person or post that the curated reference data already has is that node (Ukraine,
Joe Biden as "Joseph R. Biden, Jr", Sergey Lavrov as "Sergei Lavrov"); everything else is minted
here, without a Wikidata QID until ``kgdebate link`` proposes one and a curator accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pycountry
from rdflib import Graph, Literal, URIRef

from kgdebate.mint import Minter, slugify
from kgdebate.namespaces import KGD, ORG, RDF, RDFS, SKOS, new_graph
from kgdebate.ungdc.corpus import Skipped, Speaker, SpeechFile

# Observers that speak in the General Debate without being members of the United Nations.
OBSERVER_STATES = {"VA": "Holy See", "PS": "State of Palestine"}
# The corpus's own codes for speakers that are not states.
ORGANISATIONS = {"EU": ("european-union", "European Union")}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
SOURCE_NOTE = (
    "From the UN General Debate Corpus (UNGDC) and its speaker list, Speakers_by_session.xlsx."
)


@dataclass(frozen=True)
class Voice:
    """Who a speech speaks for, and who gave it."""

    actor: str  # slug
    actor_label: str
    speaker: str | None = None  # slug
    speaker_name: str | None = None
    post: str | None = None


@dataclass
class Cast:
    """The reference data the corpus needs beyond the curated one, and each speech's voice."""

    graph: Graph = field(default_factory=new_graph)
    voices: dict[tuple[int, str], Voice] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    persons: dict[tuple[str, str], str] = field(default_factory=dict)  # minted here, by key


def state_name(alpha2: str) -> str:
    """The short name a reader expects: "Iran", "Republic of Korea", "Holy See"."""
    if alpha2 in OBSERVER_STATES:
        return OBSERVER_STATES[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    assert country is not None
    name = getattr(country, "common_name", None) or country.name
    name = re.sub(r"\s*\(.*\)$", "", name)
    if ", " in name:  # "Korea, Republic of" → "Republic of Korea", as the UN writes it
        head, _, tail = name.partition(", ")
        name = f"{tail[0].upper()}{tail[1:]} {head}"
    return name


def cast(
    speeches: Iterable[SpeechFile],
    speakers: dict[tuple[int, str], Speaker],
    curated: Graph,
    minter: Minter,
) -> Cast:
    result = Cast()
    index = _Curated(curated, minter)
    for speech in speeches:
        actor = _actor(speech.code, index, result, minter)
        if actor is None:
            result.skipped.append(
                Skipped(
                    str(speech.path),
                    f"unknown country code {speech.code!r}: not ISO 3166-1 alpha-3 "
                    f"nor one of the corpus's own ({', '.join(ORGANISATIONS)})",
                )
            )
            continue
        slug, label = actor
        row = speakers.get((speech.session, speech.code))
        if row is None:
            result.voices[(speech.session, speech.code)] = Voice(slug, label)
            continue
        person = _person(row, slug, index, result, minter)
        _post(person, row.post, slug, label, index, result, minter)
        result.voices[(speech.session, speech.code)] = Voice(
            slug, label, person, row.name, row.post
        )
    return result


class _Curated:
    """What the curated reference data already has, by the keys the corpus gives."""

    def __init__(self, graph: Graph, minter: Minter) -> None:
        self.prefix = str(minter.thing("actor", "x"))[:-1]
        self.by_alpha2 = {
            str(code): self.slug(subject)
            for subject, code in graph.subject_objects(KGD.iso3166Alpha2)
        }
        self.actors = {self.slug(s) for s in graph.subjects(RDF.type, None) if self.slug(s)}
        self.labels = {
            self.slug(s): str(label)
            for s, label in graph.subject_objects(RDFS.label)
            if getattr(label, "language", None) == "en"
        }
        # persons by (state, family name), from the posts they hold
        self.persons: dict[tuple[str, str], str] = {}
        self.posts: set[tuple[str, str]] = set()  # (holder, state): the person holds a post
        for position in graph.subjects(RDF.type, KGD.Position):
            holder, state = (
                graph.value(position, KGD.holder),
                graph.value(position, KGD.inOrganization),
            )
            if holder is None or state is None:
                continue
            for name in graph.objects(holder, RDFS.label):
                self.persons[(self.slug(state), family_name(str(name)))] = self.slug(holder)
            self.posts.add((self.slug(holder), self.slug(state)))
        self.memberships = {
            (self.slug(m), self.slug(o))
            for node in graph.subjects(RDF.type, KGD.Membership)
            for m in graph.objects(node, ORG.member)
            for o in graph.objects(node, ORG.organization)
        }

    def slug(self, node: object) -> str:
        text = str(node)
        return text[len(self.prefix) :] if text.startswith(self.prefix) else ""


def family_name(name: str) -> str:
    """The last word of a name that is not a suffix: "Joseph R. Biden, Jr" → "biden"."""
    words = [w for w in re.findall(r"[a-z]+", slugify(name).replace("-", " ")) if w]
    while words and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _actor(code: str, index: _Curated, result: Cast, minter: Minter) -> tuple[str, str] | None:
    if code in ORGANISATIONS:
        slug, label = ORGANISATIONS[code]
        if slug not in index.actors:
            iri = minter.thing("actor", slug)
            _labelled(result.graph, iri, KGD.InternationalOrganization, label)
        return slug, index.labels.get(slug, label)
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    alpha2 = country.alpha_2
    if alpha2 in index.by_alpha2:
        slug = index.by_alpha2[alpha2]
        label = index.labels.get(slug, state_name(alpha2))
    else:
        label = state_name(alpha2)
        slug = slugify(label)
        iri = minter.thing("actor", slug)
        if (iri, RDF.type, KGD.State) not in result.graph:
            _labelled(result.graph, iri, KGD.State, label)
            result.graph.add((iri, KGD.iso3166Alpha2, Literal(alpha2)))
            if country.name != label:
                result.graph.add((iri, SKOS.altLabel, Literal(country.name, lang="en")))
    if alpha2 not in OBSERVER_STATES and (slug, "united-nations") not in index.memberships:
        membership = minter.thing("membership", f"{slug}-united-nations")
        result.graph.add((membership, RDF.type, KGD.Membership))
        result.graph.add(
            (membership, RDFS.label, Literal(f"{label} in the United Nations", lang="en"))
        )
        result.graph.add((membership, ORG.member, minter.thing("actor", slug)))
        result.graph.add((membership, ORG.organization, minter.thing("actor", "united-nations")))
        result.graph.add(
            (
                membership,
                SKOS.editorialNote,
                Literal(
                    "A member state: it speaks in the General Debate as one (the corpus's "
                    "observers are the Holy See, the State of Palestine and the European Union).",
                    lang="en",
                ),
            )
        )
    return slug, label


def _person(row: Speaker, state: str, index: _Curated, result: Cast, minter: Minter) -> str:
    """The speaker's node: one per state and family name, however the list spells the name."""
    key = (state, family_name(row.name))
    known = index.persons.get(key) or result.persons.get(key)
    if known is None:
        known = slugify(row.name)
        result.persons[key] = known
        _labelled(result.graph, minter.thing("actor", known), KGD.Person, row.name)
        return known
    iri = minter.thing("actor", known)
    label = index.labels.get(known) or str(result.graph.value(iri, RDFS.label))
    if row.name != label:
        result.graph.add((iri, SKOS.altLabel, Literal(row.name, lang="en")))
    return known


def _post(
    person: str,
    post: str,
    state: str,
    state_label: str,
    index: _Curated,
    result: Cast,
    minter: Minter,
) -> None:
    if (person, state) in index.posts or not post:
        return
    iri = minter.thing("position", slugify(f"{person} {post} {state}"))
    if (iri, RDF.type, KGD.Position) in result.graph:
        return
    title = (
        f"{post} of {state_label}"
        if state not in {s for s, _ in ORGANISATIONS.values()}
        else f"{post}, {state_label}"
    )
    name = result.graph.value(minter.thing("actor", person), RDFS.label) or person
    result.graph.add((iri, RDF.type, KGD.Position))
    result.graph.add((iri, RDFS.label, Literal(f"{name}, {title}", lang="en")))
    result.graph.add((iri, KGD.holder, minter.thing("actor", person)))
    result.graph.add((iri, KGD.positionTitle, Literal(title, lang="en")))
    result.graph.add((iri, KGD.inOrganization, minter.thing("actor", state)))
    result.graph.add(
        (
            iri,
            SKOS.editorialNote,
            Literal(
                f"{SOURCE_NOTE} No dates: the list gives the post held when speaking, "
                "not its term.",
                lang="en",
            ),
        )
    )


def _labelled(graph: Graph, iri: URIRef, kind: URIRef, label: str) -> None:
    graph.add((iri, RDF.type, kind))
    graph.add((iri, RDFS.label, Literal(label, lang="en")))
    graph.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
    graph.add((iri, SKOS.editorialNote, Literal(SOURCE_NOTE, lang="en")))
