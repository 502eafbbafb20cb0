"""Spans say how many days there really are."""

from __future__ import annotations

import datetime as dt

import pytest

from mindful_desktop.domain.coverage import Coverage
from mindful_desktop.domain.stats import Span

TODAY = dt.date(2026, 12, 6)
DAY = dt.timedelta(days=1)


def _days_ago(n: int) -> dt.date:
    return TODAY - n * DAY


@pytest.mark.parametrize("span", list(Span))
def test_an_empty_journal_claims_no_span(span: Span) -> None:
    c = Coverage(span, TODAY, None)
    assert c.days == 0 and not c.full and c.start is None and c.words() == "yet"


@pytest.mark.parametrize("span", list(Span))
def test_the_first_day_is_today(span: Span) -> None:
    c = Coverage(span, TODAY, TODAY)
    assert c.days == 1 and c.first_day_only and c.words() == "today, your first day"


@pytest.mark.parametrize("span", list(Span))
def test_ten_days_are_ten_days_in_every_span(span: Span) -> None:
    c = Coverage(span, TODAY, _days_ago(9))
    assert c.days == 10 and c.words() == "in your first 10 days"
    assert c.start == _days_ago(9)


def test_a_full_span_is_the_last_n_days() -> None:
    first = _days_ago(199)
    assert Coverage(Span.DAYS_30, TODAY, first).words() == "in the last 30 days"
    assert Coverage(Span.DAYS_90, TODAY, first).words() == "in the last 90 days"
    assert Coverage(Span.DAYS_90, TODAY, _days_ago(89)).full
    assert not Coverage(Span.DAYS_90, TODAY, _days_ago(88)).full
    assert Coverage(Span.YEAR, TODAY, first).words() == "in your first 200 days"
    assert Coverage(Span.ALL, TODAY, first).words() == "in your first 200 days"
    assert Coverage(Span.YEAR, TODAY, _days_ago(3000)).words() == "in the last year"
    ten_years = Coverage(Span.ALL, TODAY, dt.date(2016, 12, 9))
    assert ten_years.words() == "since you started in December 2016" and not ten_years.full
