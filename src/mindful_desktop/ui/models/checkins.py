"""A list model of check-ins for views (checked with pytest-qt's qtmodeltester)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mindful_desktop.domain.mood import mood_words
from mindful_desktop.services.checkins import CheckInView

_Index = QModelIndex | QPersistentModelIndex


class CheckInListModel(QAbstractListModel):
    CheckInRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CheckInView] = []

    def set_rows(self, rows: list[CheckInView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{row.when:%H:%M}   Mood {row.mood} of 10"
            if row.emotions:
                text += "  ·  " + ", ".join(row.emotions)
            if row.sleep_hours is not None:
                text += f"  ·  slept {row.sleep_hours:g} h"
            if row.note:
                text += f"\n{row.note}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Mood {row.mood} ({mood_words(row.mood)}) at {row.when:%H:%M}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.when:%H:%M}, mood {row.mood} of 10, {mood_words(row.mood)}. {row.note}"
        if role == self.CheckInRole:
            return row
        return None
