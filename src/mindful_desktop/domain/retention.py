"""Which automatic backups to keep, thinned the way Anki thins its own: the newest of each of the
last 7 days that have one, of the last 4 weeks and of the last 12 months. Pure; the caller deletes
the rest. Backups made by hand, before an upgrade or before a restore never pass through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable

DAYS, WEEKS, MONTHS = 7, 4, 12


def _week(moment: dt.datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: dt.datetime) -> Hashable:
    return (moment.year, moment.month)


def _day(moment: dt.datetime) -> Hashable:
    return moment.date()


def to_keep(
    moments: Iterable[dt.datetime], days: int = DAYS, weeks: int = WEEKS, months: int = MONTHS
) -> set[dt.datetime]:
    """The moments to keep: for each rule, the newest moment in each of its `n` most recent
    periods that have a backup. A moment kept by one rule is kept."""
    newest_first = sorted(set(moments), reverse=True)
    keep: set[dt.datetime] = set()
    rules: tuple[tuple[Callable[[dt.datetime], Hashable], int], ...] = (
        (_day, days),
        (_week, weeks),
        (_month, months),
    )
    for period, count in rules:
        seen: set[Hashable] = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            key = period(moment)
            if key not in seen:
                seen.add(key)
                keep.add(moment)
    return keep
