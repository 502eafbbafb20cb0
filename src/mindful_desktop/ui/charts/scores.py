"""Are my questionnaire scores changing? One instrument's totals over its bands, softly shaded."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from mindful_desktop.domain.instruments import Instrument
from mindful_desktop.services.insights import ScoreSeries
from mindful_desktop.ui.charts.base import ChartView, xs
from mindful_desktop.ui.charts.colours import ChartColours, with_alpha

_PAD = 1.2  # score points of room, so the 0 and top labels and dots at the edges show
_FAR = 1_000_000.0  # days: the bands run the whole width at any range


class ScoreChart(ChartView):
    def __init__(self, instrument: Instrument, parent: QWidget | None = None) -> None:
        self.instrument = instrument
        self.bands: list[QGraphicsRectItem] = []
        top = instrument.max_score
        for b in instrument.bands:
            # Totals are whole numbers: the edge between 4 and 5 sits at 4.5.
            low = -_PAD if b.low == 0 else b.low - 0.5
            high = top + _PAD if b.high == top else b.high + 0.5
            rect = QGraphicsRectItem(QRectF(-_FAR, low, 2 * _FAR, high - low))
            rect.setPen(pg.mkPen(None))
            rect.setZValue(-100)
            self.bands.append(rect)
        self.line = pg.PlotDataItem(antialias=True, symbol="o", symbolSize=7)
        self._many = False
        super().__init__(190, parent)
        for rect in self.bands:
            self.add(rect)
        self.add(self.line)
        self.set_y(-_PAD, top + _PAD)
        self.set_left_ticks([(b.low, str(b.low)) for b in instrument.bands] + [(top, str(top))])
        self.set_right_ticks([((b.low + min(b.high, top)) / 2, b.label) for b in instrument.bands])

    def style_items(self, colours: ChartColours) -> None:
        # Heavier with each band, in the text colour: soft, and never alarm-red.
        step = 0.032 if colours.dark else 0.022
        for i, rect in enumerate(self.bands):
            rect.setBrush(pg.mkBrush(with_alpha(colours.text, 0.02 + step * i)))
        self.line.setPen(pg.mkPen(colours.accent, width=1.3 if self._many else 2))
        self.line.setSymbolBrush(pg.mkBrush(colours.accent))
        self.line.setSymbolPen(pg.mkPen(colours.background, width=1.5))

    def set_series(self, series: ScoreSeries, window: tuple[dt.date, dt.date]) -> None:
        x = xs([p.day for p in series.points])
        # Years of fortnightly totals: dots would crowd into a bead chain, so the line alone.
        n = len(series.points)
        self._many = n > 80
        self.style_items(self.colours)
        self.line.setData(
            x=x,
            y=np.fromiter((p.total for p in series.points), dtype=float),
            symbol=None if self._many else "o",
            symbolSize=7 if n <= 30 else 5,
        )
        self.set_window(*window)
        self.setAccessibleName(f"Chart: your {self.instrument.name} totals over time")
        self.describe(" ".join((series.summary(), *series.change)))
