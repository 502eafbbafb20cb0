"""How much am I practising? Minutes per week (or month), and days a week beside the course's
six; past two years each bar is a calendar month."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mindful_desktop.domain.words import count
from mindful_desktop.services.insights import PracticeWeeks
from mindful_desktop.ui.charts.axes import day_x
from mindful_desktop.ui.charts.base import ChartView, xs
from mindful_desktop.ui.charts.colours import ChartColours, with_alpha


def _bar_edges(weeks: PracticeWeeks, window: tuple[dt.date, dt.date]) -> tuple[np.ndarray, ...]:
    """Each bar runs over its week (Monday to Sunday) or month, the current one only up to
    today."""
    start, end = day_x(window[0]), day_x(window[1])
    x0 = np.maximum(xs([b.start for b in weeks.bars]), start) - 0.5
    x1 = np.minimum(xs([b.end for b in weeks.bars]), end) + 0.5
    # Past a few years the bars are a pixel or two wide: gaps would only shimmer.
    gap = np.minimum(0.6, (x1 - x0) * 0.1) if len(weeks.bars) <= 120 else np.zeros(len(x0))
    return x0 + gap, x1 - gap


class _WeekBars(ChartView):
    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        self.bars = pg.BarGraphItem(x0=[], x1=[], height=[], pen=None)
        super().__init__(height, parent)
        self.add(self.bars)

    def style_items(self, colours: ChartColours) -> None:
        self.bars.setOpts(brush=pg.mkBrush(with_alpha(colours.accent, 0.78)), pen=None)

    def _set_bars(
        self, weeks: PracticeWeeks, values: np.ndarray, window: tuple[dt.date, dt.date]
    ) -> None:
        x0, x1 = _bar_edges(weeks, window)
        self.bars.setOpts(x0=x0, x1=x1, height=values, y0=0)
        self.set_window(*window)


class MinutesChart(_WeekBars):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(170, parent)

    def set_weeks(self, weeks: PracticeWeeks, window: tuple[dt.date, dt.date]) -> None:
        minutes = np.fromiter((b.minutes for b in weeks.bars), dtype=float)
        top = float(minutes.max()) if len(minutes) else 0.0
        step = next((s for s in (15, 30, 60, 120, 180, 300, 600) if top / s <= 4), 1200)
        ceiling = max(step, step * np.ceil(top / step))
        pad = ceiling * 0.06  # room for the edge labels
        self.set_y(-pad, ceiling + pad)
        self.set_left_ticks([(v, f"{v:g}") for v in np.arange(0, ceiling + 1, step)])
        self._set_bars(weeks, minutes, window)
        if weeks.unit == "month":
            self.setAccessibleName("Chart: minutes of practice each month (monthly totals)")
        else:
            self.setAccessibleName("Chart: minutes of practice each week")
        self.setAccessibleDescription(weeks.summary())


class DaysChart(_WeekBars):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.aim = pg.PlotCurveItem()  # spans the window; redrawn with it
        self.aim.setZValue(10)
        super().__init__(150, parent)
        self.add(self.aim)
        self.set_y(-0.45, 7.45)  # room for the "0" and "6" labels at the edges
        self.set_left_ticks([(v, str(v)) for v in (0, 2, 4, 6)])

    def style_items(self, colours: ChartColours) -> None:
        super().style_items(colours)
        self.bars.setOpts(brush=pg.mkBrush(with_alpha(colours.accent, 0.5)), pen=None)
        self.aim.setPen(pg.mkPen(colours.muted, width=1.5, style=Qt.PenStyle.DashLine))

    def set_weeks(self, weeks: PracticeWeeks, window: tuple[dt.date, dt.date]) -> None:
        goal = weeks.goal
        self.aim.setData(x=[day_x(window[0]) - 0.5, day_x(window[1]) + 0.5], y=[goal, goal])
        self.set_right_ticks([(goal, f"suggested: {goal}")])
        days = np.fromiter((b.days_a_week for b in weeks.bars), dtype=float)
        self._set_bars(weeks, days, window)
        line = f"The dashed line marks the course's suggestion of {goal} days a week"
        if weeks.unit == "month":
            self.setAccessibleName("Chart: days you practised a week, as monthly averages")
            self.setAccessibleDescription(f"{weeks.summary()} {line}.")
            return
        met = sum(1 for w in weeks.weeks if w.met_goal)
        self.setAccessibleName("Chart: days you practised each week")
        self.setAccessibleDescription(
            f"{weeks.summary()} {line}; you practised on {goal} or more days in "
            f"{count(met, 'week')} {weeks.coverage.words()}."
        )
