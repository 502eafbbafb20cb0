"""A chart built the first time there is something to draw, or a kind sentence instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mindful_desktop.ui.widgets.common import label

W = TypeVar("W", bound=QWidget)


class ChartSlot(QWidget, Generic[W]):
    """A chart, built the first time there is something to draw, or a kind sentence instead."""

    def __init__(self, make: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self.chart: W | None = None
        self.empty = label("", "Muted")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.empty)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.empty.show()
        if self.chart is not None:
            self.chart.hide()

    def show_chart(self) -> W:
        if self.chart is None:
            self.chart = self._make()
            self._layout.addWidget(self.chart)
        self.empty.hide()
        self.chart.show()
        return self.chart

    @property
    def showing_chart(self) -> bool:
        return self.chart is not None and not self.chart.isHidden()


def heading(text: str) -> QLabel:
    widget = label(text)
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)
    return widget
