"""PHQ-9 and GAD-7: submit answers, keep every result, say what changed and when one is due."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import columns_of, instant_param, to_date, to_datetime
from mindful_desktop.domain.instruments import (
    EVERY_DAYS,
    EVERY_DAYS_AFTER_COURSE,
    INSTRUMENTS,
    ChangeSummary,
    Instrument,
    band,
    change_summary,
    is_due,
    next_due,
    score,
    validate_extra_answer,
)
from mindful_desktop.errors import InvalidInputError

if TYPE_CHECKING:
    from mindful_desktop.db.models import QuestionnaireResult

_COLUMNS = "id, instrument, taken_at, local_date, answers, total, band, extra_answer"


@dataclass(frozen=True)
class ResultView:
    id: int
    instrument: str
    taken: dt.datetime  # local, aware
    day: dt.date
    answers: tuple[int, ...]
    total: int
    band: str
    extra_answer: int | None


def _row_view(row: Any) -> ResultView:
    """A row of `SELECT {_COLUMNS} FROM questionnaire_result`."""
    return ResultView(
        id=row["id"],
        instrument=row["instrument"],
        taken=utc_naive_to_local(to_datetime(row["taken_at"])),
        day=to_date(row["local_date"]),
        answers=tuple(int(a) for a in json.loads(row["answers"])),
        total=row["total"],
        band=row["band"],
        extra_answer=row["extra_answer"],
    )


def _view(row: QuestionnaireResult) -> ResultView:
    return _row_view(columns_of(row, _COLUMNS))


class QuestionnaireService(QObject):
    changed = Signal()

    def __init__(self, db: Database, clock: Clock = system_clock, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self._course_done: Callable[[], bool] = lambda: False

    def set_course_done(self, course_done: Callable[[], bool]) -> None:
        """After the eight weeks the questionnaires are suggested every four weeks, not two."""
        self._course_done = course_done

    def every_days(self) -> int:
        return EVERY_DAYS_AFTER_COURSE if self._course_done() else EVERY_DAYS

    @staticmethod
    def instrument(instrument_id: str) -> Instrument:
        return INSTRUMENTS[instrument_id]

    def today(self) -> dt.date:
        return self._clock().date()

    def submit(
        self, instrument_id: str, answers: list[int], extra_answer: int | None = None
    ) -> ResultView:
        instrument = self.instrument(instrument_id)
        try:
            total = score(instrument, answers)
            extra = validate_extra_answer(instrument, extra_answer)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        now = self._clock()
        from mindful_desktop.db.models import QuestionnaireResult

        with self._db.session() as session:
            row = QuestionnaireResult(
                instrument=instrument_id,
                taken_at=to_utc_naive(now),
                local_date=now.date(),
                answers=json.dumps(list(answers)),
                total=total,
                band=band(instrument, total).label,
                extra_answer=extra,
            )
            session.add(row)
            session.flush()
            view = _view(row)
        self.changed.emit()
        return view

    def history(self, instrument_id: str) -> list[ResultView]:
        """Oldest first."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM questionnaire_result WHERE instrument = ? "
            "ORDER BY taken_at, id",
            (instrument_id,),
        )
        return [_row_view(r) for r in rows]

    def results(self, limit: int = 200, before: ResultView | None = None) -> list[ResultView]:
        """Every questionnaire's results, newest first; `before` continues after one shown."""
        where, params = "", tuple[object, ...]()
        if before is not None:
            where = "WHERE (taken_at, id) < (?, ?) "
            params = (instant_param(before.taken), before.id)
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM questionnaire_result {where}"
            "ORDER BY taken_at DESC, id DESC LIMIT ?",
            (*params, limit),
        )
        return [_row_view(r) for r in rows]

    def summary(self, result: ResultView) -> ChangeSummary:
        """How `result` compares with the first and the one before it."""
        earlier = [r for r in self.history(result.instrument) if r.id != result.id]
        earlier = [r for r in earlier if (r.taken, r.id) < (result.taken, result.id)]
        first = earlier[0].total if earlier else None
        previous = earlier[-1].total if earlier else None
        return change_summary(self.instrument(result.instrument), first, previous, result.total)

    def latest(self, instrument_id: str) -> ResultView | None:
        """The newest result alone (one row, not the whole history)."""
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM questionnaire_result WHERE instrument = ? "
            "ORDER BY taken_at DESC, id DESC LIMIT 1",
            (instrument_id,),
        )
        return None if row is None else _row_view(row)

    def last_taken(self, instrument_id: str) -> dt.date | None:
        latest = self.latest(instrument_id)
        return None if latest is None else latest.day

    def due(self, instrument_id: str) -> bool:
        return is_due(self.last_taken(instrument_id), self.today(), self.every_days())

    def next_due(self, instrument_id: str) -> dt.date:
        return next_due(self.last_taken(instrument_id), self.today(), self.every_days())
