"""The application: owns the app's lifetime from the first frame to a clean shutdown.

`Application` holds the QApplication, paths, logging, the instance guard, the open journal
with its services (`AppContext`), the window, and the links between them. It can close and
reopen the journal (`reopen()`, for a restore or a new passphrase), and it shuts down cleanly:
a practice still running is logged as Stop would log it, and the person is told.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mindful_desktop import APP_ID, APP_NAME
from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.sqlite import WINDOW_BUSY_MS
from mindful_desktop.errors import DatabaseCorruptError, KnownError
from mindful_desktop.logs import enable_crash_traces, setup_logging
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext

if TYPE_CHECKING:
    from mindful_desktop.presence import Presence
    from mindful_desktop.single_instance import InstanceGuard
    from mindful_desktop.ui.main_window import MainWindow

log = logging.getLogger("mindful_desktop")

# The instance server and the warm-up wait this long after the first frame: the frame is on
# screen by then, and the work (QtNetwork, importing SQLAlchemy on a thread) does not hold up
# the events that follow it, such as the window manager mapping it or a first click.
AFTER_FIRST_FRAME_MS = 150


def practice_saved_text(logged: list[str]) -> str:
    return (
        f"Your practice so far is saved in your log: {' and '.join(logged)}. "
        "Nothing you practised is lost."
    )


class Application(QObject):
    def __init__(self, paths: AppPaths, clock: Clock = system_clock) -> None:
        app = QApplication.instance()
        if app is None:
            from mindful_desktop.ui.theme import mark_styled, style_arguments

            app = QApplication(sys.argv[:1] + style_arguments())
            mark_styled(app)
        assert isinstance(app, QApplication)
        super().__init__()
        self.qt = app
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        # The desktop matches the window to the menu entry by this name (Wayland's app id).
        app.setDesktopFileName(APP_ID)
        from mindful_desktop.ui.app_icon import app_icon

        app.setWindowIcon(app_icon())  # the window's, and every dialog's and message's
        self.paths = paths
        self.clock = clock
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.presence: Presence | None = None
        self._first_frame_shown = False
        self.guard: InstanceGuard | None = None
        self._showing_error: str | None = None
        self._stopped = False

    # --- start ------------------------------------------------------------------------------

    def start(self) -> int | None:
        """Everything up to the first frame. Returns an exit code when the app can't start."""
        try:
            self.paths.ensure()
        except KnownError as exc:
            QMessageBox.critical(None, exc.title, exc.message)
            return 2
        setup_logging(self.paths.logs_dir)
        enable_crash_traces(self.paths.logs_dir)
        sys.excepthook = self.excepthook

        from mindful_desktop.single_instance import InstanceGuard

        self.guard = InstanceGuard(self.paths, self)
        try:
            alone = self.guard.acquire(listen=False)
        except KnownError as exc:
            log.warning("Could not take the instance lock: %s", exc.message)
            QMessageBox.critical(None, exc.title, exc.message)
            return 2
        if not alone:
            if self.guard.ask_running_instance_to_show():
                return 0
            QMessageBox.information(
                None,
                APP_NAME,
                "Mindful Desktop is already open with this data folder, but didn't answer. "
                "Wait a moment and try again, or close the other window first.",
            )
            return 1
        from mindful_desktop.privacy import ask_passphrase, unlock_at_start

        if not unlock_at_start(self.paths, ask_passphrase):
            self.guard.release()
            return 0
        try:
            try:
                self.open()
            except DatabaseCorruptError as exc:
                if not self._recover(exc):
                    self.guard.release()
                    return 2
        except KnownError as exc:
            log.warning("Could not open the journal: %s", exc.message)
            QMessageBox.critical(None, exc.title, exc.message)
            self.guard.release()
            return 2
        assert self.window is not None
        self.guard.activationRequested.connect(self.window.bring_to_front)
        self.qt.aboutToQuit.connect(self.shutdown)
        self.qt.commitDataRequest.connect(self._session_ending)
        # After the first frame is painted, SQLAlchemy is imported off the main thread, ready
        # for the first save (started any earlier, it would compete with that frame).
        self.window.installEventFilter(self)
        return None

    def _recover(self, exc: DatabaseCorruptError) -> bool:
        """A damaged journal at start: copy it aside, explain, offer the newest good backup.
        Nothing is written to the damaged file, whatever is chosen. True when it reopened."""
        from mindful_desktop.db.restore import restore_backup
        from mindful_desktop.recovery import assess

        log.warning("Damaged journal at start: %s", exc.message)
        damage = assess(self.paths, f"{exc.why or exc.message}.")
        now = self.clock().astimezone().replace(tzinfo=None)
        if not self.ask_to_restore(damage.explain(now), damage.backup is not None):
            return False
        assert damage.backup is not None
        restore_backup(self.paths, damage.backup.path, keep_current=False)
        log.info("Restored %s after damage", damage.backup.path.name)
        self.open()
        return True

    def ask_to_restore(self, text: str, can_restore: bool) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Your journal file is damaged", text)
        quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        restore = None
        if can_restore:
            restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(restore)
        else:
            box.setDefaultButton(quit_button)
        box.exec()
        return restore is not None and box.clickedButton() is restore

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(AFTER_FIRST_FRAME_MS, self._after_first_frame)
        return False

    def run(self) -> int:
        # Start-up makes many objects that live as long as the app (modules, Qt's enums, the
        # window): the cycle collector would only walk them again and again. It is back on
        # as soon as the first frame is up.
        gc.disable()
        try:
            code = self.start()
        except BaseException:
            gc.enable()
            raise
        if code is not None:
            gc.enable()
            return code
        try:
            return self.qt.exec()
        finally:
            gc.enable()
            self.shutdown()

    def _after_first_frame(self) -> None:
        gc.enable()
        self._first_frame_shown = True
        self._start_presence()
        if self.guard is not None:
            self.guard.listen()
        self._warm_up()
        if self.ctx is not None:
            self.ctx.backups.start_daily()  # today's backup, in a worker thread

    def _warm_up(self) -> None:
        from mindful_desktop.db.database import warm_up

        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()

    # --- the journal and the window ---------------------------------------------------------

    def open(self) -> None:
        """Open the journal, build its services and show the window where it was left."""
        from mindful_desktop.ui.main_window import MainWindow
        from mindful_desktop.ui.theme import apply_base_theme, apply_style_sheet

        ctx = AppContext.open(self.paths, self.clock, busy_ms=WINDOW_BUSY_MS)
        self.ctx = ctx
        ctx.settings.changed.connect(self._on_setting)
        ctx.backups.restoreRequested.connect(self.restore)
        ctx.backups.importRequested.connect(self.import_export)
        from mindful_desktop.privacy import convert_in_app

        ctx.privacy.convertRequested.connect(lambda change: convert_in_app(self, change))
        dark = apply_base_theme(self.qt, ctx.settings.get("theme"))
        window = MainWindow(ctx)
        apply_style_sheet(self.qt, dark)  # once, over the built window (see theme.py)
        window.closing.connect(self._window_closing)
        window.restore_state()
        self.window = window
        window.watch_idle()
        window.show()
        if not ctx.settings.get("welcome_seen"):
            window.show_welcome()
        if self._first_frame_shown:  # a reopen (restore, import): no first frame to wait for
            self._start_presence()

    def _start_presence(self) -> None:
        """Reminders and the tray, after the first frame (asking the desktop for a tray, and
        the first reminder's queries, are not what the window waits for to appear)."""
        if self.ctx is None or self.window is None or self.presence is not None:
            return
        from mindful_desktop.presence import Presence

        self.presence = Presence(self.ctx, self.window, self.qt.quit, parent=self)

    def close(self) -> list[str]:
        """Finish any practice, keep what is being typed, remember the window, close the
        journal. Returns what practice was logged on the way."""
        logged: list[str] = []
        if self.window is not None:
            self.window.shutting_down = True
            self.window.keep_unsaved_text()
            self.window.save_state()
        if self.presence is not None:
            self.presence.close()
            self.presence.deleteLater()
            self.presence = None
        if self.ctx is not None:
            logged = self.ctx.finish_practice()
            for phrase in logged:
                log.info("Logged on closing: %s", phrase)
        if self.window is not None:
            self.window.closing.disconnect(self._window_closing)
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None
        return logged

    def reopen(self, while_closed: Callable[[], None] | None = None) -> None:
        """Close the journal, run `while_closed` (a restore swaps the file), open it again."""
        quit_on_close = self.qt.quitOnLastWindowClosed()
        self.qt.setQuitOnLastWindowClosed(False)
        try:
            self.close()
            try:
                if while_closed is not None:
                    while_closed()
            finally:
                self.open()
        finally:
            self.qt.setQuitOnLastWindowClosed(quit_on_close)
        if self.guard is not None and self.window is not None:
            self.guard.activationRequested.connect(self.window.bring_to_front)

    def restore(self, source: object) -> str:
        """Settings → Backups → Restore: swap the journal for `source` (a BackupInfo or a
        path) and reopen it in this window. Returns, and shows, what happened."""
        from mindful_desktop.db.backup import BackupInfo
        from mindful_desktop.db.restore import restore_backup

        path = source.path if isinstance(source, BackupInfo) else Path(str(source))

        def swap() -> str:
            before = restore_backup(self.paths, path)
            kept = (
                f" Your journal as it was a moment ago is kept as a backup too "
                f"({before.path.name}), in case you want it back."
                if before is not None
                else ""
            )
            return f"Your journal is now the backup {path.name}, checked whole.{kept}"

        return self._reopen_and_say("Restore", path, swap)

    def import_export(self, path: Path, data: dict[str, Any]) -> str:
        """Settings → Import an export…: fill the (empty) journal from `data`, read from
        `path`, and reopen it so every page shows it. Returns, and shows, what happened."""
        from mindful_desktop.db.backup import ENTRY_TABLES
        from mindful_desktop.db.migrate import open_database
        from mindful_desktop.domain.words import count
        from mindful_desktop.services.importer import import_data

        def fill() -> str:
            db = open_database(self.paths)
            try:
                counts = import_data(db, data)
            finally:
                db.close()
            entries = sum(counts.get(name, 0) for name in ENTRY_TABLES)
            return (
                f"Your export {path.name} is in your journal now: "
                f"{count(entries, 'entry', 'entries')}, with your settings as they were."
            )

        return self._reopen_and_say("Import", path, fill)

    def _reopen_and_say(self, what: str, path: Path, change: Callable[[], str]) -> str:
        """Run `change` (a restore, an import) while the journal is closed, reopen it, and
        show on Settings the sentence it returned, or the one its KnownError carries."""
        outcome: list[str] = []

        def run() -> None:
            try:
                outcome.append(change())
            except KnownError as exc:
                outcome.append(exc.message)

        self.reopen(run)
        text = outcome[0] if outcome else "Nothing was changed."
        log.info("%s from %s: %s", what, path.name, text)
        if self.window is not None:
            self.window.show_page("settings")
            QMessageBox.information(self.window, what, text)
        return text

    def _on_setting(self, key: str) -> None:
        if key == "theme" and self.ctx is not None:
            from mindful_desktop.ui.theme import apply_theme

            apply_theme(self.qt, self.ctx.settings.get("theme"))

    # --- the end ----------------------------------------------------------------------------

    def _window_closing(self) -> None:
        """The person closed the window (or pressed Ctrl+Q): log a running practice and say so."""
        if self.ctx is None or self.window is None:
            return
        self.window.shutting_down = True
        logged = self.ctx.finish_practice()
        if logged:
            QMessageBox.information(
                self.window, "Your practice is saved", practice_saved_text(logged)
            )

    def _session_ending(self, _manager: object) -> None:
        """Logout or shutdown: no time to ask anything, only to save."""
        if self.ctx is not None:
            for phrase in self.ctx.finish_practice():
                log.info("Logged as the session ended: %s", phrase)
        if self.window is not None:
            self.window.keep_unsaved_text()
            self.window.save_state()

    def shutdown(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self.ctx is not None:
            self.ctx.backups.daily_on_close()  # the app was open since before today began
        try:
            self.close()
        except KnownError as exc:
            log.warning("While closing: %s", exc.message)
        if self.guard is not None:
            self.guard.release()

    # --- errors -----------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """Wherever it surfaces (a refresh, a timer, a slot): the environment's fault is
        shown as its own sentence; a bug is logged with its traceback."""
        if isinstance(exc, KnownError):
            log.warning("%s: %s", exc.title, exc.message)
            self.show_error(exc.title, exc.message)
            return
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        self.show_error(
            APP_NAME,
            "Something unexpected went wrong. Everything you had saved is safe. "
            f"The details are in {self.paths.logs_dir}, in case you want to report it.",
        )

    def show_error(self, title: str, message: str) -> None:
        if self._showing_error == message:
            return  # the same sentence is already on screen (a timer failing again)
        self._showing_error = message
        try:
            QMessageBox.warning(self.window, title, message)
        finally:
            self._showing_error = None
