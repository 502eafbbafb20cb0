"""The tray icon, owned by the application: open the window, a three-minute breathing space in
one click, check in, Crisis support, quit; and, while a reminder waits, Start / Later / Skip
today. Reminders show as the desktop's notification through it. Where the desktop has no
tray, there is none, and reminders appear in the window only (Settings says so)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from mindful_desktop import APP_NAME
from mindful_desktop.domain.schedule import Reminder

BREATHING_SPACE = "breathing-space"


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    openRequested = Signal()
    practiceRequested = Signal(str)  # a track id
    checkInRequested = Signal()
    crisisRequested = Signal()
    quitRequested = Signal()
    startRequested = Signal()  # the reminder on offer
    laterRequested = Signal()
    skipRequested = Signal()

    def __init__(
        self,
        icon: QIcon,
        make_icon: Callable[[QObject], QSystemTrayIcon] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.icon = make_icon(self) if make_icon is not None else QSystemTrayIcon(self)
        self.icon.setIcon(icon)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu()
        self.reminder_actions: list[QAction] = []
        self._start = self._add("Start the practice", self.startRequested, reminder=True)
        self._add("Remind me in 10 minutes", self.laterRequested, reminder=True)
        self._add("Skip today", self.skipRequested, reminder=True)
        self._separator = self.menu.addSeparator()
        self.reminder_actions.append(self._separator)
        self._add(f"Open {APP_NAME}", self.openRequested)
        breathing = self.menu.addAction("Three-minute breathing space")
        breathing.triggered.connect(lambda: self.practiceRequested.emit(BREATHING_SPACE))
        self._add("Check in…", self.checkInRequested)
        self._add("Crisis support", self.crisisRequested)
        self.menu.addSeparator()
        self._add("Quit", self.quitRequested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.startRequested)
        self.offer(None)

    def _add(self, text: str, signal: SignalInstance, reminder: bool = False) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(signal)
        if reminder:
            self.reminder_actions.append(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def offer(self, reminder: Reminder | None) -> None:
        """The reminder's three answers at the top of the menu, or none."""
        for action in self.reminder_actions:
            action.setVisible(reminder is not None)
        if reminder is not None:
            self._start.setText(f"Start {reminder.title}")

    def notify(self, reminder: Reminder) -> None:
        """The desktop's own notification: silent, with the practice and its length."""
        self.offer(reminder)
        self.icon.showMessage(
            "Practice time" if not reminder.late else "Earlier today",
            reminder.text,
            QSystemTrayIcon.MessageIcon.NoIcon,
            15_000,
        )
