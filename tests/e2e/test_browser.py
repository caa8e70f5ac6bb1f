"""A real browser against the real server: Debian's Chromium driven by Playwright.

The server is `kgdebate serve` (gunicorn) on a free port of 127.0.0.1, over a backup of the
`built` store. Chromium runs headless with a fresh profile and the flags that keep it from
calling home (README of the machine: without them it opens connections to the outside). Every
request a page makes is recorded, and anything not addressed to 127.0.0.1 is aborted and fails
the test; so does a Content-Security-Policy violation reported on the console. Screenshots go to
build/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browsing import (  # noqa: F401 (base_url, browser, watched: fixtures)
    SCREENSHOTS,
    Watch,
    axe_violations,
    base_url,
    browser,
    is_local,
    screenshot,
    watched,
)
from playwright.sync_api import (
    Page,
    expect,
)

from kgdebate.store import OxigraphStore

from conftest import BASE
from live_server import LiveServer

SEED_ID = "belfer-2023-11-16-pressure-ukraine-to-negotiate"
THEMES = (
    "The U.S. Must Play an Integral Role",
    "No Good Faith by Russia in Negotiations",
    "Moral Imperative Remains Central",
    "Temporal Considerations Matter",
)
SEED_CLAIMS = 42


def test_actor_page_follows_the_303_and_shows_claims(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}/id/actor/ukraine")
    assert response is not None and response.ok
    redirect = response.request.redirected_from
    assert redirect is not None and redirect.url == f"{base_url}/id/actor/ukraine"
    first = redirect.response()
    assert first is not None and first.status == 303
    assert "/doc/actor/ukraine" in page.url
    assert "text/html" in response.headers["content-type"]
    expect(page.locator("h1")).to_contain_text("Ukraine")
    claims = page.locator("#panel-claims-about")
    expect(claims.get_by_text("critical actor", exact=False).first).to_be_hidden()  # words shown
    claims.get_by_label("paraphrase").check()
    expect(claims.get_by_text("critical actor", exact=False).first).to_be_visible()
    screenshot(page, "actor-ukraine")
    watch.assert_clean()


def test_document_page_draws_the_debate_map(base_url: str, watched: tuple[Page, Watch]) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}/id/document/{SEED_ID}")
    assert response is not None and response.ok
    debate_map = page.locator(".debate-map").first
    expect(debate_map).to_be_visible()
    expect(debate_map.locator(".claim")).to_have_count(SEED_CLAIMS)
    for title in THEMES:
        expect(debate_map.get_by_text(title, exact=False).first).to_be_visible()
    overview = page.locator("svg.debate-overview").first
    expect(overview).to_be_visible()
    expect(overview.locator(".claim-node")).to_have_count(SEED_CLAIMS)
    expect(overview.locator(".theme-title")).to_have_text(list(THEMES))
    assert overview.locator("path.arrow").count() > 0
    screenshot(page, "document-seed")
    overview.screenshot(path=str(SCREENSHOTS / "document-seed-map.png"))
    debate_map.screenshot(path=str(SCREENSHOTS / "document-seed-grid.png"))
    watch.assert_clean()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_debate_map_reads_at_any_width_and_marks_a_claims_neighbours(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch], width: int
) -> None:
    """Issue 13, 7: every claim's whole text at the page's width, themes that fold, a claim's
    neighbours marked when it is selected, and a structure a screen reader walks."""
    page, watch = watched
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(f"{base_url}/doc/document/{SEED_ID}")
    assert response is not None and response.ok
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    quotes = built.query(
        "PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#> "
        "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?words WHERE { "
        f"?claim kgd:inDocument <{BASE}id/document/{SEED_ID}> ; "
        "kgd:quote/oa:hasSelector/oa:exact ?words }"
    )
    longest = max((row["words"].value for row in quotes), key=len)  # type: ignore[union-attr]
    expect(page.locator(".debate-map q.words", has_text=longest)).to_be_visible()  # whole, wrapped
    themes = page.locator(".debate-map details.dm-theme")
    expect(themes).to_have_count(len(THEMES))
    expect(page.locator(".debate-map h3")).to_have_text(list(THEMES))  # walked by heading
    expect(page.locator(".debate-map svg")).to_have_attribute("aria-hidden", "true")
    # c01 is rebutted by c05 and c07 and supported by c02: selecting it marks those three.
    page.locator("#c01 header a").focus()
    related = page.locator(".debate-map .claim-box.related")
    expect(related).to_have_count(3)
    assert sorted(related.evaluate_all("boxes => boxes.map(b => b.id)")) == ["c02", "c05", "c07"]
    expect(page.locator(".dm-status")).to_contain_text("c01 selected")
    page.locator("#c36").click()
    expect(page.locator("#c01.related")).to_have_count(0)
    first = themes.first
    first.locator("summary").click()
    expect(first.locator(".claim-box").first).to_be_hidden()
    first.locator("summary").click()
    expect(first.locator(".claim-box").first).to_be_visible()
    assert axe_violations(page) == []
    screenshot(page, f"document-map-{width}")
    watch.assert_clean()


YASGUI_QUERY = (
    "PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#>\n"
    "SELECT ?claim ?side WHERE { ?claim a kgd:Claim ; kgd:side ?side } LIMIT 7"
)


def test_yasgui_runs_a_query_and_shows_rows(base_url: str, watched: tuple[Page, Watch]) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}/sparql", wait_until="load")
    assert response is not None and response.ok
    assert "text/html" in response.headers["content-type"]
    editor = page.locator(".yasqe .CodeMirror").first
    expect(editor).to_be_visible()
    editor.evaluate("(element, text) => element.CodeMirror.setValue(text)", YASGUI_QUERY)
    with page.expect_response(lambda r: urlsplit(r.url).path == "/sparql" and r.ok) as answer:
        page.locator(".yasqe_queryButton").first.click()
    assert answer.value.status == 200
    rows = page.locator(".yasr table tbody tr")
    expect(rows).to_have_count(7)
    expect(page.locator(".yasr table").first).to_contain_text("claim")
    screenshot(page, "sparql-yasgui")
    page.locator("#yasgui button.addTab").click()  # a second tab: each is labelled too
    expect(page.locator("#yasgui .tabsList [role=tab]")).to_have_count(2)
    assert axe_violations(page) == []  # YASGUI with its rows, as sparql.js labels and moves it
    paths = [urlsplit(url).path for url in watch.requests]
    assert "/static/vendor/yasgui/yasgui.min.js" in paths  # YASGUI itself came from this app
    assert all(path.startswith(("/sparql", "/static/")) for path in paths), paths
    watch.assert_clean()


ACTIVE = "#yasgui .tabPanel.active"  # the editor and results of YASGUI's active tab


def _run_active_tab(page: Page) -> None:
    """Run the query of the active tab and wait for its rows."""
    with page.expect_response(lambda r: urlsplit(r.url).path == "/sparql" and r.ok):
        page.locator(f"{ACTIVE} .yasqe_queryButton").click()
    expect(page.locator(f"{ACTIVE} .yasr table tbody tr").first).to_be_visible()


def _active_query(page: Page) -> str:
    text: str = page.locator(f"{ACTIVE} .CodeMirror").evaluate("e => e.CodeMirror.getValue()")
    return text


def test_issue_13_an_example_runs_in_its_tab_and_our_iris_link_here(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    page.goto(f"{base_url}/sparql", wait_until="load")
    expect(page.locator(".yasqe .CodeMirror").first).to_be_visible()
    page.get_by_role("link", name="Every use of a figure").click()
    expect(page.locator("#yasgui .tab.active")).to_contain_text("Every use of a figure")
    assert "VALUES (?_statistic) { (<https://w3id.org/kgdebate/id/statistic/" in (
        _active_query(page)
    )
    _run_active_tab(page)
    screenshot(page, "sparql-example")
    hrefs = page.locator(f"{ACTIVE} .yasr a.iri").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert f"/id/claim/{SEED_ID}/c06" in hrefs  # this server's page, not w3id.org's
    assert not [h for h in hrefs if h.startswith("https://w3id.org/")], hrefs
    with page.context.expect_page() as opened:  # YASR opens result links in a new tab
        link = page.locator(f'{ACTIVE} .yasr a.iri[href="/id/claim/{SEED_ID}/c06"]').first
        link.locator("xpath=ancestor::td").click()  # a cut cell opens on a first click
        link.click()
    claim = opened.value
    claim.wait_for_load_state()
    assert claim.url == f"{base_url}/doc/claim/{SEED_ID}/c06"
    claim.close()
    watch.assert_clean()


def test_issue_13_open_in_the_editor_lands_with_the_query_text(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    page.goto(f"{base_url}/doc/actor/ukraine")
    panel = page.locator("section.panel").first
    panel.locator("details summary").click()
    shown = panel.locator("pre.sparql").text_content()
    title = panel.locator("h2").text_content()
    panel.get_by_role("link", name="open in the editor").click()
    page.wait_for_url(f"{base_url}/sparql#*")
    expect(page.locator("#yasgui .tab.active")).to_contain_text(title or "?")
    assert shown and _active_query(page) == shown
    expect(page.locator(f"{ACTIVE} .yasr table tbody tr").first).to_be_visible()  # run at once
    watch.assert_clean()


def test_the_watch_catches_csp_violations_and_foreign_requests(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    """The checks above have teeth: an inline script is refused by the app's CSP and reported,
    and a recorded request to anywhere but 127.0.0.1 fails (recorded here, never sent)."""
    page, watch = watched
    page.goto(f"{base_url}/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.injected = 1'; document.head.appendChild(s); }"
        )
    assert page.evaluate("() => window.injected") is None
    with pytest.raises(AssertionError, match="CSP violations"):
        watch.assert_clean()
    for outside in (
        "https://lov.linkeddata.es/dataset/lov/api/v2/autocomplete/terms",
        "http://localhost:9/",
        "http://127.0.0.2/",
        "ws://127.0.0.1/",
    ):
        assert not is_local(outside)
        with pytest.raises(AssertionError, match="requests left"):
            Watch(requests=[f"{base_url}/", outside]).assert_clean()


@pytest.fixture(scope="module")
def corpus_url(
    corpus_built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The real server over the store `make run` builds with the UN General Debate corpus."""
    folder = tmp_path_factory.mktemp("e2e-corpus")
    corpus_built.backup(folder / "store")
    with LiveServer(folder / "store", folder / "server.log").serving() as server:
        yield server.base_url.rstrip("/")


