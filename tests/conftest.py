"""Fixtures: every test gets a fresh data folder; nothing touches the real home or network."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Qt or platformdirs is imported anywhere: headless, and a throwaway home directory.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_FAKE_HOME = Path(tempfile.mkdtemp(prefix="mindful-test-home-"))
for _var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_FAKE_HOME / _var.lower())
os.environ.pop("MINDFUL_DESKTOP_DATA_DIR", None)

from mindful_desktop.db.database import Database  # noqa: E402
from mindful_desktop.db.migrate import open_database  # noqa: E402
from mindful_desktop.paths import AppPaths  # noqa: E402

FIXED_NOW = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC).astimezone()


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    data = tmp_path / "data"
    monkeypatch.setenv("MINDFUL_DESKTOP_DATA_DIR", str(data))
    return AppPaths(data)


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = open_database(paths)
    yield database
    database.close()


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: dt.datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_tone(path: Path, seconds: float, freq: int = 440) -> Path:
    """A short real audio file (Opus unless the suffix says otherwise), made offline."""
    import subprocess

    import imageio_ffmpeg

    args = [imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi"]
    args += ["-i", f"sine=frequency={freq}:duration={seconds}", "-ac", "1"]
    if path.suffix == ".opus":
        args += ["-c:a", "libopus", "-b:a", "32k"]
    subprocess.run([*args, str(path)], check=True, timeout=60)
    return path


@pytest.fixture
def audio_dir(tmp_path: Path) -> Path:
    """A tiny bundled-audio folder: one 3-second track with captions, and a bell."""
    import json

    folder = tmp_path / "audio"
    folder.mkdir()
    make_tone(folder / "breath.opus", 3.0)
    make_tone(folder / "bell.opus", 1.0, 880)
    meta = {
        "id": "breath",
        "title": "Mindfulness of the breath",
        "description": "Short test track.",
        "weeks": [2, 3],
        "duration": 3.0,
        "file": "breath.opus",
        "cues": [
            {"start": 0.0, "end": 1.4, "text": "Welcome."},
            {"start": 1.6, "end": 2.8, "text": "Feel the breath."},
        ],
    }
    (folder / "breath.json").write_text(json.dumps(meta))
    return folder


@pytest.fixture
def make_player(qapp: object) -> Iterator[object]:
    """Players made in a test are destroyed in the test: a QMediaPlayer left for the garbage
    collector at interpreter exit can crash PySide during finalisation."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication

    from mindful_desktop.audio.player import Player

    made: list[Player] = []

    def make() -> Player:
        made.append(Player())
        return made[-1]

    yield make
    for player in made:
        if shiboken6.isValid(player):
            player.stop()
            shiboken6.delete(player)
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def _fresh_app_look() -> Iterator[None]:
    """Tests that render screenshots theme the shared QApplication; put its look back after."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


@pytest.fixture(autouse=True, scope="session")
def _quick_passphrase_keys() -> None:
    """SQLCipher derives each connection's key with 256,000 rounds of PBKDF2 (a fifth of a
    second): right for a person, too slow for hundreds of test journals. Its process-wide
    default is lowered for the tests only; the app never sets it."""
    from mindful_desktop.db.cipher import sqlcipher

    conn = sqlcipher().connect(":memory:")
    conn.execute("PRAGMA cipher_default_kdf_iter = 1000")
    conn.close()
