"""The search index's rowids carry each item's day, so search pages newest first in FTS5

Revision ID: 0010_search_order
Revises: 0009_medication
Create Date: 2026-12-07 20:40:00.000000

Before: rowid = id * 8 + kind, so newest-first search had to find every hit (4,000 for a
common word in a decade) and order them through the source tables. Now rowid =
(julian day << 40) | (kind << 37) | id: FTS5 walks its lists from the newest day and stops
after a page (`ORDER BY rowid DESC LIMIT`), making the excerpts in the same pass. Only rows
the timeline shows are indexed (a practice note or check-in note with words, a worksheet with
a value, a reflection with an answer), so a hit is always an item. services/timeline.py
decodes the rowid (`index_rowid`, `decode_rowid`).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_search_order"
down_revision: str | None = "0009_medication"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NL = "char(10)"
BLANK = "' ' || char(9, 10, 13)"
FTS = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
EVENT_TITLE = (
    f"coalesce((SELECT name FROM medication WHERE id = {{r}}.medication_id), '') || {NL} || "
    f"{{r}}.kind || {NL} || {{r}}.dose || {NL} || {{r}}.agreed_with"
)
# table: (kind, day, title, body, has words, the columns whose change re-indexes the row)
SOURCES = {
    "journal_entry": (1, "{r}.local_date", "{r}.title", "{r}.body", "1", ""),
    # A reflection's day is the local day it was written on, as the timeline reads it.
    "reflection": (
        2,
        "date({r}.created_at, 'localtime')",
        "{r}.prompt_text",
        "{r}.body",
        "{r}.body != ''",
        "",
    ),
    "practice_session": (
        3,
        "{r}.local_date",
        "{r}.title",
        "{r}.note",
        f"trim({{r}}.note, {BLANK}) != ''",
        "",
    ),
    # Only the values of the JSON fields, one per line, not the keys and quotes.
    "worksheet_entry": (
        4,
        "{r}.local_date",
        "{r}.worksheet",
        "(SELECT coalesce(group_concat(value, char(10)), '') FROM json_each({r}.fields))",
        "CASE WHEN json_valid({r}.fields) THEN EXISTS (SELECT 1 FROM json_each({r}.fields) "
        f"WHERE trim(value, {BLANK}) != '') ELSE 0 END",
        "",
    ),
    "check_in": (
        5,
        "{r}.local_date",
        "''",
        "{r}.note",
        f"trim({{r}}.note, {BLANK}) != ''",
        " OF note, local_date",
    ),
    "medication_event": (6, "{r}.local_date", EVENT_TITLE, "{r}.note", "1", ""),
    "appointment_question": (
        7,
        "{r}.local_date",
        "''",
        f"{{r}}.body || {NL} || {{r}}.agreed",
        "1",
        "",
    ),
}


def _new_key(kind: int, day: str, r: str, shift: int = 0) -> str:
    day_number = f"coalesce(CAST(julianday({day.format(r=r)}) AS INTEGER), 0)"
    if shift:
        day_number = f"({day_number} + {shift})"
    return f"(({day_number} << 40) | ({kind} << 37) | {r}.id)"


def _old_key(kind: int, _day: str, r: str, _shift: int = 0) -> str:
    return f"({r}.id * 8 + {kind})"


def _statements(new: bool) -> list[str]:
    """The index, its triggers and its rows, in the new scheme or (downgrading) the old one."""
    key = _new_key if new else _old_key
    sql = [FTS]
    for table, (kind, day, title, body, words, update_of) in SOURCES.items():
        if not new:  # before this version every row was indexed; check-ins on a note change
            words, update_of = "1", (" OF note" if table == "check_in" else "")
        values = f"{key(kind, day, '{r}')}, {title}, {body}"
        select = f"INSERT INTO search_index (rowid, title, body) SELECT {values}{{source}} "
        select += f"WHERE {words}"
        insert = select.format(r="new", source="") + ";"
        delete = f"DELETE FROM search_index WHERE rowid = {key(kind, day, 'old')};"
        if new and table == "reflection":  # its day, by today's zone, may have drifted
            drifted = ", ".join(_new_key(kind, day, "old", shift) for shift in range(-2, 3))
            delete = f"DELETE FROM search_index WHERE rowid IN ({drifted});"
        sql += [
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER {table}_au AFTER UPDATE{update_of} ON {table} "
            f"BEGIN {delete} {insert} END",
            select.format(r=table, source=f" FROM {table}"),  # what was written before
        ]
    # A medication renamed: its changes are found by the new name, not the old one.
    events = "medication_event"
    kind, day, _title, body, _words, _of = SOURCES[events]
    renamed = EVENT_TITLE.format(r=events).replace(
        f"(SELECT name FROM medication WHERE id = {events}.medication_id)", "new.name"
    )
    sql.append(
        "CREATE TRIGGER medication_au AFTER UPDATE OF name ON medication BEGIN "
        f"DELETE FROM search_index WHERE rowid IN (SELECT {key(kind, day, events)} "
        f"FROM {events} WHERE medication_id = new.id); "
        f"INSERT INTO search_index (rowid, title, body) SELECT {key(kind, day, events)}, "
        f"{renamed}, {body.format(r=events)} FROM {events} WHERE medication_id = new.id; END"
    )
    return sql


def _drop() -> None:
    op.execute("DROP TRIGGER IF EXISTS medication_au")
    for table in SOURCES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_index")


def upgrade() -> None:
    _drop()
    for statement in _statements(new=True):
        op.execute(statement)


def downgrade() -> None:
    _drop()
    for statement in _statements(new=False):
        op.execute(statement)
