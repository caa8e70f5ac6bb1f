"""SELECT queries to a remote SPARQL endpoint (Wikidata's, a mirror, Virtuoso) over HTTP(S).

SPARQLWrapper composes each request (the SPARQL 1.1 Protocol's URL-encoded POST, its Accept
header and parameters); :mod:`http.client` sends it, because SPARQLWrapper's own transport
(urllib) follows redirects and bounds each read rather than the whole answer. So nothing happens
that kgdebate did not ask for:

* **No redirect is followed.** A 3xx answer is an error naming the target: following it would
  send a request to a host the allowlist never named (an open redirect on an allowed endpoint
  could point at an internal one).
* **One time limit bounds the whole exchange** (``Endpoint.timeout_s``): connecting waits at most
  that long, and a timer shuts the connection down when the limit is reached, however slowly the
  headers or the body arrive. Name resolution (DNS) happens before and is not bounded by it.
* **An answer is trusted only when complete:** a ``206 Partial Content`` or an ``X-SQL-State``
  header (Virtuoso's "anytime query" answers, cut at its time limit) is an incomplete answer and
  an error, never a result. So are answers over ``MAX_ANSWER_BYTES`` and answers that are not
  SPARQL JSON.

Every request carries a User-Agent naming the project (Wikimedia's policy asks for one). Proxy
settings in the environment are not used. An endpoint that cannot be reached, or answers an
error status, is a :class:`RemoteError` with a message that says which endpoint and what to do.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, URLENCODED, SPARQLWrapper

from kgdebate import __version__
from kgdebate.errors import RemoteError

USER_AGENT = f"kgdebate/{__version__} (knowledge graph of foreign-policy debates)"
MAX_ANSWER_BYTES = 20_000_000
CHUNK_BYTES = 65_536
RESULTS_JSON = "application/sparql-results+json"

Row = dict[str, ox.NamedNode | ox.Literal]


@dataclass(frozen=True)
class Endpoint:
    """Where to send queries, and how long the whole answer may take."""

    url: str
    timeout_s: float

    def __post_init__(self) -> None:
        if not is_http_url(self.url):
            raise RemoteError(f"SPARQL endpoint {self.url!r}: not an http(s) URL")
        if not self.timeout_s > 0:
            raise RemoteError("the remote timeout must be a positive number of seconds")


def is_http_url(url: str) -> bool:
    """An http(s) URL with a host (and a port, if any, that is a number)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def select(endpoint: Endpoint, query: str) -> tuple[list[str], list[Row]]:
    """The variables and rows of a SELECT ``query``.

    A row that binds a blank node is left out: the node is local to the remote answer and can
    equal nothing here, while an unbound variable would join with anything (a federated query's
    VALUES block writes it as UNDEF).
    """
    where = f"SPARQL endpoint {endpoint.url}"
    try:
        status, headers, body = _post(endpoint, query)
    except TimeoutError:  # socket.timeout is TimeoutError
        raise RemoteError(
            f"{where} did not answer within {endpoint.timeout_s:g} s",
            hint="try again later, or raise the remote_timeout_s setting",
        ) from None
    except (OSError, http.client.HTTPException) as exc:
        raise RemoteError(
            f"{where} cannot be reached ({_reason(exc)})",
            hint="check the URL and the network, or choose another endpoint",
        ) from None
    if 300 <= status < 400:
        target = headers.get("Location") or "nowhere"
        raise RemoteError(
            f"{where} answered with a redirect (HTTP {status}) to {target[:200]}; "
            "it was not followed and nothing was used",
            hint="use the final URL as the endpoint (and on the allowlist)",
        )
    if status >= 400:
        raise RemoteError(
            f"{where} answered HTTP {status}",
            hint="HTTP 400 means it refused the query" if status == 400 else None,
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


def _post(endpoint: Endpoint, query: str) -> tuple[int, Message, bytes]:
    """Status, headers and body (up to one byte past the cap) of one POST, within the limit."""
    body, headers = _protocol_request(endpoint, query)
    return exchange(endpoint.url, endpoint.timeout_s, body, headers)


@dataclass(frozen=True)
class Credentials:
    """A user and password for a server that asks for them (HTTP Basic or Digest)."""

    user: str
    password: str = field(repr=False)


def exchange(
    url: str,
    timeout_s: float,
    body: bytes | None,
    headers: dict[str, str],
    credentials: Credentials | None = None,
    method: str = "POST",
) -> tuple[int, Message, bytes]:
    """One HTTP request within ``timeout_s`` in all (answered again, once, with ``credentials``
    when the server asks for them: Digest as RFC 7616 describes, or Basic), never redirected.
    Returns the status, the headers and the body (up to one byte past the cap)."""
    deadline = time.monotonic() + timeout_s
    status, answer_headers, answer = _exchange_once(url, deadline, method, body, headers)
    challenge = answer_headers.get("WWW-Authenticate") or ""
    if status == 401 and credentials is not None and challenge:
        signed = {**headers, "Authorization": _authorization(challenge, credentials, method, url)}
        return _exchange_once(url, deadline, method, body, signed)
    return status, answer_headers, answer


def _exchange_once(
    url: str, deadline: float, method: str, body: bytes | None, headers: dict[str, str]
) -> tuple[int, Message, bytes]:
    parts = urlsplit(url)
    timeout_s = max(0.001, deadline - time.monotonic())
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname or "",
            parts.port,
            timeout=timeout_s,
            context=ssl.create_default_context(),
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout_s)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    with closing(connection):
        connection.connect()
        with _shut_at(connection, deadline) as expired:
            try:
                connection.request(method, target, body, headers)
                response = connection.getresponse()
                answer = _read_capped(response)
            except (OSError, ValueError, http.client.HTTPException):
                if expired.is_set():  # whatever the shutdown made the read raise
                    raise TimeoutError from None
                raise
        if expired.is_set():  # the shutdown may look like a short but normal end of the body
            raise TimeoutError
    return response.status, response.headers, answer


