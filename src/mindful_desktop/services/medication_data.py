"""Medication, its changes and effects noticed, appointments and questions, read with plain SQL
(no Qt): the services, Insights' chart marks and the report for a clinician read the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mindful_desktop.clock import utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import day_param, to_date, to_datetime
from mindful_desktop.domain.medication import (
    NOTICED,
    STOPPED,
    ChartMark,
    appointment_mark,
    change_mark,
    describe_appointment,
    describe_change,
    one_mark_a_day,
)


@dataclass(frozen=True)
class EventView:
    """A start, a change or an effect noticed."""

    id: int
    medication_id: int | None
    name: str  # the medication's name now ("" for an effect about none in particular)
    day: dt.date
    kind: str
    dose: str
    agreed_with: str
    note: str
    created: dt.datetime  # local, aware

    @property
    def is_change(self) -> bool:
        return self.kind != NOTICED

    def words(self) -> str:
        """ "Sertraline: tapering to 25 mg, agreed with Dr Lee"; for an effect, its note."""
        if self.is_change:
            return describe_change(self.kind, self.name, self.dose, self.agreed_with)
        return self.note


@dataclass(frozen=True)
class MedicationView:
    id: int
    name: str
    schedule: str
    started_on: dt.date | None  # the first start recorded
    dose: str  # the latest change's dose (on or before today) that says one
    stopped_on: dt.date | None  # when the latest change so far is a stop
    last_change: EventView | None  # on or before today

    @property
    def taking(self) -> bool:
        return self.stopped_on is None


@dataclass(frozen=True)
class AppointmentView:
    id: int
    day: dt.date
    with_whom: str
    note: str

    def words(self) -> str:
        return describe_appointment(self.with_whom)


@dataclass(frozen=True)
class QuestionView:
    id: int
    body: str
    agreed: str
    day: dt.date  # written down on
    done_on: dt.date | None

    @property
    def done(self) -> bool:
        return self.done_on is not None


_EVENT_COLUMNS = (
    "e.id, e.medication_id, coalesce(m.name, '') AS name, e.local_date, e.kind, e.dose, "
    "e.agreed_with, e.note, e.created_at"
)
_EVENTS = (
    f"SELECT {_EVENT_COLUMNS} FROM medication_event e "
    "LEFT JOIN medication m ON m.id = e.medication_id"
)
_NEWEST = " ORDER BY e.local_date DESC, e.created_at DESC, e.id DESC"


def event_view(row: Any) -> EventView:
    """A row of `_EVENTS` (or an ORM row's columns with the medication's `name`)."""
    return EventView(
        id=int(row["id"]),
        medication_id=None if row["medication_id"] is None else int(row["medication_id"]),
        name=str(row["name"]),
        day=to_date(row["local_date"]),
        kind=str(row["kind"]),
        dose=str(row["dose"]),
        agreed_with=str(row["agreed_with"]),
        note=str(row["note"]),
        created=utc_naive_to_local(to_datetime(row["created_at"])),
    )


def event(db: Database, event_id: int) -> EventView | None:
    row = db.query_one(f"{_EVENTS} WHERE e.id = ?", (event_id,))
    return None if row is None else event_view(row)


def events(
    db: Database,
    start: dt.date | None = None,
    end: dt.date | None = None,
    medication_id: int | None = None,
) -> list[EventView]:
    """Starts, changes and effects noticed, newest first; only days from `start` to `end`
    (inclusive) when given, only one medication's when `medication_id` is."""
    where: list[str] = []
    params: list[object] = []
    if start is not None:
        where.append("e.local_date >= ?")
        params.append(day_param(start))
    if end is not None:
        where.append("e.local_date <= ?")
        params.append(day_param(end))
    if medication_id is not None:
        where.append("e.medication_id = ?")
        params.append(medication_id)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return [event_view(r) for r in db.query(_EVENTS + clause + _NEWEST, params)]


def medications(db: Database, today: dt.date) -> list[MedicationView]:
    """Every medication: those being taken first, then those stopped; by name within each."""
    rows = db.query("SELECT id, name, schedule FROM medication ORDER BY name COLLATE NOCASE, id")
    by_medication: dict[int, list[EventView]] = {}
    for e in events(db):
        if e.medication_id is not None and e.is_change:
            by_medication.setdefault(e.medication_id, []).append(e)
    out = []
    for row in rows:
        changes = by_medication.get(int(row["id"]), [])  # newest first
        so_far = [e for e in changes if e.day <= today]
        starts = [e.day for e in changes if e.kind == "started"]
        last = so_far[0] if so_far else None
        dose = next((e.dose for e in so_far if e.dose and e.kind != STOPPED), "")
        out.append(
            MedicationView(
                id=int(row["id"]),
                name=str(row["name"]),
                schedule=str(row["schedule"]),
                started_on=min(starts) if starts else None,
                dose=dose,
                stopped_on=last.day if last is not None and last.kind == STOPPED else None,
                last_change=last,
            )
        )
    return sorted(out, key=lambda m: not m.taking)


def _appointment(row: Any) -> AppointmentView:
    return AppointmentView(
        int(row["id"]), to_date(row["local_date"]), str(row["with_whom"]), str(row["note"])
    )


_APPOINTMENTS = "SELECT id, local_date, with_whom, note FROM appointment"


def appointments(db: Database) -> list[AppointmentView]:
    """Every appointment, the latest day first."""
    rows = db.query(f"{_APPOINTMENTS} ORDER BY local_date DESC, id DESC")
    return [_appointment(r) for r in rows]


def next_appointment(db: Database, today: dt.date) -> AppointmentView | None:
    """The first appointment today or after."""
    row = db.query_one(
        f"{_APPOINTMENTS} WHERE local_date >= ? ORDER BY local_date, id LIMIT 1",
        (day_param(today),),
    )
    return None if row is None else _appointment(row)


def question_view(row: Any) -> QuestionView:
    done = row["done_on"]
    return QuestionView(
        int(row["id"]),
        str(row["body"]),
        str(row["agreed"]),
        to_date(row["local_date"]),
        None if done is None else to_date(done),
    )


def questions(db: Database, *, open_only: bool = False) -> list[QuestionView]:
    """The open questions in the order written down, then (unless `open_only`) those talked
    about, the latest first."""
    where = " WHERE done_on IS NULL" if open_only else ""
    rows = db.query(
        f"SELECT id, body, agreed, local_date, done_on FROM appointment_question{where} "
        "ORDER BY done_on IS NOT NULL, done_on DESC, local_date, created_at, id"
    )
    return [question_view(r) for r in rows]


def chart_marks(db: Database) -> tuple[ChartMark, ...]:
    """Every change of medication and every appointment, one mark a day, oldest first."""
    marks = [
        change_mark(e.day, e.kind, e.name, e.dose, e.agreed_with, e.note)
        for e in events(db)
        if e.is_change
    ]
    marks += [appointment_mark(a.day, a.with_whom, a.note) for a in appointments(db)]
    return one_mark_a_day(marks)
