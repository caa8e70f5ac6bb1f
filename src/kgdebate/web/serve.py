"""``kgdebate serve``: the app under gunicorn, a production WSGI server, never Flask's own."""

from __future__ import annotations

import json
import socket
import sys
from typing import Any

import gunicorn.util
from flask import Flask
from gunicorn.app.base import BaseApplication

from kgdebate.config import Settings
from kgdebate.errors import KgdebateError
from kgdebate.sandbox import probe
from kgdebate.web import create_app
from kgdebate.web.errors import MESSAGES, error_code
from kgdebate.web.read_deadline import worker_class


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self._settings = settings
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        # Called in each worker after the fork: RocksDB (under the store) does not survive a
        # fork, so the master never opens the store and every worker opens its own.
        return create_app(self._settings)


def serve(settings: Settings) -> None:
    """Serve until stopped; each worker process creates the app and opens the store itself."""
    warn_if_workers_reach_the_network()
    gunicorn.util.write_error = write_json_error  # read by gunicorn's workers at each error
    options = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.server_workers,
        "threads": 4,
        "worker_class": worker_class(settings.header_timeout_s, settings.body_timeout_s),
        "timeout": int(settings.query_timeout_s) + 30,
        "accesslog": "-",
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        # gunicorn's control socket is one path per user ($HOME/.gunicorn/gunicorn.ctl): a second
        # server would take it over and stopping either would delete it. Nothing here uses it.
        "control_socket_disable": True,
    }
    _Server(settings, options).run()


def refuse_a_busy_port(host: str, port: int) -> None:
    """A clear error, at once, when something already listens on ``host:port``: gunicorn would
    retry for five seconds, log five lines and exit 1."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise KgdebateError(
            f"cannot listen on {host}: {exc.strerror}", hint="check --host"
        ) from None
    with socket.socket(family, kind, proto) as trial:
        trial.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            trial.bind(address)
        except OSError as exc:
            raise KgdebateError(
                f"cannot listen on {host}:{port}: {exc.strerror}",
                hint="another server may hold the port: stop it, or pick another with --port",
            ) from None


def warn_if_workers_reach_the_network() -> None:
    """Say loudly, at start, when query workers cannot be cut off the network."""
    why = probe()
    if why is not None:
        line = "=" * 78
        sys.stderr.write(
            f"{line}\nWARNING: query workers will run WITH network access ({why}).\n"
            "The query guard still refuses SERVICE off the allowlist, but there is no second "
            'line of defence.\nSee README, "Running in public".\n'
            f"{line}\n"
        )


def write_json_error(sock: socket.socket, status: int, reason: str, detail: str) -> None:
    """gunicorn's own errors (a request line over 8 KB: 414; too many or too large header
    fields: 431 or 400; a malformed request: 400) in the app's JSON shape, never its HTML page;
    ``detail`` may quote the request and is never sent back."""
    body = json.dumps({"error": MESSAGES.get(status, "bad request"), "code": error_code(status)})
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body.encode())}\r\n"
        "X-Content-Type-Options: nosniff\r\n\r\n"
    )
    gunicorn.util.write_nonblock(sock, head.encode("latin-1") + body.encode())
