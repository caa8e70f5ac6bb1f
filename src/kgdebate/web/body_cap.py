"""The request body cap (``max_request_bytes``) for every transfer encoding.

Werkzeug checks ``Content-Length`` against the cap, but a chunked body has none: its stream is cut
at the cap and the rest silently dropped, so a 12 MB chunked form was answered 200 from its first
megabyte. Here a chunked body is read whole, up to one byte past the cap, before Flask sees the
request: over the cap it is refused with 413 (and the connection closed, as the rest is unread);
within it, the request continues as if it had been sent with a ``Content-Length``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from werkzeug.exceptions import RequestEntityTooLarge

WSGIApp = Any  # (environ, start_response) -> Iterable[bytes]
TOO_LARGE = "kgdebate.body_too_large"


class BodyCap:
    """WSGI middleware: chunked bodies are buffered and capped like sized ones."""

    def __init__(self, app: WSGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if chunked and not environ.get("CONTENT_LENGTH"):
            body = environ["wsgi.input"].read(self.max_bytes + 1)
            if len(body) > self.max_bytes:
                environ[TOO_LARGE] = True
                body = b""
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)  # type: ignore[no-any-return]


def refuse_if_too_large(environ: dict[str, Any]) -> None:
    """Called before each request: a body found over the cap is a 413 in the app's own shape."""
    if environ.get(TOO_LARGE):
        raise RequestEntityTooLarge()
