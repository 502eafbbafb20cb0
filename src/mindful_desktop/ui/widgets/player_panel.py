"""The player's controls and captions; it only subscribes to the player's signals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSlider

from mindful_desktop.audio.catalog import Track
from mindful_desktop.services.listening import ListeningTracker
from mindful_desktop.ui.widgets.common import Card, label

SKIP_MS = 15_000


def clock_text(ms: int) -> str:
    seconds = max(0, ms // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def weeks_text(weeks: tuple[int, ...]) -> str:
    if not weeks:
        return ""
    if len(weeks) == 1:
        return f"week {weeks[0]}"
    return "weeks " + ", ".join(str(w) for w in weeks)


class PlayerPanel(Card):
    """Controls and captions; it only subscribes to the player's signals."""

    def __init__(self, tracker: ListeningTracker) -> None:
        super().__init__()
        self._tracker = tracker
        player = tracker.player
        self._player = player
        self.title = label("Choose a practice from the list", "CardTitle")
        self.description = label("", "Muted")
        self.caption = label("Captions of the guidance appear here as it plays.")
        self.caption.setObjectName("Caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setMinimumHeight(84)
        self.caption.setAccessibleName("Caption")
        self.seek = QSlider(Qt.Orientation.Horizontal)
        self.seek.setAccessibleName("Position in the practice")
        self.seek.setEnabled(False)
        self.elapsed = label("0:00", "Muted", wrap=False)
        self.remaining = label("", "Muted", wrap=False)
        times = QHBoxLayout()
        times.addWidget(self.elapsed)
        times.addStretch(1)
        times.addWidget(self.remaining)
        self.back = QPushButton("−15 s")
        self.play = QPushButton("Play")
        self.play.setObjectName("Primary")
        self.play.setMinimumWidth(110)
        self.forward = QPushButton("+15 s")
        self.stop = QPushButton("Stop")
        self.back.setAccessibleName("Back 15 seconds")
        self.forward.setAccessibleName("Forward 15 seconds")
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(int(player.volume() * 100))
        self.volume.setMaximumWidth(140)
        self.volume.setAccessibleName("Volume")
        controls = QHBoxLayout()
        for button in (self.back, self.play, self.forward, self.stop):
            button.setEnabled(False)
            controls.addWidget(button)
        controls.addStretch(1)
        # Volume has a row of its own, so the controls fit a narrow window.
        loudness = QHBoxLayout()
        loudness.addStretch(1)
        loudness.addWidget(label("Volume", "Muted", wrap=False))
        loudness.addWidget(self.volume)
        self.error = label("", "Error")
        self.error.hide()
        for widget in (self.title, self.description, self.caption):
            self.body.addWidget(widget)
        self.body.addWidget(self.seek)
        self.body.addLayout(times)
        self.body.addLayout(controls)
        self.body.addLayout(loudness)
        self.body.addWidget(self.error)

        self.play.clicked.connect(player.toggle)
        self.back.clicked.connect(lambda: player.skip(-SKIP_MS))
        self.forward.clicked.connect(lambda: player.skip(SKIP_MS))
        self.stop.clicked.connect(tracker.stop)
        self.volume.valueChanged.connect(lambda v: player.set_volume(v / 100))
        self.seek.sliderReleased.connect(lambda: player.seek(self.seek.value()))
        player.positionChanged.connect(self._on_position)
        player.durationChanged.connect(self._on_duration)
        player.playingChanged.connect(self._on_playing)
        player.errorOccurred.connect(self._on_error)
        tracker.trackChanged.connect(self._on_track)

    def _on_track(self, track: Track | None) -> None:
        self.error.hide()
        if track is None:
            return
        self.title.setText(track.title)
        self.description.setText(track.description)
        self.caption.setText("")
        for button in (self.back, self.play, self.forward, self.stop):
            button.setEnabled(True)
        self.seek.setEnabled(True)
        self._on_duration(int(track.duration_s * 1000))

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self.seek.setRange(0, ms)
            self._on_position(self._player.position())

    def _on_position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
        duration = self._player.duration() or self.seek.maximum()
        self.elapsed.setText(clock_text(ms))
        self.remaining.setText(f"{clock_text(duration - ms)} left")
        track = self._tracker.track
        cue = track.cue_at(ms / 1000) if track else None
        self.caption.setText(cue.text if cue else "")

    def _on_playing(self, playing: bool) -> None:
        self.play.setText("Pause" if playing else "Play")

    def _on_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
