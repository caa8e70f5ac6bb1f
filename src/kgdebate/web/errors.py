"""One error shape for the whole app: short, stable, never echoing input (security.md 3b).

API clients get ``{"error": message, "code": code}``; a browser (``Accept`` preferring HTML)
gets the same message and code as a page in the site's layout, with what to do next. Redirects
carry the same shape. Errors gunicorn answers before the app sees the request (a request line
over 8 KB, too many or too large header fields) are written in the JSON shape by
:mod:`kgdebate.web.serve`.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "bad request",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    406: "not acceptable",
    413: "request too large",
    414: "URI too long",
    431: "request header fields too large",
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


NEXT_STEPS = {
    400: "Check the request against the documentation of this page, and send it again.",
    404: "Check the address, or look for the thing by its name in the search.",
    405: "This address answers other methods; a link or a form of the site uses the right one.",
    406: "Ask for one of the formats this address serves.",
    413: "Send a smaller request.",
    429: "Wait a minute: the budget of query time refills, then try again.",
    503: "Try again in a moment.",
}


def error_response(status: int, code: str, message: str | None = None) -> Response:
    """The error as JSON, or as a page for a browser; the message is ours, never the input's."""
    text = message or MESSAGES.get(status, "error")
    if wants_html():
        page = render_template(
            "error.html",
            status=status,
            code=code,
            message=text,
            next_step=NEXT_STEPS.get(status, "Go back to the home page, or try again later."),
        )
        response = Response(page, status=status, mimetype="text/html")
    else:
        response = jsonify(error=text, code=code)
        response.status_code = status
    return response


def error_code(status: int) -> str:
    """The code of an error that has no more specific one: its message, hyphenated."""
    return MESSAGES.get(status, "error").lower().replace(" ", "-")


def moved(location: str, status: int) -> Response:
    """A redirect (301, 303) in the same shape as errors, never Werkzeug's own HTML."""
    code = {301: "moved-permanently", 303: "see-other"}[status]
    response = error_response(status, code, "this is found at another address (Location)")
    response.headers["Location"] = location
    return response


def wants_html() -> bool:
    """Whether the client prefers a page to JSON (a browser does; ``*/*`` does not)."""
    offers = ["application/json", "text/html"]
    return request.accept_mimetypes.best_match(offers) == "text/html"


def init_app(app: Flask) -> None:
    @app.errorhandler(Refused)
    def refused(exc: Refused) -> Response:
        response = error_response(exc.status, exc.code, exc.message)
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        status = exc.code or 500
        response = error_response(status, error_code(status))
        if status == 405 and exc.valid_methods:  # type: ignore[attr-defined]
            response.headers["Allow"] = ", ".join(exc.valid_methods)  # type: ignore[attr-defined]
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        app.logger.exception("unexpected error")
        return error_response(500, "internal-error")
