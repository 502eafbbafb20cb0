"""Each link between parts of the app, driven through the real widgets of one window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.practice import ManualEntryDialog, NoticeDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.pages.care import CarePage
from mindful_desktop.ui.pages.checkin import CheckInPage
from mindful_desktop.ui.pages.journal import JournalPage
from mindful_desktop.ui.pages.settings import SettingsPage
from mindful_desktop.ui.pages.today import TodayPage
from mindful_desktop.ui.widgets.home_practice import CheckRow
from tests.conftest import FakeClock


def _in_week_1(ctx: AppContext) -> None:
    ctx.course.set_completed("before-you-begin", True)  # week 1: the body scan checklist


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window(_in_week_1)


def today(window: MainWindow) -> TodayPage:
    page = window.page("today")
    assert isinstance(page, TodayPage)
    return page


def body_scan_row(window: MainWindow) -> CheckRow:
    home = today(window).home
    assert home is not None
    rows = [w for w in home.widgets if isinstance(w, CheckRow)]
    return next(r for r in rows if r.box.accessibleName().startswith("Do the body scan"))


def test_practice_logged_on_the_practice_page_ticks_today_at_once(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert not body_scan_row(window).box.isChecked()
    assert "0 of 6" in today(window).home.stats.text()  # type: ignore[union-attr]
    window.show_page("practice")
    log = window.page("practice").log_panel  # type: ignore[attr-defined]
    qtbot.mouseClick(log.add_button, Qt.MouseButton.LeftButton)
    dialog = log.findChild(ManualEntryDialog)
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("body-scan"))
    dialog.minutes.setValue(20)
    dialog.save()
    # Today has not been shown again: its checklist and count are already current.
    assert window.current_page_key() == "practice"
    row = body_scan_row(window)
    assert row.box.isChecked() and "(logged)" in row.text.text()
    assert "1 of 6" in today(window).home.stats.text()  # type: ignore[union-attr]


def test_a_track_logged_from_a_lesson_asks_what_was_noticed_and_ticks_today(
    window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    window.ctx.practice.log("track", "body-scan", "Body scan", clock(), 30, True)
    assert body_scan_row(window).box.isChecked()
    assert window.findChild(NoticeDialog) is not None


def test_a_check_in_reaches_today_the_check_in_page_and_insights(
    window: MainWindow, qtbot: QtBot
) -> None:
    checkin = window.page("checkin")
    assert isinstance(checkin, CheckInPage)
    insights = window.page("insights")
    assert insights.data is None or insights.data.empty  # type: ignore[attr-defined]
    before = checkin.history.model().rowCount()  # type: ignore[attr-defined]
    page = today(window)
    page.mood.set_value(7)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert checkin.history.model().rowCount() == before + 1  # type: ignore[attr-defined]
    window.show_page("insights")
    data = insights.data  # type: ignore[attr-defined]
    assert data is not None and not data.empty


def test_a_setting_changed_on_settings_reaches_today(window: MainWindow, qtbot: QtBot) -> None:
    stats = today(window).home.stats  # type: ignore[union-attr]
    assert not stats.isHidden()
    window.show_page("settings")
    settings = window.page("settings")
    assert isinstance(settings, SettingsPage)
    settings.editors["show_practice_stats"].click()
    assert stats.isHidden()
    window.ctx.settings.set("show_practice_stats", True)  # from anywhere: the editor follows
    assert settings.editors["show_practice_stats"].isChecked()
    assert not stats.isHidden()


def test_navigation_goes_through_the_navigator(window: MainWindow) -> None:
    assert not window.is_built("course")
    window.nav.open_lesson("week-2")
    assert window.current_page_key() == "course"
    assert window.page("course").current_slug() == "week-2"  # type: ignore[attr-defined]
    window.nav.show_page("journal")
    assert window.current_page_key() == "journal"


def test_only_today_is_built_at_start(window: MainWindow) -> None:
    assert [key for key in ("course", "practice", "checkin", "journal", "care", "insights",
            "settings") if window.is_built(key)] == []  # fmt: skip
    assert not window.ctx.built("playback") and not window.ctx.built("journal")
    assert not window.ctx.built("medication") and not window.ctx.built("appointments")


def test_insights_reloads_on_show_only_after_a_change(
    window: MainWindow, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = window.ctx
    loads: list[int] = []
    load = ctx.insights.load

    def counted() -> object:
        loads.append(1)
        return load()

    monkeypatch.setattr(ctx.insights, "load", counted)

    def visit() -> int:
        """Show Insights, then go back to Today (so it is hidden again)."""
        window.show_page("insights")
        window.show_page("today")
        return len(loads)

    assert visit() == 1
    assert visit() == 1  # nothing changed: shown again without reading the journal
    ctx.checkins.add(6)  # while hidden: only marked stale
    assert len(loads) == 1
    assert visit() == 2
    ctx.practice.add_manual(clock().date(), "breath", "Breath", 10)
    assert visit() == 3
    ctx.questionnaires.submit("phq9", [0] * 9)
    assert visit() == 4
    assert visit() == 4
    clock.advance(days=1)  # a new day moves every span
    assert visit() == 5
    window.show_page("insights")
    ctx.checkins.add(3)  # while showing: redrawn at once
    assert len(loads) == 6
    data = window.page("insights").data  # type: ignore[attr-defined]
    assert data is not None and len(data.mood_by_day) == 2


def test_item_9_answered_in_the_questionnaire_reaches_todays_note_at_once(
    window: MainWindow,
) -> None:
    notes = today(window).notes
    assert notes is not None and notes.followup_note is None
    dialog = window.take_questionnaire("phq9")
    dialog.answer(8, 2)  # Item9FollowUp.remember → the setting → `changed` → TodayNotes
    assert notes.followup_note is not None


def test_notes_written_here_reach_the_journal_and_insights(
    window: MainWindow, qtbot: QtBot
) -> None:
    journal = window.page("journal")
    assert isinstance(journal, JournalPage)
    insights = window.page("insights")
    window.show_page("insights")
    window.show_page("care")
    page = window.page("care")
    assert isinstance(page, CarePage)
    ctx = window.ctx
    medication = ctx.medication.add("Lithium", "400 mg")
    ctx.medication.note_effect(ctx.medication.today(), "Thirsty in the afternoons", medication.id)
    window.show_page("journal")
    assert journal.model.rowCount() == 2  # the start and the effect, in the timeline
    window.show_page("insights")
    data = insights.data  # type: ignore[attr-defined]
    assert data is not None and [m.label for m in data.marks] == ["Started"]
    # From the journal, its reader opens the page the note can be changed on.
    window.show_page("journal")
    journal.list.setCurrentIndex(journal.model.index(0, 0))
    assert journal.reader.open_button.text() == "Open Medication and appointments"
    qtbot.mouseClick(journal.reader.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "care"
