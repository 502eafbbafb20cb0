"""Days marked on a chart: medication changes (dashed) and appointments (dotted), each a thin
line with a small label along the top where there is room. Pointing at one shows its words;
with the chart focused, the arrow keys move from one to the next and show each. The marks come
from the service (`Insights.marks_in`); this only draws them, and claims nothing about them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from mindful_desktop.domain.medication import APPOINTMENT, ChartMark
from mindful_desktop.ui.charts.axes import day_x
from mindful_desktop.ui.charts.colours import ChartColours, with_alpha

if TYPE_CHECKING:
    from mindful_desktop.ui.charts.base import ChartView

NEAR_PX = 8.0  # how close the pointer must be to a mark's line to show it
_GAP_PX = 6.0  # between two labels along the top
_PAD_PX = 8.0  # a label's own room around its text


def marks_sentence(marks: tuple[ChartMark, ...]) -> str:
    """The marks in words, for a screen reader (the chart's description)."""
    if not marks:
        return ""
    listed = "; ".join(m.text.splitlines()[0].rstrip(".") for m in marks)
    return f"Marked on the chart: {listed}."


class MarkLayer:
    def __init__(self, chart: ChartView) -> None:
        self.chart = chart
        self.marks: tuple[ChartMark, ...] = ()
        self.lines: list[pg.InfiniteLine] = []
        self.labels: list[pg.TextItem] = []
        self.current: int | None = None  # the mark chosen with the keys
        self.font = QFont(chart.font())
        self.font.setPointSizeF(max(7.5, self.font.pointSizeF() * 0.8))
        chart.view_box.sigResized.connect(self.layout_labels)
        chart.view_box.sigRangeChanged.connect(self.layout_labels)

    # --- drawing ------------------------------------------------------------------------------

    def set_marks(self, marks: tuple[ChartMark, ...]) -> None:
        for item in (*self.lines, *self.labels):
            self.chart.view_box.removeItem(item)
        self.marks = marks
        self.current = None
        self.lines, self.labels = [], []
        for mark in marks:
            line = pg.InfiniteLine(pos=day_x(mark.day), angle=90, movable=False)
            line.setZValue(-10)  # behind the dots and lines of the data
            label = pg.TextItem(mark.label, anchor=(0, 0))
            label.setFont(self.font)
            label.setZValue(10)
            self.chart.add(line)
            self.chart.add(label)
            self.lines.append(line)
            self.labels.append(label)
        self.restyle(self.chart.colours)
        self.layout_labels()

    def restyle(self, colours: ChartColours) -> None:
        for n, (mark, line, label) in enumerate(
            zip(self.marks, self.lines, self.labels, strict=True)
        ):
            style = Qt.PenStyle.DotLine if mark.about == APPOINTMENT else Qt.PenStyle.DashLine
            chosen = n == self.current
            line.setPen(
                pg.mkPen(
                    with_alpha(colours.text, 0.85 if chosen else 0.45),
                    width=2.2 if chosen else 1.2,
                    style=style,
                )
            )
            label.setColor(colours.text if chosen else colours.muted)
            label.fill = pg.mkBrush(with_alpha(colours.background, 0.9))
            label.border = pg.mkPen(with_alpha(colours.text if chosen else colours.grid, 0.8))
            label.update()

    def layout_labels(self, *_args: object) -> None:
        """Each label at the top beside its line. The chosen mark's label always shows; any
        other that would overlap a label already placed is left out (its line and words
        stay), placed left to right."""
        if not self.marks:
            return
        (x0, x1), (_y0, y1) = self.chart.view_box.viewRange()
        width = self.chart.view_box.width()
        if width <= 0 or x1 <= x0:
            return
        metrics = QFontMetricsF(self.font)
        spans: list[tuple[float, float]] = []
        for mark, label in zip(self.marks, self.labels, strict=True):
            px = (day_x(mark.day) - x0) / (x1 - x0) * width
            size = metrics.horizontalAdvance(mark.label) + _PAD_PX
            leftward = px + size > width  # near the right edge the label sits left of its line
            label.setAnchor((1, 0) if leftward else (0, 0))
            label.setPos(day_x(mark.day), y1)
            spans.append((px - size, px) if leftward else (px, px + size))
        order = list(range(len(self.marks)))
        if self.current is not None:
            order.remove(self.current)
            order.insert(0, self.current)
        placed: list[tuple[float, float]] = []
        for n in order:
            left, right = spans[n]
            free = all(right + _GAP_PX <= a or left >= b + _GAP_PX for a, b in placed)
            shown = left >= 0 and (free or n == self.current)
            self.labels[n].setVisible(shown)
            if shown:
                placed.append((left, right))

    # --- finding and choosing -----------------------------------------------------------------

    def viewport_x(self, mark: ChartMark) -> float:
        scene = self.chart.view_box.mapViewToScene(QPointF(day_x(mark.day), 0))
        return float(self.chart.mapFromScene(scene).x())

    def near(self, pos: QPoint) -> ChartMark | None:
        """The mark whose line is nearest `pos` (viewport coordinates), if close enough."""
        best: tuple[float, ChartMark] | None = None
        for mark in self.marks:
            distance = abs(self.viewport_x(mark) - pos.x())
            if distance <= NEAR_PX and (best is None or distance < best[0]):
                best = (distance, mark)
        return best[1] if best else None

    def choose(self, index: int | None) -> ChartMark | None:
        if not self.marks:
            return None
        self.current = None if index is None else max(0, min(len(self.marks) - 1, index))
        self.restyle(self.chart.colours)
        self.layout_labels()
        return None if self.current is None else self.marks[self.current]

    def step(self, key: int) -> ChartMark | None:
        """The mark the key moves to: Left and Right one at a time, Home and End the ends."""
        last = len(self.marks) - 1
        if key == Qt.Key.Key_Home:
            return self.choose(0)
        if key == Qt.Key.Key_End:
            return self.choose(last)
        here = self.current
        if key == Qt.Key.Key_Left:
            return self.choose(last if here is None else here - 1)
        return self.choose(0 if here is None else here + 1)

    def anchor(self, mark: ChartMark) -> QPoint:
        """Where a mark's words show: at the top of its line, in viewport coordinates."""
        top = self.chart.view_box.mapViewToScene(QPointF(day_x(mark.day), 0))
        y = self.chart.mapFromScene(self.chart.view_box.sceneBoundingRect().topLeft()).y()
        return QPoint(int(self.chart.mapFromScene(top).x()), int(y) + 18)
