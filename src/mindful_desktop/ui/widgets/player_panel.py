"""The player's controls and captions; it only subscribes to the player's signals."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSlider

from mindful_desktop.audio.catalog import Track
from mindful_desktop.domain.practice import MIN_LOGGED_SECONDS
from mindful_desktop.services.listening import ListeningTracker
from mindful_desktop.ui.widgets.common import Card, label
from mindful_desktop.ui.widgets.mood_picker import MoodPicker
from mindful_desktop.ui.widgets.seek_slider import SeekSlider

SKIP_MS = 15_000


def clock_text(ms: int) -> str:
    seconds = max(0, ms // 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def span_text(seconds: float) -> str:
    """A short length of time in words: "less than a second", "40 seconds", "a minute"."""
    whole = int(seconds)
    if whole < 1:
        return "less than a second"
    if whole % 60 == 0:
        minutes = whole // 60
        return "a minute" if minutes == 1 else f"{minutes} minutes"
    return "1 second" if whole == 1 else f"{whole} seconds"


def too_short_text(listened_s: float, needed_s: float) -> str:
    """What Stop says when the part heard was too short to go in the log."""
    if needed_s >= MIN_LOGGED_SECONDS:
        rule = f"{span_text(needed_s).capitalize()} or more counts."
    else:  # a short track: half of it counts
        rule = f"Half of this one ({span_text(math.ceil(needed_s))}) or more counts."
    return f"Stopped after {span_text(listened_s)} — too short to log. {rule}"


def weeks_text(weeks: tuple[int, ...]) -> str:
    if not weeks:
        return ""
    if len(weeks) == 1:
        return f"week {weeks[0]}"
    return "weeks " + ", ".join(str(w) for w in weeks)


_UNSHOWN = object()  # nothing shown yet: the next position is drawn whatever it is


class PlayerPanel(Card):
    """Controls and captions; it only subscribes to the player's signals."""

    def __init__(self, tracker: ListeningTracker) -> None:
        super().__init__()
        self._tracker = tracker
        player = tracker.player
        self._player = player
        self._position = 0
        self._shown_second = -1  # the second the clock shows
        self._shown_cue: object = _UNSHOWN  # the cue the caption shows (None: a silence)
        self.title = label("Choose a practice from the list", "CardTitle")
        self.description = label("", "Muted")
        self.caption = label("Captions of the guidance appear here as it plays.")
        self.caption.setObjectName("Caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setMinimumHeight(84)
        self.caption.setAccessibleName("Caption")
        self.seek = SeekSlider()
        self.seek.setAccessibleName("Position")
        self.seek.setAccessibleDescription(
            "Position in the practice. Arrow keys move 5 seconds, Page Up and Page Down "
            "30 seconds, Home and End go to the start and the end."
        )
        self.seek.setEnabled(False)
        self.elapsed = label("0:00", "Muted", wrap=False)
        self.elapsed.setAccessibleDescription("Time played")
        self.remaining = label("", "Muted", wrap=False)
        self.remaining.setAccessibleDescription("Time left")
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        self.play.setAccessibleName("Play")
        self.forward.setAccessibleName("Forward 15 seconds")
        self.stop.setAccessibleName("Stop")
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
        # Optional, one tap: how the person is before starting (the practice note asks after).
        self.mood_label = label(
            "Mood before you start (optional): 0 very low … 10 very good", "Muted"
        )
        self.mood_before = MoodPicker(compact=True)
        self.mood_before.setAccessibleName("Mood before the practice (optional)")
        self.mood_before.moodChanged.connect(self._mood_before_chosen)
        tracker.moodBeforeUsed.connect(self._clear_mood_before)  # a method: gone with the panel
        self.error = label("", "Error")
        self.error.hide()
        self.status = label("", "Muted")
        self.status.setAccessibleName("Player status")
        self.status.hide()
        self._selected: Track | None = None
        # A click on the panel gives it the keyboard, so Space plays and pauses.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for widget in (self.title, self.description, self.caption):
            self.body.addWidget(widget)
        self.body.addWidget(self.seek)
        self.body.addLayout(times)
        self.body.addLayout(controls)
        self.body.addLayout(loudness)
        self.body.addWidget(self.mood_label)
        self.body.addWidget(self.mood_before)
        self.body.addWidget(self.status)
        self.body.addWidget(self.error)

        self.play.clicked.connect(self.play_or_pause)
        self.back.clicked.connect(lambda: player.skip(-SKIP_MS))
        self.forward.clicked.connect(lambda: player.skip(SKIP_MS))
        self.stop.clicked.connect(tracker.stop)
        self.volume.valueChanged.connect(lambda v: player.set_volume(v / 100))
        self.seek.seekRequested.connect(player.seek)
        player.positionChanged.connect(self._on_position)
        player.durationChanged.connect(self._on_duration)
        player.playingChanged.connect(self._on_playing)
        player.activeChanged.connect(self._on_active)
        player.errorOccurred.connect(self._on_error)
        tracker.trackChanged.connect(self._on_track)
        tracker.stoppedTooSoon.connect(self._on_too_soon)
        self._fit_clocks()

    def select(self, track: Track | None) -> None:
        """The practice chosen in the list: Play starts it unless one is under way."""
        self._selected = track
        if track is None or self._player.is_active():
            return
        self._show(track)
        self.play.setEnabled(True)

    def play_or_pause(self) -> None:
        """Pause or resume the practice under way; otherwise start the chosen one afresh."""
        if self._player.is_active():
            self._player.toggle()
            return
        track = self._selected or self._tracker.track
        if track is not None:
            self._tracker.start(track)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Space from the panel, its slider or its text (a focused button keeps its own Space).
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.play_or_pause()
            event.accept()
            return
        super().keyPressEvent(event)

    def _show(self, track: Track) -> None:
        self.title.setText(track.title)
        self.description.setText(track.description)

    def _on_track(self, track: Track | None) -> None:
        self.error.hide()
        self.status.hide()
        if track is None:
            return
        self._show(track)
        self.caption.setText("")
        self._shown_cue = None
        for button in (self.back, self.play, self.forward, self.stop):
            button.setEnabled(True)
        self.seek.setEnabled(True)
        self._on_duration(self._player.duration() or int(track.duration_s * 1000))

    def _mood_before_chosen(self, value: int | None) -> None:
        self._tracker.mood_before = value

    def _clear_mood_before(self) -> None:
        self.mood_before.set_value(None)

    def _on_active(self, active: bool) -> None:
        # Stopped or finished: the panel shows what Play would start now.
        if not active and self._selected is not None:
            self._show(self._selected)
        # "Before you start" is asked before Play; while a practice goes on it stays only
        # if a number was chosen (so the person sees it was kept).
        chosen = self.mood_before.value() is not None
        self.mood_label.setVisible(not active or chosen)
        self.mood_before.setVisible(not active or chosen)

    def _on_too_soon(self, listened_s: float, needed_s: float) -> None:
        self.status.setText(too_short_text(listened_s, needed_s))
        self.status.show()

    def _on_duration(self, ms: int) -> None:
        if ms > 0:
            self.seek.setRange(0, ms)
            self._fit_clocks()
            self._catch_up()

    def _fit_clocks(self) -> None:
        """Both clocks keep one size for the whole track, wide enough for any time it can
        show: a fixed-size label's new text repaints the label alone, where a label that
        grew or shrank by a digit laid the whole panel, and the tabs below it, out again
        every second."""
        duration = self.seek.maximum()  # set from the player's duration; nothing asked of it
        widest = clock_text(max(duration, 59_000))
        for clock, suffix in ((self.elapsed, ""), (self.remaining, " left")):
            metrics = clock.fontMetrics()
            width = max(
                metrics.horizontalAdvance("".join(d if c.isdigit() else c for c in widest))
                for d in "0123456789"
            ) + metrics.horizontalAdvance(suffix)
            margins = clock.contentsMargins()
            clock.setFixedSize(
                width + margins.left() + margins.right() + 2 * clock.margin() + 2,
                metrics.height() + margins.top() + margins.bottom() + 2 * clock.margin(),
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        fonts = (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if event.type() in fonts and hasattr(self, "remaining"):  # not while being built
            self._fit_clocks()

    def _on_position(self, ms: int) -> None:
        """The player reports many times a second: the clock and slider change once a second,
        the caption when the cue does, and nothing at all while the panel is hidden (it
        catches up when shown)."""
        self._position = ms
        if not self.isVisible():
            return
        second = ms // 1000
        if second != self._shown_second:
            self._shown_second = second
            self.seek.show_position(ms)
            duration = self._player.duration() or self.seek.maximum()
            self.elapsed.setText(clock_text(ms))
            self.remaining.setText(f"{clock_text(duration - ms)} left")
        track = self._tracker.track
        cue = track.cue_at(ms / 1000) if track else None
        if cue is not self._shown_cue:
            self._shown_cue = cue
            self.caption.setText(cue.text if cue else "")

    def _catch_up(self) -> None:
        self._shown_second = -1
        self._shown_cue = _UNSHOWN
        self._on_position(self._player.position())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._catch_up()

    def _on_playing(self, playing: bool) -> None:
        text = "Pause" if playing else "Play"
        self.play.setText(text)
        self.play.setAccessibleName(text)
        if playing:
            self.status.hide()

    def _on_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
