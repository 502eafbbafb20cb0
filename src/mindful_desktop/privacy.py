"""The app's side of a protected journal: the passphrase asked for before anything loads,
converting the journal while it is closed, and the idle lock.

`unlock_at_start` runs before the journal opens. `Application.convert_journal` closes the
journal, runs `db.protect.convert`, and opens it again. `IdleLock` watches the app's input
events and asks the window to lock after the chosen minutes without use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from mindful_desktop.db.cipher import is_protected, key_for, opens_with, unlock
from mindful_desktop.errors import KnownError
from mindful_desktop.paths import AppPaths

if TYPE_CHECKING:
    from mindful_desktop.application import Application
    from mindful_desktop.services.privacy import Conversion

log = logging.getLogger(__name__)

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


def unlock_at_start(paths: AppPaths, ask: Callable[[Callable[[str], bool]], str | None]) -> bool:
    """True when the journal can be opened: it isn't protected, its key is unlocked, or the
    person gave the passphrase (`ask` shows the window; None: they chose to quit)."""
    if not is_protected(paths.db_path) or key_for(paths.db_path) is not None:
        return True
    passphrase = ask(lambda p: opens_with(paths.db_path, p))
    if passphrase is None:
        return False
    unlock(paths.data_dir, passphrase)
    return True


def ask_passphrase(opens: Callable[[str], bool]) -> str | None:
    """The calm window before anything loads; None when the person chose Quit."""
    from mindful_desktop.ui.dialogs.passphrase import PassphraseDialog

    dialog = PassphraseDialog(opens)
    dialog.exec()
    return dialog.passphrase


def convert_in_app(app: Application, change: Conversion) -> str:
    """Close the journal, rewrite it (and its backups) under the new passphrase or none, and
    open it again in this window; Settings shows the sentence that says what happened."""
    from mindful_desktop.db.protect import convert

    said: list[str] = []

    def work() -> None:
        try:
            done = convert(app.paths, change.old, change.new, change.remove_backups)
        except KnownError as exc:
            log.warning("Passphrase change failed: %s", exc.message)
            said.append(exc.message)
            return
        backups = (
            f"{done.backups_removed} old backups deleted"
            if change.remove_backups
            else f"{done.backups_rewritten} backups rewritten"
        )
        if change.new is None:
            said.append(f"Your journal is no longer protected by a passphrase ({backups}).")
        elif change.old is None:
            said.append(f"Your journal is now protected by your passphrase ({backups}).")
        else:
            said.append(f"Your passphrase is changed ({backups}).")
        log.info("Journal protection changed (%s)", backups)  # never the passphrase

    app.reopen(work)
    message = said[0] if said else ""
    if app.window is not None:
        page = app.window.page("settings")
        app.window.show_page("settings")
        show = getattr(page, "show_privacy", None)
        if show is not None:
            show(message)
    return message


class IdleLock(QObject):
    """Calls `lock` after `minutes` without a key, click or movement anywhere in the app."""

    def __init__(self, lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._lock)
        self.minutes = 0

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, minutes)
        self.poke()

    def poke(self) -> None:
        if self.minutes:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT and self.timer.isActive():
            self.timer.start()  # again from now
        return False
