"""Our actors and events that have no Wikidata QID yet, read from the store (``unlinked.rq``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kgdebate.queries import packaged_query
from kgdebate.store import TripleStore


@dataclass
class Entity:
    iri: str
    classes: set[str] = field(default_factory=set)
    names: dict[ox.Literal, str] = field(default_factory=dict)  # name -> "label" | "alias"
    start: str | None = None
    end: str | None = None
    alpha2: str | None = None

    @property
    def label(self) -> str:
        labels = sorted((n for n, kind in self.names.items() if kind == "label"), key=str)
        english = [n.value for n in labels if n.language == "en"]
        return english[0] if english else (labels[0].value if labels else self.iri)


def unlinked_entities(store: TripleStore, base_iri: str) -> list[Entity]:
    """Our actors and events without a QID, with their names, dates and alpha-2 code."""
    query = packaged_query("kgdebate.linking", "unlinked.rq")
    result = store.query(query, {"_space": ox.Literal(base_iri + "id/")})
    assert isinstance(result, ox.QuerySolutions)
    found: dict[str, Entity] = {}
    for row in result:
        entity = found.setdefault(row["entity"].value, Entity(row["entity"].value))
        entity.classes.add(row["class"].value)
        name, kind = row["name"], row["nameKind"].value
        if isinstance(name, ox.Literal) and entity.names.get(name) != "label":
            entity.names[name] = kind
        for attribute in ("start", "end", "alpha2"):
            if row[attribute] is not None:
                setattr(entity, attribute, row[attribute].value)
    return list(found.values())
