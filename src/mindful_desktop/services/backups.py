"""The journal's backups as the app uses them: the list, "Back up now", the daily automatic
backup (in a worker thread, so the window never waits for it) and a sentence for each outcome.
A restore, or an import into the empty journal, is the Application's job (it closes and
reopens the journal, so every page shows what is now in it): this service only asks for it,
with `restoreRequested` and `importRequested`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.backup import (
    BackupInfo,
    backup_database,
    daily_made_on,
    list_backups,
    remove_backup,
)
from mindful_desktop.errors import KnownError
from mindful_desktop.paths import AppPaths

log = logging.getLogger(__name__)


class BackupService(QObject):
    changed = Signal()
    # A finished daily backup, from its worker thread (delivered on the main thread).
    _daily_done = Signal(object)
    restoreRequested = Signal(object)  # the BackupInfo or Path to restore from
    importRequested = Signal(object, object)  # the export's Path, and its data as read

    def __init__(self, paths: AppPaths, clock: Clock = system_clock) -> None:
        super().__init__()
        self._paths = paths
        self._clock = clock
        self._worker: threading.Thread | None = None
        self.last_problem: str | None = None
        self._daily_done.connect(self._after_daily)

    def list(self) -> list[BackupInfo]:
        return list_backups(self._paths.backups_dir)

    def _now(self) -> dt.datetime:
        return self._clock().astimezone().replace(tzinfo=None)

    def back_up_now(self) -> BackupInfo:
        """A manual backup. Raises KnownError with its sentence."""
        self.wait()
        info = backup_database(
            self._paths.db_path, self._paths.backups_dir, "manual", now=self._now()
        )
        self.last_problem = None
        self.changed.emit()
        return info

    def daily_due(self) -> bool:
        """Whether today has no daily backup yet: read from the file names alone, so the
        check after the first frame never opens a backup on the window's thread."""
        return not daily_made_on(self._paths.backups_dir, self._now().date())

    def start_daily(self) -> bool:
        """Begin today's daily backup in a worker thread, if today has none. Returns whether
        one was started."""
        if self._worker is not None and self._worker.is_alive():
            return False
        if not self.daily_due():
            return False
        now = self._now()
        self._worker = threading.Thread(
            target=self._run_daily, args=(now,), name="daily-backup", daemon=True
        )
        self._worker.start()
        return True

    def _run_daily(self, now: dt.datetime) -> None:
        try:
            info: BackupInfo | str = backup_database(
                self._paths.db_path, self._paths.backups_dir, "daily", now=now
            )
        except KnownError as exc:
            info = exc.message
        except Exception as exc:  # noqa: BLE001 - a worker must report, not die silently
            log.exception("The daily backup failed")
            info = f"The daily backup didn't work ({exc})."
        self._daily_done.emit(info)

    def _after_daily(self, outcome: object) -> None:
        if isinstance(outcome, BackupInfo):
            log.info("Daily backup: %s", outcome.path.name)
            self.last_problem = None
        else:
            log.warning("Daily backup: %s", outcome)
            self.last_problem = str(outcome)
        self.changed.emit()

    def daily_on_close(self) -> None:
        """On closing: today's backup, if the app has been open since before today began."""
        self.wait()
        if not self.daily_due():
            return
        try:
            backup_database(self._paths.db_path, self._paths.backups_dir, "daily", now=self._now())
        except KnownError as exc:
            log.warning("Daily backup on closing: %s", exc.message)

    def wait(self) -> None:
        """Let a daily backup that is being written finish (before closing or restoring)."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None

    def remove(self, info: BackupInfo) -> None:
        remove_backup(info)
        self.changed.emit()

    def remove_older_than(self, moment: dt.datetime) -> int:
        """Delete every backup made before `moment` (local time): after a deletion, the words
        are gone from the journal but older backups still hold them. Returns how many."""
        removed = 0
        for info in self.list():
            if info.made_at < moment:
                remove_backup(info)
                removed += 1
        if removed:
            self.changed.emit()
        return removed

    def request_restore(self, source: BackupInfo | Path) -> None:
        self.restoreRequested.emit(source)

    def request_import(self, path: Path, data: dict[str, object]) -> None:
        self.importRequested.emit(path, data)
