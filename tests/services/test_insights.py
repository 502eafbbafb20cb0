"""Insights data on no days, one day and ten years: aggregates, spans, weeks, calendar, words."""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import pytest
from sqlalchemy import event, insert

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import CheckIn, PracticeSession, QuestionnaireResult
from mindful_desktop.domain.instruments import GAD7, PHQ9, band, change_summary
from mindful_desktop.domain.stats import (
    NO_CAUSE_NOTE,
    Span,
    daily_means,
    practice_mood_comparison,
    span_start,
    trailing_average,
)
from mindful_desktop.services.insights import MIN_WINDOW_DAYS, InsightsService
from tests.conftest import FakeClock

DAY = dt.timedelta(days=1)


def fill(
    db: Database, today: dt.date, days: int, seed: int = 7, questionnaires: bool = True
) -> dict[str, Any]:
    """Insert `days` days of invented history ending today, straight into the tables.

    Returns what went in, so tests can compare the service with the domain functions.
    """
    rng = random.Random(seed)
    checkins: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    start = today - (days - 1) * DAY
    noon = dt.time(12)
    for offset in range(days):
        day = start + offset * DAY
        at = dt.datetime.combine(day, noon)
        for _ in range(rng.choice((0, 1, 1, 1, 2))):
            checkins.append(
                {"created_at": at, "updated_at": at, "local_date": day, "mood": rng.randint(0, 10)}
            )
        if rng.random() < 0.6:
            sessions.append(
                {
                    "kind": "manual",
                    "practice_id": "breath",
                    "title": "Breath",
                    "started_at": at,
                    "local_date": day,
                    "minutes": float(rng.choice((3, 10, 20, 37.5))),
                    "completed": True,
                    "note": "",
                    "created_at": at,
                    "updated_at": at,
                }
            )
        if questionnaires and offset % 14 == 0:
            for instrument in (PHQ9, GAD7):
                total = rng.randint(0, instrument.max_score)
                results.append(
                    {
                        "instrument": instrument.id,
                        "taken_at": at,
                        "local_date": day,
                        "answers": json.dumps([0] * len(instrument.items)),  # not read here
                        "total": total,
                        "band": band(instrument, total).label,
                    }
                )
    with db.session() as session:
        for model, rows in (
            (CheckIn, checkins),
            (PracticeSession, sessions),
            (QuestionnaireResult, results),
        ):
            if rows:
                session.execute(insert(model), rows)
    return {"checkins": checkins, "sessions": sessions, "results": results}


@pytest.fixture
def today(clock: FakeClock) -> dt.date:
    return clock().date()


@pytest.fixture
def service(db: Database, clock: FakeClock) -> InsightsService:
    return InsightsService(db, clock)


# --- no data ---------------------------------------------------------------------------------


def test_nothing_logged_gives_empty_views_and_kind_words(
    service: InsightsService, today: dt.date
) -> None:
    data = service.load()
    assert data.empty and data.first_day is None
    for span in Span:
        assert data.mood(span).empty
        assert data.practice(span).empty and data.practice(span).weeks == ()
        assert data.questionnaire(PHQ9, span).empty
        start, end = data.window(span)
        assert end == today and start.weekday() == 0
        assert (end - start).days + 1 >= MIN_WINDOW_DAYS
    assert data.mood(Span.DAYS_30).summary() == "No check-ins yet."
    assert data.questionnaire(GAD7, Span.ALL).change == ()
    comparison = data.comparison(Span.ALL)
    assert not comparison.enough and "aren't enough days yet" in comparison.sentence
    assert data.years() == [today.year]
    year = data.year(today.year)
    assert year.summary().startswith(f"Nothing logged in {today.year} yet.")
    assert len(year.calendar.days) in (365, 366)
    assert year.day_text(today).endswith("no check-in and no practice logged.")


# --- one day ---------------------------------------------------------------------------------


