"""The structural check: the published JSON Schema, then references inside the file.

Every problem is reported with the file, the line and the field, all at once, so a curator
can fix a file in one pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:  # jsonschema is imported only to explain an invalid file (50 ms saved per start)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from kgdebate.errors import InputError
from kgdebate.ingest.yamlstrict import Loaded, Path_
from kgdebate.namespaces import JSON_SCHEMA_DRAFT_7


@cache
def annotation_schema() -> dict[str, Any]:
    """The JSON Schema of annotation files (``kgdebate/schema/annotation.schema.json``)."""
    text = resources.files("kgdebate.schema").joinpath("annotation.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(annotation_schema())


# The schema's keywords, each of which means the same in draft 7 as in draft 2020-12: so the
# schema compiled as draft 7 accepts exactly what the 2020-12 validator accepts (a test holds
# both to this list, and to the same answers on thousands of broken files).
SAME_IN_DRAFT_7 = frozenset(
    {"$schema", "$id", "title", "description", "type", "properties", "additionalProperties",
     "required", "items", "enum", "const", "pattern", "minLength", "maxLength", "minimum",
     "maximum", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "allOf",
     "oneOf", "not", "if", "then"}
)  # fmt: skip


@cache
def _accepts() -> Callable[[Any], Any]:
    """The schema compiled to Python (fastjsonschema): it tells a valid file about ten times
    faster than jsonschema (a long draft is checked each time it is written), which then says,
    for an invalid one, what is wrong and where.

    Compiled without its exceptions' details (which keyword failed, on what): jsonschema says
    that. The details are most of the code to compile: 0.03 s for the first check a process
    makes, where it was 0.11 s (twice over when `extract FILE...` drafts in two processes)."""
    schema = {**_const_as_enum(annotation_schema()), "$schema": JSON_SCHEMA_DRAFT_7}
    return fastjsonschema.compile(schema, use_default=False, detailed_exceptions=False)


def _const_as_enum(schema: Any) -> Any:
    """The schema with each ``const`` written as the ``enum`` of its one value, which means the
    same (JSON Schema validation, 6.1.3). fastjsonschema 2.22 cannot compile ``const`` without
    the details (its message names one it was not given). ``properties`` is the only keyword
    whose keys are names, not keywords (SAME_IN_DRAFT_7 lists those the schema uses)."""
    if isinstance(schema, list):
        return [_const_as_enum(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    rewritten: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "properties":
            rewritten[key] = {name: _const_as_enum(inner) for name, inner in value.items()}
        elif key in ("enum", "const"):  # values, not schemas
            rewritten[key] = value
        else:
            rewritten[key] = _const_as_enum(value)
    if "const" in rewritten:
        only = {"enum": [rewritten.pop("const")]}
        if "enum" in rewritten:  # both: each must hold
            rewritten["allOf"] = [*rewritten.get("allOf", []), only]
        else:
            rewritten.update(only)
    return rewritten


def check_structure(loaded: Loaded, filename: str) -> None:
    """Raise one :class:`InputError` listing every structural problem, or return."""
    # dict.fromkeys: one line per problem (jsonschema reports each missing field of a `required`)
    errors = sorted(  # by line, as the curator reads the file (claims.10 after claims.2)
        _schema_errors(loaded.data), key=lambda e: (loaded.line(tuple(e.absolute_path)), e.message)
    )
    problems = list(dict.fromkeys(_schema_problem(e, loaded, filename) for e in errors))
    if not problems:
        problems = list(_impossible_days(loaded, filename))
    if not problems:
        problems = list(_reference_problems(loaded, filename))
    if problems:
        raise InputError(
            f"{filename}: {len(problems)} problem(s) in the annotation:\n  "
            + "\n  ".join(problems),
            hint="the format is described in src/kgdebate/schema/annotation.schema.json",
        )


DATE_KEYS = ("date", "as_of", "held_on", "until")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _impossible_days(loaded: Loaded, filename: str) -> Iterator[str]:
    """Days the schema's pattern lets through and the calendar does not (2023-02-30)."""
    if not _has_impossible_day(loaded.data):
        return  # the common case, told without keeping every value's path (a fifth of the cost)

    def walk(value: Any, path: Path_) -> Iterator[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                if _no_day(key, item):
                    where = (*path, key)
                    yield (
                        f"{filename}:{loaded.line(where)}: {loaded.field(where)}: {item} "
                        "is no day of the calendar"
                    )
                else:
                    yield from walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*path, index))

    yield from walk(loaded.data, ())


