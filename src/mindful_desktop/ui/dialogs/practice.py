"""Dialogs of the practice log: a note after practising, practice done elsewhere, and editing
a session the app logged itself."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.practice import MAX_MANUAL_MINUTES
from mindful_desktop.errors import KnownError
from mindful_desktop.services.practice import PracticeService, SessionView
from mindful_desktop.ui.dialogs.frame import (
    FormDialog,
    crisis_button,
)
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.mood_picker import MoodPicker


class NoticeDialog(QDialog):
    """After a practice: 'What did you notice?' — optional, never required."""

    def __init__(
        self, practice: PracticeService, session: SessionView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self.session = session
        self.setWindowTitle("What did you notice?")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        minutes = max(1, round(session.minutes))
        layout.addWidget(label(f"{session.title} · {minutes} min", "CardTitle"))
        layout.addWidget(
            label(
                "If you like, note what you noticed: in the body, in the mind, anything at all. "
                "There's no right answer, and you can skip this.",
                "Muted",
            )
        )
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("What did you notice?")
        self.text.setMinimumHeight(120)
        layout.addWidget(self.text)
        layout.addWidget(label("And your mood now? (optional): 0 very low … 10 very good", "Muted"))
        self.mood_after = MoodPicker(compact=True)
        self.mood_after.setAccessibleName("Mood after the practice (optional)")
        layout.addWidget(self.mood_after)
        self.error = label("", "Error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("Primary")
        self.skip_button = buttons.addButton("Skip", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        changes: dict[str, object] = {"note": self.text.toPlainText()}
        if self.mood_after.value() is not None:
            changes["mood_after"] = self.mood_after.value()
        try:
            self._practice.update(self.session.id, **changes)
        except KnownError as exc:
            self.error.setText(exc.message)  # the note stays in the box
            return
        self.accept()


class ManualEntryDialog(QDialog):
    """Add or edit practice done away from the laptop."""

    def __init__(
        self,
        practice: PracticeService,
        today: dt.date,
        existing: SessionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._existing = existing
        self.setWindowTitle("Edit practice" if existing else "Add practice done elsewhere")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(
            label(
                "Practice away from the laptop counts just the same: a walk, a class, a "
                "breathing space on the bus.",
                "Muted",
            )
        )
        form = QFormLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        day = existing.day if existing else today
        self.date.setDate(QDate(day.year, day.month, day.day))
        form.addRow("Day", self.date)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for track in practice.library():
            self.kind.addItem(track.title, track.id)
        self.kind.addItem("Breathing space (without audio)", "breathing-space")
        self.kind.addItem("Mindful activity", "mindful-activity")
        self.kind.setCurrentIndex(-1)
        self.kind.setPlaceholderText("Choose or type what you did")
        if existing:
            self.kind.setEditText(existing.title)
        form.addRow("Practice", self.kind)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MANUAL_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(round(existing.minutes) if existing else 10)
        form.addRow("Length", self.minutes)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What did you notice? (optional)")
        self.note.setMaximumHeight(110)
        if existing:
            self.note.setPlainText(existing.note)
        form.addRow("Note", self.note)
        layout.addLayout(form)
        self.error = label("", "Error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saved: SessionView | None = None

    def _practice_choice(self) -> tuple[str, str]:
        title = self.kind.currentText().strip()
        index = self.kind.findText(title)
        practice_id = str(self.kind.itemData(index)) if index >= 0 else "other"
        return practice_id, title

    def save(self) -> None:
        qd = self.date.date()
        day = dt.date(qd.year(), qd.month(), qd.day())
        practice_id, title = self._practice_choice()
        try:
            if self._existing is None:
                self.saved = self._practice.add_manual(
                    day, practice_id, title, self.minutes.value(), self.note.toPlainText()
                )
            else:
                if not title:
                    raise KnownError("Say which practice it was.")
                self.saved = self._practice.update(
                    self._existing.id,
                    day=day,
                    title=title,
                    practice_id=practice_id,
                    minutes=self.minutes.value(),
                    note=self.note.toPlainText(),
                )
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class SessionEditDialog(FormDialog):
    """Edit a session the app logged (a track, the timer, a recording): its note, length and
    whether it was finished. What was played, and when, stay as the app recorded them."""

    def __init__(
        self, practice: PracticeService, session: SessionView, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit practice", QSize(560, 440), parent)
        self._practice = practice
        self.session = session
        self.saved: SessionView | None = None
        self.form.addWidget(
            label(f"{session.title} · {session.started:%A %d %B, %H:%M}", "CardTitle")
        )
        self.form.addWidget(
            label(
                "The app logged this practice itself, so what you played and when stay as "
                "they were. You can change its length, whether you finished it, and your note.",
                "Muted",
            )
        )
        form = QFormLayout()
        self._initial_minutes = max(1, round(session.minutes))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MANUAL_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(self._initial_minutes)
        self.minutes.setAccessibleName("Length in minutes")
        form.addRow("Length", self.minutes)
        self.completed = QCheckBox("I finished this practice")
        self.completed.setChecked(session.completed)
        form.addRow("", self.completed)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What did you notice? (optional)")
        self.note.setAccessibleName("Note")
        self.note.setPlainText(session.note)
        self.note.setMinimumHeight(100)
        form.addRow("Note", self.note)
        self.form.addLayout(form)
        self.finish()

    def save(self) -> None:
        changes: dict[str, object] = {
            "note": self.note.toPlainText(),
            "completed": self.completed.isChecked(),
        }
        if self.minutes.value() != self._initial_minutes:  # keep the measured length otherwise
            changes["minutes"] = self.minutes.value()
        try:
            self.saved = self._practice.update(self.session.id, **changes)
        except KnownError as exc:
            self.error.setText(exc.message)  # what was typed stays in the boxes
            return
        self.accept()
