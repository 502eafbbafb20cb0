"""The journal: free writing, plus one timeline and one search over everything the user wrote
(paged in SQL by `services/timeline.py` and `services/search.py`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import JournalEntry
from mindful_desktop.domain.text import clean_text
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services.search import (
    MAX_QUERY_TERMS,
    match_expression,
    search_items,
    snippet_html,
)
from mindful_desktop.services.timeline import (
    CHECKIN,
    INDEX_KINDS,
    JOURNAL,
    MEDICATION,
    PRACTICE,
    QUESTION,
    REFLECTION,
    WORKSHEET,
    TimelineItem,
    first_line,
    load_items,
    page_keys,
)

__all__ = [
    "CHECKIN",
    "INDEX_KINDS",
    "JOURNAL",
    "MAX_BODY_CHARS",
    "MAX_QUERY_TERMS",
    "MAX_TITLE_CHARS",
    "MEDICATION",
    "PRACTICE",
    "QUESTION",
    "REFLECTION",
    "WORKSHEET",
    "JournalEntryView",
    "JournalService",
    "TimelineItem",
    "first_line",
    "match_expression",
    "snippet_html",
]

MAX_BODY_CHARS = 200_000
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class JournalEntryView:
    id: int
    title: str
    body: str
    day: dt.date
    created: dt.datetime  # local, aware
    updated: dt.datetime  # local, aware


def _local(moment: dt.datetime) -> dt.datetime:
    return utc_naive_to_local(moment)


def _entry_view(row: JournalEntry) -> JournalEntryView:
    return JournalEntryView(
        id=row.id,
        title=row.title,
        body=row.body,
        day=row.local_date,
        created=_local(row.created_at),
        updated=_local(row.updated_at),
    )


class JournalService(QObject):
    changed = Signal()

    def __init__(self, db: Database, clock: Clock = system_clock) -> None:
        super().__init__()
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    # --- free writing ---------------------------------------------------------------------

    @staticmethod
    def _clean(title: str, body: str) -> tuple[str, str]:
        """The body is kept exactly as typed; a title is one line without blank edges."""
        if not body.strip():
            raise InvalidInputError(
                "An entry needs a few words before it can be saved. Write anything at all; "
                "there is no wrong way to do it."
            )
        if len(body) > MAX_BODY_CHARS:
            raise InvalidInputError(
                f"This entry is {len(body):,} characters long; one entry can hold "
                f"{MAX_BODY_CHARS:,}. Move part of it into a new entry. Your text is still "
                "in the box."
            )
        clean_title = " ".join(title.splitlines()).strip()
        if len(clean_title) > MAX_TITLE_CHARS:
            raise InvalidInputError(
                f"That title is {len(clean_title):,} characters; a title holds "
                f"{MAX_TITLE_CHARS}. The rest can go in the entry itself."
            )
        # Half a character from a bad paste becomes U+FFFD; the rest of the words are kept.
        return clean_text(clean_title), clean_text(body)

    def create(self, body: str, *, title: str = "") -> JournalEntryView:
        clean_title, clean_body = self._clean(title, body)
        now = self._clock()
        with self._db.session() as session:
            row = JournalEntry(
                title=clean_title,
                body=clean_body,
                local_date=now.date(),
                created_at=to_utc_naive(now),
                updated_at=to_utc_naive(now),
            )
            session.add(row)
            session.flush()
            view = _entry_view(row)
        self.changed.emit()
        return view

    def update(self, entry_id: int, body: str, *, title: str = "") -> JournalEntryView:
        clean_title, clean_body = self._clean(title, body)
        with self._db.session() as session:
            row = session.get(JournalEntry, entry_id)
            if row is None:
                raise InvalidInputError(
                    "That entry is no longer in your journal, so it couldn't be saved. Your "
                    "text is still in the box: press “New entry” and paste it there."
                )
            if row.title == clean_title and row.body == clean_body:
                return _entry_view(row)
            row.title = clean_title
            row.body = clean_body
            row.updated_at = to_utc_naive(self._clock())
            session.flush()
            view = _entry_view(row)
        self.changed.emit()
        return view

    def entry(self, entry_id: int) -> JournalEntryView | None:
        with self._db.session() as session:
            row = session.get(JournalEntry, entry_id)
            return None if row is None else _entry_view(row)

    def delete(self, entry_id: int) -> JournalEntryView | None:
        """Remove an entry and return it, so the caller can offer Undo (`restore`)."""
        with self._db.session() as session:
            row = session.get(JournalEntry, entry_id)
            if row is None:
                return None
            view = _entry_view(row)
            session.delete(row)
        self.changed.emit()
        return view

    def restore(self, view: JournalEntryView) -> JournalEntryView:
        """Undo a delete: the entry back with its id, dates and words.

        SQLite may hand a freed id to a newer entry in the meantime; only then does the
        restored entry get a new id (nothing is overwritten).
        """
        with self._db.session() as session:
            taken = session.get(JournalEntry, view.id) is not None
            row = JournalEntry(
                title=view.title,
                body=view.body,
                local_date=view.day,
                created_at=to_utc_naive(view.created),
                updated_at=to_utc_naive(view.updated),
            )
            if not taken:
                row.id = view.id
            session.add(row)
            session.flush()
            restored = _entry_view(row)
        self.changed.emit()
        return restored

    # --- the timeline ---------------------------------------------------------------------

    def timeline(self, limit: int = 200, before: TimelineItem | None = None) -> list[TimelineItem]:
        """Everything written, newest first; `before` continues after an item already shown."""
        read = self._db.query
        return load_items(read, page_keys(read, limit, before), {})

    def search(
        self, query: str, limit: int = 200, before: TimelineItem | None = None
    ) -> list[TimelineItem]:
        """Items holding all the words (the last one as a prefix), newest first, with snippets;
        `before` continues after a result already shown."""
        expression = match_expression(query)
        if not expression:
            return []
        return search_items(self._db.query, expression, limit, before)
