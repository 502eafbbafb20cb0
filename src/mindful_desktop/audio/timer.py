"""A silent meditation timer with start, interval and closing bells, on time over long sits."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

__all__ = [
    "MAX_MINUTES",
    "MIN_MINUTES",
    "MeditationTimer",
    "TimerState",
    "bell_schedule",
]

MIN_MINUTES = 1
MAX_MINUTES = 120
MINUTE_MS = 60_000
TICK_MS = 1_000

MsClock = Callable[[], float]


def monotonic_ms() -> float:
    """The default clock: milliseconds that never jump when the wall clock is changed."""
    return time.monotonic() * 1000.0


class TimerState(enum.StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


def _whole_minutes(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a whole number of minutes, not {value!r}.")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(f"{name} must be a whole number of minutes, not {value!r}.")
    return int(value)


def bell_schedule(
    total_min: int, interval_min: int | None, start_bell: bool, end_bell: bool
) -> list[tuple[int, str]]:
    """Every bell of a sit as (ms from the start, "start" | "interval" | "end"), in order.

    Interval bells ring every `interval_min` minutes strictly inside the sit, so one never
    doubles the closing bell. `interval_min=None` means no interval bells.
    """
    total = _whole_minutes("The length of the sit", total_min)
    if not MIN_MINUTES <= total <= MAX_MINUTES:
        raise ValueError(
            f"The length of the sit must be between {MIN_MINUTES} and {MAX_MINUTES} minutes, "
            f"not {total}."
        )
    if not isinstance(start_bell, bool) or not isinstance(end_bell, bool):
        raise ValueError("start_bell and end_bell must be True or False.")
    bells: list[tuple[int, str]] = []
    if start_bell:
        bells.append((0, "start"))
    if interval_min is not None:
        every = _whole_minutes("The time between interval bells", interval_min)
        if every < 1:
            raise ValueError(
                f"Interval bells must be at least 1 minute apart, not {every}; "
                "use None for no interval bells."
            )
        bells.extend((k * MINUTE_MS, "interval") for k in range(every, total, every))
    if end_bell:
        bells.append((total * MINUTE_MS, "end"))
    return bells


class MeditationTimer(QObject):
    """Counts a sit down and rings its bells; widgets subscribe to the signals.

    Every event's time is computed from the start (less time spent paused) on a monotonic
    clock, and one precise single-shot QTimer is re-armed for the next event, so late wake-ups
    never add up. `poll()` catches up at once (the QTimer calls it; so may a wake from sleep).
    """

    bell = Signal(str)  # "start" | "interval" | "end"
    tick = Signal(int)  # remaining ms, about once a second
    finished = Signal()  # the sit ran its full length (not emitted by stop())
    stateChanged = Signal(str)  # a TimerState value
    runningChanged = Signal(bool)  # counting down right now

    def __init__(
        self,
        total_min: int = 10,
        interval_min: int | None = None,
        start_bell: bool = True,
        end_bell: bool = True,
        *,
        clock: MsClock = monotonic_ms,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._qtimer = QTimer(self)
        self._qtimer.setSingleShot(True)
        self._qtimer.setTimerType(Qt.TimerType.PreciseTimer)
        self._qtimer.timeout.connect(self.poll)
        self._state = TimerState.IDLE
        self._started_at = 0.0
        self._paused_total = 0.0
        self._paused_at = 0.0
        self._frozen_elapsed = 0.0
        self._next_bell = 0
        self._next_tick = TICK_MS
        self.configure(total_min, interval_min, start_bell, end_bell)

    # -- set-up -----------------------------------------------------------------------------

    def configure(
        self, total_min: int, interval_min: int | None, start_bell: bool, end_bell: bool
    ) -> None:
        """Change the sit; only while nothing is counting (raises ValueError on bad values)."""
        if self._state in (TimerState.RUNNING, TimerState.PAUSED):
            raise RuntimeError("Stop the timer before changing the sit.")
        self._bells = bell_schedule(total_min, interval_min, start_bell, end_bell)
        self._total_ms = int(total_min) * MINUTE_MS

    def schedule(self) -> list[tuple[int, str]]:
        return list(self._bells)

    # -- commands ---------------------------------------------------------------------------

    def start(self) -> None:
        """Begin (or begin again) from zero; rings the start bell straight away if wanted."""
        self._qtimer.stop()
        self._started_at = self._clock()
        self._paused_total = 0.0
        self._frozen_elapsed = 0.0
        self._next_bell = 0
        self._next_tick = TICK_MS
        self._set_state(TimerState.RUNNING)
        self.tick.emit(self._total_ms)
        self.poll()

    def pause(self) -> None:
        if self._state != TimerState.RUNNING:
            return
        self._qtimer.stop()
        self._paused_at = self._clock()
        self._set_state(TimerState.PAUSED)

    def resume(self) -> None:
        if self._state != TimerState.PAUSED:
            return
        self._paused_total += self._clock() - self._paused_at
        self._set_state(TimerState.RUNNING)
        self.poll()

    def stop(self) -> None:
        """End the sit early: no closing bell, no `finished`; `elapsed_ms()` keeps its value."""
        if self._state not in (TimerState.RUNNING, TimerState.PAUSED):
            return
        self._frozen_elapsed = self._raw_elapsed()
        self._qtimer.stop()
        self._set_state(TimerState.STOPPED)

    def poll(self) -> None:
        """Ring whatever is due by the clock now, then sleep until the next event."""
        if self._state != TimerState.RUNNING:
            return
        elapsed = self._raw_elapsed()
        while self._next_bell < len(self._bells) and self._bells[self._next_bell][0] <= elapsed:
            kind = self._bells[self._next_bell][1]
            self._next_bell += 1
            self.bell.emit(kind)
            if self._state != TimerState.RUNNING:  # a slot stopped or paused us
                return
        if elapsed >= self._total_ms:
            self._qtimer.stop()
            self._frozen_elapsed = float(self._total_ms)
            self._next_bell = len(self._bells)
            self.tick.emit(0)
            self._set_state(TimerState.FINISHED)
            self.finished.emit()
            return
        if elapsed >= self._next_tick:
            # One tick however many seconds passed (e.g. after a sleep), then realign.
            self._next_tick = (int(elapsed) // TICK_MS + 1) * TICK_MS
            self.tick.emit(int(round(self._total_ms - elapsed)))
            if self._state != TimerState.RUNNING:
                return
        self._arm(elapsed)

    # -- state ------------------------------------------------------------------------------

    def state(self) -> TimerState:
        return self._state

    def is_running(self) -> bool:
        return self._state == TimerState.RUNNING

    def total_ms(self) -> int:
        return self._total_ms

    def elapsed_ms(self) -> int:
        """Time sat so far, not counting pauses; the full length once finished."""
        return int(min(self._raw_elapsed(), self._total_ms))

    def remaining_ms(self) -> int:
        return self._total_ms - self.elapsed_ms()

    def next_wake_ms(self) -> int | None:
        """How long until the internal QTimer wakes the timer, or None when it is idle."""
        return self._qtimer.remainingTime() if self._qtimer.isActive() else None

    # -- internals --------------------------------------------------------------------------

    def _raw_elapsed(self) -> float:
        if self._state == TimerState.RUNNING:
            return self._clock() - self._started_at - self._paused_total
        if self._state == TimerState.PAUSED:
            return self._paused_at - self._started_at - self._paused_total
        return self._frozen_elapsed

    def _arm(self, elapsed: float) -> None:
        due = [self._next_tick, self._total_ms]
        if self._next_bell < len(self._bells):
            due.append(self._bells[self._next_bell][0])
        # Round up: waking a hair early would only mean sleeping again for 1 ms.
        delay = max(0, math.ceil(min(due) - elapsed))
        self._qtimer.start(delay)

    def _set_state(self, state: TimerState) -> None:
        if state == self._state:
            return
        was_running = self._state == TimerState.RUNNING
        self._state = state
        self.stateChanged.emit(state.value)
        if was_running != (state == TimerState.RUNNING):
            self.runningChanged.emit(state == TimerState.RUNNING)
