"""The sidebar's "Now playing" while a practice goes on and the person is elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mindful_desktop.ui.main_window import MainWindow


def test_now_playing_follows_the_practice_on_other_pages(
    open_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    assert window.now_playing is None  # no player is built before Practice is
    window.start_practice("breath")
    now = window.now_playing
    assert now is not None
    player = window.ctx.playback.player
    qtbot.waitUntil(player.is_playing, timeout=5000)
    assert not now.isVisible()  # Practice has its own player

    window.show_page("journal")
    assert now.isVisible()
    assert now.title.text() == window.ctx.playback.tracker.track.title  # type: ignore[union-attr]
    assert [now.toggle.accessibleName(), now.stop.accessibleName()] == ["Pause", "Stop"]

    qtbot.mouseClick(now.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=5000)
    assert now.isVisible() and now.toggle.text() == "Play"  # paused is still under way
    qtbot.mouseClick(now.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(player.is_playing, timeout=5000)

    window.show_page("practice")
    assert not now.isVisible()
    window.show_page("today")
    assert now.isVisible()
    qtbot.mouseClick(now.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not player.is_active(), timeout=5000)
    assert not now.isVisible()
