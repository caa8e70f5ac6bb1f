"""One annotation file under curation: its state, its edits, its checks, its ingest.

The YAML file is the source of truth. Every edit reads the file, checks that it is the version
the browser saw (another tab or an editor may have changed it: the edit is then refused, not
merged), applies the operation as splices of the text, reads the result back, and replaces the
file atomically. Then the real ingest pipeline checks it (JSON Schema, quotes against the text,
SHACL on the document's own graph with the context it needs from the store, never the whole
store), and `kgdebate review`'s rules count the decisions left.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import itertools
import pickle
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgdebate.config import Settings
from kgdebate.curation.entities import TYPES as ENTITY_TYPES
from kgdebate.curation.entities import add_to_reference, new_entity
from kgdebate.curation.operations import (
    CITED_AS,
    EVIDENCE,
    KINDS,
    QUALIFIERS,
    RELATIONS,
    SIDES,
    STANCE_LABELS,
    UNITS,
    Edit,
    run,
)
from kgdebate.curation.stored_figures import stored_matches
from kgdebate.curation.yamltext import ChunkCache, EditError, YamlText, apply_splices, checked
from kgdebate.errors import InputError, KgdebateError
from kgdebate.extract.review import decisions_left
from kgdebate.extract.writing import block_yaml
from kgdebate.files import read_plain_file, write_atomically
from kgdebate.generation import readable_store
from kgdebate.ingest.pipeline import ingest_files, prepare_text
from kgdebate.ingest.text import find_text, read_text
from kgdebate.store import OxigraphStore, TripleStore
from kgdebate.web.terms import unquoted

_WHERE = re.compile(r"^(?P<file>[^\n]*?):(?P<line>\d+):(?:\d+:)? ?(?P<message>.*)$")


class Conflict(KgdebateError):
    """The file changed since the browser read it."""

    exit_code = 2


@dataclass(frozen=True)
class Finding:
    severity: str  # error, warning, or decision (one left to make)
    message: str
    claim: str | None  # the id of the claim it concerns
    line: int | None


@dataclass
class _Checked:
    """The file at one version, as read, and what the checks said of it."""

    version: str
    doc: YamlText
    by_claim: dict[str, list[Finding]]
    rest: list[Finding]  # about the document, its statistics, …: not one claim
    decisions: list[Finding]
    complete: bool  # False while the whole file's check runs (in the background)
    run: int  # which whole-file check this version's findings descend from
    fresh: set[str]  # claims checked on their own since that check started

    def findings(self) -> list[Finding]:
        return [
            *self.rest,
            *(f for fs in self.by_claim.values() for f in fs),
            *self.decisions,
        ]


BATCH = 100
"""Claims checked together: pyshacl's time grows faster than the graph, so a long document is
checked in batches of claims (each with the document's own parts), not in one graph."""


class Workbench:
    def __init__(self, annotation: Path, text: Path | None, settings: Settings) -> None:
        self.path = annotation
        self.settings = settings
        self._lock = threading.Lock()
        self._checked: _Checked | None = None
        self._chunks: ChunkCache = {}  # the file's chunks as last read: an edit rereads its own
        self._runs = 0
        content, _ = self.read()
        data = YamlText(content, str(annotation), settings.max_yaml_nodes, self._chunks).data
        if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
            raise InputError(f"{annotation}:1: an annotation is a mapping with a `document:` key")
        self.text_path = find_text(text, annotation, data, settings.texts_dir)
        self.text = (
            read_text(self.text_path, settings.max_text_bytes).text if self.text_path else None
        )

    # -- the file ------------------------------------------------------------------------------

    def read(self) -> tuple[str, str]:
        """The file's content and its version (the SHA-256 of its bytes)."""
        raw = read_plain_file(self.path, self.settings.max_annotation_bytes, "annotation")
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{self.path}: not UTF-8 (bad byte at offset {exc.start})") from None
        return content, hashlib.sha256(raw).hexdigest()

    def _unchanged_since(self, version: object, nothing: str, hint: str) -> tuple[str, str]:
        """The file's content and version, if it is still at ``version`` (with the lock held);
        else :class:`Conflict`, saying that ``nothing`` happened."""
        content, current = self.read()
        if version != current:
            raise Conflict(
                f"{self.path.name} changed since this page read it (another tab, or an "
                f"editor); {nothing}",
                hint=hint,
            )
        return content, current

    def _parsed(self, content: str, version: str) -> YamlText:
        """The file read strictly, once per version (an edit leaves its own result here)."""
        if self._checked is not None and self._checked.version == version:
            return self._checked.doc
        return YamlText(content, str(self.path), self.settings.max_yaml_nodes, self._chunks)

    def apply(self, version: object, name: object, arguments: object, store: TripleStore) -> None:
        """One operation, written only if the file is still at ``version`` and the result reads
        back as intended; raises :class:`Conflict` or :class:`EditError` and writes nothing.
        Then the claims it changed are checked again (the rest keep what they were told)."""
        with self._lock, _no_collector_passes():
            content, current = self._unchanged_since(
                version, "nothing was written", "reload the page to see the file, then edit again"
            )
            edited = self._edited(content, current, name, arguments)
            if edited is not None:
                self._write(*edited, store)

    def _edited(
        self, content: str, version: str, name: object, arguments: object
    ) -> tuple[str, YamlText] | None:
        """The file's text after one operation and that text read back as intended, not yet
        written (called with the lock held); None when the operation changes nothing."""
        doc = self._parsed(content, version)
        if name == "finish":
            self._refuse_unfinished(version)
        edit = Edit(_copy(doc.data), doc, self.text)
        splices = run(edit, name, arguments)
        if not splices:
            return None
        new = apply_splices(content, splices)
        return new, checked(
            new, edit.data, str(self.path), self.settings.max_yaml_nodes, self._chunks
        )

    def _write(self, new: str, written: YamlText, store: TripleStore) -> None:
        """The edited file in place of the old one, and its changed claims checked again
        (called with the lock held)."""
        write_atomically(self.path, new)
        new_version = hashlib.sha256(new.encode("utf-8")).hexdigest()
        self._check(written, new_version, store, previous=self._checked)

    # -- what the page shows -------------------------------------------------------------------

    def state(self, store: TripleStore, with_text: bool = True) -> dict[str, Any]:
        """What the page shows; ``with_text=False`` leaves out the document's text, which an
        edit never changes (the page keeps the one it has)."""
        with self._lock:
            content, version = self.read()
            checked_ = self._checked
            if checked_ is None or checked_.version != version:
                checked_ = self._check(self._parsed(content, version), version, store, None)
            data = checked_.doc.data
            findings = checked_.findings()
            checking = not checked_.complete
        return {
            "file": self.path.name,
            "version": version,
            "checking": checking,
            "document": data.get("document", {}),
            "debate": data.get("debate"),
            "text": self.text if with_text else None,
            "claims": data.get("claims") or [],
            # each claim's words as the site's pages show them, without enclosing quote marks
            "shown_words": {
                str(c.get("id")): unquoted(c["quote"]["exact"])
                for c in data.get("claims") or []
                if isinstance(c.get("quote"), dict) and isinstance(c["quote"].get("exact"), str)
            },
            "statistics": data.get("statistics") or [],
            "draft": data.get("draft"),
            # the statistics the store has with a figure's value: to cite, not record again
            "stored_figures": stored_matches(
                (data.get("draft") or {}).get("figures") or [], store, self.settings.base_iri
            ),
            "findings": [f.__dict__ for f in findings],
            "options": {
                "sides": SIDES,
                "units": UNITS,
                "kinds": KINDS,
                "relations": RELATIONS,
                "cited_as": CITED_AS,
                "evidence": EVIDENCE,
                "qualifiers": QUALIFIERS,
                "stances": STANCE_LABELS,
                "entity_types": list(ENTITY_TYPES),  # what a new name may be added as
                "themes": [t["id"] for t in (data.get("debate") or {}).get("themes", [])],
                # each theme by its title in the menu ("The record of talks", not "t2")
                "theme_titles": {
                    t["id"]: t.get("title", t["id"])
                    for t in (data.get("debate") or {}).get("themes", [])
                },
            },
        }

    def wait_until_checked(self, within_s: float = 600) -> None:
        """Until the whole file's check has ended (for the CLI's tests and the bench)."""
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            with self._lock:
                if self._checked is not None and self._checked.complete:
                    return
            time.sleep(0.02)
        raise TimeoutError("the check of the annotation did not end")

    def _refuse_unfinished(self, version: str) -> None:
        """A draft is finished when nothing is left to decide or to fix, not before."""
        checked_ = self._checked
        if checked_ is None or checked_.version != version or not checked_.complete:
            raise EditError(
                "the draft is still being checked; nothing was changed",
                hint="finish it when the bar reads 0 decisions left · 0 errors",
            )
        findings = checked_.findings()
        left = sum(f.severity == "decision" for f in findings)
        errors = sum(f.severity == "error" for f in findings)
        if left or errors:
            raise EditError(
                f"{left} decision(s) and {errors} error(s) are left: the draft block keeps "
                "them, so it stays until they are done; nothing was changed",
                hint="finish it when the bar reads 0 decisions left · 0 errors",
            )

    def _check(
        self, doc: YamlText, version: str, store: TripleStore, previous: _Checked | None
    ) -> _Checked:
        """What the checks say of the file at ``version`` (called with the lock held).

        After an edit that changed only claims, only those claims (with the claims they name,
        so that their references resolve) go through the ingest pipeline: SHACL validates a
        few claims, never the whole document. Otherwise the whole file is checked, in the
        background, batch by batch; the page shows the text and the decisions at once."""
        data = doc.data
        claims = {str(c.get("id")): c for c in data.get("claims") or []}
        changed = _changed_claims(previous.doc.data, data) if previous else None
        if changed is None or previous is None:
            self._runs += 1
            result = _Checked(version, doc, {}, [], [], False, self._runs, set())
            threading.Thread(
                target=self._check_whole, args=(result.run, doc, store), daemon=True
            ).start()
        else:
            by_claim = {
                cid: fs
                for cid, fs in previous.by_claim.items()
                if cid in claims and cid not in changed
            }
            if changed:
                subset = [c for cid, c in claims.items() if cid in _named(changed, claims)]
                fresh, _ = self._run_pipeline(doc, _with_claims(data, subset), claims, store)
                by_claim.update({cid: fs for cid, fs in fresh.items() if cid in changed})
            result = _Checked(
                version,
                doc,
                by_claim,
                previous.rest,
                [],
                previous.complete,
                previous.run,
                previous.fresh | changed,
            )
        for line in _decisions(doc, self.path):
            finding = _finding("decision", line, doc, claims)
            if finding is not None:
                result.decisions.append(finding)
        self._checked = result
        return result

    def _check_whole(self, run: int, doc: YamlText, store: TripleStore) -> None:
        """The whole file through the pipeline, in batches of claims; then its findings go to
        the version the page now shows, for every claim not checked on its own since."""
        data = doc.data
        claims = {str(c.get("id")): c for c in data.get("claims") or []}
        ids = list(claims)
        by_claim: dict[str, list[Finding]] = {}
        rest: list[Finding] = []
        for first in range(0, max(len(ids), 1), BATCH):
            with self._lock:
                if self._checked is None or self._checked.run != run:
                    return  # a later whole check has started: this one would be thrown away
            batch = _named(set(ids[first : first + BATCH]), claims)
            subset = _with_claims(
                data, [c for cid, c in claims.items() if cid in batch], whole_draft=first == 0
            )
            found, others = self._run_pipeline(doc, subset, claims, store)
            by_claim.update({cid: found[cid] for cid in ids[first : first + BATCH]})
            if first == 0:
                rest = others
        with self._lock:
            current = self._checked
            if current is None or current.run != run:
                return  # a later whole check has started: this one is out of date
            present = {str(c.get("id")) for c in current.doc.data.get("claims") or []}
            for cid, findings in by_claim.items():
                if cid in present and cid not in current.fresh:
                    current.by_claim[cid] = findings
            current.rest = rest
            current.complete = True

    def _run_pipeline(
        self,
        doc: YamlText,
        subset: dict[str, Any],
        claims: dict[str, Any],
        store: TripleStore,
    ) -> tuple[dict[str, list[Finding]], list[Finding]]:
        """The ingest pipeline's findings on ``subset`` of the annotation, by claim."""
        lines: list[tuple[str, str]] = []
        try:
            prepared = prepare_text(
                block_yaml(subset), self.path, store, self.settings, self.text_path
            )
            lines += [("warning", line) for line in prepared.warnings]
        except KgdebateError as exc:
            lines += [("error", line.strip()) for line in str(exc).splitlines() if line.strip()]
        by_claim: dict[str, list[Finding]] = {str(c.get("id")): [] for c in subset["claims"]}
        rest: list[Finding] = []
        for severity, line in lines:
            finding = _finding(severity, line, doc, claims, by_line=False)
            if finding is None:
                continue
            (by_claim[finding.claim] if finding.claim in by_claim else rest).append(finding)
        return by_claim, rest

    def add_entity(self, version: object, arguments: dict[str, Any]) -> None:
        """An unknown name of the draft added to the reference data as a new actor or place
        (loaded into the store through the reference data's gate), then mentioned by the
        claims that hold it."""
        entity = new_entity(arguments)
        # One lock over the whole: two names added in quick succession must not both pass the
        # version check and then have the second's YAML edit refused after its reference data
        # was written. The edit is made and read back first; a refusal then writes nothing.
        with self._lock, _no_collector_passes():
            content, current = self._unchanged_since(
                version, "nothing was added", "reload the page, then add the name again"
            )
            data = self._parsed(content, current).data
            items = (data.get("draft") or {}).get("new_entities") or []
            index = arguments.get("index")
            if not isinstance(index, int) or not 0 <= index < len(items):
                raise EditError(f"the draft has no unknown name {index!r}")
            added = {"index": index, "kind": entity.kind, "slug": entity.slug}
            edited = self._edited(content, current, "add-entity", added)
            add_to_reference(entity, str(data["document"]["id"]), self.settings)
            if edited is not None:
                view = OxigraphStore(readable_store(self.settings.data_dir), read_only=True)
                self._write(*edited, view)

    # -- into the store ------------------------------------------------------------------------

    def ingest(self, version: object) -> dict[str, Any]:
        """The annotation stored (atomically, through the same gate as `kgdebate ingest`), the
        named queries answered and a new generation published: running servers switch to it."""
        from kgdebate.writes import finish_write

        with self._lock:
            self._unchanged_since(
                version, "nothing was stored", "reload the page, check the file, then ingest again"
            )
            store = OxigraphStore(self.settings.data_dir)
            try:
                outcome = ingest_files([self.path], store, self.settings, self.text_path)[0]
                if outcome.stored:
                    generation = finish_write(store, self.settings)
            finally:
                del store  # closes the store: the next write (a CLI ingest) may open it
        if not outcome.stored:
            raise outcome.error or EditError("the annotation was not stored")
        return {
            "stored": True,
            "document": outcome.document,
            "triples": outcome.triples,
            "warnings": outcome.warnings,
            "generation": generation.number if generation else None,
        }


_RECORDS = ("sections", "boilerplate", "mentions", "ambiguous", "new_entities", "figures", "stance")
_NAMED = re.compile(r"\bclaims\[(?P<bracket>[a-z0-9-]+)\]|\bclaim (?P<word>[a-z0-9-]+)\b")


def _copy(data: Any) -> Any:
    """A deep copy of plain YAML data (pickle's is several times faster than copy.deepcopy)."""
    return pickle.loads(pickle.dumps(data, pickle.HIGHEST_PROTOCOL))


@contextmanager
def _no_collector_passes() -> Iterator[None]:
    """An edit of a long document makes objects by the hundred thousand (its copy, the chunks
    read again), and each pass of the cycle collector would walk every object of the process
    (half a second at 100 pages). Paused meanwhile; then what exists is frozen out of later
    passes: the annotation's data is trees, freed by reference counting, never by a pass."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _changed_claims(before: dict[str, Any], after: dict[str, Any]) -> set[str] | None:
    """The ids of the claims an edit added or changed; None when it changed anything else
    than claims and the draft's records (then the whole file is checked again)."""
    keys = (set(before) | set(after)) - {"claims", "draft"}
    if any(before.get(key) != after.get(key) for key in keys):
        return None
    if _draft_head(before) != _draft_head(after):  # drafted or not, a guess confirmed, …
        return None
    old = {str(c.get("id")): c for c in before.get("claims") or []}
    return {str(c.get("id")) for c in after.get("claims") or [] if old.get(str(c.get("id"))) != c}


def _draft_head(data: dict[str, Any]) -> object:
    draft = data.get("draft")
    if not isinstance(draft, dict):
        return draft
    return {key: value for key, value in draft.items() if key not in _RECORDS}


def _named(changed: set[str], claims: dict[str, Any]) -> set[str]:
    """The changed claims and the claims of this file they point at."""
    named = set(changed)
    for cid in changed:
        for key in ("supports", "attacks", "rebuts"):
            named.update(t for t in claims[cid].get(key, []) if t in claims)
    return named


def _with_claims(
    data: dict[str, Any], claims: list[Any], whole_draft: bool = False
) -> dict[str, Any]:
    """The annotation with only ``claims`` (and a draft block without its long records)."""
    subset = {key: value for key, value in data.items() if key != "claims"}
    subset["claims"] = claims
    if isinstance(data.get("draft"), dict) and not whole_draft:
        subset["draft"] = {k: v for k, v in data["draft"].items() if k not in _RECORDS}
    return subset


def _decisions(doc: YamlText, path: Path) -> list[str]:
    try:
        return decisions_left(doc.loaded, path)
    except KgdebateError as exc:
        return [str(exc)]


def _finding(
    severity: str, line: str, doc: YamlText, claims: dict[str, Any], by_line: bool = True
) -> Finding | None:
    """One line of a check as the page shows it, at its claim (named by id, never by its
    position); None for a heading line ("3 problem(s) in the annotation:") or a hint."""
    if line.endswith(":") or line.startswith("hint:"):
        return None
    number: int | None = None
    message = line
    match = _WHERE.match(line)
    if match:
        number, message = int(match["line"]), match["message"]
    named = _NAMED.search(message)
    claim = (named["bracket"] or named["word"]) if named else None
    if claim not in claims:
        claim = _claim_at(doc, claims, number) if by_line and number else None
    if claim is None and (offset := _AT_OFFSET.search(message)):  # a draft item's text
        claim = _claim_holding(claims, int(offset["at"]))
    if claim is not None and not by_line:
        number = doc.line_of(("claims", list(claims).index(claim)))
    return Finding(severity, message, claim, number)


_AT_OFFSET = re.compile(r" at (?P<at>\d+)(?:-\d+)?[:( ]")  # "figure '84%' at 142 (…): …"


def _claim_holding(claims: dict[str, Any], offset: int) -> str | None:
    """The claim whose quote holds character ``offset`` of the text."""
    for claim_id, claim in claims.items():
        quote = claim.get("quote") if isinstance(claim, dict) else None
        if isinstance(quote, dict) and isinstance(quote.get("start"), int):
            if quote["start"] <= offset < quote.get("end", -1):
                return str(claim_id)
    return None


def _claim_at(doc: YamlText, claims: dict[str, Any], number: int) -> str | None:
    """The claim whose lines hold line ``number`` of the file."""
    spans = doc.item_lines(("claims",))
    at = bisect.bisect_right(spans, (number, float("inf"))) - 1
    if at >= 0 and spans[at][0] <= number <= spans[at][1]:
        return next(itertools.islice(iter(claims), at, None))
    return None
