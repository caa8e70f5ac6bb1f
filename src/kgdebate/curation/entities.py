"""A name the store does not know, added to the reference data from the workbench.

The annotation format defines no actors or places: they are reference data, shared by every
document. So a new one is written as Turtle to ``<reference_dir>/workbench.ttl`` (a file of its
own, beside the hand-curated ones, re-serialised whole), and the store's reference graphs are
loaded again through the same gate as `kgdebate build` (every reference file, SHACL); if that
refuses it, the file is put back as it was and nothing is stored. The entity records where it
was first seen and that no Wikidata QID was looked up (`kgdebate link` proposes one later).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef

from kgdebate.build import load_trusted
from kgdebate.config import Settings
from kgdebate.curation.yamltext import EditError
from kgdebate.files import write_atomically
from kgdebate.generation import readable_store
from kgdebate.mint import Minter
from kgdebate.namespaces import DCTERMS, KGD, RDF, RDFS, SKOS, new_graph
from kgdebate.store import OxigraphStore
from kgdebate.writes import finish_write

WORKBENCH_FILE = "workbench.ttl"
TYPES = {  # what a curator may add here: a State needs its codes, written by hand
    "person": ("actor", KGD.Person),
    "think-tank": ("actor", KGD.ThinkTank),
    "international-organization": ("actor", KGD.InternationalOrganization),
    "government": ("actor", KGD.Government),
    "news-organization": ("actor", KGD.NewsOrganization),
    "company": ("actor", KGD.Company),
    "place": ("place", KGD.Place),
}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class NewEntity:
    type: str
    slug: str
    label: str
    description: str
    governs: str | None = None  # a government's state, by its id

    @property
    def kind(self) -> str:
        return TYPES[self.type][0]


def new_entity(arguments: dict[str, object]) -> NewEntity:
    """The entity the form describes, or an error that says which field is wrong."""
    kind = arguments.get("type")
    if kind not in TYPES:
        raise EditError(f"`type` must be one of {', '.join(TYPES)}, not {kind!r}")
    slug = arguments.get("slug")
    if not isinstance(slug, str) or not _SLUG.match(slug) or len(slug) > 80:
        raise EditError(f"`slug` must be an id such as `dana-whitfield`, not {slug!r}")
    words = {}
    for name in ("label", "description"):
        value = arguments.get(name)
        if not isinstance(value, str) or not value.strip() or len(value) > 2000:
            raise EditError(f"`{name}` must be some words (at most 2,000 characters)")
        words[name] = " ".join(value.split())
    governs = arguments.get("governs") or None
    if kind != "government":
        return NewEntity(str(kind), slug, words["label"], words["description"])
    if governs is None:
        raise EditError(
            "a government governs a state: give the state's id (such as `ukraine`) in the "
            "field beside the name"
        )
    if not isinstance(governs, str) or not _SLUG.match(governs):
        raise EditError(
            f"the state a government governs is an id such as `ukraine`, not {governs!r}"
        )
    return NewEntity(str(kind), slug, words["label"], words["description"], governs)


def add_to_reference(entity: NewEntity, document: str, settings: Settings) -> None:
    """Write ``entity`` to the reference data and load it into the store, or change nothing."""
    curated = [p for p in settings.reference_dir.glob("*.ttl") if p.name != WORKBENCH_FILE]
    if not curated:  # the reference data is read whole again below: it must all be there
        raise EditError(
            f"no reference data at {settings.reference_dir.resolve()}: a new entity is added "
            "beside it and the whole reference data is loaded again, so nothing was written",
            hint="start `kgdebate curate` from the project folder, or set reference_dir",
        )
    minter = Minter(settings.base_iri)
    iri = URIRef(minter.thing(entity.kind, entity.slug))
    current = OxigraphStore(readable_store(settings.data_dir), read_only=True)
    if current.types_of(str(iri)):
        article = "an" if entity.kind[0] in "aeiou" else "a"
        raise EditError(f"the store has {article} {entity.kind} {entity.slug!r} already: use it")
    state = URIRef(minter.thing("actor", entity.governs)) if entity.governs else None
    if state is not None and str(KGD.State) not in {t.value for t in current.types_of(str(state))}:
        raise EditError(
            f"the store has no state {entity.governs!r} for the government to govern",
            hint="give the id of a state the store has, such as `ukraine` (its page is "
            "/id/actor/<id>)",
        )
    del current
    target = settings.reference_dir / WORKBENCH_FILE
    before = target.read_bytes() if target.is_file() else None
    graph = new_graph()
    if before is not None:
        graph.parse(data=before, format="turtle", publicID=settings.base_iri)
    graph.add((iri, RDF.type, TYPES[entity.type][1]))
    graph.add((iri, RDFS.label, Literal(entity.label, lang="en")))
    graph.add((iri, SKOS.prefLabel, Literal(entity.label, lang="en")))
    graph.add((iri, DCTERMS.description, Literal(entity.description, lang="en")))
    if state is not None:
        graph.add((iri, KGD.governmentOf, state))
    note = (
        f"Added in the curation workbench, first seen in the document {document}. "
        "No Wikidata QID looked up: `kgdebate link` proposes one."
    )
    graph.add((iri, SKOS.editorialNote, Literal(note, lang="en")))
    header = (
        "# kgdebate reference data: actors and places added in the curation workbench\n"
        "# (`kgdebate curate`). Edit freely; `kgdebate build` reads it with the other files.\n"
    )
    write_atomically(target, header + graph.serialize(format="turtle"))
    store = OxigraphStore(settings.data_dir)
    try:
        load_trusted(store, settings)
    except Exception:
        _restore(target, before)
        raise
    finish_write(store, settings)


def _restore(target: Path, before: bytes | None) -> None:
    if before is None:
        target.unlink(missing_ok=True)
    else:
        write_atomically(target, before)
