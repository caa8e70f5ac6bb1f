"""Search in a real browser (issue 13, item 10): typed into the labelled box, the words come
back marked in results grouped by kind, the kind facet keeps them, and axe-core passes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from browsing import (  # noqa: F401 (base_url, browser, watched: fixtures)
    Watch,
    axe_violations,
    base_url,
    browser,
    screenshot,
    watched,
)
from playwright.sync_api import Page, expect


def test_a_search_from_the_page_marks_the_words_by_kind(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    response = page.goto(f"{base_url}/search")
    assert response is not None and response.ok
    box = page.get_by_label("Search for")  # the input is found by its label
    box.fill("Crimea 2014")
    box.press("Enter")
    page.wait_for_url("**/search?q=Crimea+2014")
    expect(page.get_by_role("heading", name="Events")).to_be_visible()
    events = page.locator("section[aria-labelledby=kind-event] li")
    annexation = events.first
    expect(annexation.get_by_role("link")).to_have_text(
        "Annexation of Crimea by the Russian Federation"
    )
    expect(annexation.locator("mark")).to_have_text(["Crimea", "2014"])
    claims = page.locator("section[aria-labelledby=kind-claim] li")
    assert claims.count() > 0
    for index in range(claims.count()):  # every claim shows both words, marked
        marks = {text.casefold() for text in claims.nth(index).locator("mark").all_inner_texts()}
        assert marks == {"crimea", "2014"}, claims.nth(index).inner_text()
    marked = page.locator("mark").first
    assert marked.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 243, 160)"
    screenshot(page, "search-crimea-2014")
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="Kinds of results").get_by_role(
        "link", name="Events"
    ).click()
    page.wait_for_url("**/search?*kind=event")
    asked = parse_qs(urlsplit(page.url).query)
    assert asked == {"q": ["Crimea 2014"], "kind": ["event"]}
    expect(page.locator("main h2")).to_have_count(1)
    expect(page.locator("main h2")).to_contain_text("Events")
    expect(page.get_by_label("Search for")).to_have_value("Crimea 2014")
    assert axe_violations(page) == []
    watch.assert_clean()
