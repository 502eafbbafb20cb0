"""The app's presence outside its pages: the practice reminders and the tray icon, owned by
the application (built with each opened journal, closed with it) and wired to the window
here, in one place.

    Reminders.due ─► window.reminder_bar (always) + Tray.notify (where there is a tray)
    bar / tray answers ─► Reminders.started / snooze / skip ─► dismissed ─► bar hides
    Tray menu ─► window: open, breathing space, check in, Crisis support; Quit ─► quit
    window closed, reminders on, a tray ─► the window hides, the app stays (asked once)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject

from mindful_desktop.domain.schedule import MONTHLY_CHECK_IN, QUESTIONNAIRE, Reminder
from mindful_desktop.reminder_days import INSTRUMENT_IDS, DayReminders
from mindful_desktop.reminders import Reminders
from mindful_desktop.services.context import AppContext
from mindful_desktop.tray import Tray, tray_available
from mindful_desktop.ui.app_icon import app_icon
from mindful_desktop.ui.main_window import MainWindow


class Presence(QObject):
    def __init__(
        self,
        ctx: AppContext,
        window: MainWindow,
        quit_app: Callable[[], None],
        tray: Tray | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._window = window
        self._quit_app = quit_app
        days = DayReminders(ctx.settings, ctx.questionnaires.next_due, ctx.course.course_done_on)
        self.reminders = Reminders(ctx.plan, ctx.settings, ctx.clock, days=days, parent=self)
        if tray is None and tray_available():
            tray = Tray(app_icon(), parent=self)
        self.tray = tray
        bar = window.reminder_bar
        self.reminders.due.connect(self._due)
        self.reminders.dismissed.connect(self._dismissed)
        bar.startRequested.connect(self.start)
        bar.laterRequested.connect(self.reminders.snooze)
        bar.skipRequested.connect(self.reminders.skip)
        if tray is not None:
            tray.startRequested.connect(self.start)
            tray.laterRequested.connect(self.reminders.snooze)
            tray.skipRequested.connect(self.reminders.skip)
            tray.openRequested.connect(window.bring_to_front)
            tray.practiceRequested.connect(self._practise)
            tray.checkInRequested.connect(window.check_in)
            tray.crisisRequested.connect(self._crisis)
            tray.quitRequested.connect(self._quit)
            tray.show()
        window.stays_in_tray = self.stays_in_tray
        window.hiddenToTray.connect(self._hidden_to_tray)
        self.reminders.start()

    def stays_in_tray(self) -> bool:
        """Closing the window keeps the app (and its reminders) in the tray."""
        settings = self._ctx.settings
        return (
            self.tray is not None
            and bool(settings.get("reminders"))
            and bool(settings.get("stay_in_tray"))
        )

    def _hidden_to_tray(self) -> None:
        settings = self._ctx.settings
        if settings.get("tray_close_asked"):
            return
        stay = self.ask_stay_in_tray()
        settings.set("tray_close_asked", True)
        settings.set("stay_in_tray", stay)
        if not stay:
            self._quit()

    def ask_stay_in_tray(self) -> bool:
        """Asked the first time the window is closed with reminders on."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "Still here, in the tray", "")
        box.setText(
            "Mindful Desktop keeps running in the tray so your reminders can come. Click its "
            "icon to open the window again.\n\nTo quit, choose Quit in the tray icon's menu, "
            "or File → Quit (Ctrl+Q) in the window."
        )
        stay = box.addButton("Keep it in the tray", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Quit now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.exec()
        return box.clickedButton() is stay

    def has_tray(self) -> bool:
        return self.tray is not None

    def _due(self, reminder: Reminder) -> None:
        if self._window.locked:  # a locked window says nothing of what is planned or written
            reminder = dataclasses.replace(
                reminder, title="your practice", text="Time for your practice", private=True
            )
        self._window.reminder_bar.show_reminder(reminder)
        if self.tray is not None:
            self.tray.notify(reminder)

    def _dismissed(self) -> None:
        self._window.reminder_bar.hide()
        if self.tray is not None:
            self.tray.offer(None)

    def start(self) -> None:
        """Start what the reminder is for, in the window: the practice, the questionnaire
        that is due, or a check-in."""
        shown = self.reminders.current
        if shown is not None and shown.kind == QUESTIONNAIRE:
            self.reminders.started()
            first = min(INSTRUMENT_IDS, key=self._ctx.questionnaires.next_due)
            self._window.bring_to_front()
            self._window.take_questionnaire(first)
            return
        if shown is not None and shown.kind == MONTHLY_CHECK_IN:
            self.reminders.started()
            self._window.check_in()
            return
        slot = None
        if shown is not None and shown.slot_id is not None:
            slot = next((s for s in self._ctx.plan.slots() if s.id == shown.slot_id), None)
        self.reminders.started()
        if slot is not None:
            self._practise(slot.practice_id)

    def _quit(self) -> None:
        """Quit for real: the window closes as it would (practice logged), then the app."""
        self._window.quit_app()
        self._quit_app()

    def _practise(self, practice_id: str) -> None:
        self._window.bring_to_front()
        self._window.start_practice(practice_id)

    def _crisis(self) -> None:
        self._window.bring_to_front()
        self._window.show_crisis()

    def close(self) -> None:
        self._window.stays_in_tray = lambda: False
        self._window.hiddenToTray.disconnect(self._hidden_to_tray)
        self.reminders.stop()
        if self.tray is not None:
            self.tray.hide()
