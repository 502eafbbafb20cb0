"""A reminder in the window, above the page: "Short body scan, 15 minutes" with Start, Later
(10 minutes) and Skip today. Calm: no sound, no count, and it stays until answered."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from mindful_desktop.domain.schedule import Reminder
from mindful_desktop.ui.widgets.common import label


class ReminderBar(QFrame):
    startRequested = Signal()
    laterRequested = Signal()
    skipRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Note")
        self.setAccessibleName("Practice reminder")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        self.message = label("")
        layout.addWidget(self.message, 1)
        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("Primary")
        self.later_button = QPushButton("Later")
        self.later_button.setToolTip("Remind me again in 10 minutes")
        self.skip_button = QPushButton("Skip today")
        for button in (self.start_button, self.later_button, self.skip_button):
            layout.addWidget(button)
        self.start_button.clicked.connect(self.startRequested)
        self.later_button.clicked.connect(self.laterRequested)
        self.skip_button.clicked.connect(self.skipRequested)
        self.hide()

    def show_reminder(self, reminder: Reminder) -> None:
        if reminder.private:
            text = "Time for your practice."
        elif reminder.late or reminder.slot_id is None:
            text = reminder.text  # "You planned …", or a questionnaire / check-in is ready
        else:
            text = f"Time for your practice: {reminder.text}."
        self.message.setText(text)
        self.start_button.setAccessibleName(f"Start now: {reminder.title}")
        self.show()
