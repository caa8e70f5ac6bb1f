"""The workbench's pages and API, registered on the app only by `kgdebate curate`.

Who may use it: whoever opened the URL `curate` printed. Its token is good once: the first
request that brings it gets a session cookie (HttpOnly, SameSite=Strict, only for /curate) and is
sent on to the same page without the token, so the token never stays in the address bar, the
history or a Referer. Every other request needs the cookie; every write also needs the page's
CSRF token in the ``X-CSRF-Token`` header, which another site's page cannot read or send.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
)

from kgdebate.curation.workbench import Conflict, Workbench
from kgdebate.errors import KgdebateError
from kgdebate.mint import Minter
from kgdebate.web.context import context
from kgdebate.web.search import cached_index

bp = Blueprint("curation", __name__, url_prefix="/curate")
_KEY = "kgdebate.curation"
COOKIE = "kgdebate-curate"
MAX_HITS = 20
CITABLE = ("event", "statistic", "statement", "actor", "document", "source", "claim")


@dataclass
class Access:
    token: str
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    token_used: bool = False


def init_app(app: Flask, workbench: Workbench, token: str) -> None:
    app.extensions[_KEY] = (workbench, Access(token))
    app.register_blueprint(bp)


def _workbench() -> Workbench:
    workbench: Workbench = current_app.extensions[_KEY][0]
    return workbench


def _access() -> Access:
    access: Access = current_app.extensions[_KEY][1]
    return access


def _refused(status: int, message: str, hint: str) -> Response:
    response = jsonify({"error": message, "hint": hint})
    response.status_code = status
    return response


@bp.before_request
def guard() -> Response | None:
    access = _access()
    token = request.args.get("token")
    has_session = hmac.compare_digest(request.cookies.get(COOKIE, ""), access.session)
    if token is not None and has_session and request.method == "GET":
        return redirect(request.path, code=303)  # type: ignore[return-value] # same browser
    if token is not None:
        if access.token_used or not hmac.compare_digest(token, access.token):
            return _refused(
                403,
                "this workbench link is not valid (it is good once, in the browser that opened "
                "it first)",
                "open the workbench in the browser that used the link, or restart "
                "`kgdebate curate` for a new one",
            )
        if request.method != "GET":
            return _refused(403, "the token opens the page; it does not write", "use the page")
        access.token_used = True
        response = redirect(request.path, code=303)
        response.set_cookie(
            COOKIE, access.session, httponly=True, samesite="Strict", path="/curate"
        )
        return response  # type: ignore[return-value]
    if not has_session:
        return _refused(
            403,
            "this workbench is only for the browser that opened the URL `kgdebate curate` printed",
            "open that URL (it holds the token), or restart `kgdebate curate`",
        )
    if request.method == "POST":
        given = request.headers.get("X-CSRF-Token", "")
        if not hmac.compare_digest(given, access.csrf):
            return _refused(403, "missing or wrong CSRF token; nothing was written", "reload")
    return None


@bp.after_request
def never_kept(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def page() -> str:
    workbench = _workbench()
    return render_template(
        "curate.html", csrf=_access().csrf, file=workbench.path.name, has_text=bool(workbench.text)
    )


@bp.get("/state")
def state() -> Response:
    return jsonify(_workbench().state(context().store))


def _body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(_refused(400, "the request body must be a JSON object", "use the page"))
    return body


@bp.post("/edit")
def edit() -> Response:
    body = _body()
    workbench = _workbench()
    try:
        workbench.apply(body.get("version"), body.get("op"), body.get("args", {}), context().store)
    except Conflict as exc:
        return _refused(409, exc.message, exc.hint or "reload the page")
    except KgdebateError as exc:
        return _refused(400, exc.message, exc.hint or "")
    return jsonify(workbench.state(context().store, with_text=False))


@bp.post("/entity")
def entity() -> Response:
    """A new actor or place for an unknown name of the draft (see :mod:`.entities`)."""
    body = _body()
    workbench = _workbench()
    try:
        workbench.add_entity(body.get("version"), body.get("args") or {})
    except Conflict as exc:
        return _refused(409, exc.message, exc.hint or "reload the page")
    except KgdebateError as exc:
        return _refused(400, exc.message, exc.hint or "")
    return jsonify(workbench.state(context().store))


@bp.post("/ingest")
def ingest() -> Response:
    body = _body()
    try:
        done = _workbench().ingest(body.get("version"))
    except Conflict as exc:
        return _refused(409, exc.message, exc.hint or "reload the page")
    except KgdebateError as exc:
        return _refused(400, exc.message, exc.hint or "")
    return jsonify(done)


@bp.get("/entities")
def entities() -> Response:
    """Search-as-you-type over the store's entities, for citations and relations."""
    words = request.args.get("q", "")[:200]
    if len(words.strip()) < 2:
        return jsonify([])
    minter = Minter(context().settings.base_iri)
    found = []
    for hit in cached_index().search(words):
        for kind in CITABLE:
            slugs = minter.slugs_of(kind, hit.entity)
            if slugs:
                found.append({"kind": kind, "target": "/".join(slugs), "label": hit.label})
                break
        if len(found) >= MAX_HITS:
            break
    return jsonify(found)
