"""Worksheets from the lessons: calendars (many dated entries) and documents (one, kept edited)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy import select

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import WorksheetEntry
from mindful_desktop.domain.content import Course, Worksheet
from mindful_desktop.errors import InvalidInputError

MAX_FIELD_CHARS = 50_000


@dataclass(frozen=True)
class EntryView:
    id: int
    worksheet: str
    day: dt.date
    fields: dict[str, str]
    updated: dt.datetime  # local

    def is_empty(self) -> bool:
        return not any(v.strip() for v in self.fields.values())


def _view(row: WorksheetEntry) -> EntryView:
    try:
        raw = json.loads(row.fields)
    except ValueError:
        raw = {}
    fields = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return EntryView(
        row.id, row.worksheet, row.local_date, fields, utc_naive_to_local(row.updated_at)
    )


class WorksheetService(QObject):
    changed = Signal(str)  # worksheet id

    def __init__(
        self,
        db: Database,
        course: Course,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.course = course
        self._clock = clock

    def definition(self, worksheet_id: str) -> Worksheet:
        return self.course.worksheets[worksheet_id]

    def entries(self, worksheet_id: str) -> list[EntryView]:
        """Newest day first."""
        with self._db.session() as session:
            rows = session.scalars(
                select(WorksheetEntry)
                .where(WorksheetEntry.worksheet == worksheet_id)
                .order_by(WorksheetEntry.local_date.desc(), WorksheetEntry.id.desc())
            ).all()
            return [_view(r) for r in rows]

    def document(self, worksheet_id: str) -> EntryView | None:
        entries = self.entries(worksheet_id)
        return entries[0] if entries else None

    def save(
        self,
        worksheet_id: str,
        fields: dict[str, str],
        entry_id: int | None = None,
        day: dt.date | None = None,
    ) -> EntryView:
        sheet = self.definition(worksheet_id)
        known = {f.id for f in sheet.fields}
        clean = {k: v.rstrip() for k, v in fields.items() if k in known}
        for key, value in clean.items():
            if len(value) > MAX_FIELD_CHARS:
                label = next(f.label for f in sheet.fields if f.id == key)
                raise InvalidInputError(
                    f"'{label}' is {len(value):,} characters; a worksheet box holds "
                    f"{MAX_FIELD_CHARS:,}. Your text is still in the box."
                )
        if sheet.kind == "document" and entry_id is None:
            existing = self.document(worksheet_id)
            entry_id = None if existing is None else existing.id
        now = self._clock()
        result: list[EntryView] = []

        def work() -> None:
            with self._db.session() as session:
                row = None if entry_id is None else session.get(WorksheetEntry, entry_id)
                if row is None:
                    row = WorksheetEntry(
                        worksheet=worksheet_id,
                        local_date=day or now.date(),
                        fields="{}",
                        created_at=to_utc_naive(now),
                    )
                    session.add(row)
                elif day is not None:
                    row.local_date = day
                row.fields = json.dumps(clean, ensure_ascii=False)
                row.updated_at = to_utc_naive(now)
                session.flush()
                result.append(_view(row))

        work()
        self.changed.emit(worksheet_id)
        return result[0]

    def delete(self, entry_id: int) -> EntryView | None:
        """Remove an entry and return it, so the caller can offer Undo (save it again)."""
        removed: list[EntryView] = []

        def work() -> None:
            with self._db.session() as session:
                row = session.get(WorksheetEntry, entry_id)
                if row is not None:
                    removed.append(_view(row))
                    session.delete(row)

        work()
        if removed:
            self.changed.emit(removed[0].worksheet)
        return removed[0] if removed else None
