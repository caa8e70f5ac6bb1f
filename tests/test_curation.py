"""The curation workbench's API (issue 11): its access rules, its edits of the YAML file, and
what it refuses. The browser's walk through a whole curation is tests/e2e/test_curate.py."""

from __future__ import annotations

import copy
import difflib
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from kgdebate.anchor import CONTEXT
from kgdebate.config import Settings
from kgdebate.curation.operations import Edit, run
from kgdebate.curation.web import init_app
from kgdebate.curation.workbench import Conflict, Workbench
from kgdebate.curation.yamltext import EditError, YamlText, apply_splices, checked
from kgdebate.generation import readable_store
from kgdebate.ingest.text import check_quotes, read_text
from kgdebate.ingest.yamlstrict import compose_strict, load_strict
from kgdebate.store import OxigraphStore
from kgdebate.web import create_app

from conftest import make_settings

CURATE = Path(__file__).parent / "data" / "curate"
TOKEN = "the-one-time-token"


def kgdebate(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("kgdebate")), *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def workspace(built: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built store and a draft of the speech, made by `extract` against it."""
    folder = tmp_path_factory.mktemp("curate")
    built.backup(folder / "store")
    shutil.copy(CURATE / "speech-black-sea.txt", folder)
    done = kgdebate(
        "--data-dir", str(folder / "store"), "extract", str(folder / "speech-black-sea.txt")
    )
    assert done.returncode == 0, done.stderr
    return folder


@dataclass
class Bench:
    client: FlaskClient
    file: Path
    csrf: str
    settings: Settings

    def state(self) -> dict[str, Any]:
        """The page's state once the whole file's check (in the background) has ended."""
        for _ in range(600):
            response = self.client.get("/curate/state")
            assert response.status_code == 200, response.json
            if not response.json["checking"]:
                return response.json  # type: ignore[no-any-return]
            time.sleep(0.05)
        raise AssertionError("the check never ended")

    def edit(self, op: str, version: str | None = None, **args: Any) -> Any:
        body = {"version": version or self.state()["version"], "op": op, "args": args}
        return self.client.post("/curate/edit", json=body, headers={"X-CSRF-Token": self.csrf})


@pytest.fixture
def bench(workspace: Path, tmp_path: Path) -> Iterator[Bench]:
    file = tmp_path / "speech-black-sea.yaml"
    shutil.copy(workspace / "speech-black-sea.yaml", file)
    shutil.copy(workspace / "speech-black-sea.txt", tmp_path)
    settings = make_settings(workspace, data_dir=workspace / "store")
    app = create_app(settings)
    init_app(app, Workbench(file, None, settings), TOKEN)
    client = app.test_client()
    assert client.get(f"/curate/?token={TOKEN}").status_code == 303
    page = client.get("/curate/")
    found = re.search(r'name="csrf-token" content="([^"]+)"', page.get_data(as_text=True))
    assert found
    yield Bench(client, file, found.group(1), settings)


def test_the_token_opens_the_workbench_once_and_a_cookie_carries_it(
    workspace: Path, tmp_path: Path
) -> None:
    file = tmp_path / "draft.yaml"
    shutil.copy(workspace / "speech-black-sea.yaml", file)
    settings = make_settings(workspace, data_dir=workspace / "store")
    app = create_app(settings)
    init_app(app, Workbench(file, workspace / "speech-black-sea.txt", settings), TOKEN)
    stranger, curator = app.test_client(), app.test_client()
    assert stranger.get("/curate/").status_code == 403
    assert stranger.get("/curate/state").status_code == 403
    assert stranger.get("/curate/?token=a-guess").status_code == 403
    opened = curator.get(f"/curate/?token={TOKEN}")
    assert opened.status_code == 303 and opened.headers["Location"] == "/curate/"
    cookie = opened.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/curate" in cookie
    assert curator.get("/curate/").status_code == 200
    assert stranger.get(f"/curate/?token={TOKEN}").status_code == 403  # used: good once
    assert curator.get("/curate/state").headers["Cache-Control"] == "no-store"


def test_a_write_without_the_csrf_token_writes_nothing(bench: Bench) -> None:
    before = bench.file.read_bytes()
    body = {"version": bench.state()["version"], "op": "delete", "args": {"claim": "c01"}}
    assert bench.client.post("/curate/edit", json=body).status_code == 403
    forged = bench.client.post("/curate/edit", json=body, headers={"X-CSRF-Token": "forged"})
    assert forged.status_code == 403 and "CSRF" in forged.json["error"]
    assert bench.file.read_bytes() == before


def test_an_edit_from_a_stale_tab_is_refused_not_merged(bench: Bench) -> None:
    stale = bench.state()["version"]
    assert bench.edit("set", claim="c01", field="kind", value="moral").status_code == 200
    after_first = bench.file.read_bytes()
    refused = bench.edit("set", version=stale, claim="c01", field="kind", value="fact")
    assert refused.status_code == 409 and "changed since this page read it" in refused.json["error"]
    assert bench.file.read_bytes() == after_first


@pytest.mark.parametrize(
    ("op", "args", "says"),
    [
        ("new-claim", {"start": -5, "end": 10}, "outside the text"),
        ("new-claim", {"start": 10, "end": 10**9}, "outside the text"),
        ("new-claim", {"start": 0, "end": "12"}, "whole number"),
        ("new-claim", {"start": 60, "end": 62}, "no words"),
        ("set", {"claim": "c01", "field": "text", "value": "../../etc/passwd"}, "must be one of"),
        ("set", {"claim": "c01", "field": "side", "value": "maybe"}, "must be one of"),
        ("set", {"claim": "c99", "field": "side", "value": "for"}, "no claim 'c99'"),
        ("document", {"field": "text", "value": "/etc/passwd"}, "must be one of"),
        ("document", {"field": "url", "value": "javascript:alert(1)"}, "http(s) address"),
        ("cite", {"claim": "c01", "kind": "event", "target": "../x", "as": "evidence"}, "an id"),
        ("relate", {"claim": "c01", "relation": "supports", "target": "c01"}, "itself"),
        ("rm -rf", {}, "unknown operation"),
    ],
)
def test_hostile_edits_get_a_clear_error_and_leave_the_file_byte_for_byte(
    bench: Bench, op: str, args: dict[str, Any], says: str
) -> None:
    before = bench.file.read_bytes()
    refused = bench.edit(op, **args)
    assert refused.status_code == 400
    assert says in refused.json["error"]
    assert bench.file.read_bytes() == before


def test_a_ten_megabyte_request_is_refused_before_it_is_read(bench: Bench) -> None:
    before = bench.file.read_bytes()
    huge = {"version": "x", "op": "set", "args": {"value": "a" * 10_000_000}}
    response = bench.client.post("/curate/edit", json=huge, headers={"X-CSRF-Token": bench.csrf})
    assert response.status_code == 413
    assert bench.file.read_bytes() == before


def test_script_in_a_statement_is_stored_as_words_and_the_page_never_holds_it(
    bench: Bench,
) -> None:
    script = "<script>alert('x')</script> Talks now."
    assert bench.edit("set", claim="c01", field="statement", value=script).status_code == 200
    assert load_strict(bench.file.read_text(), "f").data["claims"][0]["statement"] == script
    page = bench.client.get("/curate/").get_data(as_text=True)
    assert "alert(" not in page  # the page is a shell; the script puts values in as text
    assert "default-src 'self'" in bench.client.get("/curate/").headers["Content-Security-Policy"]


def test_findings_name_the_claim_and_decisions_reach_zero(bench: Bench) -> None:
    state = bench.state()
    assert any(f["severity"] == "decision" for f in state["findings"])
    for field in ("title", "date", "language"):
        assert bench.edit("document", field=field).status_code == 200
    for field, value in (
        ("publisher", "united-nations"),
        ("url", "https://example.org/speech"),
        ("citation", "Statement of the Delegation of Example, General Debate, September 2023."),
    ):
        assert bench.edit("document", field=field, value=value).status_code == 200
    for index, _ in enumerate(bench.state()["draft"]["new_entities"]):
        assert bench.edit("new-entity", index=index, decision="not an entity").status_code == 200
    assert bench.edit("set", claim="c01", field="side", value="maybe").status_code == 400
    state = bench.state()
    assert [f for f in state["findings"] if f["severity"] in ("decision", "error")] == []
    assert "untouched draft" in bench.file.read_text()
    assert bench.edit("finish").status_code == 200
    assert "draft" not in load_strict(bench.file.read_text(), "f").data
    # the draft's notes in the header go with it; the schema's line stays
    finished = bench.file.read_text()
    assert "Draft made by" not in finished and "untouched draft" not in finished
    assert finished.startswith("# yaml-language-server: $schema=")


def test_an_edit_rewrites_only_its_own_lines(bench: Bench) -> None:
    before = bench.file.read_text().splitlines(keepends=True)
    assert bench.edit("set", claim="c02", field="kind", value="moral").status_code == 200
    after = bench.file.read_text().splitlines(keepends=True)
    diff = [d for d in difflib.ndiff(before, after) if d[:1] in "+-"]
    assert len(diff) == 2 and diff[0].startswith("-   kind: ") and diff[1] == "+   kind: moral\n"
    assert after[:3] == before[:3] and after[-1] == before[-1]  # header and fingerprint kept


# -- every selection becomes a claim whose selectors round-trip -----------------------------------


def test_a_thousand_random_selections_anchor_to_their_own_words(seed_text: Path) -> None:
    text = read_text(seed_text, 10**7)
    annotation = (
        "kgdebate: annotation/1\n"
        "# a comment that must survive\n"
        "document:\n"
        "  id: fuzz\n"
        f"  sha256: {text.sha256}\n"
        "claims:\n"
        "- id: c00\n"
        "  statement: first\n"
    )
    base = load_strict(annotation, "fuzz").data
    chance = random.Random(20231116)
    lines = [i for i, ch in enumerate(text.text) if ch == "\n"]
    for trial in range(1000):
        if trial % 4 == 0:  # from a line end, across paragraphs
            start = chance.choice(lines)
            end = min(len(text.text), start + chance.randint(2, 600))
        else:  # anywhere: inside words, on punctuation
            start = chance.randrange(len(text.text) - 2)
            end = min(len(text.text), start + chance.randint(1, 400))
        edit = Edit(copy.deepcopy(base), YamlText(annotation, "fuzz"), text.text)
        try:
            splices = run(edit, "new-claim", {"start": start, "end": end})
        except EditError as exc:
            assert "no words" in str(exc) and not text.text[start:end].strip()
            continue
        written = checked(apply_splices(annotation, splices), edit.data, "fuzz", 10**5)
        assert "# a comment that must survive" in written.text
        loaded = written.loaded
        quote = loaded.data["claims"][1]["quote"]
        assert text.text[quote["start"] : quote["end"]] == quote["exact"]
        assert quote["exact"] == text.text[start:end].strip()
        assert quote["prefix"] == text.text[max(0, quote["start"] - CONTEXT) : quote["start"]]
        assert quote["suffix"] == text.text[quote["end"] : quote["end"] + CONTEXT]
        check_quotes(text, loaded, "fuzz")  # the ingest gate's own check


def test_a_workbench_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    draft = CURATE / "speech-black-sea.txt"
    done = kgdebate("--data-dir", str(tmp_path / "none"), "curate", str(draft))
    assert done.returncode == 2 and "kgdebate build" in done.stderr


def test_an_edit_rechecks_its_claim_and_keeps_what_was_said_of_the_others(bench: Bench) -> None:
    motion = {"motion": "Talks should start now.", "theme": "Talks"}
    assert bench.edit("debate", **motion).status_code == 200
    before = bench.file.read_bytes()
    refused = bench.edit("finish")  # decisions are left: the draft block stays
    assert refused.status_code == 400 and "decision(s)" in refused.json["error"]
    assert bench.file.read_bytes() == before
    # Curated by hand in an editor (the draft block deleted): a debate's claims need sides.
    text = bench.file.read_text("utf-8")
    bench.file.write_text(text[: text.index("\ndraft:")] + "\n", "utf-8")
    claims = [c["id"] for c in bench.state()["claims"]]
    errors = {f["claim"] for f in bench.state()["findings"] if f["severity"] == "error"}
    assert set(claims) <= errors, bench.state()["findings"]
    assert any("claims[" in f["message"] for f in bench.state()["findings"])
    assert bench.edit("set", claim=claims[0], field="side", value="none").status_code == 200
    state = bench.edit("set", claim=claims[0], field="kind", value="fact").json
    errors = {f["claim"] for f in state["findings"] if f["severity"] == "error"}
    assert claims[0] not in errors and set(claims[1:]) <= errors


@pytest.mark.parametrize("name", ["seed", "draft", "minimal"])
def test_a_file_read_in_chunks_reads_as_the_whole_file(workspace: Path, name: str) -> None:
    """Chunks (each top-level key, each item of a top-level list) give the data, the line of
    every value and the region of every claim that reading the file whole gives."""
    from conftest import SEED

    path = {
        "seed": SEED,
        "draft": workspace / "speech-black-sea.yaml",
        "minimal": Path(__file__).parent / "data" / "minimal.yaml",
    }[name]
    text = path.read_text("utf-8")
    whole = load_strict(text, "f")
    chunked = YamlText(text, "f")
    assert chunked._top is not None  # noqa: SLF001 - the chunked reading was the one tested
    assert chunked.data == whole.data
    assert {p: chunked.loaded.line(p) for p in whole.lines} == whole.lines
    forced = YamlText(text, "f")
    forced._top = None  # noqa: SLF001 - the same file, read whole
    forced._root = compose_strict(text, "f")[0]  # noqa: SLF001
    for index in range(len(whole.data.get("claims", []))):
        for path_ in (("claims", index), ("claims", index, "quote")):
            assert chunked.region(path_) == forced.region(path_)


def test_a_claim_can_be_dated_to_the_month_and_approximately(bench: Bench) -> None:
    assert bench.edit("set", claim="c01", field="as_of", value="2023-09").status_code == 200
    done = bench.edit("set", claim="c01", field="date_qualifier", value="approximately")
    assert done.status_code == 200
    claim = load_strict(bench.file.read_text(), "f").data["claims"][0]
    assert (claim["as_of"], claim["date_qualifier"]) == ("2023-09", "approximately")
    assert bench.edit("set", claim="c01", field="as_of", value="Sept 2023").status_code == 400
    refused = bench.edit("set", claim="c01", field="date_qualifier", value="soon")
    assert refused.status_code == 400 and "on-or-before" in refused.json["error"]
    assert not [f for f in done.json["findings"] if f["severity"] == "error"]


def test_an_unknown_name_becomes_an_actor_of_the_reference_data_and_of_its_claims(
    built: OxigraphStore, tmp_path: Path
) -> None:
    from conftest import DATA

    store, reference = tmp_path / "store", tmp_path / "reference"
    built.backup(store)
    shutil.copytree(DATA / "reference", reference)
    speech = tmp_path / "speech-black-sea.txt"
    shutil.copy(CURATE / "speech-black-sea.txt", speech)
    with speech.open("a", encoding="utf-8") as more:  # two more names, to add at once below
        more.write("\nWe welcome the Example Grain Council and the Example Port Authority.\n")
    settings = make_settings(tmp_path, data_dir=store, reference_dir=reference)
    done = kgdebate("--data-dir", str(store), "extract", str(speech))
    assert done.returncode == 0, done.stderr
    file = tmp_path / "speech-black-sea.yaml"
    app = create_app(settings)
    workbench = Workbench(file, None, settings)
    init_app(app, workbench, TOKEN)
    client = app.test_client()
    client.get(f"/curate/?token={TOKEN}")
    csrf = re.search(
        r'csrf-token" content="([^"]+)"', client.get("/curate/").get_data(as_text=True)
    )
    assert csrf
    state = client.get("/curate/state").json
    names = [n["text"] for n in state["draft"]["new_entities"]]
    index = names.index("Example Peace Institute")
    args = {
        "index": index,
        "type": "think-tank",
        "slug": "example-peace-institute",
        "label": "Example Peace Institute",
        "description": "A think tank named in a test speech.",
    }
    headers = {"X-CSRF-Token": csrf.group(1)}

    def add(version: str, **changes: object) -> Any:
        body = {"version": version, "args": {**args, **changes}}
        return client.post("/curate/entity", json=body, headers=headers)

    refused = add(state["version"], type="state")
    assert refused.status_code == 400 and not (reference / "workbench.ttl").exists()
    added = client.post(
        "/curate/entity", json={"version": state["version"], "args": args}, headers=headers
    )
    assert added.status_code == 200, added.json
    turtle = (reference / "workbench.ttl").read_text("utf-8")
    assert "example-peace-institute" in turtle and "ThinkTank" in turtle
    data = load_strict(file.read_text("utf-8"), "f").data
    assert data["draft"]["new_entities"][index]["added"] == "example-peace-institute"
    holding = [c for c in data["claims"] if "Example Peace Institute" in c["quote"]["exact"]]
    assert holding and all("example-peace-institute" in c["mentions"]["actors"] for c in holding)
    view = OxigraphStore(readable_store(store), read_only=True)
    assert view.types_of("https://w3id.org/kgdebate/id/actor/example-peace-institute")
    again = client.post(
        "/curate/entity", json={"version": added.json["version"], "args": args}, headers=headers
    )
    assert again.status_code == 400 and "already" in again.json["error"]
    assert "an actor" in again.json["error"]

    # Two more names sent at once on the same version: one is added, the other refused whole
    # (its reference data not written either), never half-applied.
    version = added.json["version"]
    others = [i for i, n in enumerate(names) if i != index][:2]
    outcomes: dict[int, str] = {}

    def add_at_once(i: int) -> None:
        slug = f"test-name-{i}"
        entity = {**args, "index": i, "slug": slug, "label": names[i]}
        try:
            workbench.add_entity(version, entity)
            outcomes[i] = "added"
        except Conflict:
            outcomes[i] = "refused"

    threads = [threading.Thread(target=add_at_once, args=(i,)) for i in others]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["added", "refused"], outcomes
    turtle = (reference / "workbench.ttl").read_text("utf-8")
    data = load_strict(file.read_text("utf-8"), "f").data
    for i, outcome in outcomes.items():
        in_yaml = data["draft"]["new_entities"][i].get("added") == f"test-name-{i}"
        assert (f"test-name-{i}" in turtle) == in_yaml == (outcome == "added")

    # A government is of a state the store has: asked for, checked, written as governmentOf.
    last = next(i for i, outcome in outcomes.items() if outcome == "refused")
    government = {**args, "index": last, "type": "government", "slug": "test-government"}
    version = client.get("/curate/state").json["version"]
    for governs, refusal in ((None, "governs a state"), ("atlantis", "no state 'atlantis'")):
        body = {"version": version, "args": {**government, "governs": governs}}
        refused = client.post("/curate/entity", json=body, headers=headers)
        assert refused.status_code == 400 and refusal in refused.json["error"], refused.json
    body = {"version": version, "args": {**government, "governs": "ukraine"}}
    assert client.post("/curate/entity", json=body, headers=headers).status_code == 200
    turtle = (reference / "workbench.ttl").read_text("utf-8")
    assert re.search(r"kgd:governmentOf <[^>]*actor/ukraine>", turtle), turtle


def test_an_impossible_day_is_refused_by_the_workbench_and_by_the_ingest_gate(
    bench: Bench, tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    before = bench.file.read_bytes()
    refused = bench.edit("set", claim="c01", field="as_of", value="2023-02-30")
    assert refused.status_code == 400 and "no day of the calendar" in refused.json["error"]
    assert bench.edit("document", field="date", value="2023-13-01").status_code == 400
    assert bench.file.read_bytes() == before
    from kgdebate.ingest.pipeline import ingest_files

    text = before.decode().replace("  kind:", "  as_of: '2023-02-30'\n  kind:", 1)
    written = tmp_path / bench.file.name
    written.write_text(text, "utf-8")
    shutil.copy(CURATE / "speech-black-sea.txt", tmp_path)
    [outcome] = ingest_files([written], store, settings)
    assert not outcome.stored and "2023-02-30 is no day of the calendar" in str(outcome.error)


def test_the_link_opened_again_in_the_same_browser_opens_the_workbench(bench: Bench) -> None:
    again = bench.client.get(f"/curate/?token={TOKEN}")
    assert again.status_code == 303 and again.headers["Location"] == "/curate/"


def test_a_claim_grows_by_a_word_only_within_its_paragraph_and_never_over_another(
    bench: Bench,
) -> None:
    claims = bench.state()["claims"]
    first, second = claims[0], claims[1]
    before = bench.file.read_bytes()
    while True:  # the end of the first claim's paragraph, or the next claim, stops it
        grown = bench.edit("span", claim=first["id"], edge="end", move="extend")
        if grown.status_code != 200:
            break
    assert "another paragraph" in grown.json["error"] or second["id"] in grown.json["error"]
    start = second["quote"]["start"]
    overlap = bench.edit("new-claim", start=start, end=start + 12)
    assert overlap.status_code == 400 and "overlap" in overlap.json["error"]
    assert (
        load_strict(bench.file.read_text(), "f").data["claims"][1]
        == load_strict(before.decode(), "f").data["claims"][1]
    )  # the next claim was never touched


def test_a_split_claim_keeps_the_mentions_of_its_own_words(bench: Bench) -> None:
    state = bench.state()
    mentions = state["draft"]["mentions"]
    claim = next(
        c
        for c in state["claims"]
        if len(
            {m["slug"] for m in mentions if c["quote"]["start"] <= m["start"] < c["quote"]["end"]}
        )
        >= 1
    )
    names = sorted(
        (m["start"], m["slug"])
        for m in mentions
        if claim["quote"]["start"] <= m["start"] and m["end"] <= claim["quote"]["end"]
    )
    at = names[-1][0]  # just before the last name: it goes to the second half
    split = bench.edit("split", claim=claim["id"], at=at)
    assert split.status_code == 200, split.json
    after = {c["id"]: c for c in split.json["claims"]}
    twin = next(c for c in split.json["claims"] if c["quote"]["start"] >= at)
    assert names[-1][1] in twin["mentions"]["actors"] + twin["mentions"]["events"]
    if names[-1][1] not in {slug for start, slug in names[:-1]}:
        kept = after[claim["id"]]["mentions"]
        assert names[-1][1] not in kept.get("actors", []) + kept.get("events", [])


def test_a_statistic_recorded_by_mistake_can_be_removed_with_its_citations(
    workspace: Path, tmp_path: Path
) -> None:
    from kgdebate.curation.operations import Edit as Edit_

    text = (Path(__file__).parent / "data" / "minimal.yaml").read_text("utf-8")
    doc = YamlText(text, "m")
    edit = Edit_(copy.deepcopy(doc.data), doc, None)
    written = checked(
        apply_splices(text, run(edit, "remove-statistic", {"id": "test-figure"})),
        edit.data,
        "m",
        10**5,
    )
    assert "statistics" not in written.data
    assert all("test-figure" not in str(c.get("cites", "")) for c in written.data["claims"])
    assert "# A small annotation used by the tests" in written.text


def _recorded(annotation: str, figure: str, arguments: dict[str, Any]) -> YamlText:
    """``annotation`` with a draft holding ``figure`` (one flow mapping), after the workbench's
    "new-statistic" with ``arguments``: read back strictly, and as the schema wants it."""
    return _new_statistic(
        f"{annotation}draft:\n  extracted_by: test\n  figures:\n  - {figure}\n", arguments
    )


def _new_statistic(text: str, arguments: dict[str, Any]) -> YamlText:
    from kgdebate.ingest.structure import check_structure

    doc = YamlText(text, "m")
    edit = Edit(copy.deepcopy(doc.data), doc, None)
    written = checked(
        apply_splices(text, run(edit, "new-statistic", arguments)), edit.data, "m", 10**5
    )
    check_structure(load_strict(written.text, "m"), "m")
    return written


def test_a_statistic_takes_a_unit_of_the_units_vocabulary_and_only_those() -> None:
    """Tonnes are recorded as tonnes (the workbench offered percent and people only, and a
    curator stored 30 million tonnes as 30 million people)."""
    minimal = (Path(__file__).parent / "data" / "minimal.yaml").read_text("utf-8")
    figure = '{start: 0, end: 17, text: "33 million tonnes", kind: "count", value: 33000000.0}'
    arguments = {"index": 0, "id": "grain-33", "unit": "tonnes", "measures": "grain shipped"}
    written = _recorded(minimal, figure, arguments)
    [statistic] = [s for s in written.data["statistics"] if s["id"] == "grain-33"]
    assert statistic["unit"] == "tonnes" and statistic["value"] == 33000000.0
    with pytest.raises(EditError, match="tonnes"):
        _recorded(minimal, figure, {**arguments, "unit": "furlongs"})
    bounded = (
        '{start: 0, end: 5, text: "less than 10%", kind: "percent", value: 10.0, bound: "upper"}'
    )
    written = _recorded(minimal, bounded, {**arguments, "unit": "percent"})
    [statistic] = [s for s in written.data["statistics"] if s["id"] == "grain-33"]
    assert statistic["value_qualifier"] == "at-most"  # "less than 10 percent" is no "about 10"
    with pytest.raises(EditError, match="its unit is percent, not tonnes"):  # "84%" no tonnage
        _recorded(minimal, bounded, {**arguments, "unit": "tonnes"})
    with pytest.raises(EditError, match="not percent or a currency"):
        _recorded(minimal, figure, {**arguments, "unit": "USD"})
    # a sum in the currency of a country at war, kept as the draft gives it
    zloty = '{start: 0, end: 17, text: "300 million zloty", kind: "money", value: 300000000.0}'
    written = _recorded(minimal, zloty, {**arguments, "unit": "PLN"})
    [statistic] = [s for s in written.data["statistics"] if s["id"] == "grain-33"]
    assert statistic["unit"] == "PLN"
    with pytest.raises(EditError, match=r"a currency \(USD, EUR, GBP, UAH, RUB, PLN\)"):
        _recorded(minimal, zloty, {**arguments, "unit": "tonnes"})


def test_a_statistic_keeps_the_date_it_describes_as_the_curator_left_it() -> None:
    """The draft's as-of date reaches the statistic (a day, a month or a year) with how it
    holds; a date the calendar lacks or a qualifier of no vocabulary is refused."""
    minimal = (Path(__file__).parent / "data" / "minimal.yaml").read_text("utf-8")
    figure = '{start: 0, end: 9, text: "6 million", kind: "count", value: 6000000.0}'
    arguments = {"index": 0, "id": "idps-6m", "unit": "people", "measures": "people displaced"}
    for as_of, qualifier in (("2023-02", None), ("2023-11-16", "on-or-before"), ("2023", None)):
        given = {"as_of": as_of, **({"date_qualifier": qualifier} if qualifier else {})}
        written = _recorded(minimal, figure, {**arguments, **given})
        [statistic] = [s for s in written.data["statistics"] if s["id"] == "idps-6m"]
        assert (statistic["as_of"], statistic.get("date_qualifier")) == (as_of, qualifier)
    with pytest.raises(EditError, match="no day of the calendar"):
        _recorded(minimal, figure, {**arguments, "as_of": "2023-02-30"})
    with pytest.raises(EditError, match="date_qualifier"):
        _recorded(minimal, figure, {**arguments, "as_of": "2023", "date_qualifier": "soon"})


def test_a_figure_the_store_has_already_is_cited_not_recorded_again(built: OxigraphStore) -> None:
    """Another document's "84%" is offered as the stored statistic of that value and unit (not
    84 people); citing it records which it is on the figure, cites it from the claims that hold
    the figure, and `review` counts it decided (a newcomer's second document could only make a
    duplicate, or be refused for its own wording of the value)."""
    from kgdebate.curation.stored_figures import stored_matches
    from kgdebate.extract.review import decisions_left

    figures = [
        {"kind": "percent", "value": 84.0, "unit": "percent", "text": "84%"},
        {"kind": "count", "value": 84, "unit": "people", "text": "84 people"},
    ]
    matches = stored_matches(figures, built, "https://w3id.org/kgdebate/")
    assert "ukrainians-support-fighting-84" in {m["id"] for m in matches[0]}
    assert 1 not in matches
    minimal = (Path(__file__).parent / "data" / "minimal.yaml").read_text("utf-8")
    figure = '{start: 90, end: 95, text: "84%", kind: "percent", value: 84.0, unit: "percent"}'
    text = f"{minimal}draft:\n  extracted_by: test\n  figures:\n  - {figure}\n"
    doc = YamlText(text, "m")
    edit = Edit(copy.deepcopy(doc.data), doc, None)
    arguments = {"index": 0, "id": "ukrainians-support-fighting-84"}
    written = checked(
        apply_splices(text, run(edit, "cite-stored-statistic", arguments)), edit.data, "m", 10**5
    )
    assert written.data["draft"]["figures"][0]["statistic"] == "ukrainians-support-fighting-84"
    [c3] = [c for c in written.data["claims"] if c["id"] == "c3"]
    assert {"statistic": "ukrainians-support-fighting-84", "as": "evidence"} in c3["cites"]
    left = decisions_left(load_strict(written.text, "m"), Path("m.yaml"))
    assert not [item for item in left if "figure '84%'" in item]


def _drafted(
    built: OxigraphStore, source: Path, text: str
) -> tuple[Workbench, OxigraphStore, Path]:
    """A workbench on the draft `extract` makes of ``text``, over a copy of the built store and
    of the reference data beside it; with a read-only view of the store."""
    from conftest import DATA

    folder = source.parent
    store, reference = folder / "store", folder / "reference"
    built.backup(store)
    shutil.copytree(DATA / "reference", reference)
    source.write_text(text, "utf-8")
    done = kgdebate("--data-dir", str(store), "extract", str(source))
    assert done.returncode == 0, done.stderr
    settings = make_settings(folder, data_dir=store, reference_dir=reference)
    file = source.with_suffix(".yaml")
    view = OxigraphStore(readable_store(store), read_only=True)
    return Workbench(file, None, settings), view, file


def test_a_draft_item_s_decision_is_shown_on_the_claim_that_holds_it(
    built: OxigraphStore, tmp_path: Path
) -> None:
    """The figure's open decision is on the card of the claim holding "84%", not on the last
    claim's (whose lines were read as running to the end of the file, the draft's with them)."""
    workbench, view, _ = _drafted(
        built,
        tmp_path / "poll.txt",
        "Ukrainians and Talks: A Short Note\n\nExample Institute, 20 November 2023\n\n"
        "A survey by the Example Institute found that 84% of Ukrainians rejected any territorial "
        "concessions. That share has barely moved since the summer, analysts say.\n\n"
        "The question for Washington is whether pressing Kyiv now would change that view.\n",
    )
    state = workbench.state(view)
    figure = [f for f in state["findings"] if "figure '84%'" in f["message"]]
    assert [f["claim"] for f in figure] == ["c01"]
    offered = [m["id"] for found in state["stored_figures"].values() for m in found]
    assert offered == ["ukrainians-support-fighting-84"]  # the seed's 84%, to cite


def test_a_speaker_added_as_a_new_person_makes_the_claims_of_their_paragraph(
    built: OxigraphStore, tmp_path: Path
) -> None:
    """An interview's "**Aalto:** …": adding Aalto as a person makes the claims of his answers
    his (``by``), not the interviewer's question (a newcomer's head-to-head lost who argued
    what)."""
    workbench, view, file = _drafted(
        built,
        tmp_path / "interview.txt",
        "Mediation Is Patient Work\n\nExample Weekly, 5 October 2022\n\n"
        "**Example Weekly:** What happened on the night of the exchange? Our readers want to "
        "know how it was done.\n\n"
        "**Aalto:** Russia released many people that night. Most accounts agree on the number, "
        "and the handovers took place at several sites.\n",
    )
    state = workbench.state(view)
    names = [n["text"] for n in state["draft"]["new_entities"]]
    entity = {
        "index": names.index("Aalto"), "type": "person", "slug": "henrik-aalto",
        "label": "Henrik Aalto", "description": "A foreign minister in a test interview.",
    }  # fmt: skip
    workbench.add_entity(state["version"], entity)
    claims = load_strict(file.read_text("utf-8"), "f").data["claims"]
    made = {c["quote"]["exact"][:12]: c.get("by") for c in claims}
    assert made["Russia relea"] == made["Most account"] == "henrik-aalto"
    assert made["Our readers "] is None


@pytest.mark.parametrize("without_statistics", [False, True])
def test_a_statistic_s_source_as_the_text_names_it_is_recorded_under_sources(
    without_statistics: bool,
) -> None:
    """A source the text names ("Maria Example said") and no `sources:` entry has yet: the
    workbench records it there with the words the text gives, or the statistic's source would
    name nothing (a newcomer's figures went live as "citation needed")."""
    minimal = (Path(__file__).parent / "data" / "minimal.yaml").read_text("utf-8")
    if without_statistics:  # neither list in the file yet
        minimal = minimal[: minimal.index("statistics:")]
    figure = '{start: 0, end: 5, text: "3,135", kind: "count", value: 3135.0}'
    arguments = {
        "index": 0, "id": "returned-3135", "unit": "people", "measures": "people returned",
        "source": "maria-example", "source_title": "Maria Example, as the document quotes her",
    }  # fmt: skip
    written = _recorded(minimal, figure, arguments)
    assert written.data["sources"] == [
        {"id": "maria-example", "title": "Maria Example, as the document quotes her"}
    ]
    [statistic] = [s for s in written.data["statistics"] if s["id"] == "returned-3135"]
    assert statistic["source"] == "maria-example" and "source_given" not in statistic


def test_a_statistic_with_a_named_source_after_one_without() -> None:
    """`statistics:` written last, after the draft, then a statistic and a new `sources:` both
    added at the file's end: the item goes under `statistics:`, the new key after it (a
    newcomer's second statistic was refused: the key had gone in first)."""
    minimal = (Path(__file__).parent / "data" / "minimal.yaml").read_text("utf-8")
    text = minimal[: minimal.index("statistics:")] + (
        "draft:\n  extracted_by: test\n  figures:\n"
        '  - {start: 0, end: 5, text: "33 Mt", kind: "count", value: 33000000.0}\n'
        '  - {start: 6, end: 9, text: "30%", kind: "percent", value: 30.0}\n'
    )
    first = _new_statistic(
        text, {"index": 0, "id": "grain", "unit": "tonnes", "measures": "grain shipped"}
    )
    second = _new_statistic(
        first.text,
        {"index": 1, "id": "share", "unit": "percent", "measures": "a share",
         "source": "jane-example", "source_title": "Jane Example"},
    )  # fmt: skip
    assert [s["id"] for s in second.data["statistics"]] == ["grain", "share"]
    assert second.data["sources"] == [{"id": "jane-example", "title": "Jane Example"}]


def test_a_new_entity_needs_the_reference_data_beside_it(tmp_path: Path) -> None:
    from kgdebate.curation.entities import add_to_reference, new_entity

    empty = tmp_path / "reference"
    empty.mkdir()
    settings = make_settings(tmp_path, reference_dir=empty)
    entity = new_entity(
        {"type": "person", "slug": "a-b", "label": "A B", "description": "Someone."}
    )
    with pytest.raises(EditError, match="no reference data"):
        add_to_reference(entity, "doc", settings)
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize(("kind", "cls"), [("news-organization", "NewsOrganization"),
                                            ("company", "Company")])  # fmt: skip
def test_a_news_organization_or_a_company_passes_the_reference_data_s_gate(
    built: OxigraphStore, tmp_path: Path, kind: str, cls: str
) -> None:
    """A paper that relays a figure, a firm that counts ships: actors of their own kinds (a
    newcomer had none to choose for a news outlet)."""
    from kgdebate.curation.entities import add_to_reference, new_entity

    from conftest import DATA

    store, reference = tmp_path / "store", tmp_path / "reference"
    built.backup(store)
    shutil.copytree(DATA / "reference", reference)
    settings = make_settings(tmp_path, data_dir=store, reference_dir=reference)
    entity = new_entity(
        {"type": kind, "slug": "example-outlet", "label": "Example Outlet", "description": "A."}
    )
    add_to_reference(entity, "doc", settings)
    view = OxigraphStore(readable_store(store), read_only=True)
    types = {t.value for t in view.types_of("https://w3id.org/kgdebate/id/actor/example-outlet")}
    assert f"https://w3id.org/kgdebate/def/kgdebate#{cls}" in types


def test_a_claim_can_attack_a_claim_of_a_stored_document(bench: Bench) -> None:
    """Issue 11, 3: supports, attacks and rebuts reach claims of stored documents too."""
    from conftest import SEED_ID

    done = bench.edit("relate", claim="c01", relation="attacks", target=f"{SEED_ID}/c17")
    assert done.status_code == 200, done.json
    assert not [
        f for f in done.json["findings"] if f["claim"] == "c01" and f["severity"] == "error"
    ]
    assert load_strict(bench.file.read_text(), "f").data["claims"][0]["attacks"] == [
        f"{SEED_ID}/c17"
    ]
    wrong = bench.edit("relate", claim="c02", relation="supports", target=f"{SEED_ID}/c999")
    errors = [f for f in wrong.json["findings"] if f["severity"] == "error"]
    assert any(f["claim"] == "c02" and "c999" in f["message"] for f in errors), errors


def test_the_entity_search_offers_citable_things_best_first(bench: Bench) -> None:
    """The workbench's search-as-you-type reads the site's search index: the exact name first,
    a thing once, and no record (a participation is folded into its event)."""
    found = bench.client.get("/curate/entities?q=Istanbul talks").json
    assert found[0] == {"kind": "event", "target": "istanbul-talks-2022", "label": "Istanbul talks"}
    targets = [hit["target"] for hit in found]
    assert len(targets) == len(set(targets))
    assert {hit["kind"] for hit in found} <= {"event", "actor", "claim", "document", "source"}


UNGDC = Path(__file__).parent.parent / "data" / "annotations" / "ungdc"


def _stance_edit(name: str) -> tuple[str, Edit]:
    annotation = (UNGDC / name).read_text("utf-8")
    return annotation, Edit(load_strict(annotation, name).data, YamlText(annotation, name), None)


def test_a_machine_stance_is_confirmed_or_corrected_and_then_no_machine_s() -> None:
    """Issue 14, 4: a curator confirms a stance the rules found, or gives it another label; either
    way the `extracted:` record goes, and only its lines change."""
    annotation, edit = _stance_edit("2022/BGD_77_2022.yaml")
    claims = edit.data["claims"]
    assert [c["stance"]["label"] for c in claims[:2]] == [
        "blames-west-or-sanctions",
        "calls-for-talks",
    ]
    assert all("extracted" in c for c in claims[:2])
    corrected = checked(
        apply_splices(annotation, run(edit, "stance", {"claim": "s01", "label": "effects-only"})),
        edit.data,
        "f",
        10**5,
    ).text
    written = load_strict(corrected, "f").data["claims"]
    assert written[0]["stance"] == {"motion": "negotiate-now", "label": "effects-only"}
    assert "extracted" not in written[0] and "extracted" in written[1]
    changed = [
        line
        for line in difflib.unified_diff(annotation.splitlines(), corrected.splitlines(), n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-    label: blames-west-or-sanctions",
        "-  extracted:",
        "-    by: kgdebate 0.1.0 stance rules",
        "-    confidence: high",
        "-    cues: [counter-sanctions]",
        "+    label: effects-only",
    ], changed

    _, edit = _stance_edit("2022/BGD_77_2022.yaml")
    confirmed = apply_splices(annotation, run(edit, "confirm", {"claim": "s02"}))
    written = load_strict(confirmed, "f").data["claims"]
    assert written[1]["stance"]["label"] == "calls-for-talks" and "extracted" not in written[1]
    with pytest.raises(EditError, match="no machine's"):
        run(
            Edit(load_strict(confirmed, "f").data, YamlText(confirmed, "f"), None),
            "confirm",
            {"claim": "s02"},
        )
    with pytest.raises(EditError, match="one of"):
        run(_stance_edit("2022/BGD_77_2022.yaml")[1], "stance", {"claim": "s01", "label": "maybe"})


def test_a_claim_becomes_a_stance_of_an_actor_toward_a_motion(bench: Bench) -> None:
    """A claim of a draft that is no stance yet: the motion and actor are asked for, then the
    claim is one, and the ingest pipeline's check of it finds nothing wrong."""
    refused = bench.edit("stance", claim="c01", label="calls-for-talks")
    assert refused.status_code == 400 and "motion" in refused.json["error"]
    done = bench.edit(
        "stance", claim="c01", label="calls-for-talks", motion="negotiate-now", by="ukraine"
    )
    assert done.status_code == 200, done.json
    assert not [f for f in done.json["findings"] if f["claim"] == "c01"], done.json["findings"]
    claim = load_strict(bench.file.read_text(), "f").data["claims"][0]
    assert (claim["by"], claim["stance"]) == (
        "ukraine",
        {"motion": "negotiate-now", "label": "calls-for-talks"},
    )
