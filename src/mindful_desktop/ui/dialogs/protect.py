"""Protect the journal with a passphrase, change it, or remove it: what it means first (a
forgotten passphrase opens nothing, for anyone), the passphrase twice with a plain hint about
its strength, and what happens to the backups and recordings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.db.protect import strength_hint
from mindful_desktop.errors import KnownError
from mindful_desktop.services.privacy import PrivacyService
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.dialogs.passphrase import passphrase_field
from mindful_desktop.ui.widgets.common import label

SET, CHANGE, REMOVE = "set", "change", "remove"
FORGET = (
    "If you forget the passphrase, nobody can open your journal: not you, not the people "
    "who made Mindful Desktop, not anyone. There is no way to reset it. Write it down "
    "somewhere safe, away from this computer."
)
EXPORT_FIRST = (
    "Before you go on, you may want to export your data: a plain file you can keep in a "
    "safe place (it is not protected by the passphrase)."
)
RECORDINGS = (
    "Recordings you imported stay as they are: they are audio files in your data folder, "
    "not part of the journal."
)


class ProtectDialog(QDialog):
    def __init__(
        self,
        privacy: PrivacyService,
        mode: str,
        export: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._privacy = privacy
        self.mode = mode
        titles = {
            SET: "Protect your journal with a passphrase",
            CHANGE: "Change your passphrase",
            REMOVE: "Remove the passphrase",
        }
        self.setWindowTitle(titles[mode])
        fit_to_window(self, QSize(600, 640))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(28, 22, 28, 8)
        column.setSpacing(10)
        column.addWidget(label(titles[mode], "PageTitle"))
        if mode == SET:
            column.addWidget(
                label(
                    "With a passphrase, your journal and its backups are stored encrypted: "
                    "someone who can read your files (a shared computer, a lost disk) can't "
                    "read what you wrote. The app asks for it each time it starts."
                )
            )
            column.addWidget(label(FORGET, "Status"))
            column.addWidget(label(EXPORT_FIRST, "Muted"))
            self.export_button = QPushButton("Export my data first…")
            self.export_button.setAutoDefault(False)
            if export is not None:
                self.export_button.clicked.connect(export)
            row = QHBoxLayout()
            row.addWidget(self.export_button)
            row.addStretch(1)
            column.addLayout(row)
        elif mode == REMOVE:
            column.addWidget(
                label(
                    "Your journal and its backups will be stored without a passphrase again, "
                    "readable by anyone who can read your files."
                )
            )
        form = QFormLayout()
        self.current = passphrase_field("Current passphrase")
        self.new = passphrase_field("New passphrase")
        self.again = passphrase_field("New passphrase again")
        if mode in (CHANGE, REMOVE):
            form.addRow("Current passphrase", self.current)
        if mode in (SET, CHANGE):
            form.addRow("New passphrase" if mode == CHANGE else "Passphrase", self.new)
            form.addRow("Again", self.again)
        column.addLayout(form)
        self.hint = label("", "Muted")
        self.hint.setVisible(mode in (SET, CHANGE))
        self.new.textChanged.connect(self._hint)
        column.addWidget(self.hint)
        self.rewrite = QRadioButton("Protect my existing backups with it too (recommended)")
        self.delete = QRadioButton("Delete my existing backups")
        self.rewrite.setChecked(True)
        if mode != REMOVE:
            column.addWidget(self.rewrite)
            column.addWidget(self.delete)
        column.addWidget(label(RECORDINGS, "Muted"))
        self.error = label("", "Error")
        self.error.hide()
        column.addWidget(self.error)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 12)
        outer.addWidget(vertical_scroll(holder, self.windowTitle()), 1)
        buttons = QDialogButtonBox()
        labels = {SET: "Protect my journal", CHANGE: "Change it", REMOVE: "Remove it"}
        self.ok_button = buttons.addButton(labels[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("Primary")
        cancel = buttons.addButton("Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        buttons.accepted.connect(self.go)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(28, 0, 28, 0)
        outer.addWidget(buttons)
        self._hint()

    def _hint(self, *_args: object) -> None:
        text = self.new.text()
        self.hint.setText(strength_hint(text) if text else "A few words you'll remember work well.")

    def go(self) -> None:
        old = self.current.text() if self.mode in (CHANGE, REMOVE) else None
        new = self.new.text() if self.mode in (SET, CHANGE) else None
        try:
            self._privacy.request(old, new, self.again.text(), self.delete.isChecked())
        except KnownError as exc:
            self.error.setText(exc.message if exc.message else exc.title)
            self.error.show()
            return
        self.accept()
