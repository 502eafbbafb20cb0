"""What the Insights charts draw, each with its sentence; built by `services.insights`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from mindful_desktop.domain.content import DAYS_GOAL
from mindful_desktop.domain.coverage import Coverage
from mindful_desktop.domain.instruments import Instrument, band
from mindful_desktop.domain.mood import mood_words
from mindful_desktop.domain.series import Resolution, bucket_end, bucket_means
from mindful_desktop.domain.stats import Span, WeekPractice, YearCalendar
from mindful_desktop.domain.words import count

MIN_WEEKS_FOR_A_WEEKLY_FIGURE = 2  # "about 40 minutes a week" from four days would be a guess


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class MoodTrend:
    """Daily mood means in a span, with the 7-day trailing average on the same days; past
    ~120 days the chart draws weekly (past two years monthly) averages instead."""

    span: Span
    days: tuple[dt.date, ...]
    means: tuple[float, ...]
    averages: tuple[float, ...]  # 7-day trailing average, computed over all history
    coverage: Coverage
    resolution: Resolution = Resolution.DAY

    @property
    def empty(self) -> bool:
        return not self.days

    def buckets(self) -> dict[dt.date, float]:
        """Mean mood per week or month (keyed by its first day); empty ones are gaps."""
        return bucket_means(dict(zip(self.days, self.means, strict=True)), self.resolution)

    def bucket_middle(self, start: dt.date) -> dt.date:
        return start + (bucket_end(start, self.resolution) - start) / 2

    def summary(self) -> str:
        when = self.coverage.words()
        if self.empty:
            return f"No check-ins {when}."
        n = len(self.days)
        overall = one_decimal(sum(self.means) / n)
        if self.coverage.first_day_only:
            return (
                f"You checked in today, your first day; your average mood was {overall} out of 10."
            )
        text = (
            f"You checked in on {count(n, 'day')} {when}; your average mood was "
            f"{overall} out of 10."
        )
        if self.resolution is not Resolution.DAY:
            return text + self._bucket_sentence()
        if n > 1:
            text += (
                f" The 7-day average was {one_decimal(self.averages[0])} on "
                f"{short_date(self.days[0])} and {one_decimal(self.averages[-1])} on "
                f"{short_date(self.days[-1])}."
            )
        return text

    def _bucket_sentence(self) -> str:
        """The first and latest weekly or monthly average, as the chart draws them."""
        buckets = self.buckets()
        if len(buckets) < 2:
            return ""
        first, last = next(iter(buckets)), next(reversed(buckets))

        def when(start: dt.date) -> str:
            if self.resolution is Resolution.MONTH:
                return f"{start:%B %Y}"
            return f"the week of {short_date(start)}"

        return (
            f" The {self.resolution.adjective} average was {one_decimal(buckets[first])} in "
            f"{when(first)} and {one_decimal(buckets[last])} in {when(last)}."
        )


@dataclass(frozen=True)
class ScorePoint:
    day: dt.date
    total: int


@dataclass(frozen=True)
class ScoreSeries:
    """One questionnaire's totals in a span, oldest first, and what the newest one means."""

    instrument: Instrument
    span: Span
    points: tuple[ScorePoint, ...]
    change: tuple[str, ...]  # from domain.instruments.change_summary, over all history
    coverage: Coverage

    @property
    def empty(self) -> bool:
        return not self.points

    def summary(self) -> str:
        name, when = self.instrument.name, self.coverage.words()
        if self.empty:
            return f"No {name} totals {when}."
        last = self.points[-1]
        b = band(self.instrument, last.total)
        n = len(self.points)
        head = f"One {name} total {when}" if n == 1 else f"{n:,} {name} totals {when}"
        return (
            f"{head}; the latest, on {short_date(last.day)}, is {last.total} out of "
            f"{self.instrument.max_score}, in the range called \u201c{b.label}\u201d."
        )


@dataclass(frozen=True)
class PracticeBar:
    """One bar: a week (Monday to Sunday) or a calendar month; `days_a_week` is the days
    practised in a week, or a month's average days a week."""

    start: dt.date
    end: dt.date
    minutes: float
    days_a_week: float


@dataclass(frozen=True)
class PracticeWeeks:
    """Whole ISO weeks overlapping a span, oldest first (the last one may still be going on),
    the bars the charts draw (weeks, or calendar months over long spans), and the span's own
    totals (only days inside the span count there)."""

    span: Span
    weeks: tuple[WeekPractice, ...]
    today: dt.date
    coverage: Coverage
    minutes: float = 0.0
    days: int = 0
    bars: tuple[PracticeBar, ...] = ()
    resolution: Resolution = Resolution.WEEK

    @property
    def empty(self) -> bool:
        return not self.days

    @property
    def goal(self) -> int:
        return DAYS_GOAL

    @property
    def unit(self) -> str:
        return "month" if self.resolution is Resolution.MONTH else "week"

    def summary(self) -> str:
        when = self.coverage.words()
        if self.empty:
            return f"No practice logged {when}."
        minutes = count(round(self.minutes), "minute")
        if self.coverage.first_day_only:
            return f"Today, your first day, you practised for {minutes}."
        text = f"{_capital(when)} you practised on {count(self.days, 'day')}, {minutes} in all"
        weeks = self.coverage.weeks()
        if weeks >= MIN_WEEKS_FOR_A_WEEKLY_FIGURE:
            text += f": about {count(round(self.minutes / weeks), 'minute')} a week"
        return f"{text}."


@dataclass(frozen=True)
class DayDetail:
    mood: float | None
    check_ins: int
    minutes: float
    sessions: int


@dataclass(frozen=True)
class YearView:
    """The year calendar from domain.stats, with words for each day and for the whole year."""

    calendar: YearCalendar
    today: dt.date
    details: Mapping[dt.date, DayDetail] = field(repr=False)

    @property
    def year(self) -> int:
        return self.calendar.year

    def day_text(self, day: dt.date) -> str:
        """What a day held, in a sentence: for tooltips and screen readers."""
        head = f"{day:%A} {long_date(day)}"
        if day > self.today:
            return f"{head}: still to come."
        d = self.details.get(day)
        if d is None:
            return f"{head}: no check-in and no practice logged."
        if d.mood is None:
            mood = "no check-in"
        else:
            words = mood_words(round(d.mood))
            mood = f"mood {one_decimal(d.mood)} out of 10 ({words})"
            if d.check_ins > 1:
                mood += f", the average of {d.check_ins} check-ins"
        if d.sessions:
            practice = f"you practised for {count(round(d.minutes, 1), 'minute')}"
        else:
            practice = "no practice logged"
        return f"{head}: {mood}; {practice}."

    def summary(self) -> str:
        checked = sum(1 for d in self.calendar.days if d.mood is not None)
        practised = sum(1 for d in self.calendar.days if d.practised)
        if not checked and not practised:
            return (
                f"Nothing logged in {self.year} yet. Each day you check in or practise fills "
                "in its square."
            )
        return (
            f"In {self.year} you checked in on {count(checked, 'day')} and practised on "
            f"{count(practised, 'day')}."
        )
