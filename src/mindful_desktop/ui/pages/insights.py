"""Insights: mood, questionnaires, practice and the year, each chart answering one question."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindful_desktop.domain.instruments import ATTRIBUTION, SELF_MONITORING_NOTE, Instrument
from mindful_desktop.domain.medication import NO_CAUSE_MARKS
from mindful_desktop.domain.series import Resolution
from mindful_desktop.domain.stats import PracticeMoodComparison, Span, span_start
from mindful_desktop.domain.words import count
from mindful_desktop.services.insights import DEFAULT_SPAN, INSTRUMENTS, Insights, InsightsService
from mindful_desktop.ui.charts.calendar import YearCalendarView
from mindful_desktop.ui.charts.mood import MoodChart
from mindful_desktop.ui.charts.practice import DaysChart, MinutesChart
from mindful_desktop.ui.charts.scores import ScoreChart
from mindful_desktop.ui.widgets.chart_slot import ChartSlot, heading
from mindful_desktop.ui.widgets.common import Card, Page, label

NO_DATA_MOOD = (
    "Your mood will show here after your first check-in on the Today page. There's no hurry."
)
NO_DATA_PRACTICE = (
    "Your practice will show here once some is logged: from the Practice page, or practice "
    "you did away from the computer and added by hand."
)
NO_DATA_SCORES = (
    "You haven't filled in a PHQ-9 or GAD-7 here yet. If you'd like to, taking them every two "
    "weeks lets you see how things change over time."
)
CALENDAR_HINT = "Point at a day to see what it held, or click it; the arrow keys move between days."
PRACTICE_NOTE = (
    "The dashed line is the course's suggestion of six days a week. Every day you practise "
    "counts, and a quieter week is part of practising too."
)
MOOD_NOTES = {
    Resolution.DAY: "Each dot is one day's average check-in; the line is the average over seven "
    "days.",
    Resolution.WEEK: "Shown as weekly averages: each dot is one week's average check-in, "
    "Monday to Sunday; a week without check-ins is a gap.",
    Resolution.MONTH: "Shown as monthly averages: each dot is one month's average check-in; "
    "a month without check-ins is a gap.",
}
MOOD_NOTE = MOOD_NOTES[Resolution.DAY]
EARLIER = "A longer span above shows the earlier ones."
SCORES_NOTE = "Lower totals mean these problems bothered you less often."
MARKS_NOTE = (
    "Dashed lines mark changes to your medication, dotted lines your appointments: point at "
    f"one, or move to the chart with Tab and use the arrow keys, to read it. {NO_CAUSE_MARKS}"
)

_ABOUT = {
    "phq9": "how often low mood and the problems that come with it bothered you",
    "gad7": "how often worry and anxiety bothered you",
}
_RANGE_NAMES = {
    Span.DAYS_30: "Show the last 30 days",
    Span.DAYS_90: "Show the last 90 days",
    Span.YEAR: "Show the last year",
    Span.ALL: "Show everything since you started",
}
_RANGE_STYLE = """
QPushButton#RangeButton { padding: 5px 14px; min-width: 64px; }
QPushButton#RangeButton:checked { background: palette(highlight);
    color: palette(highlighted-text); border-color: palette(highlight); font-weight: 600; }
