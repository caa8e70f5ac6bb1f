"""Rendered answers kept in each server process, and validated with ``ETag``/``If-None-Match``.

The app serves a frozen view of the store (opened read-only at start; a rebuild is served by a
restarted server), so an entity page or a named query's answer depends on the request alone:
its path, its query string, its ``Accept`` header and the mount point. The first request
renders it; later ones are answered from memory, least recently used first out when the byte
budget (``page_cache_mb``) is spent. Only whole 200/206 answers are kept; errors, time-outs and
answers marked ``Cache-Control: no-store`` (federated queries: a remote endpoint may answer
differently tomorrow) are rendered every time. Every kept answer carries a strong ``ETag`` (a
hash of its bytes, so it changes with a rebuild) and a matching ``If-None-Match`` gets 304.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, current_app, request
from werkzeug.datastructures import Headers

from kgdebate.web.context import context

KEPT_STATUSES = (200, 206)
LARGEST_SHARE = 8
"""One answer may take at most 1/8 of the budget: a few huge pages never empty the cache."""
MAX_KEY_CHARS = 2048
ENTRY_OVERHEAD = 512


@dataclass(frozen=True)
class Kept:
    """A response as kept: its headers are copied into every response made from it."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


Key = tuple[str, ...]


def _size(key: Key, kept: Kept) -> int:
    """What an entry costs: its body, its key and its headers, plus Python's own overhead."""
    headers = sum(len(name) + len(value) for name, value in kept.headers)
    return len(kept.body) + sum(map(len, key)) + headers + ENTRY_OVERHEAD


class PageCache:
    """A byte-bounded LRU map from request keys to answers, safe across a worker's threads."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.used = 0
        self._entries: OrderedDict[Key, Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Kept | None:
        with self._lock:
            kept = self._entries.get(key)
            if kept is not None:
                self._entries.move_to_end(key)
            return kept

    def put(self, key: Key, kept: Kept) -> None:
        size = _size(key, kept)
        if size * LARGEST_SHARE > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            self.used -= _size(key, old) if old else 0
            self._entries[key] = kept
            self.used += size
            while self.used > self.max_bytes:
                evicted_key, evicted = self._entries.popitem(last=False)
                self.used -= _size(evicted_key, evicted)

    def __len__(self) -> int:
        return len(self._entries)


def init_app(app: Flask, max_bytes: int) -> None:
    app.extensions["kgdebate.page_cache"] = PageCache(max_bytes) if max_bytes > 0 else None


def page_cache() -> PageCache | None:
    found: PageCache | None = current_app.extensions.get("kgdebate.page_cache")
    return found


def _key() -> Key | None:
    """What an answer depends on. The mount point (``SCRIPT_NAME``) is in every link the page
    shows; the Host header never is (public URLs come from the settings). HEAD shares GET's
    answer: Flask runs the GET view for it and drops the body. None for a request whose query
    string and Accept header are longer than any page's or browser's: rendered, never kept."""
    query = request.query_string.decode("latin-1")
    accept = request.headers.get("Accept", "")
    if len(query) + len(accept) > MAX_KEY_CHARS:
        return None
    generation = str(context().generation.number)  # a page of an older view is never served
    return generation, request.script_root, request.path, query, accept


def cached(view: Callable[..., Any]) -> Callable[..., Response]:
    """Serve the view's answer from the process's cache, render and keep it on a miss."""

    @functools.wraps(view)
    def answer(*args: Any, **kwargs: Any) -> Response:
        cache = page_cache()
        key = _key() if cache is not None else None
        kept = cache.get(key) if cache is not None and key is not None else None
        if kept is None:
            response = current_app.make_response(view(*args, **kwargs))
            if not _keepable(response):
                return response
            kept = _keep(response)
            if cache is not None and key is not None:
                cache.put(key, kept)
        response = Response(kept.body, status=kept.status, headers=list(kept.headers))
        response.make_conditional(request)  # 304 when If-None-Match names this ETag
        response.headers.remove("Date")  # werkzeug adds one there; the server sends its own
        return response

    return answer


def _keepable(response: Response) -> bool:
    return (
        response.status_code in KEPT_STATUSES
        and not response.is_streamed
        and not response.cache_control.no_store
    )


def _keep(response: Response) -> Kept:
    """The response's status, body and headers with a strong ETag (``Date`` is the server's to
    add when it sends a response, never a kept one's)."""
    body = response.get_data()
    headers = Headers(response.headers)
    headers.remove("Date")
    headers["ETag"] = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    return Kept(response.status_code, tuple(headers.items()), body)
