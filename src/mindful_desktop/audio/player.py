"""The meditation player: QMediaPlayer behind signals that widgets only subscribe to."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QtAudio

from mindful_desktop.audio import native

__all__ = ["Player"]

MsClock = Callable[[], float]

# A position step bigger than the wall time since the last one (plus this much) can't have
# been heard: it is a seek. Generous, because backends report position in uneven bursts.
_SEEK_SLACK_MS = 250.0
# The backend reports the position ~20 times a second; nothing shown needs more than this
# (the clock ticks once a second, captions change every few seconds). Re-announcing each
# report cost a third of playback's CPU beyond a bare QMediaPlayer (bench/playback_cpu.py).
_ANNOUNCE_EVERY_MS = 250


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def _describe(path: Path) -> str:
    return f"“{path.name}” (in {path.parent})"


class Player(QObject):
    """Plays one recording at a time and says what is happening through its signals.

    `backend` may be any QMediaPlayer-shaped object (tests); by default a real QMediaPlayer
    with its own QAudioOutput.
    """

    positionChanged = Signal(int)
    durationChanged = Signal(int)
    playingChanged = Signal(bool)
    activeChanged = Signal(bool)  # playing or paused (True), or stopped (False)
    finished = Signal()
    errorOccurred = Signal(str)
    sourceChanged = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        backend: QMediaPlayer | None = None,
        clock: MsClock = _monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        if backend is None:
            # Made by Qt's C++, not PySide: see audio/native.py (a stop could freeze the window).
            backend = native.media_player(self)
            self._output: QAudioOutput | None = native.audio_output(self)
            backend.setAudioOutput(self._output)
        else:
            self._output = None
        self._media = backend
        self._volume = 1.0
        self._path: Path | None = None
        self._playing = False
        self._active = False
        self._listened = 0.0
        self._anchor_pos = 0
        self._anchor_time = clock()
        self._announced = -_ANNOUNCE_EVERY_MS  # the position last re-announced

        backend.positionChanged.connect(self._on_position)
        backend.durationChanged.connect(self._on_duration)
        backend.playbackStateChanged.connect(self._on_state)
        backend.mediaStatusChanged.connect(self._on_status)
        backend.errorOccurred.connect(self._on_error)

    # -- commands ---------------------------------------------------------------------------

    def load(self, path: str | os.PathLike[str]) -> bool:
        """Open a recording, stopped at the start; False (and errorOccurred) if it can't be.

        A missing, empty or unreadable file changes nothing. A file that exists but can't be
        decoded is reported through errorOccurred a moment later, by the backend.
        """
        file = Path(path)
        problem = self._check_readable(file)
        if problem is not None:
            self.errorOccurred.emit(problem)
            return False
        self._media.stop()
        self._path = file
        self._listened = 0.0
        self._reset_anchor(0)
        url = QUrl.fromLocalFile(str(file.absolute()))
        self._media.setSource(url)
        self.sourceChanged.emit(str(file))
        return True

    def play(self) -> None:
        if self._path is None:
            return
        self._media.play()

    def pause(self) -> None:
        if self._path is None:
            return
        self._media.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        self._media.stop()

    def seek(self, ms: int) -> None:
        """Jump to `ms`; the jump itself never counts as listening."""
        target = max(0, int(ms))
        duration = self.duration()
        if duration > 0:
            target = min(target, duration)
        self._reset_anchor(target)
        self._media.setPosition(target)

    def skip(self, delta_ms: int) -> None:
        """Jump forwards (positive) or back (negative), staying inside the recording."""
        self.seek(self.position() + int(delta_ms))

    def set_volume(self, volume: float) -> None:
        """Volume as a slider shows it, 0.0 (silent) to 1.0 (full), clamped."""
        self._volume = min(1.0, max(0.0, float(volume)))
        if self._output is not None:
            # Ears hear loudness logarithmically; a linear gain makes the top half of a
            # slider sound all the same (Picard's player converts the same way).
            gain = QtAudio.convertVolume(
                self._volume,
                QtAudio.VolumeScale.LogarithmicVolumeScale,
                QtAudio.VolumeScale.LinearVolumeScale,
            )
            self._output.setVolume(gain)

    # -- state ------------------------------------------------------------------------------

    def volume(self) -> float:
        return self._volume

    def source(self) -> Path | None:
        return self._path

    def position(self) -> int:
        return int(self._media.position())

    def duration(self) -> int:
        return int(self._media.duration())

    def is_playing(self) -> bool:
        return self._playing

    def is_active(self) -> bool:
        """Playing or paused: a recording is under way (stopped or finished is not)."""
        return self._active

    def listened_ms(self) -> int:
        """Milliseconds actually heard since `load` (re-listened parts count again)."""
        return int(self._listened)

    # -- backend events ---------------------------------------------------------------------

    def _reset_anchor(self, position: int) -> None:
        self._anchor_pos = position
        self._anchor_time = self._clock()
        self._announced = -_ANNOUNCE_EVERY_MS  # a seek or a new track: say where at once

    def _advance(self, position: int) -> None:
        """Count the step from the last position if it could have been heard, then move on."""
        now = self._clock()
        if self._playing:
            step = position - self._anchor_pos
            plausible = (now - self._anchor_time) * self._media.playbackRate() + _SEEK_SLACK_MS
            if 0 < step <= plausible:
                self._listened += step
        self._anchor_pos = position
        self._anchor_time = now

    def _on_position(self, position: int) -> None:
        self._advance(position)
        if abs(position - self._announced) >= _ANNOUNCE_EVERY_MS or not self._playing:
            self._announced = position
            self.positionChanged.emit(int(position))

    def _on_duration(self, duration: int) -> None:
        self.durationChanged.emit(int(duration))

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        if self._playing and not playing:
            self._advance(self.position())  # the bit heard since the last report
        if playing:
            # Time spent paused must not make the next step look plausible.
            self._reset_anchor(self.position())
        if playing != self._playing:
            self._playing = playing
            self.playingChanged.emit(playing)
        active = state != QMediaPlayer.PlaybackState.StoppedState
        if active != self._active:
            self._active = active
            self.activeChanged.emit(active)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()

    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        file = self._path
        if file is None:
            self.errorOccurred.emit(f"The recording couldn't be played ({detail}).")
            return
        problem = self._check_readable(file)
        if problem is None:
            if error == QMediaPlayer.Error.AccessDeniedError:
                problem = f"Mindful Desktop isn't allowed to open {_describe(file)}."
            else:
                problem = (
                    f"The recording {_describe(file)} can't be played. The file may be "
                    "damaged, or in a format Mindful Desktop doesn't know; importing it "
                    "again may help."
                )
        self.errorOccurred.emit(problem)

    @staticmethod
    def _check_readable(file: Path) -> str | None:
        if not file.exists():
            return (
                f"The recording {_describe(file)} can't be found. It may have been moved, "
                "renamed or deleted."
            )
        if not file.is_file():
            return f"{_describe(file)} is a folder, not a recording."
        if not os.access(file, os.R_OK):
            return f"Mindful Desktop isn't allowed to read the recording {_describe(file)}."
        if file.stat().st_size == 0:
            return f"The recording {_describe(file)} is empty, so there is nothing to play."
        return None
