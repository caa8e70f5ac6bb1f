"""Seven questions an analyst asks on a first visit, each answered in a few clicks from the front
page in a real browser, with the exact words of the document on screen.

The words each answer must show are read from the store, never written here: the test fails if a
page shows a paraphrase where the document's words belong, or nothing at all.
"""

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

from kgdebate.store import OxigraphStore

from conftest import BASE

SEED_ID = "belfer-2023-11-16-pressure-ukraine-to-negotiate"
PREFIXES = """PREFIX kgd: <https://w3id.org/kgdebate/def/kgdebate#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def words_of_claims(store: OxigraphStore, pattern: str) -> dict[str, str]:
    """The exact words of each claim ``?claim`` that ``pattern`` finds, by the claim's IRI."""
    query = f"""{PREFIXES}SELECT ?claim ?words WHERE {{
        {pattern} ?claim kgd:quote/oa:hasSelector/oa:exact ?words }}"""
    found = {row["claim"].value: row["words"].value for row in store.query(query)}  # type: ignore[union-attr]
    assert found, f"no claim in the store matches {pattern}"
    return found


def shows_one_of(page: Page, words: dict[str, str]) -> str:
    """Which of the claims' exact words the page shows (one is enough: panels are paged)."""
    text = page.locator("main").inner_text()
    shown = [claim for claim, exact in words.items() if exact in text]
    assert shown, "none of these claims' exact words is on the page"
    return shown[0]


def start(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "/")
    assert response is not None and response.ok


def test_1_what_the_debate_says_in_its_own_words(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch]
) -> None:
    """The front page → the document → its claims, as the document words them."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("link", name="Should the Biden Administration Pressure").first.click()
    expect(page.locator("h1")).to_contain_text("Should the Biden Administration")
    words = words_of_claims(built, f"?claim kgd:inDocument <{BASE}id/document/{SEED_ID}> .")
    text = page.locator("main").inner_text()
    assert sum(exact in text for exact in words.values()) == len(words)  # every claim, verbatim
    screenshot(page, "q1-document")
    watch.assert_clean()


def test_2_which_actors_appear_and_what_is_said_of_each(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch]
) -> None:
    """Actors → Ukraine → the claims that mention or cite it, by side, in the document's words,
    and the positions it holds."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("navigation").get_by_role("link", name="Actors").click()
    page.get_by_role("link", name="Ukraine", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Ukraine")
    panel = page.locator("#panel-claims-about")
    expect(panel.get_by_role("heading", name="for the motion")).to_be_visible()
    expect(panel.get_by_role("heading", name="against the motion")).to_be_visible()
    shows_one_of(
        page, words_of_claims(built, f"?claim kgd:mentions|kgd:cites <{BASE}id/actor/ukraine> .")
    )
    expect(page.locator("#panel-actor-positions")).to_contain_text("Volodymyr Zelenskyy")
    watch.assert_clean()


def test_3_a_timeline_of_the_events_the_debate_refers_to(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch]
) -> None:
    """Timeline → one row per event with its participants grouped → the event → the words of the
    claims that cite it."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("navigation").get_by_role("link", name="Timeline").click()
    row = page.locator("tr", has=page.get_by_role("link", name="Istanbul talks"))
    expect(row).to_have_count(1)  # one row, its participants grouped in it
    for participant in ("Russia", "Ukraine", "Turkey"):
        expect(row).to_contain_text(participant)
    row.get_by_role("link", name="Istanbul talks").click()
    expect(page.locator("h1")).to_contain_text("Istanbul talks")
    shows_one_of(
        page, words_of_claims(built, f"?claim kgd:cites <{BASE}id/event/istanbul-talks-2022> .")
    )
    watch.assert_clean()


def test_4_where_a_claim_stands_in_the_document(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch]
) -> None:
    """Claims → a claim → its words in context, with the characters where they stand."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("navigation").get_by_role("link", name="Claims").click()
    page.locator("table a[href*='/doc/claim/']").first.click()
    claim = BASE + "id/" + page.url.split("/doc/", 1)[1]
    words = words_of_claims(built, f"BIND(<{claim}> AS ?claim)")
    quote = page.locator("#panel-claim-quote")
    expect(quote).to_contain_text(words[claim])
    offsets = built.query(
        f"{PREFIXES}SELECT ?start ?end WHERE {{ <{claim}> kgd:quote/oa:hasSelector ?s . "
        "?s oa:start ?start ; oa:end ?end }"
    )
    row = next(iter(offsets))  # type: ignore[arg-type]
    expect(quote).to_contain_text(row["start"].value)  # type: ignore[index]
    expect(quote).to_contain_text(row["end"].value)  # type: ignore[index]
    watch.assert_clean()


def test_5_a_named_query_asked_by_name_not_iri(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch]
) -> None:
    """Queries → what the collection says about an actor → "United States" typed as a name → the
    claims, in their words."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("navigation").get_by_role("link", name="Queries").click()
    page.get_by_role("link", name="What the collection says about an actor").click()
    page.get_by_label("actor").fill("United States")
    page.get_by_role("button", name="Run").click()
    expect(page.locator("table.rows")).to_be_visible()
    shows_one_of(
        page,
        words_of_claims(built, f"?claim kgd:mentions|kgd:cites <{BASE}id/actor/united-states> ."),
    )
    page.get_by_label("paraphrase").check()  # the toggle: the curator's words instead
    first = page.locator("table.rows q.words").first
    expect(first).to_be_hidden()
    expect(page.locator("table.rows .paraphrase").first).to_be_visible()
    watch.assert_clean()


def test_6_a_search_of_several_words(base_url: str, watched: tuple[Page, Watch]) -> None:
    """Search "Crimea 2014" → the annexation of Crimea, both words combined."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("navigation").get_by_role("link", name="Search").click()
    page.get_by_role("searchbox").first.fill("Crimea 2014")
    page.keyboard.press("Enter")
    hit = page.locator("main a[href$='/doc/event/annexation-of-crimea-2014']")
    expect(hit.first).to_be_visible()
    hit.first.click()
    expect(page.locator("h1")).to_contain_text("Crimea")
    watch.assert_clean()


def test_7_where_a_figure_comes_from_and_who_uses_it(
    base_url: str, built: OxigraphStore, watched: tuple[Page, Watch]
) -> None:
    """Figures → the poll → "citation needed" where the document names no source, and every
    claim that uses it, in its words."""
    page, watch = watched
    start(page, base_url)
    page.get_by_role("navigation").get_by_role("link", name="Figures").click()
    page.locator("a[href$='/doc/statistic/ukrainians-support-fighting-84']").first.click()
    expect(page.locator(".citation-needed").first).to_be_visible()
    shows_one_of(
        page,
        words_of_claims(
            built, f"?claim kgd:cites <{BASE}id/statistic/ukrainians-support-fighting-84> ."
        ),
    )
    watch.assert_clean()


@pytest.mark.parametrize(
    "path",
    [
        "/doc/actor/nato",  # an organisation
        "/doc/actor/vladimir-putin",  # a person
        "/doc/place/crimea",
        "/queries/claims-about-an-actor",
        "/queries/event-and-claims",
    ],
)
def test_more_kinds_of_page_have_no_serious_accessibility_violation(
    base_url: str, watched: tuple[Page, Watch], path: str
) -> None:
    page, watch = watched
    response = page.goto(base_url + path)
    assert response is not None and response.ok
    assert axe_violations(page) == []
    watch.assert_clean()


def test_the_first_tab_offers_to_skip_to_the_content(
    base_url: str, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    start(page, base_url)
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text("Skip to the content")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    watch.assert_clean()
