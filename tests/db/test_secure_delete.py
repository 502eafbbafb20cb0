"""What a person deletes is gone from the journal's bytes: the file and its write-ahead log are
searched for a unique word after deleting it and closing the journal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from mindful_desktop.db.cipher import is_protected
from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.journal import JournalService
from mindful_desktop.services.practice import PracticeService
from tests.conftest import FakeClock

WORD = "zorblaxquux"


def _bytes_hold(paths: AppPaths, word: str) -> list[str]:
    found = []
    for path in paths.data_dir.glob("journal.sqlite3*"):
        if word.encode() in path.read_bytes():
            found.append(path.name)
    return found


def _fill(db: Database, clock: FakeClock) -> None:
    journal = JournalService(db, clock)
    for n in range(40):  # enough writing for the index to have several segments
        journal.create(f"An ordinary day, number {n}. " + "walked, cooked, rested. " * 20)


def _journal_entry(db: Database, clock: FakeClock, tmp: Path) -> None:
    journal = JournalService(db, clock)
    entry = journal.create(f"Today I wrote {WORD} and nobody must see it.")
    journal.delete(entry.id)


def _checkin(db: Database, clock: FakeClock, tmp: Path) -> None:
    checkins = CheckInService(db, clock)
    checkins.delete(checkins.add(4, f"a note with {WORD}").id)


def _practice_note(db: Database, clock: FakeClock, tmp: Path) -> None:
    practice = PracticeService(db, tmp, tmp, clock)
    session = practice.log(
        "timer", "timer", "Sitting", dt.datetime(2026, 3, 4, 8), 10, True, note=f"felt {WORD}"
    )
    practice.update(session.id, note="")  # the note deleted, the session kept


def _practice_session(db: Database, clock: FakeClock, tmp: Path) -> None:
    practice = PracticeService(db, tmp, tmp, clock)
    session = practice.log(
        "timer", "timer", "Sitting", dt.datetime(2026, 3, 4, 8), 10, True, note=f"felt {WORD}"
    )
    practice.delete(session.id)


def _medication_effect(db: Database, clock: FakeClock, tmp: Path) -> None:
    from mindful_desktop.services.medication import MedicationService

    meds = MedicationService(db, clock)
    effect = meds.note_effect(clock().date(), f"noticed {WORD}")
    meds.delete_event(effect.id)


def _agreed(db: Database, clock: FakeClock, tmp: Path) -> None:
    from mindful_desktop.services.appointments import AppointmentService

    visits = AppointmentService(db, clock)
    question = visits.add_question("Sleep?")
    visits.tick_off(question.id, f"agreed {WORD}")
    visits.update_question(question.id, agreed="")  # what was agreed emptied, the question kept


DELETIONS: dict[str, Callable[[Database, FakeClock, Path], None]] = {
    "journal entry": _journal_entry,
    "check-in": _checkin,
    "practice note": _practice_note,
    "practice session": _practice_session,
    "effect noticed": _medication_effect,
    "what was agreed": _agreed,
}


@pytest.mark.parametrize("what", list(DELETIONS))
def test_deleted_words_are_gone_from_the_file(
    what: str, paths: AppPaths, clock: FakeClock, tmp_path: Path
) -> None:
    db = open_database(paths)
    try:
        _fill(db, clock)
        DELETIONS[what](db, clock, tmp_path)
    finally:
        db.close()
    assert _bytes_hold(paths, WORD) == []


def test_the_test_would_see_a_word_that_stays(paths: AppPaths, clock: FakeClock) -> None:
    if is_protected(paths.db_path):
        pytest.skip("a protected journal's words are never readable in its bytes")
    db = open_database(paths)
    try:
        JournalService(db, clock).create(f"kept: {WORD}")
    finally:
        db.close()
    assert _bytes_hold(paths, WORD)
