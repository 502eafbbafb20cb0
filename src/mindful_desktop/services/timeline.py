"""The timeline of everything a person wrote, and its search, paged in SQL.

Journal entries, reflections, practice notes, worksheets, check-in notes with words in them,
medication changes and effects noticed, and questions for an appointment are one `UNION ALL`
(`_page`), ordered by the day written for, then the moment, newest first. Each kind's arm walks
its (day, moment) index newest first and stops after a page; the merged page is `LIMIT`ed
again, and the next continues after the last item shown (a keyset: `before`), so the first
page costs the same in year ten as in week one. Only the page's rows are then loaded
(`load_items`, which search shares: `services/search.py`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mindful_desktop.clock import to_utc_naive, utc_naive_to_local

# How SQLAlchemy stores a DateTime in SQLite; the keyset compares in this text form.
_STORED_INSTANT = "%Y-%m-%d %H:%M:%S.%f"

JOURNAL = "journal"
REFLECTION = "reflection"
PRACTICE = "practice"
WORKSHEET = "worksheet"
CHECKIN = "checkin"
MEDICATION = "medication"
QUESTION = "question"
# Each kind's number: it orders items of one moment, and is part of each `search_index` rowid
# (migration 0010, services/search.py).
INDEX_KINDS = {
    JOURNAL: 1,
    REFLECTION: 2,
    PRACTICE: 3,
    WORKSHEET: 4,
    CHECKIN: 5,
    MEDICATION: 6,
    QUESTION: 7,
}
_KIND_OF_NUMBER = {number: kind for kind, number in INDEX_KINDS.items()}

_Key = tuple[str, str, int, int]  # day, UTC instant, kind number, id, as SQLite stores them
ItemKey = tuple[int, int]  # kind number, id: which row of which table
# Runs one read-only statement and returns its rows: `Database.query`, plain sqlite3. The
# timeline and search only read, and a page of plain rows costs less through the standard
# library than through an ORM session (a transaction begun and ended, each row wrapped).
Read = Callable[[str, Mapping[str, Any]], Sequence[Any]]


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One thing the user wrote, whichever part of the app it was written in."""

    kind: str  # JOURNAL | REFLECTION | PRACTICE | WORKSHEET | CHECKIN | MEDICATION | QUESTION
    id: int  # the id of the source row
    day: dt.date
    moment: dt.datetime  # local, aware: orders items within a day
    # entry title; reflection prompt as shown; practice title; worksheet id; medication name
    title: str
    # entry body; reflection answer; practice note; worksheet values, one per line; the note
    # of a medication change or effect; the question
    body: str
    source: str = ""  # lesson slug or track id (reflection), practice id, worksheet id
    # a reflection's source_kind ('lesson' | 'practice'); a practice's kind; a medication
    # event's kind ('started' … 'noticed'); 'done' for a question talked about
    origin: str = ""
    minutes: float = 0.0  # practice only
    # worksheet: (field id, value); medication: ('dose', …), ('agreed_with', …); question:
    # ('agreed', …) and, once talked about, ('done_on', 'YYYY-MM-DD')
    fields: tuple[tuple[str, str], ...] = ()
    mood: int | None = None  # check-in only, with its emotion words in `fields` as ("", word)
    snippet: str = ""  # search results only: escaped HTML with <b> around the matches

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    @property
    def sort_key(self) -> _Key:
        """Where the item stands in the timeline, as the timeline's SQL compares it."""
        instant = to_utc_naive(self.moment).strftime(_STORED_INSTANT)
        return (self.day.isoformat(), instant, INDEX_KINDS[self.kind], self.id)

    def first_line(self) -> str:
        return first_line(self.body)


def first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()
    return ""


_BLANK = "' ' || char(9, 10, 13)"
_NOTED = f"trim(note, {_BLANK}) != ''"  # the partial indexes of migration 0005 say the same
# Each kind: its number, table, the day it was written for, its moment, "has words", and
# whether an index on (day, moment) lets its arm walk newest first and stop after a page.
_SOURCES = (
    (1, "journal_entry", "local_date", "created_at", "1", True),
    # A reflection has no day of its own: the local day it was written on (SQLite's
    # 'localtime' is the same zone Python's astimezone() uses). Few, so sorted whole.
    (2, "reflection", "date(created_at, 'localtime')", "created_at", "body != ''", False),
    (3, "practice_session", "local_date", "started_at", _NOTED, True),
    (
        4,
        "worksheet_entry",
        "local_date",
        "created_at",
        "CASE WHEN json_valid(fields) THEN EXISTS (SELECT 1 FROM json_each(fields) "
        f"WHERE trim(value, {_BLANK}) != '') ELSE 0 END",
        True,
    ),
    (5, "check_in", "local_date", "created_at", _NOTED, True),
    # Every change is shown, with or without a note: the day itself is what matters.
    (6, "medication_event", "local_date", "created_at", "1", True),
    (7, "appointment_question", "local_date", "created_at", "1", True),
)


