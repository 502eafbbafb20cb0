"""Mood and practice statistics on no data, one day, and ten years of days."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

import pytest

from mindful_desktop.domain.stats import (
    MIN_DAYS_TO_COMPARE,
    NO_CAUSE_NOTE,
    Span,
    daily_means,
    filter_span,
    practice_mood_comparison,
    span_start,
    trailing_average,
    weekly_practice,
    year_calendar,
)

D = dt.date(2026, 3, 14)  # a Saturday
DAY = dt.timedelta(days=1)


def test_daily_means_average_several_check_ins_oldest_first() -> None:
    entries = [(D, 3), (D - DAY, 8), (D, 6), (D, 9)]
    assert list(daily_means(entries).items()) == [(D - DAY, 8.0), (D, 6.0)]
    assert daily_means([]) == {}


def test_trailing_average_uses_calendar_days_that_have_data() -> None:
    means = {D: 4.0, D + DAY: 6.0, D + 3 * DAY: 8.0, D + 7 * DAY: 2.0, D + 30 * DAY: 9.0}
    avg = trailing_average(means)
    assert list(avg) == list(means)
    assert avg[D] == 4.0
    assert avg[D + DAY] == 5.0
    assert avg[D + 3 * DAY] == pytest.approx(6.0)
    assert avg[D + 7 * DAY] == pytest.approx((6 + 8 + 2) / 3)  # D itself has left the window
    assert avg[D + 30 * DAY] == pytest.approx(9.0)  # after a gap, only what is in the window
    assert trailing_average({}) == {}
    assert trailing_average({D: 7.0}) == {D: 7.0}


def test_trailing_average_matches_a_plain_recomputation() -> None:
    rng = random.Random(7)
    means = {D + n * DAY: rng.uniform(0, 10) for n in range(400) if rng.random() < 0.7}
    avg = trailing_average(means)
    for day, value in avg.items():
        window = [v for d, v in means.items() if 0 <= (day - d).days < 7]
        assert value == pytest.approx(sum(window) / len(window))


def test_spans_count_today_as_their_last_day() -> None:
    by_day = {D - n * DAY: float(n) for n in range(800)}
    assert span_start(Span.DAYS_30, D) == D - 29 * DAY
    assert len(filter_span(by_day, Span.DAYS_30, D)) == 30
    assert len(filter_span(by_day, Span.DAYS_90, D)) == 90
    assert len(filter_span(by_day, Span.YEAR, D)) == 365
    assert len(filter_span(by_day, Span.ALL, D)) == 800
    assert span_start(Span.ALL, D) is None
    assert filter_span({D + DAY: 1.0}, Span.DAYS_30, D) == {}  # a future date stays out
    assert filter_span({}, Span.YEAR, D) == {}
    assert [s.value for s in Span] == ["30 days", "90 days", "1 year", "All"]


def test_weekly_practice_sums_minutes_and_counts_days_per_iso_week() -> None:
    monday = dt.date(2026, 3, 9)
    sessions = [
        (monday, 10.0),
        (monday, 20.0),  # two sessions, one day
        (monday + 2 * DAY, 15.0),
        (monday + 6 * DAY, 3.0),  # Sunday: same ISO week
        (monday + 7 * DAY, 30.0),  # next Monday: next week
        (monday + 21 * DAY, 5.0),  # after an empty week
    ]
    weeks = weekly_practice(sessions)
    assert [w.monday for w in weeks] == [monday + 7 * n * DAY for n in range(4)]
    assert [w.minutes for w in weeks] == [48.0, 30.0, 0.0, 5.0]
    assert [w.days for w in weeks] == [3, 1, 0, 1]
    assert weeks[0].days_text == "3 of 6 days"
    assert (weeks[0].iso_year, weeks[0].iso_week) == (2026, 11)
    assert not weeks[0].met_goal


def test_weekly_practice_goal_and_iso_year_boundaries() -> None:
    # 29 Dec 2025 is the Monday of ISO week 1 of 2026.
    sessions = [(dt.date(2025, 12, 29) + n * DAY, 10.0) for n in range(6)]
    (week,) = weekly_practice(sessions)
    assert (week.iso_year, week.iso_week, week.days, week.met_goal) == (2026, 1, 6, True)


def test_weekly_practice_with_bounds_and_without_data() -> None:
    assert weekly_practice([]) == []
    weeks = weekly_practice([], start=D - 14 * DAY, end=D)
    assert len(weeks) == 3 and all(w.minutes == 0 and w.days == 0 for w in weeks)
    one = weekly_practice([(D, 12.5)])
    assert len(one) == 1 and one[0].minutes == 12.5 and one[0].days == 1


def test_year_calendar_has_every_day_with_mood_and_practice() -> None:
    cal = year_calendar(2024, {dt.date(2024, 2, 29): 6.5}, {dt.date(2024, 12, 31)})
    assert len(cal.days) == 366
    assert cal.days[0].day == dt.date(2024, 1, 1)
    feb = cal.month(2)
    assert len(feb) == 29 and feb[-1].mood == 6.5 and not feb[-1].practised
    assert cal.month(12)[-1].practised and cal.month(12)[-1].mood is None
    assert sum(len(cal.month(m)) for m in range(1, 13)) == 366
    assert len(year_calendar(2026, {}, set()).days) == 365
    with pytest.raises(ValueError):
        cal.month(13)


def test_comparison_says_it_cannot_show_cause() -> None:
    mood = {D - n * DAY: (7.0 if n % 2 else 5.0) for n in range(40)}
    practised = [D - n * DAY for n in range(40) if n % 2]
    result = practice_mood_comparison(mood, practised)
    assert result.enough
    assert (result.practised.days, result.not_practised.days) == (20, 20)
    assert result.practised.mean == 7.0 and result.not_practised.mean == 5.0
    assert result.sentence == (
        "On the 20 days you practised, your average mood was 7.0 out of 10; on the 20 days you "
        f"didn't, it was 5.0. {NO_CAUSE_NOTE}"
    )
    assert "can't show that one causes the other" in result.sentence
    lowered = result.sentence.lower()
    for claim in ("because", "improve", "boost", "makes you", "helps your mood", "leads to"):
        assert claim not in lowered


def test_comparison_about_the_same() -> None:
    mood = {D - n * DAY: 6.0 + (0.1 if n % 2 else 0.0) for n in range(20)}
    practised = {D - n * DAY for n in range(20) if n % 2}
    result = practice_mood_comparison(mood, practised)
    assert result.sentence.startswith("Your average mood was about the same on the 10 days")
    assert NO_CAUSE_NOTE in result.sentence


@pytest.mark.parametrize(("yes", "no"), [(0, 0), (1, 0), (6, 30), (30, 6), (6, 6)])
def test_comparison_with_too_few_days_says_so(yes: int, no: int) -> None:
    mood = {D - n * DAY: 5.0 for n in range(yes + no)}
    practised = [D - n * DAY for n in range(yes)]
    result = practice_mood_comparison(mood, practised)
    assert not result.enough
    assert result.sentence.startswith("There aren't enough days yet for a fair comparison.")
    assert f"so far there are {yes} and {no}." in result.sentence
    assert f"at least {MIN_DAYS_TO_COMPARE} days" in result.sentence


def test_practice_on_days_without_a_check_in_is_not_counted() -> None:
    mood = {D - n * DAY: 5.0 for n in range(7)}
    practised = [D - n * DAY for n in range(100, 120)]
    result = practice_mood_comparison(mood, practised)
    assert (result.practised.days, result.not_practised.days) == (0, 7)
    assert result.practised.mean is None


def test_no_data_at_all() -> None:
    means = daily_means([])
    assert means == {}
    assert trailing_average(means) == {}
    assert all(filter_span(means, span, D) == {} for span in Span)
    assert weekly_practice([]) == []
    cal = year_calendar(D.year, means, set())
    assert all(c.mood is None and not c.practised for c in cal.days)
    result = practice_mood_comparison(means, set())
    assert not result.enough and result.practised.mean is None
    assert "so far there are 0 and 0." in result.sentence


def test_one_day_of_data() -> None:
    entries = [(D, 4), (D, 6)]
    means = daily_means(entries)
    assert means == {D: 5.0}
    assert trailing_average(means) == {D: 5.0}
    assert filter_span(means, Span.DAYS_30, D) == means
    (week,) = weekly_practice([(D, 20.0)])
    assert week.days == 1 and week.minutes == 20.0
    cal = year_calendar(D.year, means, {D})
    hit = [c for c in cal.days if c.mood is not None]
    assert len(hit) == 1 and hit[0].practised
    assert not practice_mood_comparison(means, {D}).enough


def test_ten_years_of_days_is_fast() -> None:
    rng = random.Random(2026)
    start = D - 3649 * DAY
    days = [start + n * DAY for n in range(3650)]
    entries = [(d, rng.randint(0, 10)) for d in days for _ in range(2)]
    sessions = [(d, rng.uniform(5, 40)) for d in days if rng.random() < 0.7]
    practised = {d for d, _ in sessions}

    def run_all() -> None:
        means = daily_means(entries)
        assert len(means) == 3650
        avg = trailing_average(means)
        assert len(avg) == 3650
        for span in Span:
            filter_span(avg, span, D)
        weeks = weekly_practice(sessions, start=start, end=D)
        assert 521 <= len(weeks) <= 523
        assert sum(w.days for w in weeks) == len(practised)
        for year in range(start.year, D.year + 1):
            year_calendar(year, means, practised)
        result = practice_mood_comparison(means, practised)
        assert result.enough

    run_all()  # warm-up
    best = min(_timed(run_all) for _ in range(3))
    assert best < 0.05, f"ten years took {best * 1000:.1f} ms"


def _timed(fn: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0
