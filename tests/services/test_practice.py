"""The practice log: sessions from the player and timer, by hand, edits, undo, imports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

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
