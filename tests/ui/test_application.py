"""The application's lifetime: start, quitting during a practice, the window's place, errors."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import mindful_desktop.application as application_module
from mindful_desktop.application import Application
from mindful_desktop.paths import AppPaths
from mindful_desktop.settings import SettingsStore
from tests.conftest import FakeClock


class Boxes:
    """QMessageBox stand-in: records (kind, title, text) instead of blocking."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def recorder(self, kind: str) -> Callable[..., Any]:
        def show(_parent: object, title: str, text: str, *_args: object) -> Any:
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorded = Boxes()
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, recorded.recorder(kind))
    # pytest keeps its own faulthandler; the app's crash log is tested in a subprocess below.
    monkeypatch.setattr(application_module, "enable_crash_traces", lambda _dir: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return recorded


@pytest.fixture
def make_app(
    paths: AppPaths, clock: FakeClock, qtbot: QtBot, boxes: Boxes
) -> Iterator[Callable[[], Application]]:
    made: list[Application] = []

    def make() -> Application:
        app = Application(paths, clock)
        made.append(app)
        assert app.start() is None
        assert app.window is not None
        return app

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Application, "_warm_up", lambda self: None)
        yield make
    for app in made:
        app.shutdown()


def seen_welcome(paths: AppPaths) -> None:
    from mindful_desktop.db.migrate import open_database

    db = open_database(paths)
    SettingsStore(db).set("welcome_seen", True)
    db.close()


def test_quitting_during_a_track_logs_what_was_heard_and_says_so(
    make_app: Callable[[], Application], paths: AppPaths, boxes: Boxes, qtbot: QtBot
) -> None:
    seen_welcome(paths)
    app = make_app()
    assert app.window is not None and app.ctx is not None
    app.window.start_practice("breath")
    player = app.ctx.playback.player
    qtbot.waitUntil(player.is_playing, timeout=10000)
    player.listened_ms = lambda: 125_000  # type: ignore[method-assign]  # two minutes heard
    ctx = app.ctx
    app.window.close()
    (session,) = ctx.practice.sessions()
    assert session.practice_id == "breath" and round(session.minutes) == 2
    assert not session.completed
    kind, title, text = boxes.shown[-1]
    assert kind == "information" and "2 minutes of Mindfulness of the breath" in text
    app.shutdown()  # and nothing is logged twice
    from mindful_desktop.db.migrate import open_database

    db = open_database(paths)
    assert len(db.query("SELECT id FROM practice_session")) == 1
    db.close()


def test_logging_out_during_the_silent_timer_logs_the_sit(
    make_app: Callable[[], Application], paths: AppPaths, qtbot: QtBot
) -> None:
    seen_welcome(paths)
    app = make_app()
    assert app.ctx is not None
    playback = app.ctx.playback
    playback.timer_logger.start()
    playback.timer.elapsed_ms = lambda: 6 * 60_000  # type: ignore[method-assign]
    app._session_ending(None)
    (session,) = app.ctx.practice.sessions()
    assert session.kind == "timer" and round(session.minutes) == 6
    app.shutdown()


def test_the_window_and_its_dialogs_wear_the_app_icon_and_name_the_menu_entry(
    make_app: Callable[[], Application], paths: AppPaths
) -> None:
    from mindful_desktop import APP_ID
    from mindful_desktop.ui.app_icon import WINDOW_ICON_SIZES

    seen_welcome(paths)
    app = make_app()
    assert app.window is not None
    for icon in (app.window.windowIcon(), app.qt.windowIcon()):
        assert {s.width() for s in icon.availableSizes()} == set(WINDOW_ICON_SIZES)
    assert app.qt.desktopFileName() == APP_ID


def test_the_window_reopens_where_it_was_left(
    make_app: Callable[[], Application], paths: AppPaths
) -> None:
    seen_welcome(paths)
    app = make_app()
    assert app.window is not None
    app.window.resize(870, 610)
    app.window.show_page("journal")
    app.shutdown()
    again = make_app()
    assert again.window is not None
    # The offscreen screen is 800 pixels wide: Qt keeps a restored window on the screen, so
    # only its height (the default is 780) can show the size coming back here.
    assert again.window.height() == 610
    assert again.window.width() <= 870
    assert again.window.current_page_key() == "journal"