def _authorization(challenge: str, credentials: Credentials, method: str, url: str) -> str:
    """The Authorization header answering a WWW-Authenticate challenge."""
    scheme, _, rest = challenge.partition(" ")
    if scheme.lower() == "basic":
        pair = f"{credentials.user}:{credentials.password}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    if scheme.lower() != "digest":
        raise RemoteError(f"{url} asks for {scheme} authentication, which kgdebate does not speak")
    asked = {
        key.lower(): quoted or bare
        for key, quoted, bare in re.findall(r'(\w+)=(?:"([^"]*)"|([^,\s]*))', rest)
    }
    realm, nonce = asked.get("realm", ""), asked.get("nonce", "")
    algorithm = asked.get("algorithm", "MD5").upper()
    digest = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}.get(algorithm)
    if digest is None:
        raise RemoteError(f"{url} asks for Digest with {algorithm}, which kgdebate does not speak")

    def h(text: str) -> str:
        return digest(text.encode()).hexdigest()

    parts = urlsplit(url)
    uri = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    ha1 = h(f"{credentials.user}:{realm}:{credentials.password}")
    ha2 = h(f"{method}:{uri}")
    fields = {"username": credentials.user, "realm": realm, "nonce": nonce, "uri": uri}
    if "auth" in [q.strip() for q in asked.get("qop", "").split(",")]:
        cnonce = secrets.token_hex(8)
        fields["response"] = h(f"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}")
        extra = f', qop=auth, nc=00000001, cnonce="{cnonce}"'
    else:
        fields["response"] = h(f"{ha1}:{nonce}:{ha2}")
        extra = ""
    if "opaque" in asked:
        fields["opaque"] = asked["opaque"]
    quoted = ", ".join(f'{k}="{v}"' for k, v in fields.items())
    return f"Digest {quoted}, algorithm={algorithm}{extra}"


def _protocol_request(endpoint: Endpoint, query: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers of the protocol request for ``query``, as SPARQLWrapper writes them."""
    wrapper = SPARQLWrapper(endpoint.url, agent=USER_AGENT, returnFormat=JSON)
    wrapper.setMethod(POST)
    wrapper.setRequestMethod(URLENCODED)
    wrapper.setQuery(query)
    request = wrapper._createRequest()  # noqa: SLF001 - the request it would send, not sent
    assert isinstance(request.data, bytes)
    return request.data, {name.title(): value for name, value in request.header_items()}


@contextmanager
def _shut_at(connection: http.client.HTTPConnection, deadline: float) -> Iterator[threading.Event]:
    """Shut the connection down at ``deadline``, which wakes a read or write blocked on it.

    A socket timeout bounds each read, not their sum: an endpoint that sends a byte now and then
    would hold the request for as long as it likes. The event tells that the limit was reached.
    """
    expired = threading.Event()
    sock = connection.sock

    def shut() -> None:
        expired.set()
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, deadline - time.monotonic()), shut)
    timer.daemon = True
    timer.start()
    try:
        yield expired
    finally:
        timer.cancel()
        timer.join()


def _read_capped(response: http.client.HTTPResponse) -> bytes:
    """The body, up to one byte past the cap."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_ANSWER_BYTES:
        chunk = response.read1(min(CHUNK_BYTES, MAX_ANSWER_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def _parse(body: bytes, where: str) -> tuple[list[str], list[Row]]:
    try:
        answer = json.loads(body)
        variables = [ox.Variable(str(v)).value for v in answer["head"]["vars"]]
        bindings = answer["results"]["bindings"]
        rows = [dict(_terms(binding)) for binding in bindings if not _binds_blank_node(binding)]
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


def _binds_blank_node(binding: dict[str, Any]) -> bool:
    return any(value["type"] == "bnode" for value in binding.values())
