"""The Insights page offscreen: no data, one day, ten years; spans, calendar, palette, words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn
from mindful_desktop.domain.stats import NO_CAUSE_NOTE, Span
from mindful_desktop.services.insights import InsightsService
from mindful_desktop.ui.charts.axes import DateAxis, day_x
from mindful_desktop.ui.charts.base import ChartView
from mindful_desktop.ui.pages.insights import CALENDAR_HINT, NO_DATA_MOOD, InsightsPage
from mindful_desktop.ui.theme import dark_palette, light_palette
from tests.conftest import FakeClock
from tests.services.test_insights import fill

DAY = dt.timedelta(days=1)
MakePage = Callable[[], InsightsPage]


@pytest.fixture
def make_page(db: Database, clock: FakeClock, qtbot: QtBot) -> MakePage:
    def make() -> InsightsPage:
        page = InsightsPage(InsightsService(db, clock))
        qtbot.addWidget(page)
        page.resize(1060, 800)
        page.show()
        qtbot.waitExposed(page)
        assert not page.grab().isNull()  # a full paint, charts included
        return page

    return make


def _charts(page: InsightsPage) -> list[ChartView]:
    return page.findChildren(ChartView)


def _add_check_in(db: Database, day: dt.date, mood: int) -> None:
    at = dt.datetime.combine(day, dt.time(9))
    with db.session() as session:
        session.add(CheckIn(created_at=at, updated_at=at, local_date=day, mood=mood))


def test_no_data_shows_kind_sentences_and_builds_no_plots(make_page: MakePage) -> None:
    page = make_page()
    assert page.mood.empty.isVisible() and page.mood.empty.text() == NO_DATA_MOOD
    assert page.mood.chart is None and _charts(page) == []
    assert page.scores_empty.isVisible() and page.practice_empty.isVisible()
    assert not page.range_bar.isVisible()
    assert "aren't enough days yet" in page.comparison.text()
    assert page.year_summary.text().startswith("Nothing logged in")
    assert page.day_detail.text() == CALENDAR_HINT


def test_one_day_draws_one_dot(db: Database, make_page: MakePage, clock: FakeClock) -> None:
    _add_check_in(db, clock().date(), 7)
    page = make_page()
    assert page.mood.showing_chart and not page.mood.empty.isVisible()
    chart = page.mood.chart
    assert chart is not None
    assert len(chart.dots.data) == 1
    assert chart.accessibleDescription().startswith("You checked in today, your first day")
    assert page.practice_empty.isVisible() and page.scores_empty.isVisible()


def test_ten_years_draw_every_chart_in_every_span(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    fill(db, clock().date(), 3650)
    page = make_page()
    assert page.span is Span.DAYS_90
    assert len(_charts(page)) == 5  # mood, PHQ-9, GAD-7, minutes, days
    for span in Span:
        page.range_buttons[span].click()
        assert page.span is span and page.range_buttons[span].isChecked()
        assert not page.grab().isNull()
        for chart in _charts(page):
            assert chart.isVisible()
            assert chart.accessibleName().startswith("Chart: ")
            assert chart.accessibleDescription()
    mood = page.mood.chart
    assert mood is not None
    data = page.data
    assert data is not None
    months = {d.replace(day=1) for d in data.mood_by_day}
    assert len(mood.dots.data) == len(months)  # ten years read as monthly averages
    assert mood.accessibleName() == "Chart: your mood, as monthly averages"
    assert "since you started in" in page.mood_summary.text()
    assert "monthly averages" in page.mood_summary.text()
    assert page.minutes_heading.text() == "Minutes each month (monthly totals)"
    page.range_buttons[Span.YEAR].click()
    assert "weekly averages" in page.mood_summary.text()
    assert page.minutes_heading.text() == "Minutes each week"
    page.range_buttons[Span.DAYS_90].click()
    assert len(mood.dots.data) == len(data.mood(Span.DAYS_90).days)  # every day its own dot


def test_page_reloads_when_shown_again_after_a_change(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    page = make_page()
    assert page.mood.chart is None
    page.hide()
    _add_check_in(db, clock().date(), 4)
    page.show()
    assert page.mood.chart is None  # nothing said the journal changed: no reload
    page.hide()
    page.mark_stale()  # what InsightsService.changed does (wired in AppContext)
    page.show()
    assert page.mood.showing_chart
    assert "your first day" in page.mood_summary.text()


def test_comparison_shows_counts_and_never_claims_cause(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    fill(db, clock().date(), 3650)
    page = make_page()
    page.set_span(Span.ALL)
    text = page.comparison.text()
    assert text.endswith(NO_CAUSE_NOTE)
    for claim in ("because", "improve", "helps", "leads to", "makes you", "boost"):
        assert claim not in text.lower()
    assert page.figures.isVisible()
    assert "days you practised" in page.practised_figure.text()
    assert "days you didn't" in page.not_practised_figure.text()


def test_calendar_tooltip_click_and_keys_describe_a_day(
    db: Database, make_page: MakePage, clock: FakeClock, qtbot: QtBot
) -> None:
    today = clock().date()
    _add_check_in(db, today, 8)
    page = make_page()
    calendar = page.calendar
    assert calendar.accessibleName() == f"Calendar of {today.year}"
    rect = calendar.cell_rect(today)
    assert rect is not None
    centre = rect.center().toPoint()
    assert calendar.day_at(QPointF(centre)) == today
    expected = calendar.day_text(today)
    assert "mood 8 out of 10 (good)" in expected

    tip = QHelpEvent(QEvent.Type.ToolTip, centre, calendar.mapToGlobal(centre))
    QApplication.sendEvent(calendar, tip)
    assert QToolTip.text() == expected
    QToolTip.hideText()

    qtbot.mouseClick(calendar, Qt.MouseButton.LeftButton, pos=centre)
    assert calendar.selected == today
    assert page.day_detail.text() == expected
    assert calendar.accessibleDescription().endswith(expected)

    qtbot.keyClick(calendar, Qt.Key.Key_Left)
    if (today - DAY).year == today.year:
        assert calendar.selected == today - DAY
        assert page.day_detail.text().endswith("no check-in and no practice logged.")


def test_year_selector_switches_the_calendar(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    today = clock().date()
    fill(db, today, 800)
    page = make_page()
    years = [page.year_box.itemData(i) for i in range(page.year_box.count())]
    assert years[0] == today.year and len(years) >= 3
    page.year_box.setCurrentIndex(1)
    view = page.calendar.view
    assert view is not None and view.year == today.year - 1
    assert page.year_summary.text().startswith(f"In {today.year - 1} you checked in on")


def test_charts_follow_the_palette_and_stay_still(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    fill(db, clock().date(), 120)
    page = make_page()
    page.setPalette(dark_palette())
    dark_base = dark_palette().color(QPalette.ColorRole.Base)
    for chart in _charts(page):
        assert chart.colours.background == dark_base
        assert chart.colours.dark
        assert chart.view_box.state["mouseEnabled"] == [False, False]
        assert chart.view_box.menu is None
        assert chart.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    page.setPalette(light_palette())
    assert not _charts(page)[0].colours.dark
    assert not page.grab().isNull()


@pytest.mark.parametrize(
    ("days", "kind"),
    [(14, "day"), (30, "week"), (90, "week"), (365, "month"), (3650, "year")],
)
def test_date_axis_ticks_never_crowd(qtbot: QtBot, days: int, kind: str) -> None:
    axis = DateAxis()
    end = dt.date(2026, 3, 14)
    lo, hi = day_x(end - (days - 1) * DAY) - 0.5, day_x(end) + 0.5
    ((spacing, values),) = axis.tickValues(lo, hi, 800)
    assert values and len(values) <= 800 / 84 + 1
    assert all(lo <= v <= hi for v in values)
    labels = axis.tickStrings(values, 1.0, spacing)
    assert axis._kind == kind
    if kind == "year":
        assert all(label.isdigit() for label in labels)
    if kind == "week":
        assert all(label.split()[0].isdigit() for label in labels)


def test_wheel_over_a_chart_is_left_to_the_page(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    from PySide6.QtGui import QWheelEvent

    fill(db, clock().date(), 60)
    page = make_page()
    chart = page.mood.chart
    assert chart is not None
    before = chart.view_box.viewRange()
    pos = QPointF(chart.width() / 2, chart.height() / 2)
    wheel = QWheelEvent(
        pos,
        chart.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(chart.viewport(), wheel)
    assert chart.view_box.viewRange() == before  # no zoom
    # Ignored, so Qt hands a real (spontaneous) wheel on to the scrolling page.
    assert not wheel.isAccepted()


def test_a_ten_day_journal_claims_no_ninety_days(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    fill(db, clock().date(), 10, seed=3)
    page = make_page()
    assert page.span is Span.DAYS_90
    texts = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    texts += [c.accessibleDescription() for c in _charts(page)]
    assert "in your first 10 days" in page.mood_summary.text()
    assert "in your first 10 days" in page.practice_summary.text().lower()
    for text in texts:
        assert "90 days" not in text and not re.search(r"\bthese [\d,]+ ", text), text
        assert "last" not in text.replace("at least", ""), text


def test_mood_around_practice_is_said_plainly_once_rated_enough(
    db: Database, make_page: MakePage, clock: FakeClock
) -> None:
    from mindful_desktop.services.practice import PracticeService

    page = make_page()
    page.set_span(Span.ALL)
    assert "optional" in page.shift.text()  # nothing rated: an invitation, no figures
    practice = PracticeService(db, Path("/nonexistent"), Path("/nonexistent"), clock)
    for n in range(6):
        started = clock() - dt.timedelta(days=n)
        session = practice.log("track", "breath", "Breath", started, 10, True, mood_before=4)
        practice.update(session.id, mood_after=5 + n % 2)
    page.mark_stale()
    page.hide()
    page.show()
    text = page.shift.text()
    assert text.startswith("Over the 6 practices you rated before and after, mood was on average")
    assert "1.5 points higher afterwards" in text
    assert "doesn't show that practice caused it" in text
    for claim in ("because", "improve", "helps", "boost"):
        assert claim not in text.lower()
