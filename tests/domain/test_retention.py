import datetime as dt

from mindful_desktop.domain.retention import to_keep


def _daily(first: dt.date, days: int) -> list[dt.datetime]:
    return [dt.datetime.combine(first + dt.timedelta(days=n), dt.time(9)) for n in range(days)]


def test_a_year_of_daily_backups_thins_to_days_weeks_and_months() -> None:
    moments = _daily(dt.date(2025, 1, 1), 365)
    keep = to_keep(moments)
    newest = max(moments)
    # The last 7 days, all of them.
    assert {newest - dt.timedelta(days=n) for n in range(7)} <= keep
    # One per month for the last 12 months: the newest of each.
    months = {(m.year, m.month) for m in keep}
    assert len(months) == 12
    # 7 days + at most 4 weeks + at most 12 months, overlapping.
    assert 12 <= len(keep) <= 7 + 4 + 12
    # Nothing older than the 12th month back.
    assert min(keep) >= dt.datetime(2025, 1, 1)
    assert all(m in moments for m in keep)


def test_weeks_keep_the_newest_of_each_week() -> None:
    moments = _daily(dt.date(2026, 3, 2), 35)  # Monday 2 March, five whole weeks
    keep = to_keep(moments, days=0, weeks=4, months=0)
    assert sorted(keep) == [
        dt.datetime(2026, 3, 15, 9),
        dt.datetime(2026, 3, 22, 9),
        dt.datetime(2026, 3, 29, 9),
        dt.datetime(2026, 4, 5, 9),
    ]


def test_several_on_one_day_keep_the_newest() -> None:
    day = dt.date(2026, 5, 1)
    moments = [dt.datetime.combine(day, dt.time(h)) for h in (8, 12, 22)]
    assert to_keep(moments) == {dt.datetime.combine(day, dt.time(22))}


def test_gaps_of_months_keep_the_days_that_exist() -> None:
    # Someone who opens the app only now and then: their few backups are all kept.
    moments = [dt.datetime(2020, 1, 5), dt.datetime(2023, 6, 1), dt.datetime(2026, 11, 30)]
    assert to_keep(moments) == set(moments)


def test_nothing_to_keep_from_nothing() -> None:
    assert to_keep([]) == set()
