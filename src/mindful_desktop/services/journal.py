"""The journal: free writing, plus one timeline and one search over everything the user wrote."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from typing import TypeVarTuple

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Row, Select, bindparam, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import JournalEntry, PracticeSession, Reflection, WorksheetEntry
from mindful_desktop.domain.text import clean_text
from mindful_desktop.errors import InvalidInputError

MAX_BODY_CHARS = 200_000
MAX_TITLE_CHARS = 300
MAX_QUERY_TERMS = 24

JOURNAL = "journal"
REFLECTION = "reflection"
PRACTICE = "practice"
WORKSHEET = "worksheet"
# The kind numbers of `search_index` rowids (migration 0004): rowid = source id * 8 + kind.
INDEX_KINDS = {JOURNAL: 1, REFLECTION: 2, PRACTICE: 3, WORKSHEET: 4}
_KIND_OF_NUMBER = {number: kind for kind, number in INDEX_KINDS.items()}

# snippet() wraps matches in these; they are swapped for <b> only after the text is escaped.
_OPEN, _CLOSE = "\x02", "\x03"
_SNIPPET_TOKENS = 14

_Key = tuple[dt.date, dt.datetime, int, int]  # day, UTC instant, kind number, id
Ids = list[int] | None  # None: every row
_MAX_IN = 500
_Ts = TypeVarTuple("_Ts")


@dataclass(frozen=True)
class JournalEntryView:
    id: int
    title: str
    body: str
    day: dt.date
    created: dt.datetime  # local, aware
    updated: dt.datetime  # local, aware


@dataclass(frozen=True)
class TimelineItem:
    """One thing the user wrote, whichever part of the app it was written in."""

    kind: str  # JOURNAL | REFLECTION | PRACTICE | WORKSHEET
    id: int  # the id of the source row
    day: dt.date
    moment: dt.datetime  # local, aware: orders items within a day
    title: str  # entry title; reflection prompt as shown; practice title; worksheet id
    body: str  # entry body; reflection answer; practice note; worksheet values, one per line
    source: str = ""  # lesson slug or track id (reflection), practice id, worksheet id
    origin: str = ""  # a reflection's source_kind ('lesson' | 'practice'); a practice's kind
    minutes: float = 0.0  # practice only
    fields: tuple[tuple[str, str], ...] = ()  # worksheet only: (field id, value)
    snippet: str = ""  # search results only: escaped HTML with <b> around the matches

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    @property
    def sort_key(self) -> _Key:
        return (self.day, to_utc_naive(self.moment), INDEX_KINDS[self.kind], self.id)

    def first_line(self) -> str:
        return first_line(self.body)


def first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()
    return ""


def snippet_html(raw: str) -> str:
    """FTS5 snippet text (user words + markers) as safe HTML: escaped, matches in <b>."""
    flat = " ".join(raw.split())
    escaped = html.escape(flat, quote=False)
    return escaped.replace(_OPEN, "<b>").replace(_CLOSE, "</b>")


def match_expression(query: str) -> str:
    """The user's words as an FTS5 query that cannot be a syntax error.

    Every word is quoted (so - " * ( ) : ^ AND OR NOT NEAR are just text), the words must all
    appear, and the last one matches as a prefix while it is still being typed.
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in query)
    words = printable.split()[:MAX_QUERY_TERMS]
    if not words:
        return ""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    if not printable[-1].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


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


