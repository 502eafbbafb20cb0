"""The journal's timeline (or search results) as a list model for the rich-row delegate."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mindful_desktop.services.journal import TimelineItem
from mindful_desktop.ui.widgets.rich_rows import HEADER_ROLE, HTML_ROLE

_Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, int]


class TimelineModel(QAbstractListModel):
    """Timeline items (or search results); `describe` turns one into (header, title line)."""

    ItemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, describe: Callable[[TimelineItem], tuple[str, str]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._describe = describe
        self._items: list[TimelineItem] = []
        self._texts: list[tuple[str, str]] = []

    def set_items(self, items: list[TimelineItem]) -> None:
        texts = [self._describe(i) for i in items]
        if items and [i.key for i in items] == [i.key for i in self._items]:
            # Same rows in the same order (an autosave): keep the view's selection and scroll.
            self._items, self._texts = list(items), texts
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, 0))
            return
        self.beginResetModel()
        self._items, self._texts = list(items), texts
        self.endResetModel()

    def append_items(self, items: list[TimelineItem]) -> None:
        if not items:
            return
        start = len(self._items)
        self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
        self._items += items
        self._texts += [self._describe(i) for i in items]
        self.endInsertRows()

    def items(self) -> list[TimelineItem]:
        return list(self._items)

    def item(self, row: int) -> TimelineItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, key: Key | None) -> int:
        return next((n for n, i in enumerate(self._items) if i.key == key), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        header, title = self._texts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == HEADER_ROLE:
            return header
        if role == HTML_ROLE:
            return item.snippet
        if role == Qt.ItemDataRole.AccessibleTextRole:
            excerpt = item.snippet.replace("<b>", "").replace("</b>", "")
            return ". ".join(p for p in (header, title, html.unescape(excerpt)) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return header
        if role == self.ItemRole:
            return item
        return None
