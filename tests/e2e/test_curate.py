"""A whole curation in a real browser (issue 11): `kgdebate curate` on a draft of a debate the
tests had not seen, driven by Chromium without touching the YAML file, through to the ingest and
the seed's Crimea 2014 event page of a public server that was running all along."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from browsing import Watch, axe_violations, browser, screenshot, watched  # noqa: F401
from playwright.sync_api import Page, expect

from kgdebate.generation import publish
from kgdebate.store import OxigraphStore

from live_server import LiveServer, fetch

ROUNDTABLE = Path(__file__).parents[1] / "data" / "curate" / "roundtable-ceasefire.txt"
NO_DEBATE = Path(__file__).parents[1] / "data" / "curate" / "speech-black-sea.txt"
SEED_CLAIM = "belfer-2023-11-16-pressure-ukraine-to-negotiate/c17"
CRIMEA = "doc/event/annexation-of-crimea-2014"


@dataclass
class Curation:
    url: str
    draft: Path
    original: str
    public: LiveServer


def _kgdebate(*arguments: str) -> list[str]:
    return [str(Path(sys.executable).with_name("kgdebate")), *arguments]


@pytest.fixture(scope="module")
def curation(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Curation]:
    folder = tmp_path_factory.mktemp("curation")
    store = folder / "store"
    built.backup(store)
    publish(store, OxigraphStore(store))
    shutil.copy(ROUNDTABLE, folder)
    text = folder / ROUNDTABLE.name
    done = subprocess.run(
        _kgdebate("--data-dir", str(store), "extract", str(text)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    draft = text.with_suffix(".yaml")
    original = draft.read_text("utf-8")
    with LiveServer(store, folder / "public.log").serving() as public:
        with _workbench(store, draft, folder / "curate.log") as url:
            yield Curation(url, draft, original, public)


@contextmanager
def _workbench(store: Path, draft: Path, log: Path) -> Iterator[str]:
    """`kgdebate curate DRAFT` running, and the URL it prints; stopped after."""
    with log.open("wb") as out:
        workbench = subprocess.Popen(
            _kgdebate("--data-dir", str(store), "curate", str(draft)),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield _url_in(log, workbench)
        finally:
            os.killpg(workbench.pid, signal.SIGTERM)
            workbench.wait(timeout=20)


def _url_in(log: Path, process: subprocess.Popen[bytes], within_s: float = 60) -> str:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        found = re.search(r"open (http://127\.0\.0\.1:\d+/curate/\?token=\S+)", log.read_text())
        if found:
            return found.group(1)
        assert process.poll() is None, log.read_text()
        time.sleep(0.1)
    raise AssertionError(f"no URL from `kgdebate curate`: {log.read_text()}")


def _served(server: LiveServer, generation: int, within_s: float = 20) -> bool:
    deadline = time.monotonic() + within_s
    while b'"generation":%d' % generation not in fetch(server.base_url + "health")[1]:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.3)
    time.sleep(1.1)  # every server process has made its once-a-second check
    return True


def _edited(page: Page, action: Callable[[], None]) -> None:
    """Do ``action`` and wait until the workbench has saved its edit (or said why not)."""
    count = int(page.locator("body").get_attribute("data-edits") or 0)
    action()
    expect(page.locator("body")).to_have_attribute("data-edits", str(count + 1))
    assert page.locator("#alert").is_hidden(), page.locator("#alert").text_content()


def _select_words(page: Page, words: str, collapsed: bool = False) -> None:
    """Select ``words`` in the text as a mouse would (or put the caret at their start)."""
    page.evaluate(
        """([words, collapsed]) => {
             for (const seg of document.querySelectorAll('#text .seg')) {
               const at = seg.textContent.indexOf(words);
               if (at < 0) continue;
               const node = seg.firstChild, range = document.createRange();
               range.setStart(node, at);
               range.setEnd(node, collapsed ? at : at + words.length);
               const selection = window.getSelection();
               selection.removeAllRanges();
               selection.addRange(range);
               return;
             }
             throw new Error('not in one span of the text: ' + words);
           }""",
        [words, collapsed],
    )


def test_a_draft_becomes_a_curated_document_in_the_browser(
    curation: Curation, watched: tuple[Page, Watch]
) -> None:
    page, watch = watched
    page.goto(curation.url)
    expect(page).to_have_url(re.compile(r"/curate/$"))  # the token left the address bar
    expect(page.locator("body")).to_have_attribute("data-loaded", "true")
    expect(page.locator("#claims .card")).to_have_count(6)

    # Each claim's line is numbered as its `paragraph:` counts (no heading, no date line), and
    # every number is painted inside its paragraph's box, where nothing clips it.
    for claim in yaml.safe_load(curation.original)["claims"]:
        line = page.locator(f'#text p:has(.seg[data-claim="{claim["id"]}"])').first
        expect(line).to_have_attribute("data-number", str(claim["paragraph"]))
    assert page.evaluate(
        """() => [...document.querySelectorAll('#text p[data-number]')].every((p) => {
             const box = p.getBoundingClientRect();
             const n = p.querySelector('.number').getBoundingClientRect();
             return n.width > 0 && n.left >= box.left && n.right <= box.right;
           })"""
    )

    # A claim's card says how many of the draft's proposals inside its words are left.
    page.locator("#card-c03").click()  # "About 62% of respondents …": a figure to record
    expect(page.locator("#card-c03 .open-count")).to_have_text(re.compile(r"^[1-9]\d* to decide"))

    # The document's metadata: the draft's guesses confirmed, the missing fields given.
    page.locator("details.document-panel summary").click()
    for _ in range(3):
        _edited(page, lambda: page.get_by_role("button", name="Confirm the guess").first.click())
    for field, value in (
        ("publisher", "belfer-center"),
        ("url", "https://example.org/roundtable-ceasefire"),
        ("citation", "Can a Ceasefire Hold Without Guarantees? Example Policy Roundtable, 2023."),
    ):
        row = page.locator("#document .row").filter(has=page.get_by_label(f"document {field}"))
        page.get_by_label(f"document {field}").fill(value)
        _edited(page, lambda row=row: row.get_by_role("button", name="Save").click())

    # The draft saw a debate (its FOR and AGAINST labels): the motion in words, two themes.
    page.get_by_label("motion").fill("A ceasefire should be agreed now.")
    page.get_by_label("new theme").fill("Ceasefire")
    _edited(page, lambda: page.get_by_role("button", name="Save motion / add theme").click())
    page.get_by_label("new theme").fill("Guarantees")
    _edited(page, lambda: page.get_by_role("button", name="Save motion / add theme").click())

    # c01's words shrunk by a word at the start, then extended back, by keyboard.
    page.locator("#card-c01").focus()
    expect(page.locator("#card-c01")).not_to_contain_text("null")  # no stance row: nothing
    _edited(page, lambda: page.keyboard.press("Alt+Shift+ArrowRight"))
    expect(page.locator("#card-c01 .words")).to_have_text(re.compile(r"^“ceasefire now"))
    page.locator("#card-c01").focus()
    _edited(page, lambda: page.keyboard.press("Alt+Shift+ArrowLeft"))
    expect(page.locator("#card-c01 .words")).to_have_text(re.compile(r"^“A ceasefire now"))

    # Split c02 where its second clause starts; merge c04 with c05; replace c06 by a new claim
    # made of selected words.
    page.locator("#card-c02").click()  # a claim's card opens to edit it
    _select_words(page, ", and the team argued", collapsed=True)
    _edited(
        page, lambda: page.locator("#card-c02").get_by_role("button", name="Split at caret").click()
    )
    expect(page.locator("#card-c07 .words")).to_have_text(re.compile(r"and the team argued"))
    page.locator("#card-c04").click()
    _edited(
        page, lambda: page.locator("#card-c04").get_by_role("button", name="Merge with c05").click()
    )
    expect(page.locator("#card-c05")).to_have_count(0)
    page.locator("#card-c06").click()
    _edited(page, lambda: page.locator("#card-c06").get_by_role("button", name="Delete").click())
    _select_words(page, "Both teams agreed that the humanitarian toll is rising")
    _edited(page, lambda: page.get_by_role("button", name="New claim").click())
    expect(page.locator("#card-c08 .words")).to_have_text(
        "“Both teams agreed that the humanitarian toll is rising”"
    )

    # Sides (none for the background sentence), themes and kinds.
    for claim, side, theme, kind in (
        ("c01", "for", "ceasefire", "recommendation"),
        ("c02", "for", "ceasefire", "fact"),
        ("c07", "for", "ceasefire", "forecast"),
        ("c03", "for", "ceasefire", "fact"),
        ("c04", "against", "guarantees", "forecast"),
        ("c08", "none", None, "fact"),
    ):
        page.locator(f"#card-{claim}").click()
        _edited(page, lambda c=claim, s=side: page.get_by_label(f"side of {c}").select_option(s))
        if theme:
            _edited(
                page, lambda c=claim, t=theme: page.get_by_label(f"theme of {c}").select_option(t)
            )
        _edited(page, lambda c=claim, k=kind: page.get_by_label(f"kind of {c}").select_option(k))
    # A theme is offered by its title, its id kept as the value written.
    page.locator("#card-c04").click()
    expect(page.get_by_label("theme of c04").locator("option:checked")).to_have_text("Guarantees")

    # The merged claim's statement in the curator's words, without the draft's label.
    page.locator("#card-c04").click()
    page.get_by_label("statement of c04").fill(
        "Russia treated the annexation of Crimea in 2014 as a prize; a pause would let it rearm."
    )
    _edited(page, lambda: page.get_by_label("statement of c04").press("Tab"))

    # c04 restates a claim of the seed, and cites Crimea 2014 as a precedent (found by search).
    page.get_by_label("relation of c04").select_option("restates")
    page.get_by_label("related claim for c04").fill(SEED_CLAIM)
    _edited(page, lambda: page.locator("#card-c04").get_by_role("button", name="Relate").click())
    page.get_by_label("cited as, for c04").select_option("precedent")
    page.get_by_label("kind of evidence, for c04").select_option("historical-precedent")
    page.get_by_label("search something for c04 to cite").fill("Crimea")
    hit = page.locator("#card-c04 .hits button", has_text="annexation-of-crimea-2014")
    _edited(page, lambda: hit.click())

    # The draft's proposals: one link accepted, one rejected; "no source" for the poll figure.
    proposals = page.locator("#proposals li")
    # Both clicked at once, as a quick hand would: each write waits for the one before it and
    # names the version that one left, so neither is refused as made on an old version.
    accept = proposals.filter(has_text="“annexation of Crimea”").get_by_role(
        "button", name="Accept"
    )
    reject = proposals.filter(has_text="“Moscow”").get_by_role("button", name="Reject")
    count = int(page.locator("body").get_attribute("data-edits") or 0)
    page.evaluate(
        "([a, b]) => { a.click(); b.click(); }", [accept.element_handle(), reject.element_handle()]
    )
    expect(page.locator("body")).to_have_attribute("data-edits", str(count + 2))
    assert page.locator("#alert").is_hidden(), page.locator("#alert").text_content()
    publisher = proposals.filter(has_text="“Example Policy Roundtable”")  # named in its byline
    _edited(page, lambda: publisher.get_by_role("button", name="No link").click())
    expect(page.get_by_label("unit of About 62%")).to_have_value("percent")  # the draft's
    # Its sentence gives it no date: as of the roundtable's date at the latest, as drafted.
    expect(page.get_by_label("as-of date of About 62%", exact=True)).to_have_value("2023-11-09")
    expect(page.get_by_label("how the as-of date of About 62% holds")).to_have_value("on-or-before")
    page.get_by_label("id of a statistic for About 62%").fill("ceasefire-survey-62")
    page.get_by_label("what About 62% measures").fill("share who would accept a pause")
    _edited(
        page,
        lambda: (
            proposals.filter(has_text="“About 62%”")
            .get_by_role("button", name="New statistic", exact=True)
            .click()
        ),
    )

    expect(page.locator("#todo")).to_have_text("0 decisions left · 0 errors")
    expect(page.locator(".open-count")).to_have_count(0)
    screenshot(page, "curate")
    assert axe_violations(page) == []

    # The file was only edited where something changed; comments and the rest are as written.
    curated = curation.draft.read_text("utf-8")
    before, after = curation.original.splitlines(), curated.splitlines()
    assert [line for line in before if line.startswith("#")] == [
        line for line in after if line.startswith("#")
    ]
    untouched = [line for line in before if "Istanbul talks" in line and "{text:" in line]
    assert untouched and all(line in after for line in untouched)
    # Every claim was edited; the draft's records that were not decided were not rewritten.
    draft = before[before.index("draft:") :]
    decided = ('"annexation of Crimea"', '"Moscow"', '"Example Policy', '"About 62%"', "guessed:")
    kept = [line for line in draft if not any(word in line for word in decided)]
    assert [line for line in kept if line not in after] == []
    removed = [d[2:] for d in difflib.ndiff(before, after) if d.startswith("- ")]
    assert not any(line.lstrip().startswith(("id:", "sha256:", "text:")) for line in removed)
    assert 'decision: "no link"' in curated and "source_given: false" in curated
    [statistic] = yaml.safe_load(curated)["statistics"]
    assert (statistic["as_of"], statistic["date_qualifier"]) == ("2023-11-09", "on-or-before")

    # Finished, ingested: the public server shows the new claims on the seed's Crimea page.
    _edited(page, lambda: page.get_by_role("button", name="Finish the draft").click())
    page.get_by_role("button", name="Ingest").click()
    expect(page.locator("#status")).to_have_text(re.compile(r"^stored .*roundtable-ceasefire"))
    assert _served(curation.public, 2)  # the public server switched to the new generation
    page.goto(curation.public.base_url + CRIMEA)
    for toggle in page.get_by_label("paraphrase").all():  # the statement, not the quote
        toggle.check()
    expect(
        page.get_by_text("treated the annexation of Crimea in 2014 as a prize").first
    ).to_be_visible()
    screenshot(page, "curate-crimea-after-ingest")
    watch.assert_clean()


SPEECH = "2022/BGD_77_2022"


@pytest.fixture(scope="module")
def speech_curation(
    corpus_built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """`kgdebate curate` on a UN General Debate speech as `kgdebate import ungdc` wrote it."""
    from conftest import CORPUS, FULL_DATA

    text = CORPUS / "ungdc" / f"{SPEECH}.txt"
    if not text.exists():
        pytest.skip("no UN General Debate corpus in ../shared/corpus/ungdc beside the repository")
    folder = tmp_path_factory.mktemp("speech-curation")
    corpus_built.backup(folder / "store")
    annotation = folder / Path(SPEECH).with_suffix(".yaml").name
    shutil.copy(FULL_DATA / "annotations" / "ungdc" / f"{SPEECH}.yaml", annotation)
    shutil.copy(text, folder)
    log = folder / "curate.log"
    with log.open("wb") as out:
        workbench = subprocess.Popen(
            _kgdebate("--data-dir", str(folder / "store"), "curate", str(annotation)),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield _url_in(log, workbench), annotation
        finally:
            os.killpg(workbench.pid, signal.SIGTERM)
            workbench.wait(timeout=20)


def test_a_curator_confirms_one_machine_stance_and_corrects_another(
    speech_curation: tuple[str, Path], watched: tuple[Page, Watch]
) -> None:
    """Issue 14, 4: the stances the rules found are shown as the rules' (cues, confidence);
    one confirmed, one given another label, both then the curator's, in the file."""
    from kgdebate.ingest.yamlstrict import load_strict

    url, annotation = speech_curation
    page, _ = watched
    page.goto(url)
    expect(page.locator("body")).to_have_attribute("data-loaded", "true")
    expect(page.locator("#card-s01")).to_contain_text("found by rules, not confirmed")
    page.locator("#card-s02").click()
    expect(page.locator("#card-s02 .machine")).to_contain_text("the end of the Russia-Ukraine war")
    _edited(page, lambda: page.locator("#card-s02").get_by_role("button", name="Confirm").click())
    expect(page.locator("#card-s02 .machine")).to_have_count(0)
    page.locator("#card-s01").click()
    _edited(page, lambda: page.get_by_label("stance of s01").select_option("effects-only"))
    expect(page.locator("#card-s01 .machine")).to_have_count(0)
    assert not axe_violations(page)
    claims = load_strict(annotation.read_text("utf-8"), annotation.name).data["claims"]
    assert [(c["stance"]["label"], "extracted" in c) for c in claims[:2]] == [
        ("effects-only", False),
        ("calls-for-talks", False),
    ]


