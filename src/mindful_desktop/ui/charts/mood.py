"""How has my mood been? Daily means as soft dots and the 7-day average as a line."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from mindful_desktop.domain.mood import MOOD_MAX, MOOD_MIN
from mindful_desktop.domain.series import Resolution
from mindful_desktop.domain.stats import TREND_WINDOW_DAYS, Span
from mindful_desktop.services.insights import MoodTrend
from mindful_desktop.ui.charts.base import ChartView, xs
from mindful_desktop.ui.charts.colours import ChartColours, with_alpha

# Dots shrink as the span grows, so ten years reads as a band rather than a blot.
_DOT_PX = {Span.DAYS_30: 8.0, Span.DAYS_90: 6.5, Span.YEAR: 4.5, Span.ALL: 3.0}
_LINE_PX = {Span.DAYS_30: 2.5, Span.DAYS_90: 2.5, Span.YEAR: 1.8, Span.ALL: 1.1}
_WORDS = (
    (9.5, "very good"),
    (7.5, "good"),
    (5.0, "in the middle"),
    (2.0, "low"),
    (0.5, "very low"),
)


class MoodChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.dots = pg.ScatterPlotItem(pxMode=True, pen=None)
        self.line = pg.PlotCurveItem(antialias=True)
        super().__init__(240, parent)
        self.add(self.dots)
        self.add(self.line)
        self.set_y(MOOD_MIN - 0.4, MOOD_MAX + 0.4)
        self.set_left_ticks([(v, str(v)) for v in range(MOOD_MIN, MOOD_MAX + 1, 2)])
        self.set_right_ticks(_WORDS)
        self._span = Span.DAYS_90

    def style_items(self, colours: ChartColours) -> None:
        span = getattr(self, "_span", Span.DAYS_90)  # restyle runs once before __init__ ends
        alpha = 0.42 if colours.dark else 0.34
        if getattr(self, "_few", False):
            alpha = 0.75  # a handful of days has no line to carry it: let the dots speak
        self.dots.setBrush(pg.mkBrush(with_alpha(colours.accent, alpha)))
        self.line.setPen(pg.mkPen(colours.accent, width=_LINE_PX[span]))

    def set_trend(self, trend: MoodTrend, window: tuple[dt.date, dt.date]) -> None:
        self._span = trend.span
        self._few = len(trend.days) < TREND_WINDOW_DAYS
        self.style_items(self.colours)
        if trend.resolution is Resolution.DAY:
            x = xs(trend.days)
            y = np.asarray(trend.averages, dtype=float)
            self.dots.setData(x=x, y=np.asarray(trend.means, dtype=float), size=_DOT_PX[trend.span])
            longest_gap = TREND_WINDOW_DAYS
            name = "Chart: your mood, day by day, with the 7-day average"
        else:
            # Weekly or monthly averages: dots at each bucket's middle, joined by the line.
            buckets = trend.buckets()
            x = xs([trend.bucket_middle(start) for start in buckets])
            y = np.fromiter(buckets.values(), dtype=float, count=len(buckets))
            self.dots.setData(x=x, y=y, size=_DOT_PX[Span.YEAR])
            longest_gap = 31 if trend.resolution is Resolution.MONTH else 7
            name = f"Chart: your mood, as {trend.resolution.adjective} averages"
        # The line breaks where check-ins stop for longer than its window: no invented days.
        connect = np.ones(len(x), dtype=bool)
        if len(x) > 1:
            connect[:-1] = np.diff(x) <= longest_gap
        self.line.setData(x=x, y=y, connect=connect)
        self.set_window(*window)
        self.setAccessibleName(name)
        self.describe(trend.summary())
