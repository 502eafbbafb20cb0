"""Correct a past check-in: its mood, feelings, sleep and note. Its day and time stay."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.errors import KnownError
from mindful_desktop.services.checkins import CheckInService, CheckInView
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.checkin_extras import CheckInExtras
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.mood_picker import MoodPicker


class CheckInEditDialog(QDialog):
    def __init__(
        self, checkins: CheckInService, checkin: CheckInView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._checkins = checkins
        self.checkin = checkin
        self.saved: CheckInView | None = None
        self.setWindowTitle("Edit check-in")
        fit_to_window(self, QSize(720, 620))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(24, 20, 24, 4)
        layout.setSpacing(10)
        layout.addWidget(label(f"Check-in of {checkin.when:%A %d %B %Y, %H:%M}", "CardTitle"))
        layout.addWidget(label("How was your mood, from 0 to 10?", "Muted"))
        self.mood = MoodPicker()
        self.mood.set_value(checkin.mood)
        layout.addWidget(self.mood)
        self.extras = CheckInExtras()
        self.extras.set_values(checkin.emotions, checkin.sleep_hours)
        layout.addWidget(self.extras)
        layout.addWidget(label("Note", "Muted"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlainText(checkin.note)
        self.note.setMinimumHeight(100)
        layout.addWidget(self.note)
        self.error = label("", "Error")
        layout.addWidget(self.error)
        layout.addStretch(1)
        outer.addWidget(vertical_scroll(holder, self.windowTitle()), 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(24, 0, 24, 0)
        outer.addWidget(buttons)

    def save(self) -> None:
        try:
            self.saved = self._checkins.update(
                self.checkin.id,
                mood=self.mood.value(),
                note=self.note.toPlainText(),
                emotions=self.extras.emotions(),
                sleep_hours=self.extras.sleep_hours(),
            )
        except KnownError as exc:
            self.error.setText(exc.message)  # what was chosen and typed stays
            return
        self.accept()
