"""One annotation file under curation: its state, its edits, its checks, its ingest.

The YAML file is the source of truth. Every edit reads the file, checks that it is the version
the browser saw (another tab or an editor may have changed it: the edit is then refused, not
merged), applies the operation as splices of the text, reads the result back, and replaces the
file atomically. Then the real ingest pipeline checks it (JSON Schema, quotes against the text,
SHACL on the document's own graph with the context it needs from the store, never the whole
store), and `kgdebate review`'s rules count the decisions left.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgdebate.config import Settings
from kgdebate.curation.operations import (
    CITED_AS,
    EVIDENCE,
    KINDS,
    RELATIONS,
    SIDES,
    Edit,
    run,
)
from kgdebate.curation.yamltext import EditError, YamlText, apply_splices, checked
from kgdebate.errors import InputError, KgdebateError
from kgdebate.extract.review import review
from kgdebate.files import read_plain_file, write_atomically
from kgdebate.ingest.pipeline import ingest_files, prepare
from kgdebate.ingest.text import find_text, read_text
from kgdebate.ingest.yamlstrict import load_strict
from kgdebate.store import OxigraphStore, TripleStore

_WHERE = re.compile(r"^(?P<file>[^\n]*?):(?P<line>\d+):(?:\d+:)? ?(?P<message>.*)$")
_CLAIM_PATH = re.compile(r"\bclaims\.(\d+)")


class Conflict(KgdebateError):
    """The file changed since the browser read it."""

    exit_code = 2


@dataclass(frozen=True)
class Finding:
    severity: str  # error, warning, or decision (one left to make)
    message: str
    claim: str | None  # the id of the claim it concerns
    line: int | None


class Workbench:
    def __init__(self, annotation: Path, text: Path | None, settings: Settings) -> None:
        self.path = annotation
        self.settings = settings
        self._lock = threading.Lock()
        content, _ = self.read()
        loaded = load_strict(content, str(annotation), settings.max_yaml_nodes)
        if not isinstance(loaded.data, dict) or not isinstance(loaded.data.get("document"), dict):
            raise InputError(f"{annotation}:1: an annotation is a mapping with a `document:` key")
        self.text_path = find_text(text, annotation, loaded.data, settings.texts_dir)
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

    def apply(self, version: object, name: object, arguments: object) -> None:
        """One operation, written only if the file is still at ``version`` and the result reads
        back as intended; raises :class:`Conflict` or :class:`EditError` and writes nothing."""
        with self._lock:
            content, current = self.read()
            if version != current:
                raise Conflict(
                    f"{self.path.name} changed since this page read it (another tab, or an "
                    "editor); nothing was written",
                    hint="reload the page to see the file as it is now, then edit again",
                )
            filename = str(self.path)
            loaded = load_strict(content, filename, self.settings.max_yaml_nodes)
            edit = Edit(copy.deepcopy(loaded.data), YamlText(content, filename), self.text)
            splices = run(edit, name, arguments)
            if not splices:
                return
            new = apply_splices(content, splices)
            checked(new, edit.data, filename, self.settings.max_yaml_nodes)
            write_atomically(self.path, new)

    # -- what the page shows -------------------------------------------------------------------

    def state(self, store: TripleStore) -> dict[str, Any]:
        content, version = self.read()
        filename = str(self.path)
        data = load_strict(content, filename, self.settings.max_yaml_nodes).data
        doc = YamlText(content, filename)
        claims = data.get("claims") or []
        spans = _claim_lines(doc, claims)
        return {
            "file": self.path.name,
            "version": version,
            "document": data.get("document", {}),
            "debate": data.get("debate"),
            "text": self.text,
            "claims": claims,
            "statistics": data.get("statistics") or [],
            "draft": data.get("draft"),
            "findings": [f.__dict__ for f in self.findings(store, spans, claims)],
            "options": {
                "sides": SIDES,
                "kinds": KINDS,
                "relations": RELATIONS,
                "cited_as": CITED_AS,
                "evidence": EVIDENCE,
                "themes": [t["id"] for t in (data.get("debate") or {}).get("themes", [])],
            },
        }

    def findings(
        self, store: TripleStore, spans: list[tuple[str, int, int]], claims: list[Any]
    ) -> list[Finding]:
        """What the ingest pipeline says of the file, and the decisions left, each at its
        claim (named by id, never by position)."""
        lines: list[tuple[str, str]] = []
        try:
            prepared = prepare(self.path, store, self.settings, self.text_path)
            lines += [("warning", line) for line in prepared.warnings]
        except KgdebateError as exc:
            lines += [("error", line.strip()) for line in str(exc).splitlines() if line.strip()]
        try:
            left = review(
                self.path, self.settings.max_annotation_bytes, self.settings.max_yaml_nodes
            )
        except KgdebateError as exc:
            left = [str(exc)]
        lines += [("decision", line) for line in left]
        return [_finding(severity, line, spans, claims) for severity, line in lines]

    # -- into the store ------------------------------------------------------------------------

    def ingest(self, version: object) -> dict[str, Any]:
        """The annotation stored (atomically, through the same gate as `kgdebate ingest`), the
        named queries answered and a new generation published: running servers switch to it."""
        from kgdebate.writes import finish_write

        with self._lock:
            _, current = self.read()
            if version != current:
                raise Conflict(
                    f"{self.path.name} changed since this page read it; nothing was stored",
                    hint="reload the page, check the file, then ingest again",
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
            "generation": generation.number,
        }


def _claim_lines(doc: YamlText, claims: list[Any]) -> list[tuple[str, int, int]]:
    """(claim id, first line, last line) of each claim in the file."""
    spans = []
    for index, claim in enumerate(claims):
        region = doc.region(("claims", index))
        first = doc.text.count("\n", 0, region.start) + 1
        last = doc.text.count("\n", 0, max(region.start, region.end - 1)) + 1
        spans.append((str(claim.get("id")), first, last))
    return spans


def _finding(
    severity: str, line: str, spans: list[tuple[str, int, int]], claims: list[Any]
) -> Finding:
    number: int | None = None
    message = line
    match = _WHERE.match(line)
    if match:
        number, message = int(match["line"]), match["message"]
    claim = next((cid for cid, first, last in spans if number and first <= number <= last), None)

    def named(found: re.Match[str]) -> str:
        index = int(found.group(1))
        return f"claim {claims[index].get('id')}" if index < len(claims) else found.group(0)

    return Finding(severity, _CLAIM_PATH.sub(named, message), claim, number)
