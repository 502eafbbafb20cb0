"""Dialogs for my medication: adding one (with its start), its name and schedule, a change,
and an effect noticed. Each keeps what was typed when a save fails, and says why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from mindful_desktop.domain.medication import (
    AHEAD_DAYS,
    CHANGE_KINDS,
    EARLIEST,
    KIND_WORDS,
    MAX_LINE_CHARS,
    NOTICED,
    STOPPED,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.services.medication import EventView, MedicationService, MedicationView
from mindful_desktop.ui.dialogs.frame import FormDialog
from mindful_desktop.ui.widgets.common import label

_SIZE = QSize(580, 560)


def day_edit(day: dt.date, latest: dt.date, name: str) -> QDateEdit:
    """A day picker with its calendar, from 1900 to `latest`."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
    edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.setAccessibleName(name)
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    chosen = edit.date()
    return dt.date(chosen.year(), chosen.month(), chosen.day())


def line_edit(text: str, placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setMaxLength(MAX_LINE_CHARS)
    return edit


def note_edit(text: str, placeholder: str, name: str, height: int = 110) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def medication_box(
    medications: list[MedicationView], chosen: int | None, none_text: str = ""
) -> QComboBox:
    """Which medication: each by name (and "none in particular" when `none_text`)."""
    box = QComboBox()
    box.setAccessibleName("Which medication")
    for medication in medications:
        box.addItem(medication.name, medication.id)
    if none_text:
        box.addItem(none_text, None)
    box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else box.count() - 1)
    return box


