"""Medication changes and appointments marked on Insights' charts: on their own days, only
inside the window, their words on hover and with the keys, and never a claim of cause."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn, QuestionnaireResult
from mindful_desktop.services.appointments import AppointmentService
from mindful_desktop.services.insights import InsightsService
from mindful_desktop.services.medication import MedicationService
from mindful_desktop.ui.charts.axes import day_x
from mindful_desktop.ui.pages.insights import InsightsPage
from tests.conftest import FakeClock

DAY = dt.timedelta(days=1)


def _journal(db: Database, today: dt.date) -> None:
    with db.session() as session:
        for n in range(60):
            day = today - n * DAY
            at = dt.datetime.combine(day, dt.time(9))
            session.add(CheckIn(created_at=at, updated_at=at, local_date=day, mood=5 + n % 3))
        for n in (0, 14, 28, 42):
            day = today - n * DAY
            session.add(
                QuestionnaireResult(
                    instrument="phq9",
                    taken_at=dt.datetime.combine(day, dt.time(20)),
                    local_date=day,
                    answers="[1,1,1,1,0,0,0,0,0]",
                    total=4,
                    band="minimal",
                )
            )


def test_changes_and_appointments_are_marked_on_their_days(
    db: Database, clock: FakeClock, qtbot: QtBot
) -> None:
    today = clock().date()
    _journal(db, today)
    meds = MedicationService(db, clock)
    med = meds.add("Sertraline", "50 mg", started_on=today - 200 * DAY)  # before the window
    meds.record_change(med.id, today - 40 * DAY, "tapering", "25 mg", "Dr Lee", "slowly")
    meds.record_change(med.id, today - 12 * DAY, "stopped")
    meds.note_effect(today - 10 * DAY, "Dizzy")  # an effect is a note, not a mark
    AppointmentService(db, clock).add(today - 12 * DAY, "Dr Lee")  # the same day as the stop
    AppointmentService(db, clock).add(today - 30 * DAY, "Therapist")

    page = InsightsPage(InsightsService(db, clock))
    qtbot.addWidget(page)
    page.resize(1060, 800)
    page.show()
    qtbot.waitExposed(page)
    mood = page.mood.chart
    assert mood is not None
    days = [m.day for m in mood.marks]
    assert days == [today - 40 * DAY, today - 30 * DAY, today - 12 * DAY]
    layer = mood.mark_layer
    assert layer is not None
    assert [line.value() for line in layer.lines] == [day_x(d) for d in days]
    assert [m.label for m in mood.marks] == ["Tapering", "Appointment", "Stopped · Appointment"]
    phq = page.scores["phq9"].chart
    assert phq is not None and phq.marks == mood.marks  # the questionnaire charts too
    assert page.marks_note.isVisible() and "not what caused what" in page.marks_note.text()
    assert "Marked on the chart: " in mood.accessibleDescription()
    assert "Stopped Sertraline" in mood.accessibleDescription()

    # Pointing at a mark's line shows its words; away from every line, nothing.
    x = round(layer.viewport_x(mood.marks[0]))
    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(x, 60), mood.viewport().mapToGlobal(QPoint(x, 60)))
    QApplication.sendEvent(mood.viewport(), tip)
    assert QToolTip.text().startswith(
        f"{(today - 40 * DAY).day} {(today - 40 * DAY):%b %Y}: Sertraline: tapering to 25 mg, "
        "agreed with Dr Lee."
    )
    assert QToolTip.text().endswith("\nslowly")
    QToolTip.hideText()
    assert layer.near(QPoint(x + 40, 60)) is None

    # With the keys: focus shows the latest, Left goes back one, Home to the first.
    chosen: list[str] = []
    mood.markChosen.connect(chosen.append)
    mood.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: bool(chosen))
    assert "Stopped Sertraline" in chosen[-1] and "Appointment with Dr Lee" in chosen[-1]
    qtbot.keyClick(mood, Qt.Key.Key_Left)
    assert chosen[-1].endswith("Appointment with Therapist.")
    qtbot.keyClick(mood, Qt.Key.Key_Home)
    assert "tapering" in chosen[-1] and layer.current == 0


def test_no_marks_no_layer_and_no_note(db: Database, clock: FakeClock, qtbot: QtBot) -> None:
    _journal(db, clock().date())
    page = InsightsPage(InsightsService(db, clock))
    qtbot.addWidget(page)
    page.show()
    assert page.mood.chart is not None and page.mood.chart.mark_layer is None
    assert not page.marks_note.isVisible()
    assert "Marked" not in page.mood.chart.accessibleDescription()
