"""The report's medication section (no Qt): the medication as it stood at the end of the
period, every change and effect noticed inside the period, the questions still open for the
appointment and the next appointment. All of it as the person wrote it; nothing is judged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mindful_desktop.db.database import Database
from mindful_desktop.services import medication_data as read
from mindful_desktop.services.medication_data import (
    AppointmentView,
    EventView,
    MedicationView,
    QuestionView,
)


@dataclass(frozen=True)
class MedicationSection:
    taking: tuple[MedicationView, ...]  # as it stood on the period's last day
    events: tuple[EventView, ...]  # changes and effects noticed in the period, oldest first
    questions: tuple[QuestionView, ...]  # still open
    next_appointment: AppointmentView | None  # from the day the report was made

    @property
    def empty(self) -> bool:
        return not (self.taking or self.events or self.questions or self.next_appointment)


def gather_medication(
    db: Database, start: dt.date, end: dt.date, made_on: dt.date
) -> MedicationSection:
    return MedicationSection(
        taking=tuple(
            m for m in read.medications(db, end) if m.taking and m.last_change is not None
        ),
        events=tuple(reversed(read.events(db, start, end))),
        questions=tuple(read.questions(db, open_only=True)),
        next_appointment=read.next_appointment(db, made_on),
    )
