"""A damaged journal at start, damaged in several ways: the file is copied aside byte for byte,
the person is told in plain words and offered the newest good backup; nothing is ever written
to the damaged file, whatever they choose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.application import Application
from mindful_desktop.db.backup import backup_database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths
from mindful_desktop.recovery import damaged_dir
from mindful_desktop.services.checkins import CheckInService
from tests.conftest import FakeClock
from tests.ui.test_application import Boxes, boxes  # noqa: F401 - fixture

__all__ = ["boxes"]


def _garble(path: Path, start: int, length: int) -> None:
    data = bytearray(path.read_bytes())
    data[start : start + length] = b"\xa5" * length
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "header": lambda p: _garble(p, 0, 100),
    "schema page": lambda p: _garble(p, 100, 3000),
    "data pages": lambda p: _garble(p, 4096 * 3, 4096 * 6),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 3 + 7]),
    "zero bytes": lambda p: p.write_bytes(b""),
    "garbage": lambda p: p.write_bytes(b"this is not a journal " * 400),
}


@pytest.fixture
def journal_with_backup(paths: AppPaths, clock: FakeClock) -> AppPaths:
    db = open_database(paths)
    checkins = CheckInService(db, clock)
    for n in range(60):
        checkins.add(5, f"kept in the backup {n} " + "words " * 40)
    db.close()
    backup_database(paths.db_path, paths.backups_dir, "daily")
    db = open_database(paths)
    CheckInService(db, clock).add(2, "written after the backup")
    db.close()
    return paths


@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_journal_is_kept_aside_and_the_backup_offered(
    how: str,
    journal_with_backup: AppPaths,
    clock: FakeClock,
    qtbot: QtBot,
    boxes: Boxes,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = journal_with_backup
    DAMAGE[how](paths.db_path)
    damaged_bytes = paths.db_path.read_bytes()
    asked: list[str] = []

    def decline(_self: Application, text: str, can_restore: bool) -> bool:
        asked.append(text)
        assert can_restore
        return False

    monkeypatch.setattr(Application, "ask_to_restore", decline)
    app = Application(paths, clock)
    assert app.start() == 2  # Quit: the app closes
    assert app.window is None
    assert paths.db_path.read_bytes() == damaged_bytes  # not a byte written
    copies = list(damaged_dir(paths).glob("journal-*.sqlite3"))
    assert len(copies) == 1 and copies[0].read_bytes() == damaged_bytes
    assert "nothing has been written to it" in asked[0]
    assert "newest good backup" in asked[0] and "60 entries" in asked[0]


@pytest.mark.parametrize("how", ["data pages", "zero bytes"])
def test_restoring_the_backup_opens_the_window_on_it(
    how: str,
    journal_with_backup: AppPaths,
    clock: FakeClock,
    qtbot: QtBot,
    boxes: Boxes,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = journal_with_backup
    DAMAGE[how](paths.db_path)
    damaged_bytes = paths.db_path.read_bytes()
    monkeypatch.setattr(Application, "ask_to_restore", lambda _s, _t, _c: True)
    app = Application(paths, clock)
    try:
        assert app.start() is None
        assert app.window is not None and app.ctx is not None
        assert len(app.ctx.checkins.history()) == 60
        copy = next(damaged_dir(paths).glob("journal-*.sqlite3"))
        assert copy.read_bytes() == damaged_bytes
    finally:
        app.shutdown()
