"""The sidebar's "Now playing": the practice under way, with Pause/Play and Stop, while the
person is on another page. It only subscribes to the player's and the tracker's signals."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.audio.catalog import Track
from mindful_desktop.services.listening import ListeningTracker
from mindful_desktop.ui.widgets.common import static_label


class NowPlaying(QFrame):
    """Shown while a practice plays or is paused and the Practice page isn't on screen."""

    def __init__(self, tracker: ListeningTracker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NowPlaying")
        self.setAccessibleName("Now playing")
        self._tracker = tracker
        self._player = tracker.player
        self._practice_shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(6)
        layout.addWidget(static_label("Now playing", "Muted", wrap=False))
        self.title = static_label("")
        self.title.setAccessibleName("Practice playing")
        layout.addWidget(self.title)
        buttons = QHBoxLayout()
        self.toggle = QPushButton("Pause")
        self.toggle.setAccessibleName("Pause")
        self.stop = QPushButton("Stop")
        self.stop.setAccessibleName("Stop")
        buttons.addWidget(self.toggle)
        buttons.addWidget(self.stop)
        layout.addLayout(buttons)

        self.toggle.clicked.connect(self._player.toggle)
        self.stop.clicked.connect(tracker.stop)
        self._player.playingChanged.connect(self._on_playing)
        self._player.activeChanged.connect(lambda _active: self._refresh())
        tracker.trackChanged.connect(self._on_track)
        self._on_track(tracker.track)
        self._on_playing(self._player.is_playing())

    def set_practice_shown(self, shown: bool) -> None:
        """The Practice page has its own player; this one steps aside while it is shown."""
        self._practice_shown = shown
        self._refresh()

    def _on_track(self, track: Track | None) -> None:
        self.title.setText(track.title if track is not None else "")
        self._refresh()

    def _on_playing(self, playing: bool) -> None:
        text = "Pause" if playing else "Play"
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)

    def _refresh(self) -> None:
        under_way = self._tracker.track is not None and self._player.is_active()
        self.setVisible(under_way and not self._practice_shown)
