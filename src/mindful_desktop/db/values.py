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


def columns_of(obj: object, columns: str) -> dict[str, object]:
    """An ORM object's `columns` ("id, title, …") as a row-like mapping, so one function maps
    both a plain-SQL row and a freshly written ORM object to a view."""
    return {name: getattr(obj, name) for name in columns.split(", ")}


def day_param(day: dt.date) -> str:
    """A date as the query parameter SQLAlchemy's `Date` type compares against."""
    return day.isoformat()


def instant_param(moment: dt.datetime) -> str:
    """An aware instant as SQLAlchemy's `DateTime` stores it in SQLite (naive UTC text), for
    comparing against stored instants in raw SQL."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
