"""The player's QMediaPlayer and QAudioOutput come from Qt's own constructors (audio/native.py):
no Python-aware subclass for the FFmpeg renderer's thread to wait on, the same signals to
Python, owned and deleted by their parent, and a dead wrapper that raises instead of crashing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from pytestqt.qtbot import QtBot

from mindful_desktop.audio import native
from mindful_desktop.audio.player import Player
from tests.audio.test_player import tones  # noqa: F401 - fixture

__all__ = ["tones"]

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux symbols")


@linux_only
def test_the_player_objects_are_made_by_qt_not_by_python(qtbot: QtBot) -> None:
    assert native.available()
    player = Player()
    media = player._media
    output = media.audioOutput()
    assert isinstance(media, QMediaPlayer) and isinstance(output, QAudioOutput)
    assert not shiboken6.createdByPython(media)  # PySide's subclass would ask Python
    assert not shiboken6.createdByPython(output)
    assert not shiboken6.ownedByPython(media)  # the Player owns it, not the collector
    assert media.parent() is player and output.parent() is player
    player.stop()
    shiboken6.delete(player)


def test_play_and_stop_deliver_signals_to_python(
    qtbot: QtBot,
    tones: dict[str, Path],  # noqa: F811
) -> None:
    owner = QObject()
    media = native.media_player(owner)
    media.setAudioOutput(native.audio_output(owner))
    sources: list[QUrl] = []
    states: list[QMediaPlayer.PlaybackState] = []
    media.sourceChanged.connect(sources.append)
    media.playbackStateChanged.connect(states.append)
    url = QUrl.fromLocalFile(str(tones["medium"]))
    media.setSource(url)
    assert sources == [url]
    with qtbot.waitSignal(media.durationChanged, timeout=5000):
        pass
    media.play()
    qtbot.waitUntil(lambda: media.position() > 200, timeout=10000)
    for _ in range(3):  # stop and play again while the last renderer is torn down
        media.stop()
        media.play()
    media.stop()
    assert states[-1] == QMediaPlayer.PlaybackState.StoppedState
    shiboken6.delete(owner)


def test_the_wrapper_dies_with_the_object(qtbot: QtBot) -> None:
    owner = QObject()
    media = native.media_player(owner)
    gone: list[bool] = []
    media.destroyed.connect(lambda *_: gone.append(True))
    shiboken6.delete(owner)  # the parent deletes its children in C++
    assert gone == [True]
    assert not shiboken6.isValid(media)
    with pytest.raises(RuntimeError, match="already deleted"):
        media.stop()
