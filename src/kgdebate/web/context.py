"""What every request may use, and which generation of the store it reads.

A server process serves one read-only view of the store at a time. When a write publishes a new
generation (:mod:`kgdebate.generation`), the next request opens a fresh view and makes it the
app's; a request keeps the view it started with to its end (:func:`context` pins it), so nothing
in flight sees two generations. What is computed from a view (stats, the search index, VoID) lives
on it and goes with it; kept pages are keyed by generation (:mod:`kgdebate.web.page_cache`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from flask import Flask, current_app, g

from kgdebate.answers import StoredAnswers
from kgdebate.config import Settings
from kgdebate.generation import Generation, Watcher, current
from kgdebate.sparql_store import SparqlStore
from kgdebate.store import OxigraphStore, TripleStore

_KEY = "kgdebate"
_WATCHER = "kgdebate.generation"
_SWITCH = threading.Lock()
T = TypeVar("T")


@dataclass
class WebContext:
    """The settings, one read-only view of the store, its stored answers and its generation."""

    settings: Settings
    store: TripleStore
    answers: StoredAnswers | None = None
    generation: Generation = Generation(0, "")
    derived: dict[str, Any] = field(default_factory=dict)
    """What pages compute once from this view (stats, search index, VoID), dropped with it."""
    _deriving: dict[str, threading.Lock] = field(default_factory=dict, repr=False)

    def derive(self, key: str, compute: Callable[[], T]) -> T:
        """What ``compute`` gives for this view, computed once: the threads of a process that ask
        together wait for the first (a cold index is one query, not one per waiting request)."""
        if key in self.derived:
            found: T = self.derived[key]
            return found
        with self._deriving.setdefault(key, threading.Lock()):  # one dict operation: atomic
            if key not in self.derived:
                self.derived[key] = compute()
                # What was derived lives as long as the view, and is large (an index at 1M
                # triples is 10^5 tuples): out of the collector's sight, or every full
                # collection walks it again, a pause in some request. Freed by reference
                # counting all the same when the view goes.
                gc.freeze()
            made: T = self.derived[key]
            return made


def open_view(settings: Settings) -> WebContext:
    """A fresh read-only view of the store as its latest published generation left it.

    The generation is read first: a write published after that is seen at the next check.
    Answers before the store: a write that ends between the two drops these, and a set written
    after the store was opened is never read (its named queries then run live).
    """
    if settings.store == "sparql":  # the server's data: no generations, no stored answers
        return WebContext(settings, SparqlStore.from_settings(settings))
    generation = current(settings.data_dir)
    answers = StoredAnswers.found(settings.data_dir, settings.max_rows)
    store = OxigraphStore(generation.readable(settings.data_dir), read_only=True)
    return WebContext(settings, store, answers, generation)


def init_app(app: Flask, settings: Settings) -> None:
    view = open_view(settings)
    app.extensions[_KEY] = view
    if isinstance(view.store, OxigraphStore):
        app.extensions[_WATCHER] = Watcher(settings.data_dir, view.generation)
        app.before_request(_follow_generation)


def context() -> WebContext:
    """The view this request reads (the app's current one, pinned at its first use)."""
    pinned: WebContext | None = g.get(_KEY)
    if pinned is None:
        pinned = g.kgdebate = current_app.extensions[_KEY]
    return pinned


def _follow_generation() -> None:
    """Before each request: switch to a newer published generation, if there is one."""
    app = current_app
    watcher: Watcher = app.extensions[_WATCHER]
    newer = watcher.newer()
    if newer is None:
        return
    with _SWITCH:
        if app.extensions[_KEY].generation.number < newer.number:
            app.extensions[_KEY] = open_view(app.extensions[_KEY].settings)
