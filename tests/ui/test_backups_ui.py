"""Settings → Backups in the running app: the daily backup after the first frame, Back up now,
and Restore…, which swaps the journal and reopens it in the window, keeping the one it replaced."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mindful_desktop.application import Application
from mindful_desktop.ui.pages.settings import SettingsPage
from tests.conftest import FakeClock
from tests.ui.test_application import Boxes, boxes, make_app  # noqa: F401 - fixtures

__all__ = ["boxes", "make_app"]


def _settings(app: Application) -> SettingsPage:
    assert app.window is not None
    page = app.window.page("settings")
    assert isinstance(page, SettingsPage)
    return page


def test_the_daily_backup_is_made_after_the_first_frame_once_a_day(
    make_app: Callable[[], Application], qtbot: QtBot
) -> None:
    app = make_app()
    assert app.ctx is not None
    backups = app.ctx.backups
    backups.start_daily()  # (or the first frame already did)
    backups.wait()
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in backups.list()))
    assert not backups.start_daily()  # one a day
    table = _settings(app).backups.table
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 1).text() == "Daily"


def test_restore_from_settings_swaps_the_journal_and_keeps_the_one_it_replaced(
    make_app: Callable[[], Application],
    qtbot: QtBot,
    boxes: Boxes,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    assert app.ctx is not None
    app.ctx.checkins.add(6, "before the backup", [], None)
    card = _settings(app).backups
    assert card.back_up() is not None
    app.ctx.checkins.add(3, "after the backup", [], None)
    card.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    card.restore_chosen()
    # The window is the reopened journal's: the later check-in is gone from it ...
    assert app.ctx is not None and app.window is not None
    notes = [c.note for c in app.ctx.checkins.history()]
    assert notes == ["before the backup"]
    assert app.window.current_page_key() == "settings"
    assert any("Your journal is now the backup" in text for _k, _t, text in boxes.shown)
    # ... and kept in the backup made just before the restore.
    kinds = [b.kind for b in app.ctx.backups.list()]
    assert "restore" in kinds and "manual" in kinds


def test_removing_older_backups_keeps_a_fresh_one(
    make_app: Callable[[], Application],
    clock: FakeClock,
    qtbot: QtBot,
    boxes: Boxes,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = make_app()
    assert app.ctx is not None
    card = _settings(app).backups
    for _ in range(3):
        clock.advance(hours=1)
        assert card.back_up() is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    app.ctx.backups.wait()
    before = len(app.ctx.backups.list())
    assert before >= 3
    clock.advance(hours=1)
    assert card.forget_older() == before
    left = app.ctx.backups.list()
    assert len(left) == 1 and left[0].kind == "manual"
    assert card.table.rowCount() == 1
