"""The real server reached directly by hostile clients (issue 10, 4, 7 and 8): chunked bodies are
capped like sized ones, slow clients are cut off at a deadline, gunicorn's own errors have the
app's JSON shape, a doubled slash is no open redirect, and two servers share no control socket."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgdebate.store import OxigraphStore

from live_server import LOCAL, LiveServer, fetch

MAX_BYTES = 100_000
HEADER_TIMEOUT_S = 2


@pytest.fixture(scope="module")
def snapshot(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("public") / "store"
    built.backup(path)
    return path


@pytest.fixture(scope="module")
def server(snapshot: Path) -> Iterator[LiveServer]:
    """One gunicorn process with four threads: what slow clients would take first."""
    live = LiveServer(
        snapshot,
        snapshot.parent / "server.log",
        server_workers="1",
        max_request_bytes=str(MAX_BYTES),
        header_timeout_s=str(HEADER_TIMEOUT_S),
    )
    with live.serving():
        yield live


def _raw(server: LiveServer, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are; the status, headers and body of the answer."""
    with socket.create_connection((LOCAL, server.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return int(status_line.split()[1]), {k.lower(): v for k, v in headers.items()}, body


def _chunked_post(server: LiveServer, size: int) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(LOCAL, server.port, timeout=30)
    connection.putrequest("POST", "/sparql")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.putheader("Content-Type", "application/x-www-form-urlencoded")
    connection.putheader("Accept", "application/sparql-results+json")
    connection.endheaders()
    body = b"query=ASK%7B%7D&padding=" + b"a" * size
    try:
        for start in range(0, len(body), 16384):
            piece = body[start : start + 16384]
            connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
        connection.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server may answer 413 and close before the whole body is sent
    response = connection.getresponse()
    answer = (response.status, response.read())
    connection.close()
    return answer


def test_a_chunked_body_over_the_cap_is_refused_with_413(server: LiveServer) -> None:
    status, body = _chunked_post(server, MAX_BYTES // 2)
    assert status == 200 and json.loads(body)["boolean"] is True
    status, body = _chunked_post(server, MAX_BYTES * 6)
    assert status == 413
    assert json.loads(body) == {"error": "request too large", "code": "request-too-large"}


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"y" * 9000 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(150)) + b"\r\n", 431),
        (b"NOT HTTP AT ALL\r\n\r\n", 400),
    ],
)
def test_errors_before_the_app_have_its_json_shape(
    server: LiveServer, request_bytes: bytes, status: int
) -> None:
    got, headers, body = _raw(server, request_bytes)
    assert got == status
    assert headers["content-type"] == "application/json"
    answer = json.loads(body)
    assert set(answer) == {"error", "code"} and b"aaaa" not in body and b"yyyy" not in body


def test_a_doubled_slash_is_not_found_never_redirected_by_the_host_header(
    server: LiveServer,
) -> None:
    for path in ("/queries//claims-by-side", "/def//kgdebate", "/exports//document/x"):
        request = f"GET {path} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        status, headers, body = _raw(server, request.encode())
        assert status == 404, path
        assert "location" not in headers and b"evil.example" not in body


def test_a_browser_gets_an_error_page_and_a_client_json(server: LiveServer) -> None:
    browser = urllib.request.Request(
        server.base_url + "no/such/page",
        headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
    )
    try:
        urllib.request.urlopen(browser, timeout=10)
    except urllib.error.HTTPError as error:
        with error:
            page = error.read().decode()
            assert error.code == 404 and error.headers.get_content_type() == "text/html"
    assert "<h1>404: not found</h1>" in page and "search" in page.lower()
    status, body = fetch(server.base_url + "no/such/page")  # Accept: */*
    assert status == 404 and json.loads(body) == {"error": "not found", "code": "not-found"}


@pytest.mark.parametrize(
    ("path", "status", "code", "said"),
    [
        ("no/such/page", 404, "not-found", "not found"),
        ("queries/claims-about-an-actor?actor=zzz-no-such-actor", 400, "bad-parameter", "actor"),
        ("sparql?query=INSERT%20DATA%20%7B%7D", 400, "update-refused", "read-only"),
    ],
)
def test_each_error_is_a_page_to_a_browser_and_json_to_a_client(
    server: LiveServer, path: str, status: int, code: str, said: str
) -> None:
    """A missing page, a bad parameter and a refused query: the same status either way."""
    for accept in ("text/html,application/xhtml+xml,*/*;q=0.8", "application/json"):
        request = urllib.request.Request(server.base_url + path, headers={"Accept": accept})
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(request, timeout=10)
        error = raised.value
        with error:
            body = error.read().decode()
            assert error.code == status
            if accept.startswith("text/html"):
                assert error.headers.get_content_type() == "text/html"
                assert body.startswith("<!doctype html>") and "<nav" in body  # the site's layout
                assert said in body
            else:
                answer = json.loads(body)
                assert answer["code"] == code and said in answer["error"]


def test_slow_clients_are_cut_off_and_others_answered(server: LiveServer) -> None:
    """Eight clients that send a header line a second would hold the four threads for good."""
    cut_after: list[float] = []

    def trickle() -> None:
        started = time.monotonic()
        with socket.create_connection((LOCAL, server.port), timeout=60) as sock:
            sock.sendall(b"GET /health HTTP/1.1\r\n")
            try:
                for line in range(40):
                    time.sleep(1)
                    sock.sendall(b"X-%d: y\r\n" % line)  # fails soon after the server hangs up
            except OSError:
                pass
        cut_after.append(time.monotonic() - started)

    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    status, _ = fetch(server.base_url + "health", timeout=30)
    assert status == 200
    for thread in threads:
        thread.join(timeout=60)
    assert len(cut_after) == 8 and max(cut_after) < 30  # cut, long before their 40 lines


def test_two_servers_share_no_control_socket(
    snapshot: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    first = LiveServer(snapshot, tmp_path / "first.log")
    second = LiveServer(snapshot, tmp_path / "second.log")
    with second.serving():
        with first.serving():
            assert fetch(first.base_url + "health")[0] == 200
        assert fetch(second.base_url + "health")[0] == 200  # the other one's stop left it alone
    assert not (tmp_path / ".gunicorn").exists()