def test_one_day_with_two_check_ins_is_their_mean(
    db: Database, service: InsightsService, today: dt.date
) -> None:
    at = dt.datetime.combine(today, dt.time(9))
    with db.session() as session:
        for mood in (5, 8):
            session.add(CheckIn(created_at=at, updated_at=at, local_date=today, mood=mood))
    data = service.load()
    assert not data.empty and data.first_day == today
    trend = data.mood(Span.DAYS_30)
    assert trend.days == (today,) and trend.means == (6.5,) and trend.averages == (6.5,)
    assert trend.summary() == (
        "You checked in today, your first day; your average mood was 6.5 out of 10."
    )
    start, end = data.window(Span.ALL)
    assert end == today and (end - start).days + 1 >= MIN_WINDOW_DAYS
    text = data.year(today.year).day_text(today)
    assert f"{today:%A} {today.day} {today:%B %Y}" in text
    assert "mood 6.5 out of 10 (in the middle), the average of 2 check-ins" in text
    assert text.endswith("no practice logged.")


def test_one_practice_day_makes_one_week(
    db: Database, service: InsightsService, today: dt.date
) -> None:
    at = dt.datetime.combine(today, dt.time(8))
    with db.session() as session:
        for minutes in (10.0, 5.5):
            session.add(
                PracticeSession(
                    kind="manual",
                    practice_id="breath",
                    title="Breath",
                    started_at=at,
                    local_date=today,
                    minutes=minutes,
                    completed=True,
                )
            )
    data = service.load()
    weeks = data.practice(Span.DAYS_30)
    assert weeks.weeks[-1].monday == today - today.weekday() * DAY
    assert (weeks.weeks[-1].minutes, weeks.weeks[-1].days) == (15.5, 1)
    assert sum(w.days for w in weeks.weeks) == 1
    text = data.year(today.year).day_text(today)
    assert text.endswith("no check-in; you practised for 15.5 minutes.")


# --- ten years -------------------------------------------------------------------------------


@pytest.fixture
def ten_years(db: Database, today: dt.date) -> dict[str, Any]:
    return fill(db, today, 3650)


def test_daily_means_match_the_domain_over_ten_years(
    service: InsightsService, ten_years: dict[str, Any]
) -> None:
    data = service.load()
    expected = daily_means((r["local_date"], r["mood"]) for r in ten_years["checkins"])
    assert list(data.mood_by_day) == list(expected)  # same days, oldest first
    assert data.mood_by_day == pytest.approx(expected)
    assert data.average_by_day == pytest.approx(trailing_average(expected))
    counts: dict[dt.date, int] = {}
    for r in ten_years["checkins"]:
        counts[r["local_date"]] = counts.get(r["local_date"], 0) + 1
    assert data.check_ins_by_day == counts


def test_load_is_four_aggregate_queries_however_long_the_history(
    db: Database, service: InsightsService, ten_years: dict[str, Any]
) -> None:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(str(args[2]).strip())

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        service.load()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    selects = [s for s in statements if s.upper().startswith("SELECT")]
    assert len(selects) == 4  # mood, practice, mood around practice (by day); scores
    assert sum("GROUP BY" in s.upper() for s in selects) == 3


@pytest.mark.parametrize("span", list(Span))
def test_spans_keep_their_days_and_the_average_keeps_its_history(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date, span: Span
) -> None:
    data = service.load()
    trend = data.mood(span)
    start = span_start(span, today)
    inside = [d for d in data.mood_by_day if start is None or start <= d <= today]
    assert list(trend.days) == inside
    assert all(start is None or d >= start for d in trend.days)
    # The first day's 7-day average still counts the days just before the span.
    assert trend.averages[0] == pytest.approx(data.average_by_day[trend.days[0]])
    window_start, window_end = data.window(span)
    assert window_start.weekday() == 0 and window_end == today
    assert start is None or window_start <= start < window_start + 7 * DAY


def test_practice_weeks_are_whole_and_add_up(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date
) -> None:
    data = service.load()
    weeks = data.practice(Span.ALL)
    assert weeks.weeks[0].monday.weekday() == 0
    assert [b.monday - a.monday for a, b in zip(weeks.weeks, weeks.weeks[1:], strict=False)] == [
        7 * DAY
    ] * (len(weeks.weeks) - 1)
    assert sum(w.minutes for w in weeks.weeks) == pytest.approx(
        sum(s["minutes"] for s in ten_years["sessions"])
    )
    assert sum(w.days for w in weeks.weeks) == len({s["local_date"] for s in ten_years["sessions"]})
    month = data.practice(Span.DAYS_30)
    assert 5 <= len(month.weeks) <= 6  # the weeks that touch the last 30 days, whole
    first_monday = month.weeks[0].monday
    assert month.weeks[0].days == len(
        {
            s["local_date"]
            for s in ten_years["sessions"]
            if first_monday <= s["local_date"] < first_monday + 7 * DAY
        }
    )
    assert "minutes a week" in month.summary()


