"""Writing a draft: readable YAML that strict ingest reads, never over a curator's work.

Claims and metadata are written as block YAML, as curators write them; the long lists of the
`draft:` block (mentions, figures, …) one flow mapping per line. Both are written here, not by
PyYAML's pure-Python representer, which was the bulk of the cost on long documents.
A last comment line holds the sha256 of everything above it: a draft whose hash still matches is
untouched and may be replaced by a new extraction; anything else is a curation and is kept.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kgdebate.errors import InputError
from kgdebate.extract.draft import Draft
from kgdebate.fingerprint import fingerprinted, is_untouched
from kgdebate.ingest.structure import check_structure
from kgdebate.ingest.yamlstrict import Loaded, as_read
from kgdebate.namespaces import DEFAULT_BASE

FINGERPRINT = "# kgdebate extract: untouched draft "
HEADER = (
    f"# yaml-language-server: $schema={DEFAULT_BASE}schema/annotation.schema.json\n"
    "# Draft made by `kgdebate extract`: every value under `draft:` is for a curator to check\n"
    "# (`kgdebate review FILE` lists the decisions). Delete `draft:` once it is curated.\n"
)
_json_string = json.encoder.encode_basestring
RECORDS = ("boilerplate", "mentions", "ambiguous", "new_entities", "figures", "stance")


# A string written plain (unquoted) only when no YAML reader could take it for anything else:
# it starts with a letter, holds no ": " or " #" (a URL's "://" is fine) and no control
# character, ends without a space or a colon, and is no word YAML 1.1 reads as a boolean or null.
# Anything else is written as a JSON string, which YAML reads alike.
PLAIN = re.compile(
    r"[A-Za-z](?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff:#\s]| (?!#)|:(?=\S)|#)*(?<! )"
)
PLAIN_IN_A_LIST = re.compile(r"[A-Za-z][\w.-]*")  # inside [ ]: no commas, brackets or spaces
# Most text is plain by a simpler rule, which one repeated character class checks at C speed:
# letters, digits, spaces and common punctuation, never ":" or "#" (what it admits, PLAIN does).
PLAIN_PROSE = re.compile(r"[A-Za-z][\w ,.;!?'’‘“”\"()/%&+=-]*(?<! )")
NOT_PLAIN = {"yes", "no", "true", "false", "null", "on", "off", "y", "n"}
UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def block_yaml(data: Any) -> str:
    """Block YAML as curators write it (lists of scalars inline), that strict ingest reads.
    Written here, not by PyYAML's representer: the same data back, at a fifth of the cost."""
    if data == {} or data == []:
        return "{}\n" if data == {} else "[]\n"
    lines: list[str] = []
    _lines(data, 0, lines)
    return "\n".join(lines) + "\n"


def _lines(value: Any, indent: int, out: list[str]) -> None:
    """``value``'s lines at ``indent``, appended to ``out``."""
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            head = _head(pad, key)
            if type(item) is str:  # most values: a string or a number, on the key's line
                out.append(f"{head} {_string(item, PLAIN)}")
            elif type(item) is int:
                out.append(f"{head} {item}")
            else:
                _entry(head, item, indent, out)
        return
    for item in value:  # a list: its items as "- …", a mapping's first entry on the dash's line
        if isinstance(item, dict) and item:
            first = len(out)
            _lines(item, indent + 2, out)
            out[first] = f"{pad}- {out[first][indent + 2 :]}"
        elif isinstance(item, list) and item and not _scalars(item):
            out.append(f"{pad}-")
            _lines(item, indent + 2, out)
        elif isinstance(item, list) and item:
            out.append(f"{pad}- {_inline(item)}")
        elif isinstance(item, dict | list):
            out.append(f"{pad}- {_empty(item)}")
        else:
            out.append(f"{pad}- {_scalar(item)}")


@lru_cache(maxsize=1024)  # a draft's keys recur at a few depths
def _head(pad: str, key: Any) -> str:
    return f"{pad}{_scalar(key)}:"


def _entry(head: str, item: Any, indent: int, out: list[str]) -> None:
    if isinstance(item, dict | list) and not item:
        out.append(f"{head} {_empty(item)}")
    elif isinstance(item, dict):
        out.append(head)
        _lines(item, indent + 2, out)
    elif isinstance(item, list):
        if _scalars(item):
            out.append(f"{head} {_inline(item)}")  # "actors: [russia, ukraine]"
        else:
            out.append(head)
            _lines(item, indent, out)  # a list under its key, at the key's indent
    else:
        out.append(f"{head} {_scalar(item)}")


