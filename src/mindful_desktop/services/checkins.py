"""Daily mood check-ins: save durably, list a day, summarise recent days."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn
from mindful_desktop.domain.mood import (
    DaySummary,
    clean_note,
    last_days,
    validate_emotions,
    validate_mood,
    validate_sleep,
)
from mindful_desktop.errors import InvalidInputError


@dataclass(frozen=True)
class CheckInView:
    id: int
    when: dt.datetime  # local, aware
    day: dt.date
    mood: int
    note: str
    emotions: tuple[str, ...] = ()
    sleep_hours: float | None = None


def _emotions(raw: str) -> tuple[str, ...]:
    try:
        words = json.loads(raw)
    except ValueError:
        return ()
    return tuple(str(w) for w in words) if isinstance(words, list) else ()


def _view(row: CheckIn) -> CheckInView:
    return CheckInView(
        id=row.id,
        when=utc_naive_to_local(row.created_at),
        day=row.local_date,
        mood=row.mood,
        note=row.note,
        emotions=_emotions(row.emotions),
        sleep_hours=row.sleep_hours,
    )


class CheckInService(QObject):
    changed = Signal()

    def __init__(self, db: Database, clock: Clock = system_clock, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    def add(
        self,
        mood: int,
        note: str = "",
        emotions: tuple[str, ...] | list[str] = (),
        sleep_hours: float | None = None,
    ) -> CheckInView:
        """Validate and commit; when this returns, the check-in is on disk."""
        try:
            mood = validate_mood(mood)
            note = clean_note(note)
            words = validate_emotions(emotions)
            sleep = validate_sleep(sleep_hours)
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
                emotions=json.dumps(list(words)),
                sleep_hours=sleep,
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

    def history(self, limit: int = 200) -> list[CheckInView]:
        """Newest first."""
        with self._db.session() as session:
            rows = session.scalars(
                select(CheckIn).order_by(CheckIn.created_at.desc()).limit(limit)
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
