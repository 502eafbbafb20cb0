"""Search pages newest first inside FTS5 (rowids carry the day, migration 0010) and still
orders exactly as the timeline does: by day, then moment, kind and id, whatever order the rows
were written in, across pages of any size."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from mindful_desktop.db.database import Database
from mindful_desktop.services.journal import JournalService, TimelineItem
from mindful_desktop.services.search import decode_rowid, index_rowid
from tests.conftest import FakeClock

DAY = dt.date(2026, 3, 1)


def _write_shuffled(db: Database, rng: random.Random) -> None:
    """Journal entries and check-in notes whose ids, days and moments disagree: later ids on
    earlier days, moments out of id order, several items on one day and at one moment."""
    with db.engine.begin() as conn:
        for n in range(1, 61):
            day = DAY + dt.timedelta(days=rng.randrange(12))
            moment = dt.datetime(2026, 3, 1, 8) + dt.timedelta(minutes=rng.choice((0, 0, 7, 300)))
            words = "tea and rain" if n % 3 else "tea only"
            if n % 4:
                conn.exec_driver_sql(
                    "INSERT INTO journal_entry (id, title, body, local_date, created_at, "
                    "updated_at) VALUES (?, '', ?, ?, ?, ?)",
                    (n, f"{words} {n}", day.isoformat(), str(moment), str(moment)),
                )
            else:
                conn.exec_driver_sql(
                    "INSERT INTO check_in (id, created_at, updated_at, local_date, mood, note, "
                    "emotions) VALUES (?, ?, ?, ?, 5, ?, '[]')",
                    (n, str(moment), str(moment), day.isoformat(), f"{words} {n}"),
                )
        # An entry moved to another day is searched under its new day.
        conn.exec_driver_sql("UPDATE journal_entry SET local_date = '2026-02-20' WHERE id = 5")
        conn.exec_driver_sql("UPDATE journal_entry SET local_date = '2026-03-30' WHERE id = 6")


def _all_pages(journal: JournalService, query: str, size: int) -> list[TimelineItem]:
    found: list[TimelineItem] = []
    while True:
        page = journal.search(query, limit=size, before=found[-1] if found else None)
        assert len(page) <= size
        found += page
        if len(page) < size:
            return found


@pytest.mark.parametrize("size", [1, 3, 7, 200])
def test_search_pages_in_the_timelines_order(db: Database, clock: FakeClock, size: int) -> None:
    _write_shuffled(db, random.Random(size))
    journal = JournalService(db, clock)
    everything = journal.timeline(limit=1000)
    expected = [item.key for item in everything if "rain" in item.body]
    assert len(expected) == 40
    assert [item.key for item in _all_pages(journal, "rain", size)] == expected
    assert [item.key for item in _all_pages(journal, "tea", size)] == [
        item.key for item in everything
    ]
    first = journal.search("rain", limit=size)
    assert all("<b>rain</b>" in item.snippet for item in first)


def test_the_index_holds_exactly_what_the_timeline_shows(db: Database, clock: FakeClock) -> None:
    journal = JournalService(db, clock)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO check_in (id, created_at, updated_at, local_date, mood, note, emotions) "
            "VALUES (1, '2026-03-01 08:00:00', '2026-03-01 08:00:00', '2026-03-01', 5, ' ', "
            "'[]'), (2, '2026-03-02 08:00:00', '2026-03-02 08:00:00', '2026-03-02', 5, "
            "'Slept well', '[]')"
        )
        rowids = [r[0] for r in conn.exec_driver_sql("SELECT rowid FROM search_index").all()]
        # A note written later is indexed then, under its day.
        conn.exec_driver_sql("UPDATE check_in SET note = 'Rain all day' WHERE id = 1")
        later = [r[0] for r in conn.exec_driver_sql("SELECT rowid FROM search_index").all()]
    assert rowids == [index_rowid(dt.date(2026, 3, 2), 5, 2)]
    assert sorted(later) == sorted([*rowids, index_rowid(dt.date(2026, 3, 1), 5, 1)])
    assert [decode_rowid(r) for r in sorted(later)] == [(5, 1), (5, 2)]
    assert [item.key for item in journal.timeline()] == [("checkin", 2), ("checkin", 1)]


@pytest.mark.parametrize("drift", [-2, -1, 1, 2])
def test_a_reflection_indexed_under_a_drifted_day_is_found_once_and_removed_with_it(
    db: Database, clock: FakeClock, drift: int
) -> None:
    """A reflection's day is the local day by the zone it was written in; read in another
    zone it can be a day or two away from the day its index row carries."""
    journal = JournalService(db, clock)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO reflection (id, source_kind, source_id, prompt_id, prompt_text, body, "
            "created_at, updated_at) VALUES (5, 'lesson', 'week-1', 'p', 'What did you notice?', "
            "'The raisin was wrinkled', '2026-03-04 12:00:00', '2026-03-04 12:00:00')"
        )
        (rowid,) = conn.exec_driver_sql("SELECT rowid FROM search_index").one()
        drifted = rowid + drift * (1 << 40)  # as if written where the day was another
        conn.exec_driver_sql(
            "INSERT INTO search_index (rowid, title, body) SELECT ?, title, body "
            "FROM search_index WHERE rowid = ?",
            (drifted, rowid),
        )
        conn.exec_driver_sql("DELETE FROM search_index WHERE rowid = ?", (rowid,))
        for n in range(1, 8):  # entries on the days around it
            conn.exec_driver_sql(
                "INSERT INTO journal_entry (id, title, body, local_date, created_at, "
                "updated_at) VALUES (?, '', 'wrinkled map', ?, ?, ?)",
                (n, f"2026-03-0{n}", f"2026-03-0{n} 09:00:00", "2026-03-01"),
            )
    expected = [item.key for item in journal.timeline()]
    assert ("reflection", 5) in expected
    assert [item.key for item in _all_pages(journal, "wrinkled", 1)] == expected
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM reflection WHERE id = 5")
        left = conn.exec_driver_sql("SELECT count(*) FROM search_index").scalar()
    assert left == 7
