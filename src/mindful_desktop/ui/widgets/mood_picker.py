"""Choose a mood from 0 to 10: eleven round buttons with labelled ends, nothing preselected."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.mood import (
    MOOD_HIGH_LABEL,
    MOOD_LOW_LABEL,
    MOOD_MAX,
    MOOD_MIN,
    mood_words,
)
from mindful_desktop.ui.widgets.common import static_label


class MoodPicker(QWidget):
    """No default value: a preselected number would nudge the answer."""

    moodChanged = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(4 if compact else 8)
        self.buttons: list[QPushButton] = []
        for value in range(MOOD_MIN, MOOD_MAX + 1):
            button = QPushButton(str(value))
            button.setObjectName("MoodButtonSmall" if compact else "MoodButton")
            button.setCheckable(True)
            button.setAccessibleName(f"Mood {value} of {MOOD_MAX}, {mood_words(value)}")
            button.setToolTip(f"{value}: {mood_words(value)}")
            self.group.addButton(button, value)
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)
        # The end labels sit under the first and last buttons: their box is as wide as the
        # row of buttons at most (a maximum, so it never makes the picker wider).
        self._ends_box = QWidget()
        ends = QHBoxLayout(self._ends_box)
        ends.setContentsMargins(0, 0, 0, 0)
        self._low = static_label(f"{MOOD_MIN} · {MOOD_LOW_LABEL}", "Muted", wrap=False)
        self._high = static_label(f"{MOOD_MAX} · {MOOD_HIGH_LABEL}", "Muted", wrap=False)
        ends.addWidget(self._low)
        ends.addStretch(1)
        ends.addWidget(self._high)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self._ends_box)
        self._ends_box.setVisible(not compact)  # a compact picker's label says what 0 and 10 are
        self.group.idToggled.connect(self._on_toggled)

    def _on_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.moodChanged.emit(self.value())

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else chosen

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            self.moodChanged.emit(None)
        else:
            self.buttons[value - MOOD_MIN].setChecked(True)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.buttons:
            span = self.buttons[-1].geometry().right() - self.buttons[0].geometry().left() + 1
            self._ends_box.setMaximumWidth(max(span, self._ends_box.minimumSizeHint().width()))
