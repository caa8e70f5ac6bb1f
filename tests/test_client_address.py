"""Budgets behind a reverse proxy: X-Forwarded-For is believed only from trusted proxies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from kgdebate.config import load_settings
from kgdebate.errors import InputError
from kgdebate.store import OxigraphStore
from kgdebate.web.client_address import client_address
from kgdebate.web.jobs import query_pool_holder

from conftest import snapshot_app

PROXY = "10.0.0.5"
QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        (PROXY, "203.0.113.7", "203.0.113.7"),
        (PROXY, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # the proxy appended the last one
        (PROXY, "203.0.113.7, 10.0.0.9", "203.0.113.7"),  # a second trusted proxy is skipped
        (PROXY, "2001:db8::1", "2001:db8::1"),
        (PROXY, "", PROXY),
        (PROXY, None, PROXY),
        (PROXY, "not-an-address", PROXY),  # malformed: the proxy's own budget, never a new one
        (PROXY, "10.0.0.9", PROXY),  # only proxies: the request is the proxy's
        ("192.0.2.50", "203.0.113.7", "192.0.2.50"),  # not a trusted proxy: the header is a lie
        (None, "203.0.113.7", "unknown"),
    ],
)
def test_the_client_is_named_by_trusted_proxies_only(
    remote: str | None, forwarded: str | None, client: str
) -> None:
    assert client_address(remote, forwarded, ("10.0.0.0/24",)) == client


def test_a_malformed_trusted_proxy_setting_is_refused_at_start() -> None:
    with pytest.raises(InputError, match="trusted_proxies.*not-a-network"):
        load_settings(env={"KGDEBATE_TRUSTED_PROXIES": "127.0.0.1, not-a-network"})


@pytest.fixture
def stingy(
    built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Flask]:
    """An app whose clients may spend a millisecond of query time a minute: one query each."""
    app = snapshot_app(
        built, tmp_path_factory, client_query_seconds=0.001, trusted_proxies=request.param
    )
    yield app
    query_pool_holder(app).stop()


def _ask(app: Flask, forwarded_for: str) -> int:
    response = app.test_client().get(
        "/sparql",
        query_string={"query": QUERY},
        headers={"X-Forwarded-For": forwarded_for},
        environ_base={"REMOTE_ADDR": PROXY},
    )
    return response.status_code


@pytest.mark.parametrize("stingy", [(PROXY,)], indirect=True)
def test_two_clients_behind_one_trusted_proxy_have_two_budgets(stingy: Flask) -> None:
    assert _ask(stingy, "203.0.113.7") == 200
    assert _ask(stingy, "203.0.113.7") == 429  # this client's budget is spent
    assert _ask(stingy, "198.51.100.1") == 200  # the other's is not


@pytest.mark.parametrize("stingy", [()], indirect=True)
def test_without_trusted_proxies_the_header_is_ignored(stingy: Flask) -> None:
    assert _ask(stingy, "203.0.113.7") == 200
    assert _ask(stingy, "198.51.100.1") == 429  # one socket address, one budget
