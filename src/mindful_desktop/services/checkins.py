"""Daily mood check-ins: save durably, list a day, summarise recent days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn
from mindful_desktop.domain.mood import DaySummary, clean_note, last_days, validate_mood
from mindful_desktop.errors import InvalidInputError


@dataclass(frozen=True)
class CheckInView:
    id: int
    when: dt.datetime  # local, aware
    day: dt.date
    mood: int
    note: str


def _view(row: CheckIn) -> CheckInView:
    return CheckInView(
        id=row.id,
        when=utc_naive_to_local(row.created_at),
        day=row.local_date,
        mood=row.mood,
        note=row.note,
    )


class CheckInService(QObject):
    changed = Signal()

    def __init__(self, db: Database, clock: Clock = system_clock, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    def add(self, mood: int, note: str = "") -> CheckInView:
        """Validate and commit; when this returns, the check-in is on disk."""
        try:
            mood = validate_mood(mood)
            note = clean_note(note)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        now = self._clock()
        with self._db.session() as session:
            row = CheckIn(
                created_at=to_utc_naive(now),
                updated_at=to_utc_naive(now),
                local_date=now.date(),
                mood=mood,
                note=note,
            )
            session.add(row)
            session.flush()
            view = _view(row)
        self.changed.emit()
        return view

    def for_day(self, day: dt.date) -> list[CheckInView]:
        with self._db.session() as session:
            rows = session.scalars(
                select(CheckIn).where(CheckIn.local_date == day).order_by(CheckIn.created_at)
            ).all()
            return [_view(r) for r in rows]

    def recent_days(self, days: int = 7) -> list[DaySummary]:
        today = self.today()
        start = today - dt.timedelta(days=days - 1)
        with self._db.session() as session:
            pairs = session.execute(
                select(CheckIn.local_date, CheckIn.mood).where(CheckIn.local_date >= start)
            ).all()
        return last_days(((d, m) for d, m in pairs), today, days)
