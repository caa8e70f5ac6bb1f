"""gunicorn's threaded worker, with a deadline for reading each request from the client.

gunicorn's gthread worker hands a connection to a thread once its first bytes arrive, and the
thread then reads the request with blocking calls and no limit: a client that sends one header
line every two seconds holds the thread for as long as it likes, and a handful of them took every
thread (measured: eight such clients made normal requests time out). Here every read on a
connection has a deadline: the whole request line and headers within ``header_timeout_s`` of the
thread taking the request, the body within ``body_timeout_s`` after that. A client past its
deadline is disconnected, as if it had hung up; nothing else changes.

Behind a buffering reverse proxy (README, "Running in public") slow clients never reach the
server at all; this deadline is for the server reached directly.
"""

from __future__ import annotations

import errno
import selectors
import socket
import time
from typing import Any

from gunicorn.workers.gthread import ThreadWorker


class _DeadlineSocket:
    """A connected socket whose ``recv`` gives up at ``deadline`` (``time.monotonic``)."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.deadline: float | None = None

    def recv(self, size: int, *flags: int) -> bytes:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            with selectors.DefaultSelector() as selector:
                selector.register(self._sock, selectors.EVENT_READ)
                if left <= 0 or not selector.select(left):
                    # gthread logs a reset at debug level and closes the connection
                    raise ConnectionResetError(errno.ECONNRESET, "request read deadline passed")
        return self._sock.recv(size, *flags)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class DeadlineWorker(ThreadWorker):  # type: ignore[misc]
    """The gthread worker, reading each request under a deadline (:func:`worker_class`)."""

    header_timeout_s = 10.0
    body_timeout_s = 30.0

    def handle(self, conn: Any) -> Any:
        if not conn.initialized and not isinstance(conn.sock, _DeadlineSocket):
            conn.sock = _DeadlineSocket(conn.sock)  # before the parser takes the socket
        if isinstance(conn.sock, _DeadlineSocket):
            conn.sock.deadline = time.monotonic() + self.header_timeout_s
        return super().handle(conn)

    def handle_request(self, req: Any, conn: Any) -> Any:
        if isinstance(conn.sock, _DeadlineSocket):  # the headers are in: the body may follow
            conn.sock.deadline = time.monotonic() + self.body_timeout_s
        return super().handle_request(req, conn)


def worker_class(header_timeout_s: float, body_timeout_s: float) -> type[DeadlineWorker]:
    """The worker class gunicorn is given, with the deadlines of the settings."""
    return type(
        "DeadlineWorker",
        (DeadlineWorker,),
        {"header_timeout_s": header_timeout_s, "body_timeout_s": body_timeout_s},
    )
