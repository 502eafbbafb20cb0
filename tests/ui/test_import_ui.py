"""Settings → Import an export… in the running app: an export from another computer fills the
new, empty journal and every page shows it; a journal with entries, or a file that isn't an
export, is a sentence and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mindful_desktop.application import Application
from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.data import export_json
from mindful_desktop.services.journal import JournalService
from mindful_desktop.ui.pages.journal import JournalPage
from mindful_desktop.ui.pages.settings import SettingsPage
from tests.conftest import FakeClock
from tests.ui.test_application import Boxes, boxes, make_app  # noqa: F401 - fixtures

__all__ = ["boxes", "make_app"]


@pytest.fixture
def export_file(tmp_path: Path, clock: FakeClock) -> Path:
    """An export made on 'the old computer': two check-ins and a journal entry."""
    old = AppPaths(tmp_path / "old-computer")
    db = open_database(old)
    checkins = CheckInService(db, clock)
    checkins.add(7, "a good morning", ["calm"], 7.5)
    checkins.add(4, "tired in the evening", [], None)
    JournalService(db, clock).create("Walked by the canal; the heron was back.", title="Heron")
    out = tmp_path / "export.json"
    export_json(db, out)
    db.close()
    return out


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def _settings(app: Application) -> SettingsPage:
    assert app.window is not None
    page = app.window.page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_an_export_fills_the_new_journal_and_every_page_shows_it(
    make_app: Callable[[], Application],
    export_file: Path,
    boxes: Boxes,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    app = make_app()
    assert app.ctx is not None
    _choose(monkeypatch, export_file)
    assert _settings(app).import_export()
    # The window now shows the reopened journal, holding what the old computer had.
    assert app.ctx is not None and app.window is not None
    notes = sorted(c.note for c in app.ctx.checkins.history())
    assert notes == ["a good morning", "tired in the evening"]
    kind, title, text = boxes.shown[-1]
    assert (kind, title) == ("information", "Import")
    assert "export.json is in your journal now: 3 entries" in text
    app.window.show_page("journal")
    journal = app.window.page("journal")
    assert isinstance(journal, JournalPage)
    qtbot.waitUntil(lambda: journal.model.rowCount() >= 1)
    assert "Heron" in [journal.model.index(r, 0).data() for r in range(journal.model.rowCount())]


def test_a_journal_with_entries_is_refused_and_left_as_it_was(
    make_app: Callable[[], Application],
    export_file: Path,
    boxes: Boxes,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    assert app.ctx is not None
    app.ctx.checkins.add(5, "written here first", [], None)
    ctx_before = app.ctx
    _choose(monkeypatch, export_file)
    page = _settings(app)
    assert not page.import_export()
    assert app.ctx is ctx_before  # not even reopened
    assert [c.note for c in app.ctx.checkins.history()] == ["written here first"]
    assert "already holds 1 entry, so nothing was imported" in page.data_status.text()
    assert page.data_status.isVisibleTo(page)
    assert not any(title == "Import" for _kind, title, _text in boxes.shown)


@pytest.mark.parametrize(
    "content",
    ['{"format_version": 2, "tables": {"check_in": [{"mood": 5', "not json at all", ""],
    ids=["cut short", "not json", "empty"],
)
def test_a_file_that_isnt_an_export_is_a_sentence(
    make_app: Callable[[], Application],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
) -> None:
    app = make_app()
    assert app.ctx is not None
    ctx_before = app.ctx
    bad = tmp_path / "notes.json"
    bad.write_text(content, encoding="utf-8")
    _choose(monkeypatch, bad)
    page = _settings(app)
    assert not page.import_export()
    assert app.ctx is ctx_before
    assert "notes.json" in page.data_status.text()
    assert app.ctx.checkins.history() == []
