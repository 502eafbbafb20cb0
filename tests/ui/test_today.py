"""The daily check-in, driven as a person would: click a number, type, press Save."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.errors import DiskFullError
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.settings import SettingsStore
from mindful_desktop.ui.models.checkins import CheckInListModel
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.pages.today import TodayPage
from tests.conftest import FakeClock


@pytest.fixture
def page(db: Database, clock: FakeClock, qtbot: QtBot) -> Iterator[TodayPage]:
    widget = TodayPage(CheckInService(db, clock), SettingsStore(db))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    yield widget


def test_save_is_disabled_until_a_mood_is_chosen(page: TodayPage, qtbot: QtBot) -> None:
    assert page.mood.value() is None  # nothing preselected
    assert not page.save_button.isEnabled()
    qtbot.mouseClick(page.mood.buttons[6], Qt.MouseButton.LeftButton)
    assert page.mood.value() == 6
    assert page.save_button.isEnabled()


def test_check_in_appears_on_today_after_save(page: TodayPage, qtbot: QtBot) -> None:
    assert page.today_stack.currentWidget() is page.empty
    qtbot.mouseClick(page.mood.buttons[7], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.note, "Walked to the river.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert "Saved at" in page.status.text()
    assert page.today_stack.currentWidget() is page.list
    assert page.model.rowCount() == 1
    shown = page.model.data(page.model.index(0, 0))
    assert "Mood 7 of 10" in shown and "Walked to the river." in shown
    assert page.note.toPlainText() == "" and page.mood.value() is None
    assert page.week.accessibleDescription().endswith("7.0, good")


def test_ctrl_enter_saves(page: TodayPage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.mood.buttons[3], Qt.MouseButton.LeftButton)
    page.note.setFocus()
    qtbot.keyClicks(page.note, "keyboard only")
    qtbot.keyClick(page.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1


def test_a_failed_save_keeps_every_word(
    page: TodayPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_a: object, **_k: object) -> None:
        raise DiskFullError("The disk is full, so your entry couldn't be saved. Still here.")

    monkeypatch.setattr(page._checkins, "add", full)
    qtbot.mouseClick(page.mood.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.note, "Words I do not want to lose")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "disk is full" in page.status.text()
    assert page.status.objectName() == "Error"
    assert page.note.toPlainText() == "Words I do not want to lose"
    assert page.mood.value() == 2


def test_unsaved_note_is_kept_as_a_draft(
    db: Database, clock: FakeClock, qtbot: QtBot, page: TodayPage
) -> None:
    qtbot.keyClicks(page.note, "half a thought")
    qtbot.waitUntil(
        lambda: SettingsStore(db).get("checkin_draft") == "half a thought", timeout=3000
    )
    again = TodayPage(CheckInService(db, clock), SettingsStore(db))
    qtbot.addWidget(again)
    assert again.note.toPlainText() == "half a thought"
    qtbot.mouseClick(again.mood.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert SettingsStore(db).get("checkin_draft") == ""


def test_check_in_model_is_a_well_behaved_qt_model(
    db: Database, clock: FakeClock, qtmodeltester: object
) -> None:
    service = CheckInService(db, clock)
    service.add(4, "one")
    service.add(6, "two")
    model = CheckInListModel()
    model.set_rows(service.for_day(clock().date()))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2


def test_rows_model_is_a_well_behaved_qt_model(qtmodeltester: object) -> None:
    model = RowsModel()
    model.set_rows([Row("Week 1", "week-1", detail="Title", badge="✓"), Row("Week 2", "week-2")])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.row_of("week-2") == 1 and model.row_of("nope") == -1


def test_clicking_a_checklist_rows_text_toggles_its_box(qtbot: QtBot) -> None:
    from mindful_desktop.ui.widgets.home_practice import CheckRow

    row = CheckRow("Read the week's lesson, and one more thing so that it wraps", False, True)
    qtbot.addWidget(row)
    row.resize(240, 80)
    row.show()
    qtbot.waitExposed(row)
    at = row.text.geometry().center()
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=at)
    assert row.box.isChecked()
    qtbot.mouseClick(row.text, Qt.MouseButton.LeftButton)  # on the label itself, too
    assert not row.box.isChecked()


@pytest.mark.parametrize("width", [120, 200, 226, 320, 600])
def test_every_day_under_the_week_strip_fits_its_slot(qtbot: QtBot, width: int) -> None:
    import datetime as dt

    from PySide6.QtGui import QFont, QFontMetricsF

    from mindful_desktop.domain.mood import DaySummary
    from mindful_desktop.ui.widgets.week_strip import WeekStrip

    strip = WeekStrip()
    qtbot.addWidget(strip)
    start = dt.date(2026, 11, 30)  # a Monday: Wed, Thu and Sun are among the widest names
    strip.set_days([DaySummary(start + dt.timedelta(days=i), 6.0, 1) for i in range(7)])
    strip.resize(width, 150)
    bold = QFont(strip.font())
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    labels = strip.day_labels()
    assert len(labels) == 7
    for text in labels:
        assert metrics.horizontalAdvance(text) <= width / 7, (width, text)
    if width >= 600:
        assert labels[-1] == "Today"
    assert len({len(text) for text in labels[:-1]}) == 1  # names or letters, never mixed
