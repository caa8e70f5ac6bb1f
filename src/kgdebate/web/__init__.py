"""The web app: a Flask app factory; one blueprint per feature (design.md §4).

``create_app`` opens the store read-only once (a frozen view: the graph is rebuilt offline and
the server restarted), and every blueprint reads what it needs from :func:`context`.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from markupsafe import Markup

from kgdebate.config import Settings, load_settings
from kgdebate.invisible import PATTERN, visible
from kgdebate.web import (
    body_cap,
    catalogue,
    entities,
    errors,
    exports,
    home,
    indexes,
    jobs,
    motions,
    page_cache,
    reading,
    search,
    sparql,
    timeline,
    wellknown,
)
from kgdebate.web.context import context
from kgdebate.web.context import init_app as init_context
from kgdebate.web.terms import code_spans, unquoted


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or load_settings()
    app = Flask(__name__)
    # Before any template is compiled (the stance matrix's is, at start)
    app.jinja_env.finalize = _shown  # every {{ value }} of every template
    app.jinja_env.filters["code_spans"] = code_spans
    app.jinja_env.filters["unquoted"] = unquoted
    # Set before any rule is added. A doubled slash is not our address: Werkzeug would redirect
    # it to a Location built from the Host header (an open redirect), in its own HTML; here it
    # is a 404 like any other.
    app.url_map.merge_slashes = False
    app.config.update(MAX_CONTENT_LENGTH=settings.max_request_bytes, JSON_SORT_KEYS=False)
    init_context(app, settings)

    errors.init_app(app)
    jobs.init_app(app)
    # A SPARQL server's data may change under us with nothing to tell: nothing is kept.
    kept = 0 if settings.store == "sparql" else settings.page_cache_mb * 2**20
    page_cache.init_app(app, kept)
    motions.init_app(app)
    features = (
        home,
        sparql,
        entities,
        catalogue,
        search,
        timeline,
        indexes,
        motions,
        reading,
        wellknown,
        exports,
    )
    for feature in features:
        app.register_blueprint(feature.bp)
    app.after_request(_security_headers)
    app.before_request(lambda: body_cap.refuse_if_too_large(request.environ))
    app.wsgi_app = body_cap.BodyCap(app.wsgi_app, settings.max_request_bytes)  # type: ignore[method-assign]
    return app


def _shown(value: Any) -> Any:
    """A value as pages show it: bidi controls and zero-width characters as visible marks
    (:mod:`kgdebate.invisible`). Plain text in, plain text out, so it is escaped as before and
    safe in attributes too; markup keeps its type (the characters are never markup syntax)."""
    if not isinstance(value, str) or not PATTERN.search(value):
        return value
    return Markup(visible(str(value))) if isinstance(value, Markup) else visible(value)


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if context().settings.cors:
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
    return response
