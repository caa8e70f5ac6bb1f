"""The remote SPARQL client against endpoints that misbehave, served for real on 127.0.0.1.

Virtuoso is not installed here, so a small HTTP server answers as Virtuoso does when its
"anytime query" limit cuts a result (206 Partial Content with ``X-SQL-State: S1TAT``), as a
hanging endpoint does, and as a proxy's HTML error page does. The well-behaved case is the real
server (``test_linking.py``, ``test_federation.py``).
"""

from __future__ import annotations

import json
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgdebate.errors import RemoteError
from kgdebate.remote import USER_AGENT, Endpoint, select

ANSWER = json.dumps(
    {
        "head": {"vars": ["x", "y"]},
        "results": {
            "bindings": [
                {
                    "x": {"type": "uri", "value": "http://www.wikidata.org/entity/Q212"},
                    "y": {"type": "literal", "value": "Ukraine", "xml:lang": "en"},
                },
                {"x": {"type": "bnode", "value": "b0"}},
            ]
        },
    }
).encode()
SEEN: list[tuple[int, str, dict[str, str]]] = []  # (server port, path, headers) of each request


class Misbehaving(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        SEEN.append((self.server.server_address[1], self.path, dict(self.headers)))
        status, headers, body = 200, {"Content-Type": "application/sparql-results+json"}, ANSWER
        if self.path == "/partial":
            status = 206
        elif self.path == "/sql-state":
            headers["X-SQL-State"] = "S1TAT"
        elif self.path == "/html":
            headers["Content-Type"] = "text/html"
            body = b"<html><body>Service unavailable</body></html>"
        elif self.path == "/broken-json":
            body = b'{"head": {"vars": ['
        elif self.path == "/error":
            status = 500
        elif self.path == "/bad-variable":
            body = b'{"head": {"vars": ["x } ?y"]}, "results": {"bindings": []}}'
        elif self.path.startswith("/redirect?to="):  # an open redirect
            status, headers["Location"] = 307, self.path.split("=", 1)[1]
        elif self.path == "/slow":
            time.sleep(3)
        elif self.path == "/drip":  # each byte in time, the whole far too late
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(ANSWER)))
            self.end_headers()
            for byte in ANSWER[:20]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.3)
            return
        elif self.path == "/drip-headers":  # each header byte in time, the headers far too late
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
            for byte in head:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.3)
            return
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST  # noqa: N815 - where a client that follows a 302 would go

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serving(certificate: tuple[Path, Path] | None = None) -> Iterator[str]:
    """The misbehaving endpoint on a free port; over TLS with ``certificate`` (cert, key)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    scheme = "http"
    if certificate is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*certificate)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serving() as url:
        yield url


@pytest.fixture(scope="module")
def internal() -> Iterator[str]:
    """A second server, standing for an internal host that no request may reach."""
    with serving() as url:
        yield url


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made by the openssl command."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


@pytest.fixture(scope="module")
def tls(certificate: tuple[Path, Path]) -> Iterator[str]:
    with serving(certificate) as url:
        yield url


def test_an_untrusted_certificate_is_refused(tls: str) -> None:
    with pytest.raises(RemoteError, match="cannot be reached .*CERTIFICATE_VERIFY_FAILED"):
        select(Endpoint(tls + "/ok", 5), "SELECT * WHERE { ?x ?p ?y }")


@pytest.mark.parametrize("path", ["/ok", "/drip", "/drip-headers"])
def test_https_answers_and_time_limits(
    tls: str, certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    """With the certificate trusted (OpenSSL reads SSL_CERT_FILE), the same rules hold."""
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    started = time.monotonic()
    if path == "/ok":
        assert select(Endpoint(tls + path, 5), "SELECT * WHERE { ?x ?p ?y }")[0] == ["x", "y"]
        return
    with pytest.raises(RemoteError, match="did not answer within 1 s"):
        select(Endpoint(tls + path, 1), "SELECT * WHERE { ?x ?p ?y }")
    assert time.monotonic() - started < 1.4


def test_a_complete_answer_becomes_terms(base: str) -> None:
    names, rows = select(Endpoint(base + "/ok", 5), "SELECT * WHERE { ?x ?p ?y }")
    assert names == ["x", "y"]
    assert rows == [
        {
            "x": ox.NamedNode("http://www.wikidata.org/entity/Q212"),
            "y": ox.Literal("Ukraine", language="en"),
        },
    ]  # the row binding a blank node is left out: it could equal nothing here
    assert SEEN[-1][2]["User-Agent"] == USER_AGENT and "kgdebate" in USER_AGENT


@pytest.mark.parametrize("path", ["/partial", "/sql-state"])
def test_partial_answers_are_refused(base: str, path: str) -> None:
    with pytest.raises(RemoteError, match="incomplete answer") as refused:
        select(Endpoint(base + path, 5), "SELECT * WHERE { ?x ?p ?y }")
    assert "never used" in str(refused.value)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/html", "did not answer SPARQL JSON"),
        ("/broken-json", "not valid SPARQL JSON"),
        ("/error", "answered HTTP 500|refused the query"),
        ("/bad-variable", "not valid SPARQL JSON"),
    ],
)
def test_bad_answers_are_clear_errors(base: str, path: str, message: str) -> None:
    with pytest.raises(RemoteError, match=message):
        select(Endpoint(base + path, 5), "SELECT * WHERE { ?x ?p ?y }")


@pytest.mark.parametrize("absolute", [True, False])
def test_a_redirect_is_refused_and_never_followed(base: str, internal: str, absolute: bool) -> None:
    target = internal + "/ok" if absolute else "/ok"
    asked = [(port, path) for port, path, _ in SEEN]
    with pytest.raises(RemoteError, match="answered with a redirect") as refused:
        select(Endpoint(f"{base}/redirect?to={target}", 5), "SELECT * WHERE { ?x ?p ?y }")
    assert f"HTTP 307) to {target}" in str(refused.value) and "final URL" in str(refused.value)
    assert len(SEEN) == len(asked) + 1  # the redirecting request, and nothing after it
    assert SEEN[-1][1].startswith("/redirect")


@pytest.mark.parametrize("path", ["/slow", "/drip", "/drip-headers"])
def test_the_time_limit_bounds_the_whole_answer(base: str, path: str) -> None:
    """Each drip comes well within a socket timeout; the whole would take over 5 s."""
    limit = 1.0
    started = time.monotonic()
    with pytest.raises(RemoteError, match=f"did not answer within {limit:g} s"):
        select(Endpoint(base + path, limit), "SELECT * WHERE { ?x ?p ?y }")
    assert time.monotonic() - started < limit + 0.4


@pytest.mark.parametrize(
    ("url", "timeout"),
    [
        ("file:///etc/passwd", 5.0),
        ("http://x/", 0.0),
        ("http:///sparql", 5.0),
        ("http://x:port/", 5.0),
    ],
)
def test_endpoint_settings_are_checked(url: str, timeout: float) -> None:
    with pytest.raises(RemoteError):
        Endpoint(url, timeout)
