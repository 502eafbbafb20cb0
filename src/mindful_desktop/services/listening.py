"""Turns what the player and the timer did into practice-log entries."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mindful_desktop.audio.catalog import Track
from mindful_desktop.audio.player import Player
from mindful_desktop.audio.timer import MeditationTimer
from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.domain.practice import (
    MIN_LOGGED_SECONDS,
    completed,
    counts_as_practice,
    logging_threshold,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.services.practice import TIMER_ID, PracticeService


class ListeningTracker(QObject):
    """One guided practice at a time: started here, logged when it ends or is left part-way."""

    trackChanged = Signal(object)  # Track | None
    logFailed = Signal(str)
    moodBeforeUsed = Signal()  # the rating went into a logged session: the picker clears
    # Stop pressed before the track counted as practice: seconds heard, seconds it needed.
    stoppedTooSoon = Signal(float, float)

    def __init__(
        self,
        player: Player,
        practice: PracticeService,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self._practice = practice
        self._clock = clock
        self.track: Track | None = None
        self.mood_before: int | None = None  # chosen (optionally) before pressing Play
        self._started = clock()
        self._logged = False
        player.finished.connect(self._on_finished)

    def start(self, track: Track, play: bool = True) -> bool:
        self.finish_current()
        if not self.player.load(track.path):
            return False
        self.track = track
        self._started = self._clock()
        self._logged = False
        self.trackChanged.emit(track)
        if play:
            self.player.play()
        return True

    def stop(self) -> None:
        was_active = self.player.is_active()
        self.player.stop()
        track = self.track
        if track is None or self._logged:
            return
        listened = self.player.listened_ms() / 1000
        if counts_as_practice(listened, track.duration_s):
            self.finish_current()
        elif was_active:
            self.stoppedTooSoon.emit(listened, logging_threshold(track.duration_s))

    def busy(self) -> bool:
        """Part of the current track has been heard and not yet logged."""
        return self.track is not None and not self._logged and self.player.listened_ms() > 0

    def finish_current(self) -> None:
        """Log what was heard of the current track if it was a real part of it."""
        track = self.track
        if track is None or self._logged:
            return
        listened = self.player.listened_ms() / 1000
        if counts_as_practice(listened, track.duration_s):
            self._write(track, listened, completed(listened, track.duration_s))

    def _on_finished(self) -> None:
        track = self.track
        if track is None or self._logged:
            return
        listened = self.player.listened_ms() / 1000
        # Reaching the end logs the session; "completed" means most of it was actually heard.
        if listened >= logging_threshold(track.duration_s):
            self._write(track, listened, completed(listened, track.duration_s))

    def _write(self, track: Track, listened_s: float, done: bool) -> None:
        self._logged = True
        kind = "track" if track.bundled else "recording"
        try:
            self._practice.log(
                kind,
                track.id,
                track.title,
                self._started,
                listened_s / 60,
                done,
                mood_before=self.mood_before,
            )
        except KnownError as exc:
            self._logged = False
            self.logFailed.emit(exc.message)
            return
        self.mood_before = None  # asked afresh for the next practice
        self.moodBeforeUsed.emit()


class TimerLogger(QObject):
    """Logs a silent sit when it ends, or when it is stopped after at least a minute."""

    logFailed = Signal(str)

    def __init__(
        self,
        timer: MeditationTimer,
        practice: PracticeService,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timer = timer
        self._practice = practice
        self._clock = clock
        self._started = clock()
        self._open = False
        timer.finished.connect(lambda: self._write(done=True))

    def start(self) -> None:
        self._started = self._clock()
        self._open = True
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._write(done=False)

    def busy(self) -> bool:
        """A sit was started and has not been logged yet (running or paused)."""
        return self._open

    def _write(self, done: bool) -> None:
        if not self._open:
            return
        self._open = False
        minutes = self.timer.total_ms() / 60000 if done else self.timer.elapsed_ms() / 60000
        if not done and minutes * 60 < MIN_LOGGED_SECONDS:
            return
        title = f"Silent sit, {round(self.timer.total_ms() / 60000)} min"
        try:
            self._practice.log("timer", TIMER_ID, title, self._started, minutes, done)
        except KnownError as exc:
            self.logFailed.emit(exc.message)