def test_questionnaires_in_a_span_and_their_change_words(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date
) -> None:
    data = service.load()
    phq = [r for r in ten_years["results"] if r["instrument"] == "phq9"]
    every = data.questionnaire(PHQ9, Span.ALL)
    assert [(p.day, p.total) for p in every.points] == [(r["local_date"], r["total"]) for r in phq]
    year = data.questionnaire(PHQ9, Span.YEAR)
    start = span_start(Span.YEAR, today)
    assert start is not None
    assert [p.day for p in year.points] == [
        r["local_date"] for r in phq if r["local_date"] >= start
    ]
    expected = change_summary(PHQ9, phq[0]["total"], phq[-2]["total"], phq[-1]["total"])
    assert year.change == expected.sentences
    last = band(PHQ9, phq[-1]["total"]).label
    assert year.summary().endswith(f"in the range called \u201c{last}\u201d.")


def test_comparison_is_the_domain_sentence_and_never_claims_cause(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date
) -> None:
    data = service.load()
    for span in Span:
        result = data.comparison(span)
        start = span_start(span, today)
        moods = {d: m for d, m in data.mood_by_day.items() if start is None or d >= start}
        practised = {d for d in data.minutes_by_day if start is None or d >= start}
        assert result == practice_mood_comparison(moods, practised)
        if result.enough:
            assert result.sentence.endswith(NO_CAUSE_NOTE)
        for claim in ("because", "improve", "helps", "leads to", "makes you", "boost"):
            assert claim not in result.sentence.lower()
    assert data.comparison(Span.ALL).enough


def test_year_calendar_and_its_words(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date
) -> None:
    data = service.load()
    years = data.years()
    assert years[0] == today.year and years == sorted(years, reverse=True)
    assert years[-1] == (today - 3649 * DAY).year
    view = data.year(today.year - 1)
    checked = {d for d in data.mood_by_day if d.year == view.year}
    practised = {d for d in data.minutes_by_day if d.year == view.year}
    assert {d.day for d in view.calendar.days if d.mood is not None} == checked
    assert {d.day for d in view.calendar.days if d.practised} == practised
    assert view.summary() == (
        f"In {view.year} you checked in on {len(checked)} days and practised on "
        f"{len(practised)} days."
    )
    tomorrow = today + DAY
    if tomorrow.year == today.year:
        assert data.year(today.year).day_text(tomorrow).endswith("still to come.")


def test_new_check_ins_appear_on_the_next_load(
    db: Database, service: InsightsService, clock: FakeClock, today: dt.date
) -> None:
    assert service.load().mood(Span.DAYS_30).empty
    clock.advance(days=1)
    tomorrow = clock().date()
    at = dt.datetime.combine(tomorrow, dt.time(9))
    with db.session() as session:
        session.add(CheckIn(created_at=at, updated_at=at, local_date=tomorrow, mood=7))
    data = service.load()
    assert data.today == tomorrow and data.mood(Span.DAYS_30).days == (tomorrow,)


# --- honest spans: the words say how many days there really are -------------------------------


@pytest.mark.parametrize("span", list(Span))
def test_ten_days_say_ten_days_in_every_span(
    db: Database, service: InsightsService, today: dt.date, span: Span
) -> None:
    fill(db, today, 10, seed=3)
    data = service.load()
    assert data.coverage(span).days == 10
    sentences = [
        data.mood(span).summary(),
        data.practice(span).summary(),
        data.questionnaire(PHQ9, span).summary(),
    ]
    for text in sentences:
        assert "in your first 10 days" in text.lower(), text
        assert "90 days" not in text and "last" not in text and "week" not in text, text


