"""Daily mood check-ins: save durably, list a day, summarise recent days."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import columns_of, day_param, instant_param, to_date, to_datetime
from mindful_desktop.domain.mood import (
    DaySummary,
    clean_note,
    last_days,
    validate_emotions,
    validate_mood,
    validate_sleep,
)
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services.undo import Deleted, put_back, snapshot

if TYPE_CHECKING:
    from mindful_desktop.db.models import CheckIn

_KEEP = object()  # "leave this field as it is" in update()
_COLUMNS = "id, created_at, local_date, mood, note, emotions, sleep_hours"


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


def _row_view(row: Any) -> CheckInView:
    """A row of `SELECT {_COLUMNS} FROM check_in`."""
    return CheckInView(
        id=row["id"],
        when=utc_naive_to_local(to_datetime(row["created_at"])),
        day=to_date(row["local_date"]),
        mood=row["mood"],
        note=row["note"],
        emotions=_emotions(row["emotions"]),
        sleep_hours=row["sleep_hours"],
    )


def _view(row: CheckIn) -> CheckInView:
    return _row_view(columns_of(row, _COLUMNS))


class CheckInService(QObject):
    changed = Signal()
    # Emitted just before `changed` for one check-in, so lists change that row alone.
    saved = Signal(object)  # the view as saved (added, edited or put back)
    removed = Signal(int)  # its id

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
        from mindful_desktop.db.models import CheckIn

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
        self.saved.emit(view)
        self.changed.emit()
        return view

    def update(
        self,
        checkin_id: int,
        *,
        mood: object = _KEEP,
        note: object = _KEEP,
        emotions: object = _KEEP,
        sleep_hours: object = _KEEP,
    ) -> CheckInView:
        """Change a past check-in's ratings or note; its day and time stay as they were."""
        from mindful_desktop.db.models import CheckIn

        try:
            with self._db.session() as session:
                row = session.get(CheckIn, checkin_id)
                if row is None:
                    raise InvalidInputError("That check-in is no longer in your journal.")
                if mood is not _KEEP:
                    row.mood = validate_mood(mood)
                if note is not _KEEP:
                    row.note = clean_note(str(note))
                if emotions is not _KEEP:
                    row.emotions = json.dumps(list(validate_emotions(emotions)))
                if sleep_hours is not _KEEP:
                    row.sleep_hours = validate_sleep(sleep_hours)
                row.updated_at = to_utc_naive(self._clock())
                session.flush()
                view = _view(row)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        self.saved.emit(view)
        self.changed.emit()
        return view

    def delete(self, checkin_id: int) -> Deleted | None:
        """Remove a check-in at once; what it returns puts it back (`restore`)."""
        from mindful_desktop.db.models import CheckIn

        with self._db.session() as session:
            row = session.get(CheckIn, checkin_id)
            if row is None:
                return None
            day = f"{row.local_date:%d %B}".lstrip("0")
            deleted = snapshot(row, f"Check-in of {day}")
            session.delete(row)
        self.removed.emit(int(deleted.id))
        self.changed.emit()
        return deleted

    def restore(self, deleted: Deleted) -> CheckInView:
        """Undo a delete: the same check-in (id, time, ratings, note) back in the journal."""
        from mindful_desktop.db.models import CheckIn

        with self._db.session() as session:
            view = _view(put_back(session, CheckIn, deleted))
        self.saved.emit(view)
        self.changed.emit()
        return view

    def get(self, checkin_id: int) -> CheckInView | None:
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM check_in WHERE id = ?", (checkin_id,))
        return None if row is None else _row_view(row)

    def for_day(self, day: dt.date) -> list[CheckInView]:
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM check_in WHERE local_date = ? ORDER BY created_at, id",
            (day_param(day),),
        )
        return [_row_view(r) for r in rows]

    def history(self, limit: int = 200, before: CheckInView | None = None) -> list[CheckInView]:
        """Newest first; `before` continues after a check-in already shown (a keyset)."""
        where, params = "", tuple[object, ...]()
        if before is not None:
            where = "WHERE (created_at, id) < (?, ?) "
            params = (instant_param(before.when), before.id)
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM check_in {where}ORDER BY created_at DESC, id DESC LIMIT ?",
            (*params, limit),
        )
        return [_row_view(r) for r in rows]

    def recent_days(self, days: int = 7) -> list[DaySummary]:
        today = self.today()
        start = today - dt.timedelta(days=days - 1)
        rows = self._db.query(
            "SELECT local_date, mood FROM check_in WHERE local_date >= ?", (day_param(start),)
        )
        return last_days(((to_date(d), m) for d, m in rows), today, days)
