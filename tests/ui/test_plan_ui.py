"""Practice times: planned on Today and in their dialog, started from Today, ticked off by
practice, and saved as a calendar file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from mindful_desktop.domain.plan import EVERY_DAY, WEEKDAYS
from mindful_desktop.services.context import AppContext
from mindful_desktop.ui.dialogs.plan import PlanDialog, SlotDialog
from mindful_desktop.ui.main_window import MainWindow
from mindful_desktop.ui.pages.settings import SettingsPage
from mindful_desktop.ui.pages.today import TodayPage
from tests.ui.conftest import Prepare


def _plan(ctx: AppContext) -> None:
    # The fake clock's day is Saturday 14 March 2026.
    ctx.plan.add(EVERY_DAY, dt.time(7, 30), "body-scan", "Body scan", 37)
    ctx.plan.add(EVERY_DAY, dt.time(13, 0), "timer", "Silent timer", 10)
    ctx.plan.add(WEEKDAYS, dt.time(18, 0), "breath", "Mindfulness of the breath", 10)


def _buttons(widget: object, text: str) -> list[QPushButton]:
    return [b for b in widget.findChildren(QPushButton) if b.text() == text]  # type: ignore[attr-defined]


def test_today_shows_the_days_times_and_starts_them(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(_plan)
    today = win.page("today")
    assert isinstance(today, TodayPage) and today.plan is not None
    card = today.plan
    texts = [w.findChildren(type(card.summary))[0].text() for w in card.widgets]
    assert texts == ["07:30  Body scan · 37 min", "13:00  Silent timer · 10 min"]  # no 18:00
    starts = _buttons(card, "Start")
    assert [b.accessibleName() for b in starts] == ["Start Body scan", "Start Silent timer"]
    starts[1].click()  # the silent timer: Practice opens on its tab, ready
    practice = win.page("practice")
    assert win.current_page_key() == "practice"
    assert practice.tabs.currentWidget() is practice.timer_panel  # type: ignore[attr-defined]
    win.show_page("today")
    _buttons(card, "Start")[0].click()
    qtbot.waitUntil(lambda: win.ctx.playback.tracker.track is not None)
    assert win.ctx.playback.tracker.track.id == "body-scan"  # type: ignore[union-attr]
    win.ctx.playback.player.stop()


def test_logged_practice_ticks_off_a_time(
    open_window: Callable[[Prepare | None], MainWindow],
) -> None:
    win = open_window(_plan)
    card = win.page("today").plan  # type: ignore[attr-defined]
    started = dt.datetime.combine(win.ctx.clock().date(), dt.time(7, 40)).astimezone()
    win.ctx.practice.log("track", "body-scan", "Body scan", started, 37, True)
    texts = [w.findChildren(type(card.summary))[0].text() for w in card.widgets]
    assert texts[0] == "✓ 07:30  Body scan · 37 min"
    assert [b.accessibleName() for b in _buttons(card, "Start")] == ["Start Silent timer"]
    assert card.summary.text() == "1 of 2 done today."


def test_with_no_plan_today_invites_one_and_opens_the_dialog(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(None)
    card = win.page("today").plan  # type: ignore[attr-defined]
    assert card.widgets == [] and "easier to find the time" in card.summary.text()
    card.plan_button.click()
    dialog = win.findChild(PlanDialog)
    assert dialog is not None and dialog.isVisible() and dialog.empty.isVisible()
    dialog.close()


def test_the_plan_dialog_adds_refuses_changes_removes_and_exports(
    open_window: Callable[[Prepare | None], MainWindow],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import icalendar

    win = open_window(None)
    dialog = win.open_plan()
    assert not dialog.export_button.isEnabled()  # nothing to export yet
    slot = SlotDialog(win.ctx.plan, win.ctx.practice, parent=dialog)
    slot.set_days(frozenset())
    slot.save()  # no day chosen: a sentence, and the dialog stays as it was
    assert not slot.error.isHidden() and "at least one day" in slot.error.text()
    assert win.ctx.plan.slots() == []
    slot.set_days(frozenset({5, 6}))
    slot.time.setTime(QTime(9, 15))
    slot.practice.setCurrentIndex(slot.practice.findData("breath"))
    assert slot.minutes.value() == 10  # the track's own length, suggested
    slot.save()
    assert slot.result() == SlotDialog.DialogCode.Accepted
    (saved,) = win.ctx.plan.slots()
    assert (saved.weekdays, saved.time, saved.practice_id) == (
        frozenset({5, 6}),
        dt.time(9, 15),
        "breath",
    )
    assert dialog.model.rowCount() == 1  # the list follows the service
    row = dialog.model.index(0, 0).data()
    assert row == "Weekends · 09:15"

    dialog.list.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.selected() == saved and dialog.edit_button.isEnabled()
    change = SlotDialog(win.ctx.plan, win.ctx.practice, saved, dialog)
    assert [b.isChecked() for b in change.days] == [False] * 5 + [True, True]
    change.minutes.setValue(20)
    change.save()
    assert win.ctx.plan.slots()[0].minutes == 20

    out = tmp_path / "my plan"
    monkeypatch.setattr(dialog, "choose_calendar_file", lambda: out)
    written = dialog.export_calendar()
    assert written == tmp_path / "my plan.ics" and "Saved 1 practice time" in dialog.status.text()
    (event,) = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Mindfulness of the breath (20 min)"

    dialog.remove_selected()
    assert win.ctx.plan.slots() == [] and dialog.empty.isVisible()
    assert "Removed Mindfulness of the breath at 09:15" in dialog.status.text()
    dialog.close()


def test_a_calendar_that_cannot_be_written_is_explained(
    open_window: Callable[[Prepare | None], MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = open_window(_plan)
    win.show_page("settings")
    settings = win.page("settings")
    assert isinstance(settings, SettingsPage)
    missing = tmp_path / "no such folder" / "plan.ics"
    monkeypatch.setattr(
        "mindful_desktop.ui.dialogs.plan.choose_calendar_file", lambda _parent: missing
    )
    assert settings.export_calendar() is None
    assert "doesn't exist" in settings.plan_status.text()
    assert not missing.parent.exists()
    monkeypatch.setattr(
        "mindful_desktop.ui.dialogs.plan.choose_calendar_file",
        lambda _parent: tmp_path / "plan.ics",
    )
    assert settings.export_calendar() == tmp_path / "plan.ics"
    assert "Saved 3 practice times" in settings.plan_status.text()


def test_reminders_are_offered_once_when_there_is_a_plan(
    open_window: Callable[[Prepare | None], MainWindow],
) -> None:
    win = open_window(None)
    card = win.page("today").plan  # type: ignore[attr-defined]
    assert card.offer.isHidden()  # nothing to be reminded of yet
    win.ctx.plan.add(EVERY_DAY, dt.time(7, 30), "breath", "Breath", 10)
    assert not card.offer.isHidden()
    assert not win.ctx.settings.get("reminders")  # off until chosen
    card.offer_yes.click()
    assert win.ctx.settings.get("reminders") and card.offer.isHidden()
    win.ctx.settings.set("reminders", False)  # turned off later in Settings
    assert card.offer.isHidden()  # asked once, never again


def test_no_thank_you_is_remembered(
    open_window: Callable[[Prepare | None], MainWindow],
) -> None:
    win = open_window(_plan)
    card = win.page("today").plan  # type: ignore[attr-defined]
    card.offer_no.click()
    assert card.offer.isHidden() and not win.ctx.settings.get("reminders")
    assert win.ctx.settings.get("reminders_offered")
