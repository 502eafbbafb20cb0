"""Insights: mood, questionnaire, practice and calendar data for the charts, in plain words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from sqlalchemy import func, select

from mindful_desktop.clock import Clock, system_clock
from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn, PracticeSession, QuestionnaireResult
from mindful_desktop.domain.around_practice import MoodShift, mood_shift
from mindful_desktop.domain.coverage import Coverage
from mindful_desktop.domain.instruments import GAD7, PHQ9, Instrument, change_summary
from mindful_desktop.domain.medication import ChartMark
from mindful_desktop.domain.series import Resolution, bucket_end, bucket_totals, resolution_for
from mindful_desktop.domain.stats import (
    PracticeMoodComparison,
    Span,
    filter_span,
    monday_of,
    practice_mood_comparison,
    span_start,
    trailing_average,
    weekly_practice,
    year_calendar,
)
from mindful_desktop.services.insight_views import (
    DayDetail,
    MoodTrend,
    PracticeBar,
    PracticeWeeks,
    ScorePoint,
    ScoreSeries,
    YearView,
)
from mindful_desktop.services.medication_data import chart_marks

__all__ = [
    "DEFAULT_SPAN",
    "INSTRUMENTS",
    "Insights",
    "InsightsService",
    "MoodTrend",
    "PracticeWeeks",
    "ScorePoint",
    "ScoreSeries",
    "YearView",
]

DEFAULT_SPAN = Span.DAYS_90
MIN_WINDOW_DAYS = 14  # one lonely point at the edge of a one-day axis helps nobody
INSTRUMENTS: tuple[Instrument, ...] = (PHQ9, GAD7)

_DAY = dt.timedelta(days=1)


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
    # Practices rated before and after, by day: (day, sum of after minus before, how many)
    mood_changes: tuple[tuple[dt.date, float, int], ...] = ()
    # Medication changes and appointments, one a day, oldest first: marked on the charts.
    marks: tuple[ChartMark, ...] = ()

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

    def coverage(self, span: Span) -> Coverage:
        """The days a span really covers, for its words ("in your first 10 days")."""
        return Coverage(span, self.today, self.first_day)

    def resolution(self, span: Span) -> Resolution:
        """Days, weeks or months: how finely the span's window is drawn."""
        start, end = self.window(span)
        return resolution_for((end - start).days + 1)

    def mood(self, span: Span) -> MoodTrend:
        means = filter_span(self.mood_by_day, span, self.today)
        days = tuple(means)
        averages = tuple(self.average_by_day[d] for d in days)
        return MoodTrend(
            span,
            days,
            tuple(means.values()),
            averages,
            self.coverage(span),
            self.resolution(span),
        )

    def practice(self, span: Span) -> PracticeWeeks:
        coverage = self.coverage(span)
        if not self.minutes_by_day:
            return PracticeWeeks(span, (), self.today, coverage)
        start, end = self.window(span)
        shown = {d: m for d, m in self.minutes_by_day.items() if start <= d <= end}
        weeks = tuple(weekly_practice(shown.items(), start, end))
        in_span = filter_span(self.minutes_by_day, span, self.today)
        if self.resolution(span) is Resolution.MONTH:
            resolution, bars = Resolution.MONTH, _month_bars(shown, start, end)
        else:
            resolution = Resolution.WEEK
            bars = tuple(
                PracticeBar(w.monday, w.monday + 6 * _DAY, w.minutes, w.days) for w in weeks
            )
        return PracticeWeeks(
            span,
            weeks,
            self.today,
            coverage,
            sum(in_span.values()),
            len(in_span),
            bars,
            resolution,
        )

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
        return ScoreSeries(instrument, span, points, change, self.coverage(span))

    def comparison(self, span: Span) -> PracticeMoodComparison:
        """Mood on days with and without practice, in the span (domain.stats' own words)."""
        return practice_mood_comparison(
            filter_span(self.mood_by_day, span, self.today),
            filter_span(self.minutes_by_day, span, self.today),
        )

    def shift(self, span: Span) -> MoodShift:
        """How mood tended to shift around the practices rated before and after, in the span."""
        start = span_start(span, self.today)
        inside = [c for c in self.mood_changes if start is None or start <= c[0] <= self.today]
        return mood_shift(sum(n for _d, _c, n in inside), sum(c for _d, c, _n in inside))

    def marks_in(self, window: tuple[dt.date, dt.date]) -> tuple[ChartMark, ...]:
        """The marks on the days a chart shows (from `window`)."""
        start, end = window
        return tuple(m for m in self.marks if start <= m.day <= end)

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


def _month_bars(
    minutes_by_day: dict[dt.date, float], start: dt.date, end: dt.date
) -> tuple[PracticeBar, ...]:
    """Monthly totals, and each month's average days a week over its days in the window;
    months without practice are left out (gaps)."""
    month = Resolution.MONTH
    minutes = bucket_totals(minutes_by_day, month)
    days = bucket_totals(dict.fromkeys(minutes_by_day, 1.0), month)
    bars = []
    for first, total in minutes.items():
        last = bucket_end(first, month)
        shown = (min(last, end) - max(first, start)).days + 1
        bars.append(PracticeBar(first, last, total, days[first] * 7 / max(shown, 1)))
    return tuple(bars)


class InsightsService(QObject):
    """Reads the journal with a few aggregate queries; the domain turns that into trends.

    `changed` is emitted when the journal's check-ins, practice, questionnaires, medication or
    appointments change (the links are made in `AppContext.insights`), so a page can reload
    only when it must."""

    changed = Signal()

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
            change_rows = conn.execute(
                select(
                    PracticeSession.local_date,
                    func.sum(PracticeSession.mood_after - PracticeSession.mood_before),
                    func.count(),
                )
                .where(PracticeSession.mood_before.is_not(None))
                .where(PracticeSession.mood_after.is_not(None))
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
            mood_changes=tuple((day, float(c or 0), int(n)) for day, c, n in change_rows),
            marks=chart_marks(self._db),
        )
