"""Paints a RowsModel row as a small muted label over a title, with a status mark on the left.

Short lists (lessons, worksheets) wrap both lines so no word is cut. Long lists (the practice
log, check-ins) pass `one_line_each=True`: each line is elided to fit and the rows are one
height, so a list of thousands lays out without asking each row its size; hovering a row
whose text was shortened shows all of it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

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


def _fonts(font: QFont, bold: bool) -> tuple[QFont, QFont]:
    """(the small muted line's font, the title's font)."""
    small = type(font)(font)
    small.setPointSizeF(font.pointSizeF() * 0.9)
    title = type(font)(font)
    title.setBold(bold)
    return small, title


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView, *, one_line_each: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._one_line = one_line_each
        self._heights: dict[tuple[str, str, bool, int, str], int] = {}
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setUniformItemSizes(one_line_each)

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
        small, title_font = _fonts(option.font, row.bold)
        inner = rect.adjusted(_PAD, 6, -_PAD, -6)
        painter.setPen(text_colour if row.badge else muted)
        painter.drawText(
            QRect(inner.left(), inner.top(), _MARK, inner.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            row.badge,
        )
        text_rect = inner.adjusted(_MARK, 0, 0, 0)
        width = text_rect.width()
        text, detail, wrap = row.text, row.detail, Qt.TextFlag.TextWordWrap
        if self._one_line:
            text = _elided(small, width, text)
            detail = _elided(title_font, width, detail)
            wrap = Qt.TextFlag(0)
        painter.setFont(small)
        painter.setPen(muted)
        small_h = QFontMetrics(small).height() if self._one_line else 0
        small_h = small_h or _wrapped_height(small, width, text)
        painter.drawText(
            QRect(text_rect.left(), text_rect.top(), width, small_h),
            Qt.AlignmentFlag.AlignLeft | wrap,
            text,
        )
        painter.setFont(title_font)
        painter.setPen(text_colour)
        painter.drawText(
            text_rect.adjusted(0, small_h + 1, 0, 0), Qt.AlignmentFlag.AlignLeft | wrap, detail
        )
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(RowsModel.RowRole)
        if not isinstance(row, Row):
            return super().sizeHint(option, index)
        if self._one_line:
            small, title_font = _fonts(option.font, row.bold)
            return QSize(0, QFontMetrics(small).height() + QFontMetrics(title_font).height() + 16)
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
        small, title_font = _fonts(option.font, row.bold)
        width = max(100, row_width) - 2 * _PAD - _MARK
        small_h = _wrapped_height(small, width, row.text)
        detail_h = _wrapped_height(title_font, width, row.detail)
        return small_h + detail_h + 16

    def helpEvent(  # noqa: N802
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Hovering a row whose lines were shortened shows them whole."""
        row = index.data(RowsModel.RowRole)
        if self._one_line and event.type() == QEvent.Type.ToolTip and isinstance(row, Row):
            if not row.tooltip and self.shortened(option, row, view.visualRect(index).width()):
                QToolTip.showText(event.globalPos(), f"{row.text}\n{row.detail}", view)
                return True
        return super().helpEvent(event, view, option, index)

    def shortened(self, option: QStyleOptionViewItem, row: Row, row_width: int) -> bool:
        """Whether either line of `row` is elided at `row_width`."""
        small, title_font = _fonts(option.font, row.bold)
        width = row_width - 2 * _PAD - _MARK
        return _elided(small, width, row.text) != row.text or (
            _elided(title_font, width, row.detail) != row.detail
        )


def _elided(font: QFont, width: int, text: str) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


def _wrapped_height(font: QFont, width: int, text: str) -> int:
    metrics = QFontMetrics(font)
    if not text:
        return metrics.height()
    return metrics.boundingRect(
        QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
    ).height()
