"""The audio side of practice, owned by the open journal rather than by a page.

One `Player` for guided tracks with its `ListeningTracker`, the `MeditationTimer` with its
`TimerLogger`, and a second player for the bell. Importing this module loads QtMultimedia, so it
is imported the first time Practice is needed. `finish()` logs whatever is running, as
stopping would: quitting never loses practice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from mindful_desktop.audio.player import Player
from mindful_desktop.audio.timer import MeditationTimer
from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.domain.words import count
from mindful_desktop.services.listening import ListeningTracker, TimerLogger
from mindful_desktop.services.practice import PracticeService, SessionView


def _minutes(minutes: float) -> str:
    whole = max(1, round(minutes))
    return count(whole, "minute")


class Playback(QObject):
    def __init__(
        self, practice: PracticeService, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.player = Player(self)
        self.tracker = ListeningTracker(self.player, practice, clock, self)
        self.timer = MeditationTimer(parent=self)
        self.timer_logger = TimerLogger(self.timer, practice, clock, self)
        self.bell = Player(self)
        if self.bell.load(practice.bell_path):
            self.timer.bell.connect(self._ring)

    def _ring(self, _kind: str) -> None:
        self.bell.seek(0)
        self.bell.play()

    def busy(self) -> bool:
        """A track is loaded and not yet logged, or the silent timer is running."""
        return self.tracker.busy() or self.timer_logger.busy()

    def finish(self) -> list[str]:
        logged: list[SessionView] = []
        self.practice.sessionLogged.connect(logged.append)
        try:
            if self.tracker.busy():
                self.tracker.stop()
            if self.timer_logger.busy():
                self.timer_logger.stop()
        finally:
            self.practice.sessionLogged.disconnect(logged.append)
        return [f"{_minutes(s.minutes)} of {s.title}" for s in logged]

    def release(self) -> None:
        """Stop the players before the objects go (a QMediaPlayer left to the garbage
        collector at exit can crash PySide)."""
        for player in (self.player, self.bell):
            player.stop()
