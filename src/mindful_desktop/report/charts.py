"""Charts drawn for paper with QPainter: fixed ink colours (the same whatever the window's
theme), sized in millimetres, readable in black and white (bands are shades of grey with
their names written in them, the average is a solid line, single days are dots)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

INK = QColor("#1f2328")
MUTED = QColor("#5b6370")
GRID = QColor("#d0d4da")
LINE = QColor("#1d4e89")
DOTS = QColor("#7b8794")
BAR = QColor("#8fb3d9")
GOAL = QColor("#b3541e")
# Lightest to darkest, for bands from "minimal" upwards.
SHADES = ("#ffffff", "#f2f3f5", "#e6e8eb", "#d9dce1", "#cdd1d7")


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    label: str


@dataclass(frozen=True)
class Marker:
    day: dt.date
    value: float
    label: str  # e.g. "+6"


@dataclass(frozen=True)
class LineChart:
    """Values over days: dots for single days, a line for the trend, shaded bands behind."""

    start: dt.date
    end: dt.date
    low: float
    high: float
    ticks: tuple[float, ...]
    dots: tuple[tuple[dt.date, float], ...] = ()
    line: tuple[tuple[dt.date, float], ...] = ()
    bands: tuple[Band, ...] = ()
    markers: tuple[Marker, ...] = ()
    connect_dots: bool = False  # questionnaire totals: few points, joined so the path reads


@dataclass(frozen=True)
class BarChart:
    """One bar per week, with a dashed goal line (days practised against six)."""

    labels: tuple[str, ...]
    values: tuple[float, ...]
    high: float
    goal: float | None = None
    ticks: tuple[float, ...] = ()
    every: int = 1  # label every nth bar, so labels never overlap


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _number(value: float) -> str:
    return f"{value:g}"


def month_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Where to label the day axis: the first of each month, or weeks for a short span."""
    days = (end - start).days
    out: list[tuple[dt.date, str]] = []
    if days <= 62:
        day = start + dt.timedelta(days=(7 - start.weekday()) % 7)  # Mondays
        while day <= end:
            out.append((day, f"{day.day} {day:%b}"))
            day += dt.timedelta(days=7 if days > 21 else 1 if days <= 7 else 2)
        return out
    step = 1 if days <= 400 else 3 if days <= 1200 else 12
    day = dt.date(start.year, start.month, 1)
    index = 0
    while day <= end:
        if day >= start and index % step == 0:
            out.append((day, f"{day:%b %Y}" if day.month == 1 or not out else f"{day:%b}"))
        index += 1
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _plot_area(painter: QPainter, rect: QRectF, y_labels: Sequence[str]) -> QRectF:
    metrics = QFontMetricsF(painter.font())
    left = max((metrics.horizontalAdvance(t) for t in y_labels), default=0.0) + metrics.height()
    return rect.adjusted(
        left, metrics.height() * 0.6, -metrics.height() * 0.6, -2.2 * metrics.height()
    )


def _value_grid(
    painter: QPainter,
    rect: QRectF,
    area: QRectF,
    ticks: Sequence[float],
    y: Callable[[float], float],
) -> None:
    """A faint line across the plot at each tick, its number right-aligned in the margin."""
    line = QFontMetricsF(painter.font()).height()
    align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    for tick in ticks:
        painter.setPen(QPen(GRID, 0))
        painter.drawLine(QPointF(area.left(), y(tick)), QPointF(area.right(), y(tick)))
        painter.setPen(MUTED)
        box = QRectF(rect.left(), y(tick) - line / 2, area.left() - rect.left() - line * 0.4, line)
        painter.drawText(box, align, _number(tick))


