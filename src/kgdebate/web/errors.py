"""One error body for the whole app: short, stable, never echoing input (security.md 3b)."""

from __future__ import annotations

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "bad request",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    406: "not acceptable",
    413: "request too large",
    414: "URI too long",
    415: "unsupported media type",
    429: "too many requests",
    500: "internal error",
    503: "service unavailable",
}


class Refused(Exception):
    """A request refused with a status and a stable code; the message is ours, never the input."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


def error_response(status: int, code: str, message: str | None = None) -> Response:
    """``{"error": message, "code": code}``; the message is ours, never the input's."""
    response = jsonify(error=message or MESSAGES.get(status, "error"), code=code)
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(Refused)
    def refused(exc: Refused) -> Response:
        response = error_response(exc.status, exc.code, exc.message)
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        response = error_response(status, MESSAGES.get(status, "error").replace(" ", "-"))
        if status == 405 and exc.valid_methods:  # type: ignore[attr-defined]
            response.headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        app.logger.exception("unexpected error")
        return error_response(500, "internal-error")