class MedicationDialog(FormDialog):
    """Add a medication with its start, or change its name and when it is taken."""

    def __init__(
        self,
        medication: MedicationService,
        existing: MedicationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Change a medication" if existing else "Add a medication", _SIZE, parent)
        self._service = medication
        self._existing = existing
        self.saved: MedicationView | None = None
        today = medication.today()
        form = QFormLayout()
        self.name = line_edit(
            existing.name if existing else "",
            "As you call it: a name, or “my morning tablet”",
            "Medication",
        )
        form.addRow("Medication", self.name)
        self.schedule = line_edit(
            existing.schedule if existing else "",
            "When and how you take it, in your words (optional)",
            "When you take it",
        )
        if existing is None:
            self.dose = line_edit("", "The dose, as written on the box (optional)", "Dose")
            form.addRow("Dose", self.dose)
            form.addRow("When", self.schedule)
            self.started = day_edit(today, today + dt.timedelta(days=AHEAD_DAYS), "Started on")
            form.addRow("Started on", self.started)
            self.agreed = line_edit("", "Who prescribed or agreed it (optional)", "Agreed with")
            form.addRow("Agreed with", self.agreed)
            self.note = note_edit("", "Anything you want to remember (optional)", "Note")
            form.addRow("Note", self.note)
        else:
            form.addRow("When", self.schedule)
        self.form.addLayout(form)
        if existing is not None:
            self.form.addWidget(
                label(
                    "Its start and each change are in “What changed, and what I noticed”, "
                    "where each one can be changed.",
                    "Muted",
                )
            )
        self.finish()

    def save(self) -> None:
        try:
            if self._existing is None:
                self.saved = self._service.add(
                    self.name.text(),
                    self.dose.text(),
                    self.schedule.text(),
                    day_of(self.started),
                    self.note.toPlainText(),
                    self.agreed.text(),
                )
            else:
                self.saved = self._service.update(
                    self._existing.id, self.name.text(), self.schedule.text()
                )
        except KnownError as exc:
            self.error.setText(exc.message)  # what was typed stays in the boxes
            return
        self.accept()


class ChangeDialog(FormDialog):
    """Record a change (started, changed, tapering, stopped), or change one recorded."""

    def __init__(
        self,
        medication: MedicationService,
        chosen: int | None = None,
        existing: EventView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Change what was noted" if existing else "Record a change", _SIZE, parent)
        self._service = medication
        self._existing = existing
        self.saved: EventView | None = None
        today = medication.today()
        form = QFormLayout()
        self.medication = medication_box(
            medication.medications(), existing.medication_id if existing else chosen
        )
        form.addRow("Medication", self.medication)
        self.kind = QComboBox()
        self.kind.setAccessibleName("What changed")
        for kind in CHANGE_KINDS:
            self.kind.addItem(KIND_WORDS[kind], kind)
        self.kind.setCurrentIndex(self.kind.findData(existing.kind if existing else "tapering"))
        form.addRow("What changed", self.kind)
        self.day = day_edit(
            existing.day if existing else today,
            today + dt.timedelta(days=AHEAD_DAYS),
            "Date",
        )
        form.addRow("Date", self.day)
        self.dose = line_edit(
            existing.dose if existing else "", "e.g. 25 mg (optional)", "New dose"
        )
        form.addRow("New dose", self.dose)
        self.agreed = line_edit(
            existing.agreed_with if existing else "",
            "e.g. Dr Lee, my GP (optional)",
            "Agreed with",
        )
        form.addRow("Agreed with", self.agreed)
        self.note = note_edit(
            existing.note if existing else "", "Anything you want to remember (optional)", "Note"
        )
        form.addRow("Note", self.note)
        self.form.addLayout(form)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self._kind_chosen()
        self.finish()

    def _kind_chosen(self, *_args: object) -> None:
        self.dose.setEnabled(self.kind.currentData() != STOPPED)  # a stop has no dose

    def save(self) -> None:
        chosen = self.medication.currentData()
        day, kind = day_of(self.day), str(self.kind.currentData())
        dose, agreed, note = self.dose.text(), self.agreed.text(), self.note.toPlainText()
        try:
            if chosen is None:
                raise KnownError("Add the medication first, then record its changes.")
            if self._existing is None:
                self.saved = self._service.record_change(int(chosen), day, kind, dose, agreed, note)
            else:
                self.saved = self._service.update_event(
                    self._existing.id,
                    day=day,
                    kind=kind,
                    dose=dose,
                    agreed_with=agreed,
                    note=note,
                    medication_id=int(chosen),
                )
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class EffectDialog(FormDialog):
    """An effect or side effect noticed, on a day, about one medication or none."""

    def __init__(
        self,
        medication: MedicationService,
        chosen: int | None = None,
        existing: EventView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Change what you noticed" if existing else "Note an effect", _SIZE, parent)
        self._service = medication
        self._existing = existing
        self.saved: EventView | None = None
        today = medication.today()
        self.form.addWidget(
            label(
                "Anything you noticed, welcome or not: sleep, appetite, energy, mood, how your "
                "body feels. It is kept as you write it; nothing here is judged.",
                "Muted",
            )
        )
        form = QFormLayout()
        self.day = day_edit(existing.day if existing else today, today, "Date")
        form.addRow("Date", self.day)
        self.medication = medication_box(
            medication.medications(),
            existing.medication_id if existing else chosen,
            "No medication in particular",
        )
        if existing is not None and existing.medication_id is None:
            self.medication.setCurrentIndex(self.medication.count() - 1)
        form.addRow("About", self.medication)
        self.note = note_edit(
            existing.note if existing else "", "What you noticed", "What you noticed", 140
        )
        form.addRow("Noticed", self.note)
        self.form.addLayout(form)
        self.finish()

    def save(self) -> None:
        chosen = self.medication.currentData()
        medication_id = None if chosen is None else int(chosen)
        try:
            if self._existing is None:
                self.saved = self._service.note_effect(
                    day_of(self.day), self.note.toPlainText(), medication_id
                )
            else:
                self.saved = self._service.update_event(
                    self._existing.id,
                    day=day_of(self.day),
                    kind=NOTICED,
                    note=self.note.toPlainText(),
                    medication_id=medication_id,
                )
        except KnownError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
