"""Dialogs for appointments: one appointment (a day, with whom, a note), and a question for
one: its words, and afterwards whether it was talked about and what was agreed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from mindful_desktop.domain.medication import AHEAD_DAYS
from mindful_desktop.errors import KnownError
from mindful_desktop.services.appointments import AppointmentService, AppointmentView, QuestionView
from mindful_desktop.ui.dialogs.frame import FormDialog
from mindful_desktop.ui.dialogs.medication import day_edit, day_of, line_edit, note_edit
from mindful_desktop.ui.widgets.common import label


class AppointmentDialog(FormDialog):
    def __init__(
        self,
        appointments: AppointmentService,
        existing: AppointmentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Change an appointment" if existing else "Add an appointment"
        super().__init__(title, QSize(560, 420), parent)
        self._service = appointments
        self._existing = existing
        self.saved: AppointmentView | None = None
        today = appointments.today()
        form = QFormLayout()
        self.day = day_edit(
            existing.day if existing else today + dt.timedelta(days=7),
            today + dt.timedelta(days=AHEAD_DAYS),
            "Date",
        )
        form.addRow("Date", self.day)
        self.with_whom = line_edit(
            existing.with_whom if existing else "",
            "e.g. Dr Okafor (GP), or my therapist",
            "With whom",
        )
        form.addRow("With", self.with_whom)
        self.note = note_edit(
            existing.note if existing else "",
            "Where, what time, what to bring (optional)",
            "Note",
            90,
        )
        form.addRow("Note", self.note)
        self.form.addLayout(form)
        self.finish()

    def save(self) -> None:
        values = (day_of(self.day), self.with_whom.text(), self.note.toPlainText())
        try:
            if self._existing is None:
                self.saved = self._service.add(*values)
            else:
                self.saved = self._service.update(self._existing.id, *values)
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class QuestionDialog(FormDialog):
    """A question's words, and once talked about, the day and what was agreed. `ticking`
    opens it to tick it off: talked about today, the cursor in "What was agreed"."""

    def __init__(
        self,
        appointments: AppointmentService,
        existing: QuestionView,
        ticking: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = "Tick off a question" if ticking else "Change a question"
        super().__init__(title, QSize(560, 500), parent)
        self._ticking = ticking
        self._service = appointments
        self._existing = existing
        self.saved: QuestionView | None = None
        today = appointments.today()
        form = QFormLayout()
        self.body = note_edit(existing.body, "Your question", "Question", 60)
        self.body.setMaximumHeight(96)
        form.addRow("Question", self.body)
        self.talked = QCheckBox("We talked about it")
        self.talked.setChecked(existing.done or ticking)
        form.addRow("", self.talked)
        self.day = day_edit(existing.done_on or today, today, "Talked about on")
        form.addRow("On", self.day)
        self.agreed = note_edit(
            existing.agreed, "A few words on what was agreed (optional)", "What was agreed", 90
        )
        form.addRow("Agreed", self.agreed)
        self.form.addLayout(form)
        self.form.addWidget(
            label("Unticked, it goes back on the list for the next appointment.", "Muted")
        )
        self.talked.toggled.connect(self.day.setEnabled)
        self.day.setEnabled(self.talked.isChecked())
        self.finish()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._ticking:  # ticking off: straight to what was agreed
            self.agreed.setFocus()

    def save(self) -> None:
        try:
            self.saved = self._service.update_question(
                self._existing.id,
                body=self.body.toPlainText(),
                agreed=self.agreed.toPlainText(),
                done_on=day_of(self.day) if self.talked.isChecked() else None,
            )
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