def test_two_hundred_days_fill_the_short_spans_only(
    db: Database, service: InsightsService, today: dt.date
) -> None:
    fill(db, today, 200, seed=5)
    data = service.load()
    assert "in the last 30 days" in data.mood(Span.DAYS_30).summary()
    assert "in the last 90 days" in data.practice(Span.DAYS_90).summary().lower()
    for span in (Span.YEAR, Span.ALL):
        assert "in your first 200 days" in data.mood(span).summary()
        weeks = data.practice(span)
        per_week = round(weeks.minutes / (200 / 7))
        assert weeks.summary().endswith(f"about {per_week:,} minutes a week.")
    # Only the span's own days count in its totals, not the rest of its first week.
    month = data.practice(Span.DAYS_30)
    start = span_start(Span.DAYS_30, today)
    assert start is not None
    inside = {d: m for d, m in data.minutes_by_day.items() if d >= start}
    assert month.days == len(inside) and month.minutes == pytest.approx(sum(inside.values()))
    assert data.resolution(Span.DAYS_90).value == "day"
    assert data.resolution(Span.ALL).value == "week"  # 200 days: weekly points


def test_one_day_and_no_days_claim_no_span(
    db: Database, service: InsightsService, clock: FakeClock, today: dt.date
) -> None:
    empty = service.load()
    for span in Span:
        assert empty.practice(span).summary() == "No practice logged yet."
        assert empty.questionnaire(PHQ9, span).summary() == "No PHQ-9 totals yet."
    fill(db, today, 1, seed=1)
    data = service.load()
    for span in Span:
        assert (
            data.questionnaire(PHQ9, span)
            .summary()
            .startswith("One PHQ-9 total today, your first day;")
        )
        practice = data.practice(span)
        if not practice.empty:
            assert practice.summary().startswith("Today, your first day, you practised for ")


def test_plurals_in_the_words(db: Database, service: InsightsService, today: dt.date) -> None:
    at = dt.datetime.combine(today, dt.time(8))
    with db.session() as session:
        session.add(
            PracticeSession(
                kind="manual",
                practice_id="breath",
                title="Breath",
                started_at=at,
                local_date=today,
                minutes=1.0,
                completed=True,
            )
        )
    data = service.load()
    assert data.practice(Span.DAYS_30).summary() == (
        "Today, your first day, you practised for 1 minute."
    )
    assert data.year(today.year).day_text(today).endswith("you practised for 1 minute.")
    assert data.year(today.year).summary().endswith("practised on 1 day.")


def test_ten_years_are_drawn_as_monthly_totals(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date
) -> None:
    data = service.load()
    assert data.resolution(Span.ALL).value == "month"
    assert data.resolution(Span.YEAR).value == "week"
    practice = data.practice(Span.ALL)
    assert practice.unit == "month"
    assert [b.start.day for b in practice.bars] == [1] * len(practice.bars)
    assert sum(b.minutes for b in practice.bars) == pytest.approx(
        sum(s["minutes"] for s in ten_years["sessions"])
    )
    assert all(0 < b.days_a_week <= 7 for b in practice.bars)
    assert data.practice(Span.YEAR).unit == "week"
    buckets = data.mood(Span.ALL).buckets()
    assert len(buckets) == len({d.replace(day=1) for d in data.mood_by_day})
    assert data.mood(Span.ALL).summary().startswith("You checked in on ")
    assert "since you started in" in data.mood(Span.ALL).summary()


def test_weekly_and_monthly_summaries_name_what_the_chart_draws(
    service: InsightsService, ten_years: dict[str, Any], today: dt.date
) -> None:
    data = service.load()
    months = data.mood(Span.ALL).buckets()
    first = next(iter(months))
    text = data.mood(Span.ALL).summary()
    assert "7-day" not in text
    assert f"The monthly average was {months[first]:.1f}".removesuffix(".0") in text
    assert f"in {first:%B %Y} and " in text
    weekly = data.mood(Span.YEAR)
    assert weekly.resolution.value == "week"
    assert "The weekly average was " in weekly.summary() and "in the week of " in weekly.summary()
    assert all(start.weekday() == 0 for start in weekly.buckets())
