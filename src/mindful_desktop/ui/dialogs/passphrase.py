"""Asking for the passphrase: at start, before anything of the journal is loaded, and to
unlock a locked window. A wrong one says so and lets the person try again, never "damaged"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.ui.widgets.common import label

WRONG_SENTENCE = "That passphrase doesn't open this journal. Check it and try again."


def passphrase_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(320)
    return field


class PassphrasePanel(QWidget):
    """The words, the field, the sentence when it didn't fit: the start window and the lock
    screen share it. `opens(passphrase)` says whether it fits; `unlocked(passphrase)` follows."""

    def __init__(
        self,
        title: str,
        lead: str,
        opens: Callable[[str], bool],
        unlocked: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._opens = opens
        self._unlocked = unlocked
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 28, 32, 16)
        column.setSpacing(12)
        column.addWidget(label(title, "PageTitle"))
        column.addWidget(label(lead))
        self.field = passphrase_field("Passphrase")
        self.field.returnPressed.connect(self.try_it)
        column.addWidget(self.field)
        self.error = label("", "Error")
        self.error.hide()
        column.addWidget(self.error)

    def try_it(self) -> bool:
        passphrase = self.field.text()
        if not passphrase or not self._opens(passphrase):
            self.error.setText(WRONG_SENTENCE)
            self.error.show()
            self.field.selectAll()
            self.field.setFocus()
            return False
        self.error.hide()
        self.field.clear()
        self._unlocked(passphrase)
        return True


class PassphraseDialog(QDialog):
    """The calm window before the journal opens."""

    def __init__(self, opens: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mindful Desktop")
        self.passphrase: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 16)
        self.panel = PassphrasePanel(
            "Your journal is protected",
            "Enter your passphrase to open your journal.",
            opens,
            self._unlocked,
        )
        layout.addWidget(self.panel)
        buttons = QDialogButtonBox()
        buttons.setContentsMargins(32, 0, 32, 0)
        self.open_button = buttons.addButton("Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("Primary")
        self.open_button.setDefault(True)
        quit_button = buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.panel.try_it)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(QSize(520, 260))
        self.panel.field.setFocus()

    def _unlocked(self, passphrase: str) -> None:
        self.passphrase = passphrase
        self.accept()
