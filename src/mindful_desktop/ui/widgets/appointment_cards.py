"""The appointment cards: the next appointment and the others, and the running list of
questions for my appointment, ticked off afterwards with what was agreed. Both follow
`AppointmentService.changed`; deletes offer Undo."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton

from mindful_desktop.domain.medication import MAX_QUESTION_CHARS, short_day
from mindful_desktop.domain.words import count
from mindful_desktop.errors import KnownError
from mindful_desktop.services.appointments import AppointmentService, AppointmentView, QuestionView
from mindful_desktop.ui.dialogs.appointment import AppointmentDialog, QuestionDialog
from mindful_desktop.ui.models.rows import Row
from mindful_desktop.ui.widgets.common import label
from mindful_desktop.ui.widgets.list_card import ListCard
from mindful_desktop.ui.widgets.medication_cards import OfferUndo


def days_away(day: dt.date, today: dt.date) -> str:
    n = (day - today).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    return f"in {count(n, 'day')}" if n > 0 else f"{count(-n, 'day')} ago"


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def appointment_row(a: AppointmentView, today: dt.date, next_id: int | None) -> Row:
    when = f"{a.day:%a} {short_day(a.day)} · {days_away(a.day, today)}"
    if a.id == next_id:
        when += " · next"
    note = _first_line(a.note)
    return Row(
        when,
        a.id,
        tooltip=a.note if a.note.strip() != note else "",
        detail=a.words() + (f" — {note}" if note else ""),
        bold=a.id == next_id,
    )


def question_row(q: QuestionView) -> Row:
    if q.done_on is None:
        return Row(f"Written down on {short_day(q.day)}", q.id, detail=q.body)
    agreed = _first_line(q.agreed)
    when = f"Talked about on {short_day(q.done_on)}" + (f" · agreed: {agreed}" if agreed else "")
    return Row(when, q.id, detail=q.body, badge="✓", tooltip=q.agreed if q.agreed else "")


class AppointmentsCard(ListCard):
    def __init__(self, appointments: AppointmentService, offer_undo: OfferUndo) -> None:
        super().__init__("Appointments", "", "Your appointments", "No appointments noted yet.")
        self._service = appointments
        self._offer_undo = offer_undo
        self.next_label = label("")
        self.next_label.setAccessibleName("Your next appointment")
        self.body.insertWidget(1, self.next_label)
        self.add_button = self.button("Add an appointment…", self.add)
        self.edit_button = self.button("Edit…", self.edit, chosen=True)
        self.delete_button = self.button("Delete", self.delete, chosen=True)
        self.list.activate = self.edit
        appointments.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            coming = self._service.next_appointment()
            every = self._service.appointments()
        except KnownError as exc:
            self.say(exc.message, error=True)
            return
        today = self._service.today()
        if coming is None:
            self.next_label.setText("No appointment coming up is noted.")
        else:
            who = f" with {coming.with_whom}" if coming.with_whom else ""
            self.next_label.setText(
                f"<b>Next: {coming.day:%A} {short_day(coming.day)}</b>{escape(who)}, "
                f"{days_away(coming.day, today)}."
            )
        next_id = coming.id if coming else None
        self.set_rows([appointment_row(a, today, next_id) for a in every])

    def _open(self, dialog: AppointmentDialog) -> AppointmentDialog:
        dialog.accepted.connect(lambda: self.choose(dialog.saved.id if dialog.saved else None))
        dialog.open()
        return dialog

    def add(self) -> AppointmentDialog:
        self.say("")
        return self._open(AppointmentDialog(self._service, None, self))

    def edit(self) -> AppointmentDialog | None:
        chosen = self.chosen()
        found = next((a for a in self._service.appointments() if a.id == chosen), None)
        return None if found is None else self._open(AppointmentDialog(self._service, found, self))

    def delete(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        try:
            deleted = self._service.delete(int(chosen))
        except KnownError as exc:
            self.say(exc.message, error=True)
            return
        if deleted is not None:
            self._offer_undo(
                self, f"{deleted.label} deleted.", lambda: self._service.restore(deleted)
            )


class QuestionsCard(ListCard):
    def __init__(self, appointments: AppointmentService, offer_undo: OfferUndo) -> None:
        super().__init__(
            "Questions for my appointment",
            "Jot down what you'd like to bring up, as it comes to you. Afterwards, tick each "
            "one off with a few words on what was agreed.",
            "Questions for your appointment",
            "No questions yet.",
        )
        self._service = appointments
        self._offer_undo = offer_undo
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setPlaceholderText("Something to ask or mention")
        self.entry.setAccessibleName("A question for your appointment")
        self.entry.setMaxLength(MAX_QUESTION_CHARS)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add the question")
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        self.body.insertLayout(self.body.indexOf(self.list), row)
        self.tick_button = self.button("Tick off…", self.tick_or_reopen, chosen=True)
        self.edit_button = self.button("Edit…", self.edit, chosen=True)
        self.delete_button = self.button("Delete", self.delete, chosen=True)
        self.list.activate = self.edit
        self.entry.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        appointments.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.set_rows([question_row(q) for q in self._service.questions()])
        except KnownError as exc:
            self.say(exc.message, error=True)

    def _chosen(self) -> QuestionView | None:
        chosen = self.chosen()
        return next((q for q in self._service.questions() if q.id == chosen), None)

    def selection_changed(self) -> None:
        chosen = self._chosen() if hasattr(self, "tick_button") else None
        if chosen is not None:
            self.tick_button.setText("Put back on the list" if chosen.done else "Tick off…")

    def add(self) -> None:
        if not self.entry.text().strip():
            self.entry.setFocus()
            return
        try:
            added = self._service.add_question(self.entry.text())
        except KnownError as exc:
            self.say(exc.message, error=True)  # the words stay in the box
            return
        self.say("")
        self.entry.clear()
        self.choose(added.id)
        self.entry.setFocus()

    def _open(self, dialog: QuestionDialog) -> QuestionDialog:
        dialog.accepted.connect(lambda: self.choose(dialog.saved.id if dialog.saved else None))
        dialog.open()
        return dialog

    def tick_or_reopen(self) -> QDialog | None:
        chosen = self._chosen()
        if chosen is None:
            return None
        if not chosen.done:
            return self._open(QuestionDialog(self._service, chosen, True, self))
        try:
            self._service.reopen(chosen.id)
        except KnownError as exc:
            self.say(exc.message, error=True)
            return None
        self.choose(chosen.id)
        return None

    def edit(self) -> QuestionDialog | None:
        chosen = self._chosen()
        return (
            None
            if chosen is None
            else self._open(QuestionDialog(self._service, chosen, False, self))
        )

    def delete(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        try:
            deleted = self._service.delete_question(int(chosen))
        except KnownError as exc:
            self.say(exc.message, error=True)
            return
        if deleted is not None:
            self._offer_undo(
                self, f"{deleted.label} deleted.", lambda: self._service.restore_question(deleted)
            )
