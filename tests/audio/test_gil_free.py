"""QMediaPlayer's stop and setSource through audio/gil_free.py: the same effects, signals
delivered to Python as usual, and (on Linux, where the app's FFmpeg backend froze the window
once in about twenty stops) the GIL-free path really taken."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from pytestqt.qtbot import QtBot

from mindful_desktop.audio import gil_free
from tests.audio.test_player import tones  # noqa: F401 - fixture

__all__ = ["tones"]


@pytest.fixture
def media(qtbot: QtBot) -> Iterator[QMediaPlayer]:
    player = QMediaPlayer()
    output = QAudioOutput(player)
    player.setAudioOutput(output)
    yield player
    gil_free.stop(player)
    shiboken6.delete(player)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux symbol names")
def test_the_gil_free_calls_are_found_on_linux() -> None:
    assert gil_free.available()


def test_set_source_and_stop_do_what_the_pyside_calls_do(
    media: QMediaPlayer,
    qtbot: QtBot,
    tones: dict[str, Path],  # noqa: F811
) -> None:
    sources: list[QUrl] = []
    states: list[QMediaPlayer.PlaybackState] = []
    media.sourceChanged.connect(sources.append)
    media.playbackStateChanged.connect(states.append)
    url = QUrl.fromLocalFile(str(tones["medium"]))
    gil_free.set_source(media, url)
    assert media.source() == url
    assert sources == [url]  # a Python slot, called from inside the GIL-free call
    with qtbot.waitSignal(media.durationChanged, timeout=5000):
        pass
    media.play()
    qtbot.waitUntil(lambda: media.position() > 200, timeout=10000)
    gil_free.stop(media)
    assert media.playbackState() == QMediaPlayer.PlaybackState.StoppedState
    assert states[-1] == QMediaPlayer.PlaybackState.StoppedState
    again = QUrl.fromLocalFile(str(tones["short"]))
    gil_free.set_source(media, again)  # while the renderer from before is being torn down
    assert media.source() == again
