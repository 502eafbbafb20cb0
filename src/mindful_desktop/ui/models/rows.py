"""A simple list model over (text, payload) rows, for lists that need no special roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    text: str
    payload: Any = None
    tooltip: str = ""
    bold: bool = False
    detail: str = ""  # a second line, for delegates that show one
    badge: str = ""  # a short status mark, for delegates that show one


class RowsModel(QAbstractListModel):
    PayloadRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, payload: Any) -> int:
        for i, row in enumerate(self._rows):
            if row.payload == payload:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return row_data(self._rows[index.row()], role)


def row_data(row: Row, role: int) -> Any:
    """What a list model answers for `row` in `role` (shared by RowsModel and the paged one)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return row.text
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return " ".join(part for part in (row.text, row.detail, row.tooltip) if part)
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.tooltip or None
    if role == Qt.ItemDataRole.FontRole and row.bold:
        font = QFont()
        font.setBold(True)
        return font
    if role == RowsModel.PayloadRole:
        return row.payload
    if role == RowsModel.RowRole:
        return row
    return None
