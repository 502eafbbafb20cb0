"""Correct a past check-in: its mood, feelings, sleep and note. Its day and time stay."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QWidget,
)

from mindful_desktop.errors import KnownError
from mindful_desktop.services.checkins import CheckInService, CheckInView
from mindful_desktop.ui.dialogs.frame import (
    FormDialog,
)
from mindful_desktop.ui.widgets.checkin_extras import CheckInExtras
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.mood_picker import MoodPicker


class CheckInEditDialog(FormDialog):
    def __init__(
        self, checkins: CheckInService, checkin: CheckInView, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit check-in", QSize(720, 620), parent)
        self._checkins = checkins
        self.checkin = checkin
        self.saved: CheckInView | None = None
        self.form.addWidget(label(f"Check-in of {checkin.when:%A %d %B %Y, %H:%M}", "CardTitle"))
        self.form.addWidget(label("How was your mood, from 0 to 10?", "Muted"))
        self.mood = MoodPicker()
        self.mood.set_value(checkin.mood)
        self.form.addWidget(self.mood)
        self.extras = CheckInExtras()
        self.extras.set_values(checkin.emotions, checkin.sleep_hours)
        self.form.addWidget(self.extras)
        self.form.addWidget(label("Note", "Muted"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlainText(checkin.note)
        self.note.setMinimumHeight(100)
        self.form.addWidget(self.note)
        self.finish()

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
