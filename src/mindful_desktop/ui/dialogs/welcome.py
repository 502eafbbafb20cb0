"""First start: what the app is and is not, where the data lives, that nothing leaves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from mindful_desktop.texts import DISCLAIMER, EMERGENCY_HINT, PRIVACY, WELCOME_LEAD
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.common import label


class WelcomeDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Mindful Desktop")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 16)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(32, 28, 32, 8)
        layout.setSpacing(14)
        layout.addWidget(label("Welcome", "PageTitle"))
        layout.addWidget(label(WELCOME_LEAD))
        layout.addWidget(label("What this app is not", "CardTitle"))
        layout.addWidget(label(DISCLAIMER))
        layout.addWidget(label(EMERGENCY_HINT, "Muted"))
        layout.addWidget(label("Your privacy", "CardTitle"))
        layout.addWidget(label(PRIVACY))
        where = label(f"Your data folder: {data_dir}", "Muted")
        where.setAccessibleName("Your data folder")
        layout.addWidget(where)
        layout.addStretch(1)
        outer.addWidget(vertical_scroll(holder, self.windowTitle()), 1)
        buttons = QDialogButtonBox()
        buttons.setContentsMargins(32, 0, 32, 0)
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        self.begin_button = buttons.addButton("Begin", QDialogButtonBox.ButtonRole.AcceptRole)
        self.begin_button.setObjectName("Primary")
        self.begin_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        outer.addWidget(buttons)
        fit_to_window(self, QSize(680, 760))
