"""The data folder turns against the app: read-only, full, or the journal held by another
program. Each is a sentence that says which, never a traceback, never "already open", and a
busy journal never holds the window up."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mindful_desktop.application import Application
from mindful_desktop.db.migrate import open_database
from mindful_desktop.db.sqlite import WINDOW_BUSY_MS
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.settings import SettingsStore
from mindful_desktop.ui.pages.journal import JournalPage
from mindful_desktop.ui.pages.today import TodayPage
from mindful_desktop.ui.widgets import save_retry
from tests.conftest import FakeClock
from tests.ui.test_application import Boxes, boxes, make_app  # noqa: F401 - fixtures

__all__ = ["boxes", "make_app"]


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _a_journal(folder: Path, clock: FakeClock) -> AppPaths:
    paths = AppPaths(folder)
    db = open_database(paths)
    SettingsStore(db).set("welcome_seen", True)
    CheckInService(db, clock).add(6, "written before the folder turned")
    db.close()
    return paths


@pytest.fixture
def read_only_folder(tmp_path: Path, clock: FakeClock) -> Iterator[AppPaths]:
    """A journal in a folder that can't be written: a read-only mount (as root, who may
    write anywhere else), or a folder without write permission (as anyone else)."""
    source = tmp_path / "data"
    _a_journal(source, clock)
    if os.geteuid() != 0:
        source.chmod(0o500)
        yield AppPaths(source)
        source.chmod(0o700)
        return
    view = tmp_path / "read-only"
    view.mkdir()
    bound = _mount("--bind", str(source), str(view))
    if not (bound and _mount("-o", "remount,ro,bind", str(view))):
        _unmount(view)
        pytest.skip("this machine can't make a read-only mount")
    try:
        yield AppPaths(view)
    finally:
        _unmount(view)


def _fill(folder: Path, leave_pages: int) -> None:
    """Fill the disk under `folder`, then give back `leave_pages` pages of 4 KiB."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - leave_pages * 4096))


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "small-disk"
    where.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(where)):
        pytest.skip("this machine can't mount a small disk (needs root)")
    try:
        yield where
    finally:
        _unmount(where)


def test_a_read_only_folder_is_a_sentence_not_already_open(
    read_only_folder: AppPaths,
    clock: FakeClock,
    boxes: Boxes,  # noqa: F811
) -> None:
    before = read_only_folder.db_path.read_bytes()
    app = Application(read_only_folder, clock)
    assert app.start() == 2
    assert app.window is None
    ((kind, _title, text),) = boxes.shown
    assert kind == "critical"
    assert str(read_only_folder.data_dir) in text
    assert "read-only" in text or "isn't allowed to write" in text
    assert "already open" not in text
    assert read_only_folder.db_path.read_bytes() == before


@pytest.mark.parametrize("free_pages", [0, 1], ids=["nothing free", "room for the lock only"])
def test_a_full_disk_at_start_says_the_disk_is_full(
    free_pages: int,
    small_disk: Path,
    clock: FakeClock,
    boxes: Boxes,  # noqa: F811
) -> None:
    paths = _a_journal(small_disk / "data", clock)
    before = paths.db_path.read_bytes()
    _fill(small_disk, free_pages)
    app = Application(paths, clock)
    assert app.start() == 2
    assert app.window is None
    ((kind, _title, text),) = boxes.shown
    assert kind == "critical"
    assert "is full" in text and "already open" not in text
    assert paths.db_path.read_bytes() == before  # nothing lost


@pytest.fixture
def held_journal(paths: AppPaths, clock: FakeClock) -> Iterator[sqlite3.Connection]:
    """Another program holding the journal's write lock (as a sync tool or a second copy of
    SQLite might); released by `.rollback()`."""
    _a_journal(paths.data_dir, clock)
    other = sqlite3.connect(paths.db_path, isolation_level=None, timeout=0)
    yield other
    other.close()


def _hold(other: sqlite3.Connection) -> None:
    other.execute("BEGIN IMMEDIATE")


def test_the_window_waits_only_a_moment_for_a_busy_journal(
    make_app: Callable[[], Application],  # noqa: F811
    held_journal: sqlite3.Connection,
    qtbot: QtBot,
) -> None:
    app = make_app()
    assert app.ctx is not None and app.window is not None
    db = app.ctx.db
    assert db.busy_ms == WINDOW_BUSY_MS < 1000
    # The window's real connections, the reader and the writer's, carry the short wait.
    assert db.query_one("PRAGMA busy_timeout")[0] == WINDOW_BUSY_MS  # type: ignore[index]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == WINDOW_BUSY_MS

    today = app.window.page("today")
    assert isinstance(today, TodayPage)
    _hold(held_journal)
    qtbot.mouseClick(today.mood.buttons[4], Qt.MouseButton.LeftButton)
    today.note.setPlainText("a note while the file is held")
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    assert "Another program is using your journal" in today.status.text()
    assert today.note.toPlainText() == "a note while the file is held"  # nothing lost
    assert [c.note for c in app.ctx.checkins.history()] == ["written before the folder turned"]

    held_journal.rollback()  # the other program lets go: pressing Save again works
    qtbot.mouseClick(today.save_button, Qt.MouseButton.LeftButton)
    notes = [c.note for c in app.ctx.checkins.history()]
    assert "a note while the file is held" in notes
    assert today.note.toPlainText() == ""


def test_a_save_as_you_type_tries_again_by_itself(
    make_app: Callable[[], Application],  # noqa: F811
    held_journal: sqlite3.Connection,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(save_retry, "RETRY_MS", 200)
    app = make_app()
    assert app.ctx is not None and app.window is not None
    app.window.show_page("journal")
    journal = app.window.page("journal")
    assert isinstance(journal, JournalPage)
    _hold(held_journal)
    journal.body_edit.setPlainText("Words typed while another program held the file.")
    assert journal.save_now() is False
    assert "try again by itself" in journal.status.text()
    assert journal.body_edit.toPlainText().startswith("Words typed while")
    typed = "Words typed while another program held the file."
    ctx = app.ctx

    def saved() -> bool:
        return any(item.body == typed for item in ctx.journal.timeline())

    assert not saved()
    held_journal.rollback()
    qtbot.waitUntil(saved, timeout=5000)  # nobody pressed anything
    assert journal.status.text() == "Saved in your journal."
