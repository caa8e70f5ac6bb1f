"""Bidi controls and zero-width characters (issue 10, 9): stored as written with a warning that
names the field, the line and the character; shown on every page as a visible mark, never raw."""

from __future__ import annotations

from pathlib import Path

from kgdebate.config import Settings
from kgdebate.ingest.pipeline import ingest_files
from kgdebate.invisible import CODE_POINTS, visible
from kgdebate.store import OxigraphStore
from kgdebate.web import create_app

from test_ingest import edited

SPOOF = "Trust \u202eevaw\u202c the\u200bsource"


def test_every_such_character_gets_a_visible_mark() -> None:
    for code in CODE_POINTS:
        shown = visible(f"a{chr(code)}b")
        assert chr(code) not in shown and f"U+{code:04X}" in shown


def test_a_spoofing_title_is_stored_with_a_warning_and_shown_visibly(
    tmp_path: Path, store: OxigraphStore, settings: Settings
) -> None:
    path = edited(tmp_path, 'title: "A short debate"', f'title: "{SPOOF}"')
    [outcome] = ingest_files([path], store, settings)
    assert outcome.stored, outcome.error
    [warning] = [w for w in outcome.warnings if "U+202E" in w]
    assert "minimal.yaml:5: document.title" in warning and "RIGHT-TO-LEFT OVERRIDE" in warning
    assert bool(store.query(f'ASK {{ ?d ?p "{SPOOF}"@en }}'))  # the data is as written

    snapshot = tmp_path / "snapshot"
    store.backup(snapshot)
    app = create_app(Settings(data_dir=snapshot, reference_dir=settings.reference_dir))
    client = app.test_client()
    for path in ("/doc/document/test-minimal", "/search?q=evaw"):
        page = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        assert "⟨U+202E⟩" in page and "⟨U+200B⟩" in page, path
        for code in (0x202E, 0x202C, 0x200B):
            assert chr(code) not in page, (path, hex(code))
