"""Things stored once for the whole collection, and what storing one document does to them.

A statistic, statement or source lives in a graph of its own (``<base>graph/statistic/<slug>``),
whichever documents define or cite it; citations of it stay in each citing document's graph. A
document's provenance graph records which shared graphs it defines. Before anything is written,
:func:`plan_shared` decides, from the store as it is:

- a thing defined here for the first time, or defined by no other document, is (re)written
  from this file (its only definer may correct it);
- a thing another document defines too must have the same facts here, or the ingest is refused
  with each differing field; the stored graph is left as it is;
- a thing this document defined before and no longer defines is dropped if nothing else uses it,
  kept if another document defines it, and refused if others only cite it (they would dangle);
- a claim (or anything else) that leaves this document while another document points at it is
  refused for the same reason.

"The facts" are the thing's own triples except its label, which is derived from them: literals
are compared by value (decimals as numbers; text after NFC normalisation, ignoring its language
tag, which comes from the document, and its datatype), IRIs as IRIs. Attributions are not facts
of the thing: they are the annotating curator's and stay in the document's graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib import URIRef

from kgdebate.errors import InputError
from kgdebate.ingest.emit import FIELDS, Definition, Emitted
from kgdebate.ingest.yamlstrict import Loaded
from kgdebate.mint import Minter, last_slug
from kgdebate.namespaces import PROV, RDF, RDFS, XSD
from kgdebate.store import Term, TripleStore, to_oxigraph

DERIVED = {str(RDFS.label)}  # made from the facts, not one of them
NOT_GIVEN = "(not given)"


@dataclass
class SharedWrites:
    """Shared graphs to write with the document (an empty list drops one); what it defines."""

    graphs: dict[str, list[ox.Triple]] = field(default_factory=dict)
    defined: list[URIRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def plan_shared(
    emitted: Emitted, store: TripleStore, minter: Minter, loaded: Loaded, filename: str
) -> SharedWrites:
    """What storing this document does to shared graphs; raises :class:`InputError` on conflict."""
    slug = loaded.data["document"]["id"]
    own = {str(minter.document_graph(slug)), str(minter.provenance_graph(slug))}
    document = str(emitted.document)
    writes = SharedWrites()
    problems: list[str] = []
    for thing, definition in emitted.definitions.items():
        graph = str(minter.shared_graph(thing))
        writes.defined.append(URIRef(graph))
        new = to_oxigraph(definition.graph)
        stored = list(store.triples(graph))
        others = _definers(store, graph) - {document}
        differences = _differences(stored, new)
        if not stored or not others:
            writes.graphs[graph] = new
            users = store.graphs_naming(str(thing)) - own - {graph}
            if stored and differences and users:
                writes.warnings.append(
                    f"{filename}:{loaded.line(definition.path)}: {definition.kind} "
                    f"{definition.slug!r} changed; also used by {_names(users, minter)}"
                )
        elif differences:
            conflicts = [
                _conflict(definition, key, was, now, others, loaded)
                for key, (was, now) in differences.items()
            ]
            problems += [f"{filename}:{line}: {text}" for line, text in sorted(conflicts)]
    problems += _dropped(emitted, store, minter, writes, own, filename)
    problems += _removed(emitted, store, minter, own, filename)
    if problems:
        raise InputError(
            f"{filename}: {len(problems)} conflict(s) with what other documents stored:\n  "
            + "\n  ".join(problems),
            hint="to cite a stored statistic, statement or source, keep its id under `cites:` "
            "and leave its definition out; for a different one, choose a new id. To correct "
            "stored facts, remove the definition from the other documents first, then change it",
        )
    return writes


def _definers(store: TripleStore, graph: str) -> set[str]:
    """The documents whose provenance says they define the shared graph."""
    found = store.objects(graph, str(PROV.wasDerivedFrom))
    return {doc.value for doc, _ in found if isinstance(doc, ox.NamedNode)}


def _differences(
    stored: list[ox.Triple], new: list[ox.Triple]
) -> dict[str, tuple[set[str], set[str]]]:
    """Per predicate, the stored and the new facts, where they differ."""
    was, now = _facts(stored), _facts(new)
    return {
        predicate: (was.get(predicate, set()), now.get(predicate, set()))
        for predicate in sorted(was.keys() | now.keys())
        if was.get(predicate) != now.get(predicate)
    }


def _facts(triples: list[ox.Triple]) -> dict[str, set[str]]:
    facts: dict[str, set[str]] = {}
    for triple in triples:
        if triple.predicate.value not in DERIVED:
            facts.setdefault(triple.predicate.value, set()).add(_fact(triple.object))
    return facts


def _fact(term: Term) -> str:
    if isinstance(term, ox.Literal):
        if term.datatype.value == str(XSD.decimal):
            try:
                return format(Decimal(term.value).normalize(), "f")
            except InvalidOperation:
                return term.value
        return term.value  # the language tag is the document's, not the fact's
    return str(term.value) if isinstance(term, ox.NamedNode) else str(term)


def _conflict(
    definition: Definition,
    predicate: str,
    was: set[str],
    now: set[str],
    others: set[str],
    loaded: Loaded,
) -> tuple[int, str]:
    """The line of one differing field, and what differs (``statistics.0.value: …``)."""
    key = "poll" if predicate == str(RDF.type) else FIELDS.get(URIRef(predicate), "")
    path = (*definition.path, key)
    if path not in loaded.lines:  # a field left out: point at the definition
        path = definition.path
    definers = ", ".join(sorted(last_slug(doc) for doc in others))
    return loaded.line(path), (
        f"{loaded.field(path)}: {definition.kind} {definition.slug!r} already exists "
        f"with other facts (stored: {_show(was)}; this file: {_show(now)}), as defined by "
        f"{definers}"
    )


def _dropped(
    emitted: Emitted,
    store: TripleStore,
    minter: Minter,
    writes: SharedWrites,
    own: set[str],
    filename: str,
) -> list[str]:
    """Shared graphs this document defined before and no longer does: drop, keep or refuse."""
    document = str(emitted.document)
    provenance = str(minter.provenance_graph(last_slug(document)))
    before = store.subjects(str(PROV.wasDerivedFrom), document, provenance) - own
    problems = []
    for graph in sorted(before - {str(g) for g in writes.defined}):
        if _definers(store, graph) - {document}:
            continue  # another document defines it: it stays as it is
        thing = minter.thing_of_graph(graph)
        users = store.graphs_naming(str(thing)) - own - {graph}
        if thing in emitted.references:
            problems.append(
                f"{filename}: {last_slug(str(thing))!r} is cited here but no longer defined, and "
                "no other document defines it: keep its definition in this file"
            )
        elif users:
            problems.append(
                f"{filename}: {last_slug(str(thing))!r} is no longer defined here, and no other "
                f"document defines it, but {_names(users, minter)} use it: keep its definition "
                "here, or define it in one of those documents first"
            )
        else:
            writes.graphs[graph] = []  # nothing uses it any more
    return problems


def _removed(
    emitted: Emitted, store: TripleStore, minter: Minter, own: set[str], filename: str
) -> list[str]:
    """Things of this document's stored graph that leave it while other documents point at them."""
    graph = str(minter.document_graph(last_slug(str(emitted.document))))
    documents = str(minter.graph("document")) + "/"
    kept = {str(s) for s in emitted.graph.subjects()} | {str(t) for t in emitted.definitions}
    problems = []
    for node in sorted(store.subjects(str(RDF.type), None, graph) - kept):
        users = {g for g in store.graphs_naming(node) - own if g.startswith(documents)}
        if users:
            problems.append(
                f"{filename}: {node} is no longer in this file, but {_names(users, minter)} "
                "point at it: change those documents first"
            )
    return problems


def _names(graphs: set[str], minter: Minter) -> str:
    """Graph IRIs as what they hold: ``document belfer-…``, ``statistic poll-84``."""
    prefix = str(minter.graph(""))
    return ", ".join(sorted(g.removeprefix(prefix).replace("/", " ", 1) for g in graphs))


def _show(values: set[str]) -> str:
    """Values as a curator wrote them: an IRI by its slug, a long text cut short."""
    if not values:
        return NOT_GIVEN
    shown = [last_slug(v) if v.startswith(("http://", "https://")) else v for v in sorted(values)]
    return ", ".join(repr(v if len(v) <= 80 else v[:77] + "…") for v in shown)
