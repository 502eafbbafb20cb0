"""SQLite's stored text back into Python values, as SQLAlchemy wrote them (for plain-SQL reads).

`Date` columns hold 'YYYY-MM-DD', `DateTime` columns 'YYYY-MM-DD HH:MM:SS[.ffffff]' (naive UTC).
"""

from __future__ import annotations

import datetime as dt


def to_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def to_datetime(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def to_datetime_or_none(value: object) -> dt.datetime | None:
    return None if value is None else to_datetime(value)


def day_param(day: dt.date) -> str:
    """A date as the query parameter SQLAlchemy's `Date` type compares against."""
    return day.isoformat()
