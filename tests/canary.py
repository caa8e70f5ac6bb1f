"""A real HTTP server on loopback that counts every connection: what no user query may reach."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socket import socket
from typing import Any

EMPTY_RESULTS = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


class _Answer(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
        self.end_headers()
        self.wfile.write(EMPTY_RESULTS)

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self._answer()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


class Canary(ThreadingHTTPServer):
    """Answers every request with empty SPARQL results, and counts connections before that."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Answer)
        self.connections = 0
        self._lock = threading.Lock()

    def verify_request(self, request: socket | tuple[bytes, socket], client: Any) -> bool:
        with self._lock:
            self.connections += 1
        return True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


@contextmanager
def running_canary() -> Iterator[Canary]:
    canary = Canary()
    thread = threading.Thread(target=canary.serve_forever, daemon=True)
    thread.start()
    try:
        yield canary
    finally:
        canary.shutdown()
        canary.server_close()
