"""The practice plan: the times a person means to practise (domain/plan.py), stored in
`plan_slot`, with what each day's plan looks like against the practice actually logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import columns_of
from mindful_desktop.domain import plan as rules
from mindful_desktop.domain.plan import PlannedSlot
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services.plan_export import COLUMNS, read_slots, slot_from_row

Practised = Callable[[dt.date], list[tuple[str, dt.time]]]


@dataclass(frozen=True)
class DaySlot:
    """One of a day's planned times, and whether practice that day answered it."""

    slot: PlannedSlot
    done: bool


class PlanService(QObject):
    changed = Signal()

    def __init__(
        self,
        db: Database,
        practised_on: Practised,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._practised_on = practised_on
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    def slots(self) -> list[PlannedSlot]:
        """Every planned time, in the order of the week's first day it falls on, then time."""
        return read_slots(self._db)

    def add(
        self,
        weekdays: frozenset[int] | set[int],
        time: dt.time,
        practice_id: str,
        title: str,
        minutes: int,
    ) -> PlannedSlot:
        from sqlalchemy import select  # not at import: the first frame needs no SQLAlchemy

        from mindful_desktop.db.models import PlanSlot

        values = self._values(weekdays, time, practice_id, title, minutes)
        with self._db.session() as session:
            if len(session.scalars(select(PlanSlot.id)).all()) >= rules.MAX_SLOTS:
                raise InvalidInputError(
                    f"A plan holds up to {rules.MAX_SLOTS} practice times. Remove one first."
                )
            row = PlanSlot(**values)
            session.add(row)
            session.flush()
            view = slot_from_row(columns_of(row, COLUMNS))
        self.changed.emit()
        return view

    def update(
        self,
        slot_id: int,
        weekdays: frozenset[int] | set[int],
        time: dt.time,
        practice_id: str,
        title: str,
        minutes: int,
    ) -> PlannedSlot:
        from mindful_desktop.db.models import PlanSlot

        values = self._values(weekdays, time, practice_id, title, minutes)
        with self._db.session() as session:
            row = session.get(PlanSlot, slot_id)
            if row is None:
                raise InvalidInputError("That practice time is no longer in the plan.")
            for column, value in values.items():
                setattr(row, column, value)
            session.flush()
            view = slot_from_row(columns_of(row, COLUMNS))
        self.changed.emit()
        return view

    def remove(self, slot_id: int) -> None:
        from mindful_desktop.db.models import PlanSlot

        with self._db.session() as session:
            row = session.get(PlanSlot, slot_id)
            if row is not None:
                session.delete(row)
        self.changed.emit()

    def day(self, day: dt.date | None = None) -> list[DaySlot]:
        """`day`'s planned times (today's by default), earliest first, each marked done when
        practice logged that day answers it (domain/plan.py: practised_slots)."""
        when = day or self._clock().date()
        slots = rules.slots_on(self.slots(), when)
        if not slots:
            return []
        done = rules.practised_slots(slots, self._practised_on(when))
        return [DaySlot(s, s.id in done) for s in slots]

    @staticmethod
    def _values(
        weekdays: frozenset[int] | set[int],
        time: dt.time,
        practice_id: str,
        title: str,
        minutes: object,
    ) -> dict[str, object]:
        """A slot's columns as stored, checked first (domain/plan.py: validate_slot)."""
        try:
            days, at, name, length = rules.validate_slot(weekdays, time, title, minutes)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        return {
            "weekdays": rules.weekdays_to_text(days),
            "at": f"{at:%H:%M}",
            "practice_id": practice_id,
            "title": name,
            "minutes": length,
        }