def _scalars(items: list[Any]) -> bool:
    return all(not isinstance(item, dict | list) for item in items)


def _inline(items: list[Any]) -> str:
    return "[" + ", ".join(_scalar(item, PLAIN_IN_A_LIST) for item in items) + "]"


def _empty(value: dict[Any, Any] | list[Any]) -> str:
    return "{}" if isinstance(value, dict) else "[]"


def _scalar(value: Any, plain: re.Pattern[str] = PLAIN) -> str:
    if type(value) is str:
        return _string(value, plain)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    if isinstance(value, int | float):
        return json.dumps(value)
    return _string(str(value), plain)


@lru_cache(maxsize=4096)  # keys, IRIs and kinds recur on every line
def _string(text: str, plain: re.Pattern[str]) -> str:
    looks_plain = (plain is PLAIN and PLAIN_PROSE.fullmatch(text)) or plain.fullmatch(text)
    if looks_plain and text.lower() not in NOT_PLAIN:
        return text
    return UNPRINTABLE.sub(_escaped, _json_string(text))


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def flow(value: Any) -> str:
    """A record as one YAML flow mapping; scalars in JSON form, which YAML 1.2 reads alike."""
    if isinstance(value, str):  # what json.dumps does for a string, at a third of the cost
        quoted = _json_string(value)  # and what YAML refuses raw (C1 controls, a BOM) escaped
        return UNPRINTABLE.sub(_escaped, quoted) if UNPRINTABLE.search(quoted) else quoted
    if isinstance(value, dict):
        return "{" + ", ".join([f"{key}: {flow(item)}" for key, item in value.items()]) + "}"
    if isinstance(value, list):
        return "[" + ", ".join([flow(item) for item in value]) + "]"
    if type(value) is int:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def render(draft: Draft) -> str:
    """The draft as YAML, with a last line that tells an untouched draft from a curated one."""
    data = {key: value for key, value in draft.data.items() if key != "draft"}
    block = draft.data["draft"]
    parts = [HEADER, block_yaml(data), "draft:\n"]
    for key, value in block.items():
        if not isinstance(value, list) or all(not isinstance(v, dict | list) for v in value):
            parts.append(f"  {key}: {flow(value)}\n")
        elif key in RECORDS:
            parts.append(f"  {key}:" + ("\n" if value else " []\n"))
            parts.extend(f"  - {flow(item)}\n" for item in value)
        else:
            parts.append("".join(f"  {line}\n" for line in block_yaml({key: value}).splitlines()))
    return fingerprinted("".join(parts), FINGERPRINT)


def is_untouched_draft(content: str) -> bool:
    """True if ``content`` is a draft exactly as extract wrote it (so it may be replaced)."""
    return is_untouched(content, FINGERPRINT)


def write_draft(draft: Draft, output: Path, max_yaml_nodes: int) -> list[Path]:
    """Write the draft (and the UTF-8 text it refers to, if converted); never over a curation."""
    if output.exists():
        try:
            current = output.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            current = ""
        if not is_untouched_draft(current):
            raise InputError(
                f"{output}: an annotation that has been curated (or edited) is already there; "
                "extract never overwrites a curation",
                hint="write the new draft elsewhere with -o and compare the two",
            )
    content = render(draft)
    # What is written, ingest must read. The rendering reads back as the very data it was made
    # of (the emitter's tests prove it for any strings), so the data is checked as ingest checks
    # what it reads: its values (their number, no control characters) and the schema. Parsing
    # the rendering again took a third of extraction's time.
    try:
        check_structure(Loaded(as_read(draft.data, str(output), max_yaml_nodes)), str(output))
    except InputError as exc:
        raise InputError(
            f"{output}: the draft was not written: it would not read back as ingest reads it: "
            f"{exc.message}",
            hint=exc.hint,
        ) from None
    written = []
    if draft.converted:
        text_path = output.parent / draft.text_name
        if text_path.exists() and text_path.read_text("utf-8") != draft.text:
            raise InputError(
                f"{text_path}: a different text is already there",
                hint="write the draft to another folder with -o",
            )
        text_path.write_text(draft.text, "utf-8")
        written.append(text_path)
    output.write_text(content, "utf-8")
    written.append(output)
    return written
