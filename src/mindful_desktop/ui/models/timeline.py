"""The journal's timeline (or search results) as a paged list model for the rich-row delegate."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mindful_desktop.services.journal import TimelineItem
from mindful_desktop.ui.models.paged import PagedModel
from mindful_desktop.ui.widgets.rich_rows import HEADER_ROLE, HTML_ROLE

_Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, int]


def _nothing(_last: TimelineItem | None, _limit: int) -> list[TimelineItem]:
    return []


class TimelineModel(PagedModel[TimelineItem]):
    """Timeline items (or search results), fetched a page at a time as the list scrolls;
    `describe` turns one into (header, title line), once per item shown."""

    ItemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, describe: Callable[[TimelineItem], tuple[str, str]], parent: Any = None
    ) -> None:
        super().__init__(_nothing, lambda i: i.key, lambda i: i.sort_key, parent)
        self._describe = describe
        self._texts: dict[Key, tuple[str, str]] = {}

    def reload(self) -> None:
        self._texts.clear()
        super().reload()

    def upsert(self, item: TimelineItem) -> int:
        self._texts.pop(item.key, None)
        return super().upsert(item)

    def _text(self, item: TimelineItem) -> tuple[str, str]:
        texts = self._texts.get(item.key)
        if texts is None:
            texts = self._texts[item.key] = self._describe(item)
        return texts

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == self.ItemRole:
            return item
        if role == HTML_ROLE:
            return item.snippet
        header, title = self._text(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == HEADER_ROLE:
            return header
        if role == Qt.ItemDataRole.AccessibleTextRole:
            excerpt = item.snippet.replace("<b>", "").replace("</b>", "")
            return ". ".join(p for p in (header, title, html.unescape(excerpt)) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return header
        return None
