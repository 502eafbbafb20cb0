"""First start: what the app is and is not, where the data lives, that nothing leaves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from mindful_desktop.errors import KnownError
from mindful_desktop.services.crisis import CrisisService
from mindful_desktop.texts import DISCLAIMER, EMERGENCY_HINT, PRIVACY, WELCOME_LEAD
from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.common import label


class WelcomeDialog(QDialog):
    """With `crisis`, it also asks for the person's country (suggested from the system's
    settings, chosen by them), so the crisis screen can show that country's lines."""

    def __init__(
        self, data_dir: Path, parent: QWidget | None = None, crisis: CrisisService | None = None
    ) -> None:
        super().__init__(parent)
        self._crisis = crisis
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
        self.country: QComboBox | None = None
        if crisis is not None:
            layout.addWidget(label("Your country", "CardTitle"))
            layout.addWidget(
                label(
                    "So that the crisis screen shows helplines that work where you are. You "
                    "can change it at any time, on the crisis screen or in Settings."
                )
            )
            self.country = QComboBox()
            self.country.setAccessibleName("Your country, for crisis helplines")
            self.country.addItem("Choose your country…", "")
            for code, name in crisis.countries():
                self.country.addItem(name, code)
            self.country.addItem("My country isn't listed", "")
            suggested = crisis.suggested_country() or ""
            self.country.setCurrentIndex(max(0, self.country.findData(suggested)))
            self.country.setMaximumWidth(360)
            layout.addWidget(self.country)
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
        buttons.accepted.connect(self._begin)
        outer.addWidget(buttons)
        fit_to_window(self, QSize(680, 760))

    def _begin(self) -> None:
        if self._crisis is not None and self.country is not None:
            code = str(self.country.currentData() or "")
            if code:
                try:
                    self._crisis.set_country(code)
                except KnownError:
                    pass  # a full disk: the crisis screen asks for the country instead
        self.accept()
