"""The practice log: sessions from the player and timer, by hand, edits, undo, imports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.audio.catalog import Track
from mindful_desktop.audio.player import Player
from mindful_desktop.audio.timer import MeditationTimer
from mindful_desktop.db.database import Database
from mindful_desktop.errors import InvalidInputError, KnownError
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.course import CourseService, load_bundled_course
from mindful_desktop.services.listening import ListeningTracker, TimerLogger
from mindful_desktop.services.practice import PracticeService
from tests.conftest import FakeClock, make_tone


@pytest.fixture
def practice(db: Database, audio_dir: Path, paths: AppPaths, clock: FakeClock) -> PracticeService:
    paths.ensure()
    return PracticeService(db, audio_dir, paths.recordings_dir, clock)


def test_library_reads_the_bundled_tracks(practice: PracticeService) -> None:
    (track,) = practice.library()
    assert (track.id, track.weeks, track.duration_s) == ("breath", (2, 3), 3.0)
    assert track.cue_at(0.5).text == "Welcome."  # type: ignore[union-attr]
    assert track.cue_at(1.5) is None  # a silence between captions
    assert track.cue_at(2.0).text == "Feel the breath."  # type: ignore[union-attr]


def test_finishing_a_track_logs_a_completed_session(
    make_player: Callable[[], Player], practice: PracticeService, qtbot: QtBot, clock: FakeClock
) -> None:
    tracker = ListeningTracker(make_player(), practice, clock)
    with qtbot.waitSignal(practice.sessionLogged, timeout=15000) as logged:
        assert tracker.start(practice.library()[0])
    session = logged.args[0]
    assert (session.kind, session.practice_id, session.completed) == ("track", "breath", True)
    assert 0.03 < session.minutes <= 0.06  # about three seconds, actually heard
    assert practice.counts(clock().date(), clock().date()) == {clock().date(): {"breath": 1}}


def test_stopping_straight_away_logs_nothing(
    make_player: Callable[[], Player], practice: PracticeService, clock: FakeClock
) -> None:
    tracker = ListeningTracker(make_player(), practice, clock)
    tracker.start(practice.library()[0], play=False)
    tracker.stop()
    assert practice.sessions() == []


def test_stopping_before_it_counts_says_how_long_was_heard(
    practice: PracticeService, clock: FakeClock
) -> None:
    import dataclasses

    from tests.fakes import FakeBackend

    backend = FakeBackend()
    player = Player(backend=backend, clock=lambda: backend.now)  # type: ignore[arg-type]
    tracker = ListeningTracker(player, practice, clock)
    said: list[tuple[float, float]] = []
    tracker.stoppedTooSoon.connect(lambda heard, needed: said.append((heard, needed)))
    long_track = dataclasses.replace(practice.library()[0], duration_s=600.0)
    tracker.start(long_track)
    backend.advance(40)
    tracker.stop()
    tracker.stop()  # already stopped: nothing more to say
    assert said == [(40.0, 60.0)] and practice.sessions() == []
    tracker.start(long_track)
    backend.advance(61)
    tracker.stop()
    assert said == [(40.0, 60.0)] and len(practice.sessions()) == 1


def test_a_missing_audio_file_is_explained(
    make_player: Callable[[], Player],
    practice: PracticeService,
    audio_dir: Path,
    qtbot: QtBot,
    clock: FakeClock,
) -> None:
    (audio_dir / "breath.opus").unlink()
    tracker = ListeningTracker(make_player(), practice, clock)
    with qtbot.waitSignal(tracker.player.errorOccurred, timeout=2000) as error:
        assert not tracker.start(practice.library()[0])
    assert "breath.opus" in error.args[0]


def test_timer_sits_are_logged(practice: PracticeService, clock: FakeClock) -> None:
    now = [0.0]
    timer = MeditationTimer(clock=lambda: now[0])
    logger = TimerLogger(timer, practice, clock)
    timer.configure(5, None, True, True)
    logger.start()
    now[0] = 5 * 60_000 + 10
    timer.poll()
    (done,) = practice.sessions()
    assert (done.kind, done.minutes, done.completed) == ("timer", 5.0, True)
    logger.start()
    now[0] += 30_000  # half a minute, then stopped: too short to count
    logger.stop()
    assert len(practice.sessions()) == 1
    logger.start()
    now[0] += 150_000
    logger.stop()
    assert practice.sessions()[0].completed is False and practice.sessions()[0].minutes == 2.5


def test_manual_entries_edit_delete_and_undo(practice: PracticeService, clock: FakeClock) -> None:
    yesterday = clock().date() - dt.timedelta(days=1)
    entry = practice.add_manual(yesterday, "walking", "Mindful walking", 20, "Cold air 🌬")
    assert entry.kind == "manual" and entry.day == yesterday
    edited = practice.update(entry.id, minutes=25, note="Cold air, then rain")
    assert (edited.minutes, edited.note) == (25.0, "Cold air, then rain")
    assert practice.session(entry.id) == edited
    removed = practice.delete(entry.id)
    assert removed is not None and practice.sessions() == []
    assert practice.session(entry.id) is None
    back = practice.restore(removed)
    assert (back.title, back.minutes, back.note, back.day) == (
        "Mindful walking",
        25.0,
        "Cold air, then rain",
        yesterday,
    )


@pytest.mark.parametrize(
    ("minutes", "day_offset", "title", "message"),
    [
        (0, 0, "Walk", "from 1"),
        (601, 0, "Walk", "from 1"),
        ("ten", 0, "Walk", "number"),
        (10, 1, "Walk", "future"),
        (10, 0, "  ", "which practice"),
    ],
)
def test_bad_manual_entries_are_refused_clearly(
    practice: PracticeService,
    clock: FakeClock,
    minutes: object,
    day_offset: int,
    title: str,
    message: str,
) -> None:
    day = clock().date() + dt.timedelta(days=day_offset)
    with pytest.raises(InvalidInputError, match=message):
        practice.add_manual(day, "walking", title, minutes)
    assert practice.sessions() == []


def test_logged_practice_ticks_the_course_checklist(
    db: Database, practice: PracticeService, clock: FakeClock
) -> None:
    course = CourseService(db, load_bundled_course(assets_dir()), clock, practice.counts)
    course.set_completed("before-you-begin", True)
    course.set_completed("week-1", True)
    practice.log("track", "breath", "Breath", clock(), 10, True)
    checklist = course.checklist()
    assert checklist is not None
    breath = next(e for e in checklist.items if e.item.id == "breath")
    assert breath.logged == 1 and breath.complete
    assert checklist.days_practised == 1


def _course_at_week(
    db: Database, practice: PracticeService, clock: FakeClock, week: int
) -> CourseService:
    course = CourseService(
        db, load_bundled_course(assets_dir()), clock, practice.counts, practice.minutes_on
    )
    for lesson in course.course.lessons[:week]:
        course.set_completed(lesson.slug, True)
    assert course.current_lesson().week == week
    return course


def _items(course: CourseService) -> dict[str, object]:
    checklist = course.checklist()
    assert checklist is not None
    return {e.item.id: e for e in checklist.items}


def test_a_scheduled_breathing_space_does_not_tick_the_difficult_moments_item(
    db: Database, practice: PracticeService, clock: FakeClock
) -> None:
    course = _course_at_week(db, practice, clock, 4)
    practice.log("track", "breathing-space", "Three-minute breathing space", clock(), 3, True)
    items = _items(course)
    assert items["breathing-space-set-times"].logged == 1  # type: ignore[attr-defined]
    assert not items["breathing-space-responsive"].complete  # type: ignore[attr-defined]
    practice.log(
        "track",
        "breathing-space-responsive",
        "Breathing space for difficult moments",
        clock(),
        4,
        True,
    )
    items = _items(course)
    assert items["breathing-space-set-times"].logged == 1  # type: ignore[attr-defined]
    assert items["breathing-space-responsive"].complete  # type: ignore[attr-defined]


def test_week_6_is_ticked_by_forty_minutes_of_practice_not_by_one_session(
    db: Database, practice: PracticeService, clock: FakeClock
) -> None:
    course = _course_at_week(db, practice, clock, 6)
    practice.log("track", "sitting-short", "Short sitting meditation", clock(), 12.4, True)
    own = _items(course)["own-practice"]
    assert not own.complete and own.minutes == pytest.approx(12.4)  # type: ignore[attr-defined]
    # A breathing space for a difficult moment is its own item, not part of the forty.
    practice.log(
        "track",
        "breathing-space-responsive",
        "Breathing space for difficult moments",
        clock(),
        4,
        True,
    )
    practice.add_manual(clock().date(), "walking", "Mindful walking", 15)
    practice.log("timer", "timer", "Silent timer", clock(), 12, True)
    items = _items(course)
    own = items["own-practice"]
    assert own.minutes == pytest.approx(39.4) and not own.complete  # type: ignore[attr-defined]
    assert items["breathing-space-responsive"].complete  # type: ignore[attr-defined]
    clock.advance(days=1)  # yesterday's minutes are not today's
    assert _items(course)["own-practice"].minutes == 0  # type: ignore[attr-defined]
    clock.advance(days=-1)
    practice.log("track", "breath", "Mindfulness of the breath", clock(), 0.2, False)
    own = _items(course)["own-practice"]
    assert own.complete and own.logged == 1  # type: ignore[attr-defined]


def test_importing_a_recording_adds_it_to_the_library(
    practice: PracticeService, tmp_path: Path, paths: AppPaths
) -> None:
    src = make_tone(tmp_path / "Teacher - body scan.wav", 6.0)
    track = practice.import_recording(src)
    assert not track.bundled and track.title == "Teacher - body scan"
    assert abs(track.duration_s - 6.0) < 0.3
    assert track.path.parent == paths.recordings_dir and track.path.suffix == ".opus"
    assert [t.id for t in practice.library()][-1] == track.id


def test_a_broken_recording_leaves_nothing_behind(
    practice: PracticeService, tmp_path: Path, paths: AppPaths
) -> None:
    bad = tmp_path / "song.mp3"
    bad.write_bytes(b"\x00\x01garbage" * 500)
    with pytest.raises(KnownError):
        practice.import_recording(bad)
    assert list(paths.recordings_dir.iterdir()) == []
    assert len(practice.library()) == 1


def _raw_sessions(db: Database) -> list[tuple[object, ...]]:
    import sqlite3

    raw = sqlite3.connect(db.db_path)
    try:
        return raw.execute("SELECT * FROM practice_session ORDER BY id").fetchall()
    finally:
        raw.close()


def test_an_app_logged_session_can_be_corrected_and_keeps_its_note(
    practice: PracticeService, clock: FakeClock, qtbot: QtBot
) -> None:
    timed = practice.log("timer", "timer", "Silent timer", clock(), 2.5, False, "Restless")
    with qtbot.waitSignal(practice.changed, timeout=1000):
        edited = practice.update(timed.id, minutes=20, completed=True)
    assert (edited.minutes, edited.completed, edited.note) == (20.0, True, "Restless")
    edited = practice.update(timed.id, note="Restless, then settled")
    assert (edited.minutes, edited.completed, edited.note) == (20.0, True, "Restless, then settled")
    assert (edited.kind, edited.practice_id, edited.title, edited.started) == (
        "timer",
        "timer",
        "Silent timer",
        timed.started,
    )


@pytest.mark.parametrize(
    "changes",
    [{"title": "Body scan"}, {"practice_id": "body-scan"}, {"day": FakeClock().now.date()}],
)
def test_what_the_app_logged_itself_stays(
    practice: PracticeService, clock: FakeClock, changes: dict[str, object]
) -> None:
    track = practice.log("track", "breath", "Mindfulness of the breath", clock(), 3, True, "calm")
    with pytest.raises(InvalidInputError, match="day and practice stay"):
        practice.update(track.id, note="lost?", **changes)
    assert practice.session(track.id) == track


def test_a_bad_length_for_an_app_logged_session_is_refused(
    practice: PracticeService, clock: FakeClock
) -> None:
    track = practice.log("track", "breath", "Mindfulness of the breath", clock(), 3, True)
    with pytest.raises(InvalidInputError, match="from 1"):
        practice.update(track.id, minutes=0)
    assert practice.session(track.id) == track


def test_delete_then_restore_gives_back_the_identical_session(
    practice: PracticeService, db: Database, clock: FakeClock
) -> None:
    practice.log("timer", "timer", "Silent timer", clock(), 10, True)
    heard = practice.log("track", "breath", "Mindfulness of the breath", clock(), 3, True, "warm")
    practice.add_manual(clock().date(), "walking", "Mindful walking", 15)
    before = _raw_sessions(db)
    deleted = practice.delete(heard.id)
    assert deleted is not None and deleted.label == "“Mindfulness of the breath” of 14 March"
    assert practice.session(heard.id) is None
    clock.advance(minutes=3)
    assert practice.restore(deleted) == heard
    assert _raw_sessions(db) == before


def _registered(practice: PracticeService, title: str = "Morning sit") -> Track:
    """A recording as an import leaves it (the file's sound doesn't matter here)."""
    from mindful_desktop.audio.processing import ImportedRecording

    path = practice.recordings_dir / "rec-morning.opus"
    path.write_bytes(b"OggS not really")
    return practice.register_recording(
        ImportedRecording("rec-morning", title, path, 600.0, "morning.m4a")
    )


def test_a_recording_can_be_renamed(practice: PracticeService, qtbot: QtBot) -> None:
    track = _registered(practice)
    with qtbot.waitSignal(practice.changed, timeout=1000):
        renamed = practice.rename_recording(track.id, "  Morning   sit with Anna ")
    assert renamed.title == "Morning sit with Anna" and renamed.path == track.path
    assert practice.titles()[track.id] == "Morning sit with Anna"


@pytest.mark.parametrize(("title", "message"), [("   ", "can't be empty"), ("x" * 201, "too long")])
def test_a_bad_name_is_refused_clearly(practice: PracticeService, title: str, message: str) -> None:
    track = _registered(practice)
    with pytest.raises(InvalidInputError, match=message):
        practice.rename_recording(track.id, title)
    assert practice.track(track.id) == track


def test_removing_a_recording_deletes_its_file_but_keeps_its_sessions(
    practice: PracticeService, clock: FakeClock, qtbot: QtBot
) -> None:
    track = _registered(practice)
    for _ in range(2):
        practice.log("recording", track.id, track.title, clock(), 10, True, "steady")
    assert practice.sessions_with(track.id) == 2
    with qtbot.waitSignal(practice.changed, timeout=1000):
        practice.remove_recording(track.id)
    assert not track.path.exists() and practice.track(track.id) is None
    assert [(s.practice_id, s.title, s.note) for s in practice.sessions()] == [
        (track.id, "Morning sit", "steady")
    ] * 2
    practice.remove_recording(track.id)  # already gone: nothing to do


def test_a_recording_whose_file_cannot_be_deleted_stays(
    practice: PracticeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    track = _registered(practice)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(KnownError, match="isn't allowed to write"):
        practice.remove_recording(track.id)
    monkeypatch.undo()
    assert practice.track(track.id) == track and track.path.exists()


def test_mood_before_and_after_are_optional_and_checked(practice: PracticeService) -> None:
    started = dt.datetime(2026, 3, 14, 8, 0).astimezone()
    session = practice.log("track", "breath", "Breath", started, 10, True, mood_before=4)
    assert (session.mood_before, session.mood_after) == (4, None)
    after = practice.update(session.id, mood_after=6)
    assert (after.mood_before, after.mood_after) == (4, 6)
    for bad in (11, -1, "7", 6.5):
        with pytest.raises(InvalidInputError, match="Mood must be"):
            practice.update(session.id, mood_after=bad)
    assert practice.session(session.id) == after  # nothing changed by a refused value
    plain = practice.log("timer", "timer", "Silent timer", started, 5, True)
    assert (plain.mood_before, plain.mood_after) == (None, None)