def test_the_welcome_shows_on_first_start_only(
    make_app: Callable[[], Application], paths: AppPaths
) -> None:
    from mindful_desktop.ui.dialogs.welcome import WelcomeDialog

    app = make_app()
    assert app.window is not None
    dialog = app.window.findChild(WelcomeDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.begin_button.click()
    app.shutdown()
    again = make_app()
    assert again.window is not None and again.window.findChild(WelcomeDialog) is None


def test_a_damaged_journal_during_a_refresh_shows_its_own_sentence(
    make_app: Callable[[], Application],
    paths: AppPaths,
    boxes: Boxes,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen_welcome(paths)
    app = make_app()
    assert app.ctx is not None and app.window is not None
    monkeypatch.setattr(sys, "excepthook", app.excepthook)
    # The file is damaged behind the app's back; the next read finds out.
    app.ctx.db.close()
    for extra in ("-wal", "-shm"):
        Path(f"{paths.db_path}{extra}").unlink(missing_ok=True)
    with open(paths.db_path, "r+b") as f:
        f.write(b"this is no longer a database" * 4)
    today = app.window.page("today")
    with qtbot.capture_exceptions() as caught:
        QTimer.singleShot(0, today.refresh)  # type: ignore[attr-defined]
        qtbot.wait(50)
    for exc_info in caught:  # what a slot raised goes to sys.excepthook in the app
        app.excepthook(*exc_info)
    kind, title, text = boxes.shown[-1]
    assert kind == "warning"
    assert title == "Your journal file is damaged" and str(paths.db_path) in text
    assert "unexpected" not in text


def test_a_bug_in_a_slot_is_logged_with_its_traceback(
    make_app: Callable[[], Application], paths: AppPaths, boxes: Boxes
) -> None:
    seen_welcome(paths)
    app = make_app()
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError as exc:
        app.excepthook(type(exc), exc, exc.__traceback__)
    assert "Something unexpected went wrong" in boxes.shown[-1][2]
    logged = (paths.logs_dir / "mindful-desktop.log").read_text()
    assert "ZeroDivisionError: a bug" in logged and "Traceback" in logged
    assert (paths.logs_dir / "mindful-desktop.log").stat().st_mode & 0o777 == 0o600


def test_a_native_crash_leaves_a_trace_in_the_log_folder(tmp_path: Path) -> None:
    probe = (
        "import faulthandler, pathlib, sys\n"
        "from mindful_desktop.logs import enable_crash_traces\n"
        "enable_crash_traces(pathlib.Path(sys.argv[1]))\n"
        "faulthandler._sigsegv()\n"
    )
    subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, timeout=60)
    crash = (tmp_path / "crash.log").read_text()
    assert "Fatal Python error" in crash and "Segmentation fault" in crash
    assert (tmp_path / "crash.log").stat().st_mode & 0o777 == 0o600


def test_a_journal_that_cannot_be_opened_is_explained_at_start(
    paths: AppPaths, clock: FakeClock, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mindful_desktop.errors import DatabaseLockedError

    def busy(_paths: AppPaths, _clock: object = None, busy_ms: int = 0) -> None:
        raise DatabaseLockedError("Another program is using your journal right now.")

    monkeypatch.setattr(application_module.AppContext, "open", busy)
    app = Application(paths, clock)
    assert app.start() == 2
    assert boxes.shown[-1] == (
        "critical",
        "Your journal is busy",
        "Another program is using your journal right now.",
    )
    assert app.window is None


def test_a_long_log_is_rotated_at_start(tmp_path: Path) -> None:
    from mindful_desktop.logs import rotate

    log = tmp_path / "mindful-desktop.log"
    for n in range(4):
        log.write_text(f"run {n}\n" * 200)
        rotate(log, max_bytes=1000, keep=3)
    assert not log.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["mindful-desktop.log.1", "mindful-desktop.log.2", "mindful-desktop.log.3"]
    assert (tmp_path / "mindful-desktop.log.1").read_text().startswith("run 3")
    small = tmp_path / "small.log"
    small.write_text("short\n")
    rotate(small, max_bytes=1000)
    assert small.read_text() == "short\n"


def test_reopen_swaps_the_journal_under_a_new_window(
    make_app: Callable[[], Application], paths: AppPaths, qtbot: QtBot
) -> None:
    seen_welcome(paths)
    app = make_app()
    assert app.window is not None and app.ctx is not None
    app.window.show_page("checkin")
    old_ctx, old_window = app.ctx, app.window
    app.reopen()
    assert app.ctx is not None and app.window is not None
    assert app.ctx is not old_ctx and app.window is not old_window
    assert app.window.isVisible() and app.window.current_page_key() == "checkin"
    app.ctx.checkins.add(6)  # the reopened journal works
    assert app.window.page("today").model.rowCount() == 1  # type: ignore[attr-defined]


def test_reminders_and_the_tray_start_after_the_first_frame_and_after_a_reopen(
    make_app: Callable[[], Application], paths: AppPaths, qtbot: QtBot
) -> None:
    seen_welcome(paths)
    app = make_app()
    assert app.presence is None  # nothing of it before the window is up
    qtbot.waitUntil(lambda: app.presence is not None, timeout=5000)
    first = app.presence
    assert first is not None and app.window is not None
    assert app.window.reminder_bar is not None
    app.reopen()
    assert app.presence is not None and app.presence is not first  # the new journal's own
