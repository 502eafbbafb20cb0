"""Insights: mood, questionnaire, practice and calendar data for the charts, in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from sqlalchemy import func, select

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn, PracticeSession, QuestionnaireResult
from mindful_desktop.domain.content import DAYS_GOAL
from mindful_desktop.domain.instruments import GAD7, PHQ9, Instrument, band, change_summary
from mindful_desktop.domain.mood import mood_words
from mindful_desktop.domain.stats import (
    PracticeMoodComparison,
    Span,
    WeekPractice,
    YearCalendar,
    filter_span,
    monday_of,
    practice_mood_comparison,
    span_start,
    trailing_average,
    weekly_practice,
    year_calendar,
)

DEFAULT_SPAN = Span.DAYS_90
MIN_WINDOW_DAYS = 14  # one lonely point at the edge of a one-day axis helps nobody
INSTRUMENTS: tuple[Instrument, ...] = (PHQ9, GAD7)

_DAY = dt.timedelta(days=1)


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def _count(n: int, one: str) -> str:
    return f"1 {one}" if n == 1 else f"{n:,} {one}s"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def span_words(span: Span) -> str:
    """'in the last 90 days', 'in the last year', 'since you started'."""
    if span is Span.ALL:
        return "since you started"
    if span is Span.YEAR:
        return "in the last year"
    return f"in the last {span.days} days"


# --- what the charts draw ----------------------------------------------------------------------


@dataclass(frozen=True)
class MoodTrend:
    """Daily mood means in a span, with the 7-day trailing average on the same days."""

    span: Span
    days: tuple[dt.date, ...]
    means: tuple[float, ...]
    averages: tuple[float, ...]  # 7-day trailing average, computed over all history

    @property
    def empty(self) -> bool:
        return not self.days

    def summary(self) -> str:
        when = span_words(self.span)
        if self.empty:
            return f"No check-ins {when}."
        n = len(self.days)
        overall = sum(self.means) / n
        text = (
            f"You checked in on {_count(n, 'day')} {when}; your average mood was "
            f"{_one_decimal(overall)} out of 10."
        )
        if n > 1:
            text += (
                f" The 7-day average was {_one_decimal(self.averages[0])} on "
                f"{_short_date(self.days[0])} and {_one_decimal(self.averages[-1])} on "
                f"{_short_date(self.days[-1])}."
            )
        return text


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

    @property
    def empty(self) -> bool:
        return not self.points

    def summary(self) -> str:
        name = self.instrument.name
        if self.empty:
            return f"No {name} totals {span_words(self.span)}."
        last = self.points[-1]
        b = band(self.instrument, last.total)
        if len(self.points) == 1:
            head = f"One {name} total {span_words(self.span)}"
        else:
            head = f"{len(self.points)} {name} totals {span_words(self.span)}"
        return (
            f"{head}; the latest, on {_short_date(last.day)}, is {last.total} out of "
            f"{self.instrument.max_score}, in the range called \u201c{b.label}\u201d."
        )


@dataclass(frozen=True)
class PracticeWeeks:
    """Whole ISO weeks overlapping a span, oldest first; the last one may still be going on."""

    span: Span
    weeks: tuple[WeekPractice, ...]
    today: dt.date

    @property
    def empty(self) -> bool:
        return not any(w.days for w in self.weeks)

    @property
    def goal(self) -> int:
        return DAYS_GOAL

    def summary(self) -> str:
        when = span_words(self.span)
        if self.empty:
            return f"No practice logged {when}."
        minutes = sum(w.minutes for w in self.weeks)
        days = sum(w.days for w in self.weeks)
        per_week = minutes / len(self.weeks)
        return (
            f"Over these {_count(len(self.weeks), 'week')} you practised on "
            f"{_count(days, 'day')}, {round(minutes):,} minutes in all: about "
            f"{round(per_week):,} minutes a week."
        )


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
        head = f"{day:%A} {_date(day)}"
        if day > self.today:
            return f"{head}: still to come."
        d = self.details.get(day)
        if d is None:
            return f"{head}: no check-in and no practice logged."
        if d.mood is None:
            mood = "no check-in"
        else:
            words = mood_words(round(d.mood))
            mood = f"mood {_one_decimal(d.mood)} out of 10 ({words})"
            if d.check_ins > 1:
                mood += f", the average of {d.check_ins} check-ins"
        if d.sessions:
            practice = f"you practised for {_one_decimal(round(d.minutes, 1))} minutes"
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
            f"In {self.year} you checked in on {_count(checked, 'day')} and practised on "
            f"{_count(practised, 'day')}."
        )


# --- one load, many views ----------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Insights:
    """Everything the Insights page shows, loaded at once; spans and years are sliced from it."""

    today: dt.date
    mood_by_day: dict[dt.date, float]  # daily means, oldest first
    check_ins_by_day: dict[dt.date, int]
    average_by_day: dict[dt.date, float]  # 7-day trailing average over all history
    minutes_by_day: dict[dt.date, float]  # days with any logged practice, oldest first
    sessions_by_day: dict[dt.date, int]
    scores: dict[str, tuple[ScorePoint, ...]]  # by instrument id, oldest first

    @property
    def empty(self) -> bool:
        return not (self.mood_by_day or self.minutes_by_day or any(self.scores.values()))

    @property
    def first_day(self) -> dt.date | None:
        firsts = [next(iter(self.mood_by_day), None), next(iter(self.minutes_by_day), None)]
        firsts += [points[0].day for points in self.scores.values() if points]
        return min((d for d in firsts if d is not None), default=None)

    @property
    def last_day(self) -> dt.date | None:
        lasts = [next(reversed(self.mood_by_day), None), next(reversed(self.minutes_by_day), None)]
        lasts += [points[-1].day for points in self.scores.values() if points]
        return max((d for d in lasts if d is not None), default=None)

    def window(self, span: Span) -> tuple[dt.date, dt.date]:
        """The days every time chart shows for a span: from a Monday (so weeks are whole) to
        today; never earlier than the first entry and never narrower than two weeks."""
        end = self.today
        if span is Span.ALL and self.last_day is not None:
            end = max(end, self.last_day)  # a clock set back must not hide entries
        start = span_start(span, self.today)
        first = self.first_day
        if first is not None:
            start = first if start is None else max(start, first)
        if start is None:
            start = end - (Span.DAYS_30.days or 30) * _DAY + _DAY
        start = min(start, end - (MIN_WINDOW_DAYS - 1) * _DAY)
        return monday_of(start), end

    def mood(self, span: Span) -> MoodTrend:
        means = filter_span(self.mood_by_day, span, self.today)
        days = tuple(means)
        return MoodTrend(
            span, days, tuple(means.values()), tuple(self.average_by_day[d] for d in days)
        )

    def practice(self, span: Span) -> PracticeWeeks:
        start, end = self.window(span)
        sessions = ((d, m) for d, m in self.minutes_by_day.items() if start <= d <= end)
        if not self.minutes_by_day:
            return PracticeWeeks(span, (), self.today)
        return PracticeWeeks(span, tuple(weekly_practice(sessions, start, end)), self.today)

    def questionnaire(self, instrument: Instrument, span: Span) -> ScoreSeries:
        every = self.scores.get(instrument.id, ())
        start = span_start(span, self.today)
        points = tuple(p for p in every if start is None or start <= p.day <= self.today)
        change: tuple[str, ...] = ()
        if every:
            # Over all history: "since your first PHQ-9 here" must mean the very first.
            earlier = every[0].total if len(every) > 1 else None
            previous = every[-2].total if len(every) > 1 else None
            change = change_summary(instrument, earlier, previous, every[-1].total).sentences
        return ScoreSeries(instrument, span, points, change)

    def comparison(self, span: Span) -> PracticeMoodComparison:
        """Mood on days with and without practice, in the span (domain.stats' own words)."""
        return practice_mood_comparison(
            filter_span(self.mood_by_day, span, self.today),
            filter_span(self.minutes_by_day, span, self.today),
        )

    def years(self) -> list[int]:
        """Years the calendar can show, newest first: from the first entry to this year."""
        first = self.first_day
        oldest = min(first.year, self.today.year) if first else self.today.year
        newest = max(self.today.year, self.last_day.year if self.last_day else 0)
        return list(range(newest, oldest - 1, -1))

    def year(self, year: int) -> YearView:
        jan1, dec31 = dt.date(year, 1, 1), dt.date(year, 12, 31)
        moods = {d: m for d, m in self.mood_by_day.items() if jan1 <= d <= dec31}
        practised = [d for d in self.minutes_by_day if jan1 <= d <= dec31]
        details = {
            d: DayDetail(
                moods.get(d),
                self.check_ins_by_day.get(d, 0),
                self.minutes_by_day.get(d, 0.0),
                self.sessions_by_day.get(d, 0),
            )
            for d in set(moods).union(practised)
        }
        return YearView(year_calendar(year, moods, practised), self.today, details)


class InsightsService(QObject):
    """Reads the journal with a few aggregate queries; the domain turns that into trends."""

    def __init__(
        self, db: Database, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock().date()

    def load(self) -> Insights:
        with self._db.session() as session:
            conn = session.connection()  # plain rows: no ORM bookkeeping for thousands of days
            # AVG per local_date is domain.stats.daily_means done by SQLite: each check-in in
            # a day weighs the same, and only one row per day crosses into Python.
            mood_rows = conn.execute(
                select(CheckIn.local_date, func.avg(CheckIn.mood), func.count())
                .group_by(CheckIn.local_date)
                .order_by(CheckIn.local_date)
            ).all()
            practice_rows = conn.execute(
                select(PracticeSession.local_date, func.sum(PracticeSession.minutes), func.count())
                .group_by(PracticeSession.local_date)
                .order_by(PracticeSession.local_date)
            ).all()
            score_rows = conn.execute(
                select(
                    QuestionnaireResult.instrument,
                    QuestionnaireResult.local_date,
                    QuestionnaireResult.total,
                ).order_by(QuestionnaireResult.taken_at, QuestionnaireResult.id)
            ).all()
        mood_by_day = {day: float(mean) for day, mean, _n in mood_rows}
        scores: dict[str, list[ScorePoint]] = {i.id: [] for i in INSTRUMENTS}
        for instrument, day, total in score_rows:
            if instrument in scores:
                scores[instrument].append(ScorePoint(day, int(total)))
        return Insights(
            today=self.today(),
            mood_by_day=mood_by_day,
            check_ins_by_day={day: int(n) for day, _mean, n in mood_rows},
            average_by_day=trailing_average(mood_by_day),
            minutes_by_day={day: float(total or 0.0) for day, total, _n in practice_rows},
            sessions_by_day={day: int(n) for day, _total, n in practice_rows},
            scores={key: tuple(points) for key, points in scores.items()},
        )
