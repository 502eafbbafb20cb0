"""Settings → Privacy: protect the journal with a passphrase (or change or remove it), lock
the window now, and lock it after some minutes without use."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSpinBox, QWidget

from mindful_desktop.services.privacy import PrivacyService
from mindful_desktop.ui.dialogs.protect import CHANGE, REMOVE, SET, ProtectDialog
from mindful_desktop.ui.widgets.common import Card, label

EXPORT_IS_PLAIN = "An export is a plain file by nature: it is not protected by your passphrase."


class PrivacyCard(Card):
    def __init__(
        self,
        privacy: PrivacyService,
        export: Callable[[], object],
        lock: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Privacy")
        self._privacy = privacy
        self._export = export
        self.state = label("")
        self.body.addWidget(self.state)
        row = QHBoxLayout()
        self.protect_button = QPushButton("Protect my journal with a passphrase…")
        self.change_button = QPushButton("Change passphrase…")
        self.remove_button = QPushButton("Remove protection…")
        self.lock_button = QPushButton("Lock now")
        for button in (
            self.protect_button,
            self.change_button,
            self.remove_button,
            self.lock_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)
        idle = QHBoxLayout()
        self.lock_after = label("Lock after", wrap=False)
        idle.addWidget(self.lock_after)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setSpecialValueText("never")
        self.minutes.setSuffix(" minutes without use")
        self.minutes.setAccessibleName("Lock after minutes without use")
        self.minutes.setValue(privacy.lock_after_minutes())
        self.minutes.valueChanged.connect(privacy.set_lock_after)
        idle.addWidget(self.minutes)
        idle.addStretch(1)
        self.body.addLayout(idle)
        self.note = label(
            "While locked, a practice that is playing goes on, and reminders say only that "
            "it is time for your practice.",
            "Muted",
        )
        self.body.addWidget(self.note)
        self.protect_button.clicked.connect(lambda: self.open_dialog(SET))
        self.change_button.clicked.connect(lambda: self.open_dialog(CHANGE))
        self.remove_button.clicked.connect(lambda: self.open_dialog(REMOVE))
        self.lock_button.clicked.connect(lock)
        self.refresh()

    def refresh(self) -> None:
        on = self._privacy.protected()
        self.state.setText(
            "Your journal is protected by a passphrase: its file and backups are encrypted."
            if on
            else "Your journal isn't protected by a passphrase: anyone who can read your "
            "files can read it."
        )
        self.protect_button.setVisible(not on)
        # Locking needs a passphrase to unlock with: its controls come with protection.
        for widget in (
            self.change_button,
            self.remove_button,
            self.lock_button,
            self.lock_after,
            self.minutes,
            self.note,
        ):
            widget.setVisible(on)

    def open_dialog(self, mode: str) -> ProtectDialog:
        dialog = ProtectDialog(self._privacy, mode, self._export, self)
        dialog.open()
        return dialog
