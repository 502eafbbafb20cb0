"""Long chart series made readable: daily values gathered into weeks or calendar months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum

WEEKS_AFTER_DAYS = 120  # a longer window draws one point per week
MONTHS_AFTER_DAYS = 730  # and past two years, one per calendar month


class Resolution(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"

    @property
    def adjective(self) -> str:
        return {"day": "daily", "week": "weekly", "month": "monthly"}[self.value]


def resolution_for(days: int) -> Resolution:
    """How finely a chart over `days` calendar days should draw."""
    if days > MONTHS_AFTER_DAYS:
        return Resolution.MONTH
    if days > WEEKS_AFTER_DAYS:
        return Resolution.WEEK
    return Resolution.DAY


def bucket_start(day: dt.date, resolution: Resolution) -> dt.date:
    """The first day of the bucket holding `day`: itself, its Monday, or the 1st of its month."""
    if resolution is Resolution.WEEK:
        return day - dt.timedelta(days=day.weekday())
    if resolution is Resolution.MONTH:
        return day.replace(day=1)
    return day


def bucket_end(start: dt.date, resolution: Resolution) -> dt.date:
    """The last day of the bucket that begins on `start`."""
    if resolution is Resolution.WEEK:
        return start + dt.timedelta(days=6)
    if resolution is Resolution.MONTH:
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        return dt.date(year, month, 1) - dt.timedelta(days=1)
    return start


def _buckets(by_day: Mapping[dt.date, float], resolution: Resolution) -> dict[dt.date, list[float]]:
    out: dict[dt.date, list[float]] = {}
    for day in sorted(by_day):
        out.setdefault(bucket_start(day, resolution), []).append(by_day[day])
    return out


def bucket_means(by_day: Mapping[dt.date, float], resolution: Resolution) -> dict[dt.date, float]:
    """The mean of the days with a value in each bucket, keyed by the bucket's first day,
    oldest first. Buckets without any day are left out: a gap, never an invented zero."""
    return {start: sum(v) / len(v) for start, v in _buckets(by_day, resolution).items()}


def bucket_totals(by_day: Mapping[dt.date, float], resolution: Resolution) -> dict[dt.date, float]:
    """The sum of each bucket's days, keyed by its first day, oldest first; buckets without
    any day are left out (a bar chart draws them as gaps)."""
    return {start: sum(v) for start, v in _buckets(by_day, resolution).items()}
