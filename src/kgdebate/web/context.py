"""What every request may use, set once by :func:`kgdebate.web.create_app`."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from kgdebate.answers import StoredAnswers
from kgdebate.config import Settings
from kgdebate.store import OxigraphStore


@dataclass
class WebContext:
    """The settings, the read-only store and its stored answers."""

    settings: Settings
    store: OxigraphStore
    answers: StoredAnswers | None = None


def context() -> WebContext:
    """The current app's context (inside a request or an app context)."""
    found: WebContext = current_app.extensions["kgdebate"]
    return found
