"""A date axis for day numbers that picks calm, uncrowded ticks; x is whole days."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pyqtgraph as pg

# (step in days as labelled, rough length in days); the first that leaves room is used.
_STEPS: tuple[tuple[str, int, float], ...] = (
    ("day", 1, 1),
    ("day", 2, 2),
    ("week", 1, 7),
    ("week", 2, 14),
    ("month", 1, 30.4),
    ("month", 2, 60.9),
    ("month", 3, 91.3),
    ("month", 6, 182.6),
    ("year", 1, 365.25),
    ("year", 2, 730.5),
    ("year", 5, 1826),
    ("year", 10, 3652),
)
MIN_TICK_PX = 84  # room for "Jan 2026" and a gap

# x is days since 1 January 2000: small numbers keep single-precision drawing paths exact.
EPOCH = dt.date(2000, 1, 1).toordinal()


def day_x(day: dt.date) -> float:
    return float(day.toordinal() - EPOCH)


def x_day(x: float) -> dt.date:
    return dt.date.fromordinal(min(dt.date.max.toordinal(), max(1, int(round(x)) + EPOCH)))


def _ticks(kind: str, n: int, first: dt.date, last: dt.date) -> list[dt.date]:
    if kind == "day":
        start = first.toordinal() + (-first.toordinal()) % n
        return [dt.date.fromordinal(o) for o in range(start, last.toordinal() + 1, n)]
    if kind == "week":  # Mondays; ordinal 1 (1 January of year 1) was a Monday
        start = first.toordinal() + (1 - first.toordinal()) % 7
        days = [dt.date.fromordinal(o) for o in range(start, last.toordinal() + 1, 7)]
        return [d for d in days if (d.toordinal() // 7) % n == 0]
    if kind == "month":
        out = []
        year, month = first.year, first.month
        if first.day != 1:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        while (day := dt.date(year, month, 1)) <= last:
            if (month - 1) % n == 0:
                out.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    first_year = first.year if (first.month, first.day) == (1, 1) else first.year + 1
    return [dt.date(y, 1, 1) for y in range(first_year, last.year + 1) if y % n == 0]


def _label(day: dt.date, kind: str) -> str:
    if kind in ("day", "week"):
        return f"{day.day} {day:%b}"
    if kind == "month":
        return f"{day:%b %Y}" if day.month == 1 else f"{day:%b}"
    return str(day.year)


class DateAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Values are `day_x(date)`; no time zones are involved, so a day never shifts."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("bottom", **kwargs)
        self._kind = "day"

    def tickValues(  # noqa: N802 - pyqtgraph's name
        self,
        minVal: float,
        maxVal: float,
        size: float,  # noqa: N803
    ) -> list[tuple[float, list[float]]]:
        lo, hi = sorted((minVal, maxVal))
        first, last = x_day(math.ceil(lo)), x_day(math.floor(hi))
        last = max(first, last)
        span = max(hi - lo, 1.0)
        # The finest step that leaves room for its labels; ten-year steps past that.
        kind, n, length = next(
            (step for step in _STEPS if step[2] * size / span >= MIN_TICK_PX), _STEPS[-1]
        )
        self._kind = kind
        return [(length, [day_x(d) for d in _ticks(kind, n, first, last)])]

    def tickStrings(  # noqa: N802 - pyqtgraph's name
        self, values: list[float], scale: float, spacing: float
    ) -> list[str]:
        return [_label(x_day(v), self._kind) for v in values]
