"""SELECT queries to a remote SPARQL endpoint (Wikidata's, a mirror, Virtuoso) with SPARQLWrapper.

Every request has a time limit (SPARQLWrapper's default is none), a User-Agent naming the project
(Wikimedia's policy asks for one) and a cap on the size of the answer. What comes back is trusted
only when it is complete: a ``206 Partial Content`` or an ``X-SQL-State`` header (Virtuoso's
"anytime query" answers, cut at its time limit) is an incomplete answer and an error, never a
result. So are answers that are not SPARQL JSON. An endpoint that cannot be reached, or answers
an error status, is a :class:`RemoteError` with a message that says which endpoint and what to do.
"""

from __future__ import annotations

import json
import math
import time
import urllib.error
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from kgdebate import __version__
from kgdebate.errors import RemoteError

USER_AGENT = f"kgdebate/{__version__} (knowledge graph of foreign-policy debates)"
MAX_ANSWER_BYTES = 20_000_000
CHUNK_BYTES = 65_536
RESULTS_JSON = "application/sparql-results+json"

Row = dict[str, ox.NamedNode | ox.Literal]


@dataclass(frozen=True)
class Endpoint:
    """Where to send queries, and how long to wait for an answer."""

    url: str
    timeout_s: float

    def __post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise RemoteError(f"SPARQL endpoint {self.url!r}: not an http(s) URL")
        if not self.timeout_s > 0:
            raise RemoteError("the remote timeout must be a positive number of seconds")


def select(endpoint: Endpoint, query: str) -> tuple[list[str], list[Row]]:
    """The variables and rows of a SELECT ``query``; blank nodes come back as unbound."""
    wrapper = SPARQLWrapper(endpoint.url, agent=USER_AGENT)
    wrapper.setMethod(POST)
    wrapper.setReturnFormat(JSON)
    wrapper.setTimeout(max(1, math.ceil(endpoint.timeout_s)))  # whole seconds; 0 means none
    wrapper.setQuery(query)
    where = f"SPARQL endpoint {endpoint.url}"
    try:
        deadline = time.monotonic() + endpoint.timeout_s
        with closing(wrapper.query().response) as response:
            status = response.getcode()
            headers = response.info()
            answered_from = response.geturl()
            body = _read_until(response, deadline)
    except TimeoutError:  # socket.timeout is TimeoutError
        raise RemoteError(
            f"{where} did not answer within {endpoint.timeout_s:g} s",
            hint="try again later, or raise the remote_timeout_s setting",
        ) from None
    except urllib.error.HTTPError as exc:
        raise RemoteError(f"{where} answered HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        raise RemoteError(
            f"{where} cannot be reached ({_reason(exc)})",
            hint="check the URL and the network, or choose another endpoint",
        ) from None
    except SPARQLWrapperException as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RemoteError(f"{where} refused the query: {first_line[:200]}") from None
    except OSError as exc:
        raise RemoteError(f"{where} cannot be reached ({type(exc).__name__})") from None
    if answered_from != endpoint.url:  # urllib follows redirects; an answer from elsewhere is
        raise RemoteError(  # not the endpoint's (the allowlist names the endpoint, not targets)
            f"{where} redirected the query elsewhere; the answer was not used",
            hint="configure the endpoint's final URL",
        )
    if status == 206 or headers.get("X-SQL-State"):
        raise RemoteError(
            f"{where} sent an incomplete answer (HTTP {status}, "
            f"X-SQL-State {headers.get('X-SQL-State') or '-'}): it cut the result at its limits",
            hint="make the query more selective; a partial answer is never used",
        )
    if len(body) > MAX_ANSWER_BYTES:
        raise RemoteError(f"{where} sent more than {MAX_ANSWER_BYTES} bytes; nothing was used")
    media_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if media_type not in (RESULTS_JSON, "application/json"):
        raise RemoteError(f"{where} did not answer SPARQL JSON (Content-Type {media_type!r})")
    return _parse(body, where)


def _read_until(response: Any, deadline: float) -> bytes:
    """The body, up to one byte past the cap; the socket timeout bounds each read, this the sum."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_ANSWER_BYTES:
        chunk = response.read1(min(CHUNK_BYTES, MAX_ANSWER_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)


def _reason(exc: urllib.error.URLError) -> str:
    reason = exc.reason
    if isinstance(reason, TimeoutError):
        return "timed out"
    return reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)


def _parse(body: bytes, where: str) -> tuple[list[str], list[Row]]:
    try:
        answer = json.loads(body)
        variables = [ox.Variable(str(v)).value for v in answer["head"]["vars"]]
        bindings = answer["results"]["bindings"]
        rows = [dict(_terms(binding)) for binding in bindings]
    except (ValueError, KeyError, TypeError):
        raise RemoteError(f"{where} sent an answer that is not valid SPARQL JSON") from None
    return variables, rows


def _terms(binding: dict[str, Any]) -> Iterator[tuple[str, ox.NamedNode | ox.Literal]]:
    """SPARQL JSON terms as pyoxigraph terms (which check IRIs and language tags)."""
    for name, value in binding.items():
        kind, text = value["type"], value["value"]
        if kind == "uri":
            yield name, ox.NamedNode(text)
        elif kind in ("literal", "typed-literal"):
            if "xml:lang" in value:
                yield name, ox.Literal(text, language=value["xml:lang"])
            elif "datatype" in value:
                yield name, ox.Literal(text, datatype=ox.NamedNode(value["datatype"]))
            else:
                yield name, ox.Literal(text)
        # blank nodes are local to the remote answer: left unbound
