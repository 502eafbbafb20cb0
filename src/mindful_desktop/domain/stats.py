"""Mood and practice statistics: daily means, trends, weekly practice and the year calendar."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from mindful_desktop.domain.content import DAYS_GOAL
from mindful_desktop.domain.mood import daily_means as _unsorted_daily_means
from mindful_desktop.domain.words import count

T = TypeVar("T")

TREND_WINDOW_DAYS = 7
MIN_DAYS_TO_COMPARE = 7  # of each kind; fewer and one odd day moves the average too much
SAME_MOOD_MARGIN = 0.25  # closer than this on a 0-10 scale is called "about the same"

NO_CAUSE_NOTE = (
    "This only shows how the two have gone together in your check-ins. It can't show that one "
    "causes the other: many things shape a day, and how a day is already going can make "
    "practice easier or harder too."
)

_ONE_DAY = dt.timedelta(days=1)


def daily_means(entries: Iterable[tuple[dt.date, int]]) -> dict[dt.date, float]:
    """One mean per day with check-ins, oldest first; each check-in in a day weighs the same."""
    return dict(sorted(_unsorted_daily_means(entries).items()))


def trailing_average(
    means: Mapping[dt.date, float], window_days: int = TREND_WINDOW_DAYS
) -> dict[dt.date, float]:
    """For each day with data, the average over the days with data in the `window_days`
    calendar days ending on it, oldest first.

    A calendar window (not "the last seven check-ins") keeps a long gap from pulling old
    moods into this week's line. Linear: one pass with a sliding window.
    """
    if window_days < 1:
        raise ValueError("window_days must be at least 1.")
    days = sorted(means)  # already-sorted input (the usual case) sorts in linear time
    out: dict[dt.date, float] = {}
    total = 0.0
    start = 0
    for end, day in enumerate(days):
        total += means[day]
        while (day - days[start]).days >= window_days:
            total -= means[days[start]]
            start += 1
        out[day] = total / (end - start + 1)
    return out


class Span(Enum):
    DAYS_30 = "30 days"
    DAYS_90 = "90 days"
    YEAR = "1 year"
    ALL = "All"

    @property
    def days(self) -> int | None:
        return _SPAN_DAYS[self]


_SPAN_DAYS: dict[Span, int | None] = {
    Span.DAYS_30: 30,
    Span.DAYS_90: 90,
    Span.YEAR: 365,
    Span.ALL: None,
}


def span_start(span: Span, today: dt.date) -> dt.date | None:
    """The first day inside the span (today counts as one of its days); None for all time."""
    days = span.days
    return None if days is None else today - dt.timedelta(days=days - 1)


def filter_span(by_day: Mapping[dt.date, T], span: Span, today: dt.date) -> dict[dt.date, T]:
    """The entries from the span's first day up to today, in the mapping's order."""
    start = span_start(span, today)
    if start is None:
        return dict(by_day)
    return {day: value for day, value in by_day.items() if start <= day <= today}


# --- practice --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekPractice:
    monday: dt.date  # ISO weeks start on Monday
    minutes: float
    days: int  # days with any logged practice
    goal: int = DAYS_GOAL

    @property
    def iso_year(self) -> int:
        return self.monday.isocalendar()[0]

    @property
    def iso_week(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def met_goal(self) -> bool:
        return self.days >= self.goal

    @property
    def days_text(self) -> str:
        return f"{self.days} of {self.goal} days"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekly_practice(
    sessions: Iterable[tuple[dt.date, float]],
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[WeekPractice]:
    """Minutes and days practised per ISO week, oldest first, with empty weeks as zeros.

    Weeks run from the one holding `start` (else the first session) to the one holding `end`
    (else the last session); sessions outside those weeks are left out.
    """
    minutes: dict[dt.date, float] = defaultdict(float)
    practised: set[dt.date] = set()
    for day, mins in sessions:
        minutes[monday_of(day)] += mins
        practised.add(day)
    days_per_week: dict[dt.date, int] = defaultdict(int)
    for day in practised:
        days_per_week[monday_of(day)] += 1
    first = monday_of(start) if start is not None else min(minutes, default=None)
    last = monday_of(end) if end is not None else max(minutes, default=None)
    if first is None or last is None:
        return []
    out = []
    week = first
    step = dt.timedelta(days=7)
    while week <= last:
        out.append(WeekPractice(week, minutes.get(week, 0.0), days_per_week.get(week, 0)))
        week += step
    return out


# --- the year at a glance ----------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    mood: float | None  # the day's mean, None without check-ins
    practised: bool


@dataclass(frozen=True)
class YearCalendar:
    year: int
    days: tuple[CalendarDay, ...]  # every day of the year, 1 January first

    def month(self, month: int) -> tuple[CalendarDay, ...]:
        if not 1 <= month <= 12:
            raise ValueError(f"month must be from 1 to 12, not {month}.")
        jan1 = dt.date(self.year, 1, 1)
        first = dt.date(self.year, month, 1)
        after = dt.date(self.year + 1, 1, 1) if month == 12 else dt.date(self.year, month + 1, 1)
        return self.days[(first - jan1).days : (after - jan1).days]


def year_calendar(
    year: int, mood_by_day: Mapping[dt.date, float], practised_days: Collection[dt.date]
) -> YearCalendar:
    practised = set(practised_days)
    day = dt.date(year, 1, 1)
    days = []
    while day.year == year:
        days.append(CalendarDay(day, mood_by_day.get(day), day in practised))
        day += _ONE_DAY
    return YearCalendar(year, tuple(days))


# --- practice and mood side by side ------------------------------------------------------------


@dataclass(frozen=True)
class GroupMood:
    days: int
    mean: float | None


@dataclass(frozen=True)
class PracticeMoodComparison:
    practised: GroupMood
    not_practised: GroupMood
    enough: bool  # at least MIN_DAYS_TO_COMPARE of each kind
    sentence: str


def _days(n: int) -> str:
    return count(n, "day")


def practice_mood_comparison(
    mood_by_day: Mapping[dt.date, float], practised_days: Collection[dt.date]
) -> PracticeMoodComparison:
    """Average mood on days with and without practice, among days that have a check-in.

    The sentence describes; it never says that practice changed anyone's mood.
    """
    practised = set(practised_days)
    sums = [0.0, 0.0]  # index 1: practised
    counts = [0, 0]
    for day, mood in mood_by_day.items():
        k = 1 if day in practised else 0
        sums[k] += mood
        counts[k] += 1
    yes = GroupMood(counts[1], sums[1] / counts[1] if counts[1] else None)
    no = GroupMood(counts[0], sums[0] / counts[0] if counts[0] else None)
    if yes.mean is None or no.mean is None or min(yes.days, no.days) < MIN_DAYS_TO_COMPARE:
        sentence = (
            "There aren't enough days yet for a fair comparison. It needs at least "
            f"{MIN_DAYS_TO_COMPARE} days with a check-in on which you practised and "
            f"{MIN_DAYS_TO_COMPARE} on which you didn't; so far there are {yes.days} and "
            f"{no.days}."
        )
        return PracticeMoodComparison(yes, no, False, sentence)
    if abs(yes.mean - no.mean) < SAME_MOOD_MARGIN:
        first = (
            f"Your average mood was about the same on the {_days(yes.days)} you practised "
            f"({yes.mean:.1f} out of 10) and on the {_days(no.days)} you didn't ({no.mean:.1f})."
        )
    else:
        first = (
            f"On the {_days(yes.days)} you practised, your average mood was {yes.mean:.1f} out "
            f"of 10; on the {_days(no.days)} you didn't, it was {no.mean:.1f}."
        )
    return PracticeMoodComparison(yes, no, True, f"{first} {NO_CAUSE_NOTE}")
