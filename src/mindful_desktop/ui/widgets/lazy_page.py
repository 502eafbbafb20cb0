"""A page built the first time it is shown, so start-up doesn't pay for heavy imports."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    built = Signal(QWidget)  # the page, once it exists

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build: Callable[[], QWidget] | None = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.page is None:
            assert self._build is not None
            self.page = self._build()
            self._build = None
            self._layout.addWidget(self.page)
            if self.isVisible():
                self.page.show()
            self.built.emit(self.page)
        return self.page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.ensure_built()
        super().showEvent(event)
