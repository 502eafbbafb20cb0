"""Check-ins are validated, committed at once, and summarised by local day."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.errors import InvalidInputError, KnownError
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.checkins import CheckInService
from tests.conftest import FakeClock


def test_add_commits_and_announces(db: Database, clock: FakeClock, qtbot: QtBot) -> None:
    service = CheckInService(db, clock)
    with qtbot.waitSignal(service.changed, timeout=1000):
        saved = service.add(7, "  A calm morning.  ")
    assert saved.mood == 7 and saved.note == "A calm morning."
    # Committed: a separate plain connection sees it straight away.
    raw = sqlite3.connect(db.db_path)
    assert raw.execute("SELECT mood, note FROM check_in").fetchall() == [(7, "A calm morning.")]
    raw.close()


def test_check_ins_survive_reopening(paths: AppPaths, clock: FakeClock) -> None:
    db = open_database(paths)
    CheckInService(db, clock).add(4, "before restart")
    db.close()
    db = open_database(paths)
    try:
        rows = CheckInService(db, clock).for_day(clock().date())
        assert [(r.mood, r.note) for r in rows] == [(4, "before restart")]
    finally:
        db.close()


def test_bad_input_is_refused_and_nothing_is_written(db: Database, clock: FakeClock) -> None:
    service = CheckInService(db, clock)
    with pytest.raises(InvalidInputError):
        service.add(11, "too high")
    assert service.for_day(clock().date()) == []


def test_days_are_the_users_local_days(db: Database, clock: FakeClock) -> None:
    service = CheckInService(db, clock)
    service.add(5)
    clock.advance(hours=1)
    service.add(9)
    clock.advance(days=1)
    service.add(2)
    today = clock().date()
    assert [c.mood for c in service.for_day(today - dt.timedelta(days=1))] == [5, 9]
    recent = service.recent_days(7)
    assert recent[-1].day == today and recent[-1].mean == 2.0
    assert recent[-2].mean == 7.0
    assert len(recent) == 7


def test_locked_database_gives_a_clear_message(db: Database, clock: FakeClock) -> None:
    service = CheckInService(db, clock)
    blocker = sqlite3.connect(db.db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    db.engine.dispose()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA busy_timeout=50")
    try:
        with pytest.raises(KnownError) as info:
            # The pool hands back the connection with the short timeout set above.
            service.add(5, "written while another program holds the file")
        assert "Another program is using your journal" in info.value.message
        assert "still here" in info.value.message
    finally:
        blocker.rollback()
        blocker.close()


def _raw_rows(db: Database, table: str) -> list[tuple[object, ...]]:
    raw = sqlite3.connect(db.db_path)
    try:
        return raw.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        raw.close()


def test_a_past_check_in_can_be_corrected(db: Database, clock: FakeClock, qtbot: QtBot) -> None:
    service = CheckInService(db, clock)
    saved = service.add(3, "rough", ["tired"], 5.0)
    clock.advance(days=2)
    with qtbot.waitSignal(service.changed, timeout=1000):
        edited = service.update(saved.id, mood=6, note="  better than I said ", sleep_hours=None)
    assert (edited.mood, edited.note, edited.emotions, edited.sleep_hours) == (
        6,
        "better than I said",
        ("tired",),
        None,
    )
    assert (edited.id, edited.when, edited.day) == (saved.id, saved.when, saved.day)
    assert service.get(saved.id) == edited
    assert service.update(saved.id, emotions=["calm", "hopeful"]).emotions == ("calm", "hopeful")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"mood": 11}, "0 to 10"),
        ({"mood": "six"}, "whole number"),
        ({"sleep_hours": 30}, "0 to 24"),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(
    db: Database, clock: FakeClock, changes: dict[str, object], message: str
) -> None:
    service = CheckInService(db, clock)
    saved = service.add(4, "as it was")
    with pytest.raises(InvalidInputError, match=message):
        service.update(saved.id, note="half-done edit", **changes)
    assert service.get(saved.id) == saved


def test_correcting_a_deleted_check_in_is_explained(db: Database, clock: FakeClock) -> None:
    service = CheckInService(db, clock)
    with pytest.raises(InvalidInputError, match="no longer"):
        service.update(99, mood=5)


def test_delete_then_restore_gives_back_the_identical_row(
    db: Database, clock: FakeClock, qtbot: QtBot
) -> None:
    service = CheckInService(db, clock)
    service.add(5, "first")
    kept = service.add(7, "the one to delete 🌱", ["calm"], 6.5)
    service.add(2, "last")
    before = _raw_rows(db, "check_in")
    with qtbot.waitSignal(service.changed, timeout=1000):
        deleted = service.delete(kept.id)
    assert deleted is not None and deleted.label == "Check-in of 14 March"
    assert service.get(kept.id) is None and len(service.history()) == 2
    clock.advance(minutes=5)
    with qtbot.waitSignal(service.changed, timeout=1000):
        back = service.restore(deleted)
    assert back == kept
    assert _raw_rows(db, "check_in") == before  # same id, times and values, column for column
    assert service.delete(12345) is None
