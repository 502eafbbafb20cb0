"""A QMediaPlayer-shaped backend for the Player, moved by hand: deterministic playback."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QMediaPlayer


class FakeBackend(QObject):
    """QMediaPlayer's shape, driven by hand: a 10-minute recording that moves only when
    a test says so (`report`, or `advance` for time going by while it plays)."""

    positionChanged = Signal(int)
    durationChanged = Signal(int)
    playbackStateChanged = Signal(object)
    mediaStatusChanged = Signal(object)
    errorOccurred = Signal(object, str)

    def __init__(self) -> None:
        super().__init__()
        self.pos = 0
        self.now = 0.0  # the player's millisecond clock, when built with `clock=`
        self.state = QMediaPlayer.PlaybackState.StoppedState

    def setSource(self, url: object) -> None:  # noqa: N802
        self.pos = 0
        self.durationChanged.emit(600_000)

    def play(self) -> None:
        self._set(QMediaPlayer.PlaybackState.PlayingState)

    def pause(self) -> None:
        self._set(QMediaPlayer.PlaybackState.PausedState)

    def stop(self) -> None:
        self.pos = 0
        self._set(QMediaPlayer.PlaybackState.StoppedState)

    def _set(self, state: QMediaPlayer.PlaybackState) -> None:
        if state != self.state:
            self.state = state
            self.playbackStateChanged.emit(state)

    def setPosition(self, ms: int) -> None:  # noqa: N802
        self.report(ms)

    def report(self, ms: int) -> None:
        self.pos = ms
        self.positionChanged.emit(ms)

    def advance(self, seconds: int) -> None:
        """Seconds go by, reported once a second as a backend would."""
        for _ in range(seconds):
            self.now += 1000
            if self.state == QMediaPlayer.PlaybackState.PlayingState:
                self.report(self.pos + 1000)

    def position(self) -> int:
        return self.pos

    def duration(self) -> int:
        return 600_000

    def playbackRate(self) -> float:  # noqa: N802
        return 1.0
