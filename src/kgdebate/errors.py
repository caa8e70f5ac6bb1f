"""The errors kgdebate raises on purpose, each with a hint that says what to do."""

from __future__ import annotations


class KgdebateError(Exception):
    """Base class: a message for the user, and an optional hint."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:  # whole across processes
        return type(self), (self.message, self.hint)


class InputError(KgdebateError):
    """An input file is unreadable, malformed or inconsistent (exit code 2)."""


class UnresolvedReference(InputError):
    """The annotation names something that is neither in the file nor in the store (yet)."""


class ShapeViolation(KgdebateError):
    """The document's RDF breaks a SHACL shape (exit code 1)."""

    exit_code = 1


class QueryError(KgdebateError):
    """A SPARQL query was refused or failed."""


class ParameterError(QueryError):
    """A query parameter's value is not valid, names nothing, or names several things.

    The message never quotes the value (a web page shows it in its form field instead); the
    candidates of an ambiguous name are (IRI, label) pairs from the store.
    """

    def __init__(
        self,
        parameter: str,
        problem: str,
        candidates: tuple[tuple[str, str], ...] = (),
        hint: str | None = None,
    ) -> None:
        lines = [f"parameter {parameter}: {problem}"]
        lines += [f"  {iri}  ({label})" for iri, label in candidates]
        super().__init__("\n".join(lines), hint)
        self.parameter, self.problem, self.candidates = parameter, problem, candidates

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), (self.parameter, self.problem, self.candidates, self.hint)


class StoreError(KgdebateError):
    """The store is missing something it needs, or cannot be opened."""


class RemoteError(KgdebateError):
    """A remote SPARQL endpoint could not be reached, refused, or answered incompletely."""
