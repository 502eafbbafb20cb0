"""Medication and appointments, driven through its real widgets: adding, recording a change,
ticking a question off, deleting with Undo (its links: tests/ui/test_links.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.domain.medication import PRESCRIBER_NOTE
from mindful_desktop.services.appointments import AppointmentService
from mindful_desktop.services.medication import MedicationService
from mindful_desktop.ui.dialogs.appointment import QuestionDialog
from mindful_desktop.ui.dialogs.medication import ChangeDialog, MedicationDialog
from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.pages.care import CarePage
from mindful_desktop.ui.widgets.list_card import ListCard
from tests.conftest import FakeClock

DAY = dt.timedelta(days=1)


def _page(db: Database, clock: FakeClock, qtbot: QtBot) -> CarePage:
    page = CarePage(MedicationService(db, clock), AppointmentService(db, clock))
    qtbot.addWidget(page)
    page.resize(1060, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _rows(card: ListCard) -> list[Row]:
    model = card.model
    return [model.data(model.index(r, 0), RowsModel.RowRole) for r in range(model.rowCount())]


def _details(card: ListCard) -> list[str]:
    return [row.detail for row in _rows(card)]


def test_a_medication_its_change_and_a_delete_undone(
    db: Database, clock: FakeClock, qtbot: QtBot
) -> None:
    page = _page(db, clock, qtbot)
    assert page.medication.prescriber.text() == PRESCRIBER_NOTE
    texts = [w.text() for w in page.findChildren(type(page.medication.prescriber))]
    assert sum(PRESCRIBER_NOTE in t for t in texts) == 1  # said once
    assert page.medication.empty.isVisible() and not page.medication.change_button.isEnabled()

    dialog = page.medication.add()
    assert isinstance(dialog, MedicationDialog)
    qtbot.keyClicks(dialog.name, "Sertraline")
    qtbot.keyClicks(dialog.dose, "50 mg")
    qtbot.keyClicks(dialog.schedule, "mornings")
    dialog.save()
    assert _details(page.medication) == ["Sertraline — 50 mg · mornings"]
    assert page.medication.chosen() is not None and page.medication.edit_button.isEnabled()

    change = page.medication.record_change()
    assert isinstance(change, ChangeDialog)
    change.kind.setCurrentIndex(change.kind.findData("stopped"))
    assert not change.dose.isEnabled()  # a stop has no dose
    change.kind.setCurrentIndex(change.kind.findData("tapering"))
    qtbot.keyClicks(change.dose, "25 mg")
    qtbot.keyClicks(change.agreed, "Dr Lee")
    change.save()
    assert _details(page.medication) == ["Sertraline — 25 mg · mornings"]
    assert _details(page.changes)[0] == "Sertraline: tapering to 25 mg, agreed with Dr Lee"

    page.medication.delete()
    assert page.medication.empty.isVisible() and page.changes.empty.isVisible()
    bar = page.undo_bar
    assert bar.isVisible() and bar.parentWidget() is page.medication
    assert bar.message.text() == "Sertraline deleted, with its 2 notes."
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and len(_details(page.changes)) == 2


def test_questions_added_ticked_off_and_put_back(
    db: Database, clock: FakeClock, qtbot: QtBot
) -> None:
    visits = AppointmentService(db, clock)
    visits.add(clock().date() + 3 * DAY, "Dr Okafor")
    page = _page(db, clock, qtbot)
    assert "Next:" in page.appointments.next_label.text()
    assert "Dr Okafor, in 3 days." in page.appointments.next_label.text()
    questions = page.questions
    qtbot.keyClicks(questions.entry, "Is the dizziness expected?")
    qtbot.keyClick(questions.entry, Qt.Key.Key_Return)
    assert questions.entry.text() == "" and _details(questions) == ["Is the dizziness expected?"]
    assert questions.tick_button.text() == "Tick off…"
    dialog = questions.tick_or_reopen()
    assert isinstance(dialog, QuestionDialog) and dialog.talked.isChecked()
    qtbot.keyClicks(dialog.agreed, "Yes, for a week or two")
    dialog.save()
    row = _rows(questions)[0]
    assert row.badge == "✓" and "agreed: Yes, for a week or two" in row.text
    assert questions.tick_button.text() == "Put back on the list"
    questions.tick_or_reopen()
    assert not visits.questions()[0].done and questions.tick_button.text() == "Tick off…"
    questions.delete()
    assert page.undo_bar.parentWidget() is questions and visits.questions() == []
    page.undo_bar.undo()
    assert len(visits.questions()) == 1
