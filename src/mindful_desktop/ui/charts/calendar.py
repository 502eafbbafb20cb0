"""The year at a glance: twelve small months, mood as a calm colour and practice as a dot."""

from __future__ import annotations

import calendar as cal
import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mindful_desktop.services.insights import YearView
from mindful_desktop.ui.charts.colours import ChartColours, with_alpha

_WEEKDAYS = "MTWTFSS"  # weeks start on Monday, as ISO weeks (and the practice charts) do
_TITLE_H = 24.0
_HEADER_H = 16.0
_GAP_X = 22.0
_GAP_Y = 16.0
_LEGEND_H = 34.0
_MAX_CELL = 24.0
_DAY = dt.timedelta(days=1)


class YearCalendarView(QWidget):
    """Point at a day for its tooltip; click it, or use the arrow keys, to choose it."""

    daySelected = Signal(object)  # dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: YearView | None = None
        self._selected: dt.date | None = None
        self._cells: dict[dt.date, QRectF] = {}
        self._laid_out_width = -1.0
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)

    # --- data ---------------------------------------------------------------------------------

    @property
    def view(self) -> YearView | None:
        return self._view

    @property
    def selected(self) -> dt.date | None:
        return self._selected

    def set_view(self, view: YearView) -> None:
        self._view = view
        self._laid_out_width = -1.0  # another year puts its first day on another weekday
        if self._selected is not None and self._selected.year != view.year:
            self._selected = None
        self.setAccessibleName(f"Calendar of {view.year}")
        self._describe()
        self.update()

    def select(self, day: dt.date | None) -> None:
        if self._view is None or day is None or day.year != self._view.year:
            return
        if day != self._selected:
            self._selected = day
            self._describe()
            self.update()
            self.daySelected.emit(day)

    def day_text(self, day: dt.date) -> str:
        return self._view.day_text(day) if self._view else ""

    def _describe(self) -> None:
        if self._view is None:
            return
        text = self._view.summary()
        if self._selected is not None:
            text += " " + self._view.day_text(self._selected)
        self.setAccessibleDescription(text)

    # --- geometry -----------------------------------------------------------------------------

    def _columns(self, width: float) -> int:
        return 6 if width >= 820 else 4 if width >= 540 else 3

    def _cell(self, width: float) -> float:
        cols = self._columns(width)
        block = (width - _GAP_X * (cols - 1)) / cols
        return float(min(_MAX_CELL, int(block / 7)))

    def _block_height(self, cell: float) -> float:
        return _TITLE_H + _HEADER_H + 6 * cell

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        rows = 12 // self._columns(width)
        block_h = self._block_height(self._cell(width))
        legend = len(self._legend_lines(float(width))) * _LEGEND_H
        return int(rows * block_h + (rows - 1) * _GAP_Y + 8 + legend)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(900, self.heightForWidth(900))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.heightForWidth(360))

    def _layout(self) -> None:
        width = float(self.width())
        if width == self._laid_out_width and self._cells:
            return
        self._laid_out_width = width
        self._cells.clear()
        year = self._view.year if self._view else dt.date.today().year
        cols = self._columns(width)
        cell = self._cell(width)
        block_w = (width - _GAP_X * (cols - 1)) / cols
        block_h = self._block_height(cell)
        for month in range(1, 13):
            col, row = (month - 1) % cols, (month - 1) // cols
            left = col * (block_w + _GAP_X)
            top = row * (block_h + _GAP_Y) + _TITLE_H + _HEADER_H
            offset, length = cal.monthrange(year, month)
            for i in range(length):
                slot = offset + i
                self._cells[dt.date(year, month, i + 1)] = QRectF(
                    left + (slot % 7) * cell, top + (slot // 7) * cell, cell, cell
                )

    def day_at(self, pos: QPointF) -> dt.date | None:
        self._layout()
        for day, rect in self._cells.items():
            if rect.contains(pos):
                return day
        return None

    def cell_rect(self, day: dt.date) -> QRectF | None:
        self._layout()
        return self._cells.get(day)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._laid_out_width = -1.0
        super().resizeEvent(event)

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        view = self._view
        if view is None:
            return
        self._layout()
        c = ChartColours.from_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = float(self.width())
        cols = self._columns(width)
        cell = self._cell(width)
        block_w = (width - _GAP_X * (cols - 1)) / cols
        block_h = self._block_height(cell)
        title_font = QFont(self.font())
        title_font.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.5, small.pointSizeF() * 0.78))
        for month in range(1, 13):
            col, row = (month - 1) % cols, (month - 1) // cols
            left = col * (block_w + _GAP_X)
            top = row * (block_h + _GAP_Y)
            painter.setFont(title_font)
            painter.setPen(c.text)
            painter.drawText(
                QRectF(left, top, block_w, _TITLE_H - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                cal.month_name[month],
            )
            painter.setFont(small)
            painter.setPen(c.muted)
            for i, letter in enumerate(_WEEKDAYS):
                painter.drawText(
                    QRectF(left + i * cell, top + _TITLE_H, cell, _HEADER_H),
                    Qt.AlignmentFlag.AlignCenter,
                    letter,
                )
        by_day = {d.day: d for d in view.calendar.days}
        for day, rect in self._cells.items():
            entry = by_day.get(day)
            box = rect.adjusted(1.5, 1.5, -1.5, -1.5)
            radius = max(2.0, box.width() * 0.22)
            fill = c.background
            painter.setPen(Qt.PenStyle.NoPen)
            if day > view.today:
                painter.setPen(QPen(with_alpha(c.grid, 0.45), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            elif entry is not None and entry.mood is not None:
                fill = c.mood(entry.mood)
                painter.setBrush(fill)
            else:
                painter.setPen(QPen(c.grid, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
            if entry is not None and entry.practised:
                r = max(1.6, box.width() * 0.13)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(c.mark_on(fill))
                painter.drawEllipse(QPointF(box.center().x(), box.bottom() - r * 2.0), r, r)
            if day == view.today:
                painter.setPen(QPen(c.text, 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(-1, -1, 1, 1), radius + 1, radius + 1)
            if day == self._selected:
                width_px = 2.5 if self.hasFocus() else 2.0
                painter.setPen(QPen(c.accent, width_px))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(-2, -2, 2, 2), radius + 2, radius + 2)
        rows = 12 // cols
        self._paint_legend(painter, c, rows * block_h + (rows - 1) * _GAP_Y + 8)
        painter.end()

    # The legend: (swatches, words) groups, wrapped onto more lines when the widget is narrow.
    _SWATCH = 15.0
    _LEGEND_GROUPS = (
        ("scale", "Lower mood|Higher mood"),
        ("empty", "No check-in"),
        ("dot", "Practised"),
    )

    def _legend_group_width(self, kind: str, words: str) -> float:
        metrics = QFontMetricsF(self.font())
        text = sum(metrics.horizontalAdvance(w) + 8 for w in words.split("|"))
        swatches = 5 if kind == "scale" else 1
        return text + swatches * (self._SWATCH + 4)

    def _legend_lines(self, width: float) -> list[list[tuple[str, str]]]:
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0.0
        for kind, words in self._LEGEND_GROUPS:
            w = self._legend_group_width(kind, words) + 20
            if lines[-1] and used + w > width:
                lines.append([])
                used = 0.0
            lines[-1].append((kind, words))
            used += w
        return lines

    def _paint_legend(self, painter: QPainter, c: ChartColours, top: float) -> None:
        painter.setFont(self.font())
        metrics = QFontMetricsF(self.font())
        size = self._SWATCH
        x = 0.0
        line_top = top

        def text(words: str) -> None:
            nonlocal x
            painter.setPen(c.muted)
            w = metrics.horizontalAdvance(words)
            box = QRectF(x, line_top, w + 2, _LEGEND_H)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, words)
            x += w + 8

        def swatch(fill: QColor, outline: bool = False, dot: bool = False) -> None:
            nonlocal x
            box = QRectF(x, line_top + (_LEGEND_H - size) / 2, size, size)
            if outline:
                painter.setPen(QPen(c.grid, 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
            painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            if dot:
                r = max(1.6, size * 0.14)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(c.mark_on(fill))
                painter.drawEllipse(QPointF(box.center().x(), box.bottom() - r * 2.2), r, r)
            x += size + 4

        for line in self._legend_lines(float(self.width())):
            x = 0.0
            for kind, words in line:
                if kind == "scale":
                    low, high = words.split("|")
                    text(low)
                    for mood in (1, 3, 5, 7, 9):
                        swatch(c.mood(mood))
                    text(high)
                elif kind == "empty":
                    swatch(c.background, outline=True)
                    text(words)
                else:
                    swatch(c.mood(6), dot=True)
                    text(words)
                x += 20
            line_top += _LEGEND_H

    # --- interaction --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(QPointF(event.pos()))
            if day is None or self._view is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._view.day_text(day), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position())
        if day is not None:
            self.select(day)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._view is None:
            super().keyPressEvent(event)
            return
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        year = self._view.year
        key = event.key()
        current = self._selected or self._default_day()
        if key in moves:
            day = current + moves[Qt.Key(key)] * _DAY if self._selected else current
        elif key == Qt.Key.Key_Home:
            day = dt.date(year, 1, 1)
        elif key == Qt.Key.Key_End:
            day = dt.date(year, 12, 31)
        else:
            super().keyPressEvent(event)
            return
        if day.year == year:
            self.select(day)
        event.accept()

    def _default_day(self) -> dt.date:
        assert self._view is not None
        today = self._view.today
        return today if today.year == self._view.year else dt.date(self._view.year, 1, 1)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()
