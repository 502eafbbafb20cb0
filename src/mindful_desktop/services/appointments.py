"""Appointments (a day, with whom, a note) and the running list of questions for them: written
down as they come up, ticked off afterwards with a few words on what was agreed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive
from mindful_desktop.db.database import Database
from mindful_desktop.domain import medication as words
from mindful_desktop.domain.medication import MAX_QUESTION_CHARS
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services import medication_data as read
from mindful_desktop.services.medication_data import AppointmentView, QuestionView
from mindful_desktop.services.undo import Deleted, put_back, snapshot

__all__ = ["AppointmentService", "AppointmentView", "QuestionView"]

_KEEP = object()  # "leave this as it is" in update_question()


class AppointmentService(QObject):
    changed = Signal()

    def __init__(
        self, db: Database, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    # --- appointments -----------------------------------------------------------------------

    def appointments(self) -> list[AppointmentView]:
        return read.appointments(self._db)

    def next_appointment(self) -> AppointmentView | None:
        return read.next_appointment(self._db, self.today())

    def add(self, day: dt.date, with_whom: str = "", note: str = "") -> AppointmentView:
        from mindful_desktop.db.models import Appointment

        values = self._appointment_values(day, with_whom, note)
        now = to_utc_naive(self._clock())
        with self._db.session() as session:
            row = Appointment(**values, created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            view = AppointmentView(row.id, row.local_date, row.with_whom, row.note)
        self.changed.emit()
        return view

    def update(
        self, appointment_id: int, day: dt.date, with_whom: str = "", note: str = ""
    ) -> AppointmentView:
        from mindful_desktop.db.models import Appointment

        values = self._appointment_values(day, with_whom, note)
        with self._db.session() as session:
            row = session.get(Appointment, appointment_id)
            if row is None:
                raise InvalidInputError("That appointment is no longer in your journal.")
            for column, value in values.items():
                setattr(row, column, value)
            row.updated_at = to_utc_naive(self._clock())
            view = AppointmentView(row.id, row.local_date, row.with_whom, row.note)
        self.changed.emit()
        return view

    def delete(self, appointment_id: int) -> Deleted | None:
        from mindful_desktop.db.models import Appointment

        with self._db.session() as session:
            row = session.get(Appointment, appointment_id)
            if row is None:
                return None
            deleted = snapshot(row, f"Appointment of {words.short_day(row.local_date)}")
            session.delete(row)
        self.changed.emit()
        return deleted

    def restore(self, deleted: Deleted) -> AppointmentView:
        from mindful_desktop.db.models import Appointment

        with self._db.session() as session:
            row = put_back(session, Appointment, deleted)
            view = AppointmentView(row.id, row.local_date, row.with_whom, row.note)
        self.changed.emit()
        return view

    def _appointment_values(self, day: dt.date, with_whom: str, note: str) -> dict[str, object]:
        try:
            return {
                "local_date": words.check_day(
                    day, self.today(), ahead=True, what="The appointment's date"
                ),
                "with_whom": words.clean_line(with_whom, "who the appointment is with"),
                "note": words.clean_note(note),
            }
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc

    # --- questions for an appointment -------------------------------------------------------

    def questions(self, *, open_only: bool = False) -> list[QuestionView]:
        return read.questions(self._db, open_only=open_only)

    def add_question(self, body: str) -> QuestionView:
        from mindful_desktop.db.models import AppointmentQuestion

        text = self._body(body)
        now = self._clock()
        with self._db.session() as session:
            row = AppointmentQuestion(
                body=text,
                agreed="",
                local_date=now.date(),
                created_at=to_utc_naive(now),
                updated_at=to_utc_naive(now),
            )
            session.add(row)
            session.flush()
            view = _question(row)
        self.changed.emit()
        return view

    def update_question(
        self,
        question_id: int,
        *,
        body: object = _KEEP,
        agreed: object = _KEEP,
        done_on: object = _KEEP,
    ) -> QuestionView:
        """Change its words, what was agreed, or the day it was talked about (None: open)."""
        from mindful_desktop.db.models import AppointmentQuestion

        try:
            changes: dict[str, object] = {}
            if body is not _KEEP:
                changes["body"] = self._body(str(body))
            if agreed is not _KEEP:
                changes["agreed"] = words.clean_note(str(agreed), what="what was agreed")
            if done_on is not _KEEP:
                changes["done_on"] = (
                    None if done_on is None else words.check_day(done_on, self.today(), ahead=False)
                )
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        with self._db.session() as session:
            row = session.get(AppointmentQuestion, question_id)
            if row is None:
                raise InvalidInputError("That question is no longer in your journal.")
            for column, value in changes.items():
                setattr(row, column, value)
            row.updated_at = to_utc_naive(self._clock())
            view = _question(row)
        self.changed.emit()
        return view

    def tick_off(
        self, question_id: int, agreed: str = "", day: dt.date | None = None
    ) -> QuestionView:
        """Talked about (today unless `day` says), with a few words on what was agreed."""
        return self.update_question(question_id, agreed=agreed, done_on=day or self.today())

    def reopen(self, question_id: int) -> QuestionView:
        """Back on the list for the next appointment; what was agreed is kept."""
        return self.update_question(question_id, done_on=None)

    def delete_question(self, question_id: int) -> Deleted | None:
        from mindful_desktop.db.models import AppointmentQuestion

        with self._db.session() as session:
            row = session.get(AppointmentQuestion, question_id)
            if row is None:
                return None
            short = row.body if len(row.body) <= 40 else row.body[:39] + "…"
            deleted = snapshot(row, f"“\u2068{short}\u2069”")
            session.delete(row)
        self.changed.emit()
        return deleted

    def restore_question(self, deleted: Deleted) -> QuestionView:
        from mindful_desktop.db.models import AppointmentQuestion

        with self._db.session() as session:
            view = _question(put_back(session, AppointmentQuestion, deleted))
        self.changed.emit()
        return view

    @staticmethod
    def _body(body: str) -> str:
        try:
            text = words.clean_note(body, limit=MAX_QUESTION_CHARS, what="a question")
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        if not text:
            raise InvalidInputError("Write the question first; a few words are enough.")
        return text


def _question(row: object) -> QuestionView:
    from mindful_desktop.db.values import columns_of

    return read.question_view(columns_of(row, "id, body, agreed, local_date, done_on"))
