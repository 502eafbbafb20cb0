"""The locked window: everything the journal shows is covered (and its open dialogs hidden)
until the passphrase is given again. A practice that is playing goes on playing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindful_desktop.ui.dialogs.passphrase import PassphrasePanel


class LockScreen(QWidget):
    """A child of the window that covers all of it, menu bar included."""

    def __init__(
        self, window: QWidget, opens: Callable[[str], bool], unlocked: Callable[[], None]
    ) -> None:
        super().__init__(window)
        self.setObjectName("LockScreen")
        self.setAutoFillBackground(True)
        self._window = window
        self._unlocked = unlocked
        self._hidden: list[QDialog] = []
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        self.panel = PassphrasePanel(
            "Mindful Desktop is locked",
            "Enter your passphrase to see your journal again. A practice that is playing goes on.",
            opens,
            lambda _p: self.unlock(),
        )
        inner.addWidget(self.panel)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setObjectName("Primary")
        self.unlock_button.clicked.connect(self.panel.try_it)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(32, 0, 32, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.hide()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
        return False

    @property
    def locked(self) -> bool:
        return self.isVisible()

    def lock(self) -> None:
        if self.locked:
            return
        # Dialogs are windows of their own: what they show is hidden too, and comes back.
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and w.parentWidget() is not None
        ]
        for dialog in self._hidden:
            dialog.hide()
        self.setGeometry(self._window.rect())
        self.raise_()
        self.show()
        self.panel.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        self.hide()
        for dialog in self._hidden:
            dialog.show()
        self._hidden = []
        self._unlocked()
