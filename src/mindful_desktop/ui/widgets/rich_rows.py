"""Paints a list row as a muted header, a title line and an optional rich-text excerpt."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

from mindful_desktop.ui.widgets.two_line_delegate import paint_row_background

HEADER_ROLE = Qt.ItemDataRole.UserRole + 40  # str: the small muted line
HTML_ROLE = Qt.ItemDataRole.UserRole + 41  # str: escaped HTML (only <b> from us), or ""

_PAD_X = 10
_PAD_Y = 8
_GAP = 2
_HTML_LINES = 3
_TITLE_LINES = 2
_REMEMBERED = 50_000  # row heights kept (a few MB at most)

_Index = QModelIndex | QPersistentModelIndex


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.9)
    return small


def _wrapped(text: str, font: QFont, width: int, lines: int) -> list[str]:
    """`text` broken into at most `lines` lines of `width`, the last one elided if need be."""
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[tuple[int, int]] = []
    while len(starts) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    out = [text[start : start + length].strip() for start, length in starts]
    if starts:
        last_start = starts[-1][0]
        rest = text[last_start:].strip()
        out[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return out or [""]


def _strong(font: QFont) -> QFont:
    strong = QFont(font)
    strong.setWeight(QFont.Weight.DemiBold)
    return strong


class RichRowDelegate(QStyledItemDelegate):
    """DisplayRole is the title line; HEADER_ROLE above it; HTML_ROLE (if any) below it.

    The HTML must already be safe: the model escapes the user's words and adds only <b>.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, str, int, str], int] = {}
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setWordWrap(True)

    def _document(
        self, html: str, font: QFont, width: int, text: QColor, mark: QColor
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(f"b {{ color: {mark.name()}; font-weight: 700; }}")
        doc.setHtml(f'<span style="color: {text.name()}">{html}</span>')
        doc.setTextWidth(max(10, width))
        return doc

    def _html_height(self, doc: QTextDocument, font: QFont) -> int:
        """The height of the excerpt's first `_HTML_LINES` lines as the document lays them
        out (a line with bold words in it is taller than the plain font's line spacing, so a
        cap in font lines cut the last line's foot off)."""
        full = int(doc.size().height()) + 1  # lays the document out
        layout = doc.firstBlock().layout()
        if layout is None or doc.blockCount() != 1:
            return min(full, QFontMetrics(font).lineSpacing() * _HTML_LINES)
        if layout.lineCount() <= _HTML_LINES:
            return full
        last = layout.lineAt(_HTML_LINES - 1)
        return min(full, int(layout.position().y() + last.y() + last.height()) + 1)

    def _inner_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width() or self._view.viewport().width()
        return max(100, width) - 2 * _PAD_X

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = option.palette
        rect: QRect = option.rect
        text, muted, selected = paint_row_background(painter, option)
        mark = text if selected else pal.color(QPalette.ColorRole.Link)
        inner = rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        y = inner.top()

        small = _small(option.font)
        small_metrics = QFontMetrics(small)
        header = str(index.data(HEADER_ROLE) or "")
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.left(), y, inner.width(), small_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(header, Qt.TextElideMode.ElideRight, inner.width()),
        )
        y += small_metrics.height() + _GAP

        strong = _strong(option.font)
        strong_metrics = QFontMetrics(strong)
        title = " ".join(str(index.data(Qt.ItemDataRole.DisplayRole) or "").split())
        painter.setFont(strong)
        painter.setPen(text)
        for line in _wrapped(title, strong, inner.width(), _TITLE_LINES):
            painter.drawText(
                QRect(inner.left(), y, inner.width(), strong_metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += strong_metrics.lineSpacing()

        html = str(index.data(HTML_ROLE) or "")
        if html:
            y += _GAP
            doc = self._document(html, option.font, inner.width(), text, mark)
            height = self._html_height(doc, option.font)
            painter.translate(inner.left(), y)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, text)
            context.clip = QRectF(0, 0, inner.width(), height)
            painter.setClipRect(QRect(0, 0, inner.width(), height))
            doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        # A list lays every row out again when a page is fetched, so each row's height is
        # worked out once per text, font and width, and remembered.
        font = option.font
        width = max(100, self._view.viewport().width() - 2 * self._view.spacing()) - 2 * _PAD_X
        if self._view.uniformItemSizes():
            # Every row as tall as a full one (header, two title lines, no excerpt), so the
            # view lays out ten years of rows without asking each one: the timeline.
            return QSize(0, self._height(font, width, "", "", lines=_TITLE_LINES))
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        html = str(index.data(HTML_ROLE) or "")
        key = (title, html, width, font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > _REMEMBERED:
                self._heights.clear()
            height = self._heights[key] = self._height(font, width, title, html)
        return QSize(0, height)

    def _height(self, font: QFont, width: int, title: str, html: str, lines: int = 0) -> int:
        strong = _strong(font)
        lines = lines or len(_wrapped(" ".join(title.split()), strong, width, _TITLE_LINES))
        height = QFontMetrics(_small(font)).height() + _GAP
        height += QFontMetrics(strong).lineSpacing() * lines
        if html:
            doc = self._document(html, font, width, QColor("black"), QColor("black"))
            height += _GAP + self._html_height(doc, font)
        return height + 2 * _PAD_Y