def draw_line_chart(painter: QPainter, rect: QRectF, chart: LineChart) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(_font(7.5))
    metrics = QFontMetricsF(painter.font())
    area = _plot_area(painter, rect, [_number(t) for t in chart.ticks])
    span_days = max(1, (chart.end - chart.start).days)

    def x(day: dt.date) -> float:
        return area.left() + area.width() * (day - chart.start).days / span_days

    def y(value: float) -> float:
        share = (value - chart.low) / (chart.high - chart.low or 1)
        return area.bottom() - area.height() * share

    for number, band in enumerate(chart.bands):
        top, bottom = y(min(band.high, chart.high)), y(max(band.low, chart.low))
        shade = QRectF(area.left(), top, area.width(), bottom - top)
        painter.fillRect(shade, QColor(SHADES[min(number, len(SHADES) - 1)]))
        painter.setPen(MUTED)
        painter.drawText(
            shade.adjusted(metrics.height() * 0.3, 0, -metrics.height() * 0.3, 0),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            band.label,
        )
    _value_grid(painter, rect, area, chart.ticks, y)
    for day, text in month_ticks(chart.start, chart.end):
        painter.setPen(QPen(GRID, 0))
        painter.drawLine(QPointF(x(day), area.top()), QPointF(x(day), area.bottom()))
        painter.setPen(MUTED)
        width = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(x(day) - width / 2, area.bottom() + metrics.height() * 1.1), text)
    painter.setPen(QPen(INK, max(1.0, metrics.height() * 0.05)))
    painter.drawRect(area)

    radius = metrics.height() * 0.16
    if chart.connect_dots and len(chart.dots) > 1:
        painter.setPen(QPen(DOTS, metrics.height() * 0.08))
        path = QPainterPath(QPointF(x(chart.dots[0][0]), y(chart.dots[0][1])))
        for day, value in chart.dots[1:]:
            path.lineTo(x(day), y(value))
        painter.drawPath(path)
        radius = metrics.height() * 0.25
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK if chart.connect_dots else DOTS)
    for day, value in chart.dots:
        painter.drawEllipse(QPointF(x(day), y(value)), radius, radius)
    if len(chart.line) > 1:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(LINE, metrics.height() * 0.14))
        path = QPainterPath(QPointF(x(chart.line[0][0]), y(chart.line[0][1])))
        for (before, _v), (day, value) in zip(chart.line, chart.line[1:], strict=False):
            if (day - before).days > 7:  # a gap of more than a week is left open
                path.moveTo(x(day), y(value))
            else:
                path.lineTo(x(day), y(value))
        painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for marker in chart.markers:
        centre = QPointF(x(marker.day), y(marker.value))
        painter.setPen(QPen(GOAL, metrics.height() * 0.1))
        painter.drawEllipse(centre, radius * 2.2, radius * 2.2)
        painter.setFont(_font(7.5, bold=True))
        width = QFontMetricsF(painter.font()).horizontalAdvance(marker.label)
        # Right of the point, or left of it near the right edge, where the band names are.
        beside = radius * 2.8 if centre.x() + width * 4 < area.right() else -radius * 2.8 - width
        painter.drawText(centre + QPointF(beside, -radius * 1.5), marker.label)
        painter.setFont(_font(7.5))
    painter.restore()


def draw_bar_chart(painter: QPainter, rect: QRectF, chart: BarChart) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(_font(7.5))
    metrics = QFontMetricsF(painter.font())
    area = _plot_area(painter, rect, [_number(t) for t in chart.ticks])

    def y(value: float) -> float:
        return area.bottom() - area.height() * value / (chart.high or 1)

    _value_grid(painter, rect, area, chart.ticks, y)
    count = max(1, len(chart.values))
    slot = area.width() / count
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BAR)
    for index, value in enumerate(chart.values):
        left = area.left() + slot * index + slot * 0.15
        painter.drawRect(QRectF(left, y(value), slot * 0.7, area.bottom() - y(value)))
    painter.setPen(MUTED)
    for index, text in enumerate(chart.labels):
        if index % chart.every:
            continue
        centre = area.left() + slot * (index + 0.5)
        width = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(centre - width / 2, area.bottom() + metrics.height() * 1.1), text)
    if chart.goal is not None:
        pen = QPen(GOAL, metrics.height() * 0.1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(area.left(), y(chart.goal)), QPointF(area.right(), y(chart.goal)))
    painter.setPen(QPen(INK, max(1.0, metrics.height() * 0.05)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(area)
    painter.restore()
