"""The meditation timer rings every bell on time, driven by a clock the test controls."""

from __future__ import annotations

import random
import time

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.audio.timer import MeditationTimer, TimerState, bell_schedule

MIN = 60_000


class FakeMsClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0  # anything: only differences matter

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


class Recorder:
    """Every signal the timer sends, stamped with the fake clock's time since the start."""

    def __init__(self, timer: MeditationTimer, clock: FakeMsClock) -> None:
        self.clock = clock
        self.origin = clock.now
        self.bells: list[tuple[float, str]] = []
        self.ticks: list[tuple[float, int]] = []
        self.states: list[str] = []
        self.running: list[bool] = []
        self.finished = 0
        timer.bell.connect(lambda kind: self.bells.append((self.since_start(), kind)))
        timer.tick.connect(lambda left: self.ticks.append((self.since_start(), left)))
        timer.stateChanged.connect(self.states.append)
        timer.runningChanged.connect(self.running.append)
        timer.finished.connect(self._finished)

    def since_start(self) -> float:
        return self.clock.now - self.origin

    def _finished(self) -> None:
        self.finished += 1


def run_like_qtimer(timer: MeditationTimer, clock: FakeMsClock, rng: random.Random) -> int:
    """Wake the timer when its QTimer would, but late by up to 60 ms each time, like a busy
    computer. Returns how many wake-ups it took."""
    wakes = 0
    while timer.state() == TimerState.RUNNING:
        wait = timer.next_wake_ms()
        assert wait is not None, "a running timer always has its next wake-up armed"
        clock.advance(wait + rng.uniform(0, 60))
        timer.poll()
        wakes += 1
        assert wakes < 100_000
    return wakes


@pytest.fixture
def ms_clock() -> FakeMsClock:
    return FakeMsClock()


def test_schedule_has_start_interval_and_end_bells() -> None:
    assert bell_schedule(20, 5, True, True) == [
        (0, "start"),
        (5 * MIN, "interval"),
        (10 * MIN, "interval"),
        (15 * MIN, "interval"),
        (20 * MIN, "end"),
    ]
    assert bell_schedule(20, 7, False, True) == [
        (7 * MIN, "interval"),
        (14 * MIN, "interval"),
        (20 * MIN, "end"),
    ]
    # An interval bell never doubles the closing bell, even when that one is off.
    assert bell_schedule(10, 5, False, False) == [(5 * MIN, "interval")]
    assert bell_schedule(1, None, True, False) == [(0, "start")]
    assert bell_schedule(10, 30, True, True) == [(0, "start"), (10 * MIN, "end")]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((0, None, True, True), "between 1 and 120 minutes"),
        ((121, None, True, True), "between 1 and 120 minutes"),
        ((-5, None, True, True), "between 1 and 120 minutes"),
        ((2.5, None, True, True), "whole number"),
        (("10", None, True, True), "whole number"),
        ((True, None, True, True), "whole number"),
        ((10, 0, True, True), "at least 1 minute"),
        ((10, -2, True, True), "at least 1 minute"),
        ((10, 1.5, True, True), "whole number"),
        ((10, None, "yes", True), "True or False"),
    ],
)
def test_bad_arguments_are_refused(args: tuple, words: str, qtbot: QtBot) -> None:
    with pytest.raises(ValueError, match=words):
        bell_schedule(*args)
    with pytest.raises(ValueError, match=words):
        MeditationTimer(*args)


def test_sixty_minute_sit_rings_every_bell_on_time(qtbot: QtBot, ms_clock: FakeMsClock) -> None:
    clock = ms_clock
    timer = MeditationTimer(60, 5, start_bell=True, end_bell=True, clock=clock)
    seen = Recorder(timer, clock)

    timer.start()
    assert seen.bells == [(0.0, "start")]
    assert timer.is_running()
    wakes = run_like_qtimer(timer, clock, random.Random(60))

    expected = bell_schedule(60, 5, True, True)
    assert [kind for _, kind in seen.bells] == [kind for _, kind in expected]
    assert len(seen.bells) == 13
    for (rang_at, _), (due, _) in zip(seen.bells, expected, strict=True):
        assert due <= rang_at <= due + 100, f"bell due at {due} ms rang at {rang_at:.0f} ms"
    # 3,600 wake-ups each up to 60 ms late would add up to minutes if ticks were counted.
    assert wakes >= 3600
    assert seen.finished == 1
    assert seen.states == ["running", "finished"]
    assert seen.running == [True, False]
    assert timer.elapsed_ms() == 60 * MIN
    assert timer.remaining_ms() == 0
    assert timer.next_wake_ms() is None


