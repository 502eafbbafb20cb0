"""A save the journal was too busy for: said in a sentence, and tried again by itself.

The window's connections wait only a moment for another program's lock (`WINDOW_BUSY_MS`),
so a busy journal never freezes the window; what was typed stays on screen, and a save that
happens as you type is tried again a few seconds later, until it goes through.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from mindful_desktop.errors import DatabaseLockedError, KnownError

RETRY_MS = 3000
RETRY_TEXT = " It will try again by itself in a few seconds."


class SaveRetry(QObject):
    def __init__(self, save: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(save)

    def failed(self, exc: KnownError) -> str:
        """The sentence to show for `exc`; a busy journal also schedules the next try (one
        at a time, however often the save fails meanwhile)."""
        if isinstance(exc, DatabaseLockedError):
            self.timer.start()
            return exc.message + RETRY_TEXT
        return exc.message

    def saved(self) -> None:
        self.timer.stop()