def test_the_stance_matrix_filters_sorts_and_opens_a_quote(
    corpus_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    response = page.goto(f"{corpus_url}/motions/negotiate-now")
    assert response is not None and response.ok
    rows = page.locator("table.matrix tbody tr")
    everyone = rows.count()
    assert everyone > 190
    page.get_by_label("Region").select_option("Europe")
    page.get_by_label("Order by").select_option("change")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**region=Europe**")
    assert "sort=change" in page.url
    assert 30 < rows.count() < everyone
    regions = rows.evaluate_all("rows => rows.map(r => r.dataset.region)")
    assert set(regions) == {"Europe"}
    # ordered by change: the states whose position changed from 2022 to 2023 come first
    changed = page.locator("#changed tbody tr th").all_inner_texts()
    assert changed and rows.locator("th").first.inner_text() in changed
    cell = rows.first.locator("details").first
    quote = cell.locator("q").first
    expect(quote).to_be_hidden()
    cell.locator("summary").click()
    expect(quote).to_be_visible()
    assert len(quote.inner_text()) > 20
    screenshot(page, "stances-europe")
    watch.assert_clean()


def test_the_map_is_reachable_by_keyboard_and_matches_the_table(
    corpus_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    response = page.goto(f"{corpus_url}/motions/negotiate-now?year=2022")
    assert response is not None and response.ok
    countries = page.locator("svg.worldmap a.country")
    assert countries.count() > 100
    # every country's position is the one its row of the table shows for 2022 (first column)
    mismatches = page.evaluate(
        """() => [...document.querySelectorAll('svg.worldmap a.country')].filter(a => {
             const row = document.getElementById(a.dataset.iso3);
             const cell = row && row.querySelector('td .pos');
             return !cell || !a.getAttribute('aria-label').endsWith(': ' + cell.textContent);
           }).map(a => a.dataset.iso3)"""
    )
    assert mismatches == []
    page.locator("#map p a").first.focus()  # the link to the other year, just before the map
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('a.country')?.dataset.iso3")
    assert focused, "Tab after the map's text does not reach a country"
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.hash === '#{focused}'")
    expect(page.locator(f"tr#{focused}")).to_be_visible()
    page.locator("#map").screenshot(path=str(SCREENSHOTS / "stances-map-2022.png"))
    watch.assert_clean()


INDEX_PAGES = ("/documents", "/actors", "/events", "/claims", "/figures")
AXE_PAGES = (
    "/",
    *INDEX_PAGES,
    "/events?kind=war&sort=-start",
    "/timeline",
    "/queries",
    "/sparql",
    "/search?q=kyiv",
    "/doc/actor/ukraine",
    "/doc/event/istanbul-talks-2022",
    f"/doc/document/{SEED_ID}",
    f"/doc/claim/{SEED_ID}/c01",
    "/doc/statistic/ukrainians-support-fighting-84",
    f"/read/{SEED_ID}",
)
CORPUS_AXE_PAGES = (
    "/motions/negotiate-now",
    "/motions/negotiate-now?region=Europe",
    "/read/ungdc-77-chn",
)


@pytest.mark.parametrize("path", INDEX_PAGES)
def test_an_index_fits_1280_pixels_and_never_wraps_a_date(
    base_url: str, watched: tuple[Page, Watch], path: str
) -> None:
    page, watch = watched  # the window is 1280 px wide (browsing.launch)
    response = page.goto(f"{base_url}{path}")
    assert response is not None and response.ok
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    wrapped = page.evaluate(
        """() => [...document.querySelectorAll('td.date')].filter(td => {
             const range = document.createRange(); range.selectNodeContents(td);
             return range.getClientRects().length > 1 }).map(td => td.textContent)"""
    )
    assert wrapped == []
    screenshot(page, "index" + path.replace("/", "-"))
    watch.assert_clean()


@pytest.mark.parametrize("path", AXE_PAGES)
def test_pages_have_no_serious_accessibility_violation(
    base_url: str, watched: tuple[Page, Watch], path: str
) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}{path}")
    assert response is not None and response.ok
    assert axe_violations(page) == []
    watch.assert_clean()


@pytest.mark.parametrize("path", CORPUS_AXE_PAGES)
def test_stance_pages_have_no_serious_accessibility_violation(
    corpus_url: str, watched: tuple[Page, Watch], path: str
) -> None:
    page, watch = watched
    response = page.goto(f"{corpus_url}{path}")
    assert response is not None and response.ok
    assert axe_violations(page) == []
    watch.assert_clean()
