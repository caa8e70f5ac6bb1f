"""The browser and the watched page every browser test uses (see browsing.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browsing import WAIT_MS, Watch, keep_local, launch
from playwright.sync_api import BrowserContext, Page, sync_playwright


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Headless Chromium with a fresh, empty profile (its --user-data-dir)."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = launch(playwright, profile)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def watched(browser: BrowserContext) -> Iterator[tuple[Page, Watch]]:
    watch = Watch()
    page = browser.new_page()
    page.route("**/*", keep_local)
    page.on("request", watch.on_request)
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.set_default_timeout(WAIT_MS)
    try:
        yield page, watch
    finally:
        page.close()
