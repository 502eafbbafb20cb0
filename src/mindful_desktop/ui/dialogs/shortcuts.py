"""Help → Keyboard shortcuts: every key the app answers to, grouped by where it works."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.ui.dialogs.frame import crisis_button, fit_to_window, vertical_scroll
from mindful_desktop.ui.widgets.common import static_label


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_window(self, QSize(620, 620))
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(24, 20, 24, 20)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        line = 0
        group = None
        for where, keys, what in rows:
            if where != group:
                group = where
                heading = static_label(where, "CardTitle")
                if line:
                    grid.setRowMinimumHeight(line, 12)
                    line += 1
                grid.addWidget(heading, line, 0, 1, 2)
                line += 1
            key_label = static_label(keys, "ShortcutKeys", wrap=False)
            grid.addWidget(key_label, line, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(static_label(what), line, 1)
            line += 1
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(line, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(crisis_button(self), QDialogButtonBox.ButtonRole.HelpRole)
        layout = QVBoxLayout(self)
        layout.addWidget(vertical_scroll(holder, "Keyboard shortcuts"), 1)
        layout.addWidget(buttons)
