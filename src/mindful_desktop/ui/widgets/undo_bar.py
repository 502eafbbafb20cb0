"""A calm inline bar after a delete: "Check-in of 4 March deleted. [Undo] [×]", for a while.

A page offers it with the message and what Undo does; it hides itself after `timeout_ms`, when
closed, or when the page calls `dismiss()` at its next action. Only one undo is ever on offer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from mindful_desktop.errors import KnownError
from mindful_desktop.ui.widgets.common import label

UNDO_TIMEOUT_MS = 10_000


class UndoBar(QFrame):
    undone = Signal()

    def __init__(self, timeout_ms: int = UNDO_TIMEOUT_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Note")
        self.setAccessibleName("Undo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self.message = label("")
        layout.addWidget(self.message, 1)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo the delete")
        layout.addWidget(self.undo_button)
        self.close_button = QPushButton("×")
        self.close_button.setObjectName("Quiet")
        self.close_button.setAccessibleName("Close the undo bar")
        self.close_button.setToolTip("Close")
        layout.addWidget(self.close_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.dismiss)
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.dismiss)
        self._undo: Callable[[], object] | None = None
        self.hide()

    def offer(self, message: str, undo: Callable[[], object]) -> None:
        """Show `message` with an Undo button that calls `undo` (replacing any earlier offer)."""
        self._undo = undo
        self.message.setText(message)
        self.undo_button.show()
        self.show()
        self.timer.start()

    def dismiss(self) -> None:
        self.timer.stop()
        self._undo = None
        self.hide()

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        if undo is None:
            return
        try:
            undo()
        except KnownError as exc:  # say why, and leave the bar up for a moment to read it
            self.message.setText(exc.message)
            self.undo_button.hide()
            self.timer.start()
            return
        self.dismiss()
        self.undone.emit()