def _arm(
    number: int,
    table: str,
    day: str,
    moment: str,
    where: str,
    walks: bool,
    *,
    after: bool,
) -> str:
    """One kind's newest `:limit` items (after the keyset), newest first."""
    if after:
        if walks:  # the index's range first, then the exact row-value comparison
            where += f" AND ({day}, {moment}) <= (:day, :moment)"
        where += f" AND ({day}, {moment}, {number}, id) < (:day, :moment, :kind, :id)"
    return (
        f"SELECT * FROM (SELECT {number} AS kind, id, {day} AS day, {moment} AS moment "
        f"FROM {table} WHERE {where} ORDER BY {day} DESC, {moment} DESC, id DESC LIMIT :limit)"
    )


def _page(after: bool) -> str:
    """The page: each kind's newest page, merged, and the newest `:limit` of those."""
    arms = " UNION ALL ".join(_arm(*source, after=after) for source in _SOURCES)
    return (
        f"SELECT kind, id FROM ({arms}) "
        "ORDER BY day DESC, moment DESC, kind DESC, id DESC LIMIT :limit"
    )


def page_keys(read: Read, limit: int, before: TimelineItem | None = None) -> list[ItemKey]:
    """The (kind number, id) of each item of one page of the timeline, newest first,
    continuing after `before` when given."""
    params: dict[str, object] = {"limit": max(0, limit)}
    if before is not None:
        day, moment, kind, id_ = before.sort_key
        params.update(day=day, moment=moment, kind=kind, id=id_)
    return [(int(kind), int(id_)) for kind, id_ in read(_page(before is not None), params)]


def _local(moment: dt.datetime) -> dt.datetime:
    return utc_naive_to_local(moment)


def _worksheet_fields(raw: str) -> tuple[tuple[str, str], ...]:
    try:
        data = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(data, dict):
        return ()
    return tuple((str(k), str(v)) for k, v in data.items() if str(v).strip())


