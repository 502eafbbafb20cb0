"""The player as a keyboard and mouse use it: choosing, starting, seeking, Space, Stop."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider
from pytestqt.qtbot import QtBot

from mindful_desktop.audio.player import Player
from mindful_desktop.audio.timer import MeditationTimer
from mindful_desktop.db.database import Database
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.listening import ListeningTracker, TimerLogger
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.ui.pages.practice import PracticePage
from mindful_desktop.ui.widgets.player_panel import too_short_text
from tests.conftest import FakeClock
from tests.fakes import FakeBackend


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def page(
    db: Database,
    audio_dir: Path,
    paths: AppPaths,
    clock: FakeClock,
    backend: FakeBackend,
    qtbot: QtBot,
) -> Iterator[PracticePage]:
    paths.ensure()
    practice = PracticeService(db, audio_dir, paths.recordings_dir, clock)
    player = Player(backend=backend, clock=lambda: backend.now)  # type: ignore[arg-type]
    tracker = ListeningTracker(player, practice, clock)
    timer_logger = TimerLogger(MeditationTimer(), practice, clock)
    widget = PracticePage(practice, tracker, timer_logger)
    for obj in (player, tracker, timer_logger.timer, timer_logger):
        obj.setParent(widget)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _row_centre(page: PracticePage) -> QPoint:
    return page.list.visualRect(page.model.index(0, 0)).center()


def test_one_click_chooses_a_practice_and_play_starts_it(page: PracticePage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(page))
    panel = page.player_panel
    assert page._tracker.player.is_active() is False and page._tracker.track is None
    assert panel.title.text() == "Mindfulness of the breath" and panel.play.isEnabled()
    qtbot.mouseClick(panel.play, Qt.MouseButton.LeftButton)
    assert page._tracker.player.is_playing()
    assert panel.play.text() == "Pause" and panel.play.accessibleName() == "Pause"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Space])
def test_enter_or_space_on_a_focused_practice_starts_it(
    page: PracticePage, qtbot: QtBot, key: Qt.Key
) -> None:
    page.list.setFocus()
    page.list.setCurrentIndex(page.model.index(0, 0))
    assert not page._tracker.player.is_active()
    qtbot.keyClick(page.list, key)
    assert page._tracker.player.is_playing()
    assert page._tracker.track is not None and page._tracker.track.id == "breath"


def test_double_click_plays_and_the_playing_track_is_never_restarted(
    page: PracticePage, backend: FakeBackend, qtbot: QtBot
) -> None:
    qtbot.mouseDClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(page))
    player = page._tracker.player
    assert player.is_playing()
    backend.advance(20)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    qtbot.mouseDClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=_row_centre(page))
    assert player.is_playing() and player.position() == 20_000
    player.pause()
    page.play("breath")  # e.g. from a lesson: a paused practice goes on where it was
    assert player.is_playing() and player.position() == 20_000


def test_slider_keys_seek(page: PracticePage, backend: FakeBackend, qtbot: QtBot) -> None:
    page.play("breath")
    slider = page.player_panel.seek
    assert slider.maximum() == 600_000
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert backend.pos == 5_000
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert backend.pos == 35_000
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert backend.pos == 30_000
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert backend.pos == 0
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert backend.pos == 30_000
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert backend.pos == 600_000
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert backend.pos == 0
    backend.advance(3)  # the player moving the slider doesn't ask for a seek
    assert backend.pos == 3_000 and slider.value() == 3_000


def test_a_click_on_the_groove_jumps_there(
    page: PracticePage, backend: FakeBackend, qtbot: QtBot
) -> None:
    page.play("breath")
    slider = page.player_panel.seek
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    groove = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, slider
    )
    spot = QPoint(groove.left() + groove.width() * 3 // 4, groove.center().y())
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=spot)
    # Three quarters of ten minutes, give or take the handle's width; not one page (30 s).
    assert abs(backend.pos - 450_000) < 30_000


def test_space_plays_and_pauses_when_the_panel_has_focus(page: PracticePage, qtbot: QtBot) -> None:
    page.play("breath")
    panel = page.player_panel
    player = page._tracker.player
    panel.setFocus()
    qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert not player.is_playing() and player.is_active()
    assert panel.play.text() == "Play"
    panel.seek.setFocus()
    qtbot.keyClick(panel.seek, Qt.Key.Key_Space)
    assert player.is_playing()


def test_every_player_control_has_a_name(page: PracticePage) -> None:
    panel = page.player_panel
    names = [
        w.accessibleName()
        for w in (panel.back, panel.play, panel.forward, panel.stop, panel.seek, panel.volume)
    ]
    assert names == ["Back 15 seconds", "Play", "Forward 15 seconds", "Stop", "Position", "Volume"]
    assert panel.elapsed.accessibleDescription() == "Time played"
    assert panel.remaining.accessibleDescription() == "Time left"


def test_a_practice_stopped_too_soon_says_so(
    page: PracticePage, backend: FakeBackend, qtbot: QtBot
) -> None:
    track = page._practice.track("breath")
    assert track is not None
    page._tracker.start(dataclasses.replace(track, duration_s=600.0))
    backend.advance(40)
    panel = page.player_panel
    qtbot.mouseClick(panel.stop, Qt.MouseButton.LeftButton)
    assert panel.status.isVisible()
    assert panel.status.text() == (
        "Stopped after 40 seconds — too short to log. A minute or more counts."
    )
    assert page._practice.sessions() == []
    qtbot.mouseClick(panel.play, Qt.MouseButton.LeftButton)  # a fresh start clears it
    assert not panel.status.isVisible()


def test_a_practice_long_enough_is_logged_without_the_note(
    page: PracticePage, backend: FakeBackend, qtbot: QtBot
) -> None:
    track = page._practice.track("breath")
    assert track is not None
    page._tracker.start(dataclasses.replace(track, duration_s=600.0))
    backend.advance(61)
    qtbot.mouseClick(page.player_panel.stop, Qt.MouseButton.LeftButton)
    assert not page.player_panel.status.isVisible()
    assert len(page._practice.sessions()) == 1


def test_too_short_wording() -> None:
    assert too_short_text(1.2, 60) == (
        "Stopped after 1 second — too short to log. A minute or more counts."
    )
    assert too_short_text(0.3, 1.5) == (
        "Stopped after less than a second — too short to log. "
        "Half of this one (2 seconds) or more counts."
    )
