"""Rendered answers kept per server process: reused, validated by ETag, bounded, never wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kgdebate.store import OxigraphStore
from kgdebate.web.context import context
from kgdebate.web.page_cache import ENTRY_OVERHEAD, Kept, PageCache, page_cache

from conftest import SEED_ID, snapshot_app

BROWSER = "text/html,*/*;q=0.8"
CLAIM_PAGE = f"/doc/claim/{SEED_ID}/c01"


@pytest.fixture
def app(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Flask:
    return snapshot_app(built, tmp_path_factory)


def counted_queries(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every query the app's store is asked from now on, in order."""
    with app.app_context():
        store = context().store
    asked: list[str] = []
    original: Callable[..., Any] = store.query

    def spy(text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(store, "query", spy)
    return asked


@pytest.fixture
def store_queries(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return counted_queries(app, monkeypatch)


def test_a_page_is_rendered_once_then_answered_from_memory(
    client: FlaskClient, store_queries: list[str]
) -> None:
    first = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    asked = len(store_queries)
    second = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    assert first.status_code == second.status_code == 200 and asked > 0
    assert len(store_queries) == asked  # nothing asked of the store the second time
    assert second.data == first.data and second.headers["ETag"] == first.headers["ETag"]
    for name in ("Vary", "Link", "Content-Security-Policy", "X-Content-Type-Options"):
        assert second.headers[name] == first.headers[name]


def test_the_answer_depends_on_accept_query_string_and_mount_point(
    client: FlaskClient, store_queries: list[str]
) -> None:
    html = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    turtle = client.get(CLAIM_PAGE, headers={"Accept": "text/turtle"})
    assert html.mimetype == "text/html" and turtle.mimetype == "text/turtle"
    assert html.headers["ETag"] != turtle.headers["ETag"]
    paged = client.get(CLAIM_PAGE + "?in=1", headers={"Accept": BROWSER})
    assert paged.data != html.data
    mounted = client.get(CLAIM_PAGE, headers={"Accept": BROWSER}, base_url="http://localhost/kg")
    assert 'href="/kg/' in mounted.get_data(as_text=True) and 'href="/kg/' not in html.get_data(
        as_text=True
    )


def test_a_matching_etag_gets_304_without_a_body(client: FlaskClient) -> None:
    first = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    tag = first.headers["ETag"]
    again = client.get(CLAIM_PAGE, headers={"Accept": BROWSER, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == tag
    other = client.get(CLAIM_PAGE, headers={"Accept": BROWSER, "If-None-Match": '"stale"'})
    assert other.status_code == 200 and other.data == first.data
    head = client.head(CLAIM_PAGE, headers={"Accept": BROWSER})
    assert head.status_code == 200 and head.headers["ETag"] == tag and head.data == b""


def test_errors_are_never_kept(app: Flask, client: FlaskClient, store_queries: list[str]) -> None:
    for _ in range(2):
        assert client.get("/doc/actor/nobody", headers={"Accept": BROWSER}).status_code == 404
    assert len(store_queries) == 2  # asked both times
    assert client.get("/doc/actor/ukraine?in=abc", headers={"Accept": BROWSER}).status_code == 400
    with app.app_context():
        cache = page_cache()
        assert cache is not None and len(cache) == 0


def test_named_query_answers_are_kept_until_the_budget_runs_out(
    app: Flask, client: FlaskClient, worker_runs: list[str]
) -> None:
    runs = worker_runs
    first = client.get("/queries/unanswered-claims.json")
    second = client.get("/queries/unanswered-claims.json")
    assert first.status_code == 200 and second.data == first.data and len(runs) == 1
    client.get("/queries/unanswered-claims")  # the HTML page is an answer of its own
    assert len(runs) == 2
    with app.app_context():
        cache = page_cache()
        assert cache is not None
        cache.max_bytes = 0  # what the next answer needs is more than the budget: nothing kept
    client.get("/queries/unanswered-claims.csv")
    client.get("/queries/unanswered-claims.csv")
    assert len(runs) == 4


def test_the_cache_keeps_the_most_recently_used_within_its_bytes() -> None:
    one = Kept(200, (("Content-Type", "text/html"),), bytes(1000))
    size = 1000 + len("page0") + len("Content-Type") + len("text/html") + ENTRY_OVERHEAD
    cache = PageCache(max_bytes=8 * size)
    for number in range(8):
        cache.put((f"page{number}",), one)
    assert len(cache) == 8 and cache.used == 8 * size
    assert cache.get(("page0",)) is not None  # now the most recently used
    cache.put(("page8",), one)
    assert cache.get(("page1",)) is None and cache.get(("page0",)) is not None
    assert cache.used == 8 * size
    cache.put(("huge",), Kept(200, (), bytes(size)))
    assert cache.get(("huge",)) is None  # over 1/8 of the budget: rendered every time
    cache.put(("page0",), one)  # kept again: counted once
    assert cache.used == 8 * size


def test_keys_and_headers_count_and_a_kept_answer_is_copied(
    client: FlaskClient, store_queries: list[str]
) -> None:
    first = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    first.headers["X-Changed"] = "by a client of the response"
    second = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    assert "X-Changed" not in second.headers and "Date" not in second.headers
    asked = len(store_queries)
    huge = BROWSER + "," + ",".join(f"text/x-{n};q=0.1" for n in range(300))
    for _ in range(2):  # a key longer than any browser's: rendered every time, never kept
        assert client.get(CLAIM_PAGE, headers={"Accept": huge}).data == first.data
    assert len(store_queries) == 3 * asked  # the first render, then both of these


def test_off_when_the_setting_is_zero(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = snapshot_app(built, tmp_path_factory, page_cache_mb=0)
    client = app.test_client()
    with app.app_context():
        assert page_cache() is None
    asked = counted_queries(app, monkeypatch)
    first = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    once = len(asked)
    second = client.get(CLAIM_PAGE, headers={"Accept": BROWSER})
    assert first.status_code == 200 and "ETag" in first.headers and once > 0
    assert len(asked) == 2 * once and second.headers["ETag"] == first.headers["ETag"]
