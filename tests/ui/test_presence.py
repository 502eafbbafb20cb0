"""Reminders and the tray, wired to the window (presence.py): a reminder shows in the window
and as the desktop's notification, its answers work from either, and the tray's menu opens
what it says. The platform here has no tray, so a fake icon stands in for it."""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from mindful_desktop.domain.plan import EVERY_DAY
from mindful_desktop.presence import Presence
from mindful_desktop.services.context import AppContext
from mindful_desktop.tray import Tray
from mindful_desktop.ui.app_icon import app_icon
from mindful_desktop.ui.dialogs.crisis import CrisisDialog
from mindful_desktop.ui.main_window import MainWindow
from tests.conftest import FakeClock
from tests.ui.conftest import Prepare


class FakeIcon(QSystemTrayIcon):
    """A tray icon that keeps the notifications it was asked to show."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, text: str, *_args: object) -> None:  # type: ignore[override] # noqa: N802
        self.messages.append((title, text))


def _plan(ctx: AppContext) -> None:
    ctx.plan.add(EVERY_DAY, dt.time(9, 30), "breath", "Mindfulness of the breath", 10)
    ctx.settings.set("quiet_hours", "off")


def _presence(win: MainWindow, quits: list[bool]) -> tuple[Presence, Tray, FakeIcon]:
    tray = Tray(app_icon(), make_icon=FakeIcon)
    presence = Presence(win.ctx, win, lambda: quits.append(True), tray=tray)
    assert isinstance(tray.icon, FakeIcon)
    return presence, tray, tray.icon


def _visible_actions(tray: Tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.isVisible() and a.text()]


def test_a_reminder_shows_in_the_window_and_the_tray_and_start_plays_it(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot, clock: FakeClock
) -> None:
    win = open_window(_plan)
    quits: list[bool] = []
    presence, tray, icon = _presence(win, quits)
    assert presence.reminders.next is None  # off until the person turns reminders on
    assert "Start" not in " ".join(_visible_actions(tray))
    clock.now = clock.now.replace(hour=9, minute=0, second=0)
    win.ctx.settings.set("reminders", True)
    clock.now = clock.now.replace(minute=30)
    presence.reminders.wake_now()
    bar = win.reminder_bar
    assert bar.isVisible()
    assert bar.message.text() == "Time for your practice: Mindfulness of the breath, 10 minutes."
    assert icon.messages == [("Practice time", "Mindfulness of the breath, 10 minutes")]
    assert _visible_actions(tray)[:3] == [
        "Start Mindfulness of the breath",
        "Remind me in 10 minutes",
        "Skip today",
    ]
    bar.start_button.click()
    assert not bar.isVisible() and "Skip today" not in _visible_actions(tray)
    assert win.current_page_key() == "practice"
    qtbot.waitUntil(lambda: win.ctx.playback.tracker.track is not None)
    assert win.ctx.playback.tracker.track.id == "breath"  # type: ignore[union-attr]
    win.ctx.playback.player.stop()
    presence.close()


def test_later_from_the_tray_brings_it_back_in_ten_minutes(
    open_window: Callable[[Prepare | None], MainWindow], clock: FakeClock
) -> None:
    win = open_window(_plan)
    presence, tray, icon = _presence(win, [])
    clock.now = clock.now.replace(hour=9, minute=0, second=0)
    win.ctx.settings.set("reminders", True)
    clock.now = clock.now.replace(minute=30)
    presence.reminders.wake_now()
    later = next(a for a in tray.menu.actions() if a.text() == "Remind me in 10 minutes")
    later.trigger()
    assert not win.reminder_bar.isVisible()
    assert presence.reminders.next is not None
    assert presence.reminders.next.due.time() == dt.time(9, 40)
    clock.now = clock.now.replace(minute=40)
    presence.reminders.wake_now()
    assert win.reminder_bar.isVisible() and len(icon.messages) == 2
    win.reminder_bar.skip_button.click()
    upcoming = presence.reminders.next
    assert upcoming is not None  # not the breath again today: the questionnaire, never taken
    assert (upcoming.kind, upcoming.due.time()) == ("questionnaire", dt.time(10, 0))
    presence.close()


def test_the_tray_menu_opens_what_it_says(
    open_window: Callable[[Prepare | None], MainWindow], qtbot: QtBot
) -> None:
    win = open_window(None)
    quits: list[bool] = []
    presence, tray, _icon = _presence(win, quits)
    actions = {a.text(): a for a in tray.menu.actions() if a.text()}
    assert _visible_actions(tray) == [
        "Open Mindful Desktop",
        "Three-minute breathing space",
        "Check in…",
        "Crisis support",
        "Quit",
    ]
    win.show_page("journal")
    actions["Check in…"].trigger()
    assert win.current_page_key() == "today"
    actions["Three-minute breathing space"].trigger()
    qtbot.waitUntil(lambda: win.ctx.playback.tracker.track is not None)
    assert win.ctx.playback.tracker.track.id == "breathing-space"  # type: ignore[union-attr]
    win.ctx.playback.player.stop()
    actions["Crisis support"].trigger()
    crisis = win.findChild(CrisisDialog)
    assert crisis is not None and crisis.isVisible()
    crisis.close()
    actions["Quit"].trigger()
    assert quits == [True]
    presence.close()


def test_settings_say_where_reminders_appear(
    open_window: Callable[[Prepare | None], MainWindow],
) -> None:
    from mindful_desktop.ui.pages.settings import SettingsPage, reminders_where_text

    win = open_window(None)
    win.show_page("settings")
    page = win.page("settings")
    assert isinstance(page, SettingsPage)
    assert page.reminders_where.text() == reminders_where_text(False)  # offscreen: no tray
    assert "no tray area" in reminders_where_text(False)
    assert "desktop notification" in reminders_where_text(True)


def test_a_due_questionnaire_is_reminded_once_a_day_and_start_opens_it(
    open_window: Callable[[Prepare | None], MainWindow], clock: FakeClock
) -> None:
    from mindful_desktop.ui.dialogs.questionnaire import QuestionnaireDialog

    win = open_window(lambda ctx: ctx.settings.set("quiet_hours", "off"))
    clock.now = clock.now.replace(hour=9, minute=0, second=0)
    win.ctx.settings.set("reminders", True)
    presence, _tray, icon = _presence(win, [])
    assert presence.reminders.next is not None
    assert presence.reminders.next.due.time() == dt.time(10, 0)  # not at dawn: at ten
    clock.now = clock.now.replace(hour=10)
    presence.reminders.wake_now()
    assert win.reminder_bar.message.text() == (
        "A short questionnaire is ready, whenever it suits you."
    )
    assert icon.messages[-1][1] == "A short questionnaire is ready, whenever it suits you."
    win.reminder_bar.start_button.click()
    dialog = win.findChild(QuestionnaireDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    presence.close()
    # The app opened again the same day: said once is enough.
    again, _tray2, _icon2 = _presence(win, [])
    assert again.reminders.next is not None
    assert again.reminders.next.due.date() > clock.now.date()
    again.close()


def test_after_the_course_a_monthly_check_in_comes(
    open_window: Callable[[Prepare | None], MainWindow], clock: FakeClock
) -> None:
    def finished(ctx: AppContext) -> None:
        ctx.settings.set("quiet_hours", "off")
        for week in range(1, 9):
            ctx.course.set_completed(f"week-{week}", True)
        ctx.questionnaires.submit("phq9", [0] * 9)
        ctx.questionnaires.submit("gad7", [0] * 7)

    win = open_window(finished)
    win.ctx.settings.set("reminders", True)
    presence, _tray, _icon = _presence(win, [])
    upcoming = presence.reminders.next
    assert upcoming is not None and upcoming.kind == "questionnaire"
    assert upcoming.due.date() == dt.date(2026, 4, 11)  # four weeks after, not two
    clock.now = upcoming.due
    presence.reminders.wake_now()
    win.reminder_bar.skip_button.click()
    upcoming = presence.reminders.next
    assert upcoming is not None and upcoming.kind == "monthly-check-in"
    assert upcoming.due.date() == dt.date(2026, 4, 14)  # a month after the course ended
    clock.now = upcoming.due
    presence.reminders.wake_now()
    assert "monthly check-in" in win.reminder_bar.message.text()
    win.reminder_bar.start_button.click()
    assert win.current_page_key() == "today"
    presence.close()


def test_with_reminders_on_closing_the_window_keeps_the_app_in_the_tray(
    open_window: Callable[[Prepare | None], MainWindow], monkeypatch: object
) -> None:
    win = open_window(_plan)
    quits: list[bool] = []
    presence, tray, _icon = _presence(win, quits)
    asked: list[bool] = []

    def ask() -> bool:
        asked.append(True)
        return True

    presence.ask_stay_in_tray = ask  # type: ignore[method-assign]
    assert not presence.stays_in_tray()  # reminders off: closing closes, as before
    win.ctx.settings.set("reminders", True)
    assert presence.stays_in_tray()
    closed: list[bool] = []
    win.closing.connect(lambda: closed.append(True))
    win.close()
    assert not win.isVisible() and closed == [] and quits == []  # hidden, still running
    assert asked == [True] and win.ctx.settings.get("tray_close_asked")
    tray.openRequested.emit()  # clicking the icon brings it back
    assert win.isVisible()
    win.close()
    assert asked == [True]  # asked once
    quit_action = next(a for a in tray.menu.actions() if a.text() == "Quit")
    quit_action.trigger()
    assert closed == [True] and quits == [True]  # the tray's Quit really quits
    presence.close()


def test_quit_now_when_asked_closes_for_good(
    open_window: Callable[[Prepare | None], MainWindow],
) -> None:
    win = open_window(_plan)
    quits: list[bool] = []
    presence, _tray, _icon = _presence(win, quits)
    presence.ask_stay_in_tray = lambda: False  # type: ignore[method-assign]
    win.ctx.settings.set("reminders", True)
    win.close()
    assert quits == [True] and not win.ctx.settings.get("stay_in_tray")
    assert not presence.stays_in_tray()  # and from now on closing closes
    presence.close()


def test_a_locked_window_says_only_that_it_is_time(
    open_window: Callable[[Prepare | None], MainWindow],
    clock: FakeClock,
) -> None:
    win = open_window(_plan)
    presence, tray, icon = _presence(win, [])
    win.lock_screen = types.SimpleNamespace(locked=True)  # type: ignore[assignment]
    try:
        clock.now = clock.now.replace(hour=9, minute=0, second=0)
        win.ctx.settings.set("reminders", True)
        clock.now = clock.now.replace(minute=30)
        presence.reminders.wake_now()
        assert win.reminder_bar.message.text() == "Time for your practice."
        assert icon.messages == [("Practice time", "Time for your practice")]
        assert _visible_actions(tray)[0] == "Start your practice"
    finally:  # a stand-in left on the window would stall its teardown
        win.lock_screen = None
        presence.close()