def test_a_draft_of_no_debate_offers_no_sides(
    built: OxigraphStore, tmp_path: Path, watched: tuple[Page, Watch]
) -> None:
    """A speech is no debate: its cards offer no side or theme, its text is not painted "no
    side yet", and the legend of the sides' colours is hidden."""
    page, watch = watched
    store = tmp_path / "store"
    built.backup(store)
    shutil.copy(NO_DEBATE, tmp_path)
    done = subprocess.run(
        _kgdebate("--data-dir", str(store), "extract", str(tmp_path / NO_DEBATE.name)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with _workbench(store, tmp_path / "speech-black-sea.yaml", tmp_path / "curate.log") as url:
        page.goto(url)
        expect(page.locator("body")).to_have_attribute("data-loaded", "true")
        card = page.locator("#claims .card").first
        card.click()  # a claim's card opens to edit it
        claim = card.get_attribute("data-claim")
        expect(page.get_by_label(f"kind of {claim}")).to_be_visible()
        expect(page.get_by_label(f"side of {claim}")).to_have_count(0)
        expect(page.locator("#bar .legend")).to_be_hidden()
        expect(page.locator("#text .tone-unset")).to_have_count(0)
        # Leaving while a write waits its turn asks first (five of eight names were lost).
        asked: list[str] = []
        page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
        page.evaluate(
            "(id) => { for (const kind of ['fact', 'forecast', 'fact']) post('edit', "
            "{ op: 'set', args: { claim: id, field: 'kind', value: kind } }); }",
            claim,
        )
        page.close(run_before_unload=True)
        expect(page.locator("body")).to_have_attribute("data-loaded", "true")  # still open
        assert asked == ["beforeunload"]
    watch.assert_clean()