def _worksheet_fields(raw: str) -> tuple[tuple[str, str], ...]:
    try:
        data = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()
    return tuple((str(k), str(v)) for k, v in data.items() if str(v).strip())


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
        with self._db.session() as session:
            keys = self._keys(session, None)
            if before is not None:
                cursor = before.sort_key
                keys = [k for k in keys if k < cursor]
            keys.sort(reverse=True)
            return self._load(session, keys[: max(0, limit)], {})

    def search(self, query: str, limit: int = 200) -> list[TimelineItem]:
        """Items holding all the words (the last one as a prefix), newest first, with snippets."""
        expression = match_expression(query)
        if not expression:
            return []
        with self._db.session() as session:
            rowids = session.scalars(
                text("SELECT rowid FROM search_index WHERE search_index MATCH :q"),
                {"q": expression},
            ).all()
            wanted: dict[str, set[int]] = {kind: set() for kind in INDEX_KINDS}
            for rowid in rowids:
                kind = _KIND_OF_NUMBER.get(int(rowid) % 8)
                if kind is not None:
                    wanted[kind].add(int(rowid) // 8)
            keys = sorted(self._keys(session, wanted), reverse=True)[: max(0, limit)]
            chosen = [k[3] * 8 + k[2] for k in keys]
            snippets: dict[int, str] = {}
            if chosen:
                # The body's excerpt when the words are in it, else the best column's (a title).
                statement = text(
                    "SELECT rowid, snippet(search_index, 1, :open, :close, '…', :tokens), "
                    "snippet(search_index, -1, :open, :close, '…', :tokens) "
                    "FROM search_index WHERE search_index MATCH :q AND rowid IN :rowids"
                ).bindparams(bindparam("rowids", expanding=True))
                params = {
                    "q": expression,
                    "open": _OPEN,
                    "close": _CLOSE,
                    "tokens": _SNIPPET_TOKENS,
                    "rowids": chosen,
                }
                for rowid, body, best in session.execute(statement, params):
                    raw = body if _OPEN in str(body or "") else best
                    snippets[int(rowid)] = snippet_html(str(raw or ""))
            return self._load(session, keys, snippets)

    def _keys(self, session: Session, only: dict[str, set[int]] | None) -> list[_Key]:
        """Sort keys of every timeline item (or only of the given ids), without the text."""

        def ids(kind: str) -> Ids:
            return None if only is None else sorted(only.get(kind, ()))

        keys: list[_Key] = []
        number = INDEX_KINDS
        for id_, day, created in self._rows(
            session,
            select(JournalEntry.id, JournalEntry.local_date, JournalEntry.created_at),
            JournalEntry.id,
            ids(JOURNAL),
        ):
            keys.append((day, created, number[JOURNAL], id_))
        for id_, created in self._rows(
            session,
            select(Reflection.id, Reflection.created_at).where(Reflection.body != ""),
            Reflection.id,
            ids(REFLECTION),
        ):
            keys.append((_local(created).date(), created, number[REFLECTION], id_))
        for id_, day, started in self._rows(
            session,
            select(
                PracticeSession.id, PracticeSession.local_date, PracticeSession.started_at
            ).where(text("trim(practice_session.note, ' ' || char(9, 10, 13)) != ''")),
            PracticeSession.id,
            ids(PRACTICE),
        ):
            keys.append((day, started, number[PRACTICE], id_))
        has_words = text(
            "CASE WHEN json_valid(worksheet_entry.fields) THEN EXISTS (SELECT 1 FROM "
            "json_each(worksheet_entry.fields) WHERE trim(value, ' ' || char(9, 10, 13)) != '') "
            "ELSE 0 END"
        )
        for id_, day, created in self._rows(
            session,
            select(WorksheetEntry.id, WorksheetEntry.local_date, WorksheetEntry.created_at).where(
                has_words
            ),
            WorksheetEntry.id,
            ids(WORKSHEET),
        ):
            keys.append((day, created, number[WORKSHEET], id_))
        return keys

    @staticmethod
    def _rows(
        session: Session,
        query: Select[int, *_Ts],
        id_column: InstrumentedAttribute[int],
        ids: Ids,
    ) -> list[Row[int, *_Ts]]:
        if ids is None:
            return list(session.execute(query))
        if not ids:
            return []
        if len(ids) <= _MAX_IN:
            return list(session.execute(query.where(id_column.in_(ids))))
        wanted = set(ids)  # a very common word: filter here rather than bind thousands of ids
        return [row for row in session.execute(query) if row[0] in wanted]

    def _load(
        self, session: Session, keys: list[_Key], snippets: dict[int, str]
    ) -> list[TimelineItem]:
        """The full items for `keys`, in that order."""
        by_kind: dict[int, list[int]] = {n: [] for n in _KIND_OF_NUMBER}
        for _day, _moment, kind_number, id_ in keys:
            by_kind[kind_number].append(id_)
        items: dict[tuple[int, int], TimelineItem] = {}

        def snip(kind: str, id_: int) -> str:
            return snippets.get(id_ * 8 + INDEX_KINDS[kind], "")

        if ids := by_kind[INDEX_KINDS[JOURNAL]]:
            for j in session.scalars(select(JournalEntry).where(JournalEntry.id.in_(ids))):
                items[(INDEX_KINDS[JOURNAL], j.id)] = TimelineItem(
                    JOURNAL,
                    j.id,
                    j.local_date,
                    _local(j.created_at),
                    j.title,
                    j.body,
                    snippet=snip(JOURNAL, j.id),
                )
        if ids := by_kind[INDEX_KINDS[REFLECTION]]:
            for r in session.scalars(select(Reflection).where(Reflection.id.in_(ids))):
                moment = _local(r.created_at)
                items[(INDEX_KINDS[REFLECTION], r.id)] = TimelineItem(
                    REFLECTION,
                    r.id,
                    moment.date(),
                    moment,
                    r.prompt_text,
                    r.body,
                    source=r.source_id,
                    origin=r.source_kind,
                    snippet=snip(REFLECTION, r.id),
                )
        if ids := by_kind[INDEX_KINDS[PRACTICE]]:
            for p in session.scalars(select(PracticeSession).where(PracticeSession.id.in_(ids))):
                items[(INDEX_KINDS[PRACTICE], p.id)] = TimelineItem(
                    PRACTICE,
                    p.id,
                    p.local_date,
                    _local(p.started_at),
                    p.title,
                    p.note,
                    source=p.practice_id,
                    origin=p.kind,
                    minutes=p.minutes,
                    snippet=snip(PRACTICE, p.id),
                )
        if ids := by_kind[INDEX_KINDS[WORKSHEET]]:
            for w in session.scalars(select(WorksheetEntry).where(WorksheetEntry.id.in_(ids))):
                fields = _worksheet_fields(w.fields)
                items[(INDEX_KINDS[WORKSHEET], w.id)] = TimelineItem(
                    WORKSHEET,
                    w.id,
                    w.local_date,
                    _local(w.created_at),
                    w.worksheet,
                    "\n".join(value for _id, value in fields),
                    source=w.worksheet,
                    fields=fields,
                    snippet=snip(WORKSHEET, w.id),
                )
        return [items[(k[2], k[3])] for k in keys if (k[2], k[3]) in items]