def _has_impossible_day(data: Any) -> bool:
    stack = [data]
    while stack:  # (looks up the few date keys in each mapping: most values are no dates)
        value = stack.pop()
        if isinstance(value, dict):
            if any(_no_day(key, value[key]) for key in DATE_KEYS if key in value):
                return True
            stack.extend([item for item in value.values() if isinstance(item, _NESTED)])
        elif isinstance(value, list):
            stack.extend([item for item in value if isinstance(item, _NESTED)])
    return False


_NESTED = (dict, list)  # (a tuple: isinstance checks it faster than `dict | list`)


def _no_day(key: Any, value: Any) -> bool:
    """A date field's day that the calendar does not have."""
    if key not in DATE_KEYS or not isinstance(value, str) or not _DAY.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return True
    return False


def _schema_errors(data: Any) -> list[ValidationError]:
    try:
        _accepts()(data)
    except fastjsonschema.JsonSchemaException:
        return list(_validator().iter_errors(data))
    return []


def _schema_problem(error: ValidationError, loaded: Loaded, filename: str) -> str:
    path: Path_ = tuple(error.absolute_path)
    return f"{filename}:{loaded.line(path)}: {loaded.field(path)}: {_explain(error)}"


def _explain(error: ValidationError) -> str:
    """A curator-friendly sentence; never echoes long input back."""
    kind = str(error.validator)
    expected: Any = error.validator_value
    schema: Any = error.schema
    instance: Any = error.instance
    if kind == "type" and expected == "string":
        return "must be text: put the value in quotes (YAML reads NO, 1.10 or 0o17 otherwise)"
    if kind == "type":
        return f"must be {expected}"
    if kind == "required":
        missing = [name for name in expected if name not in instance]
        said = f"missing required field(s): {', '.join(missing)}"
        if "side" in missing:  # the one a curator most often has no answer for
            said += " (`side: for`, `side: against`, or `side: none` for a background sentence)"
        return said
    if kind == "additionalProperties":
        return f"unknown field(s); allowed: {', '.join(sorted(schema.get('properties', {})))}"
    if kind == "enum":
        return f"must be one of: {', '.join(map(str, expected))}"
    if kind == "pattern":
        return f"has the wrong form: {schema.get('description', 'see the schema')}"
    if kind == "const":
        return f"must be {expected!r}"
    if kind == "oneOf":
        return "must name exactly one cited thing (event, statistic, statement, actor, document…)"
    if kind == "not" and isinstance(expected, dict) and "description" in expected:
        return str(expected["description"])
    return error.message if len(error.message) < 200 else kind


def _reference_problems(loaded: Loaded, filename: str) -> Iterator[str]:
    """Ids are unique per section; themes and claims a file refers to are defined in that file.

    Statistics, statements and sources are shared between documents: one that is not defined
    here must already be in the store, which the ingester checks against the store.
    """
    data = loaded.data
    defined: dict[str, set[str]] = {}
    sections = {
        "claims": ("claims",),
        "statistics": ("statistics",),
        "statements": ("statements",),
        "sources": ("sources",),
        "themes": ("debate", "themes"),
    }
    for name, where in sections.items():
        items = _get(data, where) or []
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item["id"] in seen:
                path: Path_ = (*where, index, "id")
                yield (
                    f"{filename}:{loaded.line(path)}: {loaded.field(path)}: "
                    f"duplicate id {item['id']!r}"
                )
            seen.add(item["id"])
        defined[name] = seen

    def refer(path: Path_, kind: str, value: str) -> Iterator[str]:
        if value not in defined[kind]:
            yield (
                f"{filename}:{loaded.line(path)}: {loaded.field(path)}: "
                f"no {kind[:-1]} with id {value!r} in this file"
            )

    for index, claim in enumerate(data.get("claims", [])):
        base: Path_ = ("claims", index)
        if "theme" in claim:  # a draft's candidate claim may have none yet
            yield from refer((*base, "theme"), "themes", claim["theme"])
        for relation in ("supports", "attacks", "rebuts"):
            for position, target in enumerate(claim.get(relation, [])):
                document, _, local = target.rpartition("/")
                if document and document != data["document"]["id"]:
                    continue  # a claim of another document: checked against the store
                target = local
                yield from refer((*base, relation, position), "claims", target)
                if target == claim["id"]:
                    yield (
                        f"{filename}:{loaded.line((*base, relation))}: a claim cannot "
                        f"{relation[:-1]} itself"
                    )
        for position, target in enumerate(claim.get("restates", [])):
            document, claim_id = target.split("/")
            if document != data["document"]["id"]:
                continue  # a claim of another document: checked against the store
            path = (*base, "restates", position)
            yield from refer(path, "claims", claim_id)
            if claim_id == claim["id"]:
                yield f"{filename}:{loaded.line(path)}: a claim cannot restate itself"


def _get(data: Any, where: tuple[str, ...]) -> Any:
    for key in where:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data
