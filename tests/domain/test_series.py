"""Gathering daily values into Monday-based weeks and calendar months."""

from __future__ import annotations

import datetime as dt

import pytest

from mindful_desktop.domain.series import (
    Resolution,
    bucket_end,
    bucket_means,
    bucket_start,
    bucket_totals,
    resolution_for,
)

D = dt.date


def test_resolution_follows_the_window() -> None:
    assert resolution_for(0) is Resolution.DAY
    assert resolution_for(120) is Resolution.DAY
    assert resolution_for(121) is Resolution.WEEK
    assert resolution_for(730) is Resolution.WEEK
    assert resolution_for(731) is Resolution.MONTH
    assert Resolution.WEEK.adjective == "weekly" and Resolution.MONTH.adjective == "monthly"


def test_weeks_start_on_monday_and_months_on_the_first() -> None:
    sunday, monday = D(2026, 3, 8), D(2026, 3, 9)
    assert bucket_start(sunday, Resolution.WEEK) == D(2026, 3, 2)
    assert bucket_start(monday, Resolution.WEEK) == monday
    assert bucket_end(monday, Resolution.WEEK) == D(2026, 3, 15)
    assert bucket_start(D(2026, 2, 28), Resolution.MONTH) == D(2026, 2, 1)
    assert bucket_end(D(2026, 2, 1), Resolution.MONTH) == D(2026, 2, 28)
    assert bucket_end(D(2024, 2, 1), Resolution.MONTH) == D(2024, 2, 29)
    assert bucket_end(D(2026, 12, 1), Resolution.MONTH) == D(2026, 12, 31)
    assert bucket_start(sunday, Resolution.DAY) == bucket_end(sunday, Resolution.DAY) == sunday


def test_weekly_means_and_totals_skip_empty_weeks() -> None:
    by_day = {D(2026, 3, 8): 4.0, D(2026, 3, 9): 6.0, D(2026, 3, 10): 8.0, D(2026, 3, 30): 1.0}
    assert bucket_means(by_day, Resolution.WEEK) == {
        D(2026, 3, 2): 4.0,
        D(2026, 3, 9): 7.0,
        D(2026, 3, 30): 1.0,  # the weeks of 16 and 23 March had nothing: left out
    }
    assert bucket_totals(by_day, Resolution.WEEK) == {
        D(2026, 3, 2): 4.0,
        D(2026, 3, 9): 14.0,
        D(2026, 3, 30): 1.0,
    }


def test_monthly_buckets_are_calendar_months_oldest_first() -> None:
    by_day = {D(2027, 1, 1): 2.0, D(2026, 12, 31): 10.0, D(2026, 12, 1): 5.0}
    means = bucket_means(by_day, Resolution.MONTH)
    assert list(means) == [D(2026, 12, 1), D(2027, 1, 1)]
    assert means[D(2026, 12, 1)] == pytest.approx(7.5)
    assert bucket_totals(by_day, Resolution.MONTH) == {D(2026, 12, 1): 15.0, D(2027, 1, 1): 2.0}
    assert bucket_means({}, Resolution.MONTH) == {}
    assert bucket_means(by_day, Resolution.DAY) == dict(sorted(by_day.items()))