def test_ticks_come_about_once_a_second_and_count_down(qtbot: QtBot, ms_clock: FakeMsClock) -> None:
    clock = ms_clock
    timer = MeditationTimer(2, None, start_bell=False, end_bell=True, clock=clock)
    seen = Recorder(timer, clock)
    timer.start()
    run_like_qtimer(timer, clock, random.Random(2))

    assert seen.ticks[0] == (0.0, 2 * MIN)
    assert seen.ticks[-1][1] == 0
    assert 119 <= len(seen.ticks) <= 122
    for (t0, left0), (t1, left1) in zip(seen.ticks, seen.ticks[1:], strict=False):
        assert 900 <= t1 - t0 <= 1100
        assert left1 < left0
    for at, left in seen.ticks[1:-1]:
        assert abs((2 * MIN - at) - left) <= 1


def test_pause_and_resume_shift_the_schedule(qtbot: QtBot, ms_clock: FakeMsClock) -> None:
    clock = ms_clock
    timer = MeditationTimer(10, 2, start_bell=True, end_bell=True, clock=clock)
    seen = Recorder(timer, clock)
    rng = random.Random(10)
    timer.start()
    while timer.elapsed_ms() < 3 * MIN:
        clock.advance(timer.next_wake_ms() or 0)
        timer.poll()

    timer.pause()
    assert timer.state() == TimerState.PAUSED
    assert timer.next_wake_ms() is None
    sat = timer.elapsed_ms()
    clock.advance(5 * MIN)  # five minutes' break, ringing nothing
    timer.poll()
    assert timer.elapsed_ms() == sat
    assert [kind for _, kind in seen.bells] == ["start", "interval"]

    timer.resume()
    run_like_qtimer(timer, clock, rng)

    wall_times = [0, 2 * MIN, 9 * MIN, 11 * MIN, 13 * MIN, 15 * MIN]
    assert [kind for _, kind in seen.bells] == ["start"] + ["interval"] * 4 + ["end"]
    for (rang_at, _), due in zip(seen.bells, wall_times, strict=True):
        assert due <= rang_at <= due + 100
    assert seen.states == ["running", "paused", "running", "finished"]
    assert seen.running == [True, False, True, False]
    assert timer.elapsed_ms() == 10 * MIN


def test_stop_ends_early_without_a_closing_bell(qtbot: QtBot, ms_clock: FakeMsClock) -> None:
    clock = ms_clock
    timer = MeditationTimer(5, None, start_bell=False, end_bell=True, clock=clock)
    seen = Recorder(timer, clock)
    timer.start()
    clock.advance(90_000)
    timer.poll()
    timer.stop()
    clock.advance(10 * MIN)
    timer.poll()
    assert seen.bells == []
    assert seen.finished == 0
    assert timer.state() == TimerState.STOPPED
    assert timer.elapsed_ms() == 90_000
    assert timer.next_wake_ms() is None
    timer.configure(1, None, True, False)  # a stopped timer may be set up again
    timer.start()
    assert seen.bells[-1][1] == "start"
    assert timer.elapsed_ms() == 0


def test_sit_cannot_be_changed_while_counting(qtbot: QtBot, ms_clock: FakeMsClock) -> None:
    clock = ms_clock
    timer = MeditationTimer(5, clock=clock)
    timer.start()
    with pytest.raises(RuntimeError):
        timer.configure(10, None, True, True)


def test_the_real_qtimer_wakes_it_on_time(qtbot: QtBot) -> None:
    # A real monotonic clock that the test can move forwards in one jump.
    offset = [0.0]

    def clock() -> float:
        return time.monotonic() * 1000.0 + offset[0]

    timer = MeditationTimer(1, None, start_bell=False, end_bell=True, clock=clock)
    rang_at: list[float] = []
    timer.start()
    started = clock()
    timer.bell.connect(lambda kind: rang_at.append(clock() - started))
    offset[0] += MIN - 150  # skip ahead to 150 ms before the closing bell
    timer.poll()  # re-arm against the moved clock, as after the computer wakes from sleep
    with qtbot.waitSignal(timer.finished, timeout=3000):
        pass
    assert len(rang_at) == 1
    # This one measures the event loop, not the arithmetic; keep room for a busy machine.
    assert MIN <= rang_at[0] <= MIN + 250
