"""A card holding a short list (a real item model, two lines a row) and the buttons that act
on it: "Add…" always, "Edit…" and "Delete" on the chosen row. The list is as tall as its rows,
up to a limit past which it scrolls, so a page of several such cards reads as one column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListView, QPushButton, QWidget

from mindful_desktop.ui.models.rows import Row, RowsModel
from mindful_desktop.ui.widgets.common import Card, label
from mindful_desktop.ui.widgets.two_line_delegate import TwoLineDelegate

MAX_LIST_PX = 300


class FittedList(QListView):
    """A list as tall as its rows (up to `MAX_LIST_PX`); Enter acts on the current row."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LessonList")
        self.setAccessibleName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)
        # Rows wrap to the list's width: a wider list lays its rows out again (Qt only does
        # that for word-wrapping lists), else rows keep the height of their first, narrow
        # layout.
        self.setWordWrap(True)
        self.activate: Callable[[], object] | None = None
        self.doubleClicked.connect(lambda _index: self._activate())

    def fit(self) -> None:
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = sum(self.sizeHintForRow(r) + 2 * self.spacing() for r in range(rows))
        self.setFixedHeight(max(24, min(MAX_LIST_PX, height + 2 * self.frameWidth() + 2)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # rows wrap to the new width
            self.scheduleDelayedItemsLayout()
            self.fit()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        # Tabbing in makes a row current without choosing it: choose it, so what the
        # buttons act on is the row that shows as chosen.
        current = self.currentIndex()
        selection = self.selectionModel()
        if current.isValid() and not selection.isSelected(current):
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate()
            return
        super().keyPressEvent(event)

    def _activate(self) -> None:
        if self.activate is not None:
            self.activate()


class ListCard(Card):
    def __init__(self, title: str, hint: str, list_name: str, empty: str) -> None:
        super().__init__(title)
        if hint:
            self.hint = label(hint, "Muted")
            self.body.addWidget(self.hint)
        self.model = RowsModel(self)
        self.list = FittedList(list_name)
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.body.addWidget(self.list)
        self.empty = label(empty, "Muted")
        self.body.addWidget(self.empty)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addStretch(1)
        self.body.addLayout(self.buttons)
        self.status = label("", "Muted")
        self.status.hide()
        self.body.addWidget(self.status)
        self._chosen_buttons: list[QPushButton] = []
        self.list.selectionModel().currentChanged.connect(self._selection)
        self.list.selectionModel().selectionChanged.connect(self._selection)

    def button(self, text: str, slot: Callable[[], object], *, chosen: bool = False) -> QPushButton:
        """A button in the card's row; `chosen` ones act on the chosen row and wait for one."""
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        if chosen:
            self._chosen_buttons.append(button)
            button.setEnabled(False)
        return button

    def set_rows(self, rows: list[Row]) -> None:
        """The rows now, keeping the chosen one chosen when it is still there."""
        keep = self.chosen()
        self.model.set_rows(rows)
        self.list.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self.list.fit()
        self._selection()

    def choose(self, payload: Any) -> None:
        row = self.model.row_of(payload)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def chosen(self) -> Any:
        """The payload of the row shown as chosen (current and selected), if any."""
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        return self.model.data(index, RowsModel.PayloadRole)

    def say(self, text: str, error: bool = False) -> None:
        name = "Error" if error else "Muted"
        if self.status.objectName() != name:
            self.status.setObjectName(name)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _selection(self, *_args: object) -> None:
        chosen = self.chosen() is not None
        for button in self._chosen_buttons:
            button.setEnabled(chosen)
        self.selection_changed()

    def selection_changed(self) -> None:
        """Subclasses follow the chosen row here (a button's words)."""
