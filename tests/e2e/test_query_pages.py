"""Named-query pages in a real browser (issue 13, items 5 and 6): the tables fit a 1280 px
window with dates on one line, a refused value is shown beside its field in a page axe-core
passes, and a name typed in the form runs the query."""

from __future__ import annotations

import pytest
from browsing import (  # noqa: F401 (base_url, browser, watched: fixtures)
    Watch,
    axe_violations,
    base_url,
    browser,
    screenshot,
    watched,
)
from playwright.sync_api import Page, expect

from kgdebate.queries import named_queries

WIDTH = 1280
QUERY_PAGES = sorted(named_queries())


@pytest.mark.parametrize("name", QUERY_PAGES)
def test_query_pages_fit_1280_px_and_keep_dates_on_one_line(
    base_url: str, watched: tuple[Page, Watch], name: str
) -> None:
    """Every named query's page, the widest (stances: sixteen columns, quotes) among them."""
    page, watch = watched
    page.set_viewport_size({"width": WIDTH, "height": 900})
    response = page.goto(f"{base_url}/queries/{name}")
    assert response is not None and response.ok
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} is {overflow} px wider than the window"
    wrapped = page.evaluate(
        """() => [...document.querySelectorAll('table.rows td')]
             .filter(td => /^\\d{4}-\\d\\d(-\\d\\d)?$/.test(td.textContent.trim()))
             .filter(td => {
               const range = document.createRange();
               range.selectNodeContents(td);
               return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
             })
             .map(td => td.textContent.trim())"""
    )
    assert wrapped == [], f"dates wrapped: {wrapped}"
    if name == "stances":
        screenshot(page, "query-stances-1280")
    watch.assert_clean()


def test_a_refused_value_is_shown_beside_its_field_and_passes_axe(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}/queries/claims-about-an-actor?actor=Atlantis")
    assert response is not None and response.status == 400
    assert "text/html" in response.headers["content-type"]
    field = page.get_by_label("actor", exact=True)
    expect(field).to_have_value("Atlantis")
    expect(field).to_have_attribute("aria-invalid", "true")
    error = page.locator("#error-actor")
    expect(error).to_contain_text("No actor has this IRI, slug or name")
    field_box, error_box = field.bounding_box(), error.bounding_box()
    assert field_box and error_box and 0 <= error_box["y"] - field_box["y"] < 120  # just below
    screenshot(page, "query-error")
    assert axe_violations(page) == []
    field.fill("Kyiv")  # a name: the form takes it, and the page shows the actor's claims
    page.get_by_role("button", name="Run").click()
    page.wait_for_url("**actor=Kyiv**")
    expect(page.locator("table.rows")).to_contain_text("Ukraine")
    expect(page.locator("#error-actor")).to_have_count(0)
    watch.assert_clean()


def test_a_federated_query_page_greys_out_its_run_button(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}/queries/wikidata-country-codes")
    assert response is not None and response.ok
    run = page.get_by_role("button", name="Run")
    expect(run).to_be_disabled()
    expect(page.locator("#remote-note")).to_contain_text("cannot run here")
    assert axe_violations(page) == []
    watch.assert_clean()
