"""The player plays real Opus files offscreen and reports through its own signals."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.audio.player import Player
from mindful_desktop.audio.processing import ffmpeg_exe
from tests.fakes import FakeBackend


def make_tone(folder: Path, name: str, seconds: float) -> Path:
    path = folder / name
    subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y"]
        + ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
        + ["-c:a", "libopus", "-b:a", "32k", str(path)],
        check=True,
    )
    return path


@pytest.fixture(scope="module")
def tones(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tones")
    return {
        "short": make_tone(folder, "short.opus", 1.2),
        "medium": make_tone(folder, "medium.opus", 3.0),
    }


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[Player]:
    p = Player()
    yield p
    p.stop()
    p.deleteLater()


def load_and_wait(qtbot: QtBot, player: Player, path: Path) -> None:
    with qtbot.waitSignal(player.durationChanged, timeout=5000):
        assert player.load(path)
    assert player.duration() > 0


def test_plays_a_real_opus_file_to_the_end(qtbot: QtBot, player: Player, tones: dict) -> None:
    positions: list[int] = []
    playing: list[bool] = []
    sources: list[str] = []
    player.positionChanged.connect(positions.append)
    player.playingChanged.connect(playing.append)
    player.sourceChanged.connect(sources.append)

    load_and_wait(qtbot, player, tones["short"])
    assert sources == [str(tones["short"])]
    assert 1100 <= player.duration() <= 1300

    with qtbot.waitSignal(player.finished, timeout=5000):
        player.play()
        assert player.is_playing() or playing == []  # the backend may switch a moment later

    assert playing == [True, False]
    assert not player.is_playing()
    assert len(positions) >= 5, "position should be reported while playing"
    assert positions == sorted(positions)
    assert positions[-1] >= player.duration() - 100
    # Everything was heard once: about the whole length, never more.
    assert player.duration() - 200 <= player.listened_ms() <= player.duration() + 50


def test_forward_seek_is_not_counted_as_listening(
    qtbot: QtBot, player: Player, tones: dict
) -> None:
    load_and_wait(qtbot, player, tones["medium"])
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 300, timeout=5000)
    heard_before_seek = player.listened_ms()
    with qtbot.waitSignal(player.finished, timeout=5000):
        player.seek(2000)
    # ~300 ms before the seek and the last second after it; the 1.7 s skipped don't count.
    assert 200 <= heard_before_seek <= 600
    expected = heard_before_seek + player.duration() - 2000
    assert abs(player.listened_ms() - expected) <= 150


def test_seeking_back_and_listening_again_counts_again(
    qtbot: QtBot, player: Player, tones: dict
) -> None:
    load_and_wait(qtbot, player, tones["short"])
    player.play()
    qtbot.waitUntil(lambda: player.position() >= 500, timeout=5000)
    with qtbot.waitSignal(player.finished, timeout=5000):
        player.seek(0)
    assert player.listened_ms() >= player.duration() + 400


def test_pause_toggle_and_skip(qtbot: QtBot, player: Player, tones: dict) -> None:
    load_and_wait(qtbot, player, tones["medium"])
    with qtbot.waitSignal(player.playingChanged, check_params_cb=lambda p: p is True):
        player.toggle()
    qtbot.waitUntil(lambda: player.position() >= 200, timeout=5000)
    with qtbot.waitSignal(player.playingChanged, check_params_cb=lambda p: p is False):
        player.toggle()
    assert not player.is_playing()
    heard = player.listened_ms()

    player.skip(-10_000)
    assert player.position() == 0
    player.skip(600)
    assert player.position() == 600
    player.skip(10_000_000)
    assert player.position() == player.duration()
    assert player.listened_ms() == heard, "seeking while paused is not listening"

    player.stop()
    assert player.position() == 0


def test_volume_is_clamped(player: Player) -> None:
    assert player.volume() == 1.0
    player.set_volume(0.4)
    assert player.volume() == pytest.approx(0.4)
    player.set_volume(3)
    assert player.volume() == 1.0
    player.set_volume(-1)
    assert player.volume() == 0.0


def test_missing_file_is_reported_and_nothing_changes(
    qtbot: QtBot, player: Player, tones: dict, tmp_path: Path
) -> None:
    load_and_wait(qtbot, player, tones["short"])
    sources: list[str] = []
    player.sourceChanged.connect(sources.append)
    missing = tmp_path / "Body scan (week 1).opus"

    with qtbot.waitSignal(player.errorOccurred) as blocker:
        assert player.load(missing) is False

    message = blocker.args[0]
    assert "“Body scan (week 1).opus”" in message
    assert "can't be found" in message
    assert str(tmp_path) in message
    assert sources == []
    assert player.source() == tones["short"]
    assert player.duration() > 0


def test_damaged_file_is_reported_kindly(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    broken = tmp_path / "broken.opus"
    broken.write_bytes(b"not really audio " * 200)
    with qtbot.waitSignal(player.errorOccurred, timeout=5000) as blocker:
        player.load(broken)
    assert "“broken.opus”" in blocker.args[0]
    assert "damaged" in blocker.args[0]


def test_empty_file_is_refused(qtbot: QtBot, player: Player, tmp_path: Path) -> None:
    empty = tmp_path / "empty.opus"
    empty.touch()
    with qtbot.waitSignal(player.errorOccurred) as blocker:
        assert player.load(empty) is False
    assert "empty" in blocker.args[0]


def test_a_jump_faster_than_time_is_never_counted(tones: dict) -> None:
    now = [0.0]
    backend = FakeBackend()
    player = Player(backend=backend, clock=lambda: now[0])  # type: ignore[arg-type]
    assert player.load(tones["short"])
    player.play()
    for _ in range(10):  # ten seconds of steady playing
        now[0] += 1000
        backend.report(backend.pos + 1000)
    assert player.listened_ms() == 10_000
    # A stale report from before a seek, then the seek's own report: neither was heard.
    player.seek(300_000)
    now[0] += 40
    backend.report(10_040)
    now[0] += 10
    backend.report(300_000)
    now[0] += 1000
    backend.report(301_000)
    assert player.listened_ms() == 11_000
    # Time spent paused doesn't make a later jump look heard.
    player.pause()
    now[0] += 60_000
    player.play()
    now[0] += 50
    backend.report(360_000)
    assert player.listened_ms() == 11_000


def test_active_means_playing_or_paused_until_stopped(tones: dict) -> None:
    backend = FakeBackend()
    player = Player(backend=backend)  # type: ignore[arg-type]
    seen: list[bool] = []
    player.activeChanged.connect(seen.append)
    assert player.load(tones["short"]) and not player.is_active()
    player.play()
    player.pause()
    assert player.is_active() and not player.is_playing()
    player.stop()
    assert not player.is_active()
    assert seen == [True, False]


def test_the_position_is_announced_four_times_a_second_and_at_once_after_a_seek(
    tones: dict,
) -> None:
    now = [0.0]
    backend = FakeBackend()
    player = Player(backend=backend, clock=lambda: now[0])  # type: ignore[arg-type]
    heard: list[int] = []
    player.positionChanged.connect(heard.append)
    assert player.load(tones["short"])
    player.play()
    for _ in range(40):  # two seconds of reports, 20 a second, as the FFmpeg backend makes
        now[0] += 50
        backend.report(backend.pos + 50)
    assert heard == [50, 300, 550, 800, 1050, 1300, 1550, 1800]
    assert player.listened_ms() == 2000  # every report still counts as listening
    player.seek(90_000)
    assert heard[-1] == 90_000  # a seek is shown straight away
    player.pause()
    backend.report(90_020)
    assert heard[-1] == 90_020  # and any report while paused
