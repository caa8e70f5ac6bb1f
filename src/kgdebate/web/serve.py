"""``kgdebate serve``: the app under gunicorn, a production WSGI server, never Flask's own."""

from __future__ import annotations

from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from kgdebate.config import Settings
from kgdebate.web import create_app


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, app: Flask, options: dict[str, Any]) -> None:
        self._app = app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._app


def serve(settings: Settings) -> None:
    """Serve until stopped. Workers fork after the app (and its read-only store) is created."""
    options = {
        "bind": f"{settings.host}:{settings.port}",
        "workers": settings.server_workers,
        "threads": 4,
        "worker_class": "gthread",
        "timeout": int(settings.query_timeout_s) + 30,
        "accesslog": "-",
        "limit_request_line": 8190,
        "limit_request_fields": 100,
    }
    _Server(create_app(settings), options).run()