def _emotion_words(raw: str) -> list[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    return [str(w) for w in data] if isinstance(data, list) else []


def _rows(read: Read, table: str, ids: list[int], *names: str) -> Sequence[Any]:
    """Only the named columns of the rows with `ids`, as plain rows straight from SQLite (dates
    and instants still as stored text): a page of ORM objects (identity map, change
    tracking), or typed columns with one bound parameter per id, cost more than the query
    that found them. The statement's text is the same for every page."""
    columns = ", ".join(names)
    statement = f"SELECT {columns} FROM {table} WHERE id IN (SELECT value FROM json_each(:ids))"
    return read(statement, {"ids": json.dumps(ids)})


def _stored_day(stored: str) -> dt.date:
    return dt.date.fromisoformat(stored)


def _stored_instant(stored: str) -> dt.datetime:
    """A stored UTC instant ('2026-03-14 09:30:00.000000') as local time."""
    return _local(dt.datetime.fromisoformat(stored))


def load_items(
    read: Read, keys: Sequence[ItemKey], snippets: Mapping[ItemKey, str]
) -> list[TimelineItem]:
    """The full items for `keys`, in that order (search results with their `snippets`)."""
    by_kind: dict[int, list[int]] = {n: [] for n in _KIND_OF_NUMBER}
    for kind_number, id_ in keys:
        by_kind[kind_number].append(id_)
    items: dict[tuple[int, int], TimelineItem] = {}

    def snip(kind: str, id_: int) -> str:
        return snippets.get((INDEX_KINDS[kind], id_), "")

    if ids := by_kind[INDEX_KINDS[JOURNAL]]:
        journal = INDEX_KINDS[JOURNAL]
        for id_, day, created, title, body in _rows(
            read, "journal_entry", ids, "id", "local_date", "created_at", "title", "body"
        ):
            items[(journal, id_)] = TimelineItem(
                JOURNAL,
                id_,
                _stored_day(day),
                _stored_instant(created),
                title,
                body,
                snippet=snippets.get((journal, id_), ""),
            )
    if ids := by_kind[INDEX_KINDS[REFLECTION]]:
        for id_, created, prompt, body, source, origin in _rows(
            read,
            "reflection",
            ids,
            "id",
            "created_at",
            "prompt_text",
            "body",
            "source_id",
            "source_kind",
        ):
            moment = _stored_instant(created)
            items[(INDEX_KINDS[REFLECTION], id_)] = TimelineItem(
                REFLECTION,
                id_,
                moment.date(),
                moment,
                prompt,
                body,
                source=source,
                origin=origin,
                snippet=snip(REFLECTION, id_),
            )
    if ids := by_kind[INDEX_KINDS[PRACTICE]]:
        practice = INDEX_KINDS[PRACTICE]
        for id_, day, started, title, note, practice_id, kind, minutes in _rows(
            read,
            "practice_session",
            ids,
            "id",
            "local_date",
            "started_at",
            "title",
            "note",
            "practice_id",
            "kind",
            "minutes",
        ):
            items[(practice, id_)] = TimelineItem(
                PRACTICE,
                id_,
                _stored_day(day),
                _stored_instant(started),
                title,
                note,
                source=practice_id,
                origin=kind,
                minutes=minutes,
                snippet=snippets.get((practice, id_), ""),
            )
    if ids := by_kind[INDEX_KINDS[WORKSHEET]]:
        for id_, day, created, worksheet, raw in _rows(
            read, "worksheet_entry", ids, "id", "local_date", "created_at", "worksheet", "fields"
        ):
            fields = _worksheet_fields(raw)
            items[(INDEX_KINDS[WORKSHEET], id_)] = TimelineItem(
                WORKSHEET,
                id_,
                _stored_day(day),
                _stored_instant(created),
                worksheet,
                "\n".join(value for _id, value in fields),
                source=worksheet,
                fields=fields,
                snippet=snip(WORKSHEET, id_),
            )
    if ids := by_kind[INDEX_KINDS[CHECKIN]]:
        checkin = INDEX_KINDS[CHECKIN]
        for id_, day, created, note, emotions, mood in _rows(
            read, "check_in", ids, "id", "local_date", "created_at", "note", "emotions", "mood"
        ):
            items[(checkin, id_)] = TimelineItem(
                CHECKIN,
                id_,
                _stored_day(day),
                _stored_instant(created),
                "",
                note,
                fields=tuple(("", word) for word in _emotion_words(emotions)),
                mood=mood,
                snippet=snippets.get((checkin, id_), ""),
            )
    for item in _care_items(read, by_kind, snippets):
        items[(INDEX_KINDS[item.kind], item.id)] = item
    return [items[key] for key in keys if key in items]


_EVENT_ROWS = (
    "SELECT e.id, e.local_date, e.created_at, e.kind, e.dose, e.agreed_with, e.note, "
    "coalesce(m.name, '') FROM medication_event e LEFT JOIN medication m "
    "ON m.id = e.medication_id WHERE e.id IN (SELECT value FROM json_each(:ids))"
)


def _care_items(
    read: Read, by_kind: dict[int, list[int]], snippets: Mapping[ItemKey, str]
) -> list[TimelineItem]:
    """Medication changes, effects noticed and questions for an appointment."""
    out = []
    medication, question = INDEX_KINDS[MEDICATION], INDEX_KINDS[QUESTION]
    if ids := by_kind[medication]:
        for id_, day, created, kind, dose, agreed_with, note, name in read(
            _EVENT_ROWS, {"ids": json.dumps(ids)}
        ):
            out.append(
                TimelineItem(
                    MEDICATION,
                    id_,
                    _stored_day(day),
                    _stored_instant(created),
                    name,
                    note,
                    origin=kind,
                    fields=(("dose", dose), ("agreed_with", agreed_with)),
                    snippet=snippets.get((medication, id_), ""),
                )
            )
    if ids := by_kind[question]:
        for id_, day, created, body, agreed, done_on in _rows(
            read,
            "appointment_question",
            ids,
            "id",
            "local_date",
            "created_at",
            "body",
            "agreed",
            "done_on",
        ):
            done = (("done_on", str(done_on)),) if done_on else ()
            out.append(
                TimelineItem(
                    QUESTION,
                    id_,
                    _stored_day(day),
                    _stored_instant(created),
                    "",
                    body,
                    origin="done" if done_on else "",
                    fields=(("agreed", agreed), *done),
                    snippet=snippets.get((question, id_), ""),
                )
            )
    return out