"""


def _with_earlier(text: str, start: dt.date | None, first: dt.date) -> str:
    """Point to a longer span only when there is something before this one."""
    return f"{text} {EARLIER}" if start is not None and first < start else text


class InsightsPage(Page):
    def __init__(self, insights: InsightsService, parent: QWidget | None = None) -> None:
        super().__init__(
            "Insights",
            "How things have been going, in pictures and in plain words. Nothing here is a "
            "test to pass; it's a way of noticing.",
            parent,
        )
        self._service = insights
        self._data: Insights | None = None
        self._stale = True  # nothing loaded yet
        self._span = DEFAULT_SPAN
        insights.changed.connect(self.mark_stale)

        # Choosing a span changes every chart over time (not the calendar, which has its year).
        self.range_bar = QWidget()
        self.range_bar.setStyleSheet(_RANGE_STYLE)
        bar = QHBoxLayout(self.range_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        bar.addWidget(label("Show", wrap=False))
        bar.addSpacing(4)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[Span, QPushButton] = {}
        for span in Span:
            button = QPushButton(span.value)
            button.setObjectName("RangeButton")
            button.setCheckable(True)
            button.setAccessibleName(_RANGE_NAMES[span])
            button.clicked.connect(lambda _=False, s=span: self.set_span(s))
            self.range_group.addButton(button)
            self.range_buttons[span] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.range_buttons[self._span].setChecked(True)
        self.add(self.range_bar)

        mood_card = Card("How has my mood been?")
        self.mood = ChartSlot(MoodChart)
        self.mood_summary = label("", "Muted")
        self.marks_note = label(MARKS_NOTE, "Muted")
        self.marks_note.hide()
        # The words of the mark chosen with the keys, while the chart has the focus.
        self.mark_detail = label("")
        self.mark_detail.hide()
        mood_card.body.addWidget(self.mood)
        mood_card.body.addWidget(self.mark_detail)
        mood_card.body.addWidget(self.mood_summary)
        mood_card.body.addWidget(self.marks_note)
        self.add(mood_card)

        scores_card = Card("Are my questionnaire scores changing?")
        self.scores_empty = label(NO_DATA_SCORES, "Muted")
        scores_card.body.addWidget(self.scores_empty)
        self.scores: dict[str, ChartSlot[ScoreChart]] = {}
        self.score_texts: dict[str, QLabel] = {}
        self.score_sections: dict[str, QWidget] = {}
        self.score_marks: dict[str, QLabel] = {}
        for instrument in INSTRUMENTS:
            section = QWidget()
            column = QVBoxLayout(section)
            column.setContentsMargins(0, 4, 0, 4)
            column.setSpacing(6)
            column.addWidget(heading(f"{instrument.name}: {_ABOUT.get(instrument.id, '')}"))
            slot: ChartSlot[ScoreChart] = ChartSlot(partial(ScoreChart, instrument))
            column.addWidget(slot)
            chosen = label("")
            chosen.hide()
            column.addWidget(chosen)
            self.score_marks[instrument.id] = chosen
            text = label("", "Muted")
            column.addWidget(text)
            scores_card.body.addWidget(section)
            self.scores[instrument.id] = slot
            self.score_texts[instrument.id] = text
            self.score_sections[instrument.id] = section
        self.scores_note = label(f"{SCORES_NOTE} {SELF_MONITORING_NOTE}")
        self.attribution = label(ATTRIBUTION, "Muted")
        scores_card.body.addWidget(self.scores_note)
        scores_card.body.addWidget(self.attribution)
        self.add(scores_card)

        practice_card = Card("How much am I practising?")
        self.practice_empty = label(NO_DATA_PRACTICE, "Muted")
        practice_card.body.addWidget(self.practice_empty)
        self.practice_section = QWidget()
        column = QVBoxLayout(self.practice_section)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.minutes_heading = heading("Minutes each week")
        column.addWidget(self.minutes_heading)
        self.minutes = ChartSlot(MinutesChart)
        column.addWidget(self.minutes)
        column.addSpacing(6)
        self.days_heading = heading("Days you practised each week")
        column.addWidget(self.days_heading)
        self.days = ChartSlot(DaysChart)
        column.addWidget(self.days)
        self.practice_summary = label("", "Muted")
        column.addWidget(self.practice_summary)
        column.addWidget(label(PRACTICE_NOTE, "Muted"))
        practice_card.body.addWidget(self.practice_section)
        self.add(practice_card)

        compare_card = Card("Mood on days with and without practice")
        figures = QHBoxLayout()
        figures.setSpacing(40)
        self.practised_figure = label("", wrap=False)
        self.not_practised_figure = label("", wrap=False)
        figures.addWidget(self.practised_figure)
        figures.addWidget(self.not_practised_figure)
        figures.addStretch(1)
        self.figures = QWidget()
        self.figures.setLayout(figures)
        figures.setContentsMargins(0, 0, 0, 0)
        self.comparison = label("")
        compare_card.body.addWidget(self.figures)
        compare_card.body.addWidget(self.comparison)
        self.shift = label("", "Muted")
        self.shift.setAccessibleName("How mood tended to shift around practice")
        compare_card.body.addWidget(self.shift)
        self.add(compare_card)

        calendar_card = Card("Your year at a glance")
        top = QHBoxLayout()
        top.addWidget(label("Year", wrap=False))
        self.year_box = QComboBox()
        self.year_box.setAccessibleName("Year shown in the calendar")
        top.addWidget(self.year_box)
        top.addStretch(1)
        calendar_card.body.addLayout(top)
        self.calendar = YearCalendarView()
        calendar_card.body.addWidget(self.calendar)
        self.year_summary = label("", "Muted")
        self.day_detail = label(CALENDAR_HINT, "Muted")
        calendar_card.body.addWidget(self.year_summary)
        calendar_card.body.addWidget(self.day_detail)
        self.add(calendar_card)

        self.year_box.currentIndexChanged.connect(self._on_year_chosen)
        self.calendar.daySelected.connect(self._on_day_selected)

    # --- data ---------------------------------------------------------------------------------

    @property
    def span(self) -> Span:
        return self._span

    @property
    def data(self) -> Insights | None:
        return self._data

    @property
    def stale(self) -> bool:
        """Whether the journal changed (or the day turned) since the page last loaded it."""
        return self._stale or self._data is None or self._data.today != self._service.today()

    def mark_stale(self) -> None:
        """Something Insights counts changed: reload now if showing, else on the next show."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # Coming back to the page (not un-minimising the window), and only if data changed.
        if not event.spontaneous() and self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the journal again (new check-ins since last time appear) and redraw."""
        self._data = self._service.load()
        self._stale = False
        self._render_spans()
        self._render_years()

    def set_span(self, span: Span) -> None:
        self._span = span
        self.range_buttons[span].setChecked(True)
        if self._data is not None:
            self._render_spans()

    def _render_spans(self) -> None:
        data = self._data
        assert data is not None
        span = self._span
        window = data.window(span)
        self.range_bar.setVisible(not data.empty)
        when = data.coverage(span).words()
        start = span_start(span, data.today)

        trend = data.mood(span)
        marks = data.marks_in(window)
        if trend.empty:
            self.mood.show_empty(
                NO_DATA_MOOD
                if not data.mood_by_day
                else _with_earlier(f"No check-ins {when}.", start, next(iter(data.mood_by_day)))
            )
            self.mood_summary.hide()
        else:
            built = self.mood.chart is not None
            chart = self.mood.show_chart()
            if not built:
                chart.markChosen.connect(partial(self._show_mark, self.mark_detail))
            chart.set_trend(trend, window)
            chart.set_marks(marks)
            self.mood_summary.setText(f"{trend.summary()} {MOOD_NOTES[trend.resolution]}")
            self.mood_summary.show()
        self.marks_note.setVisible(bool(marks) and self.mood.showing_chart)

        any_scores = any(data.scores.values())
        self.scores_empty.setVisible(not any_scores)
        for instrument in INSTRUMENTS:
            self._render_scores(instrument, data, window, any_scores)
        self.scores_note.setVisible(any_scores)
        self.attribution.setVisible(any_scores)

        weeks = data.practice(span)
        self.practice_empty.setVisible(not data.minutes_by_day)
        self.practice_section.setVisible(bool(data.minutes_by_day))
        if data.minutes_by_day:
            if weeks.empty:
                first = next(iter(data.minutes_by_day))
                self.minutes.show_empty(_with_earlier(f"No practice logged {when}.", start, first))
                self.days.show_empty("")
                self.days.hide()
            else:
                self.minutes.show_chart().set_weeks(weeks, window)
                self.days.show()
                self.days.show_chart().set_weeks(weeks, window)
            monthly = weeks.resolution is Resolution.MONTH
            self.minutes_heading.setText(
                "Minutes each month (monthly totals)" if monthly else "Minutes each week"
            )
            self.days_heading.setText(
                "Days you practised a week (monthly averages)"
                if monthly
                else "Days you practised each week"
            )
            self.practice_summary.setText(weeks.summary())

        self._render_comparison(data.comparison(span), when)
        self.shift.setText(data.shift(span).sentence)

    def _render_scores(
        self, instrument: Instrument, data: Insights, window: tuple[dt.date, dt.date], show: bool
    ) -> None:
        section = self.score_sections[instrument.id]
        section.setVisible(show)
        if not show:
            return
        slot = self.scores[instrument.id]
        series = data.questionnaire(instrument, self._span)
        text = self.score_texts[instrument.id]
        if not data.scores.get(instrument.id):
            slot.show_empty(f"You haven't filled in a {instrument.name} here yet.")
            text.hide()
            return
        if series.empty:
            first = data.scores[instrument.id][0].day
            start = span_start(self._span, data.today)
            slot.show_empty(_with_earlier(series.summary(), start, first))
        else:
            built = slot.chart is not None
            chart = slot.show_chart()
            if not built:
                chart.markChosen.connect(partial(self._show_mark, self.score_marks[instrument.id]))
            chart.set_series(series, window)
            chart.set_marks(data.marks_in(window))
        text.setText(" ".join(series.change))
        text.show()

    @staticmethod
    def _show_mark(where: QLabel, text: str) -> None:
        where.setText(" ".join(text.split("\n")))
        where.setVisible(bool(text))

    def _render_comparison(self, result: PracticeMoodComparison, when: str) -> None:
        self.comparison.setText(result.sentence)
        self.figures.setVisible(result.enough)
        if result.enough:
            yes, no = result.practised, result.not_practised
            self.practised_figure.setText(
                f"<b>{yes.mean:.1f}</b> on the {count(yes.days, 'day')} you practised"
            )
            self.not_practised_figure.setText(
                f"<b>{no.mean:.1f}</b> on the {count(no.days, 'day')} you didn't"
            )
        self.comparison.setAccessibleName(f"Mood on days with and without practice, {when}")

    def _render_years(self) -> None:
        data = self._data
        assert data is not None
        years = data.years()
        current = self.calendar.view.year if self.calendar.view else data.today.year
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(str(year), year)
        index = years.index(current) if current in years else 0
        self.year_box.setCurrentIndex(index)
        self.year_box.blockSignals(False)
        self._show_year(years[index])

    def _on_year_chosen(self, index: int) -> None:
        year = self.year_box.itemData(index)
        if isinstance(year, int):
            self._show_year(year)

    def _show_year(self, year: int) -> None:
        if self._data is None:
            return
        view = self._data.year(year)
        self.calendar.set_view(view)
        self.year_summary.setText(view.summary())
        selected = self.calendar.selected
        self.day_detail.setText(view.day_text(selected) if selected else CALENDAR_HINT)

    def _on_day_selected(self, day: object) -> None:
        if isinstance(day, dt.date):
            self.day_detail.setText(self.calendar.day_text(day))
