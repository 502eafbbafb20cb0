"""Optional parts of a check-in: a few emotion words, and hours of sleep. Hidden until asked for.

The panel (thirty-odd buttons) is built the first time it is opened, not with Today.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.mood import EMOTION_WORDS
from mindful_desktop.ui.widgets.common import static_label

NOT_RECORDED = -0.5


class CheckInExtras(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.toggle = QPushButton("+ Add feelings and sleep (optional)")
        self.toggle.setObjectName("Link")
        self.toggle.setCheckable(True)
        layout.addWidget(self.toggle, 0)
        self._layout = layout
        self.panel: QWidget | None = None
        self.chips: dict[str, QPushButton] = {}
        self.sleep: QDoubleSpinBox | None = None
        self.toggle.toggled.connect(self._show)

    def _build_panel(self) -> QWidget:
        self.panel = QWidget()
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(6)
        panel.addWidget(
            static_label("Any of these words fit? Choose as many as you like.", "Muted")
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for i, word in enumerate(EMOTION_WORDS):
            chip = QPushButton(word)
            chip.setObjectName("Chip")
            chip.setCheckable(True)
            chip.setAccessibleName(f"Feeling: {word}")
            grid.addWidget(chip, i // 6, i % 6)
            self.chips[word] = chip
        panel.addLayout(grid)
        sleep_row = QHBoxLayout()
        sleep_row.addWidget(static_label("Hours of sleep last night", "Muted", wrap=False))
        self.sleep = QDoubleSpinBox()
        self.sleep.setRange(NOT_RECORDED, 24.0)
        self.sleep.setSingleStep(0.5)
        self.sleep.setDecimals(1)
        self.sleep.setSpecialValueText("Not recorded")
        self.sleep.setValue(NOT_RECORDED)
        self.sleep.setAccessibleName("Hours of sleep last night")
        self.sleep.setMinimumWidth(130)
        sleep_row.addWidget(self.sleep)
        sleep_row.addStretch(1)
        panel.addLayout(sleep_row)
        self._layout.addWidget(self.panel)
        return self.panel

    def _show(self, shown: bool) -> None:
        (self.panel or self._build_panel()).setVisible(shown)
        self.toggle.setText(
            "− Hide feelings and sleep" if shown else "+ Add feelings and sleep (optional)"
        )

    def emotions(self) -> list[str]:
        return [word for word, chip in self.chips.items() if chip.isChecked()]

    def sleep_hours(self) -> float | None:
        if self.sleep is None:
            return None
        value = self.sleep.value()
        return None if value <= NOT_RECORDED else value

    def set_values(self, emotions: tuple[str, ...], sleep_hours: float | None) -> None:
        """Show a saved check-in's feelings and sleep (the panel opens when there are any)."""
        if emotions or sleep_hours is not None:
            self.toggle.setChecked(True)
        if self.panel is None:
            return
        for word, chip in self.chips.items():
            chip.setChecked(word in emotions)
        if self.sleep is not None:
            self.sleep.setValue(NOT_RECORDED if sleep_hours is None else sleep_hours)

    def clear(self) -> None:
        for chip in self.chips.values():
            chip.setChecked(False)
        if self.sleep is not None:
            self.sleep.setValue(NOT_RECORDED)
