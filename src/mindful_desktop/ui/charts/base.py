"""The shared chart frame: still (no zoom, pan or menu), palette-following, with date axes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QHelpEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy, QToolTip, QWidget

from mindful_desktop.domain.medication import ChartMark
from mindful_desktop.ui.charts.axes import EPOCH, DateAxis, day_x
from mindful_desktop.ui.charts.colours import ChartColours, with_alpha
from mindful_desktop.ui.charts.marks import MarkLayer, marks_sentence

_MARK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End)

# Every chart on the page has the same axis widths, so their dates line up one above another.
LEFT_AXIS_PX = 40
RIGHT_AXIS_PX = 124


def xs(days: Sequence[dt.date]) -> np.ndarray:
    """Chart x values for days (see axes.day_x)."""
    return np.fromiter((d.toordinal() - EPOCH for d in days), dtype=float, count=len(days))


class ChartView(pg.GraphicsView):  # type: ignore[misc]  # pyqtgraph is untyped
    """A plot that only shows: no zoom, pan or menu; the wheel scrolls the page instead.

    Built from a bare ViewBox and axes rather than a PlotItem, whose option menus (never shown
    here) cost most of a chart's construction time.
    """

    _ready = False  # Qt sends change events while the base class is still being built
    markChosen = Signal(str)  # a mark's words, chosen with the keys; "" when left

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        self.mark_layer: MarkLayer | None = None  # medication changes, appointments
        self._description = ""
        super().__init__(parent, background=None)
        self.view_box = pg.ViewBox(enableMouse=False, enableMenu=False, defaultPadding=0)
        self.view_box.disableAutoRange()
        self.left_axis = pg.AxisItem("left")
        self.right_axis = pg.AxisItem("right")
        self.bottom_axis = DateAxis()
        grid = pg.GraphicsLayout()
        grid.setContentsMargins(0, 8, 4, 0)
        grid.setSpacing(0)
        grid.addItem(self.left_axis, 0, 0)
        grid.addItem(self.view_box, 0, 1)
        grid.addItem(self.right_axis, 0, 2)
        grid.addItem(self.bottom_axis, 1, 1)
        self.setCentralItem(grid)
        for axis in (self.left_axis, self.right_axis, self.bottom_axis):
            axis.linkToView(self.view_box)
            # The ViewBox sits at z=-100; below it, grid lines pass behind the data.
            axis.setZValue(-200)
        self.left_axis.setWidth(LEFT_AXIS_PX)
        self.right_axis.setWidth(RIGHT_AXIS_PX)
        self.right_axis.setTicks([[], []])
        for axis in (self.left_axis, self.bottom_axis):
            axis.setGrid(255)
            axis.setStyle(tickAlpha=1.0, tickLength=0)
        self.right_axis.setStyle(tickLength=0)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so its description is read
        self.colours = ChartColours.from_palette(self.palette())
        self._ready = True
        self.restyle()

    def add(self, item: QGraphicsItem) -> None:
        """Draw `item` in data coordinates; ranges are set by hand, so bounds never matter."""
        self.view_box.addItem(item, ignoreBounds=True)

    def set_window(self, start: dt.date, end: dt.date) -> None:
        # Half a day of room on the left and a whole day on the right, so today's dot shows.
        self.view_box.setXRange(day_x(start) - 0.5, day_x(end) + 1.0, padding=0)

    def set_y(self, low: float, high: float) -> None:
        self.view_box.setYRange(low, high, padding=0)

    def set_left_ticks(self, ticks: Sequence[tuple[float, str]]) -> None:
        self.left_axis.setTicks([list(ticks), []])

    def set_right_ticks(self, ticks: Sequence[tuple[float, str]]) -> None:
        self.right_axis.setTicks([list(ticks), []])

    def restyle(self) -> None:
        """Take colours and font from the palette; called again whenever the theme changes."""
        c = self.colours = ChartColours.from_palette(self.palette())
        self.setBackground(c.background)
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.88))
        for axis in (self.left_axis, self.bottom_axis, self.right_axis):
            axis.setPen(pg.mkPen(c.grid))
            axis.setTickPen(pg.mkPen(with_alpha(c.grid, 0.55 if c.dark else 0.8)))
            axis.setTextPen(pg.mkPen(c.muted))
            axis.setTickFont(font)
        self.left_axis.setPen(pg.mkPen(None))
        self.right_axis.setPen(pg.mkPen(None))
        self.style_items(c)
        if self.mark_layer is not None:
            self.mark_layer.restyle(c)

    def style_items(self, colours: ChartColours) -> None:
        """Subclasses colour their own items here."""

    # --- what the chart says, and the days it marks -------------------------------------------

    def describe(self, text: str) -> None:
        """The chart's description for a screen reader; the marks it shows are added to it."""
        self._description = text
        marks = self.mark_layer.marks if self.mark_layer is not None else ()
        self.setAccessibleDescription(" ".join(t for t in (text, marks_sentence(marks)) if t))

    def set_marks(self, marks: tuple[ChartMark, ...]) -> None:
        """Medication changes and appointments on the days shown (a layer built on first use)."""
        if self.mark_layer is None:
            if not marks:
                return
            self.mark_layer = MarkLayer(self)
        self.mark_layer.set_marks(marks)
        self.describe(self._description)

    @property
    def marks(self) -> tuple[ChartMark, ...]:
        return self.mark_layer.marks if self.mark_layer is not None else ()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and self.mark_layer is not None:
            assert isinstance(event, QHelpEvent)
            mark = self.mark_layer.near(event.pos())
            if mark is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), mark.text, self)
            return True
        return bool(super().viewportEvent(event))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        layer = self.mark_layer
        if layer is None or not layer.marks or event.key() not in _MARK_KEYS:
            super().keyPressEvent(event)
            return
        mark = layer.step(event.key())
        if mark is not None:
            self._show_chosen(mark)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        layer = self.mark_layer
        if layer is not None and layer.marks:  # focus shows the latest mark's words
            mark = layer.choose(len(layer.marks) - 1 if layer.current is None else layer.current)
            if mark is not None:
                self._show_chosen(mark)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.mark_layer is not None and self.mark_layer.current is not None:
            self.mark_layer.choose(None)
            QToolTip.hideText()
            self.markChosen.emit("")

    def _show_chosen(self, mark: ChartMark) -> None:
        assert self.mark_layer is not None
        where = self.viewport().mapToGlobal(self.mark_layer.anchor(mark))
        QToolTip.showText(where, mark.text, self)
        self.markChosen.emit(mark.text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if self._ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.restyle()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        event.ignore()  # the page scrolls; the chart never zooms by accident
