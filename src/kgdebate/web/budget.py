"""A per-client budget of query-seconds: past it, 429 with ``Retry-After`` (the WDQS model).

Each client (its address) has a bucket of ``capacity_s`` query-seconds that refills at
``capacity_s`` per minute. A query runs only while the bucket is not empty, and its time — even a
query stopped at the time limit, and any wait for a free worker — is taken from the bucket when
it ends. A flood of tiny queries
or a few heavy ones from one client thus cannot take the query workers from everyone else.

The budget belongs to one server process: with several gunicorn workers a client may spend up to
that many budgets. Behind a reverse proxy, the client is the one the proxy names in
X-Forwarded-For, when the proxy is listed in ``trusted_proxies`` (:mod:`.client_address`).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

REFILL_PERIOD_S = 60.0
MAX_CLIENTS = 10_000
"""Buckets kept; the least recently seen client is forgotten first (its bucket was full anyway
or will be, long before so many others came)."""


@dataclass
class _Bucket:
    level_s: float
    updated: float


class OverBudget(Exception):
    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"over budget; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class QueryBudget:
    def __init__(self, capacity_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity_s = capacity_s
        self._rate = capacity_s / REFILL_PERIOD_S
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def check(self, client: str) -> None:
        """Raise :class:`OverBudget` when the client's bucket is empty."""
        with self._lock:
            bucket = self._refilled(client)
            if bucket.level_s <= 0:
                wait = -bucket.level_s / self._rate if self._rate else REFILL_PERIOD_S
                raise OverBudget(max(1, math.ceil(wait)))

    def charge(self, client: str, seconds: float) -> None:
        """Take ``seconds`` of query time from the client's bucket (it may go below zero)."""
        with self._lock:
            self._refilled(client).level_s -= seconds

    def _refilled(self, client: str) -> _Bucket:
        now = self._clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            bucket = self._buckets[client] = _Bucket(self.capacity_s, now)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
        else:
            elapsed = now - bucket.updated
            bucket.level_s = min(self.capacity_s, bucket.level_s + elapsed * self._rate)
            bucket.updated = now
            self._buckets.move_to_end(client)
        return bucket
