"""From what a person types to the IRI a query parameter needs; shared by ``kgdebate query -p``
and the query forms of the web app.

An IRI parameter takes a full IRI (``https://…``, or ``<…>``), a slug (``nato``, ``actor/nato``:
``<base>id/actor/nato``) or a name (a label, preferred label, alias or metonym: ``NATO``). A slug is
tried first, then the name exactly as typed, then in any case. When the parameter names its class
(``class: kgd:Actor`` in the query's header), only things of that class or a class below it count:
"Moscow" is then the actor Russia (a metonym), not the city. A value that names several things is
refused with the candidates; one that names nothing says what was tried. A full IRI is taken as
it is (checked as an IRI, not looked up), as before names were accepted.

Every lookup is a fixed query with the value bound as a literal or an IRI, never spliced in: a
slug and an exact name are read from the store's indexes; only a name in another case compares
names one by one, those of the things of the parameter's class (at 1M triples: under 1 ms for a
slug or an exact name, 15 ms for an actor's name in another case, but 0.9 s when the parameter
names no class and every name of the store is compared: give parameters a class).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kgdebate.errors import ParameterError
from kgdebate.mint import THING_TYPES
from kgdebate.namespaces import curie
from kgdebate.queries import NamedQuery, Parameter, packaged_query
from kgdebate.sparql_values import bind_first, first_in_where, values_block, windowed
from kgdebate.store import TripleStore

FULL_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SLUG_PATH = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
MAX_CHOICES = 1000
HINT = "look it up in the search page (/search), and give its IRI, its slug or its exact name"


@dataclass(frozen=True)
class Thing:
    iri: str
    label: str


def resolve_parameters(
    store: TripleStore, query: NamedQuery, given: Mapping[str, str], base: str
) -> dict[str, str]:
    """``given`` with the value of each IRI parameter replaced by the IRI it names."""
    declared = {p.name: p for p in query.parameters}
    resolved = dict(given)
    for name, value in given.items():
        parameter = declared.get(name)
        if parameter is not None and parameter.type == "iri":
            resolved[name] = resolve(store, parameter, value, base)
    return resolved


def resolve(store: TripleStore, parameter: Parameter, value: str, base: str) -> str:
    """The IRI that ``value`` names; :class:`ParameterError` if it names none or several."""
    text = value.strip()
    if FULL_IRI.match(text) or (text.startswith("<") and text.endswith(">")):
        iri = text.strip("<>")
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise ParameterError(parameter.name, "not a valid IRI") from None
        return iri
    classes = subclasses(store, parameter.rdf_class) if parameter.rdf_class else None
    found: list[Thing] = []
    if SLUG_PATH.match(text):
        found = _things(store, _slug_iris(text, base), classes)
    if not found:  # the name exactly as typed, read from the index
        found = _named(store, text, classes, exact=True)
    if not found:  # in any case: every name is compared
        found = _named(store, text, classes, exact=False)
    kind = _kind(parameter)
    if len(found) == 1:
        return found[0].iri
    if found:
        candidates = tuple((thing.iri, thing.label) for thing in found)
        problem = f"{len(found)} {kind}s have this name; give the IRI of the one you mean"
        raise ParameterError(parameter.name, problem, candidates)
    tried = "as a slug (" + ", ".join(f"{t}/…" for t in _slug_kinds(parameter)) + ")"
    problem = (
        f"no {kind} has this IRI, slug or name (tried {tried}, then as a label, alias or metonym,"
        " exactly and in any case)"
    )
    raise ParameterError(parameter.name, problem, hint=HINT)


def choices(store: TripleStore, rdf_class: str | None, limit: int = MAX_CHOICES) -> list[str]:
    """The labels of things of ``rdf_class`` (or of any class), sorted, from at most ``limit``
    rows: what a form offers to pick from. One query, capped in the store, for a whole form."""
    text = query_text("choices")
    if rdf_class is not None:
        types = [[ox.NamedNode(c)] for c in sorted(subclasses(store, rdf_class))]
        text = first_in_where(text, values_block(["type"], types))
    return sorted({row["label"].value for row in _solutions(store, windowed(text, limit))})


def subclasses(store: TripleStore, rdf_class: str) -> set[str]:
    """The class and every class below it."""
    text = bind_first(query_text("subclasses"), {"_class": ox.NamedNode(rdf_class)})
    return {row["class"].value for row in _solutions(store, text)}


def query_text(name: str) -> str:
    """The text of ``names/<name>.rq``."""
    return packaged_query("kgdebate.names", f"{name}.rq")


def _slug_iris(slug: str, base: str) -> list[ox.NamedNode]:
    """``actor/nato`` is one IRI; ``nato`` may be a thing of any kind."""
    if "/" in slug:
        return [ox.NamedNode(f"{base}id/{slug}")]
    return [ox.NamedNode(f"{base}id/{kind}/{slug}") for kind in sorted(THING_TYPES)]


def _things(store: TripleStore, iris: list[ox.NamedNode], classes: set[str] | None) -> list[Thing]:
    block = values_block(["entity"], [[iri] for iri in iris])
    return _found(store, first_in_where(query_text("things"), block), classes)


def _named(store: TripleStore, name: str, classes: set[str] | None, exact: bool) -> list[Thing]:
    """Things named ``name`` exactly (read from the index, with and without a language tag), or
    in any case: comparing the names of the class's things, or with no class every name."""
    query = "named-in-class" if classes is not None and not exact else "named"
    text = bind_first(query_text(query), {"_name": ox.Literal(name.lower())})
    if exact:
        forms = [[ox.Literal(name, language="en")], [ox.Literal(name)]]
        text = first_in_where(text, values_block(["name"], forms))
    return _found(store, text, classes)


def _found(store: TripleStore, text: str, classes: set[str] | None) -> list[Thing]:
    """One thing per IRI that ``text`` finds, named by its English label if it has one; of
    ``classes`` only, when given (a VALUES block of ?type first)."""
    if classes is not None:
        types = [[ox.NamedNode(c)] for c in sorted(classes)]
        text = first_in_where(text, values_block(["type"], types))
    best: dict[str, ox.Literal | None] = {}
    for row in _solutions(store, text):
        iri, label = row["entity"].value, row["label"]
        current = best.setdefault(iri, None)
        if isinstance(label, ox.Literal) and (current is None or label.language == "en"):
            best[iri] = label
    return [Thing(iri, label.value if label else curie(iri)) for iri, label in sorted(best.items())]


def _kind(parameter: Parameter) -> str:
    """``kgd:Actor`` → "actor"; "thing" when the parameter names no class."""
    if parameter.rdf_class is None:
        return "thing"
    local = re.split(r"[#/]", parameter.rdf_class)[-1]
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).lower()


def _slug_kinds(parameter: Parameter) -> list[str]:
    kind = _kind(parameter)
    return [kind] if kind in THING_TYPES else ["actor", "event", "statistic", "…"]


def _solutions(store: TripleStore, text: str) -> ox.QuerySolutions:
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    return result
