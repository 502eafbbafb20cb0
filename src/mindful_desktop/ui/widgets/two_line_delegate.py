"""Paints a RowsModel row as a small muted label over a title, with a status mark on the left."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mindful_desktop.ui.models.rows import Row, RowsModel

_PAD = 10
_MARK = 22


def paint_row_background(
    painter: QPainter, option: QStyleOptionViewItem
) -> tuple[QColor, QColor, bool]:
    """The rounded selection behind a row; returns (text colour, muted colour, selected)."""
    pal = option.palette
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    if selected:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(option.rect.adjusted(2, 1, -2, -1), 7, 7)
    text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    muted = text if selected else pal.color(QPalette.ColorRole.PlaceholderText)
    return text, muted, selected


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, str, bool, int, str], int] = {}
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setResizeMode(QListView.ResizeMode.Adjust)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(RowsModel.RowRole)
        if not isinstance(row, Row):
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        text_colour, muted, _selected = paint_row_background(painter, option)
        font = option.font
        small = type(font)(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        title_font = type(font)(font)
        title_font.setBold(row.bold)
        inner = rect.adjusted(_PAD, 6, -_PAD, -6)
        painter.setPen(text_colour if row.badge else muted)
        painter.drawText(
            QRect(inner.left(), inner.top(), _MARK, inner.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            row.badge,
        )
        text_rect = inner.adjusted(_MARK, 0, 0, 0)
        painter.setFont(small)
        painter.setPen(muted)
        small_h = _wrapped_height(small, text_rect.width(), row.text)
        painter.drawText(
            QRect(text_rect.left(), text_rect.top(), text_rect.width(), small_h),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            row.text,
        )
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(
            text_rect.adjusted(0, small_h + 1, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            row.detail,
        )
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(RowsModel.RowRole)
        if not isinstance(row, Row):
            return super().sizeHint(option, index)
        # A row is as wide as the viewport less the view's spacing on each side (measured
        # against the whole viewport, a title that just fits there wraps, and is cut, here).
        # Worked out once per row text, font and width: a list lays every row out again when
        # a page is fetched.
        row_width = self._view.viewport().width() - 2 * self._view.spacing()
        key = (row.text, row.detail, row.bold, row_width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 50_000:
                self._heights.clear()
            height = self._heights[key] = self.row_height(option, row, row_width)
        return QSize(0, height)

    def row_height(self, option: QStyleOptionViewItem, row: Row, row_width: int) -> int:
        """The height `row` needs at `row_width`: both lines wrap, so a narrow list ("weeks
        3, 4, 5, 6, 7, 8") never cuts words off."""
        font = option.font
        small = type(font)(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        title_font = type(font)(font)
        title_font.setBold(row.bold)
        width = max(100, row_width) - 2 * _PAD - _MARK
        small_h = _wrapped_height(small, width, row.text)
        detail_h = _wrapped_height(title_font, width, row.detail)
        return small_h + detail_h + 16


def _wrapped_height(font: QFont, width: int, text: str) -> int:
    metrics = QFontMetrics(font)
    if not text:
        return metrics.height()
    return metrics.boundingRect(
        QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
    ).height()
