"""Invented medication and appointment notes for `demo-data`: a start, a dose raised after the
first weeks, a taper over weeks agreed with a GP, a few effects noticed, an appointment every
few weeks with the questions brought to it (what was agreed, once talked about) and a next one
booked. Days count back from the demo's last day; nothing before its first day is added, and a
demo shorter than three weeks gets none. Qt-free, like the rest of `demo-data`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MIN_DAYS = 21
GP = "Dr Rivera (GP)"
# (days before the last day, kind, dose, agreed with, note)
_CHANGES = (
    (114, "started", "50 mg", GP, "One in the morning. Dr Rivera said it can take a few weeks."),
    (95, "changed", "100 mg", GP, "Still flat most mornings, so we went up as agreed."),
    (54, "tapering", "75 mg", GP, "Steadier for a couple of months; coming off slowly."),
    (36, "tapering", "50 mg", GP, ""),
    (18, "tapering", "25 mg", GP, "Last step before stopping, if it goes as well."),
)
_EFFECTS = (
    (106, "A bit queasy in the first week; better when I take it with breakfast."),
    (88, "Sleeping more deeply. Vivid dreams some nights."),
    (50, "Some dizziness for a few days after the step down, then it passed."),
    (16, "Brief 'brain zaps' on a day I took it late. Told Dr Rivera's nurse."),
)
_APPOINTMENTS = (
    (98, GP, "Review, four weeks in."),
    (56, GP, "Talk about coming off."),
    (22, GP, "How the taper is going."),
    (-9, GP, "Bring the questions list."),
)
# (days before the last day it was written, days before the last day talked about or None,
# the question, what was agreed)
_QUESTIONS = (
    (105, 98, "Is it normal to feel queasy at first?", "Usually settles in a week or two."),
    (
        99,
        98,
        "Could we try a higher dose? Still flat most mornings.",
        "Up to 100 mg from the end of the week; review in about six weeks.",
    ),
    (
        60,
        56,
        "I'd like to come off slowly now that things are steadier. How?",
        "Down by 25 mg every two to three weeks; call if the low mood comes back.",
    ),
    (
        30,
        22,
        "The dizziness after each step: is that expected?",
        "Common when reducing; we can go slower if it gets bad.",
    ),
    (10, None, "When do I take the last 25 mg?", ""),
    (5, None, "What should I watch for after stopping?", ""),
    (3, None, "Can my practice plan be part of staying well after this?", ""),
)


def _at(day: dt.date, hour: int) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(hour, 10)).astimezone()
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def add_demo_medication(session: Session, first: dt.date, last: dt.date) -> None:
    """The invented notes between `first` and `last` (inclusive; appointments ahead too)."""
    from mindful_desktop.db.models import (
        Appointment,
        AppointmentQuestion,
        Medication,
        MedicationEvent,
    )

    if (last - first).days + 1 < MIN_DAYS:
        return

    def day(before: int) -> dt.date:
        return last - dt.timedelta(days=before)

    start = max(first, day(_CHANGES[0][0]))
    medication = Medication(
        name="Sertraline",
        schedule="one in the morning, with breakfast",
        created_at=_at(start, 19),
        updated_at=_at(start, 19),
    )
    session.add(medication)
    session.flush()
    for n, (before, kind, dose, who, note) in enumerate(_CHANGES):
        on = start if n == 0 else day(before)
        if on < start:
            continue
        at = _at(on, 19)
        session.add(
            MedicationEvent(
                medication_id=medication.id,
                local_date=on,
                kind=kind,
                dose=dose,
                agreed_with=who,
                note=note,
                created_at=at,
                updated_at=at,
            )
        )
    for before, note in _EFFECTS:
        if (on := day(before)) >= start:
            at = _at(on, 21)
            session.add(
                MedicationEvent(
                    medication_id=medication.id,
                    local_date=on,
                    kind="noticed",
                    note=note,
                    created_at=at,
                    updated_at=at,
                )
            )
    for before, who, note in _APPOINTMENTS:
        if (on := day(before)) >= first:
            at = _at(min(on, last), 18)
            session.add(
                Appointment(local_date=on, with_whom=who, note=note, created_at=at, updated_at=at)
            )
    for written, talked, body, agreed in _QUESTIONS:
        if (on := day(written)) >= first:
            at = _at(on, 20)
            session.add(
                AppointmentQuestion(
                    body=body,
                    agreed=agreed,
                    local_date=on,
                    done_on=None if talked is None else day(talked),
                    created_at=at,
                    updated_at=at,
                )
            )
