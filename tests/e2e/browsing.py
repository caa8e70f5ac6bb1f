"""What the browser tests share: the real server over the seed, Debian's Chromium under
Playwright, a watch on every request a page makes (nothing may leave 127.0.0.1) and on its
console, screenshots, and axe-core. A test module imports the fixtures ``base_url``, ``browser``
and ``watched`` by name (a conftest.py here would shadow the suite's own ``conftest`` module,
which tests import helpers from)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Route,
    sync_playwright,
)

from kgdebate.store import OxigraphStore

from live_server import LOCAL, LiveServer

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT_S = 60.0
WAIT_MS = 15_000


def launch(playwright: Playwright, profile: Path) -> BrowserContext:
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_FLAGS,
        viewport={"width": 1280, "height": 900},
    )


@dataclass
class Watch:
    """Every request a page made, and what its console said."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def assert_clean(self) -> None:
        assert self.requests, "the page made no request at all"
        foreign = [url for url in self.requests if not is_local(url)]
        assert not foreign, f"requests left {LOCAL}: {foreign}"
        csp = [text for text in self.console_errors if "Content Security Policy" in text]
        assert not csp, f"CSP violations: {csp}"
        assert not self.page_errors, f"uncaught script errors: {self.page_errors}"


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in {"data", "blob", "about"}:
        return True  # never leaves the page
    return parts.scheme in {"http", "https"} and parts.hostname == LOCAL


def keep_local(route: Route) -> None:
    """Nothing leaves the machine, even if a page tried: foreign requests are aborted."""
    if is_local(route.request.url):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def screenshot(page: Page, name: str) -> None:
    """What a person sees first (``name.png``) and the whole page (``name-full.png``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path, full_page in (
        (SCREENSHOTS / f"{name}.png", False),
        (SCREENSHOTS / f"{name}-full.png", True),
    ):
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 0


AXE = ROOT / "build" / "axe" / "axe.min.js"  # `make axe`, a dependency of `make test`


def axe_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each. The engine is
    evaluated through the browser's DevTools protocol, which the page's CSP does not govern."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make axe` (make test does)")
    page.evaluate(AXE.read_text("utf-8") + "\n;undefined")
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => `${v.id} (${v.impact}): ${v.nodes.length} node(s), `
                       + `first: ${v.nodes[0].target}`)"""
    )
    return list(found)


@pytest.fixture(scope="module")
def base_url(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real server, started as `make run` starts it, on a free port of 127.0.0.1."""
    folder = tmp_path_factory.mktemp("e2e")
    built.backup(folder / "store")
    with LiveServer(folder / "store", folder / "server.log").serving() as server:
        yield server.base_url.rstrip("/")


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
