"""My medication: what a person takes, each start, change, taper and stop as they record it
(with who agreed it), and effects they noticed. Nothing is suggested, checked or scored: the
words are kept as typed (cleaned at this boundary, like all text), with the day they give."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive
from mindful_desktop.db.database import Database
from mindful_desktop.domain import medication as words
from mindful_desktop.domain.medication import CHANGE_KINDS, NOTICED, STARTED, STOPPED
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services import medication_data as read
from mindful_desktop.services.medication_data import EventView, MedicationView
from mindful_desktop.services.undo import Deleted, put_back, snapshot

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["EventView", "MedicationService", "MedicationView"]


class MedicationService(QObject):
    changed = Signal()

    def __init__(
        self, db: Database, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    # --- reading ----------------------------------------------------------------------------

    def medications(self) -> list[MedicationView]:
        return read.medications(self._db, self.today())

    def medication(self, medication_id: int) -> MedicationView | None:
        return next((m for m in self.medications() if m.id == medication_id), None)

    def events(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        medication_id: int | None = None,
    ) -> list[EventView]:
        return read.events(self._db, start, end, medication_id)

    def get_event(self, event_id: int) -> EventView | None:
        return read.event(self._db, event_id)

    # --- medications ------------------------------------------------------------------------

    def add(
        self,
        name: str,
        dose: str = "",
        schedule: str = "",
        started_on: dt.date | None = None,
        note: str = "",
        agreed_with: str = "",
    ) -> MedicationView:
        """A medication and its start (the day, the dose, who agreed it, a note)."""
        from mindful_desktop.db.models import Medication, MedicationEvent

        try:
            clean_name = words.clean_line(name, "the medication's name", required=True)
            clean_schedule = words.clean_line(schedule, "when you take it")
            start = self._event_values(STARTED, started_on or self.today(), dose, agreed_with, note)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        now = to_utc_naive(self._clock())
        with self._db.session() as session:
            row = Medication(
                name=clean_name, schedule=clean_schedule, created_at=now, updated_at=now
            )
            session.add(row)
            session.flush()
            session.add(
                MedicationEvent(medication_id=row.id, **start, created_at=now, updated_at=now)
            )
            medication_id = row.id
        self.changed.emit()
        found = self.medication(medication_id)
        assert found is not None
        return found

    def update(self, medication_id: int, name: str, schedule: str) -> MedicationView:
        """Its name or when it is taken; the start and changes are edited as events."""
        from mindful_desktop.db.models import Medication

        try:
            clean_name = words.clean_line(name, "the medication's name", required=True)
            clean_schedule = words.clean_line(schedule, "when you take it")
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        with self._db.session() as session:
            row = session.get(Medication, medication_id)
            if row is None:
                raise InvalidInputError("That medication is no longer in your journal.")
            row.name, row.schedule = clean_name, clean_schedule
            row.updated_at = to_utc_naive(self._clock())
        self.changed.emit()
        found = self.medication(medication_id)
        assert found is not None
        return found

    def delete(self, medication_id: int) -> Deleted | None:
        """Remove a medication with its changes and the effects noted with it; what this
        returns puts them all back (`restore`)."""
        from sqlalchemy import select

        from mindful_desktop.db.models import Medication, MedicationEvent

        with self._db.session() as session:
            row = session.get(Medication, medication_id)
            if row is None:
                return None
            rows = session.scalars(
                select(MedicationEvent).where(MedicationEvent.medication_id == medication_id)
            ).all()
            deleted = snapshot(row, row.name, tuple(snapshot(e, "") for e in rows))
            for e in rows:
                session.delete(e)
            session.flush()
            session.delete(row)
        self.changed.emit()
        return deleted

    def restore(self, deleted: Deleted) -> MedicationView | None:
        """Undo `delete`: the medication and its notes back as they were."""
        from mindful_desktop.db.models import Medication, MedicationEvent

        with self._db.session() as session:
            row = put_back(session, Medication, deleted)
            for child in deleted.children:
                put_back(session, MedicationEvent, child, medication_id=row.id)
            medication_id = row.id
        self.changed.emit()
        return self.medication(medication_id)

    # --- changes and effects ----------------------------------------------------------------

    def record_change(
        self,
        medication_id: int,
        day: dt.date,
        kind: str,
        dose: str = "",
        agreed_with: str = "",
        note: str = "",
    ) -> EventView:
        if kind not in CHANGE_KINDS:
            raise InvalidInputError("Choose what changed: started, changed, tapering or stopped.")
        return self._add_event(medication_id, kind, day, dose, agreed_with, note)

    def note_effect(self, day: dt.date, note: str, medication_id: int | None = None) -> EventView:
        """An effect or side effect noticed, about one medication or none in particular."""
        return self._add_event(medication_id, NOTICED, day, "", "", note)

    def update_event(
        self,
        event_id: int,
        *,
        day: dt.date,
        kind: str,
        dose: str = "",
        agreed_with: str = "",
        note: str = "",
        medication_id: int | None = None,
    ) -> EventView:
        """Change a start, a change or an effect noticed (a change stays a change)."""
        from mindful_desktop.db.models import MedicationEvent

        values = self._values(kind, day, dose, agreed_with, note, medication_id)
        with self._db.session() as session:
            row = session.get(MedicationEvent, event_id)
            if row is None:
                raise InvalidInputError("That note is no longer in your journal.")
            if (row.kind == NOTICED) != (kind == NOTICED):
                raise InvalidInputError("A change stays a change, and an effect an effect.")
            self._check_medication(session, medication_id)
            for column, value in values.items():
                setattr(row, column, value)
            row.medication_id = medication_id
            row.updated_at = to_utc_naive(self._clock())
        self.changed.emit()
        return self._view(event_id)

    def delete_event(self, event_id: int) -> Deleted | None:
        from mindful_desktop.db.models import MedicationEvent

        with self._db.session() as session:
            row = session.get(MedicationEvent, event_id)
            if row is None:
                return None
            what = "Effect noted" if row.kind == NOTICED else words.KIND_WORDS[row.kind]
            deleted = snapshot(row, f"{what} on {words.short_day(row.local_date)}")
            session.delete(row)
        self.changed.emit()
        return deleted

    def restore_event(self, deleted: Deleted) -> EventView | None:
        """Undo `delete_event`. If its medication has gone since, an effect comes back about
        no medication in particular and a change can't come back."""
        from mindful_desktop.db.models import Medication, MedicationEvent

        values = dict(deleted.columns)
        with self._db.session() as session:
            changes: dict[str, object] = {}
            owner = values.get("medication_id")
            if owner is not None and session.get(Medication, owner) is None:
                if values.get("kind") != NOTICED:
                    raise InvalidInputError(
                        "Its medication has been deleted since, so the change can't come back."
                    )
                changes["medication_id"] = None
            event_id = put_back(session, MedicationEvent, deleted, **changes).id
        self.changed.emit()
        return self.get_event(event_id)

    # --- the rules at this boundary ---------------------------------------------------------

    def _add_event(
        self,
        medication_id: int | None,
        kind: str,
        day: dt.date,
        dose: str,
        agreed_with: str,
        note: str,
    ) -> EventView:
        from mindful_desktop.db.models import MedicationEvent

        values = self._values(kind, day, dose, agreed_with, note, medication_id)
        now = to_utc_naive(self._clock())
        with self._db.session() as session:
            self._check_medication(session, medication_id)
            row = MedicationEvent(
                medication_id=medication_id, **values, created_at=now, updated_at=now
            )
            session.add(row)
            session.flush()
            event_id = row.id
        self.changed.emit()
        return self._view(event_id)

    def _values(
        self,
        kind: str,
        day: dt.date,
        dose: str,
        agreed_with: str,
        note: str,
        medication_id: int | None,
    ) -> dict[str, object]:
        if kind != NOTICED and medication_id is None:
            raise InvalidInputError("Choose which medication changed.")
        try:
            return self._event_values(kind, day, dose, agreed_with, note)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc

    def _event_values(
        self, kind: str, day: dt.date, dose: str, agreed_with: str, note: str
    ) -> dict[str, object]:
        words.check_kind(kind)
        noticed = kind == NOTICED
        clean_note = words.clean_note(note)
        if noticed and not clean_note:
            raise ValueError("Write what you noticed first; a few words are enough.")
        return {
            "kind": kind,
            # A change may be agreed for a later day; an effect is noticed on a day that was.
            "local_date": words.check_day(day, self.today(), ahead=not noticed),
            "dose": "" if noticed or kind == STOPPED else words.clean_line(dose, "the dose"),
            "agreed_with": "" if noticed else words.clean_line(agreed_with, "who agreed it"),
            "note": clean_note,
        }

    @staticmethod
    def _check_medication(session: Session, medication_id: int | None) -> None:
        from mindful_desktop.db.models import Medication

        if medication_id is not None and session.get(Medication, medication_id) is None:
            raise InvalidInputError("That medication is no longer in your journal.")

    def _view(self, event_id: int) -> EventView:
        found = self.get_event(event_id)
        assert found is not None
        return found
